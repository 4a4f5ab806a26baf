"""Generated valid cases (hypothesis strategies), shared by the property and matcher tests."""
import typing
from datetime import date

from hypothesis import strategies as st

from advisor.models import Case
from advisor.vocabulary import (
    Activity, Competition, Customer, Disability, Education, Income, LegalForm, Readiness, Role, SupportNeed,
)

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
