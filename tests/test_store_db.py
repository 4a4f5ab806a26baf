"""The case store's database layer (advisor/store/db.py) on both backends."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from advisor.store import schema
from advisor.store.db import HEAD, connect, shown_url


def test_a_case_goes_in_and_comes_out_the_same(blank_store_url):
    """A round trip through connect(): the schema is there and a row reads back byte for byte."""
    engine = connect(blank_store_url)
    try:
        row = {"id": "c-1", "label": "OCMW Wevelgem – strijkatelier", "organisation": None,
               "municipality": "Wevelgem", "legal_form": "ocmw", "status": "intake", "owner": "an",
               "created": "2026-12-02T10:15:00+00:00", "updated": "2026-12-02T10:15:00+00:00", "version": 1,
               "search_key": "ocmwwevelgemstrijkatelier\n\nwevelgem"}
        with engine.begin() as conn:
            conn.execute(schema.cases.insert(), row)
        with engine.connect() as conn:
            back = conn.execute(sa.select(schema.cases)).mappings().one()
        assert dict(back) == row
        assert engine.dialect.name == blank_store_url.split(":")[0].split("+")[0]
    finally:
        engine.dispose()


def test_the_postgresql_password_is_never_shown(postgres_url):
    password = sa.engine.make_url(postgres_url).password
    assert password and password not in shown_url(postgres_url)
    assert "***" in shown_url(postgres_url)


# --- the schema is Alembic's: revisions 0001 (the sessions database) and 0002 (the store) ------


def test_head_is_the_newest_revision():
    from advisor.store.db import HEAD, _scripts

    assert _scripts().get_current_head() == HEAD
    assert [r.revision for r in _scripts().walk_revisions()] == ["0004", "0003", "0002", "0001"]


def test_0004_gives_the_cases_made_before_it_their_search_key(blank_store_url):
    """A store at 0003 (no search key) is upgraded, and its cases are found by a search."""
    from advisor.store.cases import CaseStore

    engine = connect(blank_store_url)
    made = CaseStore(engine=engine).create("Strijkatelier Élan", owner="an", organisation="OCMW Wevelgem")
    with engine.begin() as conn:  # back to 0003: the column 0004 adds is gone
        conn.exec_driver_sql("ALTER TABLE cases DROP COLUMN search_key")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0003'")
    engine.dispose()
    engine = connect(blank_store_url)
    try:
        found = CaseStore(engine=engine).search("elan wevelgem")
        assert [c.id for c in found.items] == [made.id] and found.total == 1
        assert CaseStore(engine=engine).search("elan kortrijk").total == 0
    finally:
        engine.dispose()


def _differences(engine) -> list:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), schema.metadata)


def _checks(engine) -> dict[str, set[str]]:
    """table -> the names of its CHECK constraints (autogenerate does not compare those)."""
    inspector = sa.inspect(engine)
    return {t: {c["name"] for c in inspector.get_check_constraints(t)} for t in sorted(schema.metadata.tables)}


def test_the_migrations_give_exactly_the_schema(blank_store_url):
    engine = connect(blank_store_url)
    try:
        assert _differences(engine) == []
        expected = {t.name: {c.name for c in t.constraints if isinstance(c, sa.CheckConstraint)}
                    for t in schema.metadata.sorted_tables}
        assert _checks(engine) == expected
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    finally:
        engine.dispose()


def test_connect_twice_migrates_once_and_keeps_the_rows(blank_store_url):
    engine = connect(blank_store_url)
    with engine.begin() as conn:
        conn.execute(schema.sessions.insert(), {"id": "s1", "created": "t", "updated": "t", "mode": "interview",
                                                 "lang": "nl", "as_of": "2026-03-01", "status": "open"})
    engine.dispose()
    again = connect(blank_store_url)
    try:
        with again.connect() as conn:
            assert conn.execute(sa.select(schema.sessions.c.id)).scalars().all() == ["s1"]
    finally:
        again.dispose()


def test_two_advisors_starting_at_once_both_get_the_schema(blank_store_url):
    """The first use of a shared store: the migration runs once, the other waits for it."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(3) as pool:
        engines = list(pool.map(lambda _: connect(blank_store_url), range(3)))
    try:
        assert _differences(engines[0]) == []
    finally:
        for engine in engines:
            engine.dispose()


def test_postgresql_from_revision_0001_keeps_every_row(postgres_url):
    """A region's store made by revision 0001 alone, with rows in it, upgraded in place."""
    from alembic import command

    from advisor.store.db import _alembic_config

    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
        conn.execute(sa.text("INSERT INTO sessions VALUES ('s1', 't1', 't2', 'selfcheck', 'en', '2026-03-01', "
                             "'finished')"))
        conn.execute(sa.text("""INSERT INTO answers VALUES ('s1', 1, 'answer', 'organisation.legal_form',
                             '"nonprofit"', 't3')"""))
        conn.execute(sa.text("INSERT INTO locks VALUES ('s1', 42, 'host', 't4')"))
    engine.dispose()
    engine = connect(postgres_url)
    try:
        assert _differences(engine) == []
        with engine.connect() as conn:
            # by name: PostgreSQL adds a new column at the end of the table
            assert conn.execute(sa.select(schema.sessions)).all() == [
                ("s1", None, "t1", "t2", "selfcheck", "en", "2026-03-01", "finished")]
            assert conn.execute(sa.select(schema.answers)).all() == [
                ("s1", 1, "answer", "organisation.legal_form", '"nonprofit"', "t3", None)]
            assert conn.execute(sa.select(schema.locks)).all() == [("s1", 42, "host", "t4")]
    finally:
        engine.dispose()


def test_a_wrong_url_is_one_message(tmp_path):
    from advisor.errors import EnvironmentFailure, InputError

    with pytest.raises(InputError) as exc:
        connect("mysql://someone:secret@db.example.invalid/x")
    assert exc.value.exit_code == 2 and "secret" not in exc.value.text("en") and "postgresql" in exc.value.text("en")
    # nothing listens on port 9 of this machine: refused, reported with the URL, never its password
    with pytest.raises(EnvironmentFailure) as exc:
        connect("postgresql+psycopg://advisor:s3cret-pw@127.0.0.1:9/werkwaardig?connect_timeout=5")
    message = exc.value.text("en")
    assert exc.value.exit_code == 1 and "s3cret-pw" not in message and "127.0.0.1:9" in message


# --- the SQLite file: private, checked before anything is written ------------------------------

import os  # noqa: E402
import sqlite3  # noqa: E402

from advisor.store.db import sqlite_url  # noqa: E402


def test_a_new_store_file_is_private_and_an_existing_one_narrowed(tmp_path):
    db = tmp_path / "private" / "store.sqlite3"
    connect(sqlite_url(db)).dispose()
    assert oct(db.stat().st_mode & 0o777) == "0o600"
    assert oct(db.parent.stat().st_mode & 0o777) == "0o700"
    os.chmod(db, 0o644)
    connect(sqlite_url(db)).dispose()
    assert oct(db.stat().st_mode & 0o777) == "0o600"


def _foreign(db):
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE inventory (item TEXT)")
    conn.commit()
    conn.close()


def _newer_user_version(db):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()


def _newer_revision(db):
    connect(sqlite_url(db)).dispose()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def _damaged(db):
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)


def _not_a_database(db):
    db.write_text("organisation:\n  legal_form: nonprofit\n")


@pytest.mark.parametrize("make, code, words", [
    (_not_a_database, 2, "not a sessions database"),
    (_foreign, 2, "tables inventory"),
    (_newer_user_version, 1, "schema version 99"),
    (_newer_revision, 1, "schema version 0099_from_the_future; this advisor knows versions up to " + HEAD),
    (_damaged, 1, "is damaged"),
])
def test_a_file_that_is_no_store_of_ours_is_refused_and_left_as_it_was(tmp_path, make, code, words):
    from advisor.errors import InputError

    db = tmp_path / "s.db"
    make(db)
    before, mode = db.read_bytes(), db.stat().st_mode
    with pytest.raises(InputError) as exc:
        connect(sqlite_url(db))  # named by the user: a wrong file is the user's (2)
    assert exc.value.exit_code == code and words in exc.value.text("en"), exc.value.text("en")
    assert str(db) in exc.value.text("en")
    assert db.read_bytes() == before and db.stat().st_mode == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.db"], "no -wal or -shm file left"


# the SQL of the sessions database before the store (advisor/interview/sessions.py, user_version 2)
TODAY_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('interview', 'selfcheck')),
    lang TEXT NOT NULL,
    as_of TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'finished'))
);
CREATE TABLE IF NOT EXISTS answers (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('answer', 'unknown', 'retract', 'override')),
    field TEXT NOT NULL,
    value TEXT,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
"""
TODAY_LOCKS = """
CREATE TABLE IF NOT EXISTS locks (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id),
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    since TEXT NOT NULL
);
"""


def make_sessions_database(db: Path, version: int = 2, sessions: int = 20) -> tuple[list, list]:
    """A sessions database as the advisor wrote it before the store, with answers of every kind;
    returns its rows (sessions, answers) as they are."""
    import json
    import random

    rng = random.Random(15)
    conn = sqlite3.connect(db)
    conn.executescript(TODAY_SCHEMA + (TODAY_LOCKS if version == 2 else "") + f"PRAGMA user_version = {version};")
    fields = ["organisation.legal_form", "service.activities", "worker_groups", "organisation.municipality",
              "worker_groups.g1.fte", "service.customers"]
    for n in range(sessions):
        sid = f"2026{n % 12 + 1:02d}01-{n:020x}"
        conn.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (sid, f"2026-01-{n % 28 + 1:02d}T10:00:00+00:00", f"2026-02-{n % 28 + 1:02d}T10:00:00+00:00",
                      rng.choice(["interview", "selfcheck"]), rng.choice(["nl", "en"]), "2026-03-01",
                      rng.choice(["open", "finished"])))
        for seq in range(1, rng.randint(0, 30) + 1):
            kind = rng.choice(["answer", "answer", "unknown", "retract", "override"])
            value = {"answer": json.dumps(rng.choice(["nonprofit", ["ironing", "meals"], 12.5, True, "Kortrijk – é"]),
                                          ensure_ascii=False),
                     "override": json.dumps({"instrument": "pwa", "decision": "reject", "justification": "Waarom ✓"},
                                            ensure_ascii=False)}.get(kind)
            conn.execute("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                         (sid, seq, kind, rng.choice(fields), value, f"2026-01-01T10:{seq:02d}:00+00:00"))
        if version == 2 and n % 5 == 0:
            conn.execute("INSERT INTO locks VALUES (?, ?, ?, ?)", (sid, 4242, "werkpost", "2026-01-01T10:00:00+00:00"))
    conn.commit()
    rows = (conn.execute("SELECT * FROM sessions ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM answers ORDER BY session_id, seq").fetchall())
    conn.close()
    return rows


def _ddl(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
    finally:
        conn.close()


@pytest.mark.parametrize("version", [1, 2])
def test_a_sessions_database_of_before_the_store_is_migrated_and_every_answer_kept(tmp_path, version):
    db = tmp_path / "sessions.sqlite3"
    sessions, answers = make_sessions_database(db, version)
    assert len(answers) > 100
    engine = connect(sqlite_url(db))
    try:
        with engine.connect() as conn:
            s = schema.sessions.c
            got = conn.execute(sa.select(s.id, s.created, s.updated, s.mode, s.lang, s.as_of, s.status)
                               .order_by(s.id)).all()
            a = schema.answers.c
            events = conn.execute(sa.select(a.session_id, a.seq, a.kind, a.field, a.value, a.answered_at)
                                  .order_by(a.session_id, a.seq)).all()
            assert conn.execute(sa.select(sa.func.count()).where(s.case_id.is_not(None))).scalar() == 0
            assert conn.execute(sa.select(sa.func.count()).where(a.author.is_not(None))).scalar() == 0
            assert conn.exec_driver_sql("PRAGMA user_version").scalar() == 3
        assert [tuple(r) for r in got] == sessions
        assert [tuple(r) for r in events] == answers
        assert _differences(engine) == []
    finally:
        engine.dispose()
    fresh = tmp_path / "fresh.sqlite3"
    connect(sqlite_url(fresh)).dispose()
    assert _ddl(db) == _ddl(fresh), "a migrated file has exactly the tables of a new one"
    # and the sessions read back through the store as they were written
    import json

    from advisor.store.sessions import SessionStore

    store = SessionStore(db)
    try:
        loaded = store.list()
        assert sorted((s.id, s.created, s.updated, s.mode, s.lang, s.as_of.isoformat(), s.status) for s in loaded) \
            == sessions
        assert sorted((s.id, e.seq, e.kind, e.field, None if e.value is None else json.dumps(e.value, ensure_ascii=False),
                       e.answered_at) for s in loaded for e in s.events) == answers
    finally:
        store.close()


def test_the_old_default_sessions_file_is_copied_into_the_store_once(tmp_path, monkeypatch):
    for name in ("ADVISOR_DB_URL", "ADVISOR_SESSIONS_DB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    from advisor.store.db import data_dir

    folder = data_dir()
    assert folder.is_relative_to(tmp_path)
    folder.mkdir(parents=True, mode=0o700)
    old = folder / "sessions.sqlite3"
    sessions, answers = make_sessions_database(old)
    before = old.read_bytes()
    engine = connect()
    try:
        with engine.connect() as conn:
            assert len(conn.execute(sa.select(schema.sessions.c.id)).all()) == len(sessions)
            assert len(conn.execute(sa.select(schema.answers.c.seq)).all()) == len(answers)
            conn.rollback()
        with engine.begin() as conn:  # the store goes on; the old file is never read again
            conn.execute(schema.answers.delete())
    finally:
        engine.dispose()
    assert old.read_bytes() == before, "the old file is kept as it was"
    assert oct((folder / "store.sqlite3").stat().st_mode & 0o777) == "0o600"
    engine = connect()
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.select(schema.answers.c.seq)).all() == []
    finally:
        engine.dispose()
    assert sorted(p.name for p in folder.iterdir() if "migrating" in p.name) == []
