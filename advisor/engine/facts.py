"""The rule vocabulary: experta Fact classes, and the translation of a Case into facts.

Only known answers become fact fields (experta matches a field set to None), and each
fact lists its absent fields in ``unknown`` so rules can ask for what is missing.
"""
from __future__ import annotations

from advisor.engine._experta import Fact
from advisor.models import Case

ORG_FIELDS = ("legal_form", "municipality", "role", "staff_fte", "has_public_commissioner",
              "can_lodge_deposit", "has_business_plan")
SERVICE_FIELDS = ("activities", "customers", "competes_with_regular_market", "planned_start",
                  "other_activity")
GROUP_FIELDS = ("fte", "work_disability", "psychosocial_problems", "paid_work_readiness", "income",
                "months_without_work", "age", "education", "registered_jobseeker", "support_need")


class Org(Fact):
    """The starter: legal form, municipality (with ``region``: home/neighbouring/flanders),
    role, planned staff, commissioner, deposit, business plan."""


class Service(Fact):
    """The planned service: ``activities`` and ``customers`` as sorted tuples, competition."""


class Group(Fact):
    """One worker group (``id``) with its situation."""


class Workforce(Fact):
    """Derived sizes: ``groups`` (count), ``target_fte`` (sum of the groups' FTE, when all are
    known), ``staff_fte`` and ``target_share`` (target_fte / staff_fte, when both are known)."""


class Kind(Fact):
    """A derived kind of service (``kind``), e.g. household_help, small_jobs."""


class Closing(Fact):
    """An instrument open on the advice's date that closes to new starters (``on``, ISO date)
    before the planned start (``start``)."""


class Candidate(Fact):
    """An instrument worth considering (``instrument``) for a worker group (``group``; '' for
    the organisation as a whole). Declared by ``consider``; other rules build on it."""


def _fact(cls: type[Fact], **fields) -> Fact:
    """``cls(**fields)`` without experta's per-field ``freeze``: a case's values are strings,
    numbers, booleans, dates and tuples of strings, which freeze returns unchanged (hashable)."""
    fact = cls()
    dict.update(fact, fields)
    return fact


def _known(model, fields) -> tuple[dict, tuple[str, ...]]:
    values, unknown = {}, []
    for name in fields:
        value = getattr(model, name)
        if value is None:
            unknown.append(name)
        else:
            values[name] = tuple(sorted(set(value))) if isinstance(value, list) else value
    return values, tuple(unknown)


def case_to_facts(case: Case, region: str | None, closings: tuple[dict, ...] = ()) -> list[Fact]:
    """The facts that describe ``case``; ``region`` classifies its municipality; ``closings``
    are the instruments that close between the advice's date and the planned start."""
    org, org_unknown = _known(case.organisation, ORG_FIELDS)
    if region:
        org["region"] = region
    service, service_unknown = _known(case.service, SERVICE_FIELDS)
    facts: list[Fact] = [_fact(Org, **org, unknown=org_unknown), _fact(Service, **service, unknown=service_unknown)]

    groups = case.worker_groups
    workforce: dict = {"groups": len(groups or [])}
    unknown = []
    if groups is None:
        unknown.append("worker_groups")
    elif all(g.fte is not None for g in groups):
        workforce["target_fte"] = round(sum(g.fte for g in groups), 2)
    else:
        unknown.append("target_fte")
    staff = case.organisation.staff_fte
    if staff is not None:
        workforce["staff_fte"] = staff
        if "target_fte" in workforce and staff > 0:
            workforce["target_share"] = round(workforce["target_fte"] / staff, 4)
    facts.append(_fact(Workforce, **workforce, unknown=tuple(unknown)))

    for g in sorted(groups or [], key=lambda g: g.id):
        values, g_unknown = _known(g, GROUP_FIELDS)
        facts.append(_fact(Group, id=g.id, **values, unknown=g_unknown))
    facts.extend(_fact(Closing, **c) for c in closings)
    return facts
