"""The questionnaire as data: every question sets a real case field, every choice is an allowed
value, both languages are there, and answers are parsed (or refused with a clear message)."""
from __future__ import annotations

import typing

import pytest
from click.testing import CliRunner

from advisor.cli.main import cli
from advisor.errors import InputError, validate
from advisor.interview.interview import case_data
from advisor.models import Case
from advisor.interview.questions import AnswerError, Question, check_questions, load_questionnaire, questionnaire

QUESTIONS = questionnaire().questions


def _answers_for(q: Question, value) -> dict:
    """Answers that put ``value`` in the field ``q`` sets (worker-group questions on group g)."""
    if q.per_group:
        return {"worker_groups": ["g"], q.path("g"): value}
    return {q.field: value}


def _values(q: Question) -> list:
    if q.type in ("choice",):
        return q.values()
    if q.type == "multi":
        return [[v] for v in q.values()]
    if q.type == "bool":
        return [True, False]
    return list(q.probes) or [q.parse("1", "en")]


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.id)
def test_every_question_sets_a_real_case_field_with_allowed_values(q):
    for value in _values(q):
        data = case_data(_answers_for(q, value), None)
        case = validate(Case, data, f"question {q.id}")
        # the value lands exactly where the question says (no silent drop)
        if q.per_group:
            assert getattr(case.worker_groups[0], q.attribute) == value, q.id
        elif q.field == "worker_groups":
            assert [g.id for g in case.worker_groups] == value
        else:
            part, name = q.field.split(".")
            assert getattr(getattr(case, part), name) == value, q.id


@pytest.mark.parametrize("q", [q for q in QUESTIONS if q.type in ("choice", "multi")], ids=lambda q: q.id)
def test_choices_are_exactly_the_allowed_values(q):
    from advisor.models import Organisation, Service, WorkerGroup

    model = {"organisation": Organisation, "service": Service}.get(q.field.split(".")[0], WorkerGroup)
    annotation = model.model_fields[q.attribute].annotation
    literal = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(literal) is typing.Annotated:  # a list with a size limit
        literal = typing.get_args(literal)[0]
    if typing.get_origin(literal) is list:
        literal = typing.get_args(literal)[0]
    assert sorted(q.values()) == sorted(typing.get_args(literal)), q.id


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.id)
def test_both_languages_and_both_wordings(q):
    for lang in ("nl", "en"):
        assert q.wording(lang, False, "g").strip() and q.wording(lang, True, "g").strip()
        assert q.help(lang).strip()
        for c in q.choices:
            assert c.label(lang).strip()
    # the starter's wording names no case field or rule id
    assert "_" not in q.plain.nl and "_" not in q.plain.en, q.id


def test_a_broken_questionnaire_is_reported_field_by_field(tmp_path):
    bad = tmp_path / "questions.yaml"
    bad.write_text("""
- id: colour
  field: organisation.colour
  short: {nl: x, en: x}
  type: choice
  text: {nl: Kleur?, en: Colour?}
  plain: {nl: Kleur?, en: Colour?}
  help: {nl: x, en: x}
  choices: [{value: red, nl: rood, en: red}]
- id: legal_form
  field: organisation.legal_form
  short: {nl: x, en: x}
  type: choice
  text: {nl: Vorm?, en: Form?}
  plain: {nl: Vorm?, en: Form?}
  help: {nl: x, en: x}
  choices: [{value: nonprofit, nl: vzw, en: vzw}, {value: foundation, nl: stichting, en: foundation}]
- id: age
  field: worker_groups.*.age
  short: {nl: x, en: x}
  type: integer
  text: {nl: "Groep {group}?", en: "Group {group}?"}
  plain: {nl: "Groep {group}?", en: "Group {group}?"}
  help: {nl: x, en: x}
  probes: [12]
  min: 15
  max: 80
""", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_questionnaire(bad)
    message = exc.value.text("en")
    assert "organisation.colour" in message and "not a case field" in message
    assert "'foundation' is not allowed" in message and "nonprofit" in message
    assert "allowed values without a choice" in message
    assert "probe 12 is not a valid answer" in message


def test_the_real_questionnaire_has_no_problems():
    assert check_questions(QUESTIONS, "questions.yaml") == []


@pytest.mark.parametrize("qid, raw, expected", [
    ("staff_fte", "2,5", 2.5),
    ("staff_fte", "12", 12.0),
    ("group_months", "24", 24),
    ("legal_form", "1", "nonprofit"),
    ("legal_form", "OCMW", "ocmw"),
    ("legal_form", "vzw (vereniging zonder winstoogmerk)", "nonprofit"),
    ("legal_form", "VZW", "nonprofit"),
    ("activities", "strijken, fietspunt", ["ironing", "bike_point"]),
    ("activities", "1, 3", ["ironing", "laundry"]),
    ("activities", "ironing,bike_point", ["ironing", "bike_point"]),
    ("deposit", "ja", True),
    ("deposit", "no", False),
    ("municipality", "kortrijk", "Kortrijk"),
    ("worker_groups", "strijkers, chauffeurs", ["strijkers", "chauffeurs"]),
    ("worker_groups", "geen", []),
])
def test_answers_are_parsed(qid, raw, expected):
    assert questionnaire().by_id[qid].parse(raw, "nl") == expected


@pytest.mark.parametrize("qid, raw, says", [
    ("staff_fte", "veel", "Geef een getal"),
    ("staff_fte", "-3", "van 0 tot 10000"),
    ("group_months", "2.5", "geheel getal"),
    ("group_age", "200", "van 15 tot 80"),
    ("legal_form", "9", "Kies een nummer van 1 tot 8"),
    ("legal_form", "stichting", "'stichting' staat niet op de lijst"),
    ("activities", "ironing, knitting", "'knitting' staat niet op de lijst"),
    ("deposit", "misschien", "ja of nee"),
    ("municipality", "Kortrijck", "bedoelt u Kortrijk"),
    ("worker_groups", "strijkers, strijkers", "twee keer"),
    ("worker_groups", "dit is € fout", "groepsnaam"),
])
def test_wrong_answers_say_what_is_allowed(qid, raw, says):
    with pytest.raises(AnswerError) as exc:
        questionnaire().by_id[qid].parse(raw, "nl")
    assert says in str(exc.value)


@pytest.mark.parametrize("lang, title", [("nl", "Vragenlijst voor de intake"), ("en", "Intake questionnaire")])
def test_questions_command_prints_the_whole_questionnaire(lang, title):
    result = CliRunner().invoke(cli, ["questions", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"# {title}")
    for q in QUESTIONS:
        assert q.wording(lang, False, "…") in result.output
        assert f"`{q.field}`" in result.output
    plain = CliRunner().invoke(cli, ["questions", "--lang", lang, "--plain"])
    assert "`organisation.legal_form`" not in plain.output
    assert questionnaire().by_id["legal_form"].plain(lang) in plain.output


# --- answers as people type them (issue 12, part 4) ---------------------------------------------

from datetime import date  # noqa: E402

from advisor.interview.questions import parse_date, parse_yes_no  # noqa: E402


@pytest.mark.parametrize("typed", ["1/3/2026", "01-03-2026", "1.3.2026", "1 maart 2026", "1 mrt 2026",
                                   "1 mrt. 2026", "1 March 2026", "1 mar 2026", "2026-03-01", " 01/03/2026 "])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dates_are_read_day_first_in_either_language(typed, lang):
    assert parse_date(typed, lang) == date(2026, 3, 1)


def test_month_abbreviations_of_both_languages():
    assert parse_date("15 okt 2025") == parse_date("15 Oct 2025", "en") == date(2025, 10, 15)
    assert parse_date("3 mei 2024") == parse_date("3 May 2024", "en") == date(2024, 5, 3)
    assert parse_date("12/1/2026") == date(2026, 1, 12)  # Belgium writes the day first, always


@pytest.mark.parametrize("typed, lang, words", [
    ("31/2/2026", "nl", "bestaat niet"), ("31/2/2026", "en", "does not exist"),
    ("29 februari 2025", "nl", "bestaat niet"), ("1/13/2026", "en", "does not exist"),
    ("1/3/26", "nl", "jaar voluit"), ("1 brumaire 2026", "en", "not a month"), ("morgen", "nl", "dag eerst"),
])
def test_impossible_dates_are_refused_with_a_message(typed, lang, words):
    with pytest.raises(AnswerError, match=words):
        parse_date(typed, lang)


@pytest.mark.parametrize("typed, months", [
    ("18 maanden", 18), ("2 jaar", 24), ("1,5 jaar", 18), ("18 months", 18), ("2 years", 24),
    ("1.5 years", 18), ("18", 18), ("1 jaar en 6 maanden", 18), ("2j", 24), ("1 Year", 12),
])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_durations_are_converted_to_the_unit_of_the_question(typed, months, lang):
    q = questionnaire().by_id["group_months"]
    assert q.unit == "months"
    assert q.parse(typed, lang) == months
    assert questionnaire().by_id["group_age"].parse("45 jaar", lang) == 45


def test_a_duration_outside_the_range_or_in_an_unknown_unit_is_refused():
    q = questionnaire().by_id["group_months"]
    with pytest.raises(AnswerError, match="in maanden"):
        q.parse("61 jaar", "nl")  # 732 months, above the maximum of 720
    with pytest.raises(AnswerError, match="not a unit of time"):
        q.parse("3 fortnights", "en")


@pytest.mark.parametrize("typed, value", [("ja", True), ("Ja", True), ("J", True), ("jawel", True), ("yes", True),
                                          ("Y", True), ("YES.", True), ("nee", False), ("Neen", False),
                                          ("n", False), ("no", False), ("NO!", False)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_yes_and_no_in_both_languages_in_either_mode(typed, value, lang):
    assert parse_yes_no(typed, lang) is value
    assert questionnaire().by_id["deposit"].parse(typed, lang) is value


def test_choices_by_label_of_either_language_and_by_unambiguous_prefix():
    legal = questionnaire().by_id["legal_form"]
    assert legal.parse("VZW", "nl") == "nonprofit"
    assert legal.parse("Cooperative", "nl") == "cooperative"  # the English label in Dutch mode
    assert legal.parse("coop", "nl") == legal.parse("coö", "nl") == "cooperative"
    assert legal.parse("bedr", "nl") == "company"
    assert legal.parse("ocm", "en") == "ocmw"
    activities = questionnaire().by_id["activities"]
    assert activities.parse("strij, poets", "nl") == ["ironing", "home_cleaning"]
    assert activities.parse("iron", "en") == ["ironing"]


def test_an_ambiguous_prefix_lists_the_candidates():
    activities = questionnaire().by_id["activities"]
    with pytest.raises(AnswerError) as nl:
        activities.parse("kl", "nl")
    assert "kan meer dan een keuze zijn" in str(nl.value)
    for label in ("kleine herstellingen", "klein tuinwerk", "klusjesdienst"):
        assert label in str(nl.value)
    with pytest.raises(AnswerError) as en:
        activities.parse("small", "en")
    assert "could be more than one choice" in str(en.value)
    assert "small repairs" in str(en.value) and "small garden work" in str(en.value)


@pytest.mark.parametrize("field, typed, meant", [
    ("organisation: {legal_form: vzw}", "vzw", "nonprofit"),
    ("organisation: {legal_form: Coöperatie}", "Coöperatie", "cooperative"),
    ("service: {activities: [strijken]}", "strijken", "ironing"),
    ("service: {activities: [fietspunt]}", "fietspunt", "bike_point"),
    ("service: {competes_with_regular_market: deels}", "deels", "partly"),
    ("worker_groups: [{id: g, paid_work_readiness: ready_with_suport}]", "ready_with_suport", "ready_with_support"),
])
def test_case_files_stay_strict_but_suggest_the_value_meant(tmp_path, field, typed, meant):
    case = tmp_path / "case.yaml"
    case.write_text(f"as_of: 2026-03-01\n{field}\n", encoding="utf-8")
    from advisor.regression.scenarios import load_case_or_scenario

    with pytest.raises(InputError) as refused:  # the CLI turns it into the message and exit 2
        load_case_or_scenario(case)
    english, dutch = refused.value.text("en"), refused.value.text("nl")
    assert f"{typed!r} is not allowed" in english
    assert f"did you mean `{meant}`?" in english, english
    assert f"bedoelt u `{meant}`?" in dutch and "did you mean" not in dutch, dutch


def test_no_suggestion_when_nothing_is_close():
    from advisor.errors import did_you_mean
    from advisor.i18n import Msg

    problem = Msg("value_not_allowed", path="p", given="'x'", allowed="none, partly, fully")
    assert did_you_mean(["none", "partly", "fully"], "zzz", problem) is problem
    assert did_you_mean(["none", "partly", "fully"], "deels", problem).render("nl").endswith("; bedoelt u `partly`?")
