"""One language per output: every text a person reads exists in Dutch and English, renders with
its parameters filled, and a Dutch run of an error path shows none of our English sentences."""
from __future__ import annotations

import re
import string
from datetime import date

import pytest

from advisor.engine.engine import rule_metas
from advisor.i18n import MESSAGES, t
from advisor.interview.questions import questionnaire
from advisor.knowledge import catalogue
from advisor.plan.steps import step_book, steps_for

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
#: a value for every parameter a text of ours takes (rule texts, messages, questions)
SAMPLE = {"group": "groep-a", "fte": 3, "pct": 40, "role": "employer", "other": "x", "min": 20,
          "municipality": "Kortrijk", "months": 12, "start": "2026-03-01", "on": "2026-03-01", "age": 45}
DATES = [date(2005, 6, 1), date(2012, 1, 1), date(2019, 6, 1), date(2026, 3, 1)]


def fields_of(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f is not None and f != ""}


def sample_params(template: str) -> dict:
    """A value per parameter: a number where the template formats one (``{n:.1f}``)."""
    return {f: 1 if spec and spec[-1] in "dfg%" else "x"
            for _, f, spec, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_parameters(key):
    texts = MESSAGES[key]
    assert set(texts) == {"nl", "en"}, key
    assert fields_of(texts["nl"]) == fields_of(texts["en"]), key
    assert all(f.isidentifier() for f in fields_of(texts["nl"])), (key, "a literal brace is written {{ }}")
    params = sample_params(texts["nl"])
    for lang in ("nl", "en"):
        assert not PLACEHOLDER.search(t(key, lang, **params)), (key, lang)


def test_every_rule_text_renders_in_both_languages_with_no_placeholder_left():
    for meta in rule_metas():
        assert fields_of(meta.nl) == fields_of(meta.en), meta.id
        assert fields_of(meta.nl) <= set(SAMPLE), (meta.id, fields_of(meta.nl) - set(SAMPLE))
        for lang in ("nl", "en"):
            assert not PLACEHOLDER.search(meta.text(lang, SAMPLE)), (meta.id, lang)
            assert not PLACEHOLDER.search(meta.text(lang, {}, fill="…")), (meta.id, lang)


def test_every_question_renders_in_both_languages():
    for q in questionnaire():
        for lang in ("nl", "en"):
            for plain in (False, True):
                assert not PLACEHOLDER.search(q.wording(lang, plain, "groep-a")), (q.id, lang)
            for text in (q.short(lang), q.help(lang)):
                assert text and not PLACEHOLDER.search(text), (q.id, lang)
            for c in q.choices:
                assert c.label(lang), (q.id, c.value)


def test_every_step_renders_in_both_languages():
    cat = catalogue()
    book = step_book()
    assert book
    for inst in cat.instruments:
        for day in DATES:
            for lang in ("nl", "en"):
                for step in steps_for(inst, day, lang):
                    for text in (step.text, step.contact or "", step.who or ""):
                        assert not PLACEHOLDER.search(text), (inst, day, lang, text)


def test_help_names_no_instrument_that_is_closed_on_some_date():
    """The "?" help holds on every date the knowledge covers: instruments that open or close in
    that range are named only by the per-date list the interview adds ("decides on: ...")."""
    cat = catalogue()
    always = {i.id for i in cat.instruments.values()
              if all(i.open_on(d) for d in (cat.covers_from, cat.checked_until))
              and not (i.open_from and i.open_from > cat.covers_from)}
    names = {}
    for inst in cat.instruments.values():
        if inst.id in always:
            continue
        for lang in ("nl", "en"):
            full = inst.name(lang)
            names[full.split(" (")[0].lower()] = inst.id
            short = re.search(r"\(([A-Z][A-Z+]+)\)", full)
            if short:
                names[short.group(1).lower()] = inst.id
    names.update({"maatwerk": "maatwerkbedrijf", "pwa": "pwa", "sine": "sine", "activa": "activa",
                  "wijk-werken": "wijk-werken", "sociale werkplaats": "sociale-werkplaats",
                  "social workshop": "sociale-werkplaats", "sheltered workshop": "beschutte-werkplaats",
                  "insertion compan": "invoegbedrijf", "invoegbedrij": "invoegbedrijf",
                  "labour care": "arbeidszorg", "local services economy": "lokale-diensteneconomie"})
    for q in questionnaire():
        for lang in ("nl", "en"):
            text = q.help(lang).lower()
            found = sorted(n for n in names if re.search(rf"\b{re.escape(n)}", text))
            assert not found, (q.id, lang, found)


# --- a Dutch walk through the error paths ----------------------------------------------------

def english_phrases() -> set[str]:
    """The literal parts (4 words or more) of our English messages that the Dutch ones lack."""
    phrases = set()
    for texts in MESSAGES.values():
        for part in re.split(r"\{[^}]*\}", texts["en"]):
            part = part.strip(" .,;:()")
            if len(part.split()) >= 4 and part not in texts["nl"]:
                phrases.add(part)
    return phrases


#: words of English sentences that no Dutch message of ours uses (a message written as an
#: f-string in English, outside the catalogue of messages, is caught by these)
ENGLISH_WORDS = ("the", "unknown", "allowed", "must", "cannot", "not found", "should", "which", "does",
                 "there", "no such", "invalid", "missing", "error", "expected")


BAD_CASES = {
    "unknown-field.yaml": "as_of: 2026-03-01\ncolour: red\n",
    "bad-value.yaml": "organisation: {legal_form: vzw}\n",
    "bad-type.yaml": "organisation: {staff_fte: veel}\n",
    "bad-date.yaml": "as_of: 2026-13-01\n",
    "bad-yaml.yaml": "service: {activities: [ironing\n",
    "a-list.yaml": "- a\n- b\n",
    "duplicate.yaml": "as_of: 2026-03-01\nas_of: 2026-04-01\n",
    "octal.yaml": "worker_groups:\n  - {id: a, age: 041}\n",
    "too-early.yaml": "as_of: 2001-01-01\n",
    "bool.yaml": "organisation: {has_business_plan: misschien}\n",
    "closed-override.yaml": ("as_of: 2026-03-01\noverrides:\n  - {instrument: lokale-diensteneconomie, "
                             "decision: recommend, justification: lokaal akkoord}\n"),
}


def error_runs(tmp_path) -> list[list[str]]:
    runs = []
    for n, text in enumerate(BAD_CASES.values()):  # neutral file names: the words checked are ours
        (tmp_path / f"geval-{n}.yaml").write_text(text, encoding="utf-8")
        runs.append(["advise", str(tmp_path / f"geval-{n}.yaml")])
    runs += [
        ["advise", str(tmp_path / "geen.yaml")],
        ["advise", str(tmp_path)],
        ["rules", "--family", "XYZ"],
        ["rules", "show", "ZZ-999"],
        ["steps", "onbestaand"],
        ["experts", "--domain", "toveren"],
        ["scenarios", "run", str(tmp_path / "nergens")],
        ["scenarios", "diff", str(tmp_path / "geen.json")],
        ["sessions", "show", "20990101-000000", "--db", str(tmp_path / "s.db")],
        ["scenarios", "snapshot", "scenarios/worked-examples", "--out", str(tmp_path / "nee" / "s.json")],
        ["report", "20990101-geen", "--db", str(tmp_path / "s.db"), "--out", str(tmp_path / "r.html")],
        ["report", "scenarios/worked-examples", "--audience", "baas", "--out", str(tmp_path / "r.html")],
        ["knowledge", "check", "--older-than", "lang"],
        ["advise", "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml", "--why-not", "xyz"],
        ["schema", "--kind", "iets"],
    ]
    return runs


def test_dutch_error_paths(run, tmp_path):
    english = english_phrases()
    assert len(english) > 50  # the check has teeth
    for args in error_runs(tmp_path):
        code, out, err = run(*args)
        assert code in (1, 2), (args, code, err)
        assert "fout: " in err and "Error:" not in err and "Traceback" not in err, (args, err)
        said = out + err
        leaked = sorted(p for p in english if p in said)
        assert not leaked, (args, leaked, err)
        words = sorted(w for w in ENGLISH_WORDS if re.search(rf"\b{w}\b", said, re.IGNORECASE))
        assert not words, (args, words, err)
