"""The consultation the faces give: the engine's explained advice plus its plan.

This composition lives above the engine so that the engine knows nothing of next steps or
experts (imports run one way: plan -> engine).
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from advisor.engine.engine import advise
from advisor.knowledge import Catalogue
from advisor.models import Advice, Case
from advisor.plan.matching import propose_experts
from advisor.plan.steps import plan_steps


def consult(case: Case, *, as_of: date | None = None, lang: str = "nl",
            cat: Catalogue | None = None, booked: Mapping[str, int] | None = None) -> Advice:
    """The advice for ``case`` with, for each recommendation, its next steps and the experts
    proposed from the knowledge pool.

    ``booked``: expert id -> hours booked in the advice's month (from the case store: see
    ``advisor.store.bookings.committed_for``), so that a booked expert ranks lower and a full
    one is passed over; None (``advisor advise`` on a file) counts the pool file's figures only."""
    advice = advise(case, as_of=as_of, lang=lang, cat=cat)
    advice.next_steps = plan_steps(case, advice)
    advice.experts = propose_experts(case, advice, booked=booked).proposed
    return advice
