"""Contrast (`advise --why-not/--compare`) and what-if (`advise --what-if`), checked against
the engine on worked example 3: every proposed change really flips the advice, no smaller
change does, and no change touches a fact about people."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from advisor.engine.engine import advise
from advisor.plan import explain
from advisor.regression.scenarios import load_case_or_scenario

EX3 = Path(__file__).resolve().parent.parent / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"
PEOPLE = ("work_disability", "psychosocial_problems", "paid_work_readiness", "income", "months_without_work",
          "age", "education", "registered_jobseeker", "support_need")


@pytest.fixture(scope="module")
def case():
    return load_case_or_scenario(EX3)


@pytest.fixture(scope="module")
def advice(case):
    return advise(case, lang="en")


@pytest.fixture(scope="module")
def result(case):
    return explain.what_if(case, lang="en")


def test_compare_the_two_top_instruments(advice):
    a, b = (r.instrument for r in advice.recommendations[:2])
    c = explain.contrast(advice, a, b)
    assert [s.instrument for s in c.sides] == [a, b]
    for side, rec in zip(c.sides, advice.recommendations[:2]):
        assert side.status == "recommended" and side.fit == rec.fit
        # the deciding reasons of each, as the engine gave them, less the rules both share
        assert [r.rule for r in side.reasons] == [r.rule for r in rec.reasons if r.rule not in c.common]
        assert all(r.sources for r in side.reasons)
    assert not set(c.common) - (c.sides[0].rules() | c.sides[1].rules() | set(c.common))


def test_why_not_a_rejected_instrument(advice):
    c = explain.why_not(advice, "maatwerkbedrijf")
    rejected = next(r for r in advice.rejected if r.instrument == "maatwerkbedrijf")
    assert c.sides[0].status == "rejected"
    assert [r.rule for r in c.sides[0].reasons] == [r.rule for r in rejected.reasons]
    assert c.sides[1].instrument == advice.recommendations[0].instrument


def test_a_closed_and_a_partly_rejected_instrument(advice):
    c = explain.contrast(advice, "lokale-diensteneconomie", "artikel-60")
    closed, partly = c.sides
    assert closed.status == "closed" and closed.note  # the one closed line of the advice
    assert partly.status == "partly" and partly.rejected_groups == ["attested-staff"]
    assert [r.rule for r in partly.blocks] == ["A60-016"]


def test_compare_and_why_not_on_the_command_line(run):
    code, out, _ = run("advise", str(EX3), "--lang", "en", "--compare", "lokale-regie", "individueel-maatwerk")
    assert code == 0 and "Comparison: " in out and "IMW-013" in out.split("Comparison: ")[1]
    code, out, _ = run("advise", str(EX3), "--format", "json", "--why-not", "maatwerkbedrijf")
    data = json.loads(out)
    assert code == 0 and data["contrast"]["sides"][0]["status"] == "rejected"
    code, _, err = run("advise", str(EX3), "--why-not", "no-such-thing")
    assert code == 2 and "--why-not" in err and "maatwerkbedrijf" in err and "Traceback" not in err


def _reached(advice, target) -> bool:
    return explain._reached(explain._state(advice, target), target)


def test_what_if_proposals_flip_the_advice_and_are_minimal(case, result):
    assert not result.cut
    options = [(x, o) for x in result.targets for o in x.options]
    assert options, "worked example 3 has rejected and possible instruments that a change can lift"
    imw = next(x for x in result.targets if x.instrument == "individueel-maatwerk")
    assert [[(c.field, c.value) for c in o.changes] for o in imw.options][0] == [("organisation.role", "employer")]
    base = advise(case, lang="en")
    for target in result.targets:
        assert not _reached(base, target)
    for target, option in options:
        changed = explain.apply(case, option.changes)
        assert _reached(advise(changed, lang="en"), target), (target.instrument, option)
        for smaller in option.changes if len(option.changes) == 2 else ():
            assert not _reached(advise(explain.apply(case, (smaller,)), lang="en"), target), (target.instrument, smaller)


def test_what_if_never_changes_a_fact_about_people(result):
    allowed = re.compile("^(" + "|".join(re.escape(f).replace(r"\*", "[^.]+") for f in explain.ACTIONABLE) + ")$")
    for target in result.targets:
        for option in target.options:
            for c in option.changes:
                assert allowed.match(c.field) and c.field.split(".")[-1] not in PEOPLE
    assert len({c.field.split(".")[-1] for c in explain.candidates(load_case_or_scenario(EX3))} & set(PEOPLE)) == 0


def test_what_if_is_cached_and_in_a_fixed_order(case, result):
    assert explain.what_if(case, lang="en") is result
    explain._CACHE.clear()
    again = explain.what_if(case, lang="en")
    assert again.as_json() == result.as_json()


def test_what_if_says_when_the_bound_cut_it(case, run):
    cut = explain.what_if(case, lang="en", max_runs=5)
    assert cut.cut and cut.runs == 5
    assert "Search cut by its bound" in explain.what_if_text(cut, "en")
    assert "afgebroken" in explain.what_if_text(cut, "nl")


def test_what_if_on_the_command_line(run, result):
    code, out, _ = run("advise", str(EX3), "--lang", "en", "--what-if")
    assert code == 0 and "What would change the advice" in out and "Role" in out.split("What would change")[1]
    code, out, _ = run("advise", str(EX3), "--format", "json", "--what-if")
    assert code == 0 and json.loads(out)["what_if"]["targets"]


def test_the_panel_a_face_shows(case, result):
    panel = explain.panel(case, lang="en")
    imw = next(p for p in panel["instruments"] if p["instrument"] == "individueel-maatwerk")
    assert imw["now"] == "possible" and imw["options"][0].startswith("Individual custom work")
    assert "employer" in imw["options"][0] and not panel["cut"]
    assert all(len(p["options"]) <= 2 for p in panel["instruments"])
