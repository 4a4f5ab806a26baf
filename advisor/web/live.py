"""The sessions a web server works on, and how its request threads share the one engine.

**The engine is not thread-safe** (one experta engine per process: ``reset`` / ``declare`` /
``run`` mutate it, and the interview's own caches are plain dicts). waitress serves each
request on a thread of its pool, so every call that reaches the engine - choosing the next
question, "why am I asked this?", the advice - runs while holding ``Live.engine_lock``, one
at a time. Everything else (SQLite, rendering the HTML, making a PDF) runs outside the lock,
in parallel. One engine per thread would cost a second network (memory, start-up) for no gain
on this two-core machine: the rules are CPU-bound under the GIL either way.

The store is shared with the terminal interview (``advisor.store.sessions``): one SessionStore,
whose SQLAlchemy engine hands each request thread a pooled connection of its own; every answer
is committed before the page that follows it is made, so a killed server loses nothing and the
session continues by its link after a restart. A session is claimed for the length of one
write only, so a terminal ``--resume`` of the same session is refused while a write is under
way, and the web refuses to write to a session a live terminal holds.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import date
from typing import Any, Callable

from advisor.interview.interview import Interview
from advisor.store.sessions import Session, SessionStore
from advisor.models import Override

def interview_day(text: str | None) -> date | None:
    """The date a new interview is for, as a form posted it (YYYY-MM-DD, within the knowledge's
    range); None when it is not one."""
    from advisor.knowledge import catalogue

    try:
        day = date.fromisoformat(str(text or "").strip())
    except ValueError:
        return None
    return day if catalogue().covers_from <= day and day.year <= 2100 else None


#: interviews kept in memory (their caches make the next question fast); rebuilt from the store
#: when a session changed elsewhere or was pushed out
KEEP = 64


class Live:
    def __init__(self, db_path: str | None, db_url: str | None = None):
        self.db_path, self.db_url = db_path, db_url
        self.engine_lock = threading.Lock()
        self._keep_lock = threading.Lock()
        self._kept: OrderedDict[str, tuple[int, Interview]] = OrderedDict()
        # opened (created, migrated, checked) now, not on the first request; thread-safe: each
        # transaction takes a pooled connection of its own
        self._store = SessionStore(db_path, url=db_url)

    def store(self) -> SessionStore:
        """The store every request thread uses."""
        return self._store

    def create(self, mode: str, lang: str, as_of: date) -> str:
        return self.store().create(mode, lang, as_of)

    def load(self, sid: str) -> Session:
        """The session (``InputError`` when there is none: the routes answer 404)."""
        return self.store().load(sid)

    def list(self) -> list[Session]:
        return self.store().list()

    # --- the interview of a session (call with the engine lock held) -----------------------

    @staticmethod
    def _last(session: Session) -> int:
        return session.events[-1].seq if session.events else 0

    def interview(self, session: Session) -> Interview:
        """The session's interview: the one kept in memory if nothing changed since, else rebuilt
        from the saved answers (so the store, not the memory, is the truth)."""
        with self._keep_lock:
            kept = self._kept.get(session.id)
            if kept and kept[0] == self._last(session):
                self._kept.move_to_end(session.id)
                return kept[1]
        iv = Interview(session.as_of, answers=session.answers,
                       overrides=[Override.model_validate(o) for o in session.overrides])
        self._keep(session, iv)
        return iv

    def _keep(self, session: Session, iv: Interview) -> None:
        with self._keep_lock:
            self._kept[session.id] = (self._last(session), iv)
            self._kept.move_to_end(session.id)
            while len(self._kept) > KEEP:
                self._kept.popitem(last=False)

    # --- writes: saved first, then applied to the interview in memory ------------------------

    def _write(self, sid: str, save: Callable[[SessionStore], None], apply: Callable[[Interview], None] | None):
        store = self.store()
        store.claim(sid)  # refused (InputError) while a live terminal interview holds the session
        try:
            save(store)
        finally:
            store.release(sid)
        session = store.load(sid)
        with self._keep_lock:
            kept = self._kept.get(sid)
        if kept and apply is not None:
            apply(kept[1])
            self._keep(session, kept[1])
        else:
            with self._keep_lock:
                self._kept.pop(sid, None)
        return session

    def answer(self, sid: str, path: str, value: Any) -> Session:
        return self._write(sid, lambda s: s.record(sid, path, value), lambda iv: iv.answer(path, value))

    def retract(self, sid: str, path: str) -> Session:
        return self._write(sid, lambda s: s.retract(sid, path), lambda iv: iv.retract(path))

    def override(self, sid: str, override: Override) -> Session:
        data = override.model_dump(mode="json", exclude_none=True)
        return self._write(sid, lambda s: s.add_override(sid, data), None)  # rebuilt with it

    def finish(self, sid: str) -> None:
        self.store().finish(sid)
