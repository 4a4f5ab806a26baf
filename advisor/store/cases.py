"""Named cases: what an advisor finds again ("OCMW Wevelgem"), hands to a colleague, and follows
from intake to closed.

A case has a label, the organisation's name (optional), its municipality (resolved as a case
file resolves it: official name, postcode, deelgemeente or French name, on today's date), the
organisation's legal form, a status (intake -> advised -> followed_up -> closed), its owner (the
advisor who made it) and a ``version``. Every change is
``UPDATE cases ... WHERE id = :id AND version = :seen`` and bumps the version: when two advisors
change the same case, the first one wins and the second is told to reload (``InputError``), so
no change is lost without a word.

Search folds case and accents in Python (``advisor.knowledge.fold``), the same on SQLite and
PostgreSQL: every word asked must occur in the label, the organisation or the municipality.
"""
from __future__ import annotations

import re
import secrets
import typing
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timezone

from advisor.errors import EnvironmentFailure, InputError, excerpt
from advisor.i18n import Msg
from advisor.store.schema import CASE_STATUSES, cases as cases_table, sessions as sessions_table

#: what a case row holds (the search key is the store's, never shown)
ROW_COLUMNS = tuple(c for c in cases_table.c if c.name != "search_key")
from advisor.vocabulary import LegalForm

LEGAL_FORMS: tuple[str, ...] = typing.get_args(LegalForm)
MAX_LABEL = 200
MAX_ORGANISATION = 200
PAGE_SIZE = 20
RECENT = 5  # how many recent ids an "unknown case" message lists

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _fold(text: str) -> str:
    """``advisor.knowledge.fold`` (case, accents, hyphens and spaces do not matter), done by C
    code (a regular expression rather than a loop per character): search folds every case."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return _NOT_ALNUM.sub("", plain)


def search_key(label: str, organisation: str | None, municipality: str | None) -> str:
    """What a search looks in: the three texts folded, one per line (a folded word holds no
    newline, so no word matches across two of them)."""
    return "\n".join(_fold(text or "") for text in (label, organisation, municipality))


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_id() -> str:
    """A case id: the day it was made and 80 random bits, so that a shared link cannot be guessed."""
    return f"{datetime.now(timezone.utc):%Y%m%d}-{secrets.token_hex(10)}"


@dataclass(frozen=True)
class CaseRow:
    id: str
    label: str
    organisation: str | None
    municipality: str | None
    legal_form: str | None
    status: str
    owner: str
    created: str
    updated: str
    version: int

    def as_json(self) -> dict:
        return {"id": self.id, "label": self.label, "organisation": self.organisation,
                "municipality": self.municipality, "legal_form": self.legal_form, "status": self.status,
                "owner": self.owner, "created": self.created, "updated": self.updated, "version": self.version}


@dataclass(frozen=True)
class Page:
    items: list[CaseRow]
    total: int      # how many cases match, on every page
    page: int       # 1-based
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


# --- checking what a person typed ---------------------------------------------------------------


def clean_label(text: str | None, where: str = "label") -> str:
    label = " ".join(str(text or "").split())
    if not label:
        raise InputError(where, [Msg("cs_label_empty", max=MAX_LABEL)])
    _plain(label, where, MAX_LABEL)
    return label


def clean_organisation(text: str | None, where: str = "--organisation") -> str | None:
    name = " ".join(str(text or "").split())
    if not name:
        return None
    _plain(name, where, MAX_ORGANISATION)
    return name


def _plain(text: str, where: str, limit: int) -> None:
    if len(text) > limit:
        raise InputError(where, [Msg("cs_text_long", max=limit, n=len(text))])
    if _CONTROL.search(text):
        raise InputError(where, [Msg("cs_text_control", value=excerpt(text))])


def resolve_municipality(text: str | None, on: date | None = None, where: str = "--municipality") -> str | None:
    """The municipality ``text`` names on ``on`` (default today), as a case file's
    ``organisation.municipality`` is resolved; an InputError with what is allowed otherwise."""
    if text is None or not str(text).strip():
        return None
    from advisor.knowledge import PlaceError, catalogue

    try:
        return catalogue().municipalities.resolve(str(text), on or date.today())
    except PlaceError as exc:
        raise InputError(where, [exc.args[0]]) from None


def check_legal_form(text: str | None, where: str = "--legal-form") -> str | None:
    if text is None or not str(text).strip():
        return None
    key = str(text).strip().lower().replace("-", "_").replace(" ", "_")
    if key not in LEGAL_FORMS:
        raise InputError(where, [Msg("cs_bad_choice", value=excerpt(text), allowed=", ".join(LEGAL_FORMS))])
    return key


def check_status(text: str, where: str = "--status") -> str:
    key = str(text).strip().lower().replace("-", "_").replace(" ", "_")
    if key not in CASE_STATUSES:
        raise InputError(where, [Msg("cs_bad_choice", value=excerpt(text), allowed=", ".join(CASE_STATUSES))])
    return key


# --- the store --------------------------------------------------------------------------------


class CaseStore:
    """The cases of one store (``advisor.store.db.connect``). Two CaseStore objects on one URL
    are two advisors: each sees the other's committed changes, and the version check keeps
    either from silently undoing the other's."""

    def __init__(self, url: str | None = None, *, engine=None):
        from advisor.store.db import connect, default_url

        self.url = url or default_url()
        self.engine = engine if engine is not None else _reach(lambda: connect(self.url), self.url)

    # -- reading --

    def _rows(self, conn, where=None, order=True):
        from sqlalchemy import select

        q = select(*ROW_COLUMNS)
        if where is not None:
            q = q.where(where)
        if order:
            q = q.order_by(cases_table.c.updated.desc(), cases_table.c.id)
        return [CaseRow(**row._mapping) for row in conn.execute(q)]

    def get(self, case_id: str) -> CaseRow:
        """The case ``case_id``; an InputError naming it and the most recent ids otherwise."""
        wanted = str(case_id).strip().lower()
        with self._read() as conn:
            rows = self._rows(conn, cases_table.c.id == wanted, order=False)
        if rows:
            return rows[0]
        recent = [c.id for c in self.list(size=RECENT).items]
        raise InputError(f"case {excerpt(case_id)}", [Msg("cs_unknown", id=excerpt(case_id),
                                                           recent=", ".join(recent) or "-")])

    def list(self, page: int = 1, size: int = PAGE_SIZE) -> Page:
        """The cases, the most recently changed first (then by id), one page of them."""
        from sqlalchemy import func, select

        page, size = max(1, int(page)), max(1, int(size))
        with self._read() as conn:
            total = conn.execute(select(func.count()).select_from(cases_table)).scalar_one()
            q = (select(*ROW_COLUMNS).order_by(cases_table.c.updated.desc(), cases_table.c.id)
                 .limit(size).offset((page - 1) * size))
            items = [CaseRow(**row._mapping) for row in conn.execute(q)]
        return Page(items, total, page, size)

    def search(self, text: str, page: int = 1, size: int = PAGE_SIZE) -> Page:
        """The cases whose label, organisation or municipality hold every word of ``text``,
        whatever the case or accents ("ocmw wevelgem" finds "OCMW Wevelgem"), in list order."""
        from sqlalchemy import and_, func, select

        words = [w for w in (_fold(x) for x in str(text).split()) if w]
        if not words:
            return self.list(page, size)
        page, size = max(1, int(page)), max(1, int(size))
        c = cases_table.c
        # folded words are [0-9a-z] only: LIKE matches them the same on SQLite and PostgreSQL
        where = and_(*(c.search_key.contains(w, autoescape=True) for w in words))
        with self._read() as conn:
            total = conn.execute(select(func.count()).select_from(cases_table).where(where)).scalar_one()
            q = (select(*ROW_COLUMNS).where(where).order_by(c.updated.desc(), c.id)
                 .limit(size).offset((page - 1) * size))
            items = [CaseRow(**row._mapping) for row in conn.execute(q)]
        return Page(items, total, page, size)

    def sessions(self, case_id: str) -> list[dict]:
        """The interview sessions linked to the case (oldest first), as the store keeps them."""
        from sqlalchemy import select

        s = sessions_table.c
        with self._read() as conn:
            rows = conn.execute(select(s.id, s.mode, s.lang, s.as_of, s.status, s.created, s.updated)
                                .where(s.case_id == case_id).order_by(s.created, s.id))
            return [dict(r._mapping) for r in rows]

    # -- changing --

    def create(self, label: str, *, owner: str, organisation: str | None = None,
               municipality: str | None = None, legal_form: str | None = None) -> CaseRow:
        from sqlalchemy import insert

        row = CaseRow(id=new_id(), label=clean_label(label), organisation=clean_organisation(organisation),
                      municipality=resolve_municipality(municipality), legal_form=check_legal_form(legal_form),
                      status="intake", owner=owner, created=now(), updated="", version=1)
        row = CaseRow(**{**row.as_json(), "updated": row.created})
        with self._write() as conn:
            conn.execute(insert(cases_table).values(**row.as_json(),
                                                    search_key=search_key(row.label, row.organisation, row.municipality)))
        return row

    def rename(self, case_id: str, label: str, seen: int | None = None) -> CaseRow:
        return self._change(case_id, seen, label=clean_label(label))

    def set_status(self, case_id: str, status: str, seen: int | None = None) -> CaseRow:
        """Move the case on: intake -> advised -> followed_up -> closed (a step may be skipped,
        never taken back)."""
        status = check_status(status)
        case = self.get(case_id)
        allowed = CASE_STATUSES[CASE_STATUSES.index(case.status) + 1:]
        if status not in allowed:
            raise InputError(f"case {case.id}", [Msg("cs_status_step", status=status, now=case.status,
                                                     allowed=", ".join(allowed) or "-")])
        return self._change(case.id, seen if seen is not None else case.version, status=status)

    def close(self, case_id: str, seen: int | None = None) -> CaseRow:
        return self.set_status(case_id, "closed", seen)

    def delete(self, case_id: str, seen: int | None = None) -> CaseRow:
        """Delete the case with its consultations, facts and bookings (ON DELETE CASCADE); its
        sessions are kept, no longer linked to it."""
        from sqlalchemy import delete, update

        case = self.get(case_id)
        seen = case.version if seen is None else seen
        with self._write() as conn:
            # the sessions hold answers of their own: they stay, unlinked (the FK would delete them)
            conn.execute(update(sessions_table).where(sessions_table.c.case_id == case.id).values(case_id=None))
            done = conn.execute(delete(cases_table).where(cases_table.c.id == case.id,
                                                          cases_table.c.version == seen)).rowcount
            if done != 1:
                raise InputError(f"case {case.id}", [Msg("cs_changed_meanwhile", id=case.id)])
        return case

    def _change(self, case_id: str, seen: int | None, **values) -> CaseRow:
        """One versioned change: refused with "reload" when someone changed the case since ``seen``."""
        from sqlalchemy import update

        case = self.get(case_id)
        seen = case.version if seen is None else int(seen)
        texts = {k: values.get(k, getattr(case, k)) for k in ("label", "organisation", "municipality")}
        with self._write() as conn:
            done = conn.execute(update(cases_table)
                                .where(cases_table.c.id == case.id, cases_table.c.version == seen)
                                .values(**values, search_key=search_key(**texts), updated=now(),
                                        version=seen + 1)).rowcount
            if done != 1:
                raise InputError(f"case {case.id}", [Msg("cs_changed_meanwhile", id=case.id)])
        return self.get(case.id)

    def link_session(self, case_id: str, session_id: str, conn=None) -> None:
        """Put a session of this store in the case (a session id the store does not hold: nothing)."""
        from sqlalchemy import update

        s = sessions_table.c
        change = update(sessions_table).where(s.id == session_id).values(case_id=case_id, updated=now())
        if conn is not None:
            conn.execute(change)
            return
        with self._write() as c:
            c.execute(change)

    # -- connections --

    def _read(self):
        return _Guard(self.engine, self.url, write=False)

    def _write(self):
        return _Guard(self.engine, self.url, write=True)


class _Guard:
    """A connection (a transaction when writing) whose database failures become one message
    naming the store, exit 1, never a traceback."""

    def __init__(self, engine, url: str, write: bool):
        self.engine, self.url, self.write = engine, url, write

    def __enter__(self):
        self._cm = self.engine.begin() if self.write else self.engine.connect()
        try:
            return self._cm.__enter__()
        except Exception as exc:
            _raise_db(exc, self.url)

    def __exit__(self, kind, exc, tb):
        from sqlalchemy.exc import SQLAlchemyError

        try:
            self._cm.__exit__(kind, exc, tb)  # commits, or rolls back after an exception
        except Exception as failure:
            if failure is not exc:
                _raise_db(failure, self.url)  # the commit itself failed
        if isinstance(exc, SQLAlchemyError):
            _raise_db(exc, self.url)
        return False


def _raise_db(exc: Exception, url: str):
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, SQLAlchemyError):
        from advisor.store.db import shown_url

        reason = getattr(exc, "orig", None) or exc
        raise EnvironmentFailure(shown_url(url), [Msg("cs_store_failed", error=excerpt(str(reason).strip()))]) \
            from None
    raise exc


def _reach(make, url: str):
    try:
        return make()
    except Exception as exc:
        _raise_db(exc, url)
