"""Rule coverage of a scenario suite: which rules the scenarios exercise, and which dates.

Definitions (also in README.md, "Regression testing of the rules"):

- A rule **fires** for a scenario when its id is in ``advice.fired``. Every rule should be
  fired by at least one scenario and left unfired by at least one other (a rule that fires
  for every case tells nothing apart).
- A rule is **matched** in a scenario when it fired, or when its conditions held but the
  date gate held it back because the case's date lies outside the rule's window
  (``Outcome.gated``): the situation is there, the date decides.
- A scenario **exercises a rule's family** (the id prefix: DC, MWB...) when some rule of
  that family is matched in it.
- A **boundary pair** for a date ``d`` is two scenarios with the same case except
  ``as_of``: one dated the day before ``d``, one dated ``d``.
- A dated rule has one boundary per ``valid_from`` / ``valid_until``. A boundary ``d`` is
  **covered** when a scenario dated before ``d`` and one dated on or after ``d`` exercise
  the rule's family, or when a boundary pair exercises it on at least one side (a family
  whose trigger only exists from ``d`` on cannot be matched before ``d``: then the pair
  shows the same case just before). The report also says when the rule *itself* is
  matched on both sides.
- An instrument boundary is a catalogue ``open_from`` / ``open_until`` date. It is
  **covered** by a boundary pair that *concerns* the instrument on at least one side: the
  instrument is recommended, rejected, named by a missing answer or a warning, or a rule
  of one of its families is matched.
- Boundaries outside the dates the advisor serves (``ADVISED_FROM`` .. ``ADVISED_UNTIL``)
  cannot be tested and are listed as out of range, not as missing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from advisor.knowledge import Catalogue
from advisor.engine.registry import RuleMeta
from advisor.regression.scenarios import Outcome
from advisor.i18n import t

ADVISED_FROM = date(2005, 1, 1)
ADVISED_UNTIL = date(2026, 12, 31)


@dataclass
class Boundary:
    """A date at which something starts or stops, with the scenarios on each side."""
    subject: str               # a rule id or an instrument id
    kind: str                  # valid_from | valid_until | open_from | open_until
    day: date
    before: list[str] = field(default_factory=list)      # ids of scenarios dated before `day`
    on_after: list[str] = field(default_factory=list)    # ids dated on or after `day`
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (day before, day of), same case
    rule_itself: bool = False  # a rule boundary: the rule itself matched on both sides

    @property
    def in_range(self) -> bool:
        return ADVISED_FROM < self.day <= ADVISED_UNTIL

    @property
    def sides_covered(self) -> bool:
        return bool(self.before and self.on_after)

    @property
    def covered(self) -> bool:
        return self.sides_covered or self.tight_pair

    @property
    def tight_pair(self) -> bool:
        return bool(self.pairs)

    def as_json(self) -> dict:
        return {"subject": self.subject, "kind": self.kind, "day": self.day.isoformat(),
                "in_range": self.in_range, "covered": self.covered, "sides_covered": self.sides_covered,
                "boundary_pairs": [list(p) for p in self.pairs], "rule_itself_both_sides": self.rule_itself,
                "before": self.before, "on_or_after": self.on_after}


@dataclass
class RuleCoverage:
    meta: RuleMeta
    fired_by: list[str]
    not_fired_by: int
    boundaries: list[Boundary]


@dataclass
class CoverageReport:
    scenarios: int
    rules: list[RuleCoverage]
    instrument_boundaries: list[Boundary]

    @property
    def fired_percent(self) -> float:
        if not self.rules:
            return 100.0
        return 100.0 * sum(1 for r in self.rules if r.fired_by) / len(self.rules)

    @property
    def unfired(self) -> list[str]:
        return [r.meta.id for r in self.rules if not r.fired_by]

    @property
    def never_unfired(self) -> list[str]:
        return [r.meta.id for r in self.rules if r.fired_by and not r.not_fired_by]

    def missing_rule_boundaries(self) -> list[Boundary]:
        return [b for r in self.rules for b in r.boundaries if b.in_range and not b.covered]

    def missing_instrument_pairs(self) -> list[Boundary]:
        return [b for b in self.instrument_boundaries if b.in_range and not b.tight_pair]


def _same_case_key(outcome: Outcome) -> str:
    case = outcome.entry.loaded.scenario.case
    return json.dumps(case.model_dump(mode="json", exclude={"as_of"}), sort_keys=True)


def _fill(boundary: Boundary, advised: list[Outcome], keys: dict[str, str], exercises) -> None:
    """Sort the scenarios that exercise the subject to either side of the boundary, and find
    the boundary pairs (same case, day before and day of) exercising it on at least one side."""
    eve = boundary.day - timedelta(days=1)
    by_case: dict[str, list[Outcome]] = {}
    for o in advised:
        if exercises(o):
            (boundary.before if o.advice.as_of < boundary.day else boundary.on_after).append(o.id)
        if o.advice.as_of == eve:
            by_case.setdefault(keys[o.id], []).append(o)
    for o in advised:
        if o.advice.as_of == boundary.day:
            boundary.pairs += [(b.id, o.id) for b in by_case.get(keys[o.id], []) if exercises(b) or exercises(o)]


def _concerns(outcome: Outcome, instrument: str, families: set[str], matched_families: set[str]) -> bool:
    a = outcome.advice
    if instrument in a.recommended_ids() or instrument in a.rejected_ids():
        return True
    if any(instrument in n.affects for n in a.needs_info) or any(w.instrument == instrument for w in a.warnings):
        return True
    return bool(families & matched_families)


def coverage(outcomes: list[Outcome], metas: list[RuleMeta], cat: Catalogue) -> CoverageReport:
    """The coverage of ``metas`` and of the catalogue's open/close dates by ``outcomes``."""
    advised = [o for o in outcomes if o.advice is not None]
    matched = {o.id: set(o.advice.fired) | o.gated for o in advised}
    families = {o.id: {r.split("-", 1)[0] for r in matched[o.id]} for o in advised}
    keys = {o.id: _same_case_key(o) for o in advised}
    rules = []
    for meta in metas:
        fired_by = [o.id for o in advised if meta.id in o.advice.fired]
        boundaries = []
        for kind, day in (("valid_from", meta.valid_from), ("valid_until", meta.valid_until)):
            if day is None:
                continue
            b = Boundary(meta.id, kind, day)
            _fill(b, advised, keys, lambda o: meta.family in families[o.id])
            itself = [o.advice.as_of < day for o in advised if meta.id in matched[o.id]]
            b.rule_itself = True in itself and False in itself
            boundaries.append(b)
        rules.append(RuleCoverage(meta, fired_by, len(advised) - len(fired_by), boundaries))

    instrument_boundaries = []
    for inst in cat.instruments.values():
        for kind, day in (("open_from", inst.open_from), ("open_until", inst.open_until)):
            if day is not None:
                b = Boundary(inst.id, kind, day)
                _fill(b, advised, keys, lambda o: _concerns(o, inst.id, set(inst.families), families[o.id]))
                instrument_boundaries.append(b)
    return CoverageReport(len(advised), rules, instrument_boundaries)


# --- output -----------------------------------------------------------------------------


def coverage_json(report: CoverageReport) -> dict:
    return {
        "scenarios": report.scenarios,
        "rules": len(report.rules),
        "fired_percent": round(report.fired_percent, 2),
        "unfired": report.unfired,
        "never_unfired": report.never_unfired,
        "per_rule": [{"rule": r.meta.id, "fired": len(r.fired_by), "not_fired": r.not_fired_by,
                      "window": r.meta.window if r.boundaries else None,
                      "boundaries": [b.as_json() for b in r.boundaries]} for r in report.rules],
        "instrument_boundaries": [b.as_json() for b in report.instrument_boundaries],
        "missing_rule_boundaries": [f"{b.subject} {b.kind} {b.day}" for b in report.missing_rule_boundaries()],
        "missing_instrument_pairs": [f"{b.subject} {b.kind} {b.day}" for b in report.missing_instrument_pairs()],
    }


def _side(b: Boundary, lang: str) -> str:
    if not b.in_range:
        return t("cov_out_of_range", lang)
    mark = "ok" if b.covered else t("cov_missing", lang)
    extra = [t("cov_itself", lang)] if b.rule_itself else []
    extra += [t("cov_tight", lang)] if b.tight_pair else []
    return f"{b.kind} {b.day}: {t('cov_before', lang)} {len(b.before)}, " \
           f"{t('cov_on_after', lang)} {len(b.on_after)}{''.join(', ' + e for e in extra)} [{mark}]"


def coverage_text(report: CoverageReport, lang: str) -> str:
    fired = sum(1 for r in report.rules if r.fired_by)
    lines = [t("cov_title", lang, fired=fired, total=len(report.rules), pct=report.fired_percent,
               n=report.scenarios), ""]
    lines.append(f"{t('cov_rule', lang):<10} {t('cov_fired', lang):>6} {t('cov_not_fired', lang):>8}  "
                 f"{t('cov_dates', lang)}")
    for r in report.rules:
        dates = "; ".join(_side(b, lang) for b in r.boundaries)
        lines.append(f"{r.meta.id:<10} {len(r.fired_by):>6} {r.not_fired_by:>8}  {dates}".rstrip())
    none = t("none", lang)
    lines += ["", f"{t('cov_unfired', lang)}: {', '.join(report.unfired) or none}",
              f"{t('cov_never_unfired', lang)}: {', '.join(report.never_unfired) or none}"]
    missing = report.missing_rule_boundaries()
    lines.append(f"{t('cov_rule_boundaries', lang)}: "
                 + (", ".join(f"{b.subject} {b.kind} {b.day}" for b in missing) or none))
    lines += ["", t("cov_instrument_title", lang)]
    for b in report.instrument_boundaries:
        if not b.in_range:
            state = t("cov_out_of_range", lang)
        elif b.tight_pair:
            state = f"ok ({' / '.join(b.pairs[0])})"
        else:
            state = t("cov_missing_pair", lang)
        lines.append(f"  {b.subject:<28} {b.kind:<10} {b.day}  {state}")
    return "\n".join(lines) + "\n"
