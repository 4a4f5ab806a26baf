"""The command line: advice in both languages, bad input as a message with exit code 2."""
import json
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent
EX5 = ROOT / "scenarios/worked-examples/ex5-2026-cooperative-household-cleaning.yaml"


def test_advise_text_is_dutch_by_default(run):
    code, out, _ = run("advise", str(EX5))
    assert code == 0
    assert "Aanbevolen" in out and "Dienstencheques" in out and "DC-001" in out


def test_advise_english_json(run):
    code, out, _ = run("advise", str(EX5), "--lang", "en", "--format", "json")
    advice = json.loads(out)
    assert code == 0 and advice["recommendations"][0]["instrument"] == "dienstencheques"
    assert advice["recommendations"][0]["reasons"][0]["sources"]
    assert set(advice) >= {"as_of", "knowledge_version", "recommendations", "rejected", "needs_info",
                           "next_steps", "experts", "warnings"}


def test_instruments_by_date(run):
    _, out2005, _ = run("instruments", "--as-of", "2005-06-01", "--format", "json")
    _, out2026, _ = run("instruments", "--as-of", "2026-03-01", "--format", "json")
    open2005, open2026 = json.loads(out2005)["open"], json.loads(out2026)["open"]
    assert {"beschutte-werkplaats", "pwa"} <= set(open2005)
    assert not {"beschutte-werkplaats", "pwa"} & set(open2026)
    assert {"wijk-werken", "individueel-maatwerk"} <= set(open2026)
    assert not {"wijk-werken", "individueel-maatwerk"} & set(open2005)


def test_rules_list_and_show(run):
    code, out, _ = run("rules", "--family", "DC", "--in-force-on", "2010-01-01")
    assert code == 0 and "DC-001" in out and "DC-010" not in out
    code, out, _ = run("rules", "show", "DC-010", "--lang", "en")
    assert code == 0 and "S152" in out and "Law:" in out


@pytest.mark.parametrize("content, expected", [
    ("organisation:\n  legl_form: nonprofit\n", ["organisation.legl_form", "legal_form"]),
    ("organisation:\n  legal_form: vzw\n", ["organisation.legal_form", "nonprofit"]),
    ("organisation:\n  staff_fte: six\n", ["organisation.staff_fte"]),
    ("organisation:\n  municipality: Kortrik\n", ["organisation.municipality", "Kortrijk"]),
    ("organisation:\n  municipality: Charleroi\n", ["organisation.municipality", "in Wallonia", "covers Flanders only"]),
    ("worker_groups:\n  - id: a\n    income: salary\n", ["worker_groups.0.income", "leefloon"]),
    ("service: {activities: [ironing\n", ["not valid YAML", "line"]),
    ("- just\n- a list\n", ["must be a mapping"]),
    ("as_of: 2026-13-01\n", ["as_of"]),
])
def test_bad_case_exits_2_with_a_message(tmp_path, run, content, expected):
    case = tmp_path / "case.yaml"
    case.write_text(content)
    code, out, err = run("advise", str(case), "--lang", "en")
    assert code == 2 and out == ""
    assert str(case) in err and "Traceback" not in err
    for word in expected:
        assert word in err, err


def test_missing_file_and_bad_options(run, tmp_path):
    code, _, err = run("advise", str(tmp_path / "nope.yaml"), "--lang", "en")
    assert code == 2 and "file not found" in err
    code, _, err = run("advise", str(EX5), "--as-of", "yesterday")
    assert code == 2 and "JJJJ-MM-DD" in err and "--as-of" in err
    code, _, err = run("rules", "show", "XX-999", "--lang", "en")
    assert code == 2 and "unknown rule id" in err


def test_advise_imports_only_the_verb_it_runs():
    """`advisor advise` is the command people wait for: the other verbs' modules (interview,
    scenarios, web, schema...) and the explanation search are imported only when asked for."""
    import subprocess
    import sys

    code = ("import sys; from advisor.cli.main import main\n"
            "try:\n    main(['advise', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print('LOADED', sorted(m for m in sys.modules if m.startswith(('advisor.cli.', 'advisor.interview.',"
            " 'advisor.plan.explain'))))")
    out = subprocess.run([sys.executable, "-c", code, str(EX5)], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    assert out.split("LOADED ", 1)[1].strip() == str(
        ["advisor.cli.explain", "advisor.cli.main", "advisor.cli.options", "advisor.interview.questions"])
