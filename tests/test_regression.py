"""Regression testing of the rules: `advisor scenarios run|coverage|snapshot|diff|record`.

The coverage gate at the top keeps CI red while a rule has no scenario that fires it or no
scenario that leaves it unfired, or while a date boundary has no scenario around it.
"""
import json
import types
from pathlib import Path

import pytest
import yaml

import advisor.engine.engine
import rules
from advisor.regression.coverage import coverage, coverage_json
from advisor.engine.engine import BaseAdvisorEngine, rule_metas
from advisor.errors import InputError
from advisor.knowledge import catalogue
from advisor.engine.registry import RuleMeta
from advisor.regression.scenarios import Suite, load_scenario, shared_suite
from advisor.regression.snapshots import diff, dump, load_snapshot, snapshot

ROOT = Path(__file__).resolve().parent.parent
SUITE = shared_suite(ROOT / "scenarios")  # the same runs as tests/test_scenarios.py
EX5 = ROOT / "scenarios/worked-examples/ex5-2026-cooperative-household-cleaning.yaml"
GOOD = """\
id: t.good
description: A vzw ironing for households in 2026 gets service vouchers.
tags: [dienstencheques, sample]
case:
  as_of: 2026-03-01
  organisation: {legal_form: nonprofit, municipality: Kortrijk, can_lodge_deposit: true}
  service: {activities: [ironing], customers: [households]}
expect:
  top: dienstencheques
"""


@pytest.fixture(scope="module")
def report():
    return coverage(SUITE.outcomes(), rule_metas(), catalogue())


# --- the coverage gate ---------------------------------------------------------------------


def test_every_rule_is_fired_by_a_scenario_and_left_unfired_by_another(report):
    assert report.fired_percent == 100.0, f"rules no scenario fires: {report.unfired}"
    assert not report.never_unfired, f"rules every scenario fires: {report.never_unfired}"


def test_every_date_boundary_has_scenarios_around_it(report):
    assert not report.missing_rule_boundaries(), [f"{b.subject} {b.kind} {b.day}" for b in
                                                  report.missing_rule_boundaries()]
    assert not report.missing_instrument_pairs(), [f"{b.subject} {b.kind} {b.day}" for b in
                                                   report.missing_instrument_pairs()]


def test_suite_size_and_eras():
    valid = [e for e in SUITE.entries if e.loaded]
    assert len(valid) >= 120
    years = {e.loaded.scenario.case.as_of.year for e in valid if e.loaded.scenario.case.as_of}
    assert min(years) <= 2005 and max(years) >= 2026
    assert sum(1 for e in valid if e.loaded.scenario.expect.needs_info) >= 10


# --- strict scenario files -------------------------------------------------------------------


def test_a_misspelled_expect_claim_is_an_error_not_a_silent_pass(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("  top:", "  recomended: [dienstencheques]\n  top:"))
    with pytest.raises(InputError) as exc:
        load_scenario(bad)
    assert "bad.yaml" in exc.value.render("en") and "expect.recomended" in exc.value.render("en")
    outcome = Suite([bad]).outcomes()[0]
    assert not outcome.passed and "expect.recomended" in outcome.failures[0]


# --- run -------------------------------------------------------------------------------------


@pytest.fixture
def small_suite(tmp_path):
    (tmp_path / "dc").mkdir()
    (tmp_path / "dc/good.yaml").write_text(GOOD)
    (tmp_path / "dc/wrong.yaml").write_text(GOOD.replace("t.good", "t.wrong").replace(
        "top: dienstencheques", "top: pwa\n  fired: [DC-001, PWA-001]"))
    (tmp_path / "broken.yaml").write_text(GOOD.replace("expect:", "expect:\n  topp: pwa"))
    return tmp_path


def test_run_names_file_description_and_each_failed_claim(run, small_suite):
    code, out, _ = run("scenarios", "run", str(small_suite), "--lang", "en")
    assert code == 1
    assert "dc/wrong.yaml [t.wrong] A vzw ironing" in out
    assert "top: expected pwa, got dienstencheques" in out
    assert "fired: expected PWA-001" in out and "expected DC-001" not in out
    assert "broken.yaml" in out and "expect.topp" in out
    assert "1 passed, 2 failed" in out


def test_run_filter_matches_id_description_tags_and_path(run, small_suite):
    # the broken file has no readable description or tags: only its path can match
    for text, expected in (("t.GOOD", 1), ("vzw ironing", 2), ("sample", 2), ("dc/", 2), ("broken", 1), ("zzz", 0)):
        code, out, _ = run("scenarios", "run", str(small_suite), "-k", text, "--format", "json")
        assert len(json.loads(out)["results"]) == expected, text


def test_cli_run_and_pytest_count_the_same(run):
    code, out, _ = run("scenarios", "run", str(ROOT / "scenarios"), "--format", "json")
    data = json.loads(out)
    pytest_view = {o.id: o.passed for o in SUITE.outcomes()}
    assert {r["id"]: r["passed"] for r in data["results"]} == pytest_view
    assert data["passed"] == sum(pytest_view.values())
    assert data["failed"] == len(pytest_view) - data["passed"]
    assert code == (1 if data["failed"] else 0)


def test_missing_path_is_bad_input(run, tmp_path):
    code, _, err = run("scenarios", "run", str(tmp_path / "nope"))
    assert code == 2 and "bestand of map bestaat niet" in err


# --- coverage --------------------------------------------------------------------------------


def test_coverage_lists_each_rules_fire_count_and_applies_min(run, small_suite):
    code, out, _ = run("scenarios", "coverage", str(small_suite / "dc"), "--lang", "en", "--min", "50")
    assert code == 1
    lines = {line.split()[0]: line.split()[1:3] for line in out.splitlines() if line[:1].isupper() and "-" in line[:7]}
    assert set(lines) >= {m.id for m in rule_metas()}
    assert lines["DC-001"] == ["2", "0"], "fired by both DC scenarios, unfired by none"
    assert lines["PWA-001"][0] == "0"
    assert "Rules no scenario fires:" in out and "PWA-001" in out


def test_coverage_json_of_the_suite(report, run, small_suite):
    data = coverage_json(report)
    assert data["fired_percent"] == 100.0 and data["unfired"] == []
    dc010 = next(r for r in data["per_rule"] if r["rule"] == "DC-010")
    assert dc010["fired"] >= 1 and dc010["boundaries"][0]["day"] == "2016-01-01"
    pairs = {(b["subject"], b["kind"]): b for b in data["instrument_boundaries"]}
    assert pairs[("pwa", "open_until")]["boundary_pairs"], "PWA closes on 2018-01-01: a pair exists"
    assert not pairs[("dienstencheques", "open_from")]["in_range"], "2004 lies before the advised dates"
    code, out, _ = run("scenarios", "coverage", str(small_suite), "--format", "json", "--min", "0")
    assert code == 0 and json.loads(out)["scenarios"] == 2


# --- snapshot and diff -----------------------------------------------------------------------


def test_snapshot_is_stable_and_diff_is_quiet_without_change(run, tmp_path, small_suite):
    out = tmp_path / "snap.json"
    code, _, _ = run("scenarios", "snapshot", str(small_suite / "dc"), "--out", str(out))
    first = out.read_text()
    snap = json.loads(first)
    assert code == 0 and set(snap["scenarios"]) == {"t.good", "t.wrong"}
    assert snap["scenarios"]["t.good"]["file"].endswith("dc/good.yaml") and snap["knowledge_version"]
    code, _, err = run("scenarios", "snapshot", str(small_suite / "dc"), "--out", str(out))
    assert code == 2 and "--force" in err and out.read_text() == first, "an existing file is kept"
    run("scenarios", "snapshot", str(small_suite / "dc"), "--out", str(out), "--force")
    assert out.read_text() == first, "the same advice gives the same file"

    snap["knowledge_version"] = "some-other-version"  # ignored by the diff
    out.write_text(json.dumps(snap))
    code, text, _ = run("scenarios", "diff", str(out))
    assert code == 0 and "Geen verschil" in text


def test_diff_reports_new_removed_and_changed_scenarios(run, tmp_path, small_suite):
    out = tmp_path / "snap.json"
    run("scenarios", "snapshot", str(small_suite / "dc"), "--out", str(out), "--lang", "en")
    (small_suite / "dc/wrong.yaml").unlink()
    (small_suite / "dc/later.yaml").write_text(GOOD.replace("t.good", "t.later"))
    (small_suite / "dc/good.yaml").write_text(GOOD.replace("2026-03-01", "2005-03-01"))
    code, text, _ = run("scenarios", "diff", str(out), "--format", "json")
    assert code == 1
    changed = {c["id"]: c for c in json.loads(text)["changed"]}
    assert changed["t.wrong"]["status"] == "removed" and changed["t.later"]["status"] == "new"
    good = changed["t.good"]["changes"]
    assert good["as_of"] == {"old": "2026-03-01", "new": "2005-03-01"}
    assert any(r["rule"] == "DC-010" for r in good.get("reasons", [])) or "fired" in good


def test_diff_of_a_bad_snapshot_is_bad_input(run, tmp_path):
    bad = tmp_path / "snap.json"
    bad.write_text("{}")
    code, _, err = run("scenarios", "diff", str(bad))
    assert code == 2 and "snap.json" in err


def _engine_with_mwb_min_fte(fte: int):
    """A fresh engine whose maatwerk rules ask `fte` FTE instead of 20 (the source is untouched)."""
    source = Path(rules.maatwerk.__file__).read_text(encoding="utf-8")
    assert "MWB_MIN_FTE = 20\n" in source
    module = types.ModuleType("rules.maatwerk_threshold_test")
    module.__file__ = rules.maatwerk.__file__
    exec(compile(source.replace("MWB_MIN_FTE = 20\n", f"MWB_MIN_FTE = {fte}\n"), module.__file__, "exec"),
         module.__dict__)
    families = tuple(module.MaatwerkRules if f is rules.MaatwerkRules else f for f in rules.FAMILIES)
    return type("ThresholdTestEngine", (*families, BaseAdvisorEngine), {})()


def _target_fte(entry) -> float | None:
    groups = entry.loaded.scenario.case.worker_groups or []
    if not groups or any(g.fte is None for g in groups):
        return None
    return sum(g.fte for g in groups)


def test_raising_a_threshold_shows_exactly_the_scenarios_it_changes(monkeypatch):
    before = snapshot(SUITE)
    monkeypatch.setattr(advisor.engine.engine, "engine", lambda eng=_engine_with_mwb_min_fte(25): eng)
    changed = diff(load_json(dump(before)), Suite([ROOT / "scenarios"], lang=before["lang"]))

    # Expected without the diff: the scenarios with 20 to 25 FTE target-group workers in
    # which the maatwerkbedrijf was considered (a MWB rule fired).
    outcome = {o.id for o in SUITE.outcomes() if o.advice and any(r.startswith("MWB-") for r in o.advice.fired)
               and 20 <= (_target_fte(o.entry) or 0) < 25}
    assert outcome, "the suite needs a scenario between 20 and 25 FTE"
    # ... and the scenarios whose reasons quote the threshold (MWB-014/015/016 state it)
    quoted = {o.id for o in SUITE.outcomes() if o.advice and any(
        r.rule in {"MWB-014", "MWB-015"} for item in [*o.advice.recommendations, *o.advice.rejected]
        for r in [*item.reasons, *getattr(item, "caveats", [])])}
    assert {c["id"] for c in changed} == outcome | quoted
    for c in changed:
        assert c["status"] == "changed"
        if c["id"] in outcome:
            assert c["changes"]["fired"]["added"] and c["changes"]["fired"]["removed"]
    # where the size is given as a reason, the diff shows the old and the new reason side by side
    pairs = [(r["old"], r["new"]) for c in changed for r in c["changes"].get("reasons", [])
             if r["instrument"] == "maatwerkbedrijf" and "FTE" in "".join(r["old"] + r["new"])]
    assert any(old and "at least 20" in old[0] for old, _ in pairs)
    assert any(new and "only" in new[0] and "at least 25" in new[0] for _, new in pairs)


def _reword(monkeypatch, rule_id: str, text: str) -> None:
    """Every reason of ``rule_id`` now reads ``text`` (as if its docstring had been edited)."""
    original = RuleMeta.text
    monkeypatch.setattr(RuleMeta, "text", lambda self, lang, params=None:
                        text if self.id == rule_id else original(self, lang, params))


def test_rewording_a_reason_shows_old_and_new_text_where_it_is_given(monkeypatch):
    before = snapshot(SUITE)
    _reword(monkeypatch, "DC-001", "Reworded DC-001 reason.")
    changed = diff(load_json(dump(before)), Suite([ROOT / "scenarios"], lang=before["lang"]))

    expected = {o.id for o in SUITE.outcomes() if o.advice and any(
        r.rule == "DC-001" for item in [*o.advice.recommendations, *o.advice.rejected] for r in item.reasons)}
    assert expected and {c["id"] for c in changed} == expected
    for c in changed:
        assert [r["rule"] for r in c["changes"]["reasons"]] == ["DC-001"]
        assert c["changes"]["reasons"][0]["new"] == ["Reworded DC-001 reason."]
        assert set(c["changes"]) == {"reasons"}


def load_json(text):
    return json.loads(text)


def test_diff_text_names_scenario_file_and_reasons(run, tmp_path, small_suite, monkeypatch):
    out = tmp_path / "snap.json"
    run("scenarios", "snapshot", str(small_suite / "dc"), "--out", str(out), "--lang", "en")
    _reword(monkeypatch, "DC-001", "Reworded.")
    code, text, _ = run("scenarios", "diff", str(out), "--lang", "en")
    assert code == 1
    assert "t.good  (" in text and "dc/good.yaml" in text
    assert "reason dienstencheques DC-001" in text and 'new: "Reworded."' in text
    assert load_snapshot(out)["lang"] == "en"


# --- record ------------------------------------------------------------------------------------


def test_record_writes_a_scenario_that_passes_on_the_current_advice(run, tmp_path):
    out = tmp_path / "ex5-recorded.yaml"
    code, text, _ = run("scenarios", "record", str(EX5), "--id", "recorded.ex5", "--out", str(out))
    assert code == 0 and out.exists()
    loaded = load_scenario(out)
    assert loaded.scenario.id == "recorded.ex5" and loaded.scenario.expect.top == "dienstencheques"
    assert loaded.scenario.case.as_of is not None
    outcome = Suite([out]).outcomes()[0]
    assert outcome.passed, outcome.failures
    assert out.read_text().startswith("# Recorded by `advisor scenarios record`")

    code, _, err = run("scenarios", "record", str(EX5), "--id", "recorded.ex5", "--out", str(out))
    assert code == 2 and "--force" in err


def test_record_pins_an_undated_case_and_rejects_a_bad_id(run, tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump({"organisation": {"legal_form": "ocmw", "municipality": "Menen"}}))
    code, out, _ = run("scenarios", "record", str(case), "--id", "rec.undated")
    assert code == 0 and "as_of:" in out and "needs_info" in out
    code, _, err = run("scenarios", "record", str(case), "--id", "Bad Id")
    assert code == 2 and "id" in err
