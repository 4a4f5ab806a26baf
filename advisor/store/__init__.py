"""The case store: named cases, their interview sessions, a record of every consultation, expert
bookings and the steering group's monitoring, in one schema on SQLite (the embedded default) or
PostgreSQL (a region's shared store), through SQLAlchemy Core with Alembic migrations.

May import: ``advisor.regression``, ``advisor.interview``, ``advisor.plan``, ``advisor.engine`` and
the top-level modules. SQLAlchemy, Alembic and psycopg are imported only by this package, which
only the commands that keep cases import (``advisor advise`` does not pay for them).
"""
