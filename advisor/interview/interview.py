"""Chooses the next question from what the rules still need: the interview's logic, no I/O.

A question is asked only while its answer can still change the advice. With the answers
given so far, either

- two allowed answers (its choices, or for numbers the questionnaire's ``probes``, which
  sit either side of the thresholds the rules use) lead to a different advice, or
- the rules list it as a missing answer of an instrument that is recommended as a
  "possible" fit (answering it is needed before the fit can be called strong; when two
  such answers hold the same recommendation, neither alone would show a difference).

"A different advice" compares the recommendations (instrument, worker groups and the rules
that weaken or limit them), the rejected instruments, the warning codes and the *other*
missing answers with what they affect. Instruments closed on the date do not count (nor
the warnings about closing): nothing is asked for their sake. The question's own entry among the missing answers
is left out (answering always removes it), and so is the fit, which says nothing more than
the weakening rules and the open answers together. Counting the other missing answers lets
a gateway question through (the activities decide whether the customers matter).

Candidates are tried most decisive first: fields the advice lists under ``needs_info``, by
the number of still-open instruments they affect, then the other questions in
questionnaire order (a rule may use a field without asking for it, e.g. the staff size).
The first candidate that passes the check is asked. "I don't know" is an answer too: the
field stays absent from the case (unknown, never "no"), and is not asked again.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from advisor.engine.advice import CLOSED_WARNINGS
from advisor.errors import validate
from advisor.models import Advice, Case, Override
from advisor.interview.questions import Question, Questionnaire, questionnaire


class _Unknown:
    """The answer "I don't know": the field stays absent from the case."""
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()

# What the outcome is made of (see the module docstring).
Outcome = tuple[tuple, tuple, tuple]


@dataclass(frozen=True)
class Ask:
    """A question to ask now: which one, about which worker group, and the case path it sets."""
    question: Question
    group: str | None
    path: str
    affects: tuple[str, ...] = ()   # instruments the advice lists for this missing answer
    rules: tuple[str, ...] = ()     # the rules that asked for it


@dataclass(frozen=True)
class Why:
    """Why a question is asked: the instruments and rules its answer still decides."""
    instruments: tuple[str, ...]
    rules: tuple[str, ...]


@dataclass
class _Result:
    outcome: Outcome
    status: dict[str, tuple]
    fired: frozenset[str]
    needs: dict[str, Any]
    caveats: tuple

    def seen_by(self, path: str, still_open: frozenset[str]) -> tuple:
        """What an answer to ``path`` can change in the advice (see the module docstring).
        Instruments closed on the date do not count: nothing is asked for their sake."""
        others = tuple((f, tuple(n.affects)) for f, n in sorted(self.needs.items()) if f != path)
        rejected = tuple(i for i in self.outcome[1] if i in still_open)
        warnings = tuple(w for w in self.outcome[2] if w not in CLOSED_WARNINGS)
        return self.caveats, rejected, warnings, others


def outcome_of(advice: Advice) -> Outcome:
    """The part of an advice a reader acts on (what decides whether a question matters)."""
    recs = tuple((r.instrument, r.fit, tuple(r.worker_groups)) for r in advice.recommendations)
    return recs, tuple(sorted(advice.rejected_ids())), tuple(sorted({w.code for w in advice.warnings}))


def _status(advice: Advice) -> dict[str, tuple]:
    status = {r.instrument: ("recommended", r.fit, tuple(r.worker_groups)) for r in advice.recommendations}
    for r in advice.rejected:
        status[r.instrument] = ("rejected", tuple(r.worker_groups))
    return status


def _caveats(advice: Advice) -> tuple:
    """The recommendations without their fit, but with the rules that weaken or limit them:
    together with the open questions this says everything the fit says, except the trivial
    "possible, because this very question is open"."""
    return tuple(sorted((r.instrument, tuple(r.worker_groups), tuple(sorted({c.rule for c in r.caveats})))
                        for r in advice.recommendations))


def case_values(case: Case) -> dict[str, Any]:
    """Every known answer of ``case`` as {question path: value} (the inverse of a case)."""
    out: dict[str, Any] = {}
    for part in ("organisation", "service"):
        for name, value in getattr(case, part).model_dump(exclude_none=True).items():
            out[f"{part}.{name}"] = value
    if case.worker_groups is not None:
        out["worker_groups"] = [g.id for g in case.worker_groups]
        for g in case.worker_groups:
            for name, value in g.model_dump(exclude_none=True).items():
                if name != "id":
                    out[f"worker_groups.{g.id}.{name}"] = value
    return out


def case_data(answers: dict[str, Any], as_of: date | None, overrides: list[Override] = ()) -> dict:
    """The case (as plain data) that the answers describe; unknown answers are left out."""
    data: dict[str, Any] = {"as_of": as_of.isoformat()} if as_of else {}
    data.update(organisation={}, service={})
    groups = answers.get("worker_groups")
    group_ids = groups if isinstance(groups, list) else None
    if group_ids is not None:
        data["worker_groups"] = [{"id": g} for g in group_ids]
    for path, value in answers.items():
        if value is UNKNOWN or path == "worker_groups":
            continue
        parts = path.split(".")
        if parts[0] in ("organisation", "service") and len(parts) == 2:
            data[parts[0]][parts[1]] = value
        elif parts[0] == "worker_groups" and len(parts) == 3 and group_ids and parts[1] in group_ids:
            data["worker_groups"][group_ids.index(parts[1])][parts[2]] = value
    _resolve_place(data["organisation"], as_of)
    if overrides:
        data["overrides"] = [o.model_dump(mode="json", exclude_none=True) for o in overrides]
    return data


def _resolve_place(organisation: dict[str, Any], as_of: date | None) -> None:
    """The answer is the place as typed (a postcode, a deelgemeente, a French name): the case
    gets the municipality it is on the date and keeps what was typed beside it."""
    from advisor.knowledge import PlaceError, catalogue, fold

    typed = organisation.get("municipality")
    if not isinstance(typed, str) or organisation.get("municipality_as_typed"):
        return
    try:
        name = catalogue().municipalities.resolve(typed, as_of or date.today())
    except PlaceError:
        return          # the case's validation reports it, with what is allowed
    if fold(name) != fold(typed):
        organisation.update(municipality=name, municipality_as_typed=typed)


#: The engine results of the interviews of this process, per date and overrides (most recent
#: last): the terminal and the web build an ``Interview`` for each step of a session, which
#: would otherwise start cold on every resume. A result depends only on the case the answers,
#: date and overrides describe (and on the catalogue and rules, fixed in a process), so
#: sharing it between interviews with the same date and overrides is exact.
_SHARED: dict[tuple, tuple[dict, dict]] = {}
_SHARED_KEEP = 16       # dates/overrides kept; each holds at most 50 000 results


def _shared_caches(as_of: date, overrides: list[Override]) -> tuple[dict, dict]:
    from advisor.knowledge import catalogue

    key = (id(catalogue()), as_of.isoformat(),
           json.dumps([o.model_dump(mode="json", exclude_none=True) for o in overrides], sort_keys=True))
    caches = _SHARED.pop(key, None) or ({}, {})
    _SHARED[key] = caches   # most recently used last
    while len(_SHARED) > _SHARED_KEEP:
        del _SHARED[next(iter(_SHARED))]
    return caches


def clear_shared_caches() -> None:
    """Forget the results of earlier interviews (a cold start, as for a benchmark)."""
    _SHARED.clear()


class Interview:
    """The state of one interview (answers, overrides, date) and the choice of the next question."""

    def __init__(self, as_of: date, answers: dict[str, Any] | None = None,
                 overrides: list[Override] | None = None, questions: Questionnaire | None = None):
        self.as_of = as_of
        self.answers: dict[str, Any] = dict(answers or {})
        self.overrides = list(overrides or [])
        self.questions = questions or questionnaire()
        from advisor.knowledge import catalogue

        self.still_open = frozenset(i.id for i in catalogue().open_on(as_of))

    @property
    def overrides(self) -> list[Override]:
        return self._overrides

    @overrides.setter
    def overrides(self, value: list[Override]) -> None:
        # the cached results and cases hold the overrides: an override added during the
        # interview (the terminal's override dialog) takes the caches of the new overrides
        self._overrides = list(value)
        self._cache, self._cases = _shared_caches(self.as_of, self._overrides)

    # --- the case -------------------------------------------------------------------

    def group_ids(self) -> list[str]:
        groups = self.answers.get("worker_groups")
        return groups if isinstance(groups, list) else []

    def case(self, answers: dict[str, Any] | None = None) -> Case:
        data = case_data(self.answers if answers is None else answers, self.as_of, self.overrides)
        return validate(Case, data, "interview")

    def advice(self, lang: str = "nl", plan: bool = True, booked: Mapping[str, int] | None = None) -> Advice:
        """The advice on the answers so far; with ``plan``, also its next steps and experts
        (``booked``: the hours booked per expert in the advice's month, see ``consult``)."""
        if plan:
            from advisor.plan.consult import consult

            return consult(self.case(), lang=lang, booked=booked)
        from advisor.engine.engine import advise

        return advise(self.case(), lang=lang)

    # --- answering ------------------------------------------------------------------

    def answer(self, path: str, value: Any) -> None:
        """Record an answer (a parsed value, or UNKNOWN); a later answer replaces an earlier one."""
        self.answers.pop(path, None)  # re-answering moves it to the end (the order answered)
        self.answers[path] = value

    def retract(self, path: str) -> None:
        self.answers.pop(path, None)

    def last_answered(self) -> str | None:
        return next(reversed(self.answers), None)

    def ask_for(self, path: str) -> Ask | None:
        """The question for ``path`` (to change an answer), whether or not it still matters."""
        found = self.questions.for_path(path)
        if found is None:
            return None
        q, group = found
        if group is not None and group not in self.group_ids():
            return None
        need = self._consult({k: v for k, v in self.answers.items() if k != path}).needs.get(path)
        return Ask(q, group, path, tuple(need.affects) if need else (), tuple(need.rules) if need else ())

    # --- choosing -------------------------------------------------------------------

    @staticmethod
    def _key(answers: dict[str, Any]) -> str:
        return json.dumps({k: v for k, v in answers.items() if v is not UNKNOWN}, sort_keys=True, default=str)

    def _case_of(self, answers: dict[str, Any]) -> Case:
        key = self._key(answers)
        case = self._cases.get(key)
        if case is None:
            if len(self._cases) > 50_000:
                self._cases.clear()
            case = self._cases[key] = self.case(answers)
        return case

    def _consult(self, answers: dict[str, Any]) -> _Result:
        key = self._key(answers)
        hit = self._cache.get(key)
        if hit is None:
            from advisor.engine.engine import advise

            advice = advise(self._case_of(answers), lang="en", texts=False)  # no text of it is kept
            hit = _Result(outcome_of(advice), _status(advice), frozenset(advice.fired),
                          {n.field: n for n in advice.needs_info}, _caveats(advice))
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def candidates(self) -> list[Ask]:
        """Unanswered questions, most decisive first (see the module docstring)."""
        needs = self._consult(self.answers).needs
        ranked = []
        for order, q in enumerate(self.questions):
            for group in (self.group_ids() if q.per_group else [None]):
                path = q.path(group)
                if path in self.answers:
                    continue
                need = needs.get(path)
                ask = Ask(q, group, path, tuple(need.affects) if need else (), tuple(need.rules) if need else ())
                rank = (0, -len(need.affects)) if need else (1, 0)
                ranked.append(((*rank, order, group or ""), ask))
        ranked.sort(key=lambda pair: pair[0])
        return [ask for _, ask in ranked]

    def next(self) -> Ask | None:
        """The most decisive question whose answer can still change the advice; None when done."""
        for ask in self.candidates():
            if self.decisive(ask):
                return ask
        return None

    def decisive(self, ask: Ask) -> bool:
        """Can the answer to ``ask`` still change the advice, given the answers so far?

        Either two allowed answers lead to different advice, or the rules ask for it before a
        recommended instrument can be called a strong fit (a ``need`` that holds a
        recommendation at "possible"; when two such needs hold the same one, neither answer
        alone would show a difference, yet both are needed).
        """
        if self.holds_back(ask):
            return True
        if ask.question.type == "text":
            # free text the rules cannot read: asked while a rule lists it as missing
            return ask.path in self._consult(self.answers).needs
        classes = self._probe_classes(ask)
        if len(classes) < 2:  # every answer provably gives the same advice: nothing to run
            return False
        apart = self._apart_from_closed(classes)
        if len(apart) < 2:  # the answers differ only in what the advice says of dead instruments
            return False
        first = None
        for probe, members in apart:
            result = self._consult({**self.answers, **probe})
            for other in members:
                # the same advice but the echo of the municipality, which no _Result holds:
                # the next choice's own run, when the answer given is one of these, is free
                self._cache.setdefault(self._key({**self.answers, **other}), result)
            seen = result.seen_by(ask.path, self.still_open)
            if first is None:
                first = seen
            elif seen != first:
                return True
        return False

    def distinct_probes(self, ask: Ask) -> list[dict[str, Any]]:
        """The probes of ``ask`` that may get different advice: one of each class of probes that
        the rules provably cannot tell apart (advisor.engine.relevance), so only those are run."""
        return [probe for probe, _ in self._probe_classes(ask)]

    def _probe_classes(self, ask: Ask) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """One probe of each class of probes the rules cannot tell apart, with the other
        probes of its class."""
        from advisor.engine.engine import engine
        from advisor.engine.relevance import variant_classes
        from advisor.knowledge import catalogue

        probes = self.probe_sets(ask)
        # the interview compares outcomes (seen_by, status, fired, needs), never the advice's
        # echo of the municipality nor the wording of its reasons
        classes = variant_classes([self._case_of({**self.answers, **p}) for p in probes], catalogue(), engine(),
                                  echo=False, texts=False)
        members: dict[int, list[dict[str, Any]]] = {}
        for i, rep in enumerate(classes):
            members.setdefault(rep, [])
            if rep != i:
                members[rep].append(probes[i])
        return [(probes[rep], others) for rep, others in sorted(members.items())]

    def _apart_from_closed(self, classes: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> list[tuple]:
        """Of the probe classes, those that may still differ in what ``decisive`` compares once
        what the advice says about dead instruments is left out (variant_classes without
        ``closed``); the others need no run. Their probes get no cached result: their advice
        differs from the one run (in its fired rules, say)."""
        from advisor.engine.engine import engine
        from advisor.engine.relevance import variant_classes
        from advisor.knowledge import catalogue

        if len(classes) < 2:
            return classes
        coarse = variant_classes([self._case_of({**self.answers, **p}) for p, _ in classes], catalogue(), engine(),
                                 echo=False, texts=False, closed=False)
        return [cls for i, cls in enumerate(classes) if coarse[i] == i]

    def holds_back(self, ask: Ask) -> bool:
        """Is this missing answer one that keeps a recommendation at "possible"?"""
        base = self._consult(self.answers)
        need = base.needs.get(ask.path)
        if need is None:
            return False
        held = {name for name, st in base.status.items() if st[0] == "recommended" and st[1] == "possible"}
        return not held.isdisjoint(need.affects)

    def why(self, ask: Ask) -> Why:
        """The instruments whose place in the advice depends on this answer, and the rules that
        decide it (those that fire for some answers and not for others, and those asking for it)."""
        results = [self._consult({**self.answers, **probe}) for probe in self.probe_sets(ask)]
        instruments: list[str] = list(ask.affects)
        for name in sorted({i for r in results for i in r.status} & self.still_open):
            if len({r.status.get(name) for r in results}) > 1 and name not in instruments:
                instruments.append(name)
        rules = list(ask.rules)
        if results:
            varying = set().union(*(r.fired for r in results)) - frozenset.intersection(*(r.fired for r in results))
            rules += sorted(varying - set(rules))
        return Why(tuple(instruments), tuple(rules))

    def probe_sets(self, ask: Ask) -> list[dict[str, Any]]:
        """The allowed answers tried for ``ask``, each as the answers it adds.

        A worker group's FTE only counts through the total FTE of all groups and its share of
        the staff: while other groups' FTE or the staff size are still open, it is tried
        together with them (the total split evenly; the staff just either side of each share
        threshold), otherwise no single one of these answers could ever change the advice.
        """
        q = ask.question
        if ask.group is None or not q.total_probes:
            return [{ask.path: v} for v in self.probe_values(ask)]
        others = [g for g in self.group_ids() if g != ask.group]
        given = [self.answers.get(f"worker_groups.{g}.fte") for g in others]
        if any(v is UNKNOWN for v in given):
            return [{ask.path: v} for v in self.probe_values(ask)]
        open_ = [g for g in others if f"worker_groups.{g}.fte" not in self.answers]
        known = sum(v for v in given if isinstance(v, int | float))
        members = [ask.group, *open_]
        totals = list(q.total_probes) + [float(p) * len(members) for p in q.probes]
        staff = self.answers.get("organisation.staff_fte")
        if isinstance(staff, int | float) and staff > 0:
            totals += [(s + d) * staff for s in q.share_probes for d in (-0.01, 0.01)]
        sets: list[dict[str, Any]] = []

        def add(total: float, extra: dict) -> None:
            each = round((total - known) / len(members), 2)
            if each > 0 and not (q.max is not None and each > q.max):
                probe = {**{f"worker_groups.{g}.fte": each for g in members}, **extra}
                if probe not in sets:
                    sets.append(probe)

        for total in totals:
            add(total, {})
        if "organisation.staff_fte" not in self.answers:
            for total in totals[:1]:
                for s in q.share_probes:
                    for d in (-0.01, 0.01):
                        add(total, {"organisation.staff_fte": round(total / (s + d), 2)})
        return sets

    def probe_values(self, ask: Ask) -> list[Any]:
        """The allowed answers tried for ``ask``: every choice, or the questionnaire's probes."""
        q = ask.question
        if q.type == "choice":
            return q.values()
        if q.type == "bool":
            return [True, False]
        if q.type == "multi":
            return [list(p) for p in q.probes] if q.probes else [[v] for v in q.values()]
        if q.type in ("municipality", "groups", "text"):
            return list(q.probes)
        return self._number_probes(ask)

    def _number_probes(self, ask: Ask) -> list[Any]:
        q = ask.question
        values: list[float] = [float(p) for p in q.probes]
        groups = self.group_ids()
        if ask.group is None and q.share_probes and groups:
            ftes = [self.answers.get(f"worker_groups.{g}.fte") for g in groups]
            if all(isinstance(v, int | float) for v in ftes) and sum(ftes) > 0:
                target = sum(ftes)
                values += [target / (s + d) for s in q.share_probes for d in (-0.01, 0.01) if s + d > 0]
        out: list[Any] = []
        for v in values:
            v = round(v, 2)
            if (q.min is not None and v < q.min) or (q.max is not None and v > q.max):
                continue
            v = int(v) if q.type == "integer" else float(v)
            if v not in out:
                out.append(v)
        return out


@dataclass
class Step:
    """One question of a replayed interview and the answer given."""
    ask: Ask
    value: Any


@dataclass
class Replay:
    interview: Interview
    steps: list[Step] = field(default_factory=list)


def replay(answers: dict[str, Any], as_of: date, overrides: list[Override] | None = None,
           limit: int = 500) -> Replay:
    """Run an interview non-interactively: each question chosen is answered from ``answers``
    (already parsed values); a path missing from it is answered "I don't know"."""
    run = Replay(Interview(as_of, overrides=overrides))
    for _ in range(limit):
        ask = run.interview.next()
        if ask is None:
            break
        value = answers.get(ask.path, UNKNOWN)
        run.interview.answer(ask.path, value)
        run.steps.append(Step(ask, value))
    return run
