"""Where the store is and how to reach it: the URL, the engine, and the schema made current.

The embedded default is SQLite in the user's data directory (``store.sqlite3``); ``--db PATH``
or ``ADVISOR_SESSIONS_DB`` name another SQLite file, and ``--db-url`` or ``ADVISOR_DB_URL``
any store, e.g. ``postgresql+psycopg://advisor@db.example.invalid/werkwaardig`` for the advisors
of one region. ``connect()`` brings the schema to the newest Alembic revision
(``advisor/store/migrations``) on first use, on both backends.

The SQLite file holds answers about disability, income and psychosocial problems, so it is
private: a new file is created 0600 in a folder made 0700, an existing one is narrowed to 0600.
Before anything is written to an existing file it is checked: a file that is no SQLite database,
someone else's database, a newer schema (an Alembic revision this advisor does not know, or a
``user_version`` above ours), a damaged file (``PRAGMA integrity_check``) and a read-only file or
folder are each refused with one message, and the file is left exactly as it was. A sessions
database from before the store (``user_version`` 1 or 2, tables sessions/answers[/locks]) is
recognised, stamped revision 0001 and upgraded in place, every answer kept; the default
``sessions.sqlite3`` of those versions is copied into the new default file once (and kept).
"""
from __future__ import annotations

import errno
import functools
import os
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from advisor.errors import EnvironmentFailure, InputError, printable, short_text
from advisor.i18n import Msg

URL_ENV = "ADVISOR_DB_URL"
SQLITE_ENV = "ADVISOR_SESSIONS_DB"   # an SQLite file (the sessions database's variable, kept)
APP_NAME = "werkwaardig-advisor"
FILE_NAME = "store.sqlite3"
OLD_FILE_NAME = "sessions.sqlite3"   # the default sessions database before the store
HEAD = "0004"                        # the newest revision in migrations/versions (a test checks it)
# PRAGMA user_version of a store file: 1 and 2 were the sessions database's own versions, so an
# advisor from before the store refuses a store file as "newer" instead of misreading it
USER_VERSION = 3
LEGACY_TABLES = {"sessions", "answers", "locks"}
SQLITE_HEADER = b"SQLite format 3\x00"
BACKENDS = ("sqlite", "postgresql")


def data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def default_file() -> Path:
    """The embedded store's file (``ADVISOR_SESSIONS_DB`` names another one)."""
    env = os.environ.get(SQLITE_ENV)
    return Path(env) if env else data_dir() / FILE_NAME


def sqlite_url(path: str | Path) -> str:
    return "sqlite:///" + str(Path(path).absolute())


def default_url() -> str:
    env = os.environ.get(URL_ENV)
    if env:
        return env
    return sqlite_url(default_file())


def store_url(db_url: str | None = None, db_path: str | Path | None = None) -> str | None:
    """The URL the options name: ``--db-url`` before ``--db PATH``; None leaves it to
    ``connect()``'s default (the environment, else the user's data directory)."""
    if db_url:
        return db_url
    if db_path:
        return sqlite_url(db_path)
    return None


def shown_url(url: str) -> str:
    """The URL as it may be printed: never with its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL at all: show no more than its scheme
        return printable(short_text(str(url).split("@")[-1], 80))


def _scrub(message: str, url) -> str:
    """A driver's message without the password, should it ever repeat it."""
    password = getattr(url, "password", None)
    if password:
        message = message.replace(str(password), "***")
    return short_text(message.strip().splitlines()[0] if message.strip() else message, 200)


# --- SQLite: the private file and its checks ---------------------------------------------------


def _readonly(exc: BaseException) -> bool:
    text_ = str(exc).casefold()
    return "readonly" in text_ or "read-only" in text_ or getattr(exc, "errno", None) in (errno.EROFS, errno.EACCES)


class SqliteFile:
    """The checks of an SQLite store file before it is used; ``prepare()`` returns what it holds:
    "new" (empty), "legacy" (a sessions database from before the store) or "store"."""

    def __init__(self, path: Path, explicit: bool, shown: Path | None = None):
        self.path = path
        self.shown = shown or path  # the file the user knows (a copy is checked under its original's name)
        self.wrong_file = InputError if explicit else EnvironmentFailure

    def prepare(self) -> str:
        new = self._prepare_file()
        try:
            conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=rw", uri=True, isolation_level=None,
                                   timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise failure(self.shown, exc, opening=True) from None
        try:
            kind = self._check(conn, new)
        except InputError:
            raise
        except (OSError, sqlite3.Error) as exc:
            raise failure(self.shown, exc, opening=True) from None
        finally:
            conn.close()
        self._narrow()
        return kind

    def _prepare_file(self) -> bool:
        """The folder (made 0700) and the file (created 0600); True when the file is new.
        Nothing is written into an existing file here."""
        folder = self.path.parent
        try:
            if not folder.exists():
                folder.mkdir(mode=0o700, parents=True)
            if not self.path.exists():
                if not os.access(folder, os.W_OK):
                    raise EnvironmentFailure(self.shown, [Msg("err_db_readonly", what=Msg("err_db_readonly_folder"))])
                os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
                return True
        except FileExistsError:  # another process made it just now: check it as an existing one
            pass
        except OSError as exc:
            raise failure(self.shown, exc, opening=True) from None
        if not self.path.is_file():
            raise self.wrong_file(self.shown, [Msg("err_db_not_file")])
        with self.path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
        if not head:
            return True  # an empty file: as new (it is what a crash right after creating it leaves)
        if head != SQLITE_HEADER:
            raise self.wrong_file(self.shown, [Msg("err_db_not_db")])
        for what, target in (("err_db_readonly_file", self.path), ("err_db_readonly_folder", folder)):
            if not os.access(target, os.W_OK):  # the folder too: SQLite writes its -wal and -shm files there
                raise EnvironmentFailure(self.shown, [Msg("err_db_readonly", what=Msg(what))])
        return False

    def _check(self, conn: sqlite3.Connection, new: bool) -> str:
        """Read-only checks of an existing database."""
        from advisor.store.schema import metadata

        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        except sqlite3.DatabaseError as exc:
            if new:
                raise
            raise EnvironmentFailure(self.shown, [Msg("err_db_damaged", check=_short(exc))]) from None
        if version > USER_VERSION:
            raise EnvironmentFailure(self.shown, [Msg("err_db_newer", version=version, known=USER_VERSION)])
        if revision is not None and revision != HEAD and revision not in known_revisions():
            raise EnvironmentFailure(self.shown, [Msg("err_db_newer", version=printable(short_text(revision, 40)),
                                                      known=HEAD)])
        ours = set(metadata.tables) | {"alembic_version"}
        legacy = "alembic_version" not in tables
        if tables and ("sessions" not in tables or tables - (LEGACY_TABLES if legacy else ours)):
            shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
            raise self.wrong_file(self.shown, [Msg("err_db_foreign", tables=printable(shown))])
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if rows != ["ok"]:
            raise EnvironmentFailure(self.shown, [Msg("err_db_damaged", check=_short("; ".join(map(str, rows))))])
        if not tables:
            return "new"
        return "legacy" if legacy else "store"

    def _narrow(self) -> None:
        """An existing file readable by others is narrowed to the owner (never widened:
        a read-only file stays read-only)."""
        mode = self.path.stat().st_mode
        if mode & 0o077:
            os.chmod(self.path, mode & 0o700)


def failure(source, exc: BaseException, opening: bool = False) -> EnvironmentFailure:
    """A failure of the database or of the disk as one message (exit 1)."""
    orig = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's exception
    if _readonly(orig):
        return EnvironmentFailure(source, [Msg("err_db_readonly", what=Msg("err_db_readonly_file"))])
    if isinstance(orig, sqlite3.DatabaseError) and not isinstance(orig, sqlite3.OperationalError):
        return EnvironmentFailure(source, [Msg("err_db_damaged", check=_short(orig))])
    return EnvironmentFailure(source, [Msg("err_db_open" if opening else "err_db_failed", error=_short(orig))])


def _short(exc) -> str:
    return short_text(str(exc), 200)


def _adopt_old_default(path: Path) -> None:
    """The first time the default store file is opened where a sessions database of the
    versions before the store lies (``sessions.sqlite3`` beside it): a consistent copy of it
    (SQLite's backup, so a pending -wal is included) is checked, upgraded and only then put in
    place. The old file is left as it is, so nothing is ever lost."""
    old = path.with_name(OLD_FILE_NAME)
    if path.exists() or not old.is_file():
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.migrating")
    try:
        with old.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
        if head != SQLITE_HEADER:
            raise EnvironmentFailure(old, [Msg("err_db_not_db")])
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        src = sqlite3.connect(old.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        kind = SqliteFile(tmp, explicit=False, shown=old).prepare()
        engine = _sqlite_engine(sqlite_url(tmp))
        try:
            _upgrade(engine, kind, old)
        finally:
            engine.dispose()
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        try:
            os.link(tmp, path)  # never over a store another process made meanwhile
        except FileExistsError:
            pass
    except InputError:
        raise
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        raise failure(old, exc, opening=True) from None
    finally:
        tmp.unlink(missing_ok=True)


# --- engines ----------------------------------------------------------------------------------


#: ``engine.connect().execution_options(**READ_ONLY)``: a connection that only reads (on SQLite
#: its transactions do not take the write lock, so they never wait for a writer)
READ_ONLY_OPTION = "store_read_only"
READ_ONLY = {READ_ONLY_OPTION: True}


def _sqlite_engine(url: str, foreign_keys: bool = True) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        # the driver's own transaction handling off: we say BEGIN ourselves (below)
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")  # CASCADE, as on PostgreSQL
        cursor.execute("PRAGMA journal_mode=WAL")   # readers do not wait for the writer
        cursor.execute("PRAGMA synchronous=FULL")   # a confirmed answer survives a power cut
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # IMMEDIATE: a transaction takes the write lock when it starts, so a read-then-write
        # (the next seq, a version check) never meets a writer in between; others wait (timeout).
        # A connection that only reads says so (READ_ONLY) and never waits for a writer (WAL).
        read_only = conn.get_execution_options().get(READ_ONLY_OPTION)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


@functools.lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    """Every revision in migrations/versions (reading them costs ~20 ms: only off the fast path)."""
    return frozenset(rev.revision for rev in _scripts().walk_revisions())


def _scripts():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


def _alembic_config(connection=None):
    from alembic.config import Config

    config = Config()  # no alembic.ini: everything is set here
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    config.attributes["connection"] = connection
    return config


def _current(conn) -> str | None:
    """The schema's Alembic revision, None when it has none (new, or from before the store)."""
    from sqlalchemy.exc import DBAPIError

    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # no such table (a real failure to reach the database repeats below)
        conn.rollback()
        return None


LEGACY_SQL = (  # the sessions database's own schema (versions 1 and 2), as it created it
    "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, created TEXT NOT NULL, updated TEXT NOT NULL, "
    "mode TEXT NOT NULL CHECK (mode IN ('interview', 'selfcheck')), lang TEXT NOT NULL, as_of TEXT NOT NULL, "
    "status TEXT NOT NULL CHECK (status IN ('open', 'finished')))",
    "CREATE TABLE IF NOT EXISTS answers (session_id TEXT NOT NULL REFERENCES sessions(id), seq INTEGER NOT NULL, "
    "kind TEXT NOT NULL CHECK (kind IN ('answer', 'unknown', 'retract', 'override')), field TEXT NOT NULL, "
    "value TEXT, answered_at TEXT NOT NULL, PRIMARY KEY (session_id, seq))",
    "CREATE TABLE IF NOT EXISTS locks (session_id TEXT PRIMARY KEY REFERENCES sessions(id), pid INTEGER NOT NULL, "
    "host TEXT NOT NULL, since TEXT NOT NULL)",
)


def _upgrade(engine: Engine, kind: str, source) -> None:
    """Bring the schema to HEAD: nothing when it is there (one query), else Alembic, in one
    transaction (a failure leaves the database as it was)."""
    with engine.connect().execution_options(**READ_ONLY) as conn:
        current = _current(conn)
        conn.rollback()
    if current == HEAD:
        return
    from alembic import command
    from alembic.migration import MigrationContext

    if current is not None and current not in known_revisions():
        raise EnvironmentFailure(source, [Msg("err_db_newer", version=printable(short_text(current, 40)), known=HEAD)])
    sqlite = engine.dialect.name == "sqlite"
    # SQLite: the migrations rebuild tables, and a DROP TABLE with foreign keys on would cascade
    # into the answers; so they run on a connection of their own with the keys off
    target = _sqlite_engine(str(engine.url), foreign_keys=False) if sqlite else engine
    try:
        with target.begin() as conn:
            if not sqlite:  # two advisors starting at once: one migrates, the other waits and finds it done
                conn.execute(text("SELECT pg_advisory_xact_lock(1515)"))
            if not sqlite and MigrationContext.configure(conn).get_current_revision() is None:
                from sqlalchemy import inspect

                from advisor.store.schema import metadata

                clash = sorted(set(inspect(conn).get_table_names()) & set(metadata.tables))
                if clash:  # tables of our names that no migration of ours made: someone else's
                    raise InputError(source, [Msg("err_db_foreign", tables=printable(", ".join(clash[:5])))])
            config = _alembic_config(conn)
            if kind == "legacy" and MigrationContext.configure(conn).get_current_revision() is None:
                for sql in LEGACY_SQL:  # a version-1 database had no locks table yet
                    conn.exec_driver_sql(sql)
                command.stamp(config, "0001")
            command.upgrade(config, "head")
            if sqlite:
                conn.exec_driver_sql(f"PRAGMA user_version = {USER_VERSION}")
    finally:
        if target is not engine:
            target.dispose()


def connect(url: str | None = None) -> Engine:
    """An engine on the store at ``url`` (default: ``default_url()``), its schema made current.

    A wrong or unusable store is one message: InputError (exit 2) for a URL or file the user
    named that is not a store; EnvironmentFailure (exit 1) for a store that cannot be reached,
    is damaged, read-only or newer. URLs are shown without their password."""
    explicit = url is not None or bool(os.environ.get(URL_ENV) or os.environ.get(SQLITE_ENV))
    named_by = URL_ENV if url is None and os.environ.get(URL_ENV) else "--db-url"
    url = url or default_url()
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except Exception:
        backend = None
    if backend not in BACKENDS:
        raise InputError(named_by, [Msg("err_store_url", url=shown_url(url), allowed=", ".join(BACKENDS))])
    if backend == "sqlite":
        database = parsed.database
        if not database or database == ":memory:" or parsed.query.get("mode"):
            engine = _sqlite_engine(url)  # in memory, or a URI the caller set up: no file to check
            _upgrade(engine, "new", url)
            return engine
        path = Path(database)
        if path == data_dir() / FILE_NAME:
            _adopt_old_default(path)
        kind = SqliteFile(path, explicit).prepare()
        engine = _sqlite_engine(url)
        try:
            _upgrade(engine, kind, path)
        except InputError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            raise failure(path, exc, opening=True) from None
        return engine
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # the driver is not installed, or no such driver (postgresql+nosuch://)
        raise EnvironmentFailure(shown_url(url), [Msg("err_store_unreachable", error=_scrub(str(exc), parsed))]) from None
    try:
        _upgrade(engine, "store", shown_url(url))
    except InputError:
        engine.dispose()
        raise
    except Exception as exc:  # refused, unknown host, wrong password, no such database
        engine.dispose()
        orig = getattr(exc, "orig", None) or exc
        raise EnvironmentFailure(shown_url(url), [Msg("err_store_unreachable",
                                                      error=_scrub(str(orig), parsed))]) from None
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
