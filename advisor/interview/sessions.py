"""Interview sessions that survive: every answer is committed to SQLite as it is given.

One row per event in ``answers`` (an answer, an "I don't know", a retracted answer, an
advisor's override), each in its own transaction, so a killed process loses nothing that
was confirmed. The state of a session is the fold of its events in order, which also keeps
the full history (what was changed, when).

The default database lives in the user's data directory; ``--db PATH`` or the environment
variable ``ADVISOR_SESSIONS_DB`` override it (tests never touch the home directory).

It holds answers about disability, income and psychosocial problems, so it is private: a new
database is created 0600 in a folder made 0700, and an existing one is narrowed to 0600. Its
schema version is ``PRAGMA user_version``: an older one is migrated, a newer one refused, and
a damaged one reported (never written over). A session is written by one process at a time:
``claim`` refuses a session another live process holds, and takes over a dead one's lock.
"""
from __future__ import annotations

import errno
import json
import os
import secrets
import socket
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from advisor.errors import EnvironmentFailure, InputError, excerpt, printable, short_text
from advisor.i18n import Msg
from advisor.interview.interview import UNKNOWN

ENV_VAR = "ADVISOR_SESSIONS_DB"
APP_NAME = "werkwaardig-advisor"

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('interview', 'selfcheck')),
    lang TEXT NOT NULL,
    as_of TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'finished'))
);
CREATE TABLE IF NOT EXISTS answers (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('answer', 'unknown', 'retract', 'override')),
    field TEXT NOT NULL,
    value TEXT,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
"""
# schema version 2: which process writes a session (one at a time)
LOCKS = """
CREATE TABLE IF NOT EXISTS locks (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id),
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    since TEXT NOT NULL
);
"""
SCHEMA_VERSION = 2


def default_path() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / "sessions.sqlite3"


SQLITE_HEADER = b"SQLite format 3\x00"
OUR_TABLES = {"sessions", "answers", "locks"}


def _readonly(exc: BaseException) -> bool:
    text = str(exc).casefold()
    return "readonly" in text or "read-only" in text or getattr(exc, "errno", None) in (errno.EROFS, errno.EACCES)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Event:
    seq: int
    kind: str
    field: str
    value: Any
    answered_at: str


@dataclass
class Session:
    id: str
    created: str
    updated: str
    mode: str
    lang: str
    as_of: date
    status: str
    events: list[Event] = field(default_factory=list)

    @property
    def answers(self) -> dict[str, Any]:
        """The current answers, in the order they were (last) given; UNKNOWN for "don't know"."""
        out: dict[str, Any] = {}
        for e in self.events:
            if e.kind in ("answer", "unknown", "retract"):
                out.pop(e.field, None)
            if e.kind == "answer":
                out[e.field] = e.value
            elif e.kind == "unknown":
                out[e.field] = UNKNOWN
        return out

    @property
    def overrides(self) -> list[dict]:
        """The advisor's overrides, one per instrument (the last one given wins)."""
        out: dict[str, dict] = {}
        for e in self.events:
            if e.kind == "override":
                out[e.field] = e.value
        return list(out.values())


class SessionStore:
    """The sessions database. Opening it checks it before anything is written: a file that is
    no SQLite database, an SQLite database without our tables (someone else's), a newer schema
    version, a damaged file (``PRAGMA integrity_check``) and a read-only file or folder are
    each refused with one message, and the file is left exactly as it was.

    Exit codes: a database that cannot be used is a failure of the environment (1), except
    a file that is no sessions database at all, named by ``--db`` or ADVISOR_SESSIONS_DB:
    that path is wrong (2)."""

    def __init__(self, path: str | Path | None = None):
        explicit = path is not None or bool(os.environ.get(ENV_VAR))
        self.path = Path(path) if path else default_path()
        self._wrong_file = InputError if explicit else EnvironmentFailure
        self.conn = None
        try:
            new = self._prepare_file()
            self.conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=rw", uri=True,
                                        isolation_level=None, timeout=10)
            migrate = self._check(new)
            self._narrow()
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            if migrate:  # new, or version 1 (no locks table): the same tables plus locks
                self.conn.executescript(SCHEMA + LOCKS + f"PRAGMA user_version = {SCHEMA_VERSION};")
        except InputError:
            self.close()
            raise
        except (OSError, sqlite3.Error) as exc:
            self.close()
            raise self._failure(exc, opening=True) from None

    def _prepare_file(self) -> bool:
        """The folder (made 0700) and the file (created 0600); True when the file is new.
        Nothing is written into an existing file here."""
        folder = self.path.parent
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True)
        if not self.path.exists():
            if not os.access(folder, os.W_OK):
                raise EnvironmentFailure(self.path, [Msg("err_db_readonly", what=Msg("err_db_readonly_folder"))])
            os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return True
        if not self.path.is_file():
            raise self._wrong_file(self.path, [Msg("err_db_not_file")])
        with self.path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
        if not head:
            return True  # an empty file: as new (it is what a crash right after creating it leaves)
        if head != SQLITE_HEADER:
            raise self._wrong_file(self.path, [Msg("err_db_not_db")])
        for what, target in (("err_db_readonly_file", self.path), ("err_db_readonly_folder", folder)):
            if not os.access(target, os.W_OK):  # the folder too: SQLite writes its -wal and -shm files there
                raise EnvironmentFailure(self.path, [Msg("err_db_readonly", what=Msg(what))])
        return False

    def _check(self, new: bool) -> bool:
        """Read-only checks of an existing database; True when its tables must be made."""
        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            if new:
                raise
            raise EnvironmentFailure(self.path, [Msg("err_db_damaged", check=_short(exc))]) from None
        if version > SCHEMA_VERSION:
            raise EnvironmentFailure(self.path, [Msg("err_db_newer", version=version, known=SCHEMA_VERSION)])
        if tables and ("sessions" not in tables or tables - OUR_TABLES):
            shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
            raise self._wrong_file(self.path, [Msg("err_db_foreign", tables=printable(shown))])
        rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check(5)")]
        if rows != ["ok"]:
            raise EnvironmentFailure(self.path, [Msg("err_db_damaged", check=_short("; ".join(map(str, rows))))])
        return version < SCHEMA_VERSION or not tables

    def _narrow(self) -> None:
        """An existing file readable by others is narrowed to the owner (never widened:
        a read-only file stays read-only)."""
        mode = self.path.stat().st_mode
        if mode & 0o077:
            os.chmod(self.path, mode & 0o700)

    def _failure(self, exc: BaseException, opening: bool = False) -> EnvironmentFailure:
        """A failure of SQLite or of the disk as one message (exit 1)."""
        if _readonly(exc):
            return EnvironmentFailure(self.path, [Msg("err_db_readonly", what=Msg("err_db_readonly_file"))])
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            return EnvironmentFailure(self.path, [Msg("err_db_damaged", check=_short(exc))])
        return EnvironmentFailure(self.path, [Msg("err_db_open" if opening else "err_db_failed", error=_short(exc))])

    def claim(self, sid: str) -> None:
        """Hold ``sid`` for this process; refuse a session another live process holds."""
        me, host = os.getpid(), socket.gethostname()
        try:
            self._claim(sid, me, host)
        except sqlite3.Error as exc:
            raise self._failure(exc) from None

    def _claim(self, sid: str, me: int, host: str) -> None:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            row = cur.execute("SELECT pid, host, since FROM locks WHERE session_id = ?", (sid,)).fetchone()
            if row and row[0] != me and (row[1] != host or _alive(row[0])):
                raise InputError(self.path, [Msg("err_db_held", id=sid, pid=row[0], host=printable(str(row[1])),
                                                 since=printable(str(row[2])))])
            cur.execute("INSERT OR REPLACE INTO locks VALUES (?, ?, ?, ?)", (sid, me, host, _now()))
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")

    def release(self, sid: str) -> None:
        self._tx([("DELETE FROM locks WHERE session_id = ? AND pid = ?", (sid, os.getpid()))])

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def _tx(self, statements: list[tuple[str, tuple]]) -> None:
        """Run statements in one committed transaction (one answer = one transaction)."""
        try:
            cur = self.conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                for sql, params in statements:
                    cur.execute(sql, params)
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")
        except sqlite3.Error as exc:  # a full disk, a file made read-only or damaged under us
            raise self._failure(exc) from None

    def create(self, mode: str, lang: str, as_of: date) -> str:
        # the id is the session's link in `advisor web`: 80 random bits, so it cannot be guessed
        sid = datetime.now().strftime("%Y%m%d") + "-" + secrets.token_hex(10)
        now = _now()
        self._tx([("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, 'open')",
                   (sid, now, now, mode, lang, as_of.isoformat()))])
        return sid

    def _event(self, sid: str, kind: str, field_: str, value: Any = None) -> None:
        now = _now()
        payload = None if value is None else json.dumps(value, ensure_ascii=False)
        self._tx([
            ("INSERT INTO answers VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM answers "
             "WHERE session_id = ?), ?, ?, ?, ?)", (sid, sid, kind, field_, payload, now)),
            ("UPDATE sessions SET updated = ?, status = 'open' WHERE id = ?", (now, sid)),
        ])

    def record(self, sid: str, path: str, value: Any) -> None:
        """Save one answer (a parsed value, or UNKNOWN for "I don't know")."""
        if value is UNKNOWN:
            self._event(sid, "unknown", path)
        else:
            self._event(sid, "answer", path, value)

    def retract(self, sid: str, path: str) -> None:
        self._event(sid, "retract", path)

    def add_override(self, sid: str, override: dict) -> None:
        self._event(sid, "override", override["instrument"], override)

    def set_lang(self, sid: str, lang: str) -> None:
        """The language a resumed session continues in (``--lang`` on ``--resume``)."""
        self._tx([("UPDATE sessions SET lang = ?, updated = ? WHERE id = ?", (lang, _now(), sid))])

    def finish(self, sid: str) -> None:
        self._tx([("UPDATE sessions SET status = 'finished', updated = ? WHERE id = ?", (_now(), sid))])

    def load(self, sid: str) -> Session:
        try:
            return self._load(sid)
        except sqlite3.Error as exc:
            raise self._failure(exc) from None
        except (ValueError, TypeError) as exc:  # a row no advisor wrote (bad JSON, a bad date)
            raise EnvironmentFailure(self.path, [Msg("err_db_damaged", check=_short(exc))]) from None

    def _load(self, sid: str) -> Session:
        row = self.conn.execute("SELECT id, created, updated, mode, lang, as_of, status FROM sessions "
                                "WHERE id = ?", (sid,)).fetchone()
        if row is None:
            known = [r[0] for r in self.conn.execute("SELECT id FROM sessions ORDER BY created DESC LIMIT 5")]
            hint = Msg("err_db_recent", ids=printable(", ".join(known))) if known else Msg("err_db_none_yet")
            raise InputError(self.path, [Msg("err_db_no_session", id=excerpt(sid), hint=hint)])
        session = Session(row[0], row[1], row[2], row[3], row[4], date.fromisoformat(row[5]), row[6])
        for seq, kind, field_, value, at in self.conn.execute(
                "SELECT seq, kind, field, value, answered_at FROM answers WHERE session_id = ? ORDER BY seq",
                (sid,)):
            session.events.append(Event(seq, kind, field_, None if value is None else json.loads(value), at))
        return session

    def list(self) -> list[Session]:
        try:
            rows = self.conn.execute("SELECT id FROM sessions ORDER BY created, id").fetchall()
        except sqlite3.Error as exc:
            raise self._failure(exc) from None
        return [self.load(r[0]) for r in rows]


def _short(exc) -> str:
    return short_text(str(exc), 200)
