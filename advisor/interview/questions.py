"""The intake questionnaire (``rules/catalogue/questions.yaml``): the model, the loader that
cross-checks every question against the case model, and the parsing of answers.

A question sets exactly one case field. Worker-group questions address
``worker_groups.*.<field>``; the interview asks them once per group, with the group id in
place of ``*``. Parsing never raises anything but ``AnswerError``, whose message says what
is allowed, so a wrong answer is asked again instead of crashing the interview.
"""
from __future__ import annotations

import math
import re
import typing
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field

from advisor.errors import InputError, load_yaml, validate
from advisor.i18n import t
from advisor.knowledge import CATALOGUE_DIR, Entry, PlaceError, Text, cached, catalogue, fold
from advisor.models import Organisation, Service, WorkerGroup

QUESTIONS_FILE = CATALOGUE_DIR / "questions.yaml"
QuestionType = Literal["choice", "multi", "bool", "number", "integer", "municipality", "groups", "date", "text"]

#: Words that mean yes / no / none, in both languages (either is understood in either mode;
#: "neen" is how many Flemings write no).
YES = {"ja", "j", "jawel", "yes", "y", "yep", "true", "1"}
NO = {"nee", "neen", "n", "no", "nope", "false", "0"}
NONE_WORDS = {"geen", "none", "niemand", "nobody", "-"}

#: Month names and their usual abbreviations, Dutch and English (both understood in either mode).
MONTHS = {name: n for n, names in enumerate([
    ("januari", "january", "jan"), ("februari", "february", "feb", "febr"), ("maart", "march", "mrt", "mar", "maa"),
    ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
    ("augustus", "august", "aug"), ("september", "sep", "sept"), ("oktober", "october", "okt", "oct"),
    ("november", "nov"), ("december", "dec"),
], 1) for name in names}

#: Units of a duration, in months (Dutch and English, singular, plural and short forms).
UNITS = {**dict.fromkeys(("maand", "maanden", "mnd", "m", "month", "months", "mo", "mos"), 1),
         **dict.fromkeys(("jaar", "jaren", "j", "jr", "year", "years", "y", "yr", "yrs"), 12)}
_NUMBER = r"\d+(?:[.,]\d+)?"
_DURATION_PART = re.compile(rf"({_NUMBER})\s*([^\W\d_]+)\.?")
_DURATION = re.compile(rf"(?:{_NUMBER}\s*[^\W\d_]+\.?)(?:\s*(?:,|en|and|&)?\s*{_NUMBER}\s*[^\W\d_]+\.?)*")
_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2,4})")
_NAMED_DATE = re.compile(r"(\d{1,2})(?:e|ste|de|st|nd|rd|th)?\.?\s+([^\W\d_]+)\.?,?\s+(\d{2,4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class AnswerError(ValueError):
    """An answer that does not fit the question; the message says what is allowed."""


class Choice(Entry):
    value: str
    nl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class Question(Entry):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    field: Annotated[str, Field(pattern=r"^[a-z_]+(\.(\*|[a-z_]+))*$")]
    type: QuestionType
    short: Text
    text: Text
    plain: Text
    help: Text
    choices: list[Choice] = []
    probes: list[Any] = []
    total_probes: list[float] = []
    share_probes: list[float] = []
    min: float | None = None
    max: float | None = None
    #: the unit a plain number is read in (a number question about a duration): "18 maanden",
    #: "2 jaar" and "1,5 years" are converted to it
    unit: Literal["months", "years"] | None = None

    @property
    def per_group(self) -> bool:
        return self.field.startswith("worker_groups.*.")

    @property
    def attribute(self) -> str:
        """The field name inside its model (``income`` for ``worker_groups.*.income``)."""
        return self.field.rsplit(".", 1)[-1]

    def path(self, group: str | None = None) -> str:
        return self.field.replace("*", group) if group else self.field

    def wording(self, lang: str, plain: bool, group: str | None = None) -> str:
        text = (self.plain if plain else self.text)(lang)
        return text.replace("{group}", group or "")

    def values(self) -> list[str]:
        return [c.value for c in self.choices]

    def label(self, value: Any, lang: str) -> str:
        """A stored value as a reader sees it (choice labels, yes/no, lists)."""
        if isinstance(value, list):
            if not value:
                return "geen" if lang == "nl" else "none"
            return ", ".join(self.label(v, lang) for v in value)
        if isinstance(value, bool):
            return ("ja" if value else "nee") if lang == "nl" else ("yes" if value else "no")
        if isinstance(value, date):
            return value.isoformat()
        for c in self.choices:
            if c.value == value:
                return c.label(lang)
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    # --- answers ------------------------------------------------------------------

    def parse(self, raw: Any, lang: str = "nl") -> Any:
        """The case value for an answer typed by a person (text) or read from a file (any
        YAML value); ``AnswerError`` names what is allowed."""
        nl = lang == "nl"
        if self.type in ("choice", "multi"):
            return self._parse_choices(raw, lang)
        if self.type == "bool":
            return parse_yes_no(raw, lang)
        if self.type in ("number", "integer"):
            return self._parse_number(raw, lang)
        if self.type == "date":
            return parse_date(raw, lang)
        if self.type == "municipality":
            # a name, French/German name, postcode or deelgemeente: kept as typed (the case
            # resolves it on its date and keeps both); outside Flanders, ambiguous or unknown:
            # asked again with the reason
            try:
                return catalogue().municipalities.recognise(str(raw))
            except PlaceError as exc:
                raise AnswerError(exc.text(lang)) from None
        if self.type == "groups":
            return self._parse_groups(raw, nl)
        if self.type == "text":
            return self._parse_text(raw, nl)
        raise AnswerError(f"unsupported question type {self.type}")  # pragma: no cover

    def _parse_choices(self, raw: Any, lang: str) -> Any:
        nl = lang == "nl"
        multi = self.type == "multi"
        if isinstance(raw, list):
            items = raw
        elif multi and isinstance(raw, str):
            items = [p for p in raw.replace(";", ",").split(",") if p.strip()]
        else:
            items = [raw]
        if not items or (not multi and len(items) != 1):
            raise AnswerError(self._choice_hint(nl))
        chosen = []
        for item in items:
            value = self._one_choice(item, lang)
            if value is None:
                shown = str(item).strip()
                raise AnswerError((f"'{shown}' staat niet op de lijst. " if nl else
                                   f"'{shown}' is not on the list. ") + self._choice_hint(nl))
            if value not in chosen:
                chosen.append(value)
        return chosen if multi else chosen[0]

    def _one_choice(self, item: Any, lang: str = "nl") -> str | None:
        """The value meant by one typed item: its number, its value or a label in either
        language (with or without its explanation, "vzw" for "vzw (...)"), or the start of a
        label in the chosen language or of a value when only one choice starts so; an
        ambiguous start is an ``AnswerError`` that lists the choices it could be."""
        if isinstance(item, bool):
            return None
        text = str(item).strip()
        if text.isascii() and text.isdigit() and 1 <= int(text) <= len(self.choices):  # not "²"
            return self.choices[int(text) - 1].value
        key = fold(text)
        if not key:
            return None
        for c in self.choices:
            names = {c.value, c.nl, c.en, c.nl.split(" (")[0], c.en.split(" (")[0]}
            if key in {fold(n) for n in names}:
                return c.value
        starting = [c for c in self.choices
                    if any(fold(n).startswith(key) for n in (c.label(lang), c.value))]
        if len(starting) == 1:
            return starting[0].value
        if starting:
            listed = "; ".join(f"{c.label(lang)} ({c.value})" for c in starting)
            raise AnswerError(t("ans_ambiguous", lang, text=text, choices=listed))
        return None

    def _choice_hint(self, nl: bool) -> str:
        n = len(self.choices)
        if self.type == "multi":
            return (f"Kies een of meer nummers van 1 tot {n}, gescheiden door komma's (bv. 1,3)." if nl
                    else f"Choose one or more numbers from 1 to {n}, separated by commas (e.g. 1,3).")
        # the labels a person reads, not the case file's values (a starter never sees those)
        names = "; ".join(c.label("nl" if nl else "en").split(" (")[0] for c in self.choices)
        return (f"Kies een nummer van 1 tot {n}, of typ (het begin van) een keuze: {names}." if nl
                else f"Choose a number from 1 to {n}, or type (the start of) a choice: {names}.")

    def _parse_text(self, raw: Any, nl: bool) -> str:
        """Free text of at most ``max`` characters, as typed, with each run of spaces or line breaks made one space."""
        text = "" if raw is None or isinstance(raw, bool) else " ".join(str(raw).split())
        limit = int(self.max) if self.max is not None else 2000
        if not text or len(text) > limit:
            raise AnswerError(f"Beschrijf het in een paar woorden (hoogstens {limit} tekens)." if nl else
                              f"Describe it in a few words (at most {limit} characters).")
        return text

    def _parse_number(self, raw: Any, lang: str) -> float | int:
        nl = lang == "nl"
        integer = self.type == "integer"
        hint = (("Geef een geheel getal" if integer else "Geef een getal, bv. 4 of 2,5") if nl else
                ("Give a whole number" if integer else "Give a number, e.g. 4 or 2.5"))
        span = ""
        if self.min is not None and self.max is not None:
            span = (f" van {self.min:g} tot {self.max:g}" if nl else f" from {self.min:g} to {self.max:g}")
        if isinstance(raw, bool):
            raise AnswerError(hint + span + ".")
        if self.unit:
            hint += t("ans_unit_hint_" + self.unit, lang)
        if isinstance(raw, int | float):
            value = raw
        else:
            text = str(raw).strip().replace(",", ".")
            try:
                value = float(text)
            except ValueError:
                value = parse_duration(str(raw), self.unit, lang) if self.unit else None
                if value is None:
                    raise AnswerError(hint + span + ".") from None
                if integer:  # "1,3 jaar" is 15.6 months: a person's estimate, read to the nearest month
                    value = math.floor(value + 0.5)
        if not math.isfinite(value) or (integer and not float(value).is_integer()):
            raise AnswerError(hint + span + ".")
        if (self.min is not None and value < self.min) or (self.max is not None and value > self.max):
            raise AnswerError(hint + span + ".")
        return int(value) if integer else float(value)

    def _parse_groups(self, raw: Any, nl: bool) -> list[str]:
        if isinstance(raw, list):
            items = [str(i).strip() for i in raw]
        else:
            text = str(raw).strip()
            items = [] if text.casefold() in NONE_WORDS else [p.strip() for p in text.split(",")]
        ids = []
        for item in items:
            gid = "-".join(item.split())
            if not gid or len(gid) > 40 or not all(ch.isalnum() or ch in "_.-" for ch in gid) \
                    or not gid.isascii():
                raise AnswerError(
                    f"'{item}' kan geen groepsnaam zijn: gebruik letters, cijfers, - of _ (hoogstens "
                    f"40 tekens), en komma's tussen de groepen." if nl else
                    f"'{item}' cannot be a group name: use letters, digits, - or _ (at most 40 "
                    f"characters), and commas between groups.")
            if gid in ids:
                raise AnswerError(f"De groep '{gid}' staat er twee keer in." if nl else
                                  f"The group '{gid}' is given twice.")
            ids.append(gid)
        return ids


def parse_yes_no(raw: Any, lang: str = "nl") -> bool:
    """Yes or no as typed, in Dutch or English whatever the mode (ja, j, nee, neen, yes, y,
    no, n; any case; a full stop or exclamation mark after it is fine)."""
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().rstrip(".!").strip().casefold()
    if word in YES:
        return True
    if word in NO:
        return False
    raise AnswerError(t("ans_yes_no", lang))


def parse_date(raw: Any, lang: str = "nl") -> date:
    """A date as people write it in Belgium, day first: ``1/3/2026``, ``01-03-2026``,
    ``1.3.2026``, ``1 maart 2026``, ``1 mrt 2026``, ``1 March 2026``, or ISO ``2026-03-01``.
    A date that does not exist (31/2/2026) or a year in two digits is refused with a message."""
    if isinstance(raw, date):
        return raw
    text = " ".join(str(raw).split()).casefold()
    if m := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _NUMERIC_DATE.fullmatch(text):
        day, month, year = int(m.group(1)), int(m.group(3)), m.group(4)
        year = _full_year(year, text, lang)
    elif m := _NAMED_DATE.fullmatch(text):
        day, name, year = int(m.group(1)), m.group(2), m.group(3)
        if name not in MONTHS:
            raise AnswerError(t("ans_month_unknown", lang, month=name) + " " + t("ans_date_hint", lang))
        month, year = MONTHS[name], _full_year(year, text, lang)
    else:
        raise AnswerError(t("ans_date_hint", lang))
    try:
        return date(year, month, day)
    except ValueError:
        raise AnswerError(t("ans_date_impossible", lang, text=str(raw).strip()) + " "
                          + t("ans_date_hint", lang)) from None


def _full_year(year: str, text: str, lang: str) -> int:
    if len(year) != 4:  # "1/3/26" could be 1926 or 2026: ask rather than guess
        raise AnswerError(t("ans_date_year", lang, text=text))
    return int(year)


def parse_duration(raw: str, unit: str, lang: str = "nl") -> float | None:
    """A duration typed with its unit, converted to ``unit`` (months or years): "18 maanden",
    "2 jaar", "1,5 jaar", "1 jaar en 6 maanden", "18 months", "1.5 years". None when the text
    is not a duration; an unknown unit is an ``AnswerError`` naming the units understood."""
    text = " ".join(raw.split()).casefold()
    if not _DURATION.fullmatch(text):
        return None
    months = 0.0
    for number, word in _DURATION_PART.findall(text):
        if word not in UNITS:
            raise AnswerError(t("ans_unit_unknown", lang, unit=word))
        months += float(number.replace(",", ".")) * UNITS[word]
    return months if unit == "months" else months / 12


class Questionnaire:
    """The questions in questionnaire order, by id and by field."""

    def __init__(self, questions: list[Question]):
        self.questions = questions
        self.by_id = {q.id: q for q in questions}
        self.by_field = {q.field: q for q in questions}

    def __iter__(self):
        return iter(self.questions)

    def for_path(self, path: str) -> tuple[Question, str | None] | None:
        """The question that sets ``path`` and the worker group it is about, if any."""
        if path in self.by_field:
            return self.by_field[path], None
        parts = path.split(".")
        if len(parts) == 3 and parts[0] == "worker_groups":
            q = self.by_field.get(f"worker_groups.*.{parts[2]}")
            if q:
                return q, parts[1]
        return None

    def field_label(self, path: str, lang: str) -> str:
        """A field as a person names it: the question's short label, with the worker group
        ("Huidig inkomen (groep schoonmakers)"); a path no question sets stays as it is."""
        found = self.for_path(path)
        if found is None:
            return path
        q, group = found
        return q.short(lang) + (f" ({t('group_word', lang)} {group})" if group else "")

    def labeller(self, lang: str):
        """``field_label`` for the renderers (``advisor.render.Labeller``)."""
        return lambda path: self.field_label(path, lang)

    def value_labeller(self, lang: str):
        """A changed value by its question's choice label ("vzw (...)", "ja"), else as it is
        (``value_label`` for ``advisor.plan.explain``: the CLI, the report and the web)."""
        def label(path: str, value) -> str:
            found = self.for_path(path)
            return found[0].label(value, lang) if found else str(value)

        return label


_MODELS = {"organisation": Organisation, "service": Service}


def _annotation(q: Question):
    """The pydantic annotation of the case field ``q`` sets, or None when there is no such field."""
    parts = q.field.split(".")
    if parts == ["worker_groups"]:
        return list[str]
    if len(parts) == 2 and parts[0] in _MODELS:
        info = _MODELS[parts[0]].model_fields.get(parts[1])
    elif len(parts) == 3 and parts[:2] == ["worker_groups", "*"] and parts[2] != "id":
        info = WorkerGroup.model_fields.get(parts[2])
    else:
        return None
    return info.annotation if info else None


def _literal_values(tp) -> list[str] | None:
    for _ in range(6):
        origin = typing.get_origin(tp)
        if origin is Literal:
            return [str(a) for a in typing.get_args(tp)]
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if not args:
            return None
        tp = args[0]
    return None


def _base_types(tp) -> set:
    """The plain Python types an annotation accepts (through Optional, Annotated, list)."""
    out: set = set()
    origin = typing.get_origin(tp)
    if origin is None:
        return {tp}
    if origin is Literal:
        return {type(a) for a in typing.get_args(tp)}
    if origin is list:
        return {list}
    for arg in typing.get_args(tp):
        if arg is not type(None) and not isinstance(arg, (str, int, float)) and arg is not Ellipsis:
            if typing.get_origin(tp) is typing.Annotated and arg is not typing.get_args(tp)[0]:
                continue
            out |= _base_types(arg)
    return out


_EXPECTED = {"choice": str, "multi": list, "bool": bool, "number": float, "integer": int,
             "municipality": str, "groups": list, "date": date, "text": str}


def check_questions(questions: list[Question], source: str | Path) -> list[str]:
    """Every problem of the questionnaire: unknown case fields, wrong types, choices outside the
    field's allowed values, probes that the question itself would refuse."""
    problems = []
    seen_ids, seen_fields = set(), set()
    for q in questions:
        where = f"question {q.id} ({q.field})"
        if q.id in seen_ids:
            problems.append(f"{where}: id appears twice")
        if q.field in seen_fields:
            problems.append(f"{where}: another question already sets this field")
        seen_ids.add(q.id)
        seen_fields.add(q.field)
        tp = _annotation(q)
        if tp is None:
            problems.append(f"{where}: not a case field")
            continue
        if _EXPECTED[q.type] not in _base_types(tp):
            problems.append(f"{where}: type {q.type} does not fit the case field")
        allowed = _literal_values(tp)
        if q.type in ("choice", "multi"):
            if not q.choices:
                problems.append(f"{where}: a {q.type} question needs choices")
            if allowed is None:
                problems.append(f"{where}: the case field has no list of allowed values")
            else:
                for c in q.choices:
                    if c.value not in allowed:
                        problems.append(f"{where}: choice {c.value!r} is not allowed; allowed: "
                                        f"{', '.join(allowed)}")
                missing = [a for a in allowed if a not in q.values()]
                if missing:
                    problems.append(f"{where}: allowed values without a choice: {', '.join(missing)}")
        elif q.choices:
            problems.append(f"{where}: only choice and multi questions have choices")
        if q.type in ("number", "integer") and not (q.probes or q.total_probes):
            problems.append(f"{where}: a number question needs probes (values either side of the "
                            f"rules' thresholds)")
        for p in q.probes:
            try:
                q.parse(p, "en")
            except AnswerError as exc:
                problems.append(f"{where}: probe {p!r} is not a valid answer: {exc}")
        if q.per_group != ("{group}" in q.text.nl and "{group}" in q.text.en):
            problems.append(f"{where}: worker-group questions (and only they) name {{group}} in text")
    return problems


def load_questionnaire(path: Path = QUESTIONS_FILE) -> Questionnaire:
    data = load_yaml(path)
    if not isinstance(data, list):
        raise InputError(path, ["the file must be a list of questions"])
    questions, problems = [], []
    for n, raw in enumerate(data):
        try:
            questions.append(validate(Question, raw, path, prefix=f"[{n}]"))
        except InputError as exc:
            problems.extend(exc.problems)
    problems.extend(check_questions(questions, path))
    if problems:
        raise InputError(path, problems)
    return Questionnaire(questions)


@cache
def questionnaire() -> Questionnaire:
    """The questionnaire of this installation, loaded and checked once per process."""
    return cached("questions", load_questionnaire)
