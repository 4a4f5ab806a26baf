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

import json
import os
import secrets
import socket
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from advisor.errors import InputError
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


def _private_file(path: Path) -> None:
    """The database file 0600 (created so, or narrowed), in a folder made 0700."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    elif path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)


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
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_path()
        try:
            _private_file(self.path)
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=10)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self._check_and_migrate()
        except InputError:
            raise
        except (OSError, sqlite3.Error) as exc:
            raise InputError(self.path, [f"cannot open the sessions database ({exc})"]) from None

    def _check_and_migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise InputError(self.path, [f"the sessions database has schema version {version}; this advisor "
                                         f"knows versions up to {SCHEMA_VERSION}: use a newer advisor"])
        check = self.conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise InputError(self.path, [f"the sessions database is damaged ({check}); it is left as it is: "
                                         f"restore a copy, or give another --db"])
        if version < SCHEMA_VERSION:  # 0: new or version 1 (no locks table): the same tables plus locks
            self.conn.executescript(SCHEMA + LOCKS + f"PRAGMA user_version = {SCHEMA_VERSION};")

    def claim(self, sid: str) -> None:
        """Hold ``sid`` for this process; refuse a session another live process holds."""
        me, host = os.getpid(), socket.gethostname()
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            row = cur.execute("SELECT pid, host, since FROM locks WHERE session_id = ?", (sid,)).fetchone()
            if row and row[0] != me and (row[1] != host or _alive(row[0])):
                raise InputError(self.path, [f"session {sid} is open in another process (pid {row[0]} on "
                                             f"{row[1]}, since {row[2]}); close it there first"])
            cur.execute("INSERT OR REPLACE INTO locks VALUES (?, ?, ?, ?)", (sid, me, host, _now()))
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")

    def release(self, sid: str) -> None:
        self._tx([("DELETE FROM locks WHERE session_id = ? AND pid = ?", (sid, os.getpid()))])

    def close(self) -> None:
        self.conn.close()

    def _tx(self, statements: list[tuple[str, tuple]]) -> None:
        """Run statements in one committed transaction (one answer = one transaction)."""
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for sql, params in statements:
                cur.execute(sql, params)
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")

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

    def finish(self, sid: str) -> None:
        self._tx([("UPDATE sessions SET status = 'finished', updated = ? WHERE id = ?", (_now(), sid))])

    def load(self, sid: str) -> Session:
        row = self.conn.execute("SELECT id, created, updated, mode, lang, as_of, status FROM sessions "
                                "WHERE id = ?", (sid,)).fetchone()
        if row is None:
            known = [r[0] for r in self.conn.execute("SELECT id FROM sessions ORDER BY created DESC LIMIT 5")]
            hint = f"; recent sessions: {', '.join(known)}" if known else "; there are no sessions yet"
            raise InputError(self.path, [f"no session {sid!r}{hint} (`advisor sessions list`)"])
        session = Session(row[0], row[1], row[2], row[3], row[4], date.fromisoformat(row[5]), row[6])
        for seq, kind, field_, value, at in self.conn.execute(
                "SELECT seq, kind, field, value, answered_at FROM answers WHERE session_id = ? ORDER BY seq",
                (sid,)):
            session.events.append(Event(seq, kind, field_, None if value is None else json.loads(value), at))
        return session

    def list(self) -> list[Session]:
        rows = self.conn.execute("SELECT id FROM sessions ORDER BY created, id").fetchall()
        return [self.load(r[0]) for r in rows]
