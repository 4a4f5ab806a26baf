"""An indexed matcher for experta engines: the same activations as experta's Rete, for less.

experta's Rete walks a chain of one-input nodes per pattern (type, then each field check,
then a node that captures the fact), copies a token at every node and keeps two memories
per join; on a rule base of this size that is most of a consultation. Our rules need far
less: patterns on facts, field constraints (literals, predicates, bindings and ``&`` of
those), ``NOT`` of a pattern and ``TEST``; and the engine only ever adds facts between two
resets. So this matcher keeps, per pattern, the facts that pass its field checks (found
through an index on the pattern's literal fields) and, per rule, its current matches; a new
fact is joined only with the patterns it passes. It implements experta's ``Matcher``
interface (``changes``, ``reset``), so the engine, its agenda and strategy are experta's.

The semantics are experta's, read from its Rete (``experta/matchers/rete``): a fact matches
a pattern of exactly its class; a missing field fails; a binding must agree with the same
name bound earlier in the pattern and in the rule; ``NOT`` is judged on the bindings of
the patterns before it; an activation's facts and context are those the Rete would give
(each pattern's fact captured under a name, here numbered in build order instead of by
object id, so names are the same in every process). ``tests/test_matcher.py`` compares
both matchers' firings on every scenario and on generated cases.
"""
from __future__ import annotations

import inspect
from functools import partial
from operator import eq

from advisor.engine._experta import (
    ANDFC, NOT, NOTFC, OR, ORFC, TEST, Activation, Fact, FieldConstraint, InitialFact, L, Matcher, P, W,
    key_repr, prepare_rule,
)

_MISSING = object()


class Unsupported(TypeError):
    """A rule uses a construct this matcher does not implement (the Rete would be needed)."""


def _split(value) -> tuple[list, list[str]]:
    """A field constraint as the predicates its value must pass and the names the value is
    bound to: experta's FeatureCheck functions taken apart (a literal is an equality; an ``&``
    passes when every part passes and binds what each part binds)."""
    if not isinstance(value, FieldConstraint):
        value = L(value)
    if isinstance(value, ANDFC):
        filters, names = [], []
        for part in value:
            part_filters, part_names = _split(part)
            filters += part_filters
            names += part_names
        return filters, names
    if isinstance(value, L):
        filters = [partial(eq, value.value)]  # experta tests ``expected == actual``
    elif isinstance(value, P):
        filters = [value.match]
    elif isinstance(value, W):
        filters = []
    else:
        raise Unsupported(f"field constraint {type(value).__name__}")
    return filters, [] if value.__bind__ is None else [value.__bind__]


class Pattern:
    """One fact pattern (shared by every rule that uses an equal one): its field checks and
    the facts of the working memory that pass them, with their bindings."""

    __slots__ = ("cls", "needs", "filters", "binders", "names", "literals", "capture", "memory", "uses",
                 "negated_uses")

    def __init__(self, pattern: Fact, capture: str):
        self.cls = type(pattern)
        if getattr(self.cls, "__fields__", None):
            raise Unsupported(f"{self.cls.__name__} declares fields with defaults")
        self.capture = pattern.get("__bind__") or capture
        needs, filters, binders = [], [], []
        self.literals = {}  # field -> value, for the index
        for key, value in pattern.items():
            if key == "__bind__":
                continue
            if isinstance(key, str) and "__" in key:
                raise Unsupported(f"nested or special field {key!r}")
            if not isinstance(value, FieldConstraint) or (isinstance(value, L) and value.__bind__ is None):
                literal = value.value if isinstance(value, L) else value
                try:
                    hash(literal)
                    self.literals[key] = literal
                except TypeError:
                    pass
            key_filters, key_names = _split(value)
            needs.append(key)
            filters += [(key, f) for f in key_filters]
            binders += [(key, name) for name in key_names]
        self.needs, self.filters, self.binders = tuple(needs), tuple(filters), tuple(binders)
        self.names = frozenset([self.capture, *(name for _, name in binders)])  # bound on every match
        self.memory: list[tuple[Fact, dict]] = []
        self.uses: list[tuple[Alternative, int]] = []          # where the pattern is positive
        self.negated_uses: list[tuple[Alternative, int]] = []  # where it is inside NOT

    def fields_pass(self, fact: Fact) -> bool:
        """Does ``fact`` pass each field test on its own (bindings aside)? What each of
        experta's FeatureChecks of the pattern, called one by one, would say."""
        for key in self.needs:
            if key not in fact:
                return False
        for key, passes in self.filters:
            if not passes(fact[key]):
                return False
        return True

    def view(self, fact: Fact, fields, ignore=()) -> tuple | None:
        """What the pattern's tests on ``fields`` see of ``fact``: per tested field among them,
        False when it is absent or fails a test, else the values it binds (experta's
        FeatureCheck result: False, True or the bindings), but for the names in ``ignore``.
        None when ``fact`` fails a test on another field: then no value of ``fields`` lets
        the pattern match it."""
        for key in self.needs:
            if key not in fields and (key not in fact or not all(
                    passes(fact[key]) for k, passes in self.filters if k == key)):
                return None
        out = []
        for key in self.needs:
            if key not in fields:
                continue
            if key not in fact or not all(passes(fact[key]) for k, passes in self.filters if k == key):
                out.append(False)
            else:
                out.append(tuple((name, fact[key]) for k, name in self.binders if k == key and name not in ignore))
        return tuple(out)

    def test(self, fact: Fact):
        """The bindings of ``fact`` on this pattern (with the fact's capture), or None."""
        for key in self.needs:
            if key not in fact:  # a missing field fails
                return None
        return self.test_fields(fact)

    def test_fields(self, fact: Fact):
        """``test``, for a fact known to have every field the pattern needs."""
        for key, passes in self.filters:
            if not passes(fact[key]):
                return None
        binds = {}
        for key, name in self.binders:
            value = fact[key]
            if name in binds and binds[name] != value:
                return None
            binds[name] = value
        binds[self.capture] = fact
        return binds


class Alternative:
    """One conjunction of a rule's LHS (a rule with OR has several): its items in order, and
    for each item the names it shares with the items before it (which must agree)."""

    __slots__ = ("rule", "items", "shared", "pair", "names", "rule_key", "matches")

    def __init__(self, rule, items):
        self.rule = rule
        self.items = items  # ("pos" | "not", Pattern) or ("test", (function, parameter names))
        self.shared = []
        bound: set[str] = set()
        for kind, what in items:
            if kind == "test":
                self.shared.append(())
                continue
            self.shared.append(tuple(sorted(what.names & bound)))
            if kind == "pos":
                bound |= what.names
        self.pair = [kind for kind, _ in items] == ["pos", "pos"]
        self.names = tuple(sorted(bound))  # the context's keys, in the order the agenda's key sorts them
        meta = getattr(rule, "rule_meta", None)
        self.rule_key = (rule.salience, meta.id if meta else "")
        self.matches: dict[tuple, Activation] = {}  # the facts per positive item -> activation

    def join(self, pinned: int = -1, fact=None, binds=None) -> list[tuple[tuple, dict]]:
        """Every match of the items, with item ``pinned`` taking only ``fact``: a list of
        (key, context). An item agrees with the context when each name they share has an
        equal value (experta's SameContextCheck); NOT holds when no fact of its pattern agrees."""
        if self.pair and pinned >= 0:  # most rules: two patterns, and one of them is given
            names = self.shared[1]
            out = []
            for other, obinds in self.items[1 - pinned][1].memory:
                left, right = (binds, obinds) if pinned == 0 else (obinds, binds)
                for name in names:
                    if left[name] != right[name]:
                        break
                else:
                    out.append(((fact, other) if pinned == 0 else (other, fact), {**left, **right}))
            return out
        items, shared, last, out = self.items, self.shared, len(self.items), []

        def walk(n, context, chosen):
            if n == last:
                out.append((tuple(chosen), context))
                return
            kind, what = items[n]
            names = shared[n]
            if kind == "pos":
                for candidate, cbinds in ((fact, binds),) if n == pinned else what.memory:
                    for name in names:
                        if context[name] != cbinds[name]:
                            break
                    else:
                        chosen.append(candidate)
                        walk(n + 1, {**context, **cbinds}, chosen)
                        chosen.pop()
            elif kind == "not":
                for _, nbinds in what.memory:
                    if all(context[name] == nbinds[name] for name in names):
                        return
                walk(n + 1, context, chosen)
            else:
                function, parameters = what
                if function(**{name: context.get(name) for name in parameters}):
                    walk(n + 1, context, chosen)

        if len(items) == 1 and pinned == 0:
            return [((fact,), binds)]
        walk(0, {}, [])
        return out

    def activation(self, facts: tuple, context: dict) -> Activation:
        """The activation of a match, with the key FullScanDepthStrategy.get_key would give it
        (salience, fact ids from the newest, rule id, bindings), made from what is known here."""
        activation = Activation(self.rule, facts, context)
        salience, rule_id = self.rule_key
        activation.key = (salience, sorted({f["__factid__"] for f in facts}, reverse=True), rule_id,
                          [(name, key_repr(context[name])) for name in self.names])
        return activation

    def still_holds(self, key: tuple) -> bool:
        """Whether the NOT items still hold for the match with the facts ``key``."""
        context, facts = {}, iter(key)
        for (kind, what), names in zip(self.items, self.shared):
            if kind == "pos":
                context.update(what.test(next(facts)))
            elif kind == "not":
                for _, nbinds in what.memory:
                    if all(context[name] == nbinds[name] for name in names):
                        return False
        return True


class IndexedMatcher(Matcher):
    """experta's Matcher interface over Patterns and Alternatives (see the module text)."""

    def __init__(self, engine):
        super().__init__(engine)
        self.patterns: dict[Fact, Pattern] = {}
        self.alternatives: list[Alternative] = []
        for rule in sorted(engine.get_rules(), key=_rule_order):
            prepared = _prepare(rule)
            # a rule with OR has one conjunction per alternative, as in ReteMatcher.build_beta_part
            lhs = list(prepared[0]) if isinstance(prepared[0], OR) else [prepared]
            for conjunction in lhs:
                # the prepared copy fires, as in the Rete: it is not bound to an engine
                self._add_alternative(prepared, conjunction)
        self._index = self._build_index()
        self._dirty_patterns: list[Pattern] = []
        self._dirty_alternatives: dict[Alternative, None] = {}

    def _pattern(self, fact: Fact) -> Pattern:
        # equal patterns of different rules share their memory (as they share Rete nodes);
        # equality of patterns is experta's (a predicate is equal only to itself)
        pattern = self.patterns.get(fact)
        if pattern is None:
            pattern = self.patterns[fact] = Pattern(fact, f"__pattern_{len(self.patterns)}__")
        return pattern

    def _add_alternative(self, rule, conjunction) -> None:
        elements = [conjunction] if isinstance(conjunction, Fact) else list(conjunction)
        items = []
        for element in elements:
            if isinstance(element, NOT):
                if len(element) != 1 or not isinstance(element[0], Fact):
                    raise Unsupported(f"NOT of {type(element[0]).__name__}")
                items.append(("not", self._pattern(element[0])))
            elif isinstance(element, TEST):
                function = element[0]
                items.append(("test", (function, tuple(inspect.signature(function).parameters))))
            elif isinstance(element, Fact):
                items.append(("pos", self._pattern(element)))
            else:
                raise Unsupported(f"conditional element {type(element).__name__}")
        alternative = Alternative(rule, items)
        for n, (kind, what) in enumerate(items):
            if kind == "pos":
                what.uses.append((alternative, n))
            elif kind == "not":
                what.negated_uses.append((alternative, n))
        self.alternatives.append(alternative)

    def _build_index(self) -> dict[type, tuple]:
        """Per fact class: the field most patterns test for a literal, the patterns by that
        literal, and the patterns without it; each set of patterns grouped by the fields they
        need (a fact without one of them passes none of the group)."""
        by_class: dict[type, list[Pattern]] = {}
        for pattern in self.patterns.values():
            by_class.setdefault(pattern.cls, []).append(pattern)
        index = {}
        for cls, patterns in by_class.items():
            counts: dict = {}
            for pattern in patterns:
                for key in pattern.literals:
                    counts[key] = counts.get(key, 0) + 1
            key = max(sorted(counts, key=repr), key=counts.__getitem__) if counts else None
            by_value: dict = {}
            rest = []
            for pattern in patterns:
                if key is not None and key in pattern.literals:
                    by_value.setdefault(pattern.literals[key], []).append(pattern)
                else:
                    rest.append(pattern)
            index[cls] = (key, {value: _by_needs(ps) for value, ps in by_value.items()}, _by_needs(rest))
        return index

    def _candidates(self, fact: Fact):
        """The groups of patterns ``fact`` may pass: (fields they need, patterns)."""
        entry = self._index.get(type(fact))
        if entry is None:
            return ()
        key, by_value, rest = entry
        if key is None:
            return rest
        try:
            value = fact[key]
        except (IndexError, KeyError, TypeError):
            value = _MISSING
        try:
            indexed = by_value.get(value, ())
        except TypeError:  # an unhashable value: test every pattern
            indexed = [group for groups in by_value.values() for group in groups]
        return (*rest, *indexed) if indexed else rest

    def changes(self, adding=None, deleting=None):
        added: list[Activation] = []
        removed: list[Activation] = []
        if deleting:
            self._delete(deleting, added, removed)
        hits = []
        for fact in adding or ():
            fields = fact.keys()
            for needs, patterns in self._candidates(fact):
                if not fields >= needs:
                    continue
                for pattern in patterns:
                    binds = pattern.test_fields(fact)
                    if binds is not None:
                        if not pattern.memory:
                            self._dirty_patterns.append(pattern)
                        pattern.memory.append((fact, binds))
                        hits.append((pattern, fact, binds))
        # a new fact inside a NOT withdraws the matches it now excludes ...
        for pattern, fact, binds in hits:
            for alternative, _ in pattern.negated_uses:
                for key in [k for k in alternative.matches if not alternative.still_holds(k)]:
                    removed.append(alternative.matches.pop(key))
        # ... and each new fact makes the matches it takes part in
        for pattern, fact, binds in hits:
            for alternative, position in pattern.uses:
                matches = alternative.matches
                for key, context in alternative.join(position, fact, binds):
                    if key not in matches:
                        activation = alternative.activation(key, context)
                        matches[key] = activation
                        self._dirty_alternatives[alternative] = None
                        added.append(activation)
        return added, removed

    def _delete(self, deleting, added, removed) -> None:
        # the engine never retracts between resets; this is the plain, slow way, for
        # experta's interface: drop the facts and match the concerned rules anew
        gone = {id(f) for f in deleting}
        concerned: dict[Alternative, None] = {}
        for pattern in self.patterns.values():
            kept = [(f, b) for f, b in pattern.memory if id(f) not in gone]
            if len(kept) != len(pattern.memory):
                pattern.memory[:] = kept
                for alternative, _ in (*pattern.uses, *pattern.negated_uses):
                    concerned[alternative] = None
        for alternative in concerned:
            now = {key: context for key, context in alternative.join()}
            for key in [k for k in alternative.matches if k not in now]:
                removed.append(alternative.matches.pop(key))
            for key, context in now.items():
                if key not in alternative.matches:
                    alternative.matches[key] = activation = alternative.activation(key, context)
                    self._dirty_alternatives[alternative] = None
                    added.append(activation)

    def reset(self):
        for pattern in self._dirty_patterns:
            pattern.memory.clear()
        for alternative in self._dirty_alternatives:
            alternative.matches.clear()
        self._dirty_patterns.clear()
        self._dirty_alternatives.clear()


def _by_needs(patterns: list[Pattern]) -> tuple[tuple[frozenset, tuple[Pattern, ...]], ...]:
    groups: dict[frozenset, list[Pattern]] = {}
    for pattern in patterns:
        groups.setdefault(frozenset(pattern.needs), []).append(pattern)
    return tuple((needs, tuple(ps)) for needs, ps in groups.items())


def _prepare(rule):
    """experta's prepare_rule (disjunctive normal form, InitialFact first where the Rete needs
    it), without its cost for a rule of plain patterns: for those the normal form is the rule
    itself, so only the InitialFact is added as prepare_rule would add it."""
    if not all(_plain(ce) or (isinstance(ce, NOT) and len(ce) == 1 and _plain(ce[0])) for ce in rule):
        return prepare_rule(rule)
    elements = list(rule)
    if not elements or isinstance(elements[0], NOT) or not any(isinstance(ce, (Fact, NOT)) for ce in elements):
        elements.insert(0, InitialFact())
    return rule.new_conditions(*elements)


def _plain(ce) -> bool:
    return isinstance(ce, TEST) or (isinstance(ce, Fact) and not any(map(_has_or, ce.values())))


def _has_or(value) -> bool:
    if isinstance(value, ORFC):
        return True
    return isinstance(value, (ANDFC, NOTFC)) and any(map(_has_or, value))


def _rule_order(rule) -> str:
    meta = getattr(rule, "rule_meta", None)
    return meta.id if meta else getattr(rule, "__name__", "")
