"""The ``advisor`` command: thin click verbs over the engine, the catalogue and the renderers."""
from __future__ import annotations

import os
import re
import sys
from collections.abc import MutableMapping
from datetime import date

import click

from advisor.cli.explain import advice_options, echo_advice
from advisor.cli.options import ISO_DATE, LANG
from advisor.errors import InputError, printable
from advisor.i18n import render, t

EXAMPLES = """
Examples:

\b
  advisor advise scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml
  advisor advise my-case.yaml --lang en --format markdown
  advisor advise scenarios/worked-examples/ex2-2005-vzw-green-maintenance.yaml --as-of 2019-06-01
  advisor instruments --as-of 2005-06-01
  advisor rules --family DC --in-force-on 2026-03-01
  advisor rules show DC-010

Exit codes: 0 advice given; 2 bad input (the message names the file, the field and what is allowed);
1 the environment failed (a file that cannot be written, a full disk, a broken sessions database).
"""


def _show_version(ctx, _param, value) -> None:
    """`advisor --version`: the package's version and the knowledge's (the catalogue digest of
    rules/catalogue/, with the period it covers)."""
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import PackageNotFoundError, version

    from advisor.i18n import t
    from advisor.knowledge import catalogue

    try:
        package = version("werkwaardig-advisor")
    except PackageNotFoundError:  # run from a checkout that was never installed
        package = "0+unknown"
    cat = catalogue()
    # in the default language: --version comes before any verb and its --lang
    click.echo(t("version", "nl", package=package, knowledge=cat.version, start=cat.covers_from.isoformat(),
                 end=cat.checked_until.isoformat()))
    ctx.exit()


@click.group(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help="Show the package and knowledge versions and exit.")
def cli():
    """WERK.WAARDIG advisor: which social-economy employment instrument fits a starter in
    South West Flanders, on a date from 2005 to 2026, and why (not)."""


@cli.command()
@click.argument("case_file", metavar="CASE.yaml", type=click.Path())
@advice_options
def advise(case_file, as_of, lang, fmt, explain, detail, why_not, compare, what_if):
    """Advise on a case file (or on the case of a scenario file)."""
    from advisor.plan.consult import consult
    from advisor.regression.scenarios import load_case_or_scenario

    case = load_case_or_scenario(case_file)
    advice = consult(case, as_of=as_of, lang=lang)
    echo_advice(case, advice, lang, fmt, explain, detail, why_not, compare, what_if)


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


# Verbs that live in modules of their own (each module owns its verbs and their tests), by
# name: a verb's module is imported only when that verb is run (or listed in --help), so that
# `advisor advise` does not load the interview, the scenarios, the web or the schema code.
VERBS = {
    "experts": "advisor.cli.pool", "rules": "advisor.cli.rules", "steps": "advisor.cli.steps",
    "scenarios": "advisor.cli.scenarios", "interview": "advisor.cli.interview",
    "selfcheck": "advisor.cli.interview", "sessions": "advisor.cli.interview",
    "questions": "advisor.cli.interview", "knowledge": "advisor.cli.knowledge", "web": "advisor.cli.web",
    "report": "advisor.cli.web", "schema": "advisor.cli.schema", "monitor": "advisor.cli.monitor",
    "cases": "advisor.cli.cases",
}


class _Verbs(MutableMapping):
    """The group's commands: the verbs defined here, and those of VERBS imported on first use
    (click reads ``Group.commands`` as a mapping of names to commands)."""

    def __init__(self, commands: dict, lazy: dict[str, str]):
        self._loaded, self._lazy = dict(commands), dict(lazy)

    def __getitem__(self, name):
        if name not in self._loaded and name in self._lazy:
            from importlib import import_module

            self._loaded[name] = getattr(import_module(self._lazy[name]), name)
        return self._loaded[name]

    def __setitem__(self, name, command):
        self._loaded[name] = command

    def __delitem__(self, name):
        self._loaded.pop(name, None)
        self._lazy.pop(name, None)

    def __contains__(self, name):  # without importing the verb's module
        return name in self._loaded or name in self._lazy

    def __iter__(self):
        return iter(sorted(self._loaded.keys() | self._lazy.keys()))

    def __len__(self):
        return len(self._loaded.keys() | self._lazy.keys())


cli.commands = _Verbs(cli.commands, VERBS)


def usage_error_nl(exc: click.UsageError) -> str:
    """A command-line mistake in Dutch: the kinds click reports, with what is allowed."""
    param = exc.param.get_error_hint(exc.ctx) if getattr(exc, "param", None) is not None and exc.ctx else ""
    if isinstance(exc, click.NoSuchOption):
        hint = t("cli_did_you_mean", "nl", names=", ".join(sorted(exc.possibilities))) if exc.possibilities else ""
        return t("cli_no_such_option", "nl", name=exc.option_name, hint=hint)
    if isinstance(exc, click.MissingParameter):
        return t("cli_missing", "nl", what=param)
    if isinstance(exc, click.BadParameter):
        kind = getattr(exc.param, "type", None)
        if isinstance(kind, click.Choice):
            given = re.match(r"'(.*)' is not one of", exc.message)  # click keeps the value only in its text
            return t("cli_choice", "nl", what=param, given=printable(repr(given.group(1))) if given else "",
                     allowed=", ".join(map(str, kind.choices)))
        detail = render(getattr(exc, "text", exc.message), "nl")
        return t("cli_bad_value", "nl", what=param, detail=detail) if param else t("cli_bad", "nl", detail=detail)
    if exc.message.startswith("No such command"):
        return t("cli_no_such_command", "nl", name=exc.message.split("'")[1] if "'" in exc.message else "")
    return t("cli_usage", "nl", detail=exc.message)


def main(argv: list[str] | None = None) -> None:
    """Entry point: one message on stderr in the user's language, never a traceback; exit 2
    for bad input (a file, a field, an option the user gave), 1 for a failure of the
    environment (I/O, a full or read-only disk, a broken sessions database, a closed pipe)."""
    args = sys.argv[1:] if argv is None else argv
    lang = _lang(args)
    try:
        cli.main(args=args, prog_name="advisor", standalone_mode=False)
    except InputError as exc:  # EnvironmentFailure included: its exit_code is 1
        _drop_stdout_if_broken()
        click.echo(printable(f"{t('err_prefix', lang)}: {exc.text(lang)}"), err=True)
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        if lang == "en":
            exc.show()
        else:  # click's own texts are English: say the usual ones in Dutch, with the usage line
            if exc.ctx is not None:
                click.echo(exc.ctx.get_usage().replace("Usage:", t("cli_usage_word", lang), 1), err=True)
            click.echo(printable(f"{t('err_prefix', lang)}: {usage_error_nl(exc)}"), err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo(t("err_aborted", lang), err=True)
        sys.exit(1)
    except BrokenPipeError:  # `advisor ... | head`: the reader left; nothing more to say
        _drop_stdout()
        sys.exit(1)
    except (OSError, MemoryError) as exc:  # the world failed (a full disk, a closed terminal): exit 1
        _drop_stdout()
        error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc.__class__.__name__
        click.echo(printable(f"{t('err_prefix', lang)}: {t('err_environment', lang, error=error)}"), err=True)
        sys.exit(1)
    except Exception as exc:
        sqlite3 = sys.modules.get("sqlite3")  # a database failure the store did not turn into a message
        if sqlite3 is None or not isinstance(exc, sqlite3.Error):
            raise
        click.echo(printable(f"{t('err_prefix', lang)}: {t('err_db_failed', lang, error=exc)}"), err=True)
        sys.exit(1)


def _lang(argv: list[str]) -> str:
    """The --lang of the command line, read before click parses it (its errors need it too)."""
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv):
            return "en" if argv[n + 1] == "en" else "nl"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "nl"
    return "nl"


def _drop_stdout_if_broken() -> None:
    """After a failure, stdout may be a full device or a closed pipe: flushing it at exit
    would fail again, so test it first."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _drop_stdout()


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit cannot fail a second time."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    main()
