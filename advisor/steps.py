"""Next steps per recommended instrument (being built for issue 3)."""
from __future__ import annotations

from advisor.models import Advice, Case, NextStep


def plan_steps(case: Case, advice: Advice) -> list[NextStep]:
    return []
