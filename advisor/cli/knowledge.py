"""`advisor knowledge ...`: check (what is due for review) and changes (what changed in the
knowledge between two revisions of rules/, or since a snapshot).

Exit codes: 0 nothing due / no change; 1 something is due (check) or the knowledge changed
(changes); 2 bad input.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from advisor.cli.options import ISO_DATE, LANG

EXAMPLES = """
Examples:

\b
  advisor knowledge check                         # what is due today (exit 1 if anything)
  advisor knowledge check --as-of 2026-06-01 --older-than 6m --format json
  advisor knowledge changes HEAD~5                # rules/ five commits ago -> now
  advisor knowledge changes v1 v2 scenarios/worked-examples
  advisor knowledge changes before.json           # a snapshot of `advisor scenarios snapshot` -> now

Exit codes: 0 nothing due / no change; 1 something due / changes; 2 bad input.
"""
FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)


@click.group(epilog=EXAMPLES)
def knowledge():
    """How fresh the knowledge is, and what changed in it."""


@knowledge.command()
@click.option("--as-of", type=ISO_DATE, help="The day to judge on (default: today).")
@click.option("--older-than", default="12m", show_default=True, metavar="AGE",
              help="Due when last checked longer ago than AGE (e.g. 12m, 2y, 90d).")
@click.option("--catalogue", "directory", type=click.Path(file_okay=False), metavar="DIR",
              help="The catalogue folder to check (default: rules/catalogue of this installation).")
@click.option("--scenarios", "paths", multiple=True, type=click.Path(), metavar="PATH",
              help="The scenarios whose dependence on uncertain rules is shown (default: scenarios/ when "
                   "it exists; repeatable).")
@FORMAT
@LANG
def check(as_of, older_than, directory, paths, fmt, lang):
    """List what is due for review: entries last checked too long ago and announced changes whose
    date has passed (exit 1); also every unverified or announced fact with the scenarios that
    depend on it, and the sources without a date."""
    from advisor.errors import InputError
    from advisor.knowledge import CATALOGUE_DIR
    from advisor.regression.freshness import check as run_check, check_text

    folder = Path(directory) if directory else CATALOGUE_DIR
    if not (folder / "instruments.yaml").is_file():
        raise InputError(folder, ["not a catalogue folder: instruments.yaml is missing"])
    scenario_paths = [Path(p) for p in paths] or ([Path("scenarios")] if Path("scenarios").is_dir() else [])
    report = run_check(as_of or date.today(), older_than, folder, scenario_paths)
    if fmt == "json":
        click.echo(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(check_text(report, lang), nl=False)
    if report.due:
        sys.exit(1)


@knowledge.command()
@click.argument("from_version", metavar="FROM")
@click.argument("to_version", metavar="[TO]", required=False)
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@FORMAT
@LANG
def changes(from_version, to_version, paths, fmt, lang):
    """What changed in the knowledge from FROM (a git revision of rules/, or a snapshot file of
    `advisor scenarios snapshot`) to TO (a git revision; default: the working tree): rules
    added, removed or changed, instruments changed, and the scenarios under PATH (default:
    scenarios/) whose advice changes."""
    from advisor.regression.freshness import changed, changes_text, compare_states, state, state_at
    from advisor.regression.snapshots import load_snapshot

    if to_version and Path(to_version).exists():  # `changes REV scenarios/`: a path, not a revision
        paths, to_version = (to_version, *paths), None
    scenario_paths = [Path(p) for p in paths] or [Path("scenarios")]
    if Path(from_version).is_file():
        snap = load_snapshot(from_version)
        old = {"snapshot": snap}
        new = state([Path(p) for p in paths] or [Path(p) for p in snap["paths"]], lang=snap["lang"])
        new = {"snapshot": new["snapshot"]}
    else:
        old = state_at(from_version, scenario_paths)
        new = state_at(to_version, scenario_paths) if to_version else state(scenario_paths)
    result = compare_states(old, new)
    if fmt == "json":
        click.echo(json.dumps({"from": from_version, "to": to_version or "working tree", **result},
                              indent=2, ensure_ascii=False))
    else:
        click.echo(changes_text(result, from_version, to_version or t_tree(lang), lang), nl=False)
    if changed(result):
        sys.exit(1)


def t_tree(lang: str) -> str:
    from advisor.i18n import t

    return t("kx_tree", lang)
