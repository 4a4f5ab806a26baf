"""Interview sessions that survive, in the case store: every answer is committed as it is given.

One row per event in ``answers`` (an answer, an "I don't know", a retracted answer, an
advisor's override), each in its own transaction, so a killed process loses nothing that was
confirmed. The state of a session is the fold of its events in order, which also keeps the full
history (what was changed, when, by whom: ``author``). A session may belong to a case
(``case_id``).

The store is ``advisor.store.db.connect()``'s: SQLite in the user's data directory by default,
``--db PATH`` / ``ADVISOR_SESSIONS_DB`` another SQLite file, ``--db-url`` / ``ADVISOR_DB_URL``
any store (a region's PostgreSQL). Opening it checks and migrates it (see ``advisor.store.db``).

Two writers on one session lose no answer: an event is appended in one transaction that first
locks the session's row (PostgreSQL: ``SELECT ... FOR UPDATE``; SQLite: ``BEGIN IMMEDIATE``)
and then takes the next seq, so concurrent answers are both kept, in the order they were
committed. A writer that wants to be sure it saw everything passes ``seen=`` (the last seq it
showed): if someone else appended meanwhile its event is refused with a "reload" message
(InputError) and nothing is written. The terminal interview also holds a session for one
process at a time: ``claim`` refuses a session another live process holds, and takes over a
dead one's lock.
"""
from __future__ import annotations

import json
import os
import secrets
import socket
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from advisor.errors import EnvironmentFailure, InputError, excerpt, printable, short_text
from advisor.i18n import Msg
from advisor.interview.interview import UNKNOWN
from advisor.store import db
from advisor.store.schema import answers as answers_t
from advisor.store.schema import locks as locks_t
from advisor.store.schema import sessions as sessions_t


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
    author: str | None = None   # who gave it (None in sessions from before the store)


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
    case_id: str | None = None

    @property
    def seq(self) -> int:
        """The last event's seq (0 for none): what a writer passes as ``seen``."""
        return self.events[-1].seq if self.events else 0

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
    """The sessions of a case store. ``path`` names an SQLite file (``--db``), ``url`` any store
    (``--db-url``, which wins); neither: ``advisor.store.db.default_url()``.

    Exit codes: a store that cannot be used is a failure of the environment (1), except a file
    or URL the user named that is no store at all: that argument is wrong (2)."""

    def __init__(self, path: str | Path | None = None, *, url: str | None = None):
        url = db.store_url(url, path)
        self.url = url or db.default_url()
        backend_is_sqlite = self.url.startswith("sqlite")
        #: what messages name: the file, or the URL without its password
        self.source: Path | str = Path(sa.engine.make_url(self.url).database or "") if backend_is_sqlite \
            else db.shown_url(self.url)
        self.engine: sa.Engine | None = None
        self.engine = db.connect(url)

    # --- transactions ------------------------------------------------------------------------

    def _failure(self, exc: BaseException) -> EnvironmentFailure:
        return db.failure(self.source, exc)

    def _no_session(self, conn, sid: str) -> InputError:
        known = conn.execute(sa.select(sessions_t.c.id).order_by(sessions_t.c.created.desc(), sessions_t.c.id)
                             .limit(5)).scalars().all()
        hint = Msg("err_db_recent", ids=printable(", ".join(known))) if known else Msg("err_db_none_yet")
        return InputError(self.source, [Msg("err_db_no_session", id=excerpt(sid), hint=hint)])

    def _locked(self, conn, sid: str) -> None:
        """Lock the session's row for this transaction (PostgreSQL; SQLite's BEGIN IMMEDIATE
        already holds the whole file), or refuse an unknown session."""
        found = conn.execute(sa.select(sessions_t.c.id).where(sessions_t.c.id == sid).with_for_update()).first()
        if found is None:
            raise self._no_session(conn, sid)

    def _write(self, work):
        """Run ``work(conn)`` in one committed transaction (one answer = one transaction)."""
        try:
            with self.engine.begin() as conn:
                return work(conn)
        except InputError:
            raise
        except SQLAlchemyError as exc:  # a full disk, a file made read-only or damaged, a lost server
            raise self._failure(exc) from None

    # --- writing -----------------------------------------------------------------------------

    def create(self, mode: str, lang: str, as_of: date, case_id: str | None = None) -> str:
        # the id is the session's link in `advisor web`: 80 random bits, so it cannot be guessed
        sid = datetime.now().strftime("%Y%m%d") + "-" + secrets.token_hex(10)
        now = _now()
        self._write(lambda conn: conn.execute(sessions_t.insert(), {
            "id": sid, "case_id": case_id, "created": now, "updated": now, "mode": mode, "lang": lang,
            "as_of": as_of.isoformat(), "status": "open"}))
        return sid

    def attach(self, sid: str, case_id: str | None) -> None:
        """Put the session in a case (None: take it out)."""
        def work(conn):
            self._locked(conn, sid)
            conn.execute(sessions_t.update().where(sessions_t.c.id == sid).values(case_id=case_id, updated=_now()))
        self._write(work)

    def _event(self, sid: str, kind: str, field_: str, value: Any, author: str | None, seen: int | None) -> int:
        payload = None if value is None else json.dumps(value, ensure_ascii=False)

        def work(conn) -> int:
            self._locked(conn, sid)
            last = conn.execute(sa.select(sa.func.coalesce(sa.func.max(answers_t.c.seq), 0))
                                .where(answers_t.c.session_id == sid)).scalar()
            if seen is not None and seen != last:
                raise InputError(self.source, [Msg("err_store_stale", id=sid, now=last, seen=seen)])
            now = _now()
            conn.execute(answers_t.insert(), {"session_id": sid, "seq": last + 1, "kind": kind, "field": field_,
                                              "value": payload, "answered_at": now, "author": author})
            conn.execute(sessions_t.update().where(sessions_t.c.id == sid).values(updated=now, status="open"))
            return last + 1

        return self._write(work)

    def record(self, sid: str, path: str, value: Any, *, author: str | None = None, seen: int | None = None) -> int:
        """Save one answer (a parsed value, or UNKNOWN for "I don't know"); returns its seq."""
        if value is UNKNOWN:
            return self._event(sid, "unknown", path, None, author, seen)
        return self._event(sid, "answer", path, value, author, seen)

    def retract(self, sid: str, path: str, *, author: str | None = None, seen: int | None = None) -> int:
        return self._event(sid, "retract", path, None, author, seen)

    def add_override(self, sid: str, override: dict, *, author: str | None = None, seen: int | None = None) -> int:
        return self._event(sid, "override", override["instrument"], override, author, seen)

    def set_lang(self, sid: str, lang: str) -> None:
        """The language a resumed session continues in (``--lang`` on ``--resume``)."""
        self._write(lambda conn: conn.execute(sessions_t.update().where(sessions_t.c.id == sid)
                                              .values(lang=lang, updated=_now())))

    def finish(self, sid: str) -> None:
        self._write(lambda conn: conn.execute(sessions_t.update().where(sessions_t.c.id == sid)
                                              .values(status="finished", updated=_now())))

    # --- one writer per session (the terminal interview) --------------------------------------

    def claim(self, sid: str) -> None:
        """Hold ``sid`` for this process; refuse a session another live process holds."""
        me, host = os.getpid(), socket.gethostname()

        def work(conn):
            self._locked(conn, sid)
            row = conn.execute(sa.select(locks_t.c.pid, locks_t.c.host, locks_t.c.since)
                               .where(locks_t.c.session_id == sid)).first()
            if row and row.pid != me and (row.host != host or _alive(row.pid)):
                raise InputError(self.source, [Msg("err_db_held", id=sid, pid=row.pid, host=printable(str(row.host)),
                                                   since=printable(str(row.since)))])
            conn.execute(locks_t.delete().where(locks_t.c.session_id == sid))
            conn.execute(locks_t.insert(), {"session_id": sid, "pid": me, "host": host, "since": _now()})
        self._write(work)

    def release(self, sid: str) -> None:
        self._write(lambda conn: conn.execute(locks_t.delete().where(locks_t.c.session_id == sid,
                                                                     locks_t.c.pid == os.getpid())))

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None

    # --- reading -----------------------------------------------------------------------------

    def load(self, sid: str) -> Session:
        found = self._read(lambda conn: self._sessions(conn, sessions_t.c.id == sid))
        if not found:
            raise self._read(lambda conn: self._no_session(conn, sid))
        return found[0]

    def list(self, case_id: str | None = None) -> list[Session]:
        """Every session (or a case's), oldest first."""
        where = sa.true() if case_id is None else sessions_t.c.case_id == case_id
        return self._read(lambda conn: self._sessions(conn, where))

    def _read(self, work):
        try:
            with self.engine.connect() as conn:
                return work(conn)
        except SQLAlchemyError as exc:
            raise self._failure(exc) from None
        except (ValueError, TypeError) as exc:  # a row no advisor wrote (bad JSON, a bad date)
            raise EnvironmentFailure(self.source, [Msg("err_db_damaged", check=short_text(str(exc), 200))]) from None

    def _sessions(self, conn, where) -> list[Session]:
        s, a = sessions_t.c, answers_t.c
        rows = conn.execute(sa.select(s.id, s.created, s.updated, s.mode, s.lang, s.as_of, s.status, s.case_id)
                            .where(where).order_by(s.created, s.id)).all()
        out = {r.id: Session(r.id, r.created, r.updated, r.mode, r.lang, date.fromisoformat(r.as_of), r.status,
                             case_id=r.case_id) for r in rows}
        if not out:
            return []
        events = sa.select(a.session_id, a.seq, a.kind, a.field, a.value, a.answered_at, a.author)
        if len(out) == 1:
            events = events.where(a.session_id == next(iter(out)))
        else:
            events = events.where(a.session_id.in_(sa.select(s.id).where(where).scalar_subquery()))
        for e in conn.execute(events.order_by(a.session_id, a.seq)):
            out[e.session_id].events.append(Event(e.seq, e.kind, e.field, None if e.value is None
                                                  else json.loads(e.value), e.answered_at, e.author))
        return list(out.values())
