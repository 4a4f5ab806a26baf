"""Scenarios: a case plus claims about its advice (the unit of regression testing).

``check`` compares an Advice with a scenario's ``expect`` block and returns one readable
line per failed claim. ``run_suite`` advises every scenario once and keeps the advice, so
the checks, the rule coverage (``advisor.regression.coverage``) and the snapshots
(``advisor.regression.snapshots``) all read the same run; pytest (``tests/test_scenarios.py``) and
``advisor scenarios run`` go through the same ``Suite``, so they count the same.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from advisor.errors import InputError, load_yaml, validate
from advisor.i18n import msg
from advisor.models import Advice, Case, Expect, Scenario


@dataclass(frozen=True)
class LoadedScenario:
    path: Path
    scenario: Scenario


def load_scenario(path: str | Path) -> LoadedScenario:
    path = Path(path)
    return LoadedScenario(path, validate(Scenario, load_yaml(path), path))


def load_case_or_scenario(path: str | Path) -> Case:
    """A case file, or the ``case`` block of a scenario file."""
    path = Path(path)
    data = load_yaml(path)
    if isinstance(data, dict) and "case" in data and "expect" in data:
        return validate(Scenario, data, path).case
    return validate(Case, data, path)


def scenario_files(paths: list[str | Path]) -> list[Path]:
    """Every ``*.yaml`` under the given files and folders, sorted."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(p.rglob("*.yaml")))
        elif p.exists():
            found.append(p)
        else:
            raise InputError(p, [msg("no_such_path")])
    return found


def _rule_ids(advice: Advice) -> set[str]:
    ids = set(advice.fired)
    for item in [*advice.recommendations, *advice.rejected]:
        ids.update(r.rule for r in item.reasons)
    return ids


def _needs_match(wanted: str, fields: list[str]) -> bool:
    return any(f == wanted or f.startswith(wanted + ".") for f in fields)


def check(expect: Expect, advice: Advice) -> list[str]:
    """Every claim of ``expect`` that ``advice`` does not satisfy, as 'claim: expected X, got Y'."""
    failures: list[str] = []
    recommended = advice.recommended_ids()
    rejected = advice.rejected_ids()
    fired = _rule_ids(advice)
    fields = [n.field for n in advice.needs_info]
    steps = [s.id for s in advice.next_steps]
    codes = [w.code for w in advice.warnings]

    if expect.top is not None:
        got = recommended[0] if recommended else "(no recommendation)"
        if got != expect.top:
            failures.append(f"top: expected {expect.top}, got {got}")

    def each(claim: str, wanted: list[str] | None, ok, got) -> None:
        for item in wanted or []:
            if not ok(item):
                failures.append(f"{claim}: expected {item}, got {got or '(none)'}")

    each("recommended", expect.recommended, lambda i: i in recommended, recommended)
    for item in expect.not_recommended or []:
        if item in recommended:
            failures.append(f"not_recommended: {item} is recommended")
    each("rejected", expect.rejected, lambda i: i in rejected, rejected)
    each("fired", expect.fired, lambda i: i in fired, sorted(fired))
    for item in expect.not_fired or []:
        if item in fired:
            failures.append(f"not_fired: {item} fired")
    each("needs_info", expect.needs_info, lambda i: _needs_match(i, fields), fields)
    each("next_steps", expect.next_steps, lambda i: i in steps, steps)
    each("warnings", expect.warnings, lambda i: i in codes, codes)
    if expect.experts_min is not None and len(advice.experts) < expect.experts_min:
        failures.append(f"experts_min: expected at least {expect.experts_min}, got {len(advice.experts)}")
    return failures


def run_scenario(loaded: LoadedScenario, lang: str = "en") -> tuple[Advice, list[str]]:
    from advisor.plan.consult import consult

    advice = consult(loaded.scenario.case, lang=lang)
    return advice, check(loaded.scenario.expect, advice)


# --- running many scenarios -----------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One scenario file: loaded, or the reason it could not be (a broken file is a
    failed scenario, reported with its file and field, and never hides the others)."""
    path: Path
    loaded: LoadedScenario | None
    error: str | None = None

    @property
    def id(self) -> str:
        return self.loaded.scenario.id if self.loaded else self.path.as_posix()

    def matches(self, text: str | None) -> bool:
        """``-k``: case-insensitive substring of the id, the description, a tag or the path."""
        if not text:
            return True
        needle = text.casefold()
        haystack = [self.id, self.path.as_posix()]
        if self.loaded:
            haystack += [self.loaded.scenario.description, *self.loaded.scenario.tags]
        return any(needle in h.casefold() for h in haystack)


@dataclass
class Outcome:
    entry: Entry
    advice: Advice | None = None
    failures: list[str] = field(default_factory=list)
    # rules whose conditions matched but which the date gate held back (out of their window)
    gated: frozenset[str] = frozenset()

    @property
    def passed(self) -> bool:
        return self.entry.error is None and not self.failures

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def error(self) -> str | None:
        """Why there is no advice: the file is invalid, or advising on it failed."""
        return None if self.advice is not None else (self.entry.error or "; ".join(self.failures))


def collect(paths: list[str | Path], k: str | None = None) -> list[Entry]:
    """Every scenario file under ``paths`` (sorted), loaded; those matching ``k`` only."""
    entries = []
    for path in scenario_files(paths):
        try:
            entry = Entry(path, load_scenario(path))
        except InputError as exc:
            entry = Entry(path, None, exc.message)
        if entry.matches(k):
            entries.append(entry)
    return entries


def run_entry(entry: Entry, lang: str = "en") -> Outcome:
    """Advise on the scenario's case once and check its claims."""
    if entry.loaded is None:
        return Outcome(entry, failures=[entry.error or "invalid scenario file"])
    from advisor.engine import engine as engine_module
    from advisor.plan.consult import consult

    try:
        advice = consult(entry.loaded.scenario.case, lang=lang)
    except Exception as exc:  # noqa: BLE001 - a crash on one case is that scenario's failure
        return Outcome(entry, failures=[f"advice failed: {exc.__class__.__name__}: {exc}"])
    gated = frozenset(engine_module.engine().skipped)
    return Outcome(entry, advice, check(entry.loaded.scenario.expect, advice), gated)


def duplicate_ids(entries: list[Entry]) -> dict[str, list[Path]]:
    by_id: dict[str, list[Path]] = {}
    for e in entries:
        if e.loaded:
            by_id.setdefault(e.id, []).append(e.path)
    return {i: ps for i, ps in by_id.items() if len(ps) > 1}


class Suite:
    """The scenarios under some paths, each advised at most once, on demand."""

    def __init__(self, paths: list[str | Path], k: str | None = None, lang: str = "en"):
        self.paths = [Path(p) for p in paths]
        self.lang = lang
        self.entries = collect(self.paths, k)
        self._outcomes: dict[Path, Outcome] = {}
        self.seconds = 0.0  # time spent advising and checking

    def outcome(self, entry: Entry) -> Outcome:
        if entry.path not in self._outcomes:
            start = time.perf_counter()
            self._outcomes[entry.path] = run_entry(entry, self.lang)
            self.seconds += time.perf_counter() - start
        return self._outcomes[entry.path]

    def outcomes(self) -> list[Outcome]:
        return [self.outcome(e) for e in self.entries]


@cache
def shared_suite(root: Path) -> Suite:
    """One suite per process for ``root``: the test modules share it, so a pytest run advises
    each scenario once for its claims and its coverage. (The CLI builds its own.)"""
    return Suite([root])
