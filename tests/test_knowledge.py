"""`advisor knowledge check` (what is due for review, exit 1) and `advisor knowledge changes`
(what changed in the knowledge between revisions of rules/ or since a snapshot)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from advisor.knowledge import CATALOGUE_DIR
from advisor.regression import freshness

ROOT = Path(__file__).resolve().parent.parent
WORKED = str(ROOT / "scenarios" / "worked-examples")


@pytest.fixture
def copy(tmp_path) -> Path:
    """A copy of the catalogue whose dates a test may move."""
    folder = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE_DIR, folder)
    return folder


def _move_dates(path: Path, new: str, first_only: bool = False) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"last_checked: \d{4}-\d{2}-\d{2}", f"last_checked: {new}", text,
                           count=1 if first_only else 0), encoding="utf-8")


def test_today_the_passed_announcement_is_due(run):
    code, out, _ = run("knowledge", "check", "--lang", "en", "--scenarios", WORKED)
    assert code == 1 and "DC-031" in out.split("Announced changes whose date has passed")[1].split("\n\n")[0]
    # the uncertain rules name the scenarios that fire them
    assert re.search(r"DC-031 \[A\].*worked\.ex5", out)


def test_exit_codes_follow_the_dates_of_a_catalogue_copy(run, copy):
    # before the announced date and within a year of the last check: nothing due
    code, out, _ = run("knowledge", "check", "--catalogue", str(copy), "--as-of", "2024-06-01",
                       "--scenarios", WORKED, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["due"] is False and data["stale"] == [] and data["announced_passed"] == []
    # one instrument last checked long ago: due, with its rules
    _move_dates(copy / "instruments.yaml", "2021-01-15", first_only=True)
    code, out, _ = run("knowledge", "check", "--catalogue", str(copy), "--as-of", "2024-06-01",
                       "--scenarios", WORKED, "--format", "json")
    data = json.loads(out)
    first = next(iter(freshness._entries(copy / "instruments.yaml")))
    assert code == 1 and [s["id"] for s in data["stale"]] == [first["id"]]
    assert data["stale"][0]["rules"] and data["stale"][0]["last_checked"] == "2021-01-15"
    # a shorter limit makes every dated entry due: the instruments and the pool's organisations
    _move_dates(copy / "experts.yaml", "2024-01-01")
    code, out, _ = run("knowledge", "check", "--catalogue", str(copy), "--as-of", "2024-06-01",
                       "--older-than", "3m", "--scenarios", WORKED, "--format", "json")
    kinds = {s["kind"] for s in json.loads(out)["stale"]}
    assert code == 1 and kinds == {"instrument", "organisation"}


def test_bad_input_exits_2(run, copy, tmp_path):
    code, _, err = run("knowledge", "check", "--older-than", "soon")
    assert code == 2 and "--older-than" in err and "12m" in err
    code, _, err = run("knowledge", "check", "--catalogue", str(tmp_path / "nowhere"))
    assert code == 2 and "instruments.yaml" in err


def test_limit_date():
    assert freshness.limit_date(date(2026, 3, 31), (1, "m")) == date(2026, 2, 28)
    assert freshness.limit_date(date(2026, 12, 2), (12, "m")) == date(2025, 12, 2)
    assert freshness.limit_date(date(2026, 12, 2), (2, "y")) == date(2024, 12, 2)
    assert freshness.limit_date(date(2026, 12, 2), (30, "d")) == date(2026, 11, 2)


def _git(*args) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout.strip()


def test_changes_between_two_revisions_of_the_rules(run):
    # the merge that added the activities of local practice (8 rules) against the one before it;
    # both load with today's code (an older revision may not: its catalogue lacks files today's
    # code reads, and the command then exits 2)
    before, after = "ca29c24c6e06789de5ff52ba356cb4d1339489fc", "da33040f21bc7b2156958d5ee8b2e1925afb35b5"
    try:
        _git("rev-parse", "--verify", after + "^{commit}")
    except subprocess.CalledProcessError:
        pytest.skip("a shallow clone: the history of this checkout does not hold the commit")
    code, out, _ = run("knowledge", "changes", before, after, str(ROOT / "scenarios" / "activities"),
                       "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert {"SVC-007", "DC-007", "A60-028"} <= set(data["rules_added"])
    assert any(s["status"] == "changed" for s in data["scenarios_changed"])
    # the same revision on both sides: no change
    code, out, _ = run("knowledge", "changes", after, after, WORKED, "--lang", "en")
    assert code == 0 and "No changes." in out


def test_changes_since_a_snapshot(run, tmp_path):
    snap = tmp_path / "before.json"
    code, _, _ = run("scenarios", "snapshot", WORKED, "--out", str(snap))
    assert code == 0
    code, out, _ = run("knowledge", "changes", str(snap), "--lang", "en")
    assert code == 0 and "No changes." in out
    data = json.loads(snap.read_text())
    first = sorted(data["scenarios"])[0]
    data["scenarios"][first]["advice"]["recommendations"] = []
    snap.write_text(json.dumps(data))
    code, out, _ = run("knowledge", "changes", str(snap), "--format", "json")
    assert code == 1 and [s["id"] for s in json.loads(out)["scenarios_changed"]] == [first]
