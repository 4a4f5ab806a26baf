"""The tables of the case store, the same on SQLite and PostgreSQL.

Times are ISO 8601 text in UTC (``2026-12-02T10:15:00+00:00``) and dates ``YYYY-MM-DD``, months
``YYYY-MM``: they sort as text on both backends and read back byte for byte, so every output
ordered by them is the same in every process.

Only group-level facts about workers exist here: a case holds what the case file holds
(worker *groups*), never a person.
"""
from __future__ import annotations

from sqlalchemy import (CheckConstraint, Column, ForeignKey, ForeignKeyConstraint, Index, Integer, MetaData,
                        PrimaryKeyConstraint, String, Table, Text)

# named constraints, so that Alembic can alter them on both backends
metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

CASE_STATUSES = ("intake", "advised", "followed_up", "closed")
SESSION_MODES = ("interview", "selfcheck")
SESSION_STATUSES = ("open", "finished")
EVENT_KINDS = ("answer", "unknown", "retract", "override")
CHANNELS = ("cli", "interview", "web")
FACT_KINDS = ("recommended", "rejected", "missing", "override")
BOOKING_STATUSES = ("requested", "confirmed", "declined", "closed")


def _one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    return CheckConstraint(f"{column} IN ({', '.join(repr(v) for v in values)})", name=column)


cases = Table(
    "cases", metadata,
    Column("id", String(40), primary_key=True),       # random, so a shared link cannot be guessed
    Column("label", String(200), nullable=False),     # how the advisor finds it again
    Column("organisation", String(200)),              # the starter's name, optional
    Column("municipality", String(100)),              # the resolved municipality (advisor.knowledge)
    Column("legal_form", String(40)),                 # organisation.legal_form of the case file
    Column("status", String(20), nullable=False),
    Column("owner", String(100), nullable=False),     # the advisor who keeps the case
    Column("created", String(32), nullable=False),
    Column("updated", String(32), nullable=False),
    Column("version", Integer, nullable=False),       # +1 on every change: the concurrency check
    # label, organisation and municipality folded (advisor.store.cases.search_key): the search is
    # a LIKE in the database, never a read of every case
    Column("search_key", Text, nullable=False, server_default=""),
    _one_of("status", CASE_STATUSES),
)
Index("ix_cases_label", cases.c.label)
Index("ix_cases_updated", cases.c.updated)
Index("ix_cases_created", cases.c.created)           # the monitoring: the cases created in a period

sessions = Table(
    "sessions", metadata,
    Column("id", String(40), primary_key=True),
    Column("case_id", String(40), ForeignKey("cases.id", ondelete="CASCADE")),  # NULL: not (yet) in a case
    Column("created", String(32), nullable=False),
    Column("updated", String(32), nullable=False),
    Column("mode", String(20), nullable=False),
    Column("lang", String(5), nullable=False),
    Column("as_of", String(10), nullable=False),
    Column("status", String(20), nullable=False),
    _one_of("mode", SESSION_MODES),
    _one_of("status", SESSION_STATUSES),
)
Index("ix_sessions_case_id", sessions.c.case_id)

# one row per event, appended: the state of a session is the fold of its events in seq order;
# (session_id, seq) is the primary key, so two writers who saw the same last seq cannot both
# append: the second gets a conflict and must reload (no answer is lost silently)
answers = Table(
    "answers", metadata,
    Column("session_id", String(40), ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("field", String(200), nullable=False),
    Column("value", Text),                            # JSON
    Column("answered_at", String(32), nullable=False),
    Column("author", String(100)),                    # who gave it (NULL in sessions from before the store)
    PrimaryKeyConstraint("session_id", "seq"),
    _one_of("kind", EVENT_KINDS),
)

locks = Table(  # which process writes a session (the terminal interview holds one at a time)
    "locks", metadata,
    Column("session_id", String(40), ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("pid", Integer, nullable=False),
    Column("host", String(200), nullable=False),
    Column("since", String(32), nullable=False),
)

# append-only: a consultation is recorded once and never updated
consultations = Table(
    "consultations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(40), ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("session_id", String(40)),                 # the session it came from, if any
    Column("recorded_at", String(32), nullable=False),
    Column("as_of", String(10), nullable=False),      # the date the advice was for
    Column("knowledge_version", String(80), nullable=False),
    Column("asked_by", String(100), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("municipality", String(100)),              # copied from the case as it was: monitoring reads these
    Column("legal_form", String(40)),
    Column("case_json", Text, nullable=False),        # the case as it was (canonical JSON)
    Column("advice_json", Text, nullable=False),      # the advice given (its JSON)
    Column("overrides_json", Text, nullable=False),   # the overrides and their justifications
    _one_of("channel", CHANNELS),
)
Index("ix_consultations_case_id", consultations.c.case_id, consultations.c.id)
Index("ix_consultations_recorded_at", consultations.c.recorded_at)
# the monitoring: a case's first consultation read from the index alone
Index("ix_consultations_case_id_recorded_at", consultations.c.case_id, consultations.c.recorded_at)

# what a consultation concluded, one row per fact, for the monitoring's counts; case_id and
# recorded_at are the consultation's, copied (records are append-only: they never drift), so
# that a period's facts are counted per instrument from one index, without a join and a sort
# (SQLite has no hash aggregate: joined, 200,000 facts of a year took over a second)
consultation_facts = Table(
    "consultation_facts", metadata,
    Column("consultation_id", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("key", String(200), nullable=False),       # an instrument id, or a field path for "missing"
    Column("case_id", String(40), nullable=False),    # = consultations.case_id
    Column("recorded_at", String(32), nullable=False),  # = consultations.recorded_at
    PrimaryKeyConstraint("consultation_id", "kind", "key"),
    ForeignKeyConstraint(["consultation_id"], ["consultations.id"], ondelete="CASCADE"),
    _one_of("kind", FACT_KINDS),
)
Index("ix_consultation_facts_kind", consultation_facts.c.kind, consultation_facts.c.key,
      consultation_facts.c.recorded_at, consultation_facts.c.case_id)

bookings = Table(
    "bookings", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(40), ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("expert_id", String(60), nullable=False),  # an id of experts.yaml
    Column("month", String(7), nullable=False),       # YYYY-MM
    Column("hours", Integer, nullable=False),
    Column("domain", String(40), nullable=False),     # a support domain of experts.yaml
    Column("note", Text),                             # free text: left out of exports unless asked
    Column("status", String(20), nullable=False),
    Column("hours_done", Integer),                    # recorded when the booking is closed
    Column("booked_by", String(100), nullable=False),
    Column("created", String(32), nullable=False),
    Column("updated", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    CheckConstraint("hours > 0", name="hours"),
    _one_of("status", BOOKING_STATUSES),
)
Index("ix_bookings_expert_id", bookings.c.expert_id, bookings.c.month)
Index("ix_bookings_case_id", bookings.c.case_id)
