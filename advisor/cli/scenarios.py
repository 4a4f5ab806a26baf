"""`advisor scenarios ...`: run, coverage, snapshot, diff, record (regression testing of the rules).

Exit codes: 0 all well; 1 a scenario failed or none was selected (run), coverage below --min
(coverage), the advice changed since the snapshot (diff); 2 bad input (a path, a snapshot or a
case file), or the command runs inside a checkout whose rules are not the rules it imported
(see ``check_rules_in_use``).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from advisor.errors import InputError, refuse_existing, write_atomic
from advisor.i18n import t

EXAMPLES = """
Examples:

\b
  advisor scenarios run scenarios/ -k dienstencheques
  advisor scenarios coverage scenarios/ --min 100
  advisor scenarios snapshot --out before.json  # default PATH: scenarios/
  advisor scenarios diff before.json            # after editing a rule: what changed?
  advisor scenarios record my-case.yaml --id dc.my-case --out scenarios/dienstencheques/my-case.yaml

Exit codes: 0 all well; 1 a scenario failed (run), coverage below --min (coverage) or the advice
changed since the snapshot (diff) or no scenario matched; 2 bad input, or the rules of the
checkout you are in are not the rules this command runs (install it with `pip install -e .`).
"""

LANG = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                    help="Language of the output (and of the advice texts in a snapshot).")
FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
PATHS = click.argument("paths", nargs=-1, metavar="[PATH]...")


def _paths(paths) -> list[Path]:
    return [Path(p) for p in paths] or [Path("scenarios")]


# --- the rules the maintainer edits are the rules that run ---------------------------------
#
# After a plain `pip install .`, the `advisor` command imports the installed copy of `rules`,
# so a rule edited in the checkout would be invisible to `scenarios diff` ("no change"). When
# a command runs inside a checkout (the current folder or a path it is given) whose rules
# differ from the imported ones, it refuses with exit code 2 and says how to run the working
# tree. It refuses rather than switching to the working tree: the running advisor has already
# imported its own engine, vocabulary and catalogue paths, and edited rules loaded into another
# version of that code could give an advice that neither version gives.

PROJECT_NAME = "werkwaardig-advisor"


def _checkout_of(start: Path) -> Path | None:
    """The project checkout (a folder with ``rules/`` and our ``pyproject.toml``) holding ``start``."""
    import tomllib

    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / "rules").is_dir() and (folder / "pyproject.toml").is_file():
            try:
                name = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError):
                continue
            if name == PROJECT_NAME:
                return folder
    return None


def _digests(rules_dir: Path, catalogue_dir: Path) -> dict[str, str]:
    """sha256 of each rule module and catalogue file, by its path inside ``rules/``."""
    import hashlib

    files = {p.name: p for p in rules_dir.glob("*.py")}
    files.update({f"catalogue/{p.name}": p for p in catalogue_dir.glob("*.yaml")})
    return {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in sorted(files.items())}


def imported_rules() -> tuple[Path, Path]:
    """Where the running advisor takes its rule modules and its catalogue from."""
    import importlib.util

    from advisor.knowledge import CATALOGUE_DIR

    spec = importlib.util.find_spec("rules")
    return Path(spec.origin).resolve().parent, CATALOGUE_DIR.resolve()


def check_rules_in_use(paths, lang: str) -> None:
    """InputError (exit 2) when the current folder or a path lies in a checkout whose rules
    differ from the rules this process runs; the message names the files and the remedy."""
    rules_dir, catalogue_dir = imported_rules()
    starts = [Path.cwd(), *(Path(p) if Path(p).is_dir() else Path(p).parent for p in paths)]
    seen: set[Path] = set()
    for start in starts:
        checkout = _checkout_of(start)
        if checkout is None or checkout in seen or (checkout / "rules").resolve() == rules_dir:
            continue
        seen.add(checkout)
        mine, running = _digests(checkout / "rules", checkout / "rules" / "catalogue"), \
            _digests(rules_dir, catalogue_dir)
        changed = sorted(n for n in mine.keys() | running.keys() if mine.get(n) != running.get(n))
        if changed:
            shown = ", ".join(f"rules/{n}" for n in changed[:8]) + (" ..." if len(changed) > 8 else "")
            raise InputError(checkout, [t("stale_rules", lang, files=shown, running=rules_dir.parent)])


def _suite(paths, k=None, lang="en"):
    from advisor.regression.scenarios import Suite

    return Suite(_paths(paths), k=k, lang=lang)


@click.group(epilog=EXAMPLES)
def scenarios():
    """Regression testing of the rules against the sample cases."""


@scenarios.command()
@PATHS
@click.option("-k", "filter_", metavar="FILTER",
              help="Only scenarios whose id, description, a tag or path contains FILTER (any case).")
@FORMAT
@LANG
def run(paths, filter_, fmt, lang):
    """Run every scenario under PATH (default: scenarios/) and report each failed claim."""
    from advisor.regression.scenarios import duplicate_ids
    from advisor.regression.snapshots import display_path

    check_rules_in_use(_paths(paths), lang)
    start = time.perf_counter()
    suite = _suite(paths, filter_, lang)
    outcomes = suite.outcomes()
    seconds = time.perf_counter() - start
    doubles = duplicate_ids(suite.entries)
    passed = sum(o.passed for o in outcomes)
    failed = len(outcomes) - passed
    rate = len(outcomes) / seconds if seconds else 0.0
    if fmt == "json":
        click.echo(json.dumps({
            "passed": passed, "failed": failed, "seconds": round(seconds, 3),
            "scenarios_per_second": round(rate, 1),
            "duplicate_ids": {i: [display_path(p) for p in ps] for i, ps in doubles.items()},
            "results": [{"id": o.id, "file": display_path(o.entry.path),
                         "description": o.entry.loaded.scenario.description if o.entry.loaded else None,
                         "passed": o.passed, "failures": o.failures} for o in outcomes],
        }, indent=2, ensure_ascii=False))
    else:
        for o in outcomes:
            if o.passed:
                continue
            description = o.entry.loaded.scenario.description if o.entry.loaded else ""
            click.echo(f"{t('run_fail', lang)} {display_path(o.entry.path)} [{o.id}] {description}".rstrip())
            for failure in o.failures:
                click.echo(f"    {failure}")
        for sid, files in doubles.items():
            click.echo(t("run_duplicate", lang, id=sid, files=", ".join(display_path(p) for p in files)))
        click.echo(t("run_summary", lang, passed=passed, failed=failed) + " "
                   + t("run_timing", lang, n=len(outcomes), s=seconds, rate=rate))
    if not outcomes:
        # nothing checked is not "all well": a mistyped -k or an empty folder must not pass
        click.echo(t("run_nothing_k", lang, k=filter_) if filter_ else t("run_nothing", lang), err=True)
        sys.exit(1)
    if failed or doubles:
        sys.exit(1)


@scenarios.command()
@PATHS
@click.option("--min", "minimum", type=click.FloatRange(0, 100), metavar="PERCENT",
              help="Exit with code 1 when fewer than PERCENT % of the rules are fired.")
@FORMAT
@LANG
def coverage(paths, minimum, fmt, lang):
    """Which rules the scenarios fire (and leave unfired), and which date boundaries they cover."""
    from advisor.regression.coverage import coverage as measure
    from advisor.regression.coverage import coverage_json, coverage_text
    from advisor.engine.engine import rule_metas
    from advisor.knowledge import catalogue

    check_rules_in_use(_paths(paths), lang)
    report = measure(_suite(paths, lang=lang).outcomes(), rule_metas(), catalogue())
    if fmt == "json":
        click.echo(json.dumps(coverage_json(report), indent=2, ensure_ascii=False))
    else:
        click.echo(coverage_text(report, lang), nl=False)
    if minimum is not None and report.fired_percent < minimum:
        click.echo(t("cov_below_min", lang, pct=report.fired_percent, min=minimum), err=True)
        sys.exit(1)


@scenarios.command()
@PATHS
@click.option("--out", "out", required=True, type=click.Path(), metavar="FILE",
              help="The snapshot file to write (JSON).")
@click.option("--force", is_flag=True, help="Overwrite FILE when it exists.")
@LANG
def snapshot(paths, out, force, lang):
    """Store the full advice of every scenario under PATH (default: scenarios/), to compare with
    after a rule change."""
    from advisor.regression.snapshots import dump, snapshot as take

    refuse_existing(out, force)  # before the work, not after it
    check_rules_in_use(_paths(paths), lang)
    snap = take(_suite(paths, lang=lang))
    write_atomic(out, dump(snap), force=True)
    click.echo(t("snap_written", lang, n=len(snap["scenarios"]), path=out))


@scenarios.command()
@click.argument("snapshot_file", metavar="FILE", type=click.Path())
@PATHS
@FORMAT
@LANG
def diff(snapshot_file, paths, fmt, lang):
    """Per scenario, what changed in the advice since the snapshot FILE (exit 1 if anything did).

    The scenarios are those under the snapshot's own paths, or under PATH when given; the
    advice is computed in the snapshot's language. The knowledge version is not compared.
    """
    from advisor.regression.snapshots import diff as compare, diff_text, load_snapshot

    snap = load_snapshot(snapshot_file)
    check_rules_in_use(_paths(paths or snap["paths"]), lang)
    suite = _suite(paths or snap["paths"], lang=snap["lang"])
    changed = compare(snap, suite)
    if fmt == "json":
        click.echo(json.dumps({"snapshot": snapshot_file, "snapshot_knowledge_version": snap["knowledge_version"],
                               "changed": changed}, indent=2, ensure_ascii=False))
    else:
        click.echo(diff_text(changed, snap, lang), nl=False)
    if changed:
        sys.exit(1)


@scenarios.command()
@click.argument("case_file", metavar="CASE.yaml", type=click.Path())
@click.option("--id", "scenario_id", required=True, help="The new scenario's id, e.g. dc.ironing-menen-2026.")
@click.option("--description", help="One sentence: what the scenario shows (default: the service description).")
@click.option("--out", type=click.Path(), metavar="FILE", help="Write here instead of to stdout.")
@click.option("--force", is_flag=True, help="Overwrite FILE when it exists.")
@LANG
def record(case_file, scenario_id, description, out, force, lang):
    """Write a scenario whose `expect` is the current advice on CASE.yaml, to trim and confirm."""
    from advisor.plan.consult import consult
    from advisor.regression.scenarios import load_case_or_scenario
    from advisor.regression.snapshots import record as make

    if out:
        refuse_existing(out, force)  # before the work, not after it
    check_rules_in_use([case_file], lang)
    case = load_case_or_scenario(case_file)
    text = make(case, consult(case, lang=lang), scenario_id, Path(case_file).as_posix(), description)
    if not out:
        click.echo(text, nl=False)
        return
    write_atomic(out, text, force=force)
    click.echo(t("rec_written", lang, path=out))
