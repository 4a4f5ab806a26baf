"""Speed of the advisor, measured (not asserted in tests), as ratios paired in one run.

    python benchmarks/bench_advise.py [--runs 200] [--pairs 10] [--case FILE]

Reports:
- `advisor advise CASE` end to end against `python -c pass` and against importing the
  libraries alone (pydantic, click, yaml, experta), alternated in pairs: median wall-clock
  ratio, and the CPU time of the children;
- the same with the catalogue cache off (ADVISOR_NO_CACHE=1): what the cache saves;
- the engine build;
- one advice in process, its parts measured in the same iteration: the rules (engine run and
  assembly) and the plan (next steps and experts), CPU and wall clock, on the case and on a
  case of 20 worker groups.
"""
from __future__ import annotations

import argparse
import copy
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPICAL = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"
LIBRARIES = "import pydantic, click, yaml, platformdirs; import advisor.engine._experta"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall clock and CPU time of one child process."""
    cpu0, t0 = _child_cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - t0, _child_cpu() - cpu0


def paired(commands: dict[str, list[str]], envs: dict[str, dict], pairs: int) -> dict[str, list[tuple[float, float]]]:
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(pairs):  # alternate, so that the machine's load hits every command alike
        for name, cmd in commands.items():
            out[name].append(timed(cmd, envs[name]))
    return out


def twenty_groups(case):
    data = case.model_dump(mode="json", exclude_none=True)
    groups = data.get("worker_groups") or [{"id": "g", "fte": 1, "income": "leefloon"}]
    data["worker_groups"] = [dict(copy.deepcopy(groups[n % len(groups)]), id=f"g{n:02d}") for n in range(20)]
    return type(case).model_validate(data)


def in_process(case, runs: int) -> dict[str, list[float]]:
    from advisor.engine.engine import advise
    from advisor.plan.matching import propose_experts
    from advisor.plan.steps import plan_steps

    advise(case)  # warm
    parts: dict[str, list[float]] = {"rules": [], "plan": [], "rules_cpu": [], "plan_cpu": []}
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        advice = advise(case)
        c1, t1 = time.process_time(), time.perf_counter()
        advice.next_steps = plan_steps(case, advice)
        advice.experts = propose_experts(case, advice).proposed
        c2, t2 = time.process_time(), time.perf_counter()
        parts["rules"].append(t1 - t0)
        parts["plan"].append(t2 - t1)
        parts["rules_cpu"].append(c1 - c0)
        parts["plan_cpu"].append(c2 - c1)
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--case", type=Path, default=TYPICAL)
    args = parser.parse_args()

    env = {k: v for k, v in os.environ.items() if k not in ("ADVISOR_NO_CACHE", "PYTHONDONTWRITEBYTECODE")}
    cache_dir = tempfile.mkdtemp(prefix="advisor-bench-cache-")
    os.chmod(cache_dir, 0o700)
    env["ADVISOR_CACHE_DIR"] = cache_dir
    advise_cmd = [sys.executable, "-m", "advisor", "advise", str(args.case)]
    subprocess.run(advise_cmd, check=True, capture_output=True, env=env)  # fill the cache and the .pyc files
    commands = {"python -c pass": [sys.executable, "-c", "pass"],
                "import the libraries": [sys.executable, "-c", LIBRARIES],
                "advisor advise (cached)": advise_cmd,
                "advisor advise (no cache)": advise_cmd}
    envs = {name: env for name in commands}
    envs["advisor advise (no cache)"] = {**env, "ADVISOR_NO_CACHE": "1"}
    results = paired(commands, envs, args.pairs)
    base = results["python -c pass"]
    print(f"case: {args.case.relative_to(ROOT) if args.case.is_relative_to(ROOT) else args.case}")
    print(f"python {sys.version.split()[0]}; {args.pairs} alternated pairs; wall clock and CPU of the child")
    for name, times in results.items():
        ratios = [w / b[0] for (w, _), b in zip(times, base)]
        print(f"  {name:<28} median {ms(statistics.median(w for w, _ in times)):>9} wall, "
              f"{ms(statistics.median(c for _, c in times)):>9} CPU; "
              f"median ratio to python -c pass {statistics.median(ratios):5.1f}x")

    from advisor.engine.engine import build_engine
    from advisor.regression.scenarios import load_case_or_scenario

    builds = []
    for _ in range(5):
        t = time.perf_counter()
        build_engine()
        builds.append(time.perf_counter() - t)
    print(f"engine: built {ms(statistics.median(builds))} (median of 5)")

    case = load_case_or_scenario(args.case)
    for label, c in (("the case", case), ("20 worker groups", twenty_groups(case))):
        parts = in_process(c, args.runs if label == "the case" else max(20, args.runs // 10))
        med = {k: statistics.median(v) for k, v in parts.items()}
        print(f"one advice in process, {label} (n={len(parts['rules'])}): rules {ms(med['rules'])} "
              f"(CPU {ms(med['rules_cpu'])}), plan {ms(med['plan'])} (CPU {ms(med['plan_cpu'])})")


if __name__ == "__main__":
    main()
