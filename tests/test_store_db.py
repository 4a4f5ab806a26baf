"""The case store's database layer (advisor/store/db.py) on both backends."""
from __future__ import annotations

import sqlalchemy as sa

from advisor.store import schema
from advisor.store.db import connect, shown_url


def test_a_case_goes_in_and_comes_out_the_same(store_url):
    """A round trip through connect(): the schema is there and a row reads back byte for byte."""
    engine = connect(store_url)
    try:
        row = {"id": "c-1", "label": "OCMW Wevelgem – strijkatelier", "organisation": None,
               "municipality": "Wevelgem", "legal_form": "ocmw", "status": "intake", "owner": "an",
               "created": "2026-12-02T10:15:00+00:00", "updated": "2026-12-02T10:15:00+00:00", "version": 1}
        with engine.begin() as conn:
            conn.execute(schema.cases.insert(), row)
        with engine.connect() as conn:
            back = conn.execute(sa.select(schema.cases)).mappings().one()
        assert dict(back) == row
        assert engine.dialect.name == store_url.split(":")[0].split("+")[0]
    finally:
        engine.dispose()


def test_the_postgresql_password_is_never_shown(postgres_url):
    password = sa.engine.make_url(postgres_url).password
    assert password and password not in shown_url(postgres_url)
    assert "***" in shown_url(postgres_url)
