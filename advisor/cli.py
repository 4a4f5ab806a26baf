"""The ``advisor`` command: thin click verbs over the engine, the catalogue and the renderers."""
from __future__ import annotations

import sys
from datetime import date

import click

from advisor.cli_options import ISO_DATE, LANG
from advisor.errors import InputError

EXAMPLES = """
Examples:

\b
  advisor advise scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml
  advisor advise my-case.yaml --lang en --format markdown
  advisor advise scenarios/worked-examples/ex2-2005-vzw-green-maintenance.yaml --as-of 2019-06-01
  advisor instruments --as-of 2005-06-01
  advisor rules --family DC --in-force-on 2026-03-01
  advisor rules show DC-010

Exit codes: 0 advice given, 2 bad input (the message names the file, the field and what is allowed).
"""


@click.group(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """WERK.WAARDIG advisor: which social-economy employment instrument fits a starter in
    South West Flanders, on a date from 2005 to 2026, and why (not)."""


@cli.command()
@click.argument("case_file", metavar="CASE.yaml", type=click.Path(dir_okay=False))
@click.option("--as-of", type=ISO_DATE, help="Advise for this date instead of the case's as_of.")
@LANG
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True)
@click.option("--explain", is_flag=True, help="Also show which experts of the pool were not proposed, and why.")
def advise(case_file, as_of, lang, fmt, explain):
    """Advise on a case file (or on the case of a scenario file)."""
    from advisor.engine import advise as run_advice
    from advisor.render import advice_json, advice_text, passed_over_text
    from advisor.scenarios import load_case_or_scenario

    case = load_case_or_scenario(case_file)
    advice = run_advice(case, as_of=as_of, lang=lang)
    passed_over = None
    if explain:
        from advisor.matching import propose_experts

        passed_over = propose_experts(case, advice).passed_over
    if fmt == "json":
        click.echo(advice_json(advice, passed_over))
        return
    click.echo(advice_text(advice, md=fmt == "markdown"), nl=False)
    if passed_over is not None:
        click.echo("\n" + passed_over_text(passed_over, lang), nl=False)


@cli.command()
@click.option("--as-of", type=ISO_DATE, default=None, help="Date to look at (default: today).")
@LANG
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def instruments(as_of, lang, fmt):
    """List the instruments open to new starters on a date, and those closed."""
    from advisor.knowledge import catalogue
    from advisor.render import instruments_json, instruments_text

    day = as_of or date.today()
    click.echo(instruments_json(catalogue(), day) if fmt == "json" else instruments_text(catalogue(), day, lang),
               nl=fmt == "json")


@cli.group(invoke_without_command=True)
@click.option("--family", help="Only this rule family (the id prefix, e.g. DC, MWB, A60).")
@click.option("--in-force-on", type=ISO_DATE, help="Only rules in force on this date.")
@LANG
@click.pass_context
def rules(ctx, family, in_force_on, lang):
    """List the rules (or `rules show ID` for one rule)."""
    if ctx.invoked_subcommand:
        return
    from advisor.engine import rule_metas
    from advisor.render import rules_text

    metas = rule_metas()
    if family:
        families = sorted({m.family for m in metas})
        if family.upper() not in families:
            raise InputError("--family", [f"unknown rule family {family!r}; allowed: {', '.join(families)}"])
        metas = [m for m in metas if m.family == family.upper()]
    if in_force_on:
        metas = [m for m in metas if m.in_force(in_force_on)]
    click.echo(rules_text(metas, lang), nl=False)


@rules.command("show")
@click.argument("rule_id")
@LANG
def rules_show(rule_id, lang):
    """Show one rule: texts, window, sources, condition and law."""
    from advisor.engine import rule_metas
    from advisor.knowledge import catalogue
    from advisor.render import rule_detail

    by_id = {m.id: m for m in rule_metas()}
    meta = by_id.get(rule_id.upper())
    if meta is None:
        raise InputError("rules show", [f"unknown rule id {rule_id!r}; `advisor rules` lists them all"])
    click.echo(rule_detail(meta, catalogue(), lang), nl=False)


# Verbs that live in modules of their own (each module owns its verbs and their tests).
from advisor.cli_pool import experts  # noqa: E402
from advisor.cli_steps import steps  # noqa: E402
from advisor.cli_scenarios import scenarios  # noqa: E402
from advisor.cli_interview import interview, questions, selfcheck, sessions  # noqa: E402

for _command in (experts, steps, scenarios, interview, selfcheck, sessions, questions):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Entry point: bad input becomes one message on stderr and exit code 2, never a traceback."""
    try:
        cli.main(args=argv, prog_name="advisor", standalone_mode=False)
    except InputError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
