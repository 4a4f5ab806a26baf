"""Speed of the scenario suite, measured (not asserted in tests).

    python benchmarks/bench_scenarios.py [PATH...] [--cli-runs 3]

Reports, for the scenarios under PATH (default: scenarios/): loading and validating the
files, advising and checking them (scenarios per second), the coverage computed from the
same runs, and `advisor scenarios run PATH` end to end in a fresh process (median wall
time, the figure the issue's 10-second budget is about).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "scenarios"])
    parser.add_argument("--cli-runs", type=int, default=3)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from advisor.regression.coverage import coverage
    from advisor.engine.engine import engine, rule_metas
    from advisor.knowledge import catalogue
    from advisor.regression.scenarios import Suite
    catalogue()
    engine()
    t_setup = time.perf_counter() - t0

    t = time.perf_counter()
    suite = Suite(args.paths)
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    outcomes = suite.outcomes()
    t_run = time.perf_counter() - t
    t = time.perf_counter()
    report = coverage(outcomes, rule_metas(), catalogue())
    t_cov = time.perf_counter() - t

    n = len(outcomes)
    failed = sum(not o.passed for o in outcomes)
    print(f"scenarios: {n} ({failed} failing), rules: {len(report.rules)}, fired: {report.fired_percent:.1f} %")
    print(f"import + catalogue + engine build: {t_setup:.2f} s")
    print(f"load and validate files:          {t_load:.2f} s ({n / t_load:.0f} files/s)")
    print(f"advise and check:                 {t_run:.2f} s ({n / t_run:.0f} scenarios/s, "
          f"{1000 * t_run / n:.1f} ms each)")
    print(f"coverage from the same runs:      {t_cov:.2f} s")

    exe = shutil.which("advisor") or str(Path(sys.executable).parent / "advisor")
    walls = []
    for _ in range(args.cli_runs if Path(exe).exists() else 0):
        t = time.perf_counter()
        subprocess.run([exe, "scenarios", "run", *map(str, args.paths)], capture_output=True, check=False)
        walls.append(time.perf_counter() - t)
    if walls:
        wall = statistics.median(walls)
        print(f"`advisor scenarios run` end to end: {wall:.2f} s median of {len(walls)} "
              f"({n / wall:.0f} scenarios/s, process start included)")


if __name__ == "__main__":
    main()
