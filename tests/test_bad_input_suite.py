"""The bad-input suite: every malformed or hostile input under tests/bad_inputs/ (and a few the
test makes: a FIFO, /dev/zero, a folder, SQLite databases) gets its expected exit code and one
short message naming the field or the limit, never a traceback, within bounds of memory and time.

The inputs are listed in tests/bad_inputs/expected.yaml. To keep the suite fast, the inputs run
in a few child processes, one input after the other through the real entry point
(``advisor.cli.main.main``), and each input is bounded on its own: the child's address space
is capped (RLIMIT_AS) at what the warmed-up interpreter uses plus a margin (512 MB; 100 MB for
the alias bomb), so any input that needs more fails with a MemoryError instead of passing; a
real-time alarm stops an input after TIME_LIMIT seconds (a FIFO that blocks is caught so); and
the CPU time of each input is measured.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tests" / "bad_inputs"
TIME_LIMIT = 20        # seconds per input, generous for a loaded machine
MEMORY_MARGIN_MB = 512  # above the warmed-up interpreter, per input
MAX_MESSAGE = 500       # characters of stderr


@cache  # read by each of the ~140 parametrised tests
def manifest() -> dict[str, dict]:
    from advisor.errors import load_yaml

    return load_yaml(INPUTS / "expected.yaml")


def command(name: str, path: str, tmp: Path, n: int, lang: str) -> list[str]:
    """The command line for one input: the folder says which verb reads it."""
    kind = name.split("/")[0]
    if kind in ("cases", "scenarios"):
        argv = ["advise", path]
    elif kind == "answers":
        argv = ["interview", "--answers", path, "--db", str(tmp / f"s{n}.db"), "--out", str(tmp / f"case{n}.yaml")]
    elif kind == "snapshots":
        argv = ["scenarios", "diff", path, str(ROOT / "scenarios/worked-examples")]
    elif kind == "databases":
        return ["sessions", "list", "--db", path]  # no --lang: `sessions` speaks Dutch, see the message check
    else:
        raise ValueError(name)
    return [*argv, "--lang", lang]


def special(name: str, tmp: Path) -> list[str]:
    """Inputs that cannot sensibly be committed as files: made here."""
    ex3 = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"
    what = name.split("/")[1]
    if what == "fifo":
        os.mkfifo(tmp / "case.fifo")
        return ["advise", str(tmp / "case.fifo")]
    if what == "dev-zero":
        return ["advise", "/dev/zero"]
    if what == "folder":
        return ["advise", str(tmp)]
    if what == "missing":
        return ["advise", str(tmp / "no-such-case.yaml")]
    if what == "over-size-limit":
        (tmp / "big.yaml").write_text("# " + "x" * 2_000_000 + "\n")
        return ["advise", str(tmp / "big.yaml")]
    if what == "escape-in-file-name":
        return ["advise", str(tmp / "case\x1b[31m.yaml")]
    if what == "snapshot-over-size-limit":
        with open(tmp / "big.json", "wb") as f:
            f.truncate(200_000_000)  # sparse: no disk used, refused on its size before reading
        return ["scenarios", "diff", str(tmp / "big.json")]
    if what == "snapshot-missing":
        return ["scenarios", "diff", str(tmp / "none.json")]
    if what.startswith("db-"):
        db = tmp / "s.db"
        if what == "db-foreign":
            conn = sqlite3.connect(db)
            conn.execute("CREATE TABLE inventory (item TEXT)")
            conn.commit()
            conn.close()
        elif what == "db-newer":
            conn = sqlite3.connect(db)
            conn.execute("PRAGMA user_version = 99")
            conn.close()
        elif what in ("db-truncated", "db-corrupt-page"):
            conn = sqlite3.connect(db)
            conn.execute("CREATE TABLE sessions (id TEXT PRIMARY KEY, created TEXT)")
            conn.execute("CREATE INDEX by_created ON sessions (created)")
            conn.executemany("INSERT INTO sessions VALUES (?, ?)", [(f"{n:06d}" * 20, str(n)) for n in range(3000)])
            conn.commit()
            conn.close()
            data = bytearray(db.read_bytes())
            if what == "db-truncated":
                data = data[: len(data) // 2]
            else:  # the index's pages: the table still reads, integrity_check finds the damage
                page = 4096
                for at in range(len(data) - 20 * page, len(data) - page, page):
                    data[at + 8: at + 400] = os.urandom(392)
            db.write_bytes(bytes(data))
        elif what == "db-folder":
            db.mkdir()
        return ["sessions", "list", "--db", str(db)]
    if what == "out-missing-folder":
        return ["scenarios", "snapshot", str(ex3), "--out", str(tmp / "missing" / "snap.json"), "--lang", "en"]
    raise ValueError(name)


def plan(tmp_root: Path) -> dict[str, dict]:
    """name -> {argv, memory_mb}: every input of the manifest, ready to run."""
    out = {}
    for n, (name, spec) in enumerate(sorted(manifest().items())):
        tmp = tmp_root / f"in{n}"
        tmp.mkdir()
        if name.startswith("special/"):
            argv = special(name, tmp)
            if argv[0] in ("advise", "scenarios") and "--lang" not in argv:
                argv += ["--lang", spec.get("lang", "en")]
        else:
            argv = command(name, str(INPUTS / name), tmp, n, spec.get("lang", "en")) + list(spec.get("args", []))
        out[name] = {"argv": argv, "memory_mb": spec.get("memory_mb", MEMORY_MARGIN_MB)}
    return out


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """Run every input, one child process per memory bound; name -> what happened."""
    tmp = tmp_path_factory.mktemp("bad-inputs")
    todo = plan(tmp)
    done: dict[str, dict] = {}
    env = {**os.environ, "ADVISOR_SESSIONS_DB": str(tmp / "default-sessions.db")}
    for margin in sorted({item["memory_mb"] for item in todo.values()}):
        batch = {name: item["argv"] for name, item in todo.items() if item["memory_mb"] == margin}
        child = subprocess.run([sys.executable, __file__, str(margin), str(TIME_LIMIT)], input=json.dumps(batch),
                               capture_output=True, text=True, cwd=ROOT, env=env,
                               timeout=60 + TIME_LIMIT * len(batch))
        assert child.returncode == 0, child.stderr[-2000:]
        done.update(json.loads(child.stdout))
    return done


NAMES = sorted(manifest())


def test_there_are_at_least_80_inputs():
    assert len(NAMES) >= 80
    files = {p.relative_to(INPUTS).as_posix() for p in INPUTS.rglob("*") if p.is_file()} - {"expected.yaml"}
    assert files <= set(NAMES), f"files without an expectation: {sorted(files - set(NAMES))}"
    assert {n for n in NAMES if not n.startswith("special/")} <= files, "expectations without a file"


@pytest.mark.parametrize("name", NAMES)
def test_bad_input(results, name):
    spec = manifest()[name]
    got = results[name]
    assert got["code"] == spec["code"], (got["code"], got["stderr"][-1500:])
    assert "Traceback" not in got["stderr"]
    assert len(got["stderr"]) < spec.get("max_chars", MAX_MESSAGE), got["stderr"]
    for word in spec["names"]:
        assert word in got["stderr"], (word, got["stderr"])
    if spec["code"] and got["stderr"].startswith("Usage:"):  # click's own option errors
        assert got["stderr"].count("\nError: ") == 1, got["stderr"]
    elif spec["code"]:
        prefix = "fout: " if spec.get("lang") == "nl" else "error: "
        assert got["stderr"].count("\n") == 1 and got["stderr"].startswith(prefix), got["stderr"]
    assert "\x1b" not in got["stderr"] and "\x07" not in got["stderr"]
    if "cpu_s" in spec:
        assert got["cpu"] < spec["cpu_s"], got["cpu"]
    if spec.get("lacks_control"):
        assert "\x1b" not in got["stdout"] and "\x07" not in got["stdout"] and "\\u001b" in got["stdout"]
    if spec.get("markdown_safe"):
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark").parse(got["stdout"])
        flat = [t for tok in tokens for t in [tok, *(tok.children or [])]]
        assert not [t.type for t in flat if t.type in ("html_inline", "html_block", "link_open")]
        assert "onerror" in got["stdout"] and "\x1b" not in got["stdout"]


def test_the_sessions_database_is_left_as_it_was(tmp_path):
    """A broken, foreign or newer database is reported and not one byte of it is changed."""
    for name in ("db-foreign", "db-newer", "db-truncated", "db-corrupt-page"):
        folder = tmp_path / name
        folder.mkdir()
        argv = special(f"special/{name}", folder)
        before = (folder / "s.db").read_bytes()
        mode = (folder / "s.db").stat().st_mode
        result = subprocess.run([sys.executable, "-m", "advisor", *argv], capture_output=True, text=True, cwd=ROOT,
                                timeout=120)
        assert result.returncode in (1, 2) and "Traceback" not in result.stderr
        assert (folder / "s.db").read_bytes() == before and (folder / "s.db").stat().st_mode == mode
        assert sorted(p.name for p in folder.iterdir()) == ["s.db"], "no -wal or -shm file left"


def _read_only(tmp_path: Path) -> list[str] | None:
    """A shell prefix under which tmp_path is read-only for the advisor, or None. As root,
    file modes do not stop a write: a read-only bind mount in a private mount namespace does."""
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-m", "true"], capture_output=True).returncode == 0:
        return [unshare, "-m", "sh", "-c", f'mount -o bind,ro "{tmp_path}" "{tmp_path}" && exec "$@"', "sh"]
    return None


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_is_one_message_and_exit_1(tmp_path, what):
    from advisor.store.sessions import SessionStore

    db = tmp_path / "s.db"
    SessionStore(db).close()
    prefix = _read_only(tmp_path)
    if prefix is None:
        pytest.skip("running as root without mount namespaces: nothing can make a file read-only for root")
    if prefix == []:
        os.chmod(db if what == "file" else tmp_path, 0o400 if what == "file" else 0o500)
    before = db.read_bytes()
    try:
        result = subprocess.run([*prefix, sys.executable, "-m", "advisor", "interview", "--db", str(db),
                                 "--as-of", "2026-03-01", "--lang", "en", "--out", str(tmp_path / "c.yaml")],
                                capture_output=True, text=True, cwd=ROOT, timeout=120, input="quit\n",
                                env={**os.environ, "ADVISOR_NO_CACHE": "1"})
    finally:
        os.chmod(tmp_path, 0o700)
        os.chmod(db, 0o600)
    assert result.returncode == 1, result.stderr
    assert "read-only" in result.stderr and "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert db.read_bytes() == before


def test_a_database_that_turns_read_only_under_a_session_is_one_message(tmp_path):
    """SQLite refusing a write mid-session (here: the store's engine reopened read-only) is
    reported as the environment's failure, not as a traceback."""
    import sqlalchemy

    from advisor.errors import EnvironmentFailure
    from advisor.store.sessions import SessionStore
    from datetime import date

    store = SessionStore(tmp_path / "s.db")
    sid = store.create("interview", "nl", date(2026, 3, 1))
    store.engine.dispose()
    store.engine = sqlalchemy.create_engine(f"sqlite:///file:{tmp_path / 's.db'}?mode=ro&uri=true")
    with pytest.raises(EnvironmentFailure) as exc:
        store.record(sid, "organisation.legal_form", "nonprofit")
    assert exc.value.exit_code == 1 and "read-only" in exc.value.message


# --- the child: runs a batch of inputs, each bounded on its own ---------------------------------


def _child(margin_mb: int, time_limit: int) -> None:
    import contextlib
    import io
    import resource
    import signal
    import time
    import traceback

    from advisor.cli.main import main

    class Timeout(BaseException):
        pass

    def alarm(signum, frame):
        raise Timeout

    batch = json.loads(sys.stdin.read())
    real_stdout = sys.stdout
    # warm up (the engine and the catalogue loaded), then cap the address space at that plus the margin
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main(["advise", str(ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml")])
        except SystemExit:
            pass
    with open("/proc/self/statm") as statm:
        size = int(statm.read().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (size + margin_mb * 2**20, resource.RLIM_INFINITY))
    signal.signal(signal.SIGALRM, alarm)
    out = {}
    for name, argv in batch.items():
        stdout, stderr = io.StringIO(), io.StringIO()
        cpu = time.process_time()
        signal.setitimer(signal.ITIMER_REAL, time_limit)
        try:
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except Timeout:
            code = "timeout"
        except BaseException:  # what the suite exists to catch: shown in the failure
            code = "crash"
            stderr.write(traceback.format_exc())
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        out[name] = {"code": code, "stdout": stdout.getvalue(), "stderr": stderr.getvalue(),
                     "cpu": time.process_time() - cpu}
    real_stdout.write(json.dumps(out))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    _child(int(sys.argv[1]), int(sys.argv[2]))
