"""The maintainer's loop sees the working tree (issue 12, part 6), and the scenario commands'
conventions (part 8): a filter that selects nothing fails, `snapshot` defaults to
`scenarios/`, `--out` keeps an existing file unless `--force`.

The checkout is a copy of the repository in tmp_path. In process, the running advisor has
imported this repository's `rules`, so the copy plays the checkout a maintainer edits after a
plain `pip install .`: once one threshold is edited there, `scenarios diff` must refuse, never
say "no change". Run as `python -m advisor` from the copy, it uses the copy's rules and shows
the change.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
THRESHOLD = "MWB_MIN_FTE = 20"  # rules/maatwerk.py: a maatwerkbedrijf needs >= 20 target-group FTE (brief §3.3)


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A copy of the project (the maatwerk scenarios only, to keep it quick), as the current folder."""
    copy = tmp_path / "werkwaardig"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("advisor", "rules"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=ignore)
    shutil.copytree(ROOT / "scenarios" / "maatwerk", copy / "scenarios" / "maatwerk")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    monkeypatch.chdir(copy)
    return copy


def edit_threshold(copy: Path) -> None:
    module = copy / "rules" / "maatwerk.py"
    text = module.read_text(encoding="utf-8")
    assert THRESHOLD in text, "the test edits this threshold; pick another if it moved"
    module.write_text(text.replace(THRESHOLD, "MWB_MIN_FTE = 200"), encoding="utf-8")


def test_diff_refuses_when_the_checkouts_rules_are_not_the_running_ones(run, checkout):
    code, out, err = run("scenarios", "snapshot", "--out", "before.json", "--lang", "en")
    assert code == 0, err  # unchanged copy: the same rules as the running ones, so no refusal
    assert json.loads((checkout / "before.json").read_text())["paths"] == ["scenarios"]
    edit_threshold(checkout)

    code, out, err = run("scenarios", "diff", "before.json", "--lang", "en")
    assert code == 2, "never a silent exit 0"
    assert "No change" not in out and "no change" not in out.lower()
    assert str(checkout) in err and "rules/maatwerk.py" in err and "pip install -e ." in err
    assert "rules/common.py" not in err, "only the files that differ are named"

    code, out, err = run("scenarios", "run", "--lang", "nl")
    assert code == 2 and "rules/maatwerk.py" in err and "pip install -e ." in err and "verschillen" in err


def test_a_path_inside_the_checkout_is_checked_from_elsewhere(run, checkout, monkeypatch, tmp_path):
    edit_threshold(checkout)
    monkeypatch.chdir(tmp_path)  # outside the copy: the path given leads to it
    code, _, err = run("scenarios", "run", str(checkout / "scenarios" / "maatwerk"), "--lang", "en")
    assert code == 2 and "rules/maatwerk.py" in err


def test_a_folder_that_only_looks_like_a_checkout_is_not_one(run, tmp_path, monkeypatch):
    """rules/ and a pyproject.toml of another project: not ours, nothing to compare."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "maatwerk.py").write_text("MWB_MIN_FTE = 1\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "something-else"\n')
    shutil.copytree(ROOT / "scenarios" / "maatwerk", tmp_path / "scenarios")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("scenarios", "run", "--lang", "en")
    assert code == 0 and "passed, 0 failed" in out, err


def test_run_from_the_checkout_uses_its_rules_and_shows_the_change(run, checkout):
    """The remedy the refusal names: `python -m advisor` from the checkout's folder imports the
    checkout's advisor and rules, so the edited threshold shows in the diff (exit 1)."""
    assert run("scenarios", "snapshot", "--out", "before.json", "--lang", "en")[0] == 0
    edit_threshold(checkout)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["ADVISOR_NO_CACHE"] = "1"
    result = subprocess.run([sys.executable, "-m", "advisor", "scenarios", "diff", "before.json", "--lang", "en"],
                            cwd=checkout, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "whose advice changed" in result.stdout and "maatwerkbedrijf" in result.stdout


# --- conventions --------------------------------------------------------------------------


def test_a_filter_that_selects_nothing_fails_with_a_message(run):
    for lang, words in (("nl", "geen enkel scenario past bij -k 'zzz-nothing'"),
                        ("en", "no scenario matches -k 'zzz-nothing'")):
        code, out, err = run("scenarios", "run", str(ROOT / "scenarios" / "maatwerk"), "-k", "zzz-nothing",
                             "--lang", lang)
        assert code == 1 and words in err
    code, out, err = run("scenarios", "run", str(ROOT / "scenarios" / "maatwerk"), "-k", "zzz-nothing",
                         "--format", "json")
    assert code == 1 and json.loads(out)["results"] == []


def test_an_empty_folder_fails_too(run, tmp_path):
    code, _, err = run("scenarios", "run", str(tmp_path), "--lang", "en")
    assert code == 1 and "no scenarios found" in err


def test_record_refuses_an_existing_out_before_advising(run, tmp_path):
    out = tmp_path / "s.yaml"
    out.write_text("keep me\n")
    case = ROOT / "scenarios" / "worked-examples" / "ex5-2026-cooperative-household-cleaning.yaml"
    code, _, err = run("scenarios", "record", str(case), "--id", "t.x", "--out", str(out))
    assert code == 2 and "--force" in err and out.read_text() == "keep me\n"
    assert run("scenarios", "record", str(case), "--id", "t.x", "--out", str(out), "--force")[0] == 0
    assert "id: t.x" in out.read_text()
