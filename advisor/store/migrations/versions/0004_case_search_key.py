"""The cases' search key: label, organisation and municipality folded (case, accents, spaces and
hyphens do not matter), so that a search is one ``LIKE`` per word in the database instead of a
read of every case. The cases made before get theirs here.

Revision ID: 0004
Revises: 0003
"""
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _fold(text: str) -> str:  # advisor.store.cases at this revision (a migration keeps its own copy)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return _NOT_ALNUM.sub("", plain)


def upgrade() -> None:
    op.add_column("cases", sa.Column("search_key", sa.Text, nullable=False, server_default=""))
    bind = op.get_bind()
    cases = sa.table("cases", sa.column("id"), sa.column("label"), sa.column("organisation"),
                     sa.column("municipality"), sa.column("search_key"))
    rows = bind.execute(sa.select(cases.c.id, cases.c.label, cases.c.organisation, cases.c.municipality)).all()
    for cid, *texts in rows:
        key = "\n".join(_fold(t or "") for t in texts)
        bind.execute(cases.update().where(cases.c.id == cid).values(search_key=key))


def downgrade() -> None:
    raise NotImplementedError("the case store is not downgraded: restore a copy of the database instead")
