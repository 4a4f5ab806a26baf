"""The steering group's monitoring (advisor.store.monitor, `advisor monitor`, the web page).

The figures of a seeded, generated store (cases, consultations with their facts, bookings) are
compared with the same figures computed here in plain Python from the generated rows, so the
SQL aggregates are checked against an independent count, not against themselves.
"""
from __future__ import annotations

import csv
import io
import json
import random
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

import pytest

from advisor.store import monitor
from advisor.store.schema import FACT_KINDS, bookings, cases, consultation_facts, consultations

MUNICIPALITIES = ["Kortrijk", "Wevelgem", "Menen", "Harelbeke", "Waregem", None]
LEGAL_FORMS = ["nonprofit", "cooperative", "municipality", "ocmw", None]
INSTRUMENTS = ["maatwerkbedrijf", "lokale-diensteneconomie", "dienstencheques", "wep-plus", "artikel-60",
               "pwa", "wijk-werken", "activa"]
FIELDS = ["organisation.legal_form", "workers.*.age", "activities", "organisation.municipality", "customers"]


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Generated:
    cases: list[dict] = field(default_factory=list)
    consultations: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    bookings: list[dict] = field(default_factory=list)


def generate(seed: int, n_cases: int = 120, experts: list[str] | None = None) -> Generated:
    """A store's rows from ``seed``: cases over 2025-2026, 0-4 consultations each (some before
    the case's range ends, some after), each with a few facts of every kind, and bookings."""
    rng = random.Random(seed)
    experts = experts or ["lien-leieveld", "koen-vlaskouter", "greet-hopbloem", "dirk-kouterbeek",
                          "fictional-expert-unknown"]
    gen = Generated()
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    cid = 0
    for n in range(n_cases):
        created = start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        case_id = f"case-{n:04d}"
        gen.cases.append({"id": case_id, "label": f"label {n}", "organisation": None,
                          "municipality": rng.choice(MUNICIPALITIES), "legal_form": rng.choice(LEGAL_FORMS),
                          "status": rng.choice(["intake", "advised", "closed"]), "owner": "tester",
                          "created": _iso(created), "updated": _iso(created), "version": 1})
        moment = created
        for _ in range(rng.choice([0, 1, 1, 2, 4])):
            moment += timedelta(minutes=rng.randrange(1, 60 * 24 * 40))
            cid += 1
            gen.consultations.append({
                "id": cid, "case_id": case_id, "session_id": None, "recorded_at": _iso(moment),
                "as_of": moment.date().isoformat(), "knowledge_version": "test", "asked_by": "tester",
                "channel": rng.choice(["cli", "interview", "web"]), "municipality": None, "legal_form": None,
                "case_json": "{}", "advice_json": "{}", "overrides_json": "[]"})
            for kind, pool in (("recommended", INSTRUMENTS), ("rejected", INSTRUMENTS), ("missing", FIELDS),
                               ("override", INSTRUMENTS)):
                for key in rng.sample(pool, rng.choice([0, 1, 2, 3] if kind != "override" else [0, 0, 0, 1])):
                    gen.facts.append({"consultation_id": cid, "kind": kind, "key": key, "case_id": case_id,
                                      "recorded_at": _iso(moment)})
        for _ in range(rng.choice([0, 0, 1, 2])):
            month = created.date().isoformat()[:7]
            status = rng.choice(["requested", "confirmed", "declined", "closed"])
            gen.bookings.append({
                "case_id": case_id, "expert_id": rng.choice(experts), "month": month,
                "hours": rng.randrange(1, 12), "domain": "coaching", "note": "free text: never exported",
                "status": status, "hours_done": rng.randrange(0, 12) if status == "closed" else None,
                "booked_by": "tester", "created": _iso(created), "updated": _iso(created), "version": 1})
    return gen


def fill(engine, gen: Generated) -> None:
    with engine.begin() as conn:
        for table, rows in ((cases, gen.cases), (consultations, gen.consultations),
                            (consultation_facts, gen.facts), (bookings, gen.bookings)):
            if rows:
                conn.execute(table.insert(), rows)


def expected(gen: Generated, lo: date, hi: date, organisation_of: dict[str, str]) -> dict:
    """The figures, counted in plain Python over the generated rows."""
    def day(text: str) -> date:
        return datetime.fromisoformat(text).date()

    in_cases = [c for c in gen.cases if lo <= day(c["created"]) <= hi]
    in_cons = {c["id"]: c for c in gen.consultations if lo <= day(c["recorded_at"]) <= hi}

    def tally(values):
        counts: dict = {}
        for v in values:
            counts[v] = counts.get(v, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))

    facts = {}
    for kind in FACT_KINDS:
        per: dict[str, list] = {}
        for f in gen.facts:
            if f["kind"] == kind and f["consultation_id"] in in_cons:
                per.setdefault(f["key"], []).append(in_cons[f["consultation_id"]]["case_id"])
        facts[kind] = sorted(((k, len(v), len(set(v))) for k, v in per.items()),
                             key=lambda r: (-r[2], -r[1], r[0]))
    months, m = [], date(lo.year, lo.month, 1)
    while m <= hi:
        months.append(m.isoformat()[:7])
        m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    per_month = dict(tally(day(c["created"]).isoformat()[:7] for c in in_cases))
    orgs: dict = {}
    for b in gen.bookings:
        if b["status"] != "declined" and lo.isoformat()[:7] <= b["month"] <= hi.isoformat()[:7]:
            o = orgs.setdefault(organisation_of.get(b["expert_id"]), [0, 0, 0])
            o[0] += 1
            o[1] += b["hours"]
            o[2] += b["hours_done"] if b["status"] == "closed" else 0
    spans = []
    for c in in_cases:
        seen = [x["recorded_at"] for x in gen.consultations if x["case_id"] == c["id"]]
        if seen:
            first = min(datetime.fromisoformat(s) for s in seen)
            spans.append((first - datetime.fromisoformat(c["created"])).total_seconds() / 86400)
    return {
        "cases_total": len(in_cases), "consultations_total": len(in_cons),
        "municipality": tally(c["municipality"] for c in in_cases),
        "legal_form": tally(c["legal_form"] for c in in_cases),
        "month": [(mo, per_month.get(mo, 0)) for mo in months],
        "facts": facts,
        "orgs": sorted(((k, *v) for k, v in orgs.items()),
                       key=lambda r: (-r[2], -r[3], r[0] is None, r[0] or "")),
        "intake": (len(spans), round(statistics.median(spans), 1) if spans else None, len(in_cases) - len(spans)),
    }


def _url(tmp_path) -> str:
    return f"sqlite:///{tmp_path}/store.db"


@pytest.fixture
def organisation_of():
    from advisor.plan.pool import pool

    return {e.id: e.organisation for e in pool().experts}


def _figures(m: monitor.Monitoring) -> dict:
    def facts(rows):
        return [(r.key, r.consultations, r.cases) for r in rows]

    return {
        "cases_total": m.cases_total, "consultations_total": m.consultations_total,
        "municipality": [(r.key, r.count) for r in m.cases_by_municipality],
        "legal_form": [(r.key, r.count) for r in m.cases_by_legal_form],
        "month": [(r.key, r.count) for r in m.cases_by_month],
        "facts": {"recommended": facts(m.instruments), "rejected": facts(m.rejections),
                  "missing": facts(m.missing), "override": facts(m.overrides)},
        "orgs": [(r.key, r.bookings, r.hours_booked, r.hours_done) for r in m.expert_hours],
        "intake": (m.intake_to_advice.cases, m.intake_to_advice.median_days, m.intake_to_advice.not_advised),
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("lo,hi", [(date(2025, 1, 1), date(2026, 12, 31)), (date(2025, 3, 15), date(2025, 11, 2)),
                                   (date(2026, 2, 1), date(2026, 2, 28))])
def test_figures_equal_an_independent_count(tmp_path, organisation_of, seed, lo, hi):
    from advisor.store.db import connect

    gen = generate(seed)
    engine = connect(_url(tmp_path))
    fill(engine, gen)
    got = monitor.report(engine, lo, hi)
    assert _figures(got) == expected(gen, lo, hi, organisation_of)
    assert got.top_instruments == got.instruments[:5]
    assert got.cases_total > 0 and got.consultations_total > 0  # the ranges are not empty: the test means something


def test_empty_store(tmp_path):
    from advisor.store.db import connect

    got = monitor.report(connect(_url(tmp_path)), date(2026, 1, 1), date(2026, 3, 31))
    assert (got.cases_total, got.consultations_total) == (0, 0)
    assert [r.key for r in got.cases_by_month] == ["2026-01", "2026-02", "2026-03"]
    assert all(r.count == 0 for r in got.cases_by_month)
    assert got.instruments == got.missing == got.expert_hours == []
    assert got.intake_to_advice == monitor.IntakeToAdvice(0, None, 0)


def test_range_edges_include_both_days(tmp_path):
    """A case created at 23:59:59 on the last day counts; one at 00:00:00 the next day does not."""
    from advisor.store.db import connect

    gen = Generated(cases=[
        {"id": f"c{n}", "label": "x", "organisation": None, "municipality": "Kortrijk", "legal_form": None,
         "status": "intake", "owner": "t", "created": created, "updated": created, "version": 1}
        for n, created in enumerate(["2026-01-01T00:00:00+00:00", "2026-01-31T23:59:59+00:00",
                                     "2026-02-01T00:00:00+00:00", "2025-12-31T23:59:59+00:00"])])
    engine = connect(_url(tmp_path))
    fill(engine, gen)
    got = monitor.report(engine, date(2026, 1, 1), date(2026, 1, 31))
    assert got.cases_total == 2
    assert [(r.key, r.count) for r in got.cases_by_municipality] == [("Kortrijk", 2)]


# --- `advisor monitor` -------------------------------------------------------------------------------


@pytest.fixture
def filled(tmp_path):
    from advisor.store.db import connect

    url = _url(tmp_path)
    gen = generate(7)
    engine = connect(url)
    fill(engine, gen)
    engine.dispose()
    return url, gen


def test_cli_json_has_the_figures_and_labels(run, filled, organisation_of):
    url, gen = filled
    code, out, err = run("monitor", "--db-url", url, "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json",
                         "--lang", "en")
    assert (code, err) == (0, "")
    data = json.loads(out)
    want = expected(gen, date(2025, 1, 1), date(2025, 12, 31), organisation_of)
    assert list(data)[:5] == ["lang", "date_from", "date_to", "cases_total", "consultations_total"]
    assert (data["cases_total"], data["consultations_total"]) == (want["cases_total"], want["consultations_total"])
    assert [(r["key"], r["cases"], r["consultations"]) for r in data["instruments"]] == \
        [(k, c, n) for k, n, c in want["facts"]["recommended"]]
    assert data["top_instruments"] == data["instruments"][:5]
    assert [(r["key"], r["count"]) for r in data["cases_by_month"]] == want["month"]
    ita = data["intake_to_advice"]
    assert (ita["cases"], ita["median_days"], ita["not_advised"]) == want["intake"]
    names = {r["key"]: r["label"] for r in data["instruments"]}
    assert names["dienstencheques"] == "Service vouchers (dienstencheques)"  # the catalogue's English name
    assert "free text" not in out and "label 1" not in out and "case-0" not in out  # no notes, labels, ids


def test_cli_csv_is_one_long_table_and_sums_up(run, filled, organisation_of):
    url, gen = filled
    code, out, _ = run("monitor", "--db-url", url, "--from", "2025-01-01", "--to", "2026-12-31", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["section", "key", "label", "measure", "value"]
    want = expected(gen, date(2025, 1, 1), date(2026, 12, 31), organisation_of)
    summed = sum(int(r["value"]) for r in rows if r["section"] == "cases_by_municipality")
    assert summed == want["cases_total"] == sum(int(r["value"]) for r in rows if r["section"] == "cases_by_month")
    hours = {(r["key"] or None, r["measure"]): int(r["value"]) for r in rows if r["section"] == "expert_hours"}
    assert hours == {(k, m): v for k, *vals in want["orgs"]
                     for m, v in zip(("bookings", "hours_booked", "hours_done"), vals)}
    assert "top_instruments" not in {r["section"] for r in rows}  # the top 5 would be counted twice
    missing = [(r["key"], r["measure"], int(r["value"])) for r in rows if r["section"] == "missing"]
    assert missing == [x for k, n, c in want["facts"]["missing"] for x in ((k, "cases", c), (k, "consultations", n))]
    assert "free text" not in out


def test_cli_same_store_same_bytes_and_languages(run, filled):
    url, _ = filled
    for fmt in ("text", "csv", "json"):
        args = ("monitor", "--db-url", url, "--from", "2025-01-01", "--to", "2026-12-31", "--format", fmt)
        nl, en = run(*args)[1], run(*args, "--lang", "en")[1]
        assert run(*args)[1] == nl and run(*args, "--lang", "en")[1] == en
        assert nl != en
    code, nl, _ = run("monitor", "--db-url", url, "--from", "2025-01-01", "--to", "2026-12-31")
    code_en, en, _ = run("monitor", "--db-url", url, "--from", "2025-01-01", "--to", "2026-12-31", "--lang", "en")
    assert code == code_en == 0
    assert "Dossiers per gemeente" in nl and "mediaan" in nl and "Dienstencheques" in nl
    assert "Cases per municipality" in en and "median" in en and "Expert hours per support organisation" in en
    assert "Kortrijk" in nl and "vzw (vereniging zonder winstoogmerk)" in nl


def test_cli_empty_store(run, tmp_path):
    code, out, err = run("monitor", "--db-url", _url(tmp_path), "--from", "2026-01-01", "--to", "2026-03-31", "--lang", "en")
    assert (code, err) == (0, "")
    assert "Cases created: 0" in out and "no case with an advice yet" in out and "(none)" in out
    code, out, _ = run("monitor", "--db-url", _url(tmp_path), "--from", "2026-01-01", "--to", "2026-03-31", "--format", "json")
    assert json.loads(out)["intake_to_advice"] == {"cases": 0, "median_days": None, "not_advised": 0}


def test_cli_default_range_is_twelve_months():
    from advisor.store.monitor import default_range

    assert default_range(None, None, today=date(2026, 12, 2)) == (date(2026, 1, 1), date(2026, 12, 2))
    assert default_range(None, date(2026, 3, 31)) == (date(2025, 4, 1), date(2026, 3, 31))
    assert default_range(date(2026, 2, 1), date(2026, 2, 1)) == (date(2026, 2, 1), date(2026, 2, 1))


@pytest.mark.parametrize("args,words", [
    (("--from", "2026-02-01", "--to", "2026-01-01"), ["--from 2026-02-01", "--to 2026-01-01"]),
    (("--from", "2026-02-31"), ["--from", "2026-02-31"]),
    (("--to", "morgen"), ["--to", "morgen"]),
    (("--format", "xlsx"), ["--format", "xlsx", "csv"]),
])
def test_cli_bad_range_is_one_message(run, tmp_path, args, words):
    code, out, err = run("monitor", "--db-url", _url(tmp_path), *args)
    assert code == 2 and out == ""
    assert "Traceback" not in err and all(w in err for w in words)
    assert len([line for line in err.splitlines() if line.startswith("fout:")]) == 1


def test_cli_store_unreachable_hides_the_password(run):
    code, out, err = run("monitor", "--db-url", "postgresql+psycopg://advisor:s3cret@127.0.0.1:1/x", "--lang", "en")
    assert code == 1 and out == "" and "Traceback" not in err
    assert "s3cret" not in err and "advisor:***@127.0.0.1:1/x" in err and "cannot reach" in err


# --- the web page --------------------------------------------------------------------------------------


@pytest.fixture
def web(tmp_path, filled):
    from advisor.web.app import create_app

    url, gen = filled
    app = create_app(str(tmp_path / "sessions.db"), warm=False)
    app.config["ADVISOR_DB_URL"] = url
    return app.test_client(), gen


def test_page_shows_the_figures_with_charts_and_tables(web, organisation_of):
    import html as htmllib
    import re

    client, gen = web
    resp = client.get("/advisor/monitor?from=2025-01-01&to=2025-12-31")
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    want = expected(gen, date(2025, 1, 1), date(2025, 12, 31), organisation_of)
    assert f"Dossiers aangemaakt: {want['cases_total']}" in page
    # one chart per table (all instruments: a table only), each an image with a title and a description
    svgs = re.findall(r'<svg class="chart[^"]*"[^>]*role="img" aria-labelledby="(t-[\w-]+) (d-[\w-]+)"', page)
    assert len(svgs) == len([s for s in monitor.TABLES if s[0] != "instruments"])
    for title, desc in svgs:
        assert f'<title id="{title}">' in page and f'<desc id="{desc}">' in page
    # the monthly column chart: one column per month, its number written above it
    months = page.split('id="h-cases-by-month"')[1].split("</svg>")[0]
    assert months.count("<rect") == 12
    assert [int(v) for v in re.findall(r'class="col-value"[^>]*>(\d+)<', months)] == [n for _, n in want["month"]]
    # the numbers as a table too: every municipality with its count
    table = page.split('id="h-cases-by-municipality"')[1].split("</table>")[0]
    rows = re.findall(r'<th scope="row">([^<]*)</th><td class="num">(\d+)</td>', table)
    assert [(htmllib.unescape(k), int(n)) for k, n in rows] == \
        [(k if k is not None else "(niet opgegeven)", n) for k, n in want["municipality"]]
    assert "free text" not in page and "label 1" not in page  # no notes, no case labels
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing from another host


def test_page_in_english_and_the_csv_download(web):
    client, _ = web
    page = client.get("/advisor/monitor?from=2025-01-01&to=2025-12-31&lang=en").get_data(as_text=True)
    assert "Monitoring for the steering group" in page and "Cases per municipality" in page
    assert 'href="/advisor/monitor.csv?lang=en&amp;from=2025-01-01&amp;to=2025-12-31"' in page
    resp = client.get("/advisor/monitor.csv?lang=en&from=2025-01-01&to=2025-12-31")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert 'filename="monitoring-2025-01-01-2025-12-31.csv"' in resp.headers["Content-Disposition"]
    from advisor.store.db import connect

    engine = connect(web[0].application.config["ADVISOR_DB_URL"])
    assert resp.get_data(as_text=True) == monitor.csv_text(monitor.report(engine, date(2025, 1, 1),
                                                                         date(2025, 12, 31)), "en")


@pytest.mark.parametrize("query,words", [("from=2025-02-30", ["2025-02-30", "JJJJ-MM-DD"]),
                                         ("from=2025-06-01&to=2025-01-01", ["2025-06-01", "2025-01-01"])])
def test_page_bad_range_says_so(web, query, words):
    client, _ = web
    resp = client.get(f"/advisor/monitor?{query}")
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and 'role="alert"' in page and all(w in page for w in words)
    assert "<svg" not in page
    assert client.get(f"/advisor/monitor.csv?{query}").status_code == 400


def test_page_empty_store_and_advisor_pages_off(tmp_path):
    from advisor.web.app import create_app

    app = create_app(str(tmp_path / "sessions.db"), warm=False)
    app.config["ADVISOR_DB_URL"] = _url(tmp_path)
    page = app.test_client().get("/advisor/monitor?from=2026-01-01&to=2026-06-30&lang=en").get_data(as_text=True)
    assert "Cases created: 0" in page and "(none)" in page
    off = create_app(str(tmp_path / "other.db"), advisor_pages=False, warm=False)
    off.config["ADVISOR_DB_URL"] = _url(tmp_path)
    assert off.test_client().get("/advisor/monitor").status_code == 404
    assert off.test_client().get("/advisor/monitor.csv").status_code == 404


def test_bar_and_column_geometry():
    from advisor.web.monitor import BAR_SPACE, bars, columns

    shown, height = bars([("a", 10), ("b " * 30, 5), ("c", 0)])
    assert [b.width for b in shown] == [BAR_SPACE, BAR_SPACE / 2, 0]
    assert len(shown[1].lines) == 2 and shown[1].y > shown[0].y and height > shown[2].y
    cols, _ = columns([(f"2025-{m:02d}", m) for m in range(1, 13)] + [("2026-01", 0)], "nl")
    assert [c.label for c in cols][:3] == ["jan", "", "mrt"] and cols[0].year == "2025" and cols[12].year == "2026"
    assert cols[11].height == max(c.height for c in cols) and cols[12].height == 0
