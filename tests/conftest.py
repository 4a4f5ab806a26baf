"""Shared test fixtures.

``store_url``: the URL of an empty case store with its schema at head, once on SQLite (a file in
``tmp_path``) and once on a real PostgreSQL server that the test session starts itself
(``initdb`` + ``pg_ctl`` in a temporary folder, run as the ``postgres`` user when we are root,
listening on 127.0.0.1 on a free port). Every test starts from an empty store: on SQLite a copy
of one migrated once per session, on PostgreSQL the session's store emptied (migrating costs
about 65 ms on SQLite and most of a second on PostgreSQL, where even creating a database takes
0.45 s). ``blank_store_url`` is a database no migration has touched (a new one per test, dropped
after it), for the tests of the migrations themselves. Use them as::

    def test_something(store_url):
        engine = advisor.store.db.connect(store_url)

and the test runs twice: ``test_something[sqlite]`` and ``test_something[postgresql]``. When the
server cannot start, the PostgreSQL half skips with the reason on a developer's machine and
FAILS under CI (``CI`` set), so a CI run never passes without having run it.

``browser``: Debian's Chromium driven by the playwright package (``executable_path`` set to the
system browser, never ``playwright install``), launched once per test process. Without it the
browser tests skip on a developer's machine and FAIL under CI.
"""
from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from advisor.cli.main import main


@pytest.fixture
def run(capsys):
    """Run the `advisor` command in process: ``run("advise", path)`` -> (exit code, stdout, stderr)."""
    def invoke(*args):
        with pytest.raises(SystemExit) as exc:
            main(list(args))
            raise SystemExit(0)
        out = capsys.readouterr()
        return exc.value.code, out.out, out.err
    return invoke


# --- a real browser for the tests -------------------------------------------------------------

def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: tools/test.sh installs it (apt-get install chromium poppler-utils)")
    pytest.skip(f"{what} is not installed here")


@pytest.fixture(scope="session")
def browser():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        _missing("the system's Chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package (the [test] extra)")
    with sync_playwright() as p:
        # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
        b = p.chromium.launch(executable_path=exe, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


# --- a PostgreSQL server for the tests ----------------------------------------------------------

PG_ROLE = "advisor"  # the role the tests' URLs log in as: an owner of its database, no superuser


def _pg_bindir() -> Path | None:
    """Debian keeps the server's programs out of PATH, under /usr/lib/postgresql/VERSION/bin."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _reachable_tmp() -> str:
    """The temporary folder, if the postgres user can reach it (a TMPDIR under /root cannot be)."""
    tmp = Path(tempfile.gettempdir()).resolve()
    if os.geteuid() != 0 or all(os.stat(p).st_mode & 0o001 for p in [tmp, *tmp.parents]):
        return str(tmp)
    return "/tmp"


class PostgresServer:
    """A throw-away cluster: ``start()`` raises RuntimeError with the reason when it cannot."""

    def __init__(self):
        self.folder: Path | None = None
        self.port = 0
        self.password = secrets.token_hex(12)
        self.started = False
        self._as_user: list[str] = []
        self._count = 0
        self._store: str | None = None

    def _run(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess:
        """Run a server program, as ``postgres`` when we are root (initdb and pg_ctl refuse root)."""
        if self._as_user and self._as_user[0] == "su":  # su takes one command line
            import shlex
            full = [*self._as_user, shlex.join(cmd)]
        else:
            full = [*self._as_user, *cmd]
        return subprocess.run(full, capture_output=True, text=True, timeout=120, check=check)

    def start(self) -> None:
        bindir = _pg_bindir()
        if bindir is None or not (bindir / "initdb").exists():
            raise RuntimeError("no PostgreSQL server installed (initdb not found under /usr/lib/postgresql/*/bin "
                               "or in PATH; tools/test.sh installs Debian's postgresql)")
        # mkdtemp makes the folder 0700 and ours; the server must own it, and it refuses to run as root
        self.folder = Path(tempfile.mkdtemp(prefix="advisor-pg-", dir=_reachable_tmp()))
        if os.geteuid() == 0:
            try:
                import pwd
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root, and there is no 'postgres' user to run the server as") from None
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            runuser = shutil.which("runuser")
            self._as_user = [runuser, "-u", "postgres", "--"] if runuser else ["su", "postgres", "-s", "/bin/sh", "-c"]
        data, pwfile = self.folder / "data", self.folder / "pw"
        pwfile.write_text(self.password + "\n")
        if os.geteuid() == 0:
            os.chown(pwfile, user.pw_uid, user.pw_gid)
        self.port = _free_port()
        try:
            # the superuser logs in through the folder's socket without a password; the tests'
            # role over TCP with one (scram), as a region's advisors would
            self._run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8", "--locale=C",
                      "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}")
            options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder} "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
            self._run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-o", options,
                      "-w", "-t", "60", "start")
        except subprocess.CalledProcessError as exc:
            log = (self.folder / "log").read_text(errors="replace")[-800:] if (self.folder / "log").exists() else ""
            program = next((Path(c).name for c in exc.cmd if "initdb" in c or "pg_ctl" in c), "the server")
            raise RuntimeError(f"{program} failed: {(exc.stderr or exc.stdout or '').strip()[-800:]} {log}".strip()) from None
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise RuntimeError(f"the PostgreSQL server did not start: {exc}") from None
        self.started = True
        self._bindir = bindir
        self._admin(f"CREATE ROLE {PG_ROLE} LOGIN CREATEDB PASSWORD '{self.password}'")

    def _admin(self, sql: str) -> None:
        import psycopg
        with psycopg.connect(host=str(self.folder), port=self.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self) -> tuple[str, str]:
        """A fresh, empty database owned by the tests' role: (name, SQLAlchemy URL)."""
        self._count += 1
        name = f"store_{os.getpid()}_{self._count}"
        self._admin(f"CREATE DATABASE {name} OWNER {PG_ROLE} TEMPLATE template0")
        return name, self.url(name)

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://{PG_ROLE}:{self.password}@127.0.0.1:{self.port}/{name}"

    def empty_store(self) -> str:
        """The URL of this session's store at head, emptied: made once, then before each test
        its other connections are ended and every table is truncated (creating a database
        costs about 0.45 s here, emptying one a few ms). A store whose schema a test changed
        is made anew."""
        from advisor.store.db import HEAD, connect
        from advisor.store.schema import metadata

        if self._store is not None:
            name = self._store
            tables = ", ".join(t.name for t in metadata.sorted_tables)
            import psycopg
            with psycopg.connect(host=str(self.folder), port=self.port, user="postgres", dbname=name,
                                 autocommit=True) as conn:
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE datname = current_database() AND pid <> pg_backend_pid()")
                try:
                    version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
                    if version == [(HEAD,)]:
                        conn.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
                        return self.url(name)
                except psycopg.Error:
                    pass
            self.drop_database(name)
        name, url = self.new_database()
        connect(url).dispose()
        self._store = name
        return url

    def drop_database(self, name: str) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # FORCE: an engine a test left open

    def stop(self) -> None:
        if self.started:
            self._run(str(self._bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w",
                      "stop", check=False)
            self.started = False
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


@pytest.fixture(scope="session")
def postgres_server():
    """The session's PostgreSQL server, started on first use; skip (fail under CI) when it cannot."""
    server = PostgresServer()
    try:
        server.start()
    except RuntimeError as exc:
        server.stop()
        reason = f"PostgreSQL test server: {exc}"
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh empty PostgreSQL database for one test (dropped after it)."""
    name, url = postgres_server.new_database()
    yield url
    postgres_server.drop_database(name)


@pytest.fixture
def postgres_store_url(postgres_server):
    """An empty PostgreSQL store with its schema at head, for one test."""
    return postgres_server.empty_store()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An SQLite store migrated to head, made once per session."""
    from advisor.store.db import connect

    path = tmp_path_factory.mktemp("store-template") / "store.sqlite3"
    connect(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """An empty case store's URL, its schema at head, on each backend in turn (see the module
    docstring)."""
    if request.param == "sqlite":
        import sqlite3

        path = tmp_path / "store.sqlite3"
        template = request.getfixturevalue("sqlite_template")
        # the backup API copies a consistent database (the template is in WAL mode)
        with sqlite3.connect(template) as source, sqlite3.connect(path) as copy:
            source.backup(copy)
        source.close()
        copy.close()
        os.chmod(path, 0o600)  # as connect() makes a store
        return f"sqlite:///{path}"
    return request.getfixturevalue("postgres_store_url")


@pytest.fixture(params=["sqlite", "postgresql"])
def blank_store_url(request, tmp_path):
    """The URL of an empty database no migration has touched, on each backend in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/store.sqlite3"
    return request.getfixturevalue("postgres_url")
