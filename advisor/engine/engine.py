"""Composes the rule families into one experta engine, built once per process.

``advise(case)`` hides reset -> declare -> run -> collect. Two things happen around
experta's own loop, both in ``GatedAgenda.get_next``:

- the date gate: an activation whose rule is not in force on the case's date is
  skipped (and recorded), so validity windows are checked in exactly one place;
- the trace: each firing is recorded with the rules that derived the facts it matched,
  which gives every conclusion its chain of reasons.
"""
from __future__ import annotations

import gc
from datetime import date
from functools import cache

from advisor.engine._experta import Agenda, FullScanDepthStrategy, KnowledgeEngine
from advisor.engine.advice import apply_overrides, assemble, sorted_warnings
from advisor.engine.conclusions import ConclusionsMixin
from advisor.engine.matcher import IndexedMatcher
from advisor.engine.facts import case_to_facts
from advisor.knowledge import Catalogue, catalogue
from advisor.errors import InputError
from advisor.i18n import Msg, t
from advisor.models import Advice, Case, Warning
from advisor.engine.registry import RuleMeta, meta_of


class GatedAgenda(Agenda):
    def __init__(self, engine: "BaseAdvisorEngine"):
        super().__init__()
        self.engine = engine

    def get_next(self):
        engine = self.engine
        while self.activations:
            act = self.activations.pop()
            meta = meta_of(act.rule)
            if not meta.in_force(engine.as_of):
                engine.skipped.append(meta.id)
                continue
            engine.begin_firing(meta, act)
            return act
        return None


class BaseAdvisorEngine(ConclusionsMixin, KnowledgeEngine):
    __strategy__ = FullScanDepthStrategy
    __matcher__ = IndexedMatcher

    _deffacts = None

    def __init__(self):
        super().__init__()
        self.as_of = date.today()
        self._clear()

    def _clear(self):
        self._conclusions = []
        self._firing = None
        self._origin: dict[int, tuple[tuple[RuleMeta, dict], ...]] = {}
        self.fired: list[str] = []
        self.skipped: list[str] = []

    def get_deffacts(self):
        # experta finds them with inspect.getmembers on every reset (2 ms); they never change
        if self._deffacts is None:
            self._deffacts = super().get_deffacts()
        return self._deffacts

    def reset(self, **kwargs):
        super().reset(**kwargs)
        self.agenda = GatedAgenda(self)
        self._clear()

    def run(self, steps=float("inf")):
        # experta's loop, without formatting every firing for its log (a third of the loop),
        # and calling the rule's function as experta's Rule.__call__ would (the bindings it
        # names; the prepared rules that fire are bound to no engine)
        self.running = True
        while steps > 0 and self.running:
            added, removed = self.matcher.changes(*self.facts.changes)
            self.strategy._update_agenda(self.agenda, added, removed)
            activation = self.agenda.get_next()
            if activation is None:
                break
            steps -= 1
            rule, params = activation.rule, self._firing[1]
            wanted = rule._wrapped_args
            kwargs = {k: v for k, v in params.items() if k in wanted} if wanted else params
            if rule._wrapped_self is None:
                rule._wrapped(self, **kwargs)
            else:
                rule(self, **kwargs)
        self.running = False

    def begin_firing(self, meta: RuleMeta, activation) -> None:
        # support: the (rule, its parameters) firings that derived the matched facts
        support: list[tuple[RuleMeta, dict]] = []
        for fact in sorted(activation.facts, key=lambda f: getattr(f, "__factid__", -1)):
            for origin in self._origin.get(getattr(fact, "__factid__", None), ()):
                if origin not in support:
                    support.append(origin)
        params = {k: v for k, v in activation.context.items() if not k.startswith("__")}
        self._firing = (meta, params, tuple(support))
        self.fired.append(meta.id)

    def declare(self, *facts):
        declared = super().declare(*facts)
        if self._firing is not None:
            meta, params, support = self._firing
            for fact in facts:
                fid = getattr(fact, "__factid__", None)
                if fid is not None and fid not in self._origin:
                    self._origin[fid] = (*support, (meta, params))
        return declared

    def run_case(self, case: Case, as_of: date, region: str | None, closings: tuple[dict, ...] = ()):
        """Run the rules on ``case``; return the raw conclusions (see advisor.engine.advice)."""
        self.as_of = as_of
        self.reset()
        self.declare(*case_to_facts(case, region, closings))
        self.run()
        return list(self._conclusions)


def build_engine() -> BaseAdvisorEngine:
    """A new engine with every rule family of ``rules`` (its matcher is built in about 30 ms,
    see advisor.engine.matcher)."""
    import rules  # the only import of the knowledge side from the engine side

    return type("AdvisorEngine", (*rules.FAMILIES, BaseAdvisorEngine), {})()


@cache
def engine() -> BaseAdvisorEngine:
    """The engine of this process (engines are not thread-safe: one per process)."""
    built = build_engine()
    # the rule base, catalogue and modules live as long as the process: leave them out of the
    # collector's full passes, which otherwise walk them all every few advices (tens of ms each)
    gc.freeze()
    return built


def advise(case: Case, *, as_of: date | None = None, lang: str = "nl",
           cat: Catalogue | None = None, texts: bool = True) -> Advice:
    """The explained advice for ``case`` on ``as_of`` (default: the case's date, else today):
    recommendations, rejections, missing answers and warnings, with the advisor's overrides
    applied. The plan (next steps, experts) is added above the engine, by
    ``advisor.plan.consult``.

    With a planned start after the date, the instruments are judged on both dates: one that
    closes before the start is rejected (rule GEN-020, and a ``closes-before-start`` warning);
    one that opens by the start is added as an option from that date (``available_from``).
    Without ``texts``: the outcome only (see ``assemble``).
    """
    cat = cat or catalogue()
    day, later, closings, opening = run_dates(case, cat, as_of)
    # the run on the planned start comes first: the engine's records (fired, skipped) are
    # then those of the advice's own date
    then = _assembled(case, later, lang, cat, texts=texts) if opening else None
    advice = _assembled(case, day, lang, cat, closings, texts)
    if then:
        _add_openings(advice, then, opening, lang, cat)
    for rej in advice.rejected:
        if any(r.rule == "GEN-020" for r in rej.reasons):
            inst = cat.instruments[rej.instrument]
            advice.warnings.append(Warning(code="closes-before-start", instrument=inst.id, rule="GEN-020", text=t(
                "closes_before_start", lang, name=rej.name, on=inst.open_until.isoformat(),
                start=later.isoformat(), successor=_successor(cat, inst.successor, lang))))
    if max(day, later or day) > cat.checked_until:
        advice.warnings.append(Warning(code="beyond-knowledge", text=t(
            "beyond_knowledge", lang, date=max(day, later or day).isoformat(), checked=cat.checked_until.isoformat())))
    advice.warnings = sorted_warnings(advice.warnings)
    if case.organisation.municipality:
        advice.municipality = cat.municipalities.on_date(case.organisation, day)
    if case.overrides:
        advice = apply_overrides(advice, case.overrides, cat)
    return advice


def run_dates(case: Case, cat: Catalogue, as_of: date | None = None) -> tuple[date, date | None, tuple[dict, ...], set[str]]:
    """The dates the rules run on for ``case``: the advice's date, the planned start when it is
    later (else None), the instruments closing in between (Closing facts) and those opening."""
    day = as_of or case.as_of or date.today()
    start = case.service.planned_start
    check_range(cat, day, "--as-of / as_of")
    if start:
        check_range(cat, start, "service.planned_start")
    later = start if start and start > day else None
    closings, opening = (), set()
    if later:
        closings = tuple({"instrument": i.id, "on": i.open_until.isoformat(), "start": later.isoformat()}
                         for i in cat.open_on(day) if not i.open_on(later))
        opening = {i.id for i in cat.open_on(later) if not i.open_on(day)}
    return day, later, closings, opening


def check_range(cat: Catalogue, day: date, where: str) -> None:
    """A date before the knowledge begins cannot be advised on (exit 2, with the range)."""
    if day < cat.covers_from:
        raise InputError(where, [Msg("before_knowledge", day=day.isoformat(), start=cat.covers_from.isoformat(),
                                     end=cat.checked_until.isoformat())])


def _successor(cat: Catalogue, successor: str | None, lang: str) -> str:
    return cat.instruments[successor].name(lang) if successor else t("no_successor", lang)


def _assembled(case: Case, day: date, lang: str, cat: Catalogue, closings: tuple[dict, ...] = (),
               texts: bool = True) -> Advice:
    muni = case.organisation.municipality
    region = cat.municipalities.region_of(muni) if muni else None
    eng = engine()
    conclusions = eng.run_case(case, day, region, closings)
    groups = sorted(g.id for g in case.worker_groups or [])
    return assemble(conclusions, day, lang, cat, fired=eng.fired, groups=groups, texts=texts)


def _add_openings(advice: Advice, then: Advice, opening: set[str], lang: str, cat: Catalogue) -> None:
    """The instruments ``opening`` by the planned start that fit then (``then``, the advice on
    that date): options from that date."""
    for rec in then.recommendations:
        if rec.instrument in opening:
            advice.recommendations.append(rec.model_copy(update={"available_from": then.as_of}))
            advice.rejected = [r for r in advice.rejected if r.instrument != rec.instrument]
            advice.warnings = [w for w in advice.warnings if w.instrument != rec.instrument or w.code != "instrument-closed"]
            advice.warnings.append(Warning(code="opens-by-start", instrument=rec.instrument, text=t(
                "opens_by_start", lang, name=rec.name, on=cat.instruments[rec.instrument].open_from.isoformat(),
                start=then.as_of.isoformat())))


def rule_metas() -> list[RuleMeta]:
    """The metadata of every rule in the engine, sorted by id."""
    return sorted((meta_of(r) for r in engine().get_rules()), key=lambda m: m.id)
