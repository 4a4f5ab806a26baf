"""Where the store is and how to reach it: the URL, the engine, and the schema made current.

The embedded default is SQLite in the user's data directory; ``--db-url`` or ``ADVISOR_DB_URL``
selects another store, e.g. ``postgresql+psycopg://advisor@db.example.invalid/werkwaardig`` for
the advisors of one region.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

from advisor.store.schema import metadata

URL_ENV = "ADVISOR_DB_URL"
APP_NAME = "werkwaardig-advisor"


def default_url() -> str:
    env = os.environ.get(URL_ENV)
    if env:
        return env
    import platformdirs

    return "sqlite:///" + str(Path(platformdirs.user_data_dir(APP_NAME)) / "store.sqlite3")


def shown_url(url: str) -> str:
    """The URL as it may be printed: never with its password."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")   # ON DELETE CASCADE, as on PostgreSQL
    cursor.close()


def connect(url: str | None = None) -> Engine:
    """An engine on the store at ``url`` (default: ``default_url()``), its schema made current.

    FOUNDATION ONLY: the schema is created with ``metadata.create_all``; the Alembic migrations,
    the private SQLite file (0600 in a 0700 folder), the checks of an existing file and the
    migration of the sessions databases from before the store replace this (helper ``store``)."""
    url = url or default_url()
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    metadata.create_all(engine)
    return engine


ADVISOR_ENV = "ADVISOR_NAME"


def advisor_name(given: str | None = None) -> str:
    """Who is working: ``--advisor NAME``, else ``ADVISOR_NAME``, else the login name. It is what
    a case's owner, a consultation's "asked by" and a booking's "booked by" record."""
    if given and given.strip():
        return given.strip()
    env = os.environ.get(ADVISOR_ENV, "").strip()
    if env:
        return env
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return "advisor"
