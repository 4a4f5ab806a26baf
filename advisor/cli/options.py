"""Options shared by the CLI modules (a module of its own, so that each verb module can use
them without importing advisor.cli.main, which imports the verb modules)."""
from __future__ import annotations

from datetime import date

import click


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01", param, ctx)


ISO_DATE = IsoDate()
LANG = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                    help="Language of everything the user reads.")
