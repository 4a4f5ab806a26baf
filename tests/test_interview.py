"""The interview asks only what can still change the advice, and reaches the advice of the full
case. Replays answer each question from a sample case (absent field: "I don't know")."""
from __future__ import annotations

import os
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor.cli.main import cli
from advisor.engine.engine import advise, engine
from advisor.engine.relevance import variant_classes
from advisor.plan.consult import consult
from advisor.interview.interview import UNKNOWN, Interview, case_data, case_values, outcome_of, replay
from advisor.knowledge import catalogue
from advisor.models import Case
from advisor.regression.scenarios import load_case_or_scenario, load_scenario, scenario_files

ROOT = Path(__file__).resolve().parent.parent
ALL_SCENARIOS = scenario_files([ROOT / "scenarios"])
# Replaying an interview tries many answers per question: over all sample cases that takes
# minutes. The default suite replays the worked examples and every 25th other case (a fixed
# sample across the families); ADVISOR_REPLAY_ALL=1 replays them all, and
# benchmarks/bench_interview.py always does.
SCENARIOS = ALL_SCENARIOS if os.environ.get("ADVISOR_REPLAY_ALL") else [
    p for i, p in enumerate(ALL_SCENARIOS) if p.parent.name == "worked-examples" or i % 25 == 0]
RULE_ID = re.compile(r"\b[A-Z][A-Z0-9]{1,4}-\d{3}\b")


@cache
def replayed(path: Path):
    case = load_scenario(path).scenario.case
    values = case_values(case)
    return case, values, replay(values, case.as_of or date.today(), overrides=case.overrides)


def _seen(answers: dict, as_of: date, overrides, own: str) -> tuple:
    """The advice as the property compares it: recommendations (instrument, groups, caveat rules),
    rejected instruments and warnings (those open on the date), and the other missing answers."""
    advice = advise(Case.model_validate(case_data(answers, as_of, overrides)), lang="en")
    still_open = {i.id for i in catalogue().open_on(as_of)}
    recs = sorted((r.instrument, tuple(r.worker_groups), tuple(sorted({c.rule for c in r.caveats})))
                  for r in advice.recommendations)
    rejected = sorted(i for i in advice.rejected_ids() if i in still_open)
    warnings = sorted({w.code for w in advice.warnings} - {"instrument-closed", "transition"})
    needs = sorted((n.field, tuple(n.affects)) for n in advice.needs_info if n.field != own)
    return recs, rejected, warnings, needs


def _holds_back(answers: dict, as_of: date, overrides, path: str) -> bool:
    """The rules list this missing answer for an instrument recommended as a possible fit."""
    advice = advise(Case.model_validate(case_data(answers, as_of, overrides)), lang="en")
    possible = {r.instrument for r in advice.recommendations if r.fit == "possible"}
    return any(n.field == path and possible & set(n.affects) for n in advice.needs_info)


def _alternatives(iv: Interview, ask) -> list[dict]:
    q = ask.question
    if q.type == "choice":
        return [{ask.path: v} for v in q.values()]
    if q.type == "bool":
        return [{ask.path: True}, {ask.path: False}]
    if q.type == "multi":
        return [{ask.path: [v]} for v in q.values()]
    return iv.probe_sets(ask)  # numbers, municipalities, group lists: the questionnaire's probes


def _distinct_alternatives(iv: Interview, answers: dict, given: dict, alternatives: list[dict]) -> list[dict]:
    """The alternatives that may get another advice than the given answer: one per class of
    alternatives the rules provably cannot tell apart, leaving out the given answer's class
    (advisor.engine.relevance, itself checked against the engine in tests/test_relevance.py).
    The property is the same; only engine runs that must give the same advice are saved."""
    variants = [iv.case({**answers, **given})] + [iv.case({**answers, **alt}) for alt in alternatives]
    classes = variant_classes(variants, catalogue(), engine())
    return [alt for i, alt in enumerate(alternatives, 1) if classes[i] == i]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_question_asked_could_change_the_advice(path):
    case, _, run = replayed(path)
    as_of = case.as_of or date.today()
    answers: dict = {}
    for n, step in enumerate(run.steps, 1):
        ask = step.ask
        iv = Interview(as_of, answers=answers, overrides=case.overrides)
        if ask.question.type == "text":
            # free text the rules cannot read (service.other_activity): asked only while a rule
            # lists it as a missing answer
            needs = advise(Case.model_validate(case_data(answers, as_of, case.overrides)), lang="en").needs_info
            assert ask.path in {n.field for n in needs}, f"{path.name}: question {n} ({ask.path}) was not needed"
        elif not _holds_back(answers, as_of, case.overrides, ask.path):
            given = _seen({**answers, ask.path: step.value}, as_of, case.overrides, ask.path)
            others = (_seen({**answers, **alt}, as_of, case.overrides, ask.path)
                      for alt in _distinct_alternatives(iv, answers, {ask.path: step.value}, _alternatives(iv, ask)))
            assert any(o != given for o in others), (
                f"{path.name}: question {n} ({ask.path}) was asked, but no other allowed answer changes "
                f"the advice given {sorted(answers)}")
        answers[ask.path] = step.value


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_the_interview_reaches_the_advice_of_the_full_case(path):
    case, _, run = replayed(path)
    full = outcome_of(advise(case, lang="en"))
    got = outcome_of(advise(run.interview.case(), lang="en"))
    asked = [s.ask.path for s in run.steps]
    assert set(got[0]) == set(full[0]), (f"{path.name}: recommendations differ: full case {full[0]}, "
                                         f"interview {got[0]} (asked {asked})")
    # The interview rejects no open instrument the full case does not. It may name fewer
    # rejections: an instrument closed on the date, or one rejected whatever the answer, is
    # not worth a question.
    still_open = {i.id for i in catalogue().open_on(case.as_of or date.today())}
    extra = (set(got[1]) - set(full[1])) & still_open
    assert not extra, f"{path.name}: rejected differ: full case {full[1]}, interview {got[1]}"


def test_fewer_questions_than_fields_on_average():
    asked = fields = 0
    for path in SCENARIOS:
        _, values, run = replayed(path)
        asked += len(run.steps)
        fields += len(values)
    n = len(SCENARIOS)
    print(f"\n{n} sample cases: {asked / n:.2f} questions asked on average, {fields / n:.2f} fields per case")
    assert asked < fields


IRONING = {
    "as_of": "2026-03-01",
    "organisation.legal_form": "nonprofit",
    "organisation.municipality": "Kortrijk",
    "service.activities": ["ironing"],
    "service.customers": ["households"],
}


def _run(args, input=None):
    result = CliRunner().invoke(cli, args, input=input, catch_exceptions=False)
    return result


def test_transcript_2026_vzw_ironing_workshop(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(IRONING), encoding="utf-8")
    out = tmp_path / "case.yaml"
    result = _run(["interview", "--answers", str(answers), "--db", str(tmp_path / "s.db"), "--out", str(out),
                   "--lang", "en"])
    assert result.exit_code == 0, result.output
    transcript = result.output.split("ADVICE FOR")[0]
    assert "[service.activities]" in transcript and "-> ironing" in transcript
    assert "-> households and private persons" in transcript
    # service vouchers recommended, first
    case = load_case_or_scenario(out)
    advice = consult(case, lang="en")
    assert advice.recommended_ids()[0] == "dienstencheques"
    assert "1. Service vouchers" in result.output
    # nothing was asked for instruments closed on that date
    run = replay({k: v for k, v in IRONING.items() if k != "as_of"}, date(2026, 3, 1))
    still_open = {i.id for i in catalogue().open_on(date(2026, 3, 1))}
    iv = Interview(date(2026, 3, 1))
    for step in run.steps:
        why = iv.why(step.ask)
        # it decides an open instrument, or no instrument at all (e.g. the region's warnings)
        assert not why.instruments or set(why.instruments) & still_open, (
            f"{step.ask.path} asked only for closed instruments {why}")
        iv.answer(step.ask.path, step.value)
    asked = {s.ask.path for s in run.steps}
    for closed_only in ("organisation.has_public_commissioner", "organisation.has_business_plan"):
        assert closed_only not in asked  # LDE / BND and insertion companies are closed in 2026


def test_household_help_asks_nothing_that_only_matters_for_sheltered_work():
    answers = {"organisation.legal_form": "nonprofit", "service.activities": ["ironing"],
               "service.customers": ["households"], "service.competes_with_regular_market": "none",
               "organisation.municipality": "Kortrijk", "worker_groups": ["ironers"]}
    run = replay(answers, date(2026, 3, 1))
    iv = Interview(date(2026, 3, 1))
    sheltered = {"beschutte-werkplaats", "sociale-werkplaats"}
    for step in run.steps:
        why = iv.why(step.ask)
        assert not (why.instruments and set(why.instruments) <= sheltered), (step.ask.path, why)
        iv.answer(step.ask.path, step.value)


def test_dont_know_is_listed_under_needs_info():
    run = replay({k: v for k, v in IRONING.items() if k != "as_of"}, date(2026, 3, 1))
    deposit = [s for s in run.steps if s.ask.path == "organisation.can_lodge_deposit"]
    assert deposit and deposit[0].value is UNKNOWN
    advice = run.interview.advice(lang="en")
    assert "organisation.can_lodge_deposit" in [n.field for n in advice.needs_info]
    assert run.interview.next() is None  # and it is not asked again


def test_why_names_instruments_and_rules():
    iv = Interview(date(2026, 3, 1), answers={"organisation.legal_form": "nonprofit",
                                              "service.activities": ["ironing"]})
    ask = iv.ask_for("service.customers")
    why = iv.why(ask)
    assert "dienstencheques" in why.instruments
    assert "DC-001" in why.rules and "GEN-002" in why.rules


def test_answers_file_errors_name_the_field(tmp_path):
    bad = tmp_path / "answers.yaml"
    bad.write_text("organisation.legal_form: foundation\norganisation.colour: red\nworker_groups.a.age: old\n",
                   encoding="utf-8")
    from advisor.cli.main import main

    with pytest.raises(SystemExit) as exc:
        main(["interview", "--answers", str(bad), "--db", str(tmp_path / "s.db")])
    assert exc.value.code == 2


def test_overrides_from_the_answers_file_are_kept_with_the_case(tmp_path):
    data = dict(IRONING, overrides=[{"instrument": "wijk-werken", "decision": "recommend",
                                     "justification": "Het OCMW zet wijk-werkers in voor de opstart.",
                                     "by": "adviseur"}])
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "case.yaml"
    result = _run(["interview", "--answers", str(answers), "--db", str(tmp_path / "s.db"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "OVERRIDE" in result.output and "de adviseur heeft de regels overschreven" in result.output
    case = load_case_or_scenario(out)
    assert case.overrides[0].instrument == "wijk-werken" and case.overrides[0].by == "adviseur"


def _interactive(tmp_path, lines, *extra):
    return _run(["interview", "--db", str(tmp_path / "s.db"), "--as-of", "2026-03-01", "--lang", "en",
                 "--out", str(tmp_path / "case.yaml"), *extra], input="\n".join(lines) + "\n")


def test_wrong_answers_are_asked_again(tmp_path):
    result = _interactive(tmp_path, ["foundation", "99", "", "1", "quit"])
    assert result.exit_code == 0
    assert "'foundation' is not on the list" in result.output
    assert "Choose a number from 1 to 8" in result.output
    assert "Type an answer, or 'dunno'." in result.output
    assert "Saved. Continue later with: advisor interview --resume" in result.output
    assert "Traceback" not in result.output


def test_numbers_are_checked(tmp_path):
    result = _interactive(tmp_path, ["change worker_groups", "ironers", "change worker_groups.ironers.fte",
                                     "four", "-2", "4", "quit"])
    assert result.exit_code == 0, result.output
    assert result.output.count("That answer does not fit: Give a number, e.g. 4 or 2.5 from 0 to 10000.") == 2
    from advisor.store.sessions import SessionStore

    session = SessionStore(tmp_path / "s.db").list()[0]
    assert session.answers["worker_groups.ironers.fte"] == 4.0


def _typed(value) -> str:
    if value is UNKNOWN:
        return "dunno"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ",".join(value) if value else "none"
    return str(value)


def test_back_why_and_change(tmp_path):
    result = _interactive(tmp_path, ["?", "1", "back", "2", "change organisation.legal_form", "ocmw", "advice",
                                     "quit"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Rules that depend on this answer:" in out and "GEN-004" in out and "sources" in out
    assert out.count("[organisation.legal_form]") >= 3  # asked, asked again after back, changed
    assert "ADVICE FOR 2026-03-01" in out


def test_override_dialog_is_saved_with_the_session(tmp_path):
    result = _interactive(tmp_path, ["1", "override", "wijk-werken", "recommend", "too short",
                                     "Lokale afspraak met het OCMW.", "Jan", "quit"])
    assert result.exit_code == 0, result.output
    assert "the justification needs at least 10 characters" in result.output
    assert "Saved: override for wijk-werken." in result.output
    from advisor.store.sessions import SessionStore

    session = SessionStore(tmp_path / "s.db").list()[0]
    assert session.overrides[0]["justification"] == "Lokale afspraak met het OCMW."


def test_an_override_cannot_recommend_a_closed_instrument(tmp_path):
    result = _interactive(tmp_path, ["1", "override", "pwa", "recommend", "quit"])
    assert result.exit_code == 0, result.output
    assert "cannot be recommended on 2026-03-01" in result.output and "wijk-werken" in result.output
    assert "Saved: override" not in result.output


def test_a_finished_interview_writes_the_case_and_full_advice(tmp_path):
    run = replay({k: v for k, v in IRONING.items() if k != "as_of"}, date(2026, 3, 1))
    lines = [_typed(s.value) for s in run.steps] + [""]
    result = _interactive(tmp_path, lines)
    assert result.exit_code == 0, result.output
    assert "No more questions that could change the advice." in result.output
    assert "Case file written" in result.output
    case = load_case_or_scenario(tmp_path / "case.yaml")
    assert case.organisation.legal_form == "nonprofit"


@pytest.mark.parametrize("lang, words", [("nl", ["Uw resultaat", "Dit kan passen bij uw plan:", "Wat kan u nu doen?"]),
                                         ("en", ["Your result", "This may fit your plan:", "What can you do next?"])])
def test_selfcheck_is_plain(tmp_path, lang, words):
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(IRONING), encoding="utf-8")
    args = ["selfcheck", "--answers", str(answers), "--db", str(tmp_path / "s.db")]
    result = _run(args + (["--lang", "en"] if lang == "en" else []))
    assert result.exit_code == 0, result.output
    for w in words:
        assert w in result.output
    assert not RULE_ID.search(result.output), RULE_ID.search(result.output)
    assert "[organisation." not in result.output and "[service." not in result.output
    assert ("Dienstencheques" if lang == "nl" else "Service vouchers") in result.output
    assert not (tmp_path / "case.yaml").exists()


def test_unicode_digits_at_a_prompt_are_asked_again(tmp_path):
    result = _interactive(tmp_path, ["²", "override", "²", "", "quit"])
    assert result.exit_code == 0, result.output
    assert "'²' is not on the list" in result.output and "Traceback" not in result.output


def test_the_prompt_takes_answers_as_people_type_them(tmp_path):
    """Issue 12: "18 maanden", "2 jaar", "ja", a label prefix at the Dutch prompt."""
    lines = ["bedr", "wijzig worker_groups", "strijkers", "wijzig worker_groups.strijkers.months_without_work",
             "1,5 jaar", "wijzig worker_groups.strijkers.age", "45 jaar",
             "wijzig organisation.can_lodge_deposit", "Ja", "wijzig organisation.has_business_plan", "neen", "stop"]
    result = _run(["interview", "--db", str(tmp_path / "s.db"), "--as-of", "2026-03-01",
                   "--out", str(tmp_path / "case.yaml")], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "Dat antwoord past niet" not in result.output
    from advisor.store.sessions import SessionStore

    answers = SessionStore(tmp_path / "s.db").list()[0].answers
    assert answers["organisation.legal_form"] == "company"
    assert answers["worker_groups.strijkers.months_without_work"] == 18
    assert answers["worker_groups.strijkers.age"] == 45
    assert answers["organisation.can_lodge_deposit"] is True
    assert answers["organisation.has_business_plan"] is False


def test_a_resumed_interview_starts_warm_and_chooses_the_same(monkeypatch):
    # the terminal and the web build an Interview per step: a resume on the same date and
    # overrides reuses the engine results of the earlier steps, and chooses exactly as a
    # cold interview does
    import advisor.engine.engine as engine_module
    from advisor.interview.interview import clear_shared_caches

    ex3 = next(p for p in ALL_SCENARIOS if p.name.startswith("ex3-"))
    case, values, run = replayed(ex3)
    as_of = case.as_of or date.today()
    half = dict(list(run.interview.answers.items())[:3])
    clear_shared_caches()
    cold = Interview(as_of, answers=half, overrides=case.overrides).next()
    counted = [0]
    real = engine_module.advise

    def counting(*a, **kw):
        counted[0] += 1
        return real(*a, **kw)

    monkeypatch.setattr(engine_module, "advise", counting)
    warm = Interview(as_of, answers=half, overrides=case.overrides).next()
    assert counted[0] == 0
    assert (warm.path, warm.group) == (cold.path, cold.group)
    # another date is another session: nothing is shared with it
    Interview(date(2020, 1, 1), answers=half, overrides=case.overrides).next()
    assert counted[0] > 0


def test_an_override_added_during_the_interview_is_seen_by_the_next_choice():
    # the terminal's override dialog sets Interview.overrides mid-interview: the cached cases
    # and results are those of the new overrides, never the ones computed without it, and
    # an interview without the override is not served results computed with it
    from advisor.interview.interview import clear_shared_caches
    from advisor.models import Override

    ex3 = next(p for p in ALL_SCENARIOS if p.name.startswith("ex3-"))
    case = load_scenario(ex3).scenario.case
    values = case_values(case)
    as_of = case.as_of or date.today()
    before = list(case.overrides or [])
    clear_shared_caches()
    iv = Interview(as_of, answers=values, overrides=before)
    top = iv._consult(iv.answers).outcome[0][0][0]
    override = Override(instrument=top, decision="reject", justification="the advisor knows better")
    iv.overrides = [*before, override]
    assert top in iv._consult(iv.answers).outcome[1]
    assert top not in Interview(as_of, answers=values, overrides=before)._consult(values).outcome[1]


def test_answers_that_differ_only_about_dead_instruments_run_nothing(monkeypatch):
    # in 2026 a company's group's months without work decide only about closed instruments
    # (WEP+, ACTIVA, sociale werkplaats): several classes of answers, one once those are left out
    import advisor.engine.engine as engine_module

    path = next(p for p in ALL_SCENARIOS if p.name.startswith("twe-2026-company-employer-mixed-groups"))
    case = load_scenario(path).scenario.case
    iv = Interview(case.as_of, overrides=case.overrides)
    for field, value in case_values(case).items():
        if not field.endswith(".months_without_work"):
            iv.answers[field] = value
    ask = next(a for a in iv.candidates() if a.path.endswith(".months_without_work")
               and len(iv._probe_classes(a)) >= 2 and len(iv._apart_from_closed(iv._probe_classes(a))) == 1)
    runs = []
    real = engine_module.advise
    monkeypatch.setattr(engine_module, "advise", lambda *a, **kw: runs.append(1) or real(*a, **kw))
    iv._consult(iv.answers)  # the advice on the answers so far, which decisive may read
    runs.clear()
    assert iv.decisive(ask) is False and runs == []
