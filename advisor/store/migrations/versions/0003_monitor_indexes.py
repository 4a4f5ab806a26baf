"""The monitoring's indexes: a consultation's facts carry its case and time (copied from the
consultation, which is append-only), ``ix_consultation_facts_kind`` covers (kind, key,
recorded_at, case_id), and two indexes for the cases of a period and a case's first
consultation. Facts recorded before are given their consultation's values.

SQLite cannot add a NOT NULL column without a default, so ``consultation_facts`` is rebuilt
there (new table, copy with the consultation's values, drop, rename; ``connect()`` runs
migrations with foreign keys off); PostgreSQL alters it in place.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


FACT_KINDS = ("recommended", "rejected", "missing", "override")  # schema.py's values at this revision
COPY = ("(SELECT c.{0} FROM consultations c WHERE c.id = consultation_facts.consultation_id)")


def _facts_table(name: str) -> None:
    op.create_table(
        name,
        sa.Column("consultation_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("consultation_id", "kind", "key", name="pk_consultation_facts"),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultations.id"], ondelete="CASCADE",
                                name="fk_consultation_facts_consultation_id_consultations"),
        sa.CheckConstraint(f"kind IN ({', '.join(repr(v) for v in FACT_KINDS)})", name=op.f("ck_consultation_facts_kind")),
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # rebuilt by hand, not in batch mode: the constraints keep one order, so a migrated file
        # has exactly the DDL of a new one
        _facts_table("_new_consultation_facts")
        op.execute("INSERT INTO _new_consultation_facts (consultation_id, kind, key, case_id, recorded_at) "
                   f"SELECT consultation_id, kind, key, {COPY.format('case_id')}, {COPY.format('recorded_at')} "
                   "FROM consultation_facts")
        op.execute("DROP TABLE consultation_facts")  # its index goes with it
        op.execute("ALTER TABLE _new_consultation_facts RENAME TO consultation_facts")
    else:
        op.add_column("consultation_facts", sa.Column("case_id", sa.String(40), nullable=True))
        op.add_column("consultation_facts", sa.Column("recorded_at", sa.String(32), nullable=True))
        op.execute(f"UPDATE consultation_facts SET case_id = {COPY.format('case_id')}, "
                   f"recorded_at = {COPY.format('recorded_at')}")
        op.alter_column("consultation_facts", "case_id", existing_type=sa.String(40), nullable=False)
        op.alter_column("consultation_facts", "recorded_at", existing_type=sa.String(32), nullable=False)
        op.drop_index("ix_consultation_facts_kind", "consultation_facts")
    op.create_index("ix_consultation_facts_kind", "consultation_facts", ["kind", "key", "recorded_at", "case_id"])
    op.create_index("ix_cases_created", "cases", ["created"])
    op.create_index("ix_consultations_case_id_recorded_at", "consultations", ["case_id", "recorded_at"])


def downgrade() -> None:
    raise NotImplementedError("the case store is not downgraded: restore a copy of the database instead")
