"""Speed of expert matching, measured (not asserted in tests).

    python benchmarks/bench_matching.py [--experts 2000] [--runs 200]

Reports, for the real knowledge pool and for a generated pool of ``--experts`` fictional
experts: loading and validating the directory, the first match (which builds the index),
and one match per advice (median and p95), on the Menen ironing-workshop case.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "scenarios/experts/menen-ironing-vzw-2026.yaml"
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ve", "to", "sa", "de", "bi", "wo", "ge", "ha", "li", "pe", "zo"]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def generated_pool_data(n: int, seed: int = 2005) -> dict:
    """A valid experts directory with ``n`` generated fictional experts (no digits in names)."""
    from advisor.knowledge import catalogue
    from advisor.plan.pool import DOMAINS, POOL_FILE

    cat = catalogue()
    rng = random.Random(seed)
    base = yaml.safe_load(POOL_FILE.read_text(encoding="utf-8"))
    munis = sorted(cat.municipalities.home) + ["Roeselare", "Ieper", "Gent", "Brugge", "Leuven", "Antwerpen"]
    orgs = [{"id": f"gen-org-{k}", "name": f"Gegenereerde organisatie {k} (fictief)", "type": "social_enterprise",
             "fictional": True, "role": {"nl": "gegenereerd", "en": "generated"}, "last_checked": "2026-11-27"}
            for k in range(40)]
    experts = []
    for k in range(n):
        first = rng.randint(2000, 2026)
        last = rng.choice([None, min(2030, first + rng.randint(0, 15))])
        end = date(last, 12, 31) if last else date.max
        open_then = [i.id for i in cat.instruments.values()
                     if (i.open_from is None or i.open_from <= end)
                     and (i.open_until is None or i.open_until > date(first, 1, 1))]
        hours = rng.randint(4, 24)
        home = rng.choice(munis)
        experts.append({
            "id": f"gen-{k:05d}", "name": f"{word(rng, 2)} {word(rng, 3)}", "organisation": rng.choice(orgs)["id"],
            "role": {"nl": "adviseur", "en": "adviser"}, "home_municipality": home,
            "area": rng.choice(["local", "local", "region", "flanders"]),
            "serves": rng.sample([m for m in munis if m != home], rng.randint(0, 3)),
            "instruments": rng.sample(open_then, min(len(open_then), rng.randint(1, 4))),
            "domains": rng.sample(list(DOMAINS), rng.randint(1, 3)), "languages": ["nl", *rng.sample(["fr", "en"],
                                                                                              rng.randint(0, 2))],
            "hours_per_month": hours, "hours_committed": rng.randint(0, hours), "first_year": first,
            "last_year": last,
            "conflicts": ([{"municipality": rng.choice(munis), "reason": {"nl": "concurrent", "en": "competitor"}}]
                          if rng.random() < 0.1 else []),
        })
    return {"support_domains": base["support_domains"], "organisations": orgs, "experts": experts}


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return sorted(out)


def report(label: str, the_pool, case, advice, runs: int) -> None:
    from advisor.plan.matching import propose_experts

    t = time.perf_counter()
    first = propose_experts(case, advice, pool=the_pool)
    t_first = time.perf_counter() - t
    runs_s = timed(lambda: propose_experts(case, advice, pool=the_pool), runs)
    explain = timed(lambda: propose_experts(case, advice, pool=the_pool).passed_over, max(5, runs // 10))
    print(f"{label}: {len(the_pool.experts)} experts, {len(first.ranked)} ranked candidates, "
          f"proposed {[p.id for p in first.proposed]}")
    print(f"  first match (builds the index): {ms(t_first)}")
    print(f"  match per advice: median {ms(statistics.median(runs_s))}, p95 {ms(runs_s[int(len(runs_s) * 0.95) - 1])}")
    print(f"  match + passed_over (advise --explain): median {ms(statistics.median(explain))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--experts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    from advisor.engine.engine import advise
    from advisor.plan.pool import load_pool, parse_pool
    from advisor.regression.scenarios import load_case_or_scenario

    case = load_case_or_scenario(CASE)
    advice = advise(case)

    t = time.perf_counter()
    real = load_pool()
    print(f"real pool: load and validate experts.yaml: {ms(time.perf_counter() - t)}")
    report("real pool", real, case, advice, args.runs)

    data = generated_pool_data(args.experts)
    t = time.perf_counter()
    generated = parse_pool(data, f"generated ({args.experts})")
    print(f"generated pool: validate {args.experts} experts: {ms(time.perf_counter() - t)}")
    report("generated pool", generated, case, advice, args.runs)


if __name__ == "__main__":
    main()
