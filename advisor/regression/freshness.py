"""How fresh the knowledge is, and what changed in it: the rule maintainers' review lists.

``check(...)`` (``advisor knowledge check``) reads the catalogue's ``last_checked`` dates and
the rule registry:

- **stale** (due): an instrument (with the rules of its families and its next steps, which
  carry no date of their own and follow their instrument) or an organisation of the
  knowledge pool whose ``last_checked`` is older than the limit (``--older-than``, default
  12 months before ``--as-of``);
- **announced changes whose date has passed** (due): a rule built on an announced [A] fact
  (``uncertain=True`` and "[A]" in its law text) is in force from the date the announcement
  targets (its ``valid_from``); once that date has passed the announcement must be confirmed
  (make it a fact) or withdrawn;
- to know, not due: every uncertain rule ([M] unverified, [A] announced) with its sources
  and the scenarios that fire it (they depend on it), the catalogue's own uncertain notes
  (instruments, organisations), and the sources without a date or an address.

``changes(...)`` (``advisor knowledge changes``) compares the knowledge of two git revisions
of ``rules/`` (each run with the current ``advisor`` code, so only the knowledge differs) or
a saved scenario snapshot with now: rules added, removed or changed (texts, window, sources,
uncertain), instruments changed in the catalogue, and the scenarios whose advice changes
(``advisor.regression.snapshots.compare``).
"""
from __future__ import annotations

import calendar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from advisor.errors import InputError, load_yaml
from advisor.i18n import Msg, t
from advisor.knowledge import CATALOGUE_DIR

ROOT = Path(__file__).resolve().parent.parent.parent
AGE = re.compile(r"^(\d{1,3})([dmy])$")


def parse_age(text: str) -> tuple[int, str]:
    """``12m``, ``2y``, ``90d`` -> (12, 'm')...; an InputError names the option otherwise."""
    hit = AGE.match(text.strip())
    if not hit:
        raise InputError("--older-than", [Msg("kn_not_an_age", value=repr(text))])
    return int(hit.group(1)), hit.group(2)


def limit_date(as_of: date, age: tuple[int, str]) -> date:
    """The day ``age`` before ``as_of`` (a month back from the 31st lands on the month's last day)."""
    n, unit = age
    if unit == "d":
        return as_of - timedelta(days=n)
    months = n * 12 if unit == "y" else n
    year, month = divmod(as_of.year * 12 + as_of.month - 1 - months, 12)
    if year < 1:
        raise InputError("--older-than", [Msg("kn_age_too_far", age=f"{n}{unit}", date=as_of.isoformat())])
    return date(year, month + 1, min(as_of.day, calendar.monthrange(year, month + 1)[1]))


@dataclass
class Report:
    as_of: date
    older_than: str
    limit: date
    stale: list[dict] = field(default_factory=list)
    announced_passed: list[dict] = field(default_factory=list)
    uncertain_rules: list[dict] = field(default_factory=list)
    uncertain_notes: list[dict] = field(default_factory=list)
    undated_sources: list[str] = field(default_factory=list)
    sources_without_address: list[str] = field(default_factory=list)
    scenarios: int = 0

    @property
    def due(self) -> bool:
        return bool(self.stale or self.announced_passed)

    def as_json(self) -> dict:
        return {"as_of": self.as_of.isoformat(), "older_than": self.older_than, "limit": self.limit.isoformat(),
                "due": self.due, "stale": self.stale, "announced_passed": self.announced_passed,
                "uncertain_rules": self.uncertain_rules, "uncertain_notes": self.uncertain_notes,
                "undated_sources": self.undated_sources, "sources_without_address": self.sources_without_address,
                "scenarios_run": self.scenarios}


def _entries(path: Path, key: str | None = None) -> list[dict]:
    data = load_yaml(path)
    if key is not None:
        data = data.get(key, []) if isinstance(data, dict) else None
    if not isinstance(data, list):
        raise InputError(path, [Msg("kn_not_a_list_under", key=key) if key else Msg("kn_not_a_list")])
    return [e for e in data if isinstance(e, dict)]


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def announced(meta) -> bool:
    """A rule built on an announced [A] fact (the others marked uncertain are unverified [M])."""
    return meta.uncertain and "[A]" in meta.doc


def firing(paths: list[Path]) -> dict[str, list[str]]:
    """rule id -> the ids of the scenarios under ``paths`` whose advice fires it (engine only)."""
    from advisor.engine.engine import advise
    from advisor.regression.scenarios import collect

    out: dict[str, list[str]] = {}
    for entry in collect(paths):
        if entry.loaded is None:
            continue
        try:
            advice = advise(entry.loaded.scenario.case, lang="en")
        except InputError:
            continue
        for rule in advice.fired:
            out.setdefault(rule, []).append(entry.id)
    return {k: sorted(v) for k, v in out.items()}


def check(as_of: date, older_than: str = "12m", directory: Path = CATALOGUE_DIR,
          scenario_paths: list[Path] | None = None) -> Report:
    from advisor.engine.engine import rule_metas

    limit = limit_date(as_of, parse_age(older_than))
    report = Report(as_of, older_than, limit)
    metas = rule_metas()
    instruments = _entries(directory / "instruments.yaml")
    for inst in instruments:
        checked = _day(inst.get("last_checked"))
        families = list(inst.get("families") or [])
        if checked is None or checked < limit:
            rules = sorted(m.id for m in metas if m.family in families)
            report.stale.append({"kind": "instrument", "id": inst.get("id"), "last_checked": str(inst.get("last_checked")),
                                 "rules": rules, "families": families})
        for note in inst.get("uncertain") or []:
            report.uncertain_notes.append({"kind": "instrument", "id": inst.get("id"), "text": note})
    pool = directory / "experts.yaml"
    if pool.exists():
        for org in _entries(pool, "organisations"):
            checked = _day(org.get("last_checked"))
            if "last_checked" in org and (checked is None or checked < limit):
                report.stale.append({"kind": "organisation", "id": org.get("id"),
                                     "last_checked": str(org.get("last_checked"))})
            for note in org.get("uncertain") or []:
                report.uncertain_notes.append({"kind": "organisation", "id": org.get("id"), "text": note})
    for src in _entries(directory / "sources.yaml"):
        if not src.get("date"):
            report.undated_sources.append(str(src.get("id")))
        if not str(src.get("address") or "").strip():
            report.sources_without_address.append(str(src.get("id")))
    fired = firing(scenario_paths) if scenario_paths else {}
    report.scenarios = len({s for ids in fired.values() for s in ids})
    for m in metas:
        if not m.uncertain:
            continue
        item = {"rule": m.id, "kind": "announced" if announced(m) else "unverified", "sources": list(m.sources),
                "window": m.window, "scenarios": fired.get(m.id, [])}
        report.uncertain_rules.append(item)
        if announced(m) and m.valid_from and m.valid_from <= as_of:
            report.announced_passed.append({"rule": m.id, "since": m.valid_from.isoformat(), "sources": list(m.sources)})
    return report


def _note(note, lang: str) -> str:
    return str(note.get(lang) or note.get("en") or note) if isinstance(note, dict) else str(note)


def check_text(r: Report, lang: str) -> str:
    from advisor.render import wrap

    lines = [t("kc_title", lang, date=r.as_of.isoformat(), limit=r.limit.isoformat(), age=r.older_than), ""]
    lines.append(t("kc_due" if r.due else "kc_nothing_due", lang))
    lines.append("")
    if r.stale:
        lines.append(t("kc_stale", lang, n=len(r.stale)))
        for s in r.stale:
            extra = t("kc_with_rules", lang, n=len(s["rules"]), families=", ".join(s["families"])) if s.get("families") else ""
            lines.append(f"  - {s['kind']} {s['id']}: {t('kc_checked', lang, date=s['last_checked'])}{extra}")
        lines.append("")
    if r.announced_passed:
        lines.append(t("kc_announced", lang, n=len(r.announced_passed)))
        for a in r.announced_passed:
            lines.append(f"  - {a['rule']}: {t('kc_since', lang, date=a['since'])} ({t('sources', lang)}: "
                         f"{', '.join(a['sources'])})")
        lines.append("")
    lines.append(t("kc_uncertain", lang, n=len(r.uncertain_rules), scenarios=r.scenarios))
    for u in r.uncertain_rules:
        deps = ", ".join(u["scenarios"]) if u["scenarios"] else t("kc_no_scenario", lang)
        lines.append(wrap(f"{u['rule']} [{'A' if u['kind'] == 'announced' else 'M'}] {u['window']} "
                          f"({t('sources', lang)}: {', '.join(u['sources'])}): {deps}", "      ", "  - "))
    lines.append("")
    lines.append(t("kc_notes", lang, n=len(r.uncertain_notes)))
    for n in r.uncertain_notes:
        lines.append(wrap(f"{n['kind']} {n['id']}: {_note(n['text'], lang)}", "      ", "  - "))
    lines.append("")
    lines.append(wrap(t("kc_undated", lang, n=len(r.undated_sources), ids=", ".join(r.undated_sources) or "-"), "  ", ""))
    if r.sources_without_address:
        lines.append(t("kc_no_address", lang, ids=", ".join(r.sources_without_address)))
    return "\n".join(lines) + "\n"


# --- what changed in the knowledge -------------------------------------------------------------


def state(scenario_paths: list[Path], lang: str = "en") -> dict:
    """The knowledge of this process's ``rules`` as JSON: rule metadata, catalogue instruments,
    and a snapshot of the scenarios' advice (English)."""
    from advisor.engine.engine import rule_metas
    from advisor.knowledge import catalogue
    from advisor.regression.scenarios import Suite
    from advisor.regression.snapshots import snapshot

    rules = {m.id: {"nl": m.nl, "en": m.en, "sources": list(m.sources), "window": m.window,
                    "uncertain": m.uncertain} for m in rule_metas()}
    instruments = {i.id: i.model_dump(mode="json") for i in catalogue().instruments.values()}
    snap = snapshot(Suite(scenario_paths, lang=lang)) if scenario_paths else {"scenarios": {}}
    return {"version": catalogue().version, "rules": rules, "instruments": instruments, "snapshot": snap}


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)
    except OSError as exc:
        raise InputError("git", [Msg("kn_no_git", problem=str(exc))]) from None
    if done.returncode:
        raise InputError(args[-1], [Msg("kn_git_said", text=done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "")])
    return done.stdout


def state_at(revision: str, scenario_paths: list[Path]) -> dict:
    """``state`` with the ``rules/`` of git ``revision`` and the current ``advisor`` code, in a
    temporary tree and a fresh process (no cache)."""
    commit = _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").strip()
    with tempfile.TemporaryDirectory(prefix="advisor-knowledge-") as tmp:
        tree = Path(tmp)
        shutil.copytree(ROOT / "advisor", tree / "advisor", ignore=shutil.ignore_patterns("__pycache__"))
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit, "rules"],
                                 capture_output=True, check=False)
        if archive.returncode:
            raise InputError(revision, [archive.stderr.decode(errors="replace").strip() or "git archive failed"])
        import io
        import tarfile

        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            try:
                tar.extractall(tree, filter="data")
            except TypeError:  # Python < 3.11.4: no filters (git archive of our own repository)
                tar.extractall(tree)
        env = {**os.environ, "PYTHONPATH": str(tree), "ADVISOR_NO_CACHE": "1"}
        paths = json.dumps([str(p.resolve()) for p in scenario_paths])
        code = ("import json, sys; from pathlib import Path; from advisor.regression.freshness import state; "
                f"sys.stdout.write(json.dumps(state([Path(p) for p in json.loads({paths!r})])))")
        done = subprocess.run([sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True,
                              check=False)
        if done.returncode:
            last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
            raise InputError(revision, [Msg("kn_old_rules", revision=revision, problem=last)])
        return json.loads(done.stdout)


def compare_states(old: dict, new: dict) -> dict:
    from advisor.regression.snapshots import compare

    out: dict = {"rules_added": [], "rules_removed": [], "rules_changed": [], "instruments_changed": [],
                 "scenarios_changed": []}
    ro, rn = old.get("rules"), new.get("rules")
    if ro is not None and rn is not None:
        out["rules_added"] = sorted(set(rn) - set(ro))
        out["rules_removed"] = sorted(set(ro) - set(rn))
        for rid in sorted(set(ro) & set(rn)):
            fields = {k: {"old": ro[rid].get(k), "new": rn[rid].get(k)} for k in sorted(set(ro[rid]) | set(rn[rid]))
                      if ro[rid].get(k) != rn[rid].get(k)}
            if fields:
                out["rules_changed"].append({"rule": rid, "changes": fields})
        io_, in_ = old.get("instruments", {}), new.get("instruments", {})
        for iid in sorted(set(io_) | set(in_)):
            a, b = io_.get(iid, {}), in_.get(iid, {})
            keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            if keys:
                out["instruments_changed"].append({"instrument": iid, "fields": keys})
    so, sn = old["snapshot"]["scenarios"], new["snapshot"]["scenarios"]
    for sid in sorted(set(so) | set(sn)):
        if sid not in so or sid not in sn:
            out["scenarios_changed"].append({"id": sid, "status": "new" if sid in sn else "removed"})
            continue
        a, b = so[sid].get("advice"), sn[sid].get("advice")
        if a is None or b is None:
            if so[sid].get("error") != sn[sid].get("error"):
                out["scenarios_changed"].append({"id": sid, "status": "error"})
            continue
        changes = compare(a, b)
        if changes:
            out["scenarios_changed"].append({"id": sid, "status": "changed", "file": sn[sid].get("file"),
                                             "changes": changes})
    return out


def changed(result: dict) -> bool:
    return any(result[k] for k in result)


def changes_text(result: dict, old_label: str, new_label: str, lang: str) -> str:
    lines = [t("kx_title", lang, old=old_label, new=new_label), ""]
    if not changed(result):
        return "\n".join([*lines, t("kx_none", lang)]) + "\n"
    for key in ("rules_added", "rules_removed"):
        if result[key]:
            lines.append(f"{t('kx_' + key, lang)}: {', '.join(result[key])}")
    for item in result["rules_changed"]:
        lines.append(f"{t('kx_rules_changed', lang)} {item['rule']}:")
        for name, c in item["changes"].items():
            lines.append(f"    {name}: {c['old']!r} -> {c['new']!r}")
    for item in result["instruments_changed"]:
        lines.append(f"{t('kx_instrument', lang)} {item['instrument']}: {', '.join(item['fields'])}")
    if result["scenarios_changed"]:
        lines.append("")
        lines.append(t("kx_scenarios", lang, n=len(result["scenarios_changed"])))
        for s in result["scenarios_changed"]:
            what = ", ".join(sorted(s.get("changes", {}))) or t("diff_" + s["status"], lang)
            lines.append(f"  - {s['id']}: {what}")
    return "\n".join(lines) + "\n"
