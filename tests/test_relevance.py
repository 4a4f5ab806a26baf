"""The interview's shortcut (advisor.engine.relevance) against the engine: variants of a case
that it puts in one class get exactly the same advice (byte for byte, as JSON).

The variants are those the interview tries: for each question, the case with that answer
replaced by each of its probes. Checked on a fixed sample of the scenarios (all of them with
ADVISOR_REPLAY_ALL=1) and on generated cases."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from advisor.engine.engine import advise, engine
from advisor.engine.relevance import _analysis, _may_fire, _views, variant_classes, variant_facts
from advisor.interview.interview import Ask, Interview, _caveats, _Result, _status, case_values, outcome_of
from advisor.knowledge import catalogue
from advisor.models import Case
from advisor.regression.scenarios import load_scenario, scenario_files
from case_strategies import cases as generated_cases

ROOT = Path(__file__).resolve().parent.parent
ALL = scenario_files([ROOT / "scenarios"])
EVERYTHING = bool(os.environ.get("ADVISOR_REPLAY_ALL"))
# each case runs the engine on every grouped probe of every question (seconds per case):
# the default suite takes every 50th scenario and a few generated cases, ADVISOR_REPLAY_ALL=1
# all of them and more generated cases
SAMPLE = ALL if EVERYTHING else ALL[::50]


def _json(advice) -> str:
    """The advice's JSON, as `advise --format json` has it but without the indentation (with
    which the json module cannot use its C encoder)."""
    return json.dumps(advice.model_dump(mode="json"), ensure_ascii=False)


def _without_echo(advice) -> str:
    # the advice's echo of the case's municipality: what ``echo=False`` leaves out
    return _json(advice.model_copy(update={"municipality": None}))


def _outcome(advice) -> tuple:
    """What the interview compares of an advice (its _Result): recommendations with their fit
    and groups, rejections, warning codes, statuses, fired rules, missing answers, caveats."""
    recs, rejected, warnings = outcome_of(advice)
    return (sorted(recs), rejected, warnings, sorted(_status(advice).items()), advice.fired,
            [(n.field, n.affects, n.rules) for n in advice.needs_info], _caveats(advice))


def _decisive(advice) -> tuple:
    """What the interview's ``decisive`` compares of an advice (``_Result.seen_by``, with every
    missing answer): what it says about open instruments, without the closing warnings."""
    still_open = frozenset(i.id for i in catalogue().open_on(advice.as_of))
    result = _Result(outcome_of(advice), _status(advice), frozenset(advice.fired),
                     {n.field: n for n in advice.needs_info}, _caveats(advice))
    return result.seen_by("", still_open)


#: the groupings checked: (echo, texts, closed) -> what two advices of one class must share
MODES = {(True, True, True): _json, (False, True, True): _without_echo, (False, False, True): _outcome,
         (False, False, False): _decisive}


def check_variants(case: Case, run: bool = True, echo: bool = True, texts: bool = True, closed: bool = True,
                   modes: tuple[tuple[bool, bool, bool], ...] | None = None) -> int:
    """Check every grouping of the probes of ``case``'s questions against the engine (with
    ``run``); return how many probes were grouped with an earlier one. Without ``echo``, the
    advice is compared without its echo of the municipality; without ``texts`` (and echo), the
    grouping the interview uses: only what the interview compares (``_outcome``); without
    ``closed`` as well, what ``decisive`` compares (``_decisive``). ``modes``
    checks several groupings at once, each variant advised once."""
    grouped = 0
    for path, probes, variants in _probe_variants(case):
        advices: dict[int, object] = {}

        def advice(i):
            if i not in advices:
                advices[i] = advise(variants[i], lang="en")
            return advices[i]

        for mode in modes or ((echo, texts, closed),):
            show = MODES[mode]
            classes = variant_classes(variants, catalogue(), engine(), *mode)
            for i, rep in enumerate(classes):
                if rep == i:
                    continue
                grouped += 1
                if run:
                    assert show(advice(i)) == show(advice(rep)), (
                        f"{path}: probes {probes[rep]} and {probes[i]} were grouped ({mode}), but their advice differs")
    return grouped


def _probe_variants(case: Case):
    """For each of ``case``'s questions, as the interview asks it with every other answer given:
    the field path, the probe answers the interview tries and the case each one gives."""
    as_of = case.as_of or date.today()
    values = case_values(case)
    full = Interview(as_of, answers=values, overrides=case.overrides)
    for q in full.questions:
        for group in (full.group_ids() if q.per_group else [None]):
            path = q.path(group)
            rest = {k: v for k, v in values.items() if k != path}
            iv = Interview(as_of, answers=rest, overrides=case.overrides)
            probes = iv.probe_sets(Ask(q, group, path))
            yield path, probes, [iv.case({**rest, **p}) for p in probes]


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.stem)
def test_grouped_probes_get_the_same_advice_on_scenarios(path):
    check_variants(load_scenario(path).scenario.case)


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.stem)
def test_grouped_probes_get_the_same_advice_but_the_echo_on_scenarios(path):
    check_variants(load_scenario(path).scenario.case, echo=False)


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.stem)
def test_grouped_probes_get_the_same_outcome_on_scenarios(path):
    check_variants(load_scenario(path).scenario.case, echo=False, texts=False)


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.stem)
def test_grouped_probes_get_the_same_decisive_outcome_on_scenarios(path):
    check_variants(load_scenario(path).scenario.case, echo=False, texts=False, closed=False)


@settings(max_examples=100 if EVERYTHING else 8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_cases)
def test_grouped_probes_get_the_same_advice_on_generated_cases(case):
    check_variants(case, modes=tuple(MODES))


def test_grouping_by_outcome_saves_more_runs():
    # quoted values (the FTE in "the groups count {fte} FTE") split probes by wording only
    a61 = next(p for p in ALL if p.name.startswith("a61-2026-company-employer"))
    case = load_scenario(a61).scenario.case
    assert check_variants(case, run=False, echo=False, texts=False) > check_variants(case, run=False, echo=False)


def test_leaving_out_dead_instruments_saves_more_runs():
    # in 2026 a company's groups' months without work decide only about closed instruments
    # (WEP+, ACTIVA, sociale werkplaats): a closing rule's block and warning
    twe = next(p for p in ALL if p.name.startswith("twe-2026-company-employer-mixed-groups"))
    case = load_scenario(twe).scenario.case
    saved = check_variants(case, echo=False, texts=False, closed=False)
    assert saved > check_variants(case, run=False, echo=False, texts=False) + 10


def test_closing_only_reads_the_closing_rules():
    views = {v.meta.id: v for v in _views(engine())}
    assert views["SW-090"].closing_only == {"sociale-werkplaats"}   # block(SW, group) and warn("instrument-closed", SW)
    assert views["TWE-011"].closing_only == {"tijdelijke-werkervaring"}   # a block only
    assert views["TWE-002"].closing_only is None    # it considers
    assert views["TWE-012"].closing_only is None    # it asks for an answer


def test_the_check_has_grouped_probes_to_compare():
    # the shortcut must save engine runs on a worked example, or the checks above check nothing
    ex3 = next(p for p in ALL if p.name.startswith("ex3-"))
    assert check_variants(load_scenario(ex3).scenario.case, run=False) > 10


def _variant_fact_sets(case: Case):
    """The facts and dates of every variant the interview tries on ``case``'s questions."""
    for _, _, variants in _probe_variants(case):
        for variant in variants:
            yield variant_facts(variant, catalogue())


def check_may_fire(case: Case) -> int:
    """The indexed, cached "may fire" (``_Analysis.may_fire``) against the plain fixpoint
    (``_may_fire``) on every variant of ``case``; return how many were compared."""
    analysis = _analysis(engine())
    compared = 0
    for facts, days in _variant_fact_sets(case):
        by_class: dict[type, list[int]] = {}
        for j, f in enumerate(facts):
            by_class.setdefault(type(f), []).append(j)
        assert analysis.may_fire(facts, days) == _may_fire(analysis.views, facts, by_class, days)
        compared += 1
    return compared


# the plain fixpoint costs about 30 ms a variant: a sample by default, all with ADVISOR_REPLAY_ALL=1
@pytest.mark.parametrize("path", ALL if EVERYTHING else ALL[::60], ids=lambda p: p.stem)
def test_the_indexed_may_fire_is_the_plain_fixpoint_on_scenarios(path):
    assert check_may_fire(load_scenario(path).scenario.case) > 0


@settings(max_examples=100 if EVERYTHING else 4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_cases)
def test_the_indexed_may_fire_is_the_plain_fixpoint_on_generated_cases(case):
    assert check_may_fire(case) > 0
