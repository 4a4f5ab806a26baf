"""The indexed matcher against experta's own Rete: the same firings, in the same order, with
the same conclusions, on every scenario, on generated cases and on generated rule bases
that use the constructs the rule base does not (OR, TEST, AS, retraction)."""
from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import advisor.engine.engine as eng
from advisor.engine._experta import AS, MATCH, NOT, OR, TEST, Fact, FullScanDepthStrategy, KnowledgeEngine, P, Rule
from advisor.engine._experta import ReteMatcher
from advisor.engine.matcher import IndexedMatcher, Unsupported
from advisor.knowledge import catalogue
from advisor.regression.scenarios import collect
from case_strategies import cases

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rete():
    """The advisor's engine with experta's ReteMatcher in place of ours (built in about 0.6 s)."""
    return type("ReteEngine", (eng.engine().__class__,), {"__matcher__": ReteMatcher})()


def _run(engine, case, day):
    muni = case.organisation.municipality
    region = catalogue().municipalities.region_of(muni) if muni else None
    conclusions = [(c.kind, c.meta.id, c.instrument, c.group, c.path, c.code, repr(sorted(c.params.items())),
                    tuple((m.id, repr(sorted(p.items()))) for m, p in c.support))
                   for c in engine.run_case(case, day, region)]
    return conclusions, list(engine.fired), list(engine.skipped)


def test_the_engine_uses_the_indexed_matcher():
    assert isinstance(eng.engine().matcher, IndexedMatcher)


ENTRIES = [e for e in collect([ROOT / "scenarios"]) if e.loaded]
PARTS = 5  # the experta Rete takes about 40 ms a scenario: in parts, so that workers share them


def test_every_scenario_is_in_a_part():
    assert len(ENTRIES) > 200 and sorted(e.id for p in range(PARTS) for e in ENTRIES[p::PARTS]) == sorted(
        e.id for e in ENTRIES)


@pytest.mark.parametrize("part", range(PARTS))
def test_every_scenario_fires_and_concludes_as_with_the_rete(rete, part):
    for e in ENTRIES[part::PARTS]:
        case = e.loaded.scenario.case
        day = case.as_of or date(2026, 1, 1)
        assert _run(eng.engine(), case, day) == _run(rete, case, day), e.id


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(cases)
def test_generated_cases_fire_and_conclude_as_with_the_rete(rete, case):
    assert _run(eng.engine(), case, case.as_of) == _run(rete, case, case.as_of)


# --- a generated rule base, for what the advisor's rules do not use --------------------------

class A(Fact):
    pass


class B(Fact):
    pass


class Toy(KnowledgeEngine):
    """Rules with bindings across patterns, NOT with and without bindings, OR, TEST, AS and
    a literal index; each firing is recorded in ``log`` with its bindings."""
    __strategy__ = FullScanDepthStrategy

    @Rule(A(x=MATCH.x), B(x=MATCH.x))
    def join(self, x):
        self.log.append(("join", x))

    @Rule(A(x=MATCH.x, y=MATCH.x))
    def same(self, x):
        self.log.append(("same", x))

    @Rule(A(x=MATCH.x), NOT(B(x=MATCH.x)))
    def lonely(self, x):
        self.log.append(("lonely", x))

    @Rule(NOT(B()))
    def no_b(self):
        self.log.append(("no_b",))

    @Rule(OR(A(x=1), B(x=1)), A(y=MATCH.y))
    def either(self, y):
        self.log.append(("either", y))

    @Rule(A(x=MATCH.x), A(x=MATCH.z), TEST(lambda x, z: x < z))
    def ordered(self, x, z):
        self.log.append(("ordered", x, z))

    @Rule(AS.fact << B(x=P(lambda v: v % 2 == 0) & MATCH.x))
    def even(self, fact, x):
        self.log.append(("even", x, dict(fact)))

    @Rule(B(x=2))
    def two(self):
        self.log.append(("two",))


@cache
def _toy_engine(matcher):
    """One engine of each matcher, built once (a reset empties it)."""
    engine = type(f"Toy{matcher.__name__}", (Toy,), {"__matcher__": matcher})()
    engine.log = []
    return engine


ops = st.lists(st.one_of(
    st.tuples(st.just("A"), st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.just("B"), st.integers(0, 3), st.just(0)),
    st.tuples(st.just("retract"), st.integers(0, 8), st.just(0)),
    st.tuples(st.just("run"), st.just(0), st.just(0)),
), max_size=14)


def _play(matcher, steps):
    """After each step: the agenda and the firings of the step, each sorted (the toy rules have
    no ids, so ties between them are broken by the names of captured facts, which differ)."""
    engine = _toy_engine(matcher)
    log = engine.log
    log.clear()
    engine.reset()
    seen = []
    for kind, x, y in (*steps, ("run", 0, 0)):
        if kind == "A":
            engine.declare(A(x=x, y=y))
        elif kind == "B":
            engine.declare(B(x=x))
        elif kind == "retract":
            ids = sorted(engine.facts)
            if len(ids) > 1:
                engine.retract(ids[1 + x % (len(ids) - 1)])  # never the InitialFact
        else:
            engine.run()
        agenda = sorted((a.rule.__name__, sorted(f["__factid__"] for f in a.facts),
                         sorted((k, repr(v)) for k, v in a.context.items() if not k.startswith("__")))
                        for a in engine.agenda.activations)
        seen.append((kind, agenda, sorted(log)))
        log.clear()
    return seen


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops)
def test_a_generated_rule_base_fires_as_with_the_rete(steps):
    assert _play(IndexedMatcher, steps) == _play(ReteMatcher, steps)


def test_an_unsupported_construct_is_refused_at_build():
    from advisor.engine._experta import EXISTS

    class Exists(KnowledgeEngine):
        __matcher__ = IndexedMatcher

        @Rule(EXISTS(A()))
        def any_a(self):
            pass

    with pytest.raises(Unsupported):
        Exists()
