"""The activities of local practice (issue 12, part 5): social_grocery, meal_distribution and
"other" with its free-text service.other_activity.

"other" is on no activity list, so no activity rule may bring an instrument in because of it:
over every sample case, the activity "other" recommends and rejects exactly what no activity
at all does, and adding it to a case's activities changes no recommended instrument.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from advisor.engine.engine import advise
from advisor.errors import InputError, validate
from advisor.interview.interview import case_values, replay
from advisor.interview.questions import AnswerError, questionnaire
from advisor.models import Case
from advisor.regression.scenarios import load_scenario, shared_suite
from rules.activities import ACTIVITY_INSTRUMENTS

ROOT = Path(__file__).resolve().parent.parent
# the scenarios as loaded once for the whole run (advisor.regression.scenarios.shared_suite); a file
# that does not load fails here, as load_scenario does
CASES = [(e.loaded or load_scenario(e.path)).scenario.case for e in shared_suite(ROOT / "scenarios").entries]
WITH_ACTIVITIES = [c for c in CASES if c.service.activities and "other" not in c.service.activities]


def _with_activities(case: Case, activities: list[str]) -> Case:
    return case.model_copy(update={"service": case.service.model_copy(update={"activities": activities})})


def _decided(case: Case) -> tuple[set, set]:
    advice = advise(case, lang="en")
    return set(advice.recommended_ids()), set(advice.rejected_ids())


def test_other_alone_decides_like_no_activity():
    for case in CASES:
        other = _with_activities(case, ["other"])
        recommended, rejected = _decided(other)
        assert (recommended, rejected) == _decided(_with_activities(case, [])), case.service
        assert not recommended & set(ACTIVITY_INSTRUMENTS), case.service


def test_adding_other_recommends_no_other_instrument():
    for case in WITH_ACTIVITIES:
        extended = _with_activities(case, [*case.service.activities, "other"])
        assert _decided(extended)[0] == _decided(case)[0], case.service.activities


def test_other_activity_is_bounded_text():
    data = {"service": {"activities": ["other"], "other_activity": "x" * 2001}}
    with pytest.raises(InputError) as err:
        validate(Case, data, "case.yaml")
    assert "service.other_activity" in str(err.value)
    q = questionnaire().by_id["other_activity"]
    assert q.parse("  Fietsen  herstellen\nvoor scholen ", "nl") == "Fietsen herstellen voor scholen"
    for bad in ("", "   ", "x" * 2001):
        with pytest.raises(AnswerError):
            q.parse(bad, "nl")


@pytest.mark.parametrize("activities, asked", [
    (["other"], True), (["bike_point", "other"], True), (["meal_distribution"], False), (["ironing"], False)])
def test_the_interview_asks_for_the_other_activity_only_when_other_is_chosen(activities, asked):
    answers = {"organisation.legal_form": "nonprofit", "organisation.municipality": "Kortrijk",
               "service.activities": activities, "service.customers": ["households"],
               "service.other_activity": "fietsherstel", "worker_groups": ["w"],
               "worker_groups.w.income": "leefloon"}
    run = replay(answers, date(2026, 3, 1))
    paths = [s.ask.path for s in run.steps]
    assert ("service.other_activity" in paths) == asked, paths
    if asked:  # asked right after the activities, the answer the rules are waiting for
        assert paths.index("service.other_activity") > paths.index("service.activities")


def test_the_ocmw_meal_distribution_replayed_keeps_its_reasons():
    """Done when (issue 12): an OCMW meal-distribution case with leefloners can be entered and
    gets an advice whose reasons fit it."""
    path = ROOT / "scenarios/activities/meal-distribution-2026-kortrijk-ocmw-leefloners.yaml"
    case = load_scenario(path).scenario.case
    run = replay(case_values(case), case.as_of)
    advice = advise(run.interview.case(), lang="nl")
    a60 = next(r for r in advice.recommendations if r.instrument == "artikel-60")
    assert {"A60-001", "A60-010", "A60-028"} <= {r.rule for r in a60.reasons}
    assert "dienstencheques" in advice.rejected_ids()
    assert "maaltijdbedeling" in next(r for r in advice.rejected if r.instrument == "dienstencheques").reasons[0].text
