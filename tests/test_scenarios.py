"""Every scenario under scenarios/ is one test item, named by its scenario id.

The items come from the same ``Suite`` as `advisor scenarios run scenarios/`, and are checked
by the same code, so both count the same passes and failures. A scenario file that cannot
be read (unknown key, misspelled ``expect`` claim...) is a failing item named by its path.
"""
from pathlib import Path

import pytest

from advisor.regression.scenarios import duplicate_ids, shared_suite

ROOT = Path(__file__).resolve().parent.parent
SUITE = shared_suite(ROOT / "scenarios")


@pytest.mark.parametrize("entry", SUITE.entries, ids=[e.id for e in SUITE.entries])
def test_scenario(entry):
    outcome = SUITE.outcome(entry)
    where = entry.path.relative_to(ROOT).as_posix()
    description = entry.loaded.scenario.description if entry.loaded else ""
    assert outcome.passed, f"{where} / {description}\n  " + "\n  ".join(outcome.failures)


def test_scenario_ids_are_unique():
    assert not duplicate_ids(SUITE.entries)
