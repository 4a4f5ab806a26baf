"""Options shared by the CLI modules (a module of its own, so that each verb module can use
them without importing advisor.cli.main, which imports the verb modules)."""
from __future__ import annotations

from datetime import date

import click

from advisor.i18n import msg, t


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            error = click.BadParameter(t("cli_not_a_date", "en", value=repr(value)), ctx, param)
            error.text = msg("cli_not_a_date", value=repr(value))  # for advisor.cli.main, in --lang
            raise error from None


ISO_DATE = IsoDate()
LANG = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                    help="Language of everything the user reads.")
