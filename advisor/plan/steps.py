"""Next steps: what a starter does next for each recommended instrument, and whom to contact.

The steps are data (``rules/catalogue/steps.yaml``): per instrument, eras (half-open windows
that tile the instrument's open window in ``instruments.yaml``), each an ordered list of
steps. A step names who does it and whom to contact; both are actors whose names change
over time (the Werkwinkel in 2005, VDAB later), so one step text can hold across eras while
its contact follows the date. A step may carry conditions on the case (the starter's role,
legal form, business plan, deposit, public commissioner). An unknown answer never drops a
step that may be needed: the step stays, prefixed with the condition ("If you have no
business plan yet: ...").

The file is validated strictly at load, with every problem named by file and field path,
and compiled once per process, so planning an advice costs microseconds.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from advisor.errors import InputError, load_yaml, validate
from advisor.i18n import t
from advisor.knowledge import CATALOGUE_DIR, Catalogue, Entry, Text, cached, catalogue
from advisor.models import Advice, Case, NextStep
from advisor.vocabulary import IsoDate, Role

STEPS_FILE = CATALOGUE_DIR / "steps.yaml"
#: The advisor advises from 2005 on: an era or actor window is only checked from this day.
FLOOR = date(2005, 1, 1)
STARTER = "starter"

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
EntityForm = Literal["municipality", "ocmw", "intermunicipal", "nonprofit",
                     "social_purpose_company", "cooperative", "company"]


# --- the file's schema ------------------------------------------------------------------


class Period(Entry):
    """One name of an actor, in a half-open window; ``uncertain`` makes every step that
    contacts the actor in this window uncertain too."""
    valid_from: IsoDate | None = None
    valid_until: IsoDate | None = None
    name: Text
    uncertain: bool = False


class Actor(Entry):
    names: Annotated[list[Period], Field(min_length=1)]
    role: Text
    elsewhere: Id | None = Field(default=None, description="the actor to contact instead when the "
                                 "starter's municipality lies outside South West Flanders")
    sources: list[str] = []


class When(Entry):
    """Conditions on the case; all must hold. A condition on an unknown answer keeps the step."""
    roles: Annotated[list[Role], Field(min_length=1)] | None = None
    legal_forms: Annotated[list[EntityForm], Field(min_length=1)] | None = None
    not_legal_forms: Annotated[list[EntityForm], Field(min_length=1)] | None = None
    has_legal_entity: Literal[False] | None = None
    has_business_plan: Literal[False] | None = None
    can_lodge_deposit: Literal[False] | None = None
    has_public_commissioner: bool | None = None
    in_home_region: Literal[True] | None = Field(default=None, description="only in South West "
                                                 "Flanders (a step that names regional actors)")


class StepSpec(Entry):
    id: Id
    text: Text
    who: Id
    contact: Id
    needs: list[Id] = []
    when: When | None = None
    sources: list[str] = []
    uncertain: bool = False


class Era(Entry):
    valid_from: IsoDate | None = None
    valid_until: IsoDate | None = None
    steps: Annotated[list[StepSpec], Field(min_length=2)]


class InstrumentSteps(Entry):
    prefix: Annotated[str, Field(pattern=r"^[a-z0-9]+$")]
    eras: Annotated[list[Era], Field(min_length=1)]


class StepsFile(Entry):
    actors: dict[Id, Actor]
    needs: dict[Id, Text]
    instruments: dict[str, InstrumentSteps]


# --- loading and cross-checking ---------------------------------------------------------


def _in(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day < end)


def _covers(periods: list[Period], start: date | None, end: date | None) -> bool:
    """Whether the actor's periods cover [start, end) without a gap (checked from FLOOR)."""
    day = max(start or FLOOR, FLOOR)
    if end is not None and day >= end:
        return True
    for p in sorted(periods, key=lambda p: p.valid_from or date.min):
        if _in(day, p.valid_from, p.valid_until):
            if p.valid_until is None:
                return True
            day = p.valid_until
            if end is not None and day >= end:
                return True
    return False


def _check(data: StepsFile, cat: Catalogue) -> list[str]:
    """Every cross-reference problem of the file, each naming its field path."""
    problems: list[str] = []
    actors, needs, sources = data.actors, data.needs, cat.sources
    allowed_actors = ", ".join(sorted(actors))

    if STARTER not in actors:
        problems.append(f"actors: the actor `{STARTER}` (the starter itself) is required")
    for aid, actor in actors.items():
        where = f"actors.{aid}"
        if actor.elsewhere and actor.elsewhere not in actors:
            problems.append(f"{where}.elsewhere: unknown actor {actor.elsewhere!r}; allowed: {allowed_actors}")
        for sid in actor.sources:
            if sid not in sources:
                problems.append(f"{where}.sources: unknown source {sid}")
        ordered = sorted(actor.names, key=lambda p: p.valid_from or date.min)
        for n, p in enumerate(actor.names):
            if p.valid_from and p.valid_until and p.valid_until <= p.valid_from:
                problems.append(f"{where}.names.{n}: valid_until must be after valid_from")
        for a, b in zip(ordered, ordered[1:]):
            if a.valid_until is None or (b.valid_from is not None and b.valid_from < a.valid_until):
                problems.append(f"{where}.names: the windows overlap (half-open: valid_until is the "
                                f"first day the name no longer holds)")

    unknown = sorted(set(data.instruments) - set(cat.instruments))
    for iid in unknown:
        problems.append(f"instruments.{iid}: unknown instrument; allowed: {', '.join(cat.instruments)}")
    missing = [i for i in cat.instruments if i not in data.instruments]
    if missing:
        problems.append(f"instruments: no steps for {', '.join(missing)} (every instrument needs them)")

    owner: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for iid, spec in data.instruments.items():
        if iid not in cat.instruments:
            continue
        inst = cat.instruments[iid]
        where = f"instruments.{iid}"
        if spec.prefix in prefixes:
            problems.append(f"{where}.prefix: {spec.prefix!r} is already the prefix of {prefixes[spec.prefix]}")
        prefixes[spec.prefix] = iid
        problems.extend(_check_eras(spec.eras, inst.open_from, inst.open_until, where))
        for e, era in enumerate(spec.eras):
            seen: set[str] = set()
            for s, step in enumerate(era.steps):
                here = f"{where}.eras.{e}.steps.{s}"
                if not step.id.startswith(spec.prefix + "-"):
                    problems.append(f"{here}.id: {step.id!r} must start with the instrument prefix "
                                    f"'{spec.prefix}-'")
                if step.id in seen:
                    problems.append(f"{here}.id: {step.id!r} appears twice in this era")
                seen.add(step.id)
                if owner.setdefault(step.id, iid) != iid:
                    problems.append(f"{here}.id: {step.id!r} is already a step of {owner[step.id]}")
                for field in ("who", "contact"):
                    aid = getattr(step, field)
                    if aid not in actors:
                        problems.append(f"{here}.{field}: unknown actor {aid!r}; allowed: {allowed_actors}")
                        continue
                    chain = [aid] + ([actors[aid].elsewhere] if actors[aid].elsewhere in actors else [])
                    for cid in chain:
                        if not _covers(actors[cid].names, era.valid_from, era.valid_until):
                            problems.append(f"{here}.{field}: actor {cid!r} has no name for part of the "
                                            f"era {_window(era.valid_from, era.valid_until)}")
                if step.contact == STARTER:
                    problems.append(f"{here}.contact: the starter cannot be the contact; name an "
                                    f"authority or regional actor ({allowed_actors})")
                for nid in step.needs:
                    if nid not in needs:
                        problems.append(f"{here}.needs: unknown need {nid!r}; allowed: {', '.join(sorted(needs))}")
                for sid in step.sources:
                    if sid not in sources:
                        problems.append(f"{here}.sources: unknown source {sid}")
                if not step.sources and not step.uncertain:
                    problems.append(f"{here}.sources: a step without a source must be marked uncertain")
                w = step.when
                if w and w.legal_forms and w.not_legal_forms:
                    problems.append(f"{here}.when: use legal_forms or not_legal_forms, not both")
            plain = [s for s in era.steps if s.when is None]
            if len(plain) < 2:
                problems.append(f"{where}.eras.{e}.steps: at least two steps without `when` are needed, "
                                f"so every starter gets two steps whatever the answers")
    return problems


def _window(start: date | None, end: date | None) -> str:
    return f"[{start or '...'}, {end or '...'})"


def _check_eras(eras: list[Era], open_from: date | None, open_until: date | None, where: str) -> list[str]:
    """The eras must tile the instrument's open window exactly, in order."""
    problems = []
    for e, era in enumerate(eras):
        if era.valid_from and era.valid_until and era.valid_until <= era.valid_from:
            problems.append(f"{where}.eras.{e}: valid_until must be after valid_from")
    if eras[0].valid_from != open_from:
        problems.append(f"{where}.eras.0.valid_from: must be {open_from or 'null'}, the day the instrument "
                        f"opens (instruments.yaml open_from)")
    if eras[-1].valid_until != open_until:
        problems.append(f"{where}.eras.{len(eras) - 1}.valid_until: must be {open_until or 'null'}, the day "
                        f"the instrument closes (instruments.yaml open_until)")
    for e, (a, b) in enumerate(zip(eras, eras[1:]), 1):
        if a.valid_until is None or b.valid_from != a.valid_until:
            problems.append(f"{where}.eras.{e}.valid_from: must equal the previous era's valid_until "
                            f"({a.valid_until or 'null'}): eras are adjacent, in order")
    return problems


@dataclass(frozen=True)
class StepBook:
    """The validated steps file, ready for planning."""
    actors: dict[str, Actor]
    needs: dict[str, Text]
    instruments: dict[str, InstrumentSteps]

    def era_on(self, instrument: str, day: date) -> Era | None:
        spec = self.instruments.get(instrument)
        for era in spec.eras if spec else ():
            if _in(day, era.valid_from, era.valid_until):
                return era
        return None

    def actor_on(self, actor_id: str, day: date, region: str | None) -> Period | None:
        actor = self.actors[actor_id]
        if region not in (None, "home") and actor.elsewhere:
            actor = self.actors[actor.elsewhere]
        return next((p for p in actor.names if _in(day, p.valid_from, p.valid_until)), None)


def load_steps(path: Path = STEPS_FILE, cat: Catalogue | None = None) -> StepBook:
    """Load and cross-check a steps file; one InputError lists every problem."""
    cat = cat or catalogue()
    data = validate(StepsFile, load_yaml(path), path)
    problems = _check(data, cat)
    if problems:
        raise InputError(path, problems)
    return StepBook(data.actors, data.needs, data.instruments)


@cache
def step_book() -> StepBook:
    """The steps of this installation, loaded once per process."""
    return cached("steps", load_steps)


# --- planning ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Answers:
    """The answers of the case that step conditions look at; None is unknown."""
    role: str | None = None
    legal_form: str | None = None
    has_business_plan: bool | None = None
    can_lodge_deposit: bool | None = None
    has_public_commissioner: bool | None = None
    region: str | None = None

    @classmethod
    def of(cls, case: Case, cat: Catalogue) -> "Answers":
        org = case.organisation
        return cls(org.role, org.legal_form, org.has_business_plan, org.can_lodge_deposit,
                   org.has_public_commissioner,
                   cat.municipalities.region_of(org.municipality) if org.municipality else None)


def _forms(forms: list[str], lang: str) -> str:
    names = [t(f"step_form_{f}", lang) for f in forms]
    joiner = " of " if lang == "nl" else " or "
    return ", ".join(names[:-1]) + joiner + names[-1] if len(names) > 1 else names[0]


def _applies(when: When | None, a: Answers, lang: str) -> tuple[bool, str]:
    """Whether the step applies, and the prefix that states the conditions left unknown."""
    if when is None:
        return True, ""
    prefix: list[str] = []
    if when.roles is not None:
        if a.role is None:
            roles = [t(f"step_role_{r}", lang) for r in when.roles]
            prefix.append(t("step_if_role", lang, roles=(" of " if lang == "nl" else " or ").join(roles)))
        elif a.role not in when.roles:
            return False, ""
    entity = None if a.legal_form is None else a.legal_form != "none_yet"
    if when.has_legal_entity is not None:
        if entity is None:
            prefix.append(t("step_if_no_entity", lang))
        elif entity:
            return False, ""
    if when.legal_forms is not None:
        if a.legal_form is None:
            prefix.append(t("step_if_forms", lang, forms=_forms(when.legal_forms, lang)))
        elif a.legal_form not in when.legal_forms:
            return False, ""
    if when.not_legal_forms is not None:
        if a.legal_form is None:
            prefix.append(t("step_if_not_forms", lang, forms=_forms(when.not_legal_forms, lang)))
        elif a.legal_form in when.not_legal_forms:
            return False, ""
    for field, value in (("has_business_plan", when.has_business_plan),
                         ("can_lodge_deposit", when.can_lodge_deposit),
                         ("has_public_commissioner", when.has_public_commissioner)):
        if value is None:
            continue
        known = getattr(a, field)
        if known is None:
            prefix.append(t(f"step_if_{field}_{str(value).lower()}", lang))
        elif known != value:
            return False, ""
    if when.in_home_region:
        if a.region is None:
            prefix.append(t("step_if_home_region", lang))
        elif a.region != "home":
            return False, ""
    return True, "".join(prefix)


def _join(prefix: str, text: str) -> str:
    """Prefix + text, lower-casing the text's first letter unless it opens an acronym (VDAB)."""
    if not prefix:
        return text
    head = text[:2]
    if len(head) == 2 and head[0].isupper() and not (head[1].isupper() or head[1].isdigit()):
        text = text[0].lower() + text[1:]
    return prefix + text


def steps_for(instrument: str, day: date, lang: str, answers: Answers = Answers(),
              book: StepBook | None = None) -> list[NextStep]:
    """The ordered steps of ``instrument`` on ``day`` for a starter with these answers;
    empty when the instrument is not open on that day."""
    book = book or step_book()
    era = book.era_on(instrument, day)
    if era is None:
        return []
    out: list[NextStep] = []
    for spec in era.steps:
        ok, prefix = _applies(spec.when, answers, lang)
        if not ok:
            continue
        contact = book.actor_on(spec.contact, day, answers.region)
        who = book.actor_on(spec.who, day, answers.region)
        out.append(NextStep(
            id=spec.id, instrument=instrument, text=_join(prefix, spec.text(lang)),
            who=who.name(lang), contact=contact.name(lang),
            needs=[book.needs[n](lang) for n in spec.needs],
            uncertain=spec.uncertain or contact.uncertain,
        ))
    return out


def plan_steps(case: Case, advice: Advice) -> list[NextStep]:
    """The next steps of every recommendation, in the advice's order and language (for an
    option that opens by the planned start: the steps of that date)."""
    if not advice.recommendations:
        return []
    answers = Answers.of(case, catalogue())
    steps: list[NextStep] = []
    for rec in advice.recommendations:
        steps.extend(steps_for(rec.instrument, rec.available_from or advice.as_of, advice.lang, answers))
    return steps


def step_sources(instrument: str, day: date, book: StepBook | None = None) -> dict[str, list[str]]:
    """The source ids of each step of the instrument's era on ``day`` (for the CLI)."""
    era = (book or step_book()).era_on(instrument, day)
    return {s.id: list(s.sources) for s in era.steps} if era else {}
