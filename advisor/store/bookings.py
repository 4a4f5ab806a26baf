"""Expert bookings: an advisor books an expert of the knowledge pool for a case (hours in a
month, a support domain, a note), the expert confirms or declines, and the hours done are
recorded when the booking is closed.

The hours an expert has committed in a month are the pool file's starting figure
(``hours_committed`` in rules/catalogue/experts.yaml, counted in every month) plus the bookings
of that month: requested and confirmed ones with their hours, closed ones with their hours done,
declined ones not at all. ``committed_for(engine, as_of)`` gives the bookings' part for the
month of an advice date, which the faces pass to ``consult(..., booked=...)``: a booked expert
ranks lower for the next case of that month and a full one is passed over. A booking that would
take an expert over ``hours_per_month`` is refused, naming the expert, the month and the hours.

Status changes follow ``TRANSITIONS`` and check the row's ``version`` (someone else may have
changed it meanwhile: then the change is refused with a message to reload).
"""
from __future__ import annotations

import difflib
import re
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import case as when, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine

from advisor.errors import InputError
from advisor.i18n import Msg
from advisor.plan.pool import Expert, Pool, pool as default_pool
from advisor.store.schema import BOOKING_STATUSES, bookings, cases

#: the allowed status changes; a closed or declined booking is final
TRANSITIONS: dict[str, tuple[str, ...]] = {"requested": ("confirmed", "declined"), "confirmed": ("closed",)}
#: at most this many hours in one booking, or done in one (the pool's bound on hours_per_month)
MAX_HOURS = 160
MAX_NOTE = 2000
#: a booking's fields in exports, in this order (the free-text note only when asked for)
EXPORT_FIELDS = ("id", "case_id", "expert_id", "month", "hours", "domain", "status", "hours_done", "booked_by",
                 "created", "updated", "version")
_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class Booking:
    id: int
    case_id: str
    expert_id: str
    month: str
    hours: int
    domain: str
    note: str | None
    status: str
    hours_done: int | None
    booked_by: str
    created: str
    updated: str
    version: int

    @property
    def counted(self) -> int:
        """The hours this booking takes from the expert's month."""
        if self.status == "declined":
            return 0
        if self.status == "closed":
            return self.hours_done if self.hours_done is not None else self.hours
        return self.hours

    def as_dict(self, *, notes: bool = False) -> dict:
        """For JSON and CSV; the free-text note only when asked for."""
        out = {k: getattr(self, k) for k in EXPORT_FIELDS}
        if notes:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class Load:
    """One expert's hours in a month."""
    expert: Expert
    month: str
    available: int   # hours_per_month
    start: int       # the pool file's starting figure (hours_committed)
    requested: int   # booked, not yet confirmed
    confirmed: int
    done: int        # hours done of the closed bookings
    active: bool     # active in the month's year (an inactive one is listed only with bookings)

    @property
    def committed(self) -> int:
        return self.start + self.requested + self.confirmed + self.done

    @property
    def free(self) -> int:
        return max(0, self.available - self.committed)

    def as_dict(self) -> dict:
        return {"expert_id": self.expert.id, "name": self.expert.name, "organisation": self.expert.organisation,
                "month": self.month, "available": self.available, "start": self.start,
                "requested": self.requested, "confirmed": self.confirmed, "done": self.done,
                "committed": self.committed, "free": self.free, "active": self.active}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- checking what is asked ------------------------------------------------------------------


def parse_month(value, where: str = "month") -> str:
    """``YYYY-MM`` (a month from 01 to 12), or an InputError naming ``where``."""
    shown = repr(value)[:40]
    if isinstance(value, str) and _MONTH.fullmatch(value.strip()):
        return value.strip()
    raise InputError(where, [Msg("bk_month", value=shown)])


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _hours(value, where: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= MAX_HOURS:
        raise InputError(where, [Msg("bk_hours", value=repr(value)[:40], low=low, high=MAX_HOURS)])
    return value


def expert_of(expert_id: str, p: Pool | None = None) -> Expert:
    """The pool's expert with this id (in any case), or an InputError with the nearest ids."""
    p = p or default_pool()
    key = str(expert_id).strip().lower()
    for e in p.experts:
        if e.id == key:
            return e
    ids = [e.id for e in p.experts]
    near = difflib.get_close_matches(key, ids, n=3, cutoff=0.6)
    if near:
        raise InputError("expert", [Msg("bk_unknown_expert_near", value=repr(expert_id)[:60], near=", ".join(near))])
    raise InputError("expert", [Msg("bk_unknown_expert", value=repr(expert_id)[:60])])


def _check_expert(e: Expert, month: str, domain: str) -> None:
    year = int(month[:4])
    if not e.active_in(year):
        window = f"{e.first_year}-{e.last_year}" if e.last_year is not None else f"{e.first_year}-"
        raise InputError("expert", [Msg("bk_inactive", expert=e.id, month=month, window=window)])
    if domain not in e.domains:
        raise InputError("domain", [Msg("bk_domain", expert=e.id, value=repr(domain)[:60],
                                        allowed=", ".join(e.domains))])


def _booking(row) -> Booking:
    m = row._mapping
    return Booking(**{k: m[k] for k in Booking.__dataclass_fields__})


# --- reading ---------------------------------------------------------------------------------


def get(engine: Engine, booking_id: int) -> Booking:
    with engine.connect() as conn:
        return _get(conn, booking_id)


def _get(conn: Connection, booking_id: int) -> Booking:
    row = conn.execute(select(bookings).where(bookings.c.id == booking_id)).first()
    if row is None:
        raise InputError("booking", [Msg("bk_unknown_booking", value=booking_id)])
    return _booking(row)


def list_bookings(engine: Engine, *, case_id: str | None = None, expert_id: str | None = None,
                  month: str | None = None) -> list[Booking]:
    """The bookings of a case, an expert and/or a month, by month, expert and id."""
    query = select(bookings)
    if case_id is not None:
        query = query.where(bookings.c.case_id == case_id)
    if expert_id is not None:
        query = query.where(bookings.c.expert_id == expert_id)
    if month is not None:
        query = query.where(bookings.c.month == parse_month(month))
    query = query.order_by(bookings.c.month, bookings.c.expert_id, bookings.c.id)
    with engine.connect() as conn:
        return [_booking(r) for r in conn.execute(query)]


_COUNTED = when((bookings.c.status == "closed", func.coalesce(bookings.c.hours_done, bookings.c.hours)),
                else_=bookings.c.hours)


def _committed(conn: Connection, month: str, expert_id: str | None = None) -> dict[str, int]:
    query = (select(bookings.c.expert_id, func.sum(_COUNTED))
             .where(bookings.c.month == month, bookings.c.status != "declined")
             .group_by(bookings.c.expert_id).order_by(bookings.c.expert_id))
    if expert_id is not None:
        query = query.where(bookings.c.expert_id == expert_id)
    return {e: int(h) for e, h in conn.execute(query) if h}  # a booking closed with 0 hours done takes none


def committed(engine: Engine, month: str) -> dict[str, int]:
    """Expert id -> hours the bookings of ``month`` take (requested and confirmed with their
    hours, closed with their hours done, declined not at all), by expert id. The pool file's
    starting figure is not in it: the matching adds that itself."""
    month = parse_month(month)
    with engine.connect() as conn:
        return _committed(conn, month)


def committed_for(engine: Engine, as_of: date) -> dict[str, int]:
    """The booked hours per expert in the month of the advice date ``as_of``: what a face
    passes as ``consult(case, as_of=..., booked=committed_for(engine, day))``. ``as_of`` is the
    advice's own date: the ``--as-of`` given, else the case's ``as_of``, else today (see
    ``advice_date``)."""
    return committed(engine, month_of(as_of))


def advice_date(case, as_of: date | None = None) -> date:
    """The date an advice on ``case`` is for, as the engine takes it."""
    return as_of or case.as_of or date.today()


def consult_booked(engine: Engine, case, *, as_of: date | None = None, lang: str = "nl", cat=None):
    """``consult()`` with the hours booked in the advice's month: the advice a face gives from a
    stored case (a booked expert ranks lower, a full one is passed over)."""
    from advisor.plan.consult import consult

    return consult(case, as_of=as_of, lang=lang, cat=cat, booked=committed_for(engine, advice_date(case, as_of)))


def load(engine: Engine, month: str, p: Pool | None = None) -> list[Load]:
    """Every expert active in the month's year (and any other of the pool with bookings that
    month), with the hours available, the starting figure, requested, confirmed and done;
    by expert id."""
    month = parse_month(month)
    p = p or default_pool()
    query = (select(bookings.c.expert_id, bookings.c.status, func.sum(_COUNTED))
             .where(bookings.c.month == month, bookings.c.status != "declined")
             .group_by(bookings.c.expert_id, bookings.c.status))
    sums: dict[str, dict[str, int]] = {}
    with engine.connect() as conn:
        for expert_id, status, hours in conn.execute(query):
            sums.setdefault(expert_id, {})[status] = int(hours)
    year = int(month[:4])
    out = []
    for e in sorted(p.experts, key=lambda x: x.id):
        mine = sums.get(e.id, {})
        active = e.active_in(year)
        if not active and not mine:
            continue
        out.append(Load(e, month, e.hours_per_month, e.hours_committed, mine.get("requested", 0),
                        mine.get("confirmed", 0), mine.get("closed", 0), active))
    return out


# --- writing ---------------------------------------------------------------------------------


def _lock_month(conn: Connection, expert_id: str, month: str) -> None:
    """Serialise the bookings of one expert's month, so that two advisors booking at once
    cannot both take the last hours. PostgreSQL: a transaction-scoped advisory lock. SQLite:
    the insert below takes the database's write lock before the hours are summed."""
    if conn.dialect.name == "postgresql":
        key = zlib.crc32(f"booking|{expert_id}|{month}".encode())
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def book(engine: Engine, case_id: str, expert_id: str, month: str, hours: int, domain: str,
         note: str | None = None, booked_by: str = "advisor", *, pool: Pool | None = None) -> Booking:
    """Book ``hours`` of an expert in ``month`` for a case: a new booking, ``requested``.

    Refused (InputError) when the case does not exist, the expert is unknown or not active in
    that year, the domain is not one of the expert's, the hours are not 1..MAX_HOURS, the month
    is not YYYY-MM, or the expert has fewer free hours left in that month than asked."""
    month = parse_month(month)
    hours = _hours(hours, "hours", 1)
    p = pool or default_pool()
    e = expert_of(expert_id, p)
    _check_expert(e, month, domain)
    if note is not None:
        note = note.strip() or None
        if note and len(note) > MAX_NOTE:
            raise InputError("note", [Msg("bk_note_long", n=len(note), max=MAX_NOTE)])
    now = _now()
    with engine.begin() as conn:
        if conn.execute(select(cases.c.id).where(cases.c.id == case_id)).first() is None:
            raise InputError("case", [Msg("bk_unknown_case", value=repr(case_id)[:60])])
        _lock_month(conn, e.id, month)
        new_id = conn.execute(insert(bookings).values(
            case_id=case_id, expert_id=e.id, month=month, hours=hours, domain=domain, note=note,
            status="requested", hours_done=None, booked_by=booked_by, created=now, updated=now,
            version=1)).inserted_primary_key[0]
        booked = _committed(conn, month, e.id).get(e.id, 0) - hours  # the others, not this one
        if e.hours_committed + booked + hours > e.hours_per_month:
            free = max(0, e.hours_per_month - e.hours_committed - booked)
            # leaving the block with an error rolls the insert back
            raise InputError("hours", [Msg("bk_overbooked", expert=f"{e.name} ({e.id})", month=month,
                                           available=e.hours_per_month, committed=e.hours_committed + booked,
                                           start=e.hours_committed, booked=booked, hours=hours, free=free)])
        return _get(conn, new_id)


def _move(engine: Engine, booking_id: int, to: str, seen: int | None, **values) -> Booking:
    assert to in BOOKING_STATUSES
    with engine.begin() as conn:
        current = _get(conn, booking_id)
        if seen is not None and seen != current.version:
            raise InputError("booking", [Msg("bk_changed", id=booking_id)])
        allowed = TRANSITIONS.get(current.status, ())
        if not allowed:
            raise InputError("booking", [Msg("bk_final", id=booking_id, status=Msg("bk_status_" + current.status))])
        if to not in allowed:
            raise InputError("booking", [Msg("bk_transition", id=booking_id, status=Msg("bk_status_" + current.status),
                                             to=Msg("bk_status_" + to), allowed=[Msg("bk_status_" + a) for a in allowed])])
        version = current.version if seen is None else seen
        done = conn.execute(update(bookings).where(bookings.c.id == booking_id, bookings.c.version == version)
                            .values(status=to, updated=_now(), version=version + 1, **values))
        if done.rowcount != 1:
            raise InputError("booking", [Msg("bk_changed", id=booking_id)])
        return _get(conn, booking_id)


def confirm(engine: Engine, booking_id: int, *, seen: int | None = None) -> Booking:
    """The expert confirms a requested booking. ``seen``: the version the caller showed (a web
    form's); None: the current one."""
    return _move(engine, booking_id, "confirmed", seen)


def decline(engine: Engine, booking_id: int, *, seen: int | None = None) -> Booking:
    """The expert declines a requested booking: its hours are free again."""
    return _move(engine, booking_id, "declined", seen)


def close(engine: Engine, booking_id: int, hours_done: int, *, seen: int | None = None) -> Booking:
    """A confirmed booking is done: ``hours_done`` (0..MAX_HOURS) replace its hours in the month."""
    hours_done = _hours(hours_done, "hours_done", 0)
    return _move(engine, booking_id, "closed", seen, hours_done=hours_done)

