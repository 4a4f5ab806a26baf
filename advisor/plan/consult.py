"""The consultation the faces give: the engine's explained advice plus its plan.

This composition lives above the engine so that the engine knows nothing of next steps or
experts (imports run one way: plan -> engine).
"""
from __future__ import annotations

from datetime import date

from advisor.engine.engine import advise
from advisor.knowledge import Catalogue
from advisor.models import Advice, Case
from advisor.plan.matching import propose_experts
from advisor.plan.steps import plan_steps


def consult(case: Case, *, as_of: date | None = None, lang: str = "nl",
            cat: Catalogue | None = None) -> Advice:
    """The advice for ``case`` with, for each recommendation, its next steps and the experts
    proposed from the knowledge pool."""
    advice = advise(case, as_of=as_of, lang=lang, cat=cat)
    advice.next_steps = plan_steps(case, advice)
    advice.experts = propose_experts(case, advice).proposed
    return advice
