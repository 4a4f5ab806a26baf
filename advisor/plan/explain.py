"""Explanations beyond "why": why A rather than B, and what would change the advice.

- ``contrast(advice, a, b)``: for two instruments, where each stands on this case
  (recommended, rejected, closed, not considered) and the rules that separate them: the
  deciding reasons, caveats and missing answers of each, side by side; rules both share are
  listed once, apart.
- ``what_if(case)``: for each instrument rejected on the date (while still open) and each
  "possible" fit, the smallest sets of changes to the case's answers that make it recommended
  (a rejection) or a strong fit (a possible one). Only answers a starter can act on are
  changed (``ACTIONABLE``), never a fact about people (disability, income, age...), and at
  most two fields at once. Every candidate is judged by running the engine on the changed
  case; a set is proposed only when no smaller set does it (minimal). The search is bounded
  by a number of engine runs and by CPU time; the result says when a bound cut it. Results are
  cached per case in the process.

Pairs are formed from single changes that each move the instrument on their own (they lift
one of its blocks or caveats, give a missing answer or change its fit): two changes that
only work together and do nothing alone are not searched (the cost would be quadratic in
every candidate). Numeric sizes are tried on a short ladder (``SIZES``), nearest to the
current value first, and only the nearest value that works is proposed.

The web and the CLI call ``contrast``/``why_not``, ``what_if`` and ``best_options`` (the one
or two options to show per instrument), and render with ``contrast_text`` / ``what_if_text``
or the ``as_json`` of each result; ``panel(case)`` gives a face's end-page panel ready-made
(per instrument its best two options as sentences).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import get_args

from pydantic import ValidationError

from advisor.engine.engine import advise
from advisor.errors import InputError
from advisor.i18n import Msg, t
from advisor.knowledge import Catalogue, catalogue
from advisor.models import Advice, Case, Reason
from advisor.render import wrap
from advisor.vocabulary import Activity, Customer, LegalForm, Role

# --- contrast ---------------------------------------------------------------------------


@dataclass
class Side:
    """Where one instrument stands in an advice."""
    instrument: str
    name: str
    status: str                  # recommended | partly | rejected | closed | not_considered
    fit: str | None = None
    worker_groups: list[str] = field(default_factory=list)
    rejected_groups: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)    # deciding: for, or blocking
    blocks: list[Reason] = field(default_factory=list)     # partly: the blocks for some groups
    caveats: list[Reason] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    note: str = ""                                         # closed: the closed line

    def rules(self) -> set[str]:
        return {r.rule for r in [*self.reasons, *self.blocks, *self.caveats]}

    def as_json(self) -> dict:
        return {"instrument": self.instrument, "name": self.name, "status": self.status, "fit": self.fit,
                "worker_groups": self.worker_groups, "rejected_groups": self.rejected_groups,
                "reasons": [r.model_dump(mode="json") for r in self.reasons],
                "blocks": [r.model_dump(mode="json") for r in self.blocks],
                "caveats": [r.model_dump(mode="json") for r in self.caveats],
                "missing": self.missing, "note": self.note}


@dataclass
class Contrast:
    sides: list[Side]
    common: list[str]  # rule ids on both sides: they do not separate the two

    def as_json(self) -> dict:
        return {"sides": [s.as_json() for s in self.sides], "common_rules": self.common}


def check_instrument(instrument: str, where: str, cat: Catalogue | None = None) -> str:
    cat = cat or catalogue()
    if instrument not in cat.instruments:
        raise InputError(where, [Msg("unknown_instrument", value=repr(instrument), allowed=", ".join(cat.instruments))])
    return instrument


def side_of(advice: Advice, instrument: str, cat: Catalogue | None = None) -> Side:
    cat = cat or catalogue()
    inst = cat.instruments[instrument]
    name = inst.name(advice.lang)
    rec = next((r for r in advice.recommendations if r.instrument == instrument), None)
    rej = next((r for r in advice.rejected if r.instrument == instrument), None)
    missing = sorted(n.field for n in advice.needs_info if instrument in n.affects)
    if rec:
        side = Side(instrument, name, "partly" if rej else "recommended", fit=rec.fit,
                    worker_groups=list(rec.worker_groups), reasons=list(rec.reasons),
                    caveats=list(rec.caveats), missing=missing)
        if rej:
            side.rejected_groups, side.blocks = list(rej.worker_groups), list(rej.reasons)
        return side
    if rej:
        return Side(instrument, name, "rejected", rejected_groups=list(rej.worker_groups),
                    reasons=list(rej.reasons), missing=missing)
    closed = next((w for w in advice.warnings if w.code == "instrument-closed" and w.instrument == instrument), None)
    if closed or not inst.open_on(advice.as_of):
        return Side(instrument, name, "closed", note=closed.text if closed else "", missing=missing)
    return Side(instrument, name, "not_considered", missing=missing)


def contrast(advice: Advice, a: str, b: str | None, cat: Catalogue | None = None) -> Contrast:
    """``a`` beside ``b`` (``b`` None: ``a`` alone); the rules both share are taken out of
    the sides and listed under ``common``."""
    sides = [side_of(advice, a, cat)] + ([side_of(advice, b, cat)] if b and b != a else [])
    common = sorted(sides[0].rules() & sides[1].rules()) if len(sides) == 2 else []
    for s in sides:
        s.reasons = [r for r in s.reasons if r.rule not in common]
        s.blocks = [r for r in s.blocks if r.rule not in common]
        s.caveats = [r for r in s.caveats if r.rule not in common]
    return Contrast(sides, common)


def why_not(advice: Advice, instrument: str, cat: Catalogue | None = None) -> Contrast:
    """``instrument`` beside the top recommendation (the next one when it is the top)."""
    other = next((r.instrument for r in advice.recommendations if r.instrument != instrument), None)
    return contrast(advice, instrument, other, cat)


Labeller = Callable[[str], str]


def _reason_line(r: Reason, lang: str) -> str:
    src = f" ({t('sources', lang)}: {', '.join(r.sources)})" if r.sources else ""
    who = f" [{t('group_word', lang)} {r.group}]" if r.group else ""
    return f"{r.rule}{who}: {r.text}{src}"


def contrast_text(c: Contrast, lang: str, label: Labeller = str, md: bool = False) -> str:
    lines = [("## " if md else "") + t("ct_title", lang, names=" ↔ ".join(s.name for s in c.sides)), ""]
    for s in c.sides:
        groups = f" ({', '.join(s.worker_groups)})" if s.worker_groups else ""
        rejected = f" ({', '.join(s.rejected_groups)})" if s.rejected_groups else ""
        status = t("ct_" + s.status, lang, fit=t("fit_" + s.fit, lang) if s.fit else "", groups=groups,
                   rejected=rejected)
        lines.append(f"{s.name} [{s.instrument}]: {status}")
        if s.note:
            lines.append(f"  {s.note}")
        for title, items in (("ct_for" if s.status in ("recommended", "partly") else "ct_against", s.reasons),
                             ("ct_against", s.blocks), ("ct_caveats", s.caveats)):
            if items:
                lines.append(f"  {t(title, lang)}:")
                lines += [wrap(_reason_line(r, lang), "      ", "    - ") for r in items]
        if s.missing:
            lines.append(f"  {t('ct_missing', lang)}: {', '.join(label(f) for f in s.missing)}")
        if s.status == "not_considered":
            lines.append(f"  {t('ct_no_rule', lang)}")
        lines.append("")
    if c.common:
        lines += [t("ct_common", lang, rules=", ".join(c.common)), ""]
    return "\n".join(lines)


# --- what would change the advice -----------------------------------------------------------

#: The answers a starter can act on. Facts about the people (a worker group's disability,
#: income, age, education, readiness...) are never changed; a group's FTE is how many people
#: the starter employs from the group, which the starter decides.
ACTIONABLE = ("organisation.legal_form", "organisation.role", "organisation.can_lodge_deposit",
              "organisation.has_business_plan", "organisation.has_public_commissioner",
              "organisation.staff_fte", "worker_groups.*.fte", "service.customers", "service.activities")
#: The ladder of sizes (FTE) tried for the organisation's staff and a group's size.
SIZES = (5.0, 10.0, 20.0, 50.0)
MAX_RUNS = 400      # engine runs per case
TIME_LIMIT = 20.0   # CPU seconds per case (CPU, not wall time: a loaded machine does not cut the search)

RANK = {"rejected": 0, "possible": 1, "strong": 2}


@dataclass(frozen=True)
class Change:
    field: str        # a case path: organisation.legal_form, worker_groups.<id>.fte, service.activities
    op: str           # set | add | remove
    value: object
    old: object = None

    @property
    def numeric(self) -> bool:
        return self.field.endswith("fte")

    @property
    def shape(self) -> tuple:
        """Changes of the same shape differ only in a size: only the nearest one is proposed."""
        return (self.field, self.op, None if self.numeric else self.value)

    def as_json(self) -> dict:
        return {"field": self.field, "op": self.op, "value": self.value, "old": self.old}


@dataclass
class Option:
    changes: tuple[Change, ...]
    reaches: str               # strong | possible: the fit it would have
    lifts: list[str]           # the rule ids (blocks, caveats, missing answers' rules) that no longer apply
    loses: list[str]           # instruments recommended now and no longer with the change

    def as_json(self) -> dict:
        return {"changes": [c.as_json() for c in self.changes], "reaches": self.reaches,
                "lifts": self.lifts, "loses": self.loses}


@dataclass
class Target:
    instrument: str
    name: str
    group: str | None          # a rejection for one worker group; None: the organisation / the whole
    now: str                   # rejected | possible
    rules: list[str]           # what holds it back now: its blocks, or its caveats and missing answers' rules
    options: list[Option] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"instrument": self.instrument, "name": self.name, "group": self.group, "now": self.now,
                "held_back_by": self.rules, "options": [o.as_json() for o in self.options]}


@dataclass
class WhatIf:
    as_of: date
    targets: list[Target]
    runs: int
    seconds: float
    cut: bool                  # a bound stopped the search before every candidate was tried
    max_runs: int
    time_limit: float

    def as_json(self) -> dict:
        # no timing: the same case gives the same bytes (``seconds`` stays on the object)
        return {"as_of": self.as_of.isoformat(), "targets": [x.as_json() for x in self.targets],
                "engine_runs": self.runs, "cut": self.cut,
                "max_runs": self.max_runs, "time_limit": self.time_limit}


def _state(advice: Advice, target: Target) -> tuple[str | None, frozenset[str]]:
    """The target's standing in ``advice``: its fit (None: not recommended) and what holds it back."""
    rec = next((r for r in advice.recommendations if r.instrument == target.instrument
                and all(x.rule != "OVERRIDE" for x in r.reasons)), None)
    rej = next((r for r in advice.rejected if r.instrument == target.instrument), None)
    needs = frozenset(f"{n.field}:{','.join(n.rules)}" for n in advice.needs_info if target.instrument in n.affects)
    if target.group:
        blocks = frozenset(r.rule for r in rej.reasons if r.group in (None, target.group)) if rej and (
            not rej.worker_groups or target.group in rej.worker_groups) else frozenset()
        if rec and target.group in rec.worker_groups:
            fit = next((g.fit for g in rec.group_fits if g.group == target.group), rec.fit)
            return fit, frozenset(c.rule for c in rec.caveats if c.group in (None, target.group)) | needs
        return None, blocks | needs
    if rec:
        return rec.fit, frozenset(c.rule for c in rec.caveats) | needs
    return None, (frozenset(r.rule for r in rej.reasons) if rej else frozenset()) | needs


def _reached(state: tuple[str | None, frozenset[str]], target: Target) -> bool:
    fit = state[0]
    return fit is not None if target.now == "rejected" else fit == "strong"


def _rule_ids(items: frozenset[str]) -> set[str]:
    out = set()
    for item in items:
        out.update(item.split(":", 1)[1].split(",") if ":" in item else [item])
    return out - {""}


def targets_of(advice: Advice, cat: Catalogue) -> list[Target]:
    out = []
    order = list(cat.instruments)
    for rej in sorted(advice.rejected, key=lambda r: order.index(r.instrument)):
        if not cat.instruments[rej.instrument].open_on(advice.as_of) or any(r.rule == "OVERRIDE" for r in rej.reasons):
            continue
        for group in rej.worker_groups or [None]:
            rules = sorted({r.rule for r in rej.reasons if group is None or r.group in (None, group)})
            out.append(Target(rej.instrument, rej.name, group, "rejected", rules))
    for rec in advice.recommendations:
        if rec.fit == "possible" and all(r.rule != "OVERRIDE" for r in rec.reasons):
            rules = sorted({c.rule for c in rec.caveats}
                           | {x for n in advice.needs_info if rec.instrument in n.affects for x in n.rules})
            out.append(Target(rec.instrument, rec.name, None, "possible", rules))
    return sorted(out, key=lambda x: (order.index(x.instrument), x.group or ""))


def candidates(case: Case) -> list[Change]:
    """Every single change of an actionable answer, in a fixed order."""
    org, svc = case.organisation, case.service
    out: list[Change] = []
    values = {"legal_form": LegalForm, "role": Role, "customers": Customer, "activities": Activity}

    for name in ("legal_form", "role"):
        current = getattr(org, name)
        out += [Change(f"organisation.{name}", "set", v, current) for v in get_args(values[name])
                if v not in (current, "none_yet")]  # giving up a legal entity is no step forward
    for name in ("can_lodge_deposit", "has_business_plan", "has_public_commissioner"):
        if getattr(org, name) is not True:  # being able to do more is what a starter can act on
            out.append(Change(f"organisation.{name}", "set", True, getattr(org, name)))

    def sizes(current: float | None) -> list[float]:
        ladder = [v for v in SIZES if v != current]
        return sorted(ladder, key=lambda v: (abs(v - current), v)) if current is not None else ladder

    out += [Change("organisation.staff_fte", "set", v, org.staff_fte) for v in sizes(org.staff_fte)]
    for g in sorted(case.worker_groups or [], key=lambda g: g.id):
        out += [Change(f"worker_groups.{g.id}.fte", "set", v, g.fte) for v in sizes(g.fte)]
    for name in ("customers", "activities"):
        current = list(getattr(svc, name) or [])
        if len(current) > 1:
            out += [Change(f"service.{name}", "remove", v) for v in current]
        out += [Change(f"service.{name}", "add", v) for v in get_args(values[name])
                if v not in current]
    return out


def apply(case: Case, changes: tuple[Change, ...]) -> Case | None:
    """The case with ``changes`` made; None when the changed case is not valid."""
    data = case.model_dump()
    for c in changes:
        parts = c.field.split(".")
        if parts[0] == "worker_groups":
            for g in data["worker_groups"]:
                if g["id"] == parts[1]:
                    g[parts[2]] = c.value
        elif c.op == "set":
            data[parts[0]][parts[1]] = c.value
        else:
            items = list(data[parts[0]][parts[1]] or [])
            items = [v for v in items if v != c.value] if c.op == "remove" else [*items, c.value]
            data[parts[0]][parts[1]] = items
    try:
        return Case.model_validate(data)
    except ValidationError:
        return None


_CACHE: dict[tuple, WhatIf] = {}
_CACHE_SIZE = 64


def what_if(case: Case, *, as_of: date | None = None, lang: str = "nl", cat: Catalogue | None = None,
            max_runs: int = MAX_RUNS, time_limit: float = TIME_LIMIT) -> WhatIf:
    """The minimal change sets (at most two fields) per rejected or possible instrument; see the
    module docstring. Cached per case (and date, language and bounds) in the process."""
    as_of = as_of or case.as_of or date.today()
    key = (case.model_dump_json(), as_of, lang, max_runs, time_limit)
    if key in _CACHE:
        return _CACHE[key]
    cat = cat or catalogue()
    start = time.process_time()
    base = advise(case, as_of=as_of, lang=lang, cat=cat)
    day = base.as_of
    targets = targets_of(base, cat)
    runs, cut = 0, False
    singles = candidates(case) if targets else []
    base_states = [_state(base, x) for x in targets]
    base_recs = base.recommended_ids()

    def run(changes: tuple[Change, ...]):
        nonlocal runs
        runs += 1
        variant = apply(case, changes)
        return advise(variant, as_of=day, lang=lang, cat=cat) if variant else None

    def out_of_bounds() -> bool:
        return runs >= max_runs or time.process_time() - start >= time_limit

    found: dict[int, list[Option]] = {i: [] for i in range(len(targets))}

    def record(i: int, changes: tuple[Change, ...], state, advice: Advice) -> None:
        shape = tuple(c.shape for c in changes)
        if any(tuple(c.shape for c in o.changes) == shape for o in found[i]):
            return  # the same change with another size: the nearest size is kept
        lifts = sorted(_rule_ids(base_states[i][1]) - _rule_ids(state[1]))
        loses = [r for r in base_recs if r not in advice.recommended_ids()]
        found[i].append(Option(changes, state[0], lifts, loses))

    moved: list[set[int]] = []   # per single: the targets it moves
    works: list[set[int]] = []   # per single: the targets it makes reach the goal
    for change in singles:
        if out_of_bounds():
            cut = True
            break
        advice = run((change,))
        moves, reaches = set(), set()
        if advice is not None:
            for i, target in enumerate(targets):
                state = _state(advice, target)
                if state != base_states[i]:
                    moves.add(i)
                if _reached(state, target):
                    reaches.add(i)
                    record(i, (change,), state, advice)
        moved.append(moves)
        works.append(reaches)
    tried = len(moved)
    for a in range(tried):
        if cut:
            break
        for b in range(a + 1, tried):
            if singles[a].field == singles[b].field:
                continue
            # the targets this pair may reach minimally: both move it, neither reaches it alone
            open_for = (moved[a] & moved[b]) - works[a] - works[b]
            if not open_for:
                continue
            if out_of_bounds():
                cut = True
                break
            pair = (singles[a], singles[b])
            advice = run(pair)
            if advice is None:
                continue
            for i in sorted(open_for):
                state = _state(advice, targets[i])
                if _reached(state, targets[i]):
                    record(i, pair, state, advice)
    for i, target in enumerate(targets):
        target.options = sorted(found[i], key=lambda o: len(o.changes))  # stable: candidate order within a size
    result = WhatIf(day, targets, runs, time.process_time() - start, cut, max_runs, time_limit)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = result
    return result


def best_options(target: Target, n: int = 2) -> list[Option]:
    """The options to show first (the report, the web's end page): the smallest, and among
    those the ones that cost no other recommendation, in candidate order."""
    return sorted(target.options, key=lambda o: (len(o.changes), bool(o.loses)))[:n]


def _value(value, lang: str) -> str:
    if value is True:
        return t("wi_yes", lang)
    if value is False:
        return t("wi_no", lang)
    if value is None:
        return t("wi_unknown", lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


#: A value as a reader names it, given its field path (the CLI passes the questionnaire's choice labels).
ValueLabeller = Callable[[str, object], str]


def change_text(c: Change, lang: str, label: Labeller = str, value_label: ValueLabeller | None = None) -> str:
    def show(value) -> str:
        return _value(value, lang) if value is None or value_label is None else value_label(c.field, value)

    if c.op == "set":
        return t("wi_set", lang, field=label(c.field), value=show(c.value), old=show(c.old))
    return t("wi_" + c.op, lang, field=label(c.field), value=show(c.value))


def option_sentence(target: Target, option: Option, lang: str, label: Labeller = str,
                    value_label: ValueLabeller | None = None, rules: bool = True) -> str:
    """One sentence for a person: "X would be a strong fit if: legal form: nonprofit (now: ...)".
    ``rules`` False (a starter's page): without the rule ids it lifts, and the recommendations
    it costs by name instead of by id."""
    who = f" ({t('group_word', lang)} {target.group})" if target.group else ""
    text = t("wi_would", lang, name=target.name + who, fit=t("fit_" + option.reaches, lang),
             changes=t("wi_and", lang).join(change_text(c, lang, label, value_label) for c in option.changes))
    if option.lifts and rules:
        text += " " + t("wi_lifts", lang, rules=", ".join(option.lifts))
    if option.loses:
        instruments = catalogue().instruments
        names = option.loses if rules else [instruments[i].name(lang) if i in instruments else i
                                            for i in option.loses]
        text += " " + t("wi_loses", lang, ids=", ".join(names))
    return text


def what_if_text(result: WhatIf, lang: str, label: Labeller = str, shown: int = 2,
                 value_label: ValueLabeller | None = None, md: bool = False) -> str:
    lines = [("## " if md else "") + t("wi_title", lang, date=result.as_of.isoformat()), ""]
    if not result.targets:
        lines.append(t("wi_no_targets", lang))
    for target in result.targets:
        who = f" ({t('group_word', lang)} {target.group})" if target.group else ""
        lines.append(t("wi_target_" + target.now, lang, name=target.name + who, rules=", ".join(target.rules) or "-"))
        if not target.options:
            lines.append(wrap(t("wi_none", lang), "    ", "  "))
        for option in best_options(target, shown):
            lines.append(wrap(option_sentence(target, option, lang, label, value_label), "    ", "  - "))
        if len(target.options) > shown:
            lines.append("  " + t("wi_more", lang, n=len(target.options) - shown))
        lines.append("")
    lines.append(wrap(t("wi_cut" if result.cut else "wi_done", lang, runs=result.runs,
                        max_runs=result.max_runs, limit=result.time_limit), ""))
    return "\n".join(lines) + "\n"


def panel(case: Case, *, as_of: date | None = None, lang: str = "nl", label: Labeller = str,
          value_label: ValueLabeller | None = None, n: int = 2, rules: bool = True) -> dict:
    """What a face shows at the end of an advice (the web's end page): per rejected or possible
    instrument its best ``n`` options as sentences, and whether the bound cut the search.
    ``rules`` False: sentences without rule ids (a starter's page). JSON-ready; cached with
    ``what_if``."""
    result = what_if(case, as_of=as_of, lang=lang)
    return {"as_of": result.as_of.isoformat(), "cut": result.cut, "note": t(
                "wi_cut" if result.cut else "wi_done", lang, runs=result.runs,
                max_runs=result.max_runs, limit=result.time_limit),
            "instruments": [{"instrument": x.instrument, "name": x.name, "group": x.group, "now": x.now,
                             "held_back_by": x.rules,
                             "more": max(0, len(x.options) - n),
                             "options": [option_sentence(x, o, lang, label, value_label, rules)
                                         for o in best_options(x, n)]}
                            for x in result.targets]}
