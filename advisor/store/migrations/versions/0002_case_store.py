"""The case store: named cases, a session's case and each answer's author, the consultation
records with their facts, and the expert bookings (everything advisor/store/schema.py adds to
the sessions database).

The sessions' tables get the column types of the store (VARCHAR of a bounded length, the same
on both backends) and ON DELETE CASCADE on their foreign keys. SQLite cannot alter a column or
a foreign key, so there the three tables are rebuilt (new table, copy every row, drop, rename:
``connect()`` runs this with foreign keys off, so the drop cascades into nothing); PostgreSQL
alters them in place. Either way every session and every answer is kept.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# the values of advisor/store/schema.py at this revision (frozen: a migration never changes)
CASE_STATUSES = ("intake", "advised", "followed_up", "closed")
CHANNELS = ("cli", "interview", "web")
FACT_KINDS = ("recommended", "rejected", "missing", "override")
BOOKING_STATUSES = ("requested", "confirmed", "declined", "closed")


def _one_of(table: str, column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    # op.f: the name as it is (the target metadata's naming convention would prefix it again)
    return sa.CheckConstraint(f"{column} IN ({', '.join(repr(v) for v in values)})", name=op.f(f"ck_{table}_{column}"))


def _sessions_tables() -> dict[str, list]:
    """sessions, answers and locks as the store has them: name -> columns and constraints (with
    their final names; the rebuild creates them under a temporary table name)."""
    return {
        "sessions": [
            sa.Column("id", sa.String(40), nullable=False),
            sa.Column("case_id", sa.String(40)),
            sa.Column("created", sa.String(32), nullable=False),
            sa.Column("updated", sa.String(32), nullable=False),
            sa.Column("mode", sa.String(20), nullable=False),
            sa.Column("lang", sa.String(5), nullable=False),
            sa.Column("as_of", sa.String(10), nullable=False),
            sa.Column("status", sa.String(20), nullable=False),
            sa.PrimaryKeyConstraint("id", name="pk_sessions"),
            sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE", name="fk_sessions_case_id_cases"),
            _one_of("sessions", "mode", ("interview", "selfcheck")),
            _one_of("sessions", "status", ("open", "finished")),
        ],
        "answers": [
            sa.Column("session_id", sa.String(40), nullable=False),
            sa.Column("seq", sa.Integer, nullable=False),
            sa.Column("kind", sa.String(20), nullable=False),
            sa.Column("field", sa.String(200), nullable=False),
            sa.Column("value", sa.Text),
            sa.Column("answered_at", sa.String(32), nullable=False),
            sa.Column("author", sa.String(100)),
            sa.PrimaryKeyConstraint("session_id", "seq", name="pk_answers"),
            sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE",
                                    name="fk_answers_session_id_sessions"),
            _one_of("answers", "kind", ("answer", "unknown", "retract", "override")),
        ],
        "locks": [
            sa.Column("session_id", sa.String(40), nullable=False),
            sa.Column("pid", sa.Integer, nullable=False),
            sa.Column("host", sa.String(200), nullable=False),
            sa.Column("since", sa.String(32), nullable=False),
            sa.PrimaryKeyConstraint("session_id", name="pk_locks"),
            sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE",
                                    name="fk_locks_session_id_sessions"),
        ],
    }


# the old columns of each rebuilt table (what is copied) and, on PostgreSQL, their new types
OLD_COLUMNS = {
    "sessions": {"id": 40, "created": 32, "updated": 32, "mode": 20, "lang": 5, "as_of": 10, "status": 20},
    "answers": {"session_id": 40, "seq": None, "kind": 20, "field": 200, "value": None, "answered_at": 32},
    "locks": {"session_id": 40, "pid": None, "host": 200, "since": 32},
}


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(200)),
        sa.Column("municipality", sa.String(100)),
        sa.Column("legal_form", sa.String(40)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("owner", sa.String(100), nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
        sa.Column("updated", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
        _one_of("cases", "status", CASE_STATUSES),
    )
    op.create_index("ix_cases_label", "cases", ["label"])
    op.create_index("ix_cases_updated", "cases", ["updated"])
    op.create_index("ix_cases_created", "cases", ["created"])

    if op.get_bind().dialect.name == "sqlite":
        _rebuild_on_sqlite()
    else:
        _alter_in_place()
    op.create_index("ix_sessions_case_id", "sessions", ["case_id"])

    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("session_id", sa.String(40)),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("as_of", sa.String(10), nullable=False),
        sa.Column("knowledge_version", sa.String(80), nullable=False),
        sa.Column("asked_by", sa.String(100), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("municipality", sa.String(100)),
        sa.Column("legal_form", sa.String(40)),
        sa.Column("case_json", sa.Text, nullable=False),
        sa.Column("advice_json", sa.Text, nullable=False),
        sa.Column("overrides_json", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consultations"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE", name="fk_consultations_case_id_cases"),
        _one_of("consultations", "channel", CHANNELS),
    )
    op.create_index("ix_consultations_case_id", "consultations", ["case_id", "id"])
    op.create_index("ix_consultations_recorded_at", "consultations", ["recorded_at"])
    op.create_index("ix_consultations_case_id_recorded_at", "consultations", ["case_id", "recorded_at"])

    op.create_table(
        "consultation_facts",
        sa.Column("consultation_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("consultation_id", "kind", "key", name="pk_consultation_facts"),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultations.id"], ondelete="CASCADE",
                                name="fk_consultation_facts_consultation_id_consultations"),
        _one_of("consultation_facts", "kind", FACT_KINDS),
    )
    op.create_index("ix_consultation_facts_kind", "consultation_facts", ["kind", "key", "recorded_at", "case_id"])

    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("expert_id", sa.String(60), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("hours", sa.Integer, nullable=False),
        sa.Column("domain", sa.String(40), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("hours_done", sa.Integer),
        sa.Column("booked_by", sa.String(100), nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
        sa.Column("updated", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_bookings"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE", name="fk_bookings_case_id_cases"),
        sa.CheckConstraint("hours > 0", name=op.f("ck_bookings_hours")),
        _one_of("bookings", "status", BOOKING_STATUSES),
    )
    op.create_index("ix_bookings_expert_id", "bookings", ["expert_id", "month"])
    op.create_index("ix_bookings_case_id", "bookings", ["case_id"])


def _rebuild_on_sqlite() -> None:
    bind = op.get_bind()
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("0002 rebuilds tables on SQLite: run it with foreign keys off (advisor.store.db.connect)")
    for name, elements in _sessions_tables().items():
        new = "_new_" + name
        op.create_table(new, *elements)
        columns = ", ".join(OLD_COLUMNS[name])
        op.execute(f"INSERT INTO {new} ({columns}) SELECT {columns} FROM {name}")
        op.execute(f"DROP TABLE {name}")
        op.execute(f"ALTER TABLE {new} RENAME TO {name}")


def _alter_in_place() -> None:
    for table, fk in (("answers", "fk_answers_session_id_sessions"), ("locks", "fk_locks_session_id_sessions")):
        op.drop_constraint(fk, table, type_="foreignkey")
    for table, columns in OLD_COLUMNS.items():
        for column, length in columns.items():
            if length is not None:
                op.alter_column(table, column, type_=sa.String(length), existing_type=sa.Text)
    op.add_column("sessions", sa.Column("case_id", sa.String(40)))
    op.create_foreign_key("fk_sessions_case_id_cases", "sessions", "cases", ["case_id"], ["id"], ondelete="CASCADE")
    op.add_column("answers", sa.Column("author", sa.String(100)))
    for table in ("answers", "locks"):
        op.create_foreign_key(f"fk_{table}_session_id_sessions", table, "sessions", ["session_id"], ["id"],
                              ondelete="CASCADE")


def downgrade() -> None:
    raise NotImplementedError("the case store is not downgraded: restore a copy of the database instead")
