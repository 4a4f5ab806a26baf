"""Expert matching (being built for issue 3)."""
from __future__ import annotations

from dataclasses import dataclass, field

from advisor.models import Advice, Case, ExpertProposal


@dataclass
class Matching:
    proposed: list[ExpertProposal] = field(default_factory=list)
    passed_over: list[ExpertProposal] = field(default_factory=list)


def propose_experts(case: Case, advice: Advice) -> Matching:
    return Matching()
