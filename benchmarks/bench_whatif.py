"""Time of `advise --what-if` per case over the scenarios, measured (not asserted in tests).

    python benchmarks/bench_whatif.py [PATH...] [--out FILE]

For every scenario under PATH (default: scenarios/) runs the what-if search once (in
process, the engine built once) and reports the median and maximum wall time per case, the
engine runs, how many searches the bound cut (wall time and this process's CPU time: the
bound is on CPU time; on a loaded machine the wall time reflects the load), and checks that
no proposed change touches a fact about people (only the fields of ``advisor.plan.explain.ACTIONABLE``).
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "scenarios"])
    parser.add_argument("--out", type=Path, help="also write the per-case figures here (JSON)")
    args = parser.parse_args()

    from advisor.plan.explain import ACTIONABLE, what_if
    from advisor.regression.scenarios import collect

    allowed = re.compile("^(" + "|".join(re.escape(f).replace(r"\*", "[^.]+") for f in ACTIONABLE) + ")$")
    rows, bad = [], []
    for entry in collect(args.paths):
        if entry.loaded is None:
            continue
        wall, cpu = time.perf_counter(), time.process_time()
        result = what_if(entry.loaded.scenario.case, lang="en")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        fields = {c.field for x in result.targets for o in x.options for c in o.changes}
        bad += [(entry.id, f) for f in sorted(fields) if not allowed.match(f)]
        rows.append({"id": entry.id, "seconds": round(wall, 3), "cpu_s": round(cpu, 3), "runs": result.runs, "cut": result.cut,
                     "targets": len(result.targets),
                     "options": sum(len(x.options) for x in result.targets)})
        print(f"{entry.id:70} {wall:6.2f} s wall {cpu:6.2f} s cpu {result.runs:4} runs{'  CUT' if result.cut else ''}",
              flush=True)
    secs = [r["seconds"] for r in rows]
    cpus = [r["cpu_s"] for r in rows]
    summary = {"cases": len(rows), "median_s": round(statistics.median(secs), 3), "max_s": round(max(secs), 3),
               "median_cpu_s": round(statistics.median(cpus), 3), "max_cpu_s": round(max(cpus), 3),
               "max_case": max(rows, key=lambda r: r["seconds"])["id"],
               "median_runs": statistics.median(r["runs"] for r in rows), "max_runs": max(r["runs"] for r in rows),
               "cut": sum(r["cut"] for r in rows), "people_fact_changes": bad}
    print(json.dumps(summary, indent=1))
    if args.out:
        args.out.write_text(json.dumps({"summary": summary, "cases": rows}, indent=1) + "\n")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
