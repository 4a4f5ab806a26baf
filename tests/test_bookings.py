"""Expert bookings: the matching reads the hours booked in the advice's month from its caller,
the store books, confirms, declines and closes them (refusing an over-booking), and
`advisor experts book|confirm|decline|done|bookings|load` and the web's load page show them."""
from __future__ import annotations

from pathlib import Path

import pytest

from advisor.engine.engine import advise
from advisor.plan.matching import propose_experts
from advisor.plan.pool import pool
from advisor.regression.scenarios import load_case_or_scenario

ROOT = Path(__file__).resolve().parent.parent
MENEN = ROOT / "scenarios/experts/menen-ironing-vzw-2026.yaml"


@pytest.fixture(scope="module")
def menen():
    case = load_case_or_scenario(MENEN)
    return case, advise(case, lang="en")


# --- the matching: booked hours come from the caller ---------------------------------------------


def test_no_bookings_gives_the_same_experts_as_before(menen):
    case, advice = menen
    plain = propose_experts(case, advice)
    for booked in (None, {}, {"someone-unknown": 3}):
        again = propose_experts(case, advice, booked=booked)
        assert [(p.id, p.score, p.reasons) for p in again.proposed] == \
               [(p.id, p.score, p.reasons) for p in plain.proposed]


def test_booked_hours_lower_the_rank_and_a_full_expert_is_passed_over(menen):
    case, advice = menen
    plain = propose_experts(case, advice)
    first = plain.proposed[0]
    expert = next(e for e in pool().experts if e.id == first.id)
    free = expert.hours_per_month - expert.hours_committed
    assert free > 1, "the test needs a first expert with more than one free hour"

    some = propose_experts(case, advice, booked={first.id: free - 1})
    ranked = [s.expert.id for s in some.ranked]
    assert ranked.index(first.id) > 0  # one hour left: nearly full, ranks lower
    score_before = next(s.score for s in plain.ranked if s.expert.id == first.id)
    assert next(s.score for s in some.ranked if s.expert.id == first.id) < score_before

    full = propose_experts(case, advice, booked={first.id: free})
    assert first.id not in {p.id for p in full.proposed}
    assert first.id not in {s.expert.id for s in full.ranked}
    why = {p.id: p.reasons for p in full.passed_over}[first.id]
    total = expert.hours_per_month
    assert why[0] == f"no free hours this month ({total} of {total} hours committed)"

    more = propose_experts(case, advice, booked={first.id: free + 50})  # over the top: still just full
    assert [p.id for p in more.proposed] == [p.id for p in full.proposed]
