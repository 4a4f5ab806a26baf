"""Options shared by the CLI modules (a module of its own, so that each verb module can use
them without importing advisor.cli.main, which imports the verb modules)."""
from __future__ import annotations

from datetime import date

import click

from advisor.i18n import Msg, t


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            error = click.BadParameter(t("cli_not_a_date", "en", value=repr(value)), ctx, param)
            error.text = Msg("cli_not_a_date", value=repr(value))  # for advisor.cli.main, in --lang
            raise error from None


ISO_DATE = IsoDate()
LANG = click.option("--lang", type=click.Choice(["nl", "en"], case_sensitive=False), default="nl", show_default=True,
                    help="Language of everything the user reads.")


def instrument_id(value: str, where: str) -> str:
    """The catalogue id of an instrument given by id, name or abbreviation, in any case
    ("Dienstencheques", "LDE", "service vouchers", "WEP+"); an InputError naming ``where`` and
    the allowed ids otherwise."""
    from advisor.errors import InputError
    from advisor.knowledge import catalogue, fold

    instruments = catalogue().instruments
    key = fold(value)
    meant: dict[str, set[str]] = {}
    for inst in instruments.values():
        for name in (inst.id, inst.name.nl, inst.name.en):
            # the name, the name without its bracket, and what the bracket holds ("LDE")
            head, _, rest = name.partition(" (")
            for form in {name, head, rest.rstrip(")")} - {""}:
                meant.setdefault(fold(form), set()).add(inst.id)
    found = meant.get(key, set()) if key else set()
    if len(found) == 1:
        return found.pop()
    raise InputError(where, [Msg("unknown_instrument", value=repr(value), allowed=", ".join(instruments))])


# the case store (advisor.store): every command that keeps cases takes these two
DB_URL = click.option("--db-url", "db_url", default=None, metavar="URL",
                      help="Case store: an SQLAlchemy URL (default: $ADVISOR_DB_URL, else SQLite in the user's "
                           "data directory), e.g. postgresql+psycopg://advisor@host/werkwaardig.")
ADVISOR = click.option("--advisor", "advisor", default=None, metavar="NAME",
                       help="Who is working (default: $ADVISOR_NAME, else the login name).")
