"""How fast the interview chooses the next question, and how many it asks.

Replays an interview over every sample case (answers from the case, "I don't know" for an
absent field) and measures each choice of the next question (``Interview.next``) in CPU time,
from a cold per-interview cache, as in a real session, with the number of advices it ran.
The last choice of each interview (the one that finds nothing left to ask, which tries every
remaining question) is reported apart. Also: the questions asked against the fields of the
cases, and whether the interview reached the recommendations of the full case.

    python benchmarks/bench_interview.py [--quick] [--repeat N] [scenarios/...]

``--quick`` takes every eighth sample case (about a minute here). ``--repeat N`` replays each
interview N times (each from a cold cache) and takes, per choice, the least CPU time of the N,
as ``timeit`` does: on a shared machine other processes only ever add to a measurement, and a
single replay's maximum is mostly the moment the machine was busiest. The advices per choice
are the same in every replay (checked).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import advisor.engine.engine as engine_module  # noqa: E402
from advisor.engine.engine import engine  # noqa: E402
from advisor.interview.interview import UNKNOWN, Interview, case_values, outcome_of  # noqa: E402
try:  # the interviews of a process share their results (a resumed session starts warm)
    from advisor.interview.interview import clear_shared_caches  # noqa: E402
except ImportError:  # older code: every Interview starts cold anyway
    def clear_shared_caches() -> None:
        pass
from advisor.knowledge import catalogue  # noqa: E402
from advisor.regression.scenarios import load_scenario, scenario_files  # noqa: E402


def pct(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(len(values) * q))]


def report(label: str, cpu: list[float], advices: list[int]) -> None:
    if not cpu:
        return
    cpu = sorted(cpu)
    print(f"{label} (n={len(cpu)}): CPU median {statistics.median(cpu):.1f} ms, p90 {pct(cpu, 0.9):.1f} ms, "
          f"p95 {pct(cpu, 0.95):.1f} ms, p99 {pct(cpu, 0.99):.1f} ms, max {cpu[-1]:.1f} ms; "
          f"advices per choice: median {statistics.median(advices):.0f}, max {max(advices)}; "
          f"under 50 ms: {sum(c < 50 for c in cpu) / len(cpu):.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="every eighth sample case only")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="replay each interview N times; per choice, the least CPU time")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()

    engine()  # build the rule engine once, outside the timings
    # and the static analysis of the rules the interview's grouping of probes reads (built
    # once per process, like the engine; older code names it differently, or has none)
    from advisor.engine import relevance

    warm = getattr(relevance, "_analysis", None) or getattr(relevance, "_views", None)
    if warm is not None:
        warm(engine())
    files = scenario_files(args.paths or [str(ROOT / "scenarios")])
    if args.quick:
        files = files[::8]
    counted = [0]
    real_advise = engine_module.advise

    def counting_advise(*a, **kw):
        counted[0] += 1
        return real_advise(*a, **kw)

    engine_module.advise = counting_advise  # the interview looks it up at each call
    choices: list[float] = []
    choice_advices: list[int] = []
    finals: list[float] = []
    final_advices: list[int] = []
    slowest: list[tuple[float, int, str, str]] = []
    asked = known = fields = same = 0
    for path in files:
        case = load_scenario(path).scenario.case
        values = case_values(case)
        replays = [replay(case, values, counted) for _ in range(args.repeat)]
        steps = replays[0][0]
        assert all(r[0] == steps for r in replays), f"{path.stem}: the replays differ"
        for n, (chosen, runs) in enumerate(steps):
            spent = min(r[1][n] for r in replays)
            (finals if chosen is None else choices).append(spent)
            (final_advices if chosen is None else choice_advices).append(runs)
            slowest.append((spent, runs, path.stem, chosen or "(nothing left to ask)"))
            if chosen is not None:
                asked += 1
                known += values.get(chosen, UNKNOWN) is not UNKNOWN
        iv = replays[0][2]
        fields += len(values)
        full = outcome_of(real_advise(case, lang="en"))
        got = outcome_of(real_advise(iv.case(), lang="en"))
        still_open = {i.id for i in catalogue().open_on(case.as_of or date.today())}
        same += set(full[0]) == set(got[0]) and not (set(got[1]) - set(full[1])) & still_open
    engine_module.advise = real_advise
    n = len(files)
    print(f"sample cases: {n}; choices of the next question: {len(choices) + len(finals)}"
          + (f"; per choice the least CPU time of {args.repeat} replays" if args.repeat > 1 else ""))
    report("next question", choices, choice_advices)
    report("last choice (nothing left to ask)", finals, final_advices)
    report("all choices", choices + finals, choice_advices + final_advices)
    print("slowest choices:")
    for spent, runs, name, chosen in sorted(slowest, reverse=True)[:5]:
        print(f"  {spent:.1f} ms, {runs} advices: {name} -> {chosen}")
    print(f"questions asked: {asked / n:.2f} on average ({known / n:.2f} answered, "
          f"{(asked - known) / n:.2f} 'don't know'); fields per case: {fields / n:.2f}")
    print(f"same recommendations as the full case, no extra rejection of an open instrument: {same}/{n}")


def replay(case, values: dict, counted: list[int]) -> tuple[list[tuple[str | None, int]], list[float], Interview]:
    """One interview of ``case`` from a cold cache: per choice (the question chosen, None for
    the last, and the advices it ran) and its CPU time in ms; and the interview at its end."""
    clear_shared_caches()   # a cold start per case: no help from the cases before it
    iv = Interview(case.as_of or date.today(), overrides=case.overrides)
    steps: list[tuple[str | None, int]] = []
    spent: list[float] = []
    while True:
        counted[0] = 0
        start = time.process_time()
        ask = iv.next()
        spent.append((time.process_time() - start) * 1000)
        steps.append((ask.path if ask else None, counted[0]))
        if ask is None:
            return steps, spent, iv
        iv.answer(ask.path, values.get(ask.path, UNKNOWN))


if __name__ == "__main__":
    main()
