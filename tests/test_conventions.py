"""The small conventions of every verb (issue 12, part 8): --version, ids and names in any
case, support domains in Dutch and English, --lang on --resume, files written without YAML
anchors, and --out that keeps an existing file unless --force."""
from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import click
import pytest
import yaml

from advisor.cli.main import cli
from advisor.interview.sessions import SessionStore
from advisor.knowledge import catalogue

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"


def test_version_names_the_package_and_the_knowledge(run):
    code, out, err = run("--version")
    assert code == 0, err
    assert version("werkwaardig-advisor") in out
    assert catalogue().version in out and catalogue().covers_from.isoformat() in out


@pytest.mark.parametrize("typed", ["dienstencheques", "Dienstencheques", "DIENSTENCHEQUES", "service vouchers"])
def test_steps_takes_an_instrument_in_any_case_or_by_name(run, typed):
    code, out, err = run("steps", typed, "--as-of", "2026-03-01", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["instrument"] == "dienstencheques"


def test_rules_show_takes_the_id_in_any_case(run):
    codes = {run("rules", "show", rid)[:2] for rid in ("DC-010", "dc-010", "Dc-010")}
    assert len(codes) == 1 and next(iter(codes))[0] == 0


@pytest.mark.parametrize("typed", ["LDE", "lde", "Lokale-Diensteneconomie", "lokale diensteneconomie"])
def test_experts_take_an_instrument_in_any_case(run, typed):
    expected = run("experts", "--instrument", "lokale-diensteneconomie", "--format", "json")
    got = run("experts", "--instrument", typed, "--format", "json")
    assert got == expected and got[0] == 0
    assert json.loads(got[1])["experts"], "the pool has LDE experts"


@pytest.mark.parametrize("dutch, english", [("financiering", "financing"), ("Financiering", "FINANCING"),
                                            ("marketing en promotie", "marketing_promotion"),
                                            ("dienstverleningskwaliteit", "service quality")])
def test_support_domains_in_dutch_and_english(run, dutch, english):
    nl = run("experts", "--domain", dutch, "--format", "json")
    en = run("experts", "--domain", english, "--format", "json")
    assert nl == en and nl[0] == 0
    assert json.loads(nl[1])["filters"]["domain"] in {"financing", "marketing_promotion", "service_quality"}


def test_an_unknown_domain_lists_both_names(run):
    code, _, err = run("experts", "--domain", "boekhouding")
    assert code == 2 and "financing (financiering)" in err


def test_choice_options_ignore_case(run):
    assert run("steps", "dienstencheques", "--as-of", "2026-03-01", "--lang", "EN", "--role", "Employer")[0] == 0
    code, out, _ = run("advise", str(EXAMPLE), "--lang", "EN")
    assert code == 0 and "ADVICE FOR" in out


def test_lang_is_honoured_on_resume(run, tmp_path):
    db = str(tmp_path / "s.db")
    from click.testing import CliRunner

    first = CliRunner().invoke(cli, ["interview", "--db", db, "--as-of", "2026-03-01", "--out",
                                     str(tmp_path / "case.yaml")], input="1\nstop\n")
    assert first.exit_code == 0 and "Bewaard." in first.output
    sid = SessionStore(db).list()[0].id
    resumed = CliRunner().invoke(cli, ["interview", "--db", db, "--resume", sid.upper(), "--lang", "en",
                                       "--out", str(tmp_path / "case.yaml")], input="quit\n")
    assert resumed.exit_code == 0, resumed.output
    assert "Saved. Continue later with" in resumed.output and "Bewaard." not in resumed.output
    assert SessionStore(db).load(sid).lang == "en"  # and the next --resume continues in English
    again = CliRunner().invoke(cli, ["interview", "--db", db, "--resume", sid, "--out",
                                     str(tmp_path / "case.yaml")], input="quit\n")
    assert "Saved. Continue later with" in again.output


def test_an_override_at_the_prompt_takes_the_instrument_in_any_case(tmp_path):
    from click.testing import CliRunner

    lines = ["1", "override", "Wijk-Werken", "recommend", "Lokale afspraak met het OCMW.", "Jan", "quit"]
    result = CliRunner().invoke(cli, ["interview", "--db", str(tmp_path / "s.db"), "--as-of", "2026-03-01",
                                      "--lang", "en", "--out", str(tmp_path / "c.yaml")],
                                input="\n".join(lines) + "\n")
    assert "Saved: override for wijk-werken." in result.output, result.output
    assert SessionStore(tmp_path / "s.db").list()[0].overrides[0]["instrument"] == "wijk-werken"


def test_an_override_in_an_answers_file_takes_the_instrument_by_name(tmp_path):
    from click.testing import CliRunner

    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({
        "as_of": "1 maart 2026", "organisation.legal_form": "nonprofit",
        "overrides": [{"instrument": "Wijk-werken", "decision": "recommend",
                       "justification": "Lokale afspraak met het OCMW."}]}), encoding="utf-8")
    out = tmp_path / "case.yaml"
    result = CliRunner().invoke(cli, ["interview", "--answers", str(answers), "--db", str(tmp_path / "s.db"),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    case = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert case["overrides"][0]["instrument"] == "wijk-werken" and case["as_of"] == "2026-03-01"


def _commands(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        yield (*prefix, name), command


def test_every_verb_with_out_has_force():
    with_out = [path for path, command in _commands(cli) if any("--out" in p.opts for p in command.params)]
    assert len(with_out) >= 6, with_out  # interview, selfcheck, sessions export, scenarios snapshot, record, schema
    for path, command in _commands(cli):
        opts = {o for p in command.params for o in p.opts}
        if "--out" in opts:
            assert "--force" in opts, f"`advisor {' '.join(path)}` has --out but no --force"


def _finished_session(tmp_path) -> str:
    from click.testing import CliRunner

    answers = tmp_path / "answers.yaml"
    answers.write_text("as_of: 2026-03-01\norganisation.legal_form: nonprofit\nservice.activities: [ironing]\n",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["selfcheck", "--answers", str(answers), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    return SessionStore(tmp_path / "s.db").list()[0].id


def test_out_keeps_an_existing_file_unless_forced_for_every_verb(run, tmp_path):
    sid = _finished_session(tmp_path)
    db = ["--db", str(tmp_path / "s.db")]
    answers = tmp_path / "answers.yaml"
    verbs = {
        "interview": ["interview", "--answers", str(answers), *db],
        "selfcheck": ["selfcheck", "--answers", str(answers), *db],
        "sessions export": ["sessions", "export", sid, *db],
        "scenarios snapshot": ["scenarios", "snapshot", str(ROOT / "scenarios/worked-examples")],
        "scenarios record": ["scenarios", "record", str(EXAMPLE), "--id", "x.kept"],
        "schema": ["schema"],
        "report": ["report", str(EXAMPLE)],
    }
    for verb, args in verbs.items():
        out = tmp_path / f"{verb.replace(' ', '-')}.out"
        out.write_text("mine\n", encoding="utf-8")
        code, _, err = run(*args, "--out", str(out))
        assert code == 2 and "--force" in err, (verb, err)
        assert out.read_text(encoding="utf-8") == "mine\n", f"{verb} overwrote an existing --out file"
        code, _, err = run(*args, "--out", str(out), "--force")
        assert code == 0, (verb, err)
        assert out.read_text(encoding="utf-8") != "mine\n"
    covered = {" ".join(path) for path, command in _commands(cli) if any("--out" in p.opts for p in command.params)}
    assert covered <= set(verbs), f"a verb with --out is not checked here: {covered - set(verbs)}"


def test_no_file_we_write_has_yaml_anchors(run, tmp_path):
    """A case repeats lists (activities in the answers and in the case, the same customers in
    a scenario's case and expect): each is written out in full."""
    sid = _finished_session(tmp_path)
    db = ["--db", str(tmp_path / "s.db")]
    outputs = []
    for n, args in enumerate((["sessions", "export", sid, "--as-session", *db],
                              ["sessions", "export", sid, "--as-scenario", *db],
                              ["sessions", "export", sid, *db],
                              ["scenarios", "record", str(EXAMPLE), "--id", "x.anchors"])):
        out = tmp_path / f"{n}.yaml"
        code, _, err = run(*args, "--out", str(out))
        assert code == 0, err
        outputs.append(out.read_text(encoding="utf-8"))
    for text in outputs:
        assert "&id" not in text and "*id" not in text, text
        yaml.safe_load(text)
    from advisor.errors import dump_yaml

    shared = ["ironing"]
    assert "&" not in dump_yaml({"a": shared, "b": shared})


def test_change_takes_a_field_path_in_any_case(tmp_path):
    from click.testing import CliRunner

    lines = ["1", "change Worker_Groups", "Ironers", "change worker_groups.IRONERS.FTE", "4",
             "change Organisation.Legal_Form", "ocmw", "quit"]
    result = CliRunner().invoke(cli, ["interview", "--db", str(tmp_path / "s.db"), "--as-of", "2026-03-01",
                                      "--lang", "en", "--out", str(tmp_path / "c.yaml")],
                                input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "give a field of the questionnaire" not in result.output
    answers = SessionStore(tmp_path / "s.db").list()[0].answers
    assert answers["worker_groups.Ironers.fte"] == 4.0  # the group keeps the id it was given
    assert answers["organisation.legal_form"] == "ocmw"
