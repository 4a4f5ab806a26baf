"""Speed of `advisor web` through its HTTP interface, on loopback only (measured, not asserted).

    python benchmarks/bench_web.py [--cases N] [--clients 1,8] [--reports 5]

Starts `advisor web --port 0` on 127.0.0.1 with a fresh sessions database, then replays the
worked examples as self-checks: each client starts a session and answers every question the
server asks from the example's case ("I don't know" when the case leaves it out). Reported:

- answer -> next page (the POST of an answer and the page it redirects to), median and p95,
  with 1 client and with 8 concurrent clients (each runs the worked examples in turn);
- the report of a finished session: HTML and PDF, median of ``--reports`` requests.

Bounded: every client replays a fixed list of cases, each interview at most 80 questions, each
request with a 120 s timeout; the server is stopped at the end. Targets (issue 14, on this
two-core machine): next page p95 <= 150 ms with 1 client, <= 500 ms with 8; HTML report
<= 200 ms; PDF <= 2 s.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor.interview.interview import UNKNOWN, case_values  # noqa: E402
from advisor.regression.scenarios import load_case_or_scenario  # noqa: E402

TIMEOUT = 120


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "advisor", "web", "--host", "127.0.0.1", "--port", "0",
                             "--db", str(db)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    line = proc.stderr.readline()
    m = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
    if not m:
        proc.kill()
        raise SystemExit(f"the server did not start: {line}")
    threading.Thread(target=proc.stderr.read, daemon=True).start()
    return proc, m.group(1)


class Client:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[str, str]:
        with self.opener.open(self.base + path, timeout=TIMEOUT) as r:
            return r.geturl(), r.read().decode()

    def post(self, path: str, data: list[tuple[str, str]]) -> tuple[str, str]:
        body = urllib.parse.urlencode(data).encode()
        with self.opener.open(self.base + path, body, timeout=TIMEOUT) as r:  # follows the 303
            return r.geturl(), r.read().decode()

    def raw(self, path: str) -> bytes:
        with self.opener.open(self.base + path, timeout=TIMEOUT) as r:
            return r.read()


def token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def fields(value, html: str) -> list[tuple[str, str]]:
    if value is UNKNOWN:
        return [("action", "unknown")]
    if isinstance(value, bool):
        return [("action", "answer"), ("value", "true" if value else "false")]
    if isinstance(value, list):
        if 'type="checkbox"' in html:
            return [("action", "answer")] + [("value", v) for v in value]
        return [("action", "answer"), ("value", ", ".join(value))]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return [("action", "answer"), ("value", str(value))]


def self_check(client: Client, answers: dict, times: list[float]) -> str:
    """One self-check to its end page; appends each answer -> next page time; returns the path."""
    _, page = client.get("/")
    url, page = client.post("/start", [("csrf_token", token(page))])
    path = urllib.parse.urlsplit(url).path
    for _ in range(80):
        m = re.search(r'name="path" value="([^"]+)"', page)
        if not m:
            return path
        data = [("csrf_token", token(page)), ("path", m.group(1)), *fields(answers.get(m.group(1), UNKNOWN), page)]
        t0 = time.perf_counter()
        url, page = client.post(path, data)
        times.append(time.perf_counter() - t0)
    raise RuntimeError("the interview did not end")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(base: str, cases: list[dict], clients: int) -> tuple[list[float], list[str], float]:
    times: list[float] = []
    ends: list[str] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        mine: list[float] = []
        try:
            c = Client(base)
            for i in range(len(cases)):
                end = self_check(c, cases[(i + n) % len(cases)], mine)
                with lock:
                    ends.append(end)
        except BaseException as exc:  # noqa: BLE001 - reported after the run
            errors.append(exc)
        with lock:
            times.extend(mine)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if errors:
        raise errors[0]
    return times, ends, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=6, help="worked examples replayed by each client")
    ap.add_argument("--clients", default="1,8")
    ap.add_argument("--reports", type=int, default=5)
    args = ap.parse_args()
    files = sorted((ROOT / "scenarios/worked-examples").glob("*.yaml"))[: args.cases]
    cases = [case_values(load_case_or_scenario(str(f))) for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        proc, base = start_server(Path(tmp) / "sessions.db")
        print(f"server up in {time.perf_counter() - t0:.2f} s (engine built before listening) at {base}")
        try:
            ends: list[str] = []
            for n in (int(x) for x in args.clients.split(",")):
                times, ends, wall = run(base, cases, n)
                print(f"{n} client(s): {len(times)} answers in {wall:.1f} s; answer -> next page "
                      f"median {statistics.median(times) * 1000:.0f} ms, p95 {pct(times, 95) * 1000:.0f} ms, "
                      f"max {max(times) * 1000:.0f} ms")
            c = Client(base)
            end = ends[0].rsplit("/", 1)[0] if ends[0].endswith("/result") else ends[0]
            for fmt in ("html", "pdf"):
                took = []
                for _ in range(args.reports):
                    t1 = time.perf_counter()
                    data = c.raw(f"{end}/report.{fmt}")
                    took.append(time.perf_counter() - t1)
                print(f"report.{fmt}: median {statistics.median(took) * 1000:.0f} ms, max {max(took) * 1000:.0f} ms "
                      f"({len(data)} bytes)")
        finally:
            proc.terminate()
            proc.wait(30)


if __name__ == "__main__":
    main()
