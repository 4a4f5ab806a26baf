"""Properties of the advice over generated valid cases (hypothesis)."""
import typing
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.engine.engine import engine, rule_metas
from advisor.plan.consult import consult
from advisor.knowledge import catalogue
from advisor.models import Case
from advisor.vocabulary import (
    Activity, Competition, Customer, Disability, Education, Income, LegalForm, Readiness, Role, SupportNeed,
)

CAT = catalogue()
engine()  # built before the timed property
MUNICIPALITIES = ["Kortrijk", "Menen", "Wielsbeke", "Roeselare", "Gent", "Ruiselede"]


def choices(literal):
    return st.sampled_from(typing.get_args(literal))


def maybe(strategy):
    return st.none() | strategy


groups = st.lists(st.fixed_dictionaries({}, optional={
    "fte": st.floats(0, 30, allow_nan=False).map(lambda x: round(x, 1)),
    "work_disability": choices(Disability), "psychosocial_problems": st.booleans(),
    "paid_work_readiness": choices(Readiness), "income": choices(Income),
    "months_without_work": st.integers(0, 200), "age": st.integers(18, 66),
    "education": choices(Education), "registered_jobseeker": st.booleans(),
    "support_need": choices(SupportNeed),
}), max_size=3).map(lambda gs: [{"id": f"g{i}", **g} for i, g in enumerate(gs)])

cases = st.fixed_dictionaries({
    "as_of": st.dates(date(2005, 1, 1), date(2026, 12, 31)),
    "organisation": st.fixed_dictionaries({}, optional={
        "legal_form": choices(LegalForm), "municipality": st.sampled_from(MUNICIPALITIES),
        "role": choices(Role), "staff_fte": st.floats(0, 60, allow_nan=False).map(lambda x: round(x, 1)),
        "has_public_commissioner": st.booleans(), "can_lodge_deposit": st.booleans(),
        "has_business_plan": st.booleans()}),
    "service": st.fixed_dictionaries({}, optional={
        "activities": st.lists(choices(Activity), min_size=1, max_size=4, unique=True),
        "customers": st.lists(choices(Customer), min_size=1, max_size=3, unique=True),
        "competes_with_regular_market": choices(Competition)}),
}, optional={"worker_groups": groups}).map(Case.model_validate)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(cases)
def test_advice_is_consistent(case):
    advice = consult(case)
    recommended, rejected = set(advice.recommended_ids()), set(advice.rejected_ids())
    assert recommended | rejected <= set(CAT.instruments)
    for rej in advice.rejected:  # rejected for some groups only: never for the groups it serves
        rec = next((r for r in advice.recommendations if r.instrument == rej.instrument), None)
        assert rec is None or (rej.worker_groups and not set(rej.worker_groups) & set(rec.worker_groups)), \
            f"{rej.instrument} is both recommended and rejected for the same groups"
    for rec in advice.recommendations:
        assert CAT.instruments[rec.instrument].open_on(advice.as_of), f"{rec.instrument} is not open"
        assert rec.reasons and all(r.rule and r.sources for r in rec.reasons)
    for rej in advice.rejected:
        assert rej.reasons and all(r.rule and r.sources for r in rej.reasons)
    if not advice.recommendations:
        # an explicit "nothing fits" (or "answers are missing"), with the reasons: rejections,
        # missing answers or warnings
        no_fit = [w for w in advice.warnings if w.code in ("no-fitting-instrument", "answers-missing")]
        assert len(no_fit) == 1 and no_fit[0].text
        assert (no_fit[0].code == "answers-missing") == bool(advice.needs_info)
        assert advice.rejected or advice.needs_info or len(advice.warnings) > 1
    for need in advice.needs_info:
        assert set(need.affects) <= set(CAT.instruments)
    assert {s.instrument for s in advice.next_steps if s.instrument} <= set(CAT.instruments)
    assert {w.instrument for w in advice.warnings if w.instrument} <= set(CAT.instruments)


@SETTINGS
@given(cases, st.randoms(use_true_random=False))
def test_advice_does_not_depend_on_order(case, rnd):
    data = case.model_dump(exclude_none=True)
    for key in ("activities", "customers"):
        if key in data.get("service", {}):
            rnd.shuffle(data["service"][key])
    if "worker_groups" in data:
        rnd.shuffle(data["worker_groups"])
    assert consult(Case.model_validate(data)) == consult(case)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases)
def test_advice_terminates_after_bounded_firings(case):
    # a rule that re-declares what it matched would loop: every advice must end after a
    # bounded number of firings (a rule fires at most once per pair of worker groups).
    # Speed is measured in benchmarks/bench_advise.py, not asserted here.
    consult(case)
    groups = len(case.worker_groups or [])
    assert len(engine().fired) <= len(rule_metas()) * (1 + groups) ** 2
