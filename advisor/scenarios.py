"""Scenarios: a case plus claims about its advice (the unit of regression testing).

``check`` compares an Advice with a scenario's ``expect`` block and returns one readable
line per failed claim; pytest and the CLI use the same function.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advisor.errors import InputError, load_yaml, validate
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
            raise InputError(p, ["no such file or folder"])
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
    from advisor.engine import advise

    advice = advise(loaded.scenario.case, lang=lang)
    return advice, check(loaded.scenario.expect, advice)
