"""How fast the interview chooses the next question, and how many it asks.

Replays an interview over every sample case (answers from the case, "I don't know" for an
absent field) and times each choice of the next question (``Interview.next``), from a cold
per-interview cache, as in a real session. Prints the median, 90th percentile and maximum,
the average number of questions asked against the fields of the cases, and whether the
interview reached the recommendations of the full case.

    python benchmarks/bench_interview.py [scenarios/...]
"""
from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor.engine.engine import advise, engine  # noqa: E402
from advisor.interview.interview import UNKNOWN, Interview, case_values, outcome_of  # noqa: E402
from advisor.knowledge import catalogue  # noqa: E402
from advisor.regression.scenarios import load_scenario, scenario_files  # noqa: E402


def main(paths: list[str]) -> None:
    engine()  # build the rule engine once, outside the timings
    files = scenario_files(paths or [str(ROOT / "scenarios")])
    timings: list[float] = []
    asked = known = fields = same = fewer_rejections = 0
    for path in files:
        case = load_scenario(path).scenario.case
        values = case_values(case)
        iv = Interview(case.as_of or date.today(), overrides=case.overrides)
        while True:
            start = time.perf_counter()
            ask = iv.next()
            timings.append((time.perf_counter() - start) * 1000)
            if ask is None:
                break
            value = values.get(ask.path, UNKNOWN)
            iv.answer(ask.path, value)
            asked += 1
            known += value is not UNKNOWN
        fields += len(values)
        full = outcome_of(advise(case, lang="en"))
        got = outcome_of(advise(iv.case(), lang="en"))
        still_open = {i.id for i in catalogue().open_on(case.as_of or date.today())}
        same_recs = set(full[0]) == set(got[0]) and not (set(got[1]) - set(full[1])) & still_open
        same += same_recs
        fewer_rejections += same_recs and full[1] != got[1]
    n = len(files)
    timings.sort()
    print(f"sample cases: {n}; choices of the next question timed: {len(timings)}")
    print(f"next question: median {statistics.median(timings):.1f} ms, "
          f"p90 {timings[int(len(timings) * 0.9)]:.1f} ms, max {timings[-1]:.1f} ms")
    print(f"questions asked: {asked / n:.2f} on average ({known / n:.2f} answered, "
          f"{(asked - known) / n:.2f} 'don't know'); fields per case: {fields / n:.2f}")
    print(f"same recommendations as the full case, no extra rejection of an open instrument: {same}/{n} "
          f"({fewer_rejections} of them name fewer rejections: closed instruments, or rejected whatever the answer)")


if __name__ == "__main__":
    main(sys.argv[1:])
