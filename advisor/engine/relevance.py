"""Which of several variants of a case can the rules tell apart, without running them.

The interview tries a question's allowed answers ("probes") and asks it only when two of them
lead to a different advice. Most probes turn out not to matter; running the engine for each is
what made choosing the next question slow. ``variant_classes`` groups the variants of a case
into classes that provably get the *same* advice, by static knowledge of the rules, so only
one variant per class needs an engine run.

Why two variants ``a`` and ``b`` get the same advice when they share a signature: the engine's
run is a function of the facts it is given (``case_to_facts``) and of the dates. The variants
give facts that line up one to one (same classes, same order) and differ only in some fields.
A rule can only observe a difference through

- a field test (as the engine's matcher runs it, ``advisor.engine.matcher.Pattern``) on a
  field that differs: its result (True, False or the bindings it makes) goes into the
  signature;
- a pattern that binds the whole fact (``AS.x << Fact(...)``): the fact's contents go in.

A rule that cannot fire on a variant contributes nothing to it: it is not in force on the run's
dates (the date gate skips it), or one of its top-level positive patterns finds no fact whose
field tests can all pass. For a fact class that no rule body declares, the facts are the case's
own. For a class that bodies declare (Candidate through ``consider``, Kind through ``derive``),
the facts are those the rules that can fire may declare, read from the bodies' source: a
literal field value (or a module constant) is tested, any other value is taken to pass every
test. This is a least fixpoint (start with no declared facts; add what the rules that can
fire with them may declare; repeat): every fact a run declares comes from a firing whose
patterns matched facts present before it, so by induction over the firings it is in the
fixpoint, and a rule the fixpoint leaves out never fires. If every rule sees the same
thing on ``a`` and ``b``, every rule is activated by the same facts with the same bindings, in
the same order; bodies get the same arguments, so they conclude and derive the same (by
induction over the firings), and ``advise`` assembles the same advice. Nothing else of the case
is read by ``advise`` except the worker-group list, the planned start and the overrides:
variants that differ there are never grouped.

``tests/test_relevance.py`` checks the grouping against the engine (same signature, same
advice) on every scenario's questions and on generated cases.
"""
from __future__ import annotations

import ast
import gc
import inspect
import sys
import textwrap
from dataclasses import dataclass, field
from functools import cache

from advisor.engine.advice import CLOSED_WARNINGS
from advisor.engine._experta import AND, NOT, OR, TEST, EXISTS, FORALL, Fact, FactCapture, FeatureCheck, generate_checks
from advisor.engine.facts import Candidate, case_to_facts
from advisor.engine.matcher import Pattern
from advisor.engine.registry import RuleMeta, meta_of
from advisor.knowledge import Catalogue
from advisor.models import Case


@dataclass(frozen=True)
class _Pattern:
    cls: type
    checks: tuple          # experta FeatureChecks, one per field test
    captures: bool         # the rule binds the whole fact (AS.x << ...)
    # the same tests as the engine's matcher runs them (the indexed analysis uses these; the
    # plain functions below call experta's checks, and tests/test_relevance.py compares them)
    compiled: Pattern = field(compare=False, hash=False, repr=False, default=None)


@dataclass(frozen=True)
class _RuleView:
    meta: RuleMeta
    patterns: tuple[_Pattern, ...]
    gates: tuple[_Pattern, ...]   # top-level positive patterns on facts no rule declares
    derived_gates: tuple[_Pattern, ...] = ()   # top-level positive patterns on facts bodies declare
    # what the body may declare: (class, ((field, value), ...)); None when the bodies cannot be read
    declares: tuple[tuple[type, tuple], ...] | None = None
    quoted: frozenset[str] = frozenset()   # bindings whose values the body only quotes in its texts
    # the instruments the body only blocks, supports, weakens or warns about as closing (None:
    # it may do anything else, see _closing_only)
    closing_only: frozenset[str] | None = None


#: a field value of a declared fact that the source does not give literally: it may pass any test
_ANY = object()


def _patterns(ce, top: bool, out: list, gates: list) -> bool:
    """Collect the fact patterns of a rule's condition; False when it has a form whose
    top-level patterns cannot be read as "all must match" (OR)."""
    plain = True
    for element in ce:
        if isinstance(element, Fact):
            checks = tuple(generate_checks(element))
            pattern = _Pattern(type(element), tuple(c for c in checks if isinstance(c, FeatureCheck)),
                               any(isinstance(c, FactCapture) and not c.bind.startswith("__pattern_")
                                   for c in checks), Pattern(element, "__fact__"))
            out.append(pattern)
            if top:
                gates.append(pattern)
        elif isinstance(element, TEST):
            continue
        elif isinstance(element, OR):
            plain = False
            _patterns(element, False, out, gates)
        elif isinstance(element, (NOT, EXISTS, FORALL)):
            _patterns(element, False, out, gates)
        elif isinstance(element, AND):
            plain &= _patterns(element, top, out, gates)
        else:  # an unknown conditional element: read nothing into it
            plain = False
    return plain


def _declared_classes(engine) -> set[str]:
    """The names of the fact classes a rule body may declare (Candidate through ``consider``),
    read from the source of every rule module; everything, when a body declares a fact it did
    not build in place."""
    names = {"Candidate"}
    for tree in _module_trees().values():
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for node in (n for stmt in fn.body for n in ast.walk(stmt)):
                if isinstance(node, ast.Call):
                    if isinstance(node.func, ast.Name):
                        names.add(node.func.id)
                    elif (isinstance(node.func, ast.Attribute) and node.func.attr in ("declare", "derive")
                          and not all(isinstance(a, ast.Call) for a in node.args)):
                        return {"*"}
    return names


@cache
def _module_trees() -> dict[str, ast.Module]:
    """The syntax tree of every rule module, parsed once (parsing each rule's own source,
    446 times, was most of the cost of the analysis)."""
    import rules

    return {name: ast.parse(inspect.getsource(sys.modules[name]))
            for name in dict.fromkeys(family.__module__ for family in rules.FAMILIES)}


@cache
def _functions() -> dict[tuple[str, str, int], ast.FunctionDef]:
    """The function definitions of the rule modules, by (module, name, first line): the first
    line of a decorated function is that of its first decorator, as in its code object."""
    out = {}
    for module, tree in _module_trees().items():
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef):
                first = min([fn.lineno, *(d.lineno for d in fn.decorator_list)])
                out[(module, fn.name, first)] = fn
    return out


def _body_declares(rule) -> tuple[tuple[type, tuple], ...] | None:
    """The facts the body of ``rule`` may declare, as (class, ((field, value or _ANY), ...)):
    a ``consider(instrument, ...)`` call declares a Candidate; a call of a fact class builds
    one that ``derive``/``declare`` may declare. None when the source cannot be read so."""
    from advisor.engine.facts import Candidate

    fn = getattr(rule, "_wrapped", None)
    if fn is None:
        return None
    node = _functions().get((fn.__module__, fn.__name__, fn.__code__.co_firstlineno))
    if node is None:  # not in a rule module read once: read its own source
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
        except (OSError, TypeError, SyntaxError):
            return None
    else:
        tree = ast.Module(body=[node], type_ignores=[])
    names = sys.modules[fn.__module__].__dict__

    def value(node):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name) and isinstance(names.get(node.id), str | int | float | bool):
            return names[node.id]
        return _ANY

    out = []
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.FunctionDef) else None
    if body is None:
        return None
    for node in (n for stmt in body for n in ast.walk(stmt)):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Attribute) and node.func.attr == "consider":
            if not node.args or node.keywords and any(k.arg is None for k in node.keywords):
                return None
            out.append((Candidate, (("instrument", value(node.args[0])),)))
        elif isinstance(node.func, ast.Name):
            cls = names.get(node.func.id)
            if isinstance(cls, type) and issubclass(cls, Fact):
                if node.args or any(k.arg is None for k in node.keywords):
                    return None
                out.append((cls, tuple((k.arg, value(k.value)) for k in node.keywords)))
    return tuple(out)


def _only_rule_bodies_declare() -> bool:
    """Do facts get declared only in rule bodies (no helper method calls ``consider``,
    ``derive`` or ``declare``)? Otherwise what a body declares cannot be read from it."""
    for tree in _module_trees().values():
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            is_rule = isinstance(fn, ast.FunctionDef) and any(
                isinstance(d, ast.Call) and getattr(d.func, "id", None) == "Rule" for d in fn.decorator_list)
            if is_rule:
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Attribute) and node.attr in ("consider", "derive", "declare"):
                    return False
    return True


#: the conclusion helpers of rule bodies (advisor.engine.conclusions) and their keyword
#: arguments that are not text parameters
_HELPERS = {"support", "block", "weaken", "warn", "need", "consider"}
_ROLES = {"instrument", "group", "code", "field_path"}


def _quoted(rule) -> frozenset[str]:
    """The names ``rule`` binds whose values only its texts quote: a change of such a value
    changes the advice's wording, never its outcome (what the interview compares).

    A name qualifies when one positive pattern binds it and no other pattern or TEST reads
    it, the rule's positive patterns are of distinct fact classes (so an activation's facts
    fix its bindings, and no value can reorder the agenda: see FullScanDepthStrategy), and the
    body uses it only as a keyword value of a conclusion helper (``fte=fte``, ``fte=f"{fte:g}"``), never as the
    instrument, group or code, never in a test, sum or derived fact. ``group`` never
    qualifies (``weaken`` reads it)."""
    bound: dict[str, int] = {}
    classes = []
    for element in rule:
        if isinstance(element, Fact):
            classes.append(type(element))
            for _, name in Pattern(element, "__fact__").binders:
                bound[name] = bound.get(name, 0) + 1
        elif isinstance(element, NOT) and len(element) == 1 and isinstance(element[0], Fact):
            for _, name in Pattern(element[0], "__fact__").binders:
                bound[name] = bound.get(name, 0) + 2  # read by the NOT: never quoted
        else:  # TEST, OR, EXISTS, ...: read nothing into the rule
            return frozenset()
    if len(set(classes)) != len(classes):
        return frozenset()
    fn = getattr(rule, "_wrapped", None)
    node = _functions().get((fn.__module__, fn.__name__, fn.__code__.co_firstlineno)) if fn else None
    if node is None or node.args.kwarg or node.args.vararg:
        return frozenset()
    quoting: set[int] = set()   # the Name nodes that are a helper's text keyword
    for call in ast.walk(node):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in _HELPERS \
                and isinstance(call.func.value, ast.Name) and call.func.value.id == "self":
            for kw in call.keywords:
                if kw.arg and kw.arg not in _ROLES:
                    quoting.update(id(n) for n in _quoted_names(kw.value))
    uses: dict[str, set[bool]] = {}
    for name in (n for stmt in node.body for n in ast.walk(stmt)):
        if isinstance(name, ast.Name):
            uses.setdefault(name.id, set()).add(id(name) in quoting)
    return frozenset(n for n, count in bound.items()
                     if count == 1 and n != "group" and uses.get(n, {True}) == {True})


#: the helpers a closing rule calls, and the position (and keyword) of their instrument
_CLOSING_HELPERS = {"block": (0, "instrument"), "support": (0, "instrument"), "weaken": (0, "instrument"),
                    "warn": (1, "instrument")}


def _closing_only(rule) -> frozenset[str] | None:
    """The instruments ``rule``'s body concludes about, when all it does is ``block``,
    ``support`` or ``weaken`` a literal instrument and ``warn`` about one with a literal
    closing code (CLOSED_WARNINGS); None for any other body (one that considers, derives,
    asks for an answer, or calls anything else, even in an argument)."""
    fn = getattr(rule, "_wrapped", None)
    node = _functions().get((fn.__module__, fn.__name__, fn.__code__.co_firstlineno)) if fn else None
    if node is None:
        return None
    names = sys.modules[fn.__module__].__dict__

    def literal(arg) -> object:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            return arg.value
        if isinstance(arg, ast.Name) and isinstance(names.get(arg.id), str):
            return names[arg.id]
        return None

    body = node.body[1:] if ast.get_docstring(node) is not None else node.body
    instruments: set[str] = set()
    for stmt in body:
        call = stmt.value if isinstance(stmt, ast.Expr) else None
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and isinstance(call.func.value, ast.Name) and call.func.value.id == "self"
                and call.func.attr in _CLOSING_HELPERS):
            return None
        parts = [*call.args, *(k.value for k in call.keywords)]
        if any(k.arg is None for k in call.keywords):
            return None
        if any(isinstance(n, ast.Call) for a in parts for n in ast.walk(a)):  # it may call anything
            return None
        at, keyword = _CLOSING_HELPERS[call.func.attr]
        given = {k.arg: k.value for k in call.keywords}
        instrument = literal(call.args[at]) if len(call.args) > at else literal(given.get(keyword))
        if instrument is None:
            return None
        if call.func.attr == "warn":
            code = literal(call.args[0]) if call.args else literal(given.get("code"))
            if code not in CLOSED_WARNINGS:
                return None
        instruments.add(instrument)
    return frozenset(instruments)


def _quoted_names(value) -> list:
    """The names a text parameter only formats: ``fte`` or ``f"{fte:g} VTE"``."""
    if isinstance(value, ast.Name):
        return [value]
    if isinstance(value, ast.JoinedStr):
        parts = [v.value for v in value.values if isinstance(v, ast.FormattedValue)]
        if all(isinstance(p, ast.Name) for p in parts):
            return parts
    return []


@cache
def _views(engine) -> tuple[_RuleView, ...]:
    declared = _declared_classes(engine)
    readable = "*" not in declared and _only_rule_bodies_declare()
    views = []
    for rule in sorted(engine.get_rules(), key=lambda r: meta_of(r).id):
        patterns: list[_Pattern] = []
        gates: list[_Pattern] = []
        plain = _patterns(rule, True, patterns, gates)
        fixed = [g for g in gates if "*" not in declared and g.cls.__name__ not in declared] if plain else []
        derived = [g for g in gates if g.cls.__name__ in declared] if plain and readable else []
        declares = _body_declares(rule) if readable else None
        if declares is None:
            readable = False
        views.append(_RuleView(meta_of(rule), tuple(patterns), tuple(fixed), tuple(derived), declares,
                               _quoted(rule), _closing_only(rule)))
    if not readable:  # some body cannot be read: test no pattern on declared facts
        views = [_RuleView(v.meta, v.patterns, v.gates, quoted=v.quoted) for v in views]
    return tuple(views)


def variant_facts(case: Case, cat: Catalogue) -> tuple[list[Fact], tuple]:
    """The facts the engine is given for ``case`` (on its own date; with a later planned start
    also the Closing facts, a superset of the run on that date) and the run's dates."""
    from advisor.engine.engine import run_dates

    day, later, closings, _ = run_dates(case, cat)
    muni = case.organisation.municipality
    region = cat.municipalities.region_of(muni) if muni else None
    return case_to_facts(case, region, closings), (day, later)


def variant_classes(cases: list[Case], cat: Catalogue, engine, echo: bool = True, texts: bool = True,
                    closed: bool = True) -> list[int]:
    """For each of ``cases``, the index of the first case that provably gets the same advice
    (without ``echo``: apart from the echoed municipality; without ``texts``: apart from the
    wording of its reasons and warnings, i.e. the same recommendations with the same fits and
    groups, rejections, warning codes, missing answers, caveat rules and fired rules).

    Without ``closed`` (and ``texts``), also apart from what the advice says about dead
    instruments: those closed on the run's dates that no rule in force considers. A rule
    whose body only blocks, supports or weakens such instruments and warns that they close
    (``_closing_only``) is then left out of the signatures. Why that is sound: such a rule
    declares nothing, so every other rule still sees the same facts and fires the same, in
    the same order (the agenda orders activations by their own keys; an extra firing that
    adds no fact changes no other activation); the variants' conclusions differ only in
    these rules' conclusions about dead instruments. A dead instrument is never recommended
    (``assemble`` recommends only what is considered; an override cannot recommend a closed
    one), is not open, so its rejection counts nowhere in what the interview compares
    (``advisor.interview``), and the missing answers only count instruments still open; its
    warnings are closing ones, which the interview leaves out. Not the fired rules, nor the
    statuses of dead instruments, are the same then: only what ``_Result.seen_by`` holds."""
    everything = list(range(len(cases)))
    if len(cases) < 2:
        return everything
    first = cases[0]
    for c in cases[1:]:
        if (c.worker_groups is None) != (first.worker_groups is None) or \
                [g.id for g in c.worker_groups or []] != [g.id for g in first.worker_groups or []] or \
                c.service.planned_start != first.service.planned_start or c.as_of != first.as_of or \
                c.overrides != first.overrides:
            return everything
    runs = [variant_facts(c, cat) for c in cases]
    facts = [r[0] for r in runs]
    days = runs[0][1]
    if any(r[1] != days for r in runs):
        return everything
    shape = [type(f) for f in facts[0]]
    if any([type(f) for f in fs] != shape for fs in facts):
        return everything
    varying: dict[int, set] = {}
    for j in range(len(shape)):
        keys = set().union(*(fs[j].keys() for fs in facts))
        diff = {k for k in keys if len({repr(fs[j].get(k, _ABSENT)) for fs in facts}) > 1}
        if diff:
            varying[j] = diff
    # advise echoes the case's municipality on the date: variants that differ there differ
    echoes = [repr(cat.municipalities.on_date(c.organisation, days[0])) if echo and c.organisation.municipality
              else None for c in cases]
    if not varying and len(set(echoes)) == 1:
        return [0] * len(cases)
    by_class: dict[type, list[int]] = {}
    for j, cls in enumerate(shape):
        by_class.setdefault(cls, []).append(j)
    signatures: list[list] = [[e] for e in echoes]
    analysis = _analysis(engine)
    views = analysis.views
    in_force = analysis.in_force(days)
    if not closed:
        in_force -= analysis.muted(days, frozenset(i.id for d in days if d for i in cat.open_on(d)))
    # only the rules with a pattern that reads a differing field (or binds a differing fact)
    # can see a difference; every other rule sees the same on every variant (see _seen)
    readers: set[int] = set()
    for j, fields in varying.items():
        readers.update(analysis.capturing.get(shape[j], ()))
        for name in fields:
            readers.update(analysis.reading.get((shape[j], name), ()))
    may: list[frozenset[str] | None] = [None] * len(cases)
    common: frozenset[int] | None = None
    for v in sorted(readers & in_force):
        view = views[v]
        seen = [_seen(view, fs, by_class, varying, texts) for fs in facts]
        if all(s == seen[0] for s in seen):
            # the rule sees the same on every variant, so its top-level patterns' tests on the
            # differing fields agree too and it can fire on all of them or on none
            continue
        for i, fs in enumerate(facts):
            if may[i] is None:
                if common is None:  # the gates the facts that do not vary pass: the same on every variant
                    common = analysis.passed([f for j, f in enumerate(facts[0]) if j not in varying])
                may[i] = analysis.may_fire([fs[j] for j in varying], days, common)
            signatures[i].append(seen[i] if view.meta.id in may[i] else None)
    first_of: dict[str, int] = {}
    return [first_of.setdefault(repr(sig), i) for i, sig in enumerate(signatures)]


def _field_of(check) -> object:
    """The field a FeatureCheck reads, as ``_reads`` names it."""
    what = check.what
    if isinstance(what, str) and not (what.startswith("__") and what.endswith("__")):
        what = what.split("__")[0]
    return what


class _Analysis:
    """What the rules read and may declare, indexed once per engine, so that one grouping costs
    a few set operations: which rules read a field of a fact class, which bind a whole fact,
    the top-level gates (numbered), and for each gate on declared facts the rules whose body
    may declare a fact that passes it. The results of ``may_fire`` are kept per date and per
    set of gates the facts pass (on which alone they depend)."""

    def __init__(self, views: tuple[_RuleView, ...]):
        self.views = views
        reading: dict[tuple[type, object], set[int]] = {}
        capturing: dict[type, set[int]] = {}
        for v, view in enumerate(views):
            for p in view.patterns:
                if p.captures:
                    capturing.setdefault(p.cls, set()).add(v)
                for c in p.checks:
                    reading.setdefault((p.cls, _field_of(c)), set()).add(v)
        self.reading = {k: frozenset(s) for k, s in reading.items()}
        self.capturing = {k: frozenset(s) for k, s in capturing.items()}
        # the top-level gates on the case's own facts, numbered, per fact class
        # (experta keeps one FeatureCheck object per distinct test, so equal gates share ids)
        gate_ids: dict[tuple, int] = {}
        self.gates: dict[type, list[tuple[int, _Pattern]]] = {}
        self.gates_of: list[frozenset[int]] = []
        for view in views:
            ids = set()
            for g in view.gates:
                key = (g.cls, tuple(id(c) for c in g.checks))
                if key not in gate_ids:
                    gate_ids[key] = len(gate_ids)
                    self.gates.setdefault(g.cls, []).append((gate_ids[key], g))
                ids.add(gate_ids[key])
            self.gates_of.append(frozenset(ids))
        # per gate on declared facts: the rules whose body may declare a fact that may pass it
        declared = [(k, cls, fields) for k, other in enumerate(views) for cls, fields in other.declares or ()]
        self.enablers: list[tuple[frozenset[int], ...]] = [
            tuple(frozenset(k for k, cls, fields in declared if cls is g.cls and _may_pass(g, fields))
                  for g in view.derived_gates)
            for view in views]
        # the reverse: for each rule, the (rule, derived gate) pairs its body may enable
        self.enables: dict[int, list[tuple[int, int]]] = {}
        for v, gates in enumerate(self.enablers):
            for g, enablers in enumerate(gates):
                for k in sorted(enablers):
                    self.enables.setdefault(k, []).append((v, g))
        self._in_force: dict[tuple, frozenset[int]] = {}
        self._muted: dict[tuple, frozenset[int]] = {}
        self._passes: dict[tuple, frozenset[int]] = {}
        self._fired: dict[tuple, frozenset[str]] = {}

    def in_force(self, days: tuple) -> frozenset[int]:
        """The rules in force on one of ``days`` (the date gate lets them fire)."""
        hit = self._in_force.get(days)
        if hit is None:
            hit = self._in_force[days] = frozenset(
                v for v, view in enumerate(self.views) if any(view.meta.in_force(d) for d in days if d))
        return hit

    def muted(self, days: tuple, open_ids: frozenset[str]) -> frozenset[int]:
        """The rules in force on ``days`` whose conclusions concern only dead instruments: open
        on none of the days (``open_ids`` are those open on one) and considered by no rule in
        force, so never recommended (see variant_classes)."""
        key = (days, open_ids)
        hit = self._muted.get(key)
        if hit is None:
            in_force = self.in_force(days)
            alive = set(open_ids)
            for v in in_force:
                declares = self.views[v].declares
                if declares is None:  # the bodies cannot be read: what is considered is unknown
                    alive = None
                    break
                for cls, fields in declares:
                    if cls is Candidate:
                        instrument = dict(fields).get("instrument", _ANY)
                        if instrument is _ANY:
                            alive = None
                            break
                        alive.add(instrument)
                if alive is None:
                    break
            hit = self._muted[key] = frozenset() if alive is None else frozenset(
                v for v in in_force
                if self.views[v].closing_only is not None and self.views[v].closing_only.isdisjoint(alive))
        return hit

    def passes(self, fact: Fact) -> frozenset[int]:
        """The gates of ``fact``'s class whose field tests ``fact`` may pass (none is False)."""
        # facts are keyed by themselves: equal class and fields (their hash is cached on them)
        key = fact
        hit = self._passes.get(key)
        if hit is None:
            if len(self._passes) > 100_000:
                self._passes.clear()
            hit = self._passes[key] = frozenset(
                n for n, gate in self.gates.get(type(fact), ()) if gate.compiled.fields_pass(fact))
        return hit

    def passed(self, facts: list[Fact]) -> frozenset[int]:
        """The gates some of ``facts`` may pass."""
        return frozenset().union(*(self.passes(f) for f in facts))

    def may_fire(self, facts: list[Fact], days: tuple, also: frozenset[int] = frozenset()) -> frozenset[str]:
        """The ids of the rules that may fire on ``facts`` (``_may_fire``, exactly), with the
        gates ``also`` passed by other facts of the run."""
        passed = self.passed(facts) | also
        key = (days, passed)
        hit = self._fired.get(key)
        if hit is None:
            if len(self._fired) > 10_000:
                self._fired.clear()
            waiting = {v for v in self.in_force(days) if self.gates_of[v] <= passed}
            # the least fixpoint: a rule joins once each of its derived gates has an enabler
            # that joined; a worklist of the rules that just joined, each waking those it enables
            missing = {v: len(self.enablers[v]) for v in waiting}
            alive = {v for v, n in missing.items() if n == 0}
            todo = sorted(alive)
            enabled: set[tuple[int, int]] = set()
            while todo:
                k = todo.pop()
                for v, g in self.enables.get(k, ()):
                    if v in missing and v not in alive and (v, g) not in enabled:
                        enabled.add((v, g))
                        missing[v] -= 1
                        if missing[v] == 0:
                            alive.add(v)
                            todo.append(v)
            hit = self._fired[key] = frozenset(self.views[v].meta.id for v in alive)
        return hit


@cache
def _analysis(engine) -> _Analysis:
    analysis = _Analysis(_views(engine))
    gc.freeze()  # built once per process, like the engine: out of the collector's full passes
    return analysis


def _may_fire(views: tuple[_RuleView, ...], facts: list[Fact], by_class: dict[type, list[int]],
              days: tuple) -> frozenset[str]:
    """The ids of the rules that may fire on ``facts``: the least fixpoint of the module
    docstring over the declared facts, read plainly (``_Analysis.may_fire`` computes the same
    from its indexes; tests/test_relevance.py checks that they agree)."""
    derived: dict[type, list[tuple]] = {}
    alive: set[int] = set()
    waiting = [i for i, v in enumerate(views)
               if any(v.meta.in_force(d) for d in days if d) and _can_fire(v, facts, by_class)]
    changed = True
    while changed:
        changed = False
        for i in waiting:
            if i in alive:
                continue
            view = views[i]
            if all(any(_may_pass(g, t) for t in derived.get(g.cls, ())) for g in view.derived_gates):
                alive.add(i)
                changed = True
                for cls, fields in view.declares or ():
                    if fields not in derived.setdefault(cls, []):
                        derived[cls].append(fields)
    return frozenset(views[i].meta.id for i in alive)


@cache  # a pure function of a gate and a declared fact's fields (both few): the fixpoints ask it often
def _may_pass(gate: _Pattern, fields: tuple) -> bool:
    """May a declared fact with ``fields`` (values or _ANY) pass every field test of ``gate``?
    A test on a field the source does not give literally is taken to pass."""
    known = {k: v for k, v in fields if v is not _ANY}
    if not known:
        return True
    fact = gate.cls(**known)
    for c in gate.checks:
        what = c.what
        if isinstance(what, str) and what in known and c(fact) is False:
            return False
    return True


_ABSENT = object()


def _seen(view: _RuleView, fs: list[Fact], by_class: dict[type, list[int]], varying: dict[int, set],
          texts: bool = True) -> tuple:
    """What ``view``'s patterns see of the differing fields of facts ``fs``: each field test's
    result (experta's False, True or bindings), as the matcher computes it; without ``texts``,
    not the values of the bindings the rule only quotes. A fact that fails a pattern's test
    on a field that does not differ is seen as nothing (None): the pattern matches it on no
    variant."""
    ignore = () if texts else view.quoted
    seen = []
    for p in view.patterns:
        for j in by_class.get(p.cls, ()):
            if j not in varying:
                continue
            sees = p.compiled.view(fs[j], varying[j], ignore)
            if p.captures and sees is not None:  # the body gets the whole fact
                sees = repr(sorted(fs[j].items(), key=repr))
            seen.append(sees)
    return tuple(seen)


def _can_fire(view: _RuleView, facts: list[Fact], by_class: dict[type, list[int]]) -> bool:
    for gate in view.gates:
        if not any(all(c(facts[j]) is not False for c in gate.checks) for j in by_class.get(gate.cls, ())):
            return False
    return True
