"""Sessions survive: every answer is committed as it is given, a killed interview resumes at the
next unanswered question, and a session exports as a case or a scenario."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor.cli.main import cli
from advisor.plan.consult import consult
from advisor.errors import InputError, load_yaml, validate
from advisor.interview.interview import UNKNOWN, replay
from advisor.models import Scenario
from advisor.regression.scenarios import check
from advisor.store.db import SQLITE_ENV as ENV_VAR, default_file as default_path
from advisor.store.sessions import SessionStore

ROOT = Path(__file__).resolve().parent.parent
IRONING = {"organisation.legal_form": "nonprofit", "organisation.municipality": "Kortrijk",
           "service.activities": ["ironing"], "service.customers": ["households"]}


def test_events_fold_into_the_current_answers(tmp_path):
    store = SessionStore(tmp_path / "s.db")
    sid = store.create("interview", "nl", date(2026, 3, 1))
    store.record(sid, "organisation.legal_form", "company")
    store.record(sid, "service.activities", ["ironing"])
    store.record(sid, "organisation.legal_form", "nonprofit")   # changed
    store.record(sid, "worker_groups", UNKNOWN)
    store.record(sid, "organisation.role", "employer")
    store.retract(sid, "organisation.role")                      # back
    store.add_override(sid, {"instrument": "pwa", "decision": "reject", "justification": "Geen PWA in deze gemeente."})
    session = SessionStore(tmp_path / "s.db").load(sid)            # a new connection sees it all
    assert session.answers == {"service.activities": ["ironing"], "organisation.legal_form": "nonprofit",
                               "worker_groups": UNKNOWN}
    assert session.overrides[0]["instrument"] == "pwa"
    assert [e.seq for e in session.events] == [1, 2, 3, 4, 5, 6, 7]
    assert session.status == "open" and session.as_of == date(2026, 3, 1)
    store.finish(sid)
    assert store.load(sid).status == "finished"


def test_unknown_session_is_a_clear_error(tmp_path):
    store = SessionStore(tmp_path / "s.db")
    with pytest.raises(InputError, match="no session 'nope'"):
        store.load("nope")


def test_the_database_path_can_be_overridden(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "x.db"))
    assert default_path() == tmp_path / "x.db"
    monkeypatch.delenv(ENV_VAR)
    assert "werkwaardig-advisor" in str(default_path())


def _finished_session(tmp_path) -> str:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"as_of": "2026-03-01", **IRONING}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["interview", "--answers", str(answers), "--db", str(tmp_path / "s.db"),
                                      "--out", str(tmp_path / "case.yaml")])
    assert result.exit_code == 0, result.output
    return SessionStore(tmp_path / "s.db").list()[0].id


def test_list_show_and_export(tmp_path):
    sid = _finished_session(tmp_path)
    db = ["--db", str(tmp_path / "s.db")]
    listed = CliRunner().invoke(cli, ["sessions", "list", *db])
    assert sid in listed.output and "afgerond" in listed.output and "antwoorden" in listed.output
    shown = CliRunner().invoke(cli, ["sessions", "show", sid, *db])  # in the session's language (nl)
    assert "Rechtsvorm [organisation.legal_form]: vzw (vereniging zonder winstoogmerk)" in shown.output
    assert "Waarborg of eigen middelen [organisation.can_lodge_deposit]: weet niet" in shown.output
    shown = CliRunner().invoke(cli, ["sessions", "show", sid, *db, "--lang", "en"])
    assert "Legal form [organisation.legal_form]: vzw (non-profit association)" in shown.output
    assert "finished" in shown.output and "afgerond" not in shown.output
    exported = CliRunner().invoke(cli, ["sessions", "export", sid, *db])
    assert yaml.safe_load(exported.output) == load_yaml(tmp_path / "case.yaml")  # the case file itself
    record = CliRunner().invoke(cli, ["sessions", "export", sid, "--as-session", *db])
    data = yaml.safe_load(record.output)
    assert data["answers"]["service.activities"] == ["ironing"]
    assert data["case"] == load_yaml(tmp_path / "case.yaml")
    assert "&id" not in record.output and "*id" not in record.output  # no YAML anchors, though lists repeat


def test_an_exported_session_is_a_case_that_advise_accepts(tmp_path):
    """Issue 12: `sessions export` wrote a file that `advise` refused, with anchors in it."""
    sid = _finished_session(tmp_path)
    out = tmp_path / "exported.yaml"
    result = CliRunner().invoke(cli, ["sessions", "export", sid.upper(), "--out", str(out),
                                      "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text
    advised = CliRunner().invoke(cli, ["advise", str(out), "--format", "json"], catch_exceptions=False)
    assert advised.exit_code == 0, advised.output
    assert json.loads(advised.output)["recommendations"][0]["instrument"] == "dienstencheques"
    again = CliRunner().invoke(cli, ["sessions", "export", sid, "--out", str(out), "--db", str(tmp_path / "s.db")])
    assert isinstance(again.exception, InputError) and "--force" in again.exception.message
    assert out.read_text(encoding="utf-8") == text  # kept


def test_export_as_scenario_is_a_passing_scenario(tmp_path):
    sid = _finished_session(tmp_path)
    out = tmp_path / "scenario.yaml"
    result = CliRunner().invoke(cli, ["sessions", "export", sid, "--as-scenario", "--out", str(out),
                                      "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    scenario = validate(Scenario, load_yaml(out), out)
    assert scenario.expect.top == "dienstencheques"
    assert check(scenario.expect, consult(scenario.case, lang="en")) == []


def _typed(value) -> str:
    if value is UNKNOWN:
        return "dunno"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ",".join(value) if value else "none"
    return str(value)


def test_kill_9_then_resume_continues_at_the_next_question(tmp_path):
    db = tmp_path / "s.db"
    env = {**os.environ, ENV_VAR: str(db), "PYTHONUNBUFFERED": "1"}
    steps = replay(IRONING, date(2026, 3, 1)).steps
    assert len(steps) >= 3
    cmd = [sys.executable, "-m", "advisor.cli.main", "interview", "--as-of", "2026-03-01", "--lang", "en",
           "--out", str(tmp_path / "case.yaml")]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env, cwd=tmp_path, text=True)
    try:
        for step in steps[:2]:
            proc.stdin.write(_typed(step.value) + "\n")
            proc.stdin.flush()
        deadline = time.monotonic() + 120
        while True:
            sessions = SessionStore(db).list() if db.exists() else []
            if sessions and len(sessions[0].answers) == 2:
                break
            assert time.monotonic() < deadline, "the two answers never reached the database"
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL

    session = SessionStore(db).list()[0]
    assert session.status == "open"
    assert session.answers == {s.ask.path: s.value for s in steps[:2]}

    resumed = subprocess.run([sys.executable, "-m", "advisor.cli.main", "interview", "--resume", session.id],
                             input="quit\n", capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    first_question = next(line for line in resumed.stdout.splitlines() if line[:1].isdigit())
    assert first_question.startswith("3. ") and first_question.endswith(f"[{steps[2].ask.path}]"), resumed.stdout
    assert SessionStore(db).load(session.id).answers == session.answers


def test_a_new_database_is_private(tmp_path):
    db = tmp_path / "private" / "s.db"
    SessionStore(db).close()
    assert oct(db.stat().st_mode & 0o777) == "0o600"
    assert oct(db.parent.stat().st_mode & 0o777) == "0o700"


def test_an_existing_world_readable_database_is_narrowed(tmp_path):
    db = tmp_path / "s.db"
    SessionStore(db).close()
    os.chmod(db, 0o644)
    SessionStore(db).close()
    assert oct(db.stat().st_mode & 0o777) == "0o600"


def test_a_newer_schema_is_refused_and_an_older_one_migrated(tmp_path):
    import sqlite3

    from advisor.errors import InputError

    newer = tmp_path / "newer.db"
    SessionStore(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(InputError) as exc:
        SessionStore(newer)
    assert "schema version 99" in exc.value.text("en")
    older = tmp_path / "older.db"  # version 1: the tables of before, no locks, user_version 0
    conn = sqlite3.connect(older)
    conn.executescript("CREATE TABLE sessions (id TEXT PRIMARY KEY, created TEXT NOT NULL, updated TEXT NOT NULL, "
                       "mode TEXT NOT NULL, lang TEXT NOT NULL, as_of TEXT NOT NULL, status TEXT NOT NULL);"
                       "INSERT INTO sessions VALUES ('20260101-abcdef', 'x', 'x', 'interview', 'nl', '2026-03-01', 'open');")
    conn.close()
    store = SessionStore(older)
    with store.engine.connect() as conn:  # the store's own version (above the sessions database's 2)
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == 3
    store.claim("20260101-abcdef")
    assert [s.id for s in store.list()] == ["20260101-abcdef"]


def test_a_damaged_database_is_reported_not_written_over(tmp_path):
    from advisor.errors import InputError

    db = tmp_path / "s.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    before = db.read_bytes()
    with pytest.raises(InputError) as exc:
        SessionStore(db)
    assert "sessions database" in exc.value.text("en")
    assert db.read_bytes() == before


def test_a_session_has_one_writer_and_a_dead_ones_lock_is_taken_over(tmp_path):
    from advisor.errors import InputError

    db = tmp_path / "s.db"
    store = SessionStore(db)
    sid = store.create("interview", "nl", date(2026, 3, 1))
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("INSERT OR REPLACE INTO locks VALUES (?, ?, ?, ?)",
                                 (sid, other.pid, __import__("socket").gethostname(), "now"))
        with pytest.raises(InputError) as exc:
            SessionStore(db).claim(sid)
        assert f"pid {other.pid}" in exc.value.text("en")
    finally:
        other.kill()
        other.wait()
    SessionStore(db).claim(sid)  # the holder is dead: taken over


def test_a_second_live_resume_is_refused(tmp_path):
    db = tmp_path / "s.db"
    env = {**os.environ, ENV_VAR: str(db)}
    first = subprocess.Popen([sys.executable, "-m", "advisor", "interview", "--as-of", "2026-03-01", "--lang", "en",
                              "--out", str(tmp_path / "c.yaml")], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=env, cwd=tmp_path, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (db.exists() and SessionStore(db).list()):
            assert time.monotonic() < deadline
            time.sleep(0.1)
        sid = SessionStore(db).list()[0].id
        second = subprocess.run([sys.executable, "-m", "advisor", "interview", "--resume", sid, "--lang", "en"], env=env,
                                cwd=tmp_path, capture_output=True, text=True, input="quit\n", timeout=120)
        assert second.returncode == 2 and "open in another process" in second.stderr
    finally:
        first.kill()
        first.wait()
