"""Speed of the case store on SQLite and PostgreSQL, measured (not asserted in tests).

    python benchmarks/bench_store.py [--consultations 100000] [--experts 2000] [--runs 15]
                                     [--backend sqlite --backend postgresql] [--pg-url URL]

Fills a fresh store on each backend with ``--consultations`` recorded consultations (spread over
the five years 2022-2026, one to six per case, each with its facts: recommended, rejected and
missing answers, now and then an override) and the bookings of ``--experts`` generated fictional
experts (twelve a year each, in 2025-2026), with bulk inserts; then measures, ``--runs`` times
each after one warm-up, and prints the median and the maximum:

- a page of cases: the 50 most recently updated (``ix_cases_updated``), and a search of the
  label, organisation and municipality for a word, 50 rows (target <= 100 ms);
- the monitoring report (advisor.store.monitor.report) for the year 2026 (target <= 1 s);
- recording one consultation: its row and its facts inserted in one transaction, the advice a
  real one of a worked example (target <= 20 ms).

PostgreSQL: ``--pg-url`` (a database the benchmark may fill: it creates the tables and
deletes their rows) or, by default, a throw-away server started here like the tests' one
(``initdb`` + ``pg_ctl`` in a temporary folder, as the ``postgres`` user when run as root,
on 127.0.0.1 and a free port, durable: fsync on). The case lists are advisor.store.cases'
``CaseStore.list`` and ``CaseStore.search``.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CASE = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"
TARGETS = {"cases page": 0.100, "cases search": 0.100, "monitor report (a year)": 1.0, "record consultation": 0.020}
MUNICIPALITIES = ["Kortrijk", "Wevelgem", "Menen", "Harelbeke", "Waregem", "Kuurne", "Zwevegem", "Deerlijk",
                  "Anzegem", "Avelgem", "Spiere-Helkijn", "Wervik", "Lendelede", "Kortemark", "Ieper", "Roeselare",
                  "Izegem", "Ledegem", "Moorslede", "Heuvelland", None]
LEGAL_FORMS = ["municipality", "ocmw", "intermunicipal", "nonprofit", "social_purpose_company", "cooperative",
               "company", "none_yet", None]
WORDS = ["fietspunt", "strijkatelier", "sociaal restaurant", "kringwinkel", "groendienst", "klusdienst",
         "buurtwerking", "schoonmaak", "wasserette", "catering", "herstelatelier", "moestuin"]
START, YEARS = datetime(2022, 1, 1, tzinfo=timezone.utc), 5


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


# --- a throw-away PostgreSQL server --------------------------------------------------------------


class Postgres:
    """``initdb`` + ``pg_ctl`` in a temporary folder; ``url`` logs in over TCP with a password."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="bench-store-pg-"))
        self.password = secrets.token_hex(12)
        self.prefix: list[str] = []
        found = shutil.which("pg_ctl") or (sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")) or [None])[-1]
        if found is None:
            raise SystemExit("no PostgreSQL server installed (initdb/pg_ctl); give --pg-url or apt-get install postgresql")
        self.bindir = Path(found).parent
        if os.geteuid() == 0:  # initdb and pg_ctl refuse root: run them as postgres, who must own the folder
            import pwd

            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]

    def run(self, *cmd: str) -> None:
        subprocess.run([*self.prefix, *cmd], check=True, capture_output=True, text=True, timeout=180)

    def start(self) -> str:
        pw = self.folder / "pw"
        pw.write_text(self.password + "\n")
        if self.prefix:
            shutil.chown(pw, "postgres")
        data = self.folder / "data"
        self.run(str(self.bindir / "initdb"), "-D", str(data), "-U", "bench", "-E", "UTF8", "--locale=C",
                 "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pw}")
        self.run(str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w", "-t", "60", "-o",
                 f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder}", "start")
        return f"postgresql+psycopg://bench:{self.password}@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self.run(str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


# --- filling the store ---------------------------------------------------------------------------


def experts(n: int, rng: random.Random) -> dict[str, str]:
    """``n`` fictional expert ids, each with one of 40 fictional support organisations."""
    return {f"gen-expert-{k:05d}": f"gen-org-{rng.randrange(40):02d}" for k in range(n)}


def bulk(engine, table, rows: list[dict]) -> None:
    """Insert ``rows`` fast: COPY on PostgreSQL, the driver's executemany on SQLite."""
    if not rows:
        return
    columns = list(rows[0])
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if engine.dialect.name == "postgresql":
            with cur.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[c] for c in columns])
        else:
            # the load only: no sync at every WAL checkpoint (the measurements use the store's own settings)
            cur.execute("PRAGMA synchronous=OFF")
            cur.executemany(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            [tuple(row[c] for c in columns) for row in rows])
        raw.commit()
        if engine.dialect.name == "sqlite":
            cur.execute("PRAGMA synchronous=FULL")  # as advisor.store.db sets it
    finally:
        raw.close()


def fill(engine, n_consultations: int, expert_orgs: dict[str, str], seed: int = 2026) -> dict:
    """Bulk-insert the cases, consultations, facts and bookings; returns what was made."""
    from sqlalchemy import delete

    from advisor.knowledge import catalogue
    from advisor.store.cases import search_key
    from advisor.store.schema import bookings, cases, consultation_facts, consultations

    rng = random.Random(seed)
    instruments = list(catalogue().instruments)
    fields = ["organisation.legal_form", "organisation.municipality", "workers.0.age", "workers.0.status",
              "activities", "customers", "organisation.recognitions", "workers.0.leefloon", "workers.0.reduced_capacity",
              "service.place", "organisation.staff", "workers.0.unemployed_since"]
    blob = json.dumps({"padding": "x" * 1500})  # a stand-in for the case and advice JSON (~1.5 kB each)
    span = YEARS * 365 * 24 * 3600
    made = {"cases": 0, "consultations": 0, "facts": 0, "bookings": 0}
    with engine.begin() as conn:
        for table in (consultation_facts, consultations, bookings, cases):
            conn.execute(delete(table))
    case_rows, cons_rows, fact_rows = [], [], []
    cid = 0
    n_case = 0

    def flush(force: bool = False) -> None:
        if force or len(fact_rows) >= 100_000:
            for table, rows in ((cases, case_rows), (consultations, cons_rows), (consultation_facts, fact_rows)):
                bulk(engine, table, rows)
                made[table.name if table.name != "consultation_facts" else "facts"] += len(rows)
                rows.clear()

    while cid < n_consultations:
        created = START + timedelta(seconds=rng.randrange(span))
        case_id = secrets.token_hex(8)
        word = rng.choice(WORDS)
        muni = rng.choice(MUNICIPALITIES)
        moment = created
        label = f"{word} {muni or ''} {n_case}".strip()
        organisation = rng.choice([None, f"vzw {word.capitalize()} {n_case}"])
        case_rows.append({"id": case_id, "label": label, "organisation": organisation,
                          "municipality": muni, "legal_form": rng.choice(LEGAL_FORMS),
                          "status": rng.choice(["intake", "advised", "followed_up", "closed"]), "owner": "bench",
                          "created": iso(created), "updated": iso(created), "version": 1,
                          "search_key": search_key(label, organisation, muni)})
        n_case += 1
        for _ in range(rng.randint(1, 6)):
            if cid >= n_consultations:
                break
            cid += 1
            moment += timedelta(seconds=rng.randrange(3600, 60 * 24 * 3600))
            cons_rows.append({"id": cid, "case_id": case_id, "session_id": None, "recorded_at": iso(moment),
                              "as_of": moment.date().isoformat(), "knowledge_version": "bench", "asked_by": "bench",
                              "channel": rng.choice(["cli", "interview", "web"]), "municipality": muni,
                              "legal_form": None, "case_json": blob, "advice_json": blob, "overrides_json": "[]"})
            picked = rng.sample(instruments, 7)
            at = iso(moment)
            concluded = ([("recommended", key) for key in picked[:3]] + [("rejected", key) for key in picked[3:]]
                         + [("missing", key) for key in rng.sample(fields, 3)]
                         + ([("override", picked[0])] if rng.random() < 0.1 else []))
            fact_rows.extend({"consultation_id": cid, "kind": kind, "key": key, "case_id": case_id, "recorded_at": at}
                             for kind, key in concluded)
        flush()
    flush(force=True)
    # twelve bookings a year for each expert in 2025 and 2026, on cases of those years
    book_rows = []
    with engine.connect() as conn:
        recent = [r[0] for r in conn.exec_driver_sql("SELECT id FROM cases WHERE created >= '2025-01-01' ORDER BY id")]
    for expert in expert_orgs:
        for year in (2025, 2026):
            for month in range(1, 13):
                status = rng.choice(["requested", "confirmed", "confirmed", "declined", "closed", "closed"])
                hours = rng.randint(1, 8)
                book_rows.append({"case_id": rng.choice(recent), "expert_id": expert, "month": f"{year}-{month:02d}",
                                  "hours": hours, "domain": "coaching", "note": None, "status": status,
                                  "hours_done": rng.randint(0, hours) if status == "closed" else None,
                                  "booked_by": "bench", "created": f"{year}-{month:02d}-01T09:00:00+00:00",
                                  "updated": f"{year}-{month:02d}-01T09:00:00+00:00", "version": 1})
    bulk(engine, bookings, book_rows)
    made["bookings"] = len(book_rows)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # the ids were given: move the sequences past them
            for table in ("consultations", "bookings"):
                conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT coalesce(max(id), 1) FROM {table}))")
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")  # as autovacuum would after a load; fresh statistics
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return made


# --- what is measured ----------------------------------------------------------------------------


def case_page(engine, search: str | None):
    """A page of 50 cases, newest change first, optionally those whose label, organisation or
    municipality holds every word of ``search`` (advisor.store.cases)."""
    from advisor.store.cases import CaseStore

    store = CaseStore(engine=engine)
    return store.search(search, size=50) if search else store.list(size=50)


def real_advice() -> tuple[str, str, list[tuple[str, str]]]:
    """The case and advice JSON of a worked example, and its facts."""
    from advisor.plan.consult import consult
    from advisor.regression.scenarios import load_case_or_scenario
    from advisor.render import advice_json

    case = load_case_or_scenario(str(CASE))
    advice = consult(case)
    facts = ([("recommended", i) for i in advice.recommended_ids()] + [("rejected", i) for i in advice.rejected_ids()]
             + [("missing", f) for f in sorted({n.field for n in advice.needs_info})])
    return case.model_dump_json(), advice_json(advice), sorted(set(facts))


def record(engine, case_id: str, case_json: str, advice_json: str, facts: list[tuple[str, str]]) -> None:
    """One consultation with its facts, in one transaction (advisor.store.consultations records
    it the same way: the row, then its facts)."""
    from sqlalchemy import insert

    from advisor.store.schema import consultation_facts, consultations

    now = iso(datetime.now(timezone.utc))
    with engine.begin() as conn:
        cid = conn.execute(insert(consultations).values(
            case_id=case_id, session_id=None, recorded_at=now, as_of=now[:10], knowledge_version="bench",
            asked_by="bench", channel="cli", municipality="Kortrijk", legal_form="municipality",
            case_json=case_json, advice_json=advice_json, overrides_json="[]").returning(consultations.c.id)).scalar_one()
        if facts:
            conn.execute(insert(consultation_facts), [{"consultation_id": cid, "kind": k, "key": v, "case_id": case_id,
                                                       "recorded_at": now} for k, v in facts])


def _no_wait(dbapi_connection) -> None:
    with dbapi_connection.cursor() as cur:
        cur.execute("SET synchronous_commit = off")
    dbapi_connection.commit()


class Times(list):
    """Wall-clock seconds of each run, with ``cpu``: the median CPU seconds of this process (on
    SQLite all the work; on PostgreSQL the client's share) — on a loaded machine the wall clock
    also counts the waits for a core."""
    cpu = 0.0


def timed(fn, runs: int) -> Times:
    fn()  # warm-up: compiled statements, the database's caches
    out, cpu = Times(), []
    for _ in range(runs):
        start, used = time.perf_counter(), time.process_time()
        fn()
        out.append(time.perf_counter() - start)
        cpu.append(time.process_time() - used)
    out.cpu = statistics.median(cpu)
    return out


def bench(url: str, args, expert_orgs: dict[str, str]) -> list[tuple]:
    from sqlalchemy import text

    from advisor.store import monitor
    from advisor.store.db import connect, shown_url

    engine = connect(url)
    backend = engine.dialect.name
    print(f"{backend}: {shown_url(url)}", file=sys.stderr)
    start = time.perf_counter()
    made = fill(engine, args.consultations, expert_orgs)
    print(f"{backend}: filled in {time.perf_counter() - start:.1f} s: "
          + ", ".join(f"{v:,} {k}" for k, v in made.items()), file=sys.stderr)
    with engine.connect() as conn:
        case_id = conn.execute(text("SELECT id FROM cases ORDER BY created DESC LIMIT 1")).scalar_one()
    case_json, advice_json, facts = real_advice()
    rows = []
    year = (date(2026, 1, 1), date(2026, 12, 31))
    figures = monitor.report(engine, *year, expert_organisation=expert_orgs)
    for name, fn in (
        ("cases page", lambda: case_page(engine, None)),
        ("cases search", lambda: case_page(engine, "strijk")),
        ("monitor report (a year)", lambda: monitor.report(engine, *year, expert_organisation=expert_orgs)),
        ("record consultation", lambda: record(engine, case_id, case_json, advice_json, facts)),
    ):
        times = timed(fn, args.runs)
        rows.append((backend, name, statistics.median(times), max(times), times.cpu, TARGETS[name]))
        print(f"{backend}: {name}: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms, "
              f"cpu {times.cpu * 1000:.1f} ms", file=sys.stderr)
    if backend == "postgresql":
        # the same with the commit not waiting for the log's flush to disk: what is left is the
        # store's own work (the difference is this machine's fsync)
        from sqlalchemy import event

        event.listen(engine, "connect", lambda dbapi, _: _no_wait(dbapi))
        engine.dispose()
        times = timed(lambda: record(engine, case_id, case_json, advice_json, facts), args.runs)
        rows.append((backend, "record (no wait for fsync)", statistics.median(times), max(times), times.cpu,
                     TARGETS["record consultation"]))
    if backend == "sqlite":
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        if mode != "wal":  # what the recording costs in WAL mode (a commit syncs the log once, not the journal and the file)
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            engine.dispose()
            times = timed(lambda: record(engine, case_id, case_json, advice_json, facts), args.runs)
            rows.append((backend, "record consultation (WAL)", statistics.median(times), max(times), times.cpu,
                         TARGETS["record consultation"]))
    engine.dispose()
    print(f"{backend}: the year 2026 holds {figures.cases_total:,} new cases and {figures.consultations_total:,} "
          f"consultations; {len(facts)} facts per recorded consultation", file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--consultations", type=int, default=100_000)
    parser.add_argument("--experts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--backend", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--pg-url", default=None, help="a PostgreSQL database to fill (default: a throw-away server)")
    args = parser.parse_args()
    backends = args.backend or ["sqlite", "postgresql"]
    expert_orgs = experts(args.experts, random.Random(7))
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="bench-store-"))
    try:
        if "sqlite" in backends:
            rows += bench(f"sqlite:///{folder}/store.sqlite3", args, expert_orgs)
        if "postgresql" in backends:
            server = None
            url = args.pg_url
            if url is None:
                server = Postgres()
                url = server.start()
            try:
                rows += bench(url, args, expert_orgs)
            finally:
                if server is not None:
                    server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"\n{args.consultations:,} consultations, {args.experts:,} experts, {args.runs} runs each (after a warm-up)\n")
    print(f"{'backend':<11} {'measure':<27} {'median':>10} {'max':>10} {'cpu':>10} {'target':>8}  ok")
    for backend, name, med, top, cpu, target in rows:
        print(f"{backend:<11} {name:<27} {med * 1000:>7.1f} ms {top * 1000:>7.1f} ms {cpu * 1000:>7.1f} ms "
              f"{target * 1000:>5.0f} ms  {'yes' if med <= target else 'NO'}")
    print(f"\n(cpu: the median CPU time of this process; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
