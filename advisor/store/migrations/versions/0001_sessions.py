"""The sessions database as it was before the case store (its user_version 2): sessions, their
answers (one row per event) and the locks of the terminal interview.

The same tables, columns, types, keys and checks as the SQL of the old
``advisor/interview/sessions.py``; only the constraints carry names here, so that 0002 can alter
them on PostgreSQL. A sessions database of that time is stamped with this revision and upgraded.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("created", sa.Text, nullable=False),
        sa.Column("updated", sa.Text, nullable=False),
        sa.Column("mode", sa.Text, nullable=False),
        sa.Column("lang", sa.Text, nullable=False),
        sa.Column("as_of", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.CheckConstraint("mode IN ('interview', 'selfcheck')", name=op.f("ck_sessions_mode")),
        sa.CheckConstraint("status IN ('open', 'finished')", name=op.f("ck_sessions_status")),
    )
    op.create_table(
        "answers",
        sa.Column("session_id", sa.Text, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("answered_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("session_id", "seq", name="pk_answers"),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], name="fk_answers_session_id_sessions"),
        sa.CheckConstraint("kind IN ('answer', 'unknown', 'retract', 'override')", name=op.f("ck_answers_kind")),
    )
    op.create_table(
        "locks",
        sa.Column("session_id", sa.Text, nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("host", sa.Text, nullable=False),
        sa.Column("since", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("session_id", name="pk_locks"),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], name="fk_locks_session_id_sessions"),
    )


def downgrade() -> None:
    op.drop_table("locks")
    op.drop_table("answers")
    op.drop_table("sessions")
