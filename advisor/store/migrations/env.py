"""Alembic's environment for the case store: run by ``advisor.store.db.connect()`` on the
connection it hands over in ``config.attributes["connection"]`` (there is no alembic.ini). A new
revision is a new file in ``versions/`` (``script.py.mako`` is its template), written by hand,
with its id in ``advisor.store.db.HEAD``; tests/test_store_db.py checks that the revisions give
exactly ``advisor.store.schema.metadata`` on both backends."""
from alembic import context

from advisor.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise SystemExit("advisor/store/migrations runs through advisor.store.db.connect(), on its connection")
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():  # inside connect()'s transaction: one commit, or nothing
    context.run_migrations()
