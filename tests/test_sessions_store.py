"""The SessionStore on both backends (SQLite and a real PostgreSQL, through ``store_url``): the
same API, a session's case and each answer's author, and two writers on one session that lose
no answer."""
from __future__ import annotations

import threading
from datetime import date

import pytest
import sqlalchemy as sa

from advisor.errors import InputError
from advisor.interview.interview import UNKNOWN
from advisor.store import schema
from advisor.store.sessions import SessionStore


@pytest.fixture
def stores(store_url):
    """Two stores on one database: two advisors, two connections."""
    opened = [SessionStore(url=store_url), SessionStore(url=store_url)]
    yield opened
    for store in opened:
        store.close()


def _a_case(store: SessionStore, case_id: str = "case-1") -> str:
    now = "2026-12-02T10:00:00+00:00"
    with store.engine.begin() as conn:
        conn.execute(schema.cases.insert(), {"id": case_id, "label": "OCMW Wevelgem", "status": "intake",
                                             "owner": "an", "created": now, "updated": now, "version": 1})
    return case_id


def test_the_session_api_on_both_backends(stores):
    store, other = stores
    sid = store.create("interview", "nl", date(2026, 3, 1))
    assert store.record(sid, "organisation.legal_form", "company", author="an") == 1
    store.record(sid, "service.activities", ["ironing", "meals"], author="an")
    store.record(sid, "organisation.legal_form", "nonprofit", author="bart")
    store.record(sid, "worker_groups", UNKNOWN, author="an")
    store.record(sid, "organisation.role", "employer")
    store.retract(sid, "organisation.role", author="an")
    store.add_override(sid, {"instrument": "pwa", "decision": "reject", "justification": "Geen PWA hier – é ✓"},
                       author="bart")
    session = other.load(sid)  # the other connection sees every committed event
    assert session.answers == {"service.activities": ["ironing", "meals"], "organisation.legal_form": "nonprofit",
                               "worker_groups": UNKNOWN}
    assert session.overrides == [{"instrument": "pwa", "decision": "reject", "justification": "Geen PWA hier – é ✓"}]
    assert [(e.seq, e.author) for e in session.events] == [(1, "an"), (2, "an"), (3, "bart"), (4, "an"), (5, None),
                                                          (6, "an"), (7, "bart")]
    assert session.seq == 7 and session.case_id is None and session.as_of == date(2026, 3, 1)
    other.set_lang(sid, "en")
    other.finish(sid)
    assert store.load(sid).lang == "en" and store.load(sid).status == "finished"
    store.record(sid, "service.customers", ["households"])  # an answer reopens it
    assert store.load(sid).status == "open"

    case_id = _a_case(store)
    second = store.create("selfcheck", "en", date(2026, 3, 2), case_id=case_id)
    store.attach(sid, case_id)
    assert [s.id for s in other.list(case_id=case_id)] == sorted([sid, second], key=lambda i: (store.load(i).created, i))  # oldest first, then by id
    assert {s.id for s in other.list()} == {sid, second}
    store.attach(sid, None)
    assert [s.id for s in other.list(case_id=case_id)] == [second]

    store.claim(sid)
    store.claim(sid)  # the same process again: fine
    store.release(sid)
    with pytest.raises(InputError, match="no session 'nope'"):
        other.load("nope")
    with pytest.raises(InputError, match="no session 'nope'"):
        other.record("nope", "organisation.legal_form", "company")


def test_deleting_a_case_deletes_its_sessions_and_their_answers(stores):
    store, _ = stores
    case_id = _a_case(store)
    sid = store.create("interview", "nl", date(2026, 3, 1), case_id=case_id)
    store.record(sid, "organisation.legal_form", "company")
    store.claim(sid)
    with store.engine.begin() as conn:
        conn.execute(schema.cases.delete())
    with store.engine.connect() as conn:
        for table in (schema.sessions, schema.answers, schema.locks):
            assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() == 0


def test_two_advisors_on_one_session_both_answers_are_kept_in_order(stores):
    """Both saw the session at seq 1 and answer without saying what they saw: both are kept."""
    first, second = stores
    sid = first.create("interview", "nl", date(2026, 3, 1))
    first.record(sid, "organisation.legal_form", "company")
    assert second.load(sid).seq == 1 and first.load(sid).seq == 1
    assert second.record(sid, "service.activities", ["ironing"], author="bart") == 2
    assert first.record(sid, "organisation.municipality", "Kortrijk", author="an") == 3
    assert first.load(sid).answers == {"organisation.legal_form": "company", "service.activities": ["ironing"],
                                       "organisation.municipality": "Kortrijk"}


def test_the_stale_writer_is_told_to_reload_and_nothing_is_written(stores):
    first, second = stores
    sid = first.create("interview", "nl", date(2026, 3, 1))
    first.record(sid, "organisation.legal_form", "company")
    seen = second.load(sid).seq
    first.record(sid, "organisation.legal_form", "nonprofit", seen=seen)   # up to date: kept
    with pytest.raises(InputError) as exc:
        second.record(sid, "organisation.legal_form", "cooperative", seen=seen)  # saw seq 1, it is at 2
    assert exc.value.exit_code == 2
    assert "changed meanwhile" in exc.value.text("en") and "reload" in exc.value.text("en")
    assert "herlaad" in exc.value.text("nl")
    assert first.load(sid).answers == {"organisation.legal_form": "nonprofit"} and first.load(sid).seq == 2
    assert second.record(sid, "organisation.legal_form", "cooperative", seen=second.load(sid).seq) == 3


def test_two_threads_writing_at_once_lose_no_answer(stores):
    """Two threads (each with its own store, i.e. connections) append to one session at the same
    time: every event is kept, the seqs run 1..N without a gap, each writer's in its own order."""
    sid = stores[0].create("interview", "nl", date(2026, 3, 1))
    per_writer = 25
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def write(store: SessionStore, who: str) -> None:
        try:
            start.wait()
            for n in range(per_writer):
                store.record(sid, f"{who}.{n}", n, author=who)
        except BaseException as exc:  # reported below: a thread's exception is lost otherwise
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(store, who)) for store, who in zip(stores, ("an", "bart"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    events = stores[1].load(sid).events
    assert [e.seq for e in events] == list(range(1, 2 * per_writer + 1))
    for who in ("an", "bart"):
        assert [e.value for e in events if e.author == who] == list(range(per_writer))


def test_the_commands_take_the_store_by_url(store_url, run, tmp_path):
    store = SessionStore(url=store_url)
    sid = store.create("interview", "nl", date(2026, 3, 1))
    store.record(sid, "organisation.legal_form", "nonprofit", author="an")
    store.close()
    code, out, err = run("sessions", "list", "--db-url", store_url, "--lang", "en")
    assert code == 0 and sid in out and "1 answers" in out, err
    code, out, err = run("sessions", "export", sid, "--db-url", store_url)
    assert code == 0 and "legal_form: nonprofit" in out, err
    answers = tmp_path / "answers.yaml"
    answers.write_text("organisation.legal_form: company\n")
    code, out, err = run("interview", "--db-url", store_url, "--advisor", "Bart", "--answers", str(answers),
                         "--as-of", "2026-03-01", "--lang", "en", "--out", str(tmp_path / "case.yaml"))
    assert code == 0, err
    store = SessionStore(url=store_url)
    try:
        latest = [s for s in store.list() if s.id != sid]
        assert len(latest) == 1 and {e.author for e in latest[0].events} == {"Bart"}
    finally:
        store.close()


def test_a_store_url_in_the_environment_is_used_and_its_password_never_shown(monkeypatch, run):
    monkeypatch.setenv("ADVISOR_DB_URL", "postgresql+psycopg://advisor:n0t-shown@127.0.0.1:9/x?connect_timeout=5")
    code, out, err = run("sessions", "list", "--lang", "en")
    assert code == 1 and "n0t-shown" not in err and "advisor:***@127.0.0.1:9" in err, err
    monkeypatch.setenv("ADVISOR_DB_URL", "oracle://advisor:n0t-shown@db/x")
    code, out, err = run("sessions", "list", "--lang", "en")
    assert code == 2 and "ADVISOR_DB_URL" in err and "n0t-shown" not in err, err
