"""Speed of the advisor, measured (not asserted in tests).

    python benchmarks/bench_advise.py [--runs 300] [--cli-runs 10]

Reports: the engine build time, one in-process advice on a typical case (median and p95; and
how much of it the plan of next steps and experts takes),
`advisor advise CASE` end to end in a fresh process (median), and the rules per family.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPICAL = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--cli-runs", type=int, default=10)
    parser.add_argument("--case", type=Path, default=TYPICAL)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from advisor.engine.engine import advise, build_engine, engine, rule_metas
    from advisor.plan.consult import consult
    from advisor.knowledge import catalogue
    from advisor.regression.scenarios import load_case_or_scenario
    catalogue()
    t_import = time.perf_counter() - t0

    builds = []
    for _ in range(5):
        t = time.perf_counter()
        build_engine()
        builds.append(time.perf_counter() - t)

    case = load_case_or_scenario(args.case)
    engine()
    consult(case)  # warm-up
    runs = []
    for _ in range(args.runs):
        t = time.perf_counter()
        consult(case)
        runs.append(time.perf_counter() - t)
    runs.sort()
    rules_only = []  # the same advice without its plan (next steps and experts)
    for _ in range(args.runs):
        t = time.perf_counter()
        advise(case)
        rules_only.append(time.perf_counter() - t)

    exe = shutil.which("advisor")
    cli = []
    for _ in range(args.cli_runs if exe else 0):
        t = time.perf_counter()
        subprocess.run([exe, "advise", str(args.case)], check=True, capture_output=True)
        cli.append(time.perf_counter() - t)

    metas = rule_metas()
    families = Counter(m.family for m in metas)
    print(f"case: {args.case.relative_to(ROOT) if args.case.is_relative_to(ROOT) else args.case}")
    print(f"python {sys.version.split()[0]}; imports + catalogue: {ms(t_import)}")
    print(f"engine build (median of 5): {ms(statistics.median(builds))}")
    print(f"one advice in process (n={args.runs}): median {ms(statistics.median(runs))}, "
          f"p95 {ms(runs[int(len(runs) * 0.95) - 1])}, min {ms(runs[0])}")
    print(f"  of which the plan (next steps + experts): "
          f"{ms(statistics.median(runs) - statistics.median(rules_only))} (rules only: "
          f"{ms(statistics.median(rules_only))})")
    if cli:
        print(f"`advisor advise CASE` end to end (n={len(cli)}): median {ms(statistics.median(cli))}")
    else:
        print("`advisor` is not on PATH: install the project to time the CLI")
    print(f"rules: {len(metas)} in {len(families)} families: "
          + ", ".join(f"{f} {n}" for f, n in sorted(families.items())))


if __name__ == "__main__":
    main()
