"""Every scenario under scenarios/ is one test item, named by its scenario id."""
from pathlib import Path

import pytest

from advisor.scenarios import load_scenario, run_scenario, scenario_files

ROOT = Path(__file__).resolve().parent.parent
FILES = scenario_files([ROOT / "scenarios"])
LOADED = [load_scenario(f) for f in FILES]


@pytest.mark.parametrize("loaded", LOADED, ids=[s.scenario.id for s in LOADED])
def test_scenario(loaded):
    _, failures = run_scenario(loaded)
    assert not failures, f"{loaded.path.relative_to(ROOT)} / {loaded.scenario.description}\n  " + "\n  ".join(failures)


def test_scenario_ids_are_unique():
    ids = [s.scenario.id for s in LOADED]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
