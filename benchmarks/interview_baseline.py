"""The interview before and after a speed change: same questions, same final advice.

For every sample case an automatic interview is run with the case as the answer source
(absent field: "I don't know"); recorded are the questions asked, in order, with the answers
given, and a SHA-256 of the final advice as JSON (``advisor advise --format json`` of the
interview's case, with its plan). ``--record FILE`` writes these (run it on the code before
the change), ``--check FILE`` compares the current code against them and exits 1 on any
difference.

    python benchmarks/interview_baseline.py --record /tmp/before.json [--part 0/2]
    python benchmarks/interview_baseline.py --check benchmarks/interview_baseline.json

``--part K/N`` takes every N-th case from the K-th (to split a long run over processes);
the recorded files of the parts are merged with ``--merge OUT IN...``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def record(paths: list[Path]) -> dict:
    from advisor.interview.interview import case_values, replay
    from advisor.regression.scenarios import load_scenario
    from advisor.render import advice_json

    out = {}
    for path in paths:
        case = load_scenario(path).scenario.case
        values = case_values(case)
        run = replay(values, case.as_of or date.today(), overrides=case.overrides)
        asked = [[s.ask.path, _plain(s.value)] for s in run.steps]
        text = advice_json(run.interview.advice(lang="nl"))
        out[str(path.relative_to(ROOT))] = {"asked": asked, "advice_sha256": hashlib.sha256(text.encode()).hexdigest()}
        print(path.name, len(asked), file=sys.stderr, flush=True)
    return out


def _plain(value):
    from advisor.interview.interview import UNKNOWN

    return "UNKNOWN" if value is UNKNOWN else value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--record", metavar="FILE")
    parser.add_argument("--check", metavar="FILE")
    parser.add_argument("--part", default="0/1")
    parser.add_argument("--merge", nargs="+", metavar="FILE")
    args = parser.parse_args()
    if args.merge:
        merged = {}
        for name in args.merge[1:]:
            merged.update(json.loads(Path(name).read_text()))
        Path(args.merge[0]).write_text(json.dumps(dict(sorted(merged.items())), indent=1, sort_keys=True) + "\n")
        return
    sys.path.insert(0, str(ROOT))
    from advisor.regression.scenarios import scenario_files

    k, n = (int(x) for x in args.part.split("/"))
    files = scenario_files([str(ROOT / "scenarios")])[k::n]
    if args.record:
        got = record(files)
        Path(args.record).write_text(json.dumps(dict(sorted(got.items())), indent=1, sort_keys=True) + "\n")
        return
    want = json.loads(Path(args.check).read_text())
    got = record(files)
    bad = [name for name in sorted(got) if want.get(name) != got[name]]
    missing = [name for name in sorted(got) if name not in want]
    for name in bad:
        print(f"DIFFERS: {name}\n  before: {want.get(name)}\n  after:  {got[name]}")
    print(f"{len(got) - len(bad)}/{len(got)} cases unchanged ({len(missing)} not in the recording)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
