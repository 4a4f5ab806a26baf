"""Properties of the advice over generated valid cases (hypothesis)."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.engine.engine import engine, rule_metas
from advisor.plan.consult import consult
from advisor.knowledge import catalogue
from advisor.models import Case
from case_strategies import cases

CAT = catalogue()
engine()  # built before the timed property

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
