"""The ``advisor`` command: thin click verbs over the engine, the catalogue and the renderers."""
from __future__ import annotations

import os
import sys
from datetime import date

import click

from advisor.cli.options import ISO_DATE, LANG
from advisor.errors import InputError, printable

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
@click.option("--detail", is_flag=True, help="Text and Markdown: every reason with what it is based on, every step "
              "with who does it and what it needs (JSON always has everything).")
def advise(case_file, as_of, lang, fmt, explain, detail):
    """Advise on a case file (or on the case of a scenario file)."""
    from advisor.plan.consult import consult
    from advisor.render import advice_json, advice_text, passed_over_text
    from advisor.regression.scenarios import load_case_or_scenario

    case = load_case_or_scenario(case_file)
    advice = consult(case, as_of=as_of, lang=lang)
    passed_over = None
    if explain:
        from advisor.plan.matching import propose_experts

        passed_over = propose_experts(case, advice).passed_over
    if fmt == "json":
        click.echo(advice_json(advice, passed_over))
        return
    click.echo(advice_text(advice, md=fmt == "markdown", detail=detail), nl=False)
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


# Verbs that live in modules of their own (each module owns its verbs and their tests).
from advisor.cli.pool import experts  # noqa: E402
from advisor.cli.rules import rules  # noqa: E402
from advisor.cli.steps import steps  # noqa: E402
from advisor.cli.scenarios import scenarios  # noqa: E402
from advisor.cli.interview import interview, questions, selfcheck, sessions  # noqa: E402
from advisor.cli.web import report, web  # noqa: E402

for _command in (experts, rules, steps, scenarios, interview, selfcheck, sessions, questions, web, report):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Entry point: bad input becomes one message on stderr and exit code 2, never a traceback."""
    try:
        cli.main(args=argv, prog_name="advisor", standalone_mode=False)
    except InputError as exc:
        click.echo(printable(f"error: {exc.message}"), err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except BrokenPipeError:  # `advisor ... | head`: the reader left; nothing more to say
        _drop_stdout()
        sys.exit(1)
    except OSError as exc:  # the world failed (a full disk, a closed terminal): exit 1, no traceback
        _drop_stdout()
        click.echo(printable(f"error: {exc.strerror or exc}"), err=True)
        sys.exit(1)


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit cannot fail a second time."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    main()
