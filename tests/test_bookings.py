"""Expert bookings: the matching reads the hours booked in the advice's month from its caller,
the store books, confirms, declines and closes them (refusing an over-booking), and
`advisor experts book|confirm|decline|done|bookings|load` and the web's load page show them."""
from __future__ import annotations

from pathlib import Path

import pytest

from advisor.engine.engine import advise
from advisor.plan.matching import propose_experts
from advisor.plan.pool import pool
from advisor.regression.scenarios import load_case_or_scenario

ROOT = Path(__file__).resolve().parent.parent
MENEN = ROOT / "scenarios/experts/menen-ironing-vzw-2026.yaml"


@pytest.fixture(scope="module")
def menen():
    case = load_case_or_scenario(MENEN)
    return case, advise(case, lang="en")


# --- the matching: booked hours come from the caller ---------------------------------------------


def test_no_bookings_gives_the_same_experts_as_before(menen):
    case, advice = menen
    plain = propose_experts(case, advice)
    for booked in (None, {}, {"someone-unknown": 3}):
        again = propose_experts(case, advice, booked=booked)
        assert [(p.id, p.score, p.reasons) for p in again.proposed] == \
               [(p.id, p.score, p.reasons) for p in plain.proposed]


def test_booked_hours_lower_the_rank_and_a_full_expert_is_passed_over(menen):
    case, advice = menen
    plain = propose_experts(case, advice)
    first = plain.proposed[0]
    expert = next(e for e in pool().experts if e.id == first.id)
    free = expert.hours_per_month - expert.hours_committed
    assert free > 1, "the test needs a first expert with more than one free hour"

    some = propose_experts(case, advice, booked={first.id: free - 1})
    ranked = [s.expert.id for s in some.ranked]
    assert ranked.index(first.id) > 0  # one hour left: nearly full, ranks lower
    score_before = next(s.score for s in plain.ranked if s.expert.id == first.id)
    assert next(s.score for s in some.ranked if s.expert.id == first.id) < score_before

    full = propose_experts(case, advice, booked={first.id: free})
    assert first.id not in {p.id for p in full.proposed}
    assert first.id not in {s.expert.id for s in full.ranked}
    why = {p.id: p.reasons for p in full.passed_over}[first.id]
    total = expert.hours_per_month
    assert why[0] == f"no free hours this month ({total} of {total} hours committed)"

    more = propose_experts(case, advice, booked={first.id: free + 50})  # over the top: still just full
    assert [p.id for p in more.proposed] == [p.id for p in full.proposed]


# --- the store ---------------------------------------------------------------------------------

import random  # noqa: E402
from datetime import date, datetime, timezone  # noqa: E402

from sqlalchemy import insert, update  # noqa: E402

from advisor.errors import InputError  # noqa: E402
from advisor.plan.consult import consult  # noqa: E402
from advisor.store import bookings as bk  # noqa: E402
from advisor.store.db import connect  # noqa: E402
from advisor.store.schema import bookings as bookings_table, cases  # noqa: E402

EXPERTS = {e.id: e for e in pool().experts}


@pytest.fixture
def engine(store_url):
    engine = connect(store_url)
    yield engine
    engine.dispose()


def add_case(engine, case_id: str = "case-1", label: str = "OCMW Wevelgem") -> str:
    """A case row, written straight into the schema's table (the cases helper's module is not
    needed to book)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with engine.begin() as conn:
        conn.execute(insert(cases).values(id=case_id, label=label, organisation=None, municipality="Menen",
                                          legal_form="nonprofit", status="intake", owner="an", created=now,
                                          updated=now, version=1))
    return case_id


def free_of(expert_id: str) -> int:
    e = EXPERTS[expert_id]
    return e.hours_per_month - e.hours_committed


def first_proposed(case, month_day: date, engine=None) -> list[str]:
    booked = bk.committed_for(engine, month_day) if engine is not None else None
    return [p.id for p in consult(case, as_of=month_day, lang="en", booked=booked).experts]


def test_booking_an_expert_changes_the_next_cases_proposals_in_that_month_only(engine, menen):
    case, _ = menen
    add_case(engine)
    march, april = date(2026, 3, 1), date(2026, 4, 1)
    before = first_proposed(case, march, engine)
    assert before == first_proposed(case, march)  # an empty store: the file's figures alone
    top = before[0]
    e = EXPERTS[top]
    b = bk.book(engine, "case-1", top, "2026-03", free_of(top), e.domains[0], booked_by="an")
    assert (b.status, b.version, b.hours, b.month) == ("requested", 1, free_of(top), "2026-03")
    assert bk.committed(engine, "2026-03") == {top: free_of(top)}

    after = consult(case, as_of=march, lang="en", booked=bk.committed_for(engine, march))
    assert top not in [p.id for p in after.experts]
    assert after.experts and [p.id for p in after.experts] != before
    # another month of the same case: the booking does not count there
    assert first_proposed(case, april, engine) == first_proposed(case, april)
    assert top in first_proposed(case, april, engine)


def test_consult_booked_reads_the_month_of_the_advice_date(engine, menen):
    case, _ = menen  # as_of 2026-03-01
    add_case(engine)
    top = first_proposed(case, date(2026, 3, 1))[0]
    bk.book(engine, "case-1", top, "2026-03", free_of(top), EXPERTS[top].domains[0])
    assert top not in [p.id for p in bk.consult_booked(engine, case, lang="en").experts]  # the case's date
    assert top in [p.id for p in bk.consult_booked(engine, case, as_of=date(2026, 4, 2), lang="en").experts]
    assert bk.consult_booked(engine, case, as_of=date(2026, 3, 31)).experts == \
        consult(case, as_of=date(2026, 3, 31), booked={top: free_of(top)}).experts


def test_a_partial_booking_lowers_the_rank(engine, menen):
    case, advice = menen
    add_case(engine)
    ranked = [s.expert.id for s in propose_experts(case, advice).ranked]
    top = ranked[0]
    bk.book(engine, "case-1", top, "2026-03", free_of(top) - 1, EXPERTS[top].domains[0])
    again = propose_experts(case, advice, booked=bk.committed_for(engine, date(2026, 3, 1)))
    assert [s.expert.id for s in again.ranked].index(top) > 0
    reasons = {p.id: p.reasons for p in [*again.proposed, *again.passed_over]}[top]
    total = EXPERTS[top].hours_per_month
    assert f"nearly fully booked: 1 of {total} hours free this month" in reasons


def test_over_booking_is_refused_with_the_figures(engine):
    add_case(engine)
    e = next(x for x in pool().experts if x.active_in(2026) and x.hours_committed > 0 and free_of(x.id) >= 3)
    bk.book(engine, "case-1", e.id, "2026-03", 2, e.domains[0])
    asked = free_of(e.id) - 1
    with pytest.raises(InputError) as exc:
        bk.book(engine, "case-1", e.id, "2026-03", asked, e.domains[0])
    nl, en = exc.value.text("nl"), exc.value.text("en")
    assert en == (f"hours: {e.name} ({e.id}) would be over-booked in 2026-03: {e.hours_per_month} hours "
                  f"available, {e.hours_committed + 2} already committed ({e.hours_committed} beforehand, 2 booked), "
                  f"{asked} hours asked; {free_of(e.id) - 2} hours still free")
    assert f"overboekt in 2026-03: {e.hours_per_month} uur beschikbaar" in nl and "gevraagd" in nl
    assert bk.committed(engine, "2026-03") == {e.id: 2}  # nothing of the refused booking is kept
    assert len(bk.list_bookings(engine)) == 1
    # exactly the free hours fit; in another month the whole capacity is there
    bk.book(engine, "case-1", e.id, "2026-03", free_of(e.id) - 2, e.domains[0])
    bk.book(engine, "case-1", e.id, "2026-04", free_of(e.id), e.domains[0])
    with pytest.raises(InputError, match="over-booked in 2026-03"):
        bk.book(engine, "case-1", e.id, "2026-03", 1, e.domains[0])


def test_declined_hours_are_free_again_and_closed_ones_count_their_hours_done(engine):
    add_case(engine)
    e = next(x for x in pool().experts if x.active_in(2026) and free_of(x.id) >= 6)
    d = e.domains[0]
    a = bk.book(engine, "case-1", e.id, "2026-03", free_of(e.id), d)
    with pytest.raises(InputError, match="over-booked"):
        bk.book(engine, "case-1", e.id, "2026-03", 1, d)
    bk.decline(engine, a.id)
    assert bk.committed(engine, "2026-03") == {}
    b = bk.book(engine, "case-1", e.id, "2026-03", 4, d)
    bk.confirm(engine, b.id)
    assert bk.committed(engine, "2026-03") == {e.id: 4}
    closed = bk.close(engine, b.id, 1)
    assert (closed.status, closed.hours_done, closed.version) == ("closed", 1, 3)
    assert bk.committed(engine, "2026-03") == {e.id: 1}
    bk.book(engine, "case-1", e.id, "2026-03", free_of(e.id) - 1, d)  # the hours not done are free


def test_only_the_allowed_transitions(engine):
    add_case(engine)
    e = next(x for x in pool().experts if x.active_in(2026) and free_of(x.id) >= 4)
    d = e.domains[0]
    a = bk.book(engine, "case-1", e.id, "2026-03", 1, d)
    with pytest.raises(InputError) as exc:
        bk.close(engine, a.id, 1)  # requested -> closed: it must be confirmed first
    assert exc.value.text("en") == (f"booking: booking {a.id} is requested: it cannot become closed "
                                    "(allowed: confirmed; declined)")
    assert "is gevraagd: afgesloten kan niet (wel: bevestigd; geweigerd)" in exc.value.text("nl")
    assert bk.confirm(engine, a.id).status == "confirmed"
    for move in (bk.confirm, bk.decline):
        with pytest.raises(InputError, match="allowed: closed"):
            move(engine, a.id)
    bk.close(engine, a.id, 2)
    for move in (bk.confirm, bk.decline, lambda en, i: bk.close(en, i, 1)):
        with pytest.raises(InputError, match=f"booking {a.id} is closed and cannot change any more"):
            move(engine, a.id)
    b = bk.book(engine, "case-1", e.id, "2026-03", 1, d)
    bk.decline(engine, b.id)
    with pytest.raises(InputError, match="is declined"):
        bk.confirm(engine, b.id)
    with pytest.raises(InputError, match="no booking number 999"):
        bk.confirm(engine, 999)


def test_a_change_someone_else_made_meanwhile_is_refused(engine):
    add_case(engine)
    e = next(x for x in pool().experts if x.active_in(2026) and free_of(x.id) >= 2)
    a = bk.book(engine, "case-1", e.id, "2026-03", 1, e.domains[0])
    seen = a.version
    bk.confirm(engine, a.id, seen=seen)  # the first advisor's click
    with pytest.raises(InputError) as exc:  # the second advisor's page still shows version 1
        bk.close(engine, a.id, 1, seen=seen)
    assert "changed by someone else meanwhile; reload" in exc.value.text("en")
    assert "intussen door iemand anders gewijzigd; laad ze opnieuw" in exc.value.text("nl")
    assert bk.get(engine, a.id).status == "confirmed"
    # the version check holds in the UPDATE itself, not only in the read before it
    with engine.begin() as conn:
        conn.execute(update(bookings_table).where(bookings_table.c.id == a.id).values(version=7))
    assert bk.close(engine, a.id, 1, seen=7).version == 8


@pytest.mark.parametrize("args, field, en_words, nl_words", [
    (("case-1", "nobody-here", "2026-03", 2, "coaching"), "expert", "unknown expert 'nobody-here'",
     "onbekende expert 'nobody-here'"),
    (("case-1", "{old}", "2026-03", 2, "coaching"), "expert", "is not active in 2026-03", "is niet actief in 2026-03"),
    (("case-1", "{new}", "2026-03", 2, "not-a-domain"), "domain", "does not help in the domain 'not-a-domain'",
     "helpt niet in het domein 'not-a-domain'"),
    (("case-1", "{new}", "2026-13", 2, "{domain}"), "month", "'2026-13' is not a month; write YYYY-MM",
     "'2026-13' is geen maand; schrijf JJJJ-MM"),
    (("case-1", "{new}", "26-03", 2, "{domain}"), "month", "is not a month", "is geen maand"),
    (("case-1", "{new}", "2026-03", 0, "{domain}"), "hours", "0 hours is not allowed: a whole number from 1 to 160",
     "0 uur kan niet: een geheel getal van 1 tot 160"),
    (("case-1", "{new}", "2026-03", 161, "{domain}"), "hours", "from 1 to 160", "van 1 tot 160"),
    (("no-such-case", "{new}", "2026-03", 1, "{domain}"), "case", "no case with id 'no-such-case' in this store",
     "geen dossier met id 'no-such-case' in deze opslag"),
])
def test_bad_bookings_are_refused_naming_the_field(engine, args, field, en_words, nl_words):
    add_case(engine)
    old = next(e for e in pool().experts if not e.active_in(2026))
    new = next(e for e in pool().experts if e.active_in(2026) and free_of(e.id) >= 2)
    args = [a.format(old=old.id, new=new.id, domain=new.domains[0]) if isinstance(a, str) else a for a in args]
    with pytest.raises(InputError) as exc:
        bk.book(engine, *args)
    assert exc.value.source == field
    assert en_words in exc.value.text("en") and nl_words in exc.value.text("nl")
    assert bk.list_bookings(engine) == []


def test_lists_per_case_expert_and_month_in_a_defined_order(engine):
    add_case(engine, "case-a")
    add_case(engine, "case-b")
    free = [e for e in pool().experts if e.active_in(2026) and free_of(e.id) >= 4][:3]
    made = [bk.book(engine, c, e.id, m, 1, e.domains[0])
            for c, e, m in [("case-b", free[2], "2026-04"), ("case-a", free[1], "2026-03"),
                            ("case-a", free[0], "2026-04"), ("case-b", free[0], "2026-03")]]
    everything = bk.list_bookings(engine)
    assert [(b.month, b.expert_id, b.id) for b in everything] == sorted((b.month, b.expert_id, b.id) for b in made)
    assert {b.id for b in bk.list_bookings(engine, case_id="case-a")} == {made[1].id, made[2].id}
    assert {b.id for b in bk.list_bookings(engine, expert_id=free[0].id)} == {made[2].id, made[3].id}
    assert {b.id for b in bk.list_bookings(engine, month="2026-04")} == {made[0].id, made[2].id}
    assert "note" not in made[0].as_dict() and made[0].as_dict(notes=True)["note"] is None


def test_the_load_equals_an_independent_computation(engine):
    rng = random.Random(15)
    for n in range(3):
        add_case(engine, f"case-{n}")
    active = [e for e in pool().experts if e.active_in(2026)]
    # the test's own ledger: (expert, month) -> status -> hours, kept beside the store
    ledger: dict[tuple[str, str], dict[str, int]] = {}
    for _ in range(60):
        e = rng.choice(active)
        month = rng.choice(["2026-03", "2026-04"])
        hours = rng.randint(1, 4)
        mine = ledger.setdefault((e.id, month), {})
        if e.hours_committed + sum(mine.values()) + hours > e.hours_per_month:
            with pytest.raises(InputError, match="over-booked"):
                bk.book(engine, f"case-{rng.randint(0, 2)}", e.id, month, hours, rng.choice(e.domains))
            continue
        b = bk.book(engine, f"case-{rng.randint(0, 2)}", e.id, month, hours, rng.choice(e.domains))
        fate = rng.choice(["requested", "confirmed", "declined", "closed"])
        if fate in ("confirmed", "closed"):
            bk.confirm(engine, b.id)
        if fate == "declined":
            bk.decline(engine, b.id)
        done = rng.randint(0, hours) if fate == "closed" else 0
        if fate == "closed":
            bk.close(engine, b.id, done)
        if fate != "declined":
            mine[fate] = mine.get(fate, 0) + (done if fate == "closed" else hours)
    for month in ("2026-03", "2026-04"):
        rows = bk.load(engine, month)
        assert [r.expert.id for r in rows] == sorted(e.id for e in active)
        for r in rows:
            mine = ledger.get((r.expert.id, month), {})
            assert (r.available, r.start, r.requested, r.confirmed, r.done) == (
                r.expert.hours_per_month, r.expert.hours_committed, mine.get("requested", 0),
                mine.get("confirmed", 0), mine.get("closed", 0))
            assert r.free == r.expert.hours_per_month - r.expert.hours_committed - sum(mine.values())
        assert bk.committed(engine, month) == {e: sum(v.values()) for (e, m), v in sorted(ledger.items())
                                               if m == month and sum(v.values()) > 0}


def test_two_advisors_booking_the_last_hours_at_once_cannot_both_get_them(engine):
    import threading

    add_case(engine)
    e = next(x for x in pool().experts if x.active_in(2026) and free_of(x.id) >= 2)
    for month in ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05"):  # a race is caught by chance: run it often
        gate = threading.Barrier(2)
        results: list[str] = []

        def take():
            gate.wait()
            try:
                bk.book(engine, "case-1", e.id, month, free_of(e.id), e.domains[0])
                results.append("booked")
            except InputError as exc:
                results.append("refused" if "over-booked" in exc.text("en") else exc.text("en"))

        threads = [threading.Thread(target=take) for _ in range(2)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert sorted(results) == ["booked", "refused"], month
        assert bk.committed(engine, month) == {e.id: free_of(e.id)}


# --- the command line ----------------------------------------------------------------------------

import csv  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402


@pytest.fixture
def cli_store(store_url, engine):
    add_case(engine, "case-1")
    return store_url


def test_cli_books_confirms_closes_and_lists(run, cli_store):
    e = next(x for x in pool().experts if x.active_in(2026) and "coaching" in x.domains and free_of(x.id) >= 5)
    code, out, err = run("experts", "book", "case-1", e.id.upper(), "--month", "2026-03", "--hours", "3",
                         "--domain", "Coaching", "--note", "first talk", "--db-url", cli_store, "--advisor", "An")
    assert (code, err) == (0, "")
    assert out == f"boeking 1: {e.name} ({e.id}), 3 uur in 2026-03 (coaching) voor dossier case-1: gevraagd\n"
    code, out, _ = run("experts", "confirm", "1", "--db-url", cli_store, "--lang", "en")
    assert (code, out) == (0, f"booking 1 ({e.name} ({e.id}), 2026-03) is now confirmed\n")
    code, out, _ = run("experts", "done", "1", "--hours", "2", "--db-url", cli_store, "--lang", "en")
    assert (code, out) == (0, f"booking 1 ({e.name} ({e.id}), 2026-03) is closed: 2 hours done\n")
    run("experts", "book", "case-1", e.id, "--month", "2026-04", "--hours", "1", "--domain", "coaching",
        "--db-url", cli_store)
    code, out, _ = run("experts", "decline", "2", "--db-url", cli_store)
    assert code == 0 and out.endswith("is nu geweigerd\n")

    code, out, _ = run("experts", "bookings", "--db-url", cli_store, "--format", "json")
    listed = json.loads(out)["bookings"]
    assert [(b["id"], b["status"], b["hours_done"], b["booked_by"]) for b in listed] == [
        (1, "closed", 2, "An"), (2, "declined", None, _default_advisor())]
    assert all("note" not in b for b in listed)  # notes only when asked for
    code, out, _ = run("experts", "bookings", "--db-url", cli_store, "--format", "csv", "--notes", "--month", "2026-03")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["note"]) for r in rows] == [("1", "first talk")]
    code, out, _ = run("experts", "bookings", "--db-url", cli_store, "--case", "case-1", "--lang", "en")
    assert code == 0 and out.startswith("Bookings: 2\n") and "closed" in out and "first talk" not in out
    code, out, _ = run("experts", "bookings", "--db-url", cli_store, "--case", "other")
    assert (code, out) == (0, "Boekingen: 0\n\nGeen boekingen.\n")


def _default_advisor() -> str:
    from advisor.store.db import advisor_name

    return advisor_name(None)


def test_cli_load_equals_the_bookings_in_every_format(run, cli_store, engine):
    active = sorted((e for e in pool().experts if e.active_in(2026)), key=lambda e: e.id)
    a, b = [e for e in active if free_of(e.id) >= 3][:2]
    bk.book(engine, "case-1", a.id, "2026-03", 2, a.domains[0])
    x = bk.book(engine, "case-1", b.id, "2026-03", 3, b.domains[0])
    bk.confirm(engine, x.id)
    bk.book(engine, "case-1", b.id, "2026-05", 1, b.domains[0])  # another month: not in March's load
    expected = {e.id: (e.hours_per_month, e.hours_committed, 2 if e is a else 0, 3 if e is b else 0, 0,
                       e.hours_per_month - e.hours_committed - (2 if e is a else 3 if e is b else 0))
                for e in active}
    code, out, _ = run("experts", "load", "--month", "2026-03", "--format", "json", "--db-url", cli_store)
    data = json.loads(out)
    assert code == 0 and data["month"] == "2026-03"
    assert [r["expert_id"] for r in data["experts"]] == [e.id for e in active]
    assert {r["expert_id"]: (r["available"], r["start"], r["requested"], r["confirmed"], r["done"], r["free"])
            for r in data["experts"]} == expected
    code, out, _ = run("experts", "load", "--month", "2026-03", "--format", "csv", "--db-url", cli_store)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["expert_id"]: tuple(int(r[k]) for k in ("available", "start", "requested", "confirmed", "done", "free"))
            for r in rows} == expected
    code, text_nl, _ = run("experts", "load", "--month", "2026-03", "--db-url", cli_store)
    assert code == 0 and text_nl.startswith(f"Inzet van de experten in 2026-03: {len(active)} experten")
    line = next(x for x in text_nl.splitlines() if x.startswith(b.id + " "))
    assert line.split() == [b.id, *map(str, expected[b.id][:5]), str(expected[b.id][5])]
    full = [e.id for e in active if expected[e.id][5] == 0]
    assert all(next(x for x in text_nl.splitlines() if x.startswith(f + " ")).endswith("vol") for f in full)
    _, text_en, _ = run("experts", "load", "--month", "2026-03", "--db-url", cli_store, "--lang", "en")
    assert "The experts' load in 2026-03" in text_en and "beforehand" in text_en and "Inzet" not in text_en
    # the same store gives the same bytes
    assert run("experts", "load", "--month", "2026-03", "--db-url", cli_store)[1] == text_nl


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("args, words", [
    (["book", "case-1", "{e}", "--month", "2026-3", "--hours", "2", "--domain", "{d}"],
     {"nl": "--month: '2026-3' is geen maand", "en": "--month: '2026-3' is not a month"}),
    (["book", "case-1", "{e}", "--month", "2026-03", "--hours", "0", "--domain", "{d}"],
     {"nl": "--hours: 0 uur kan niet", "en": "--hours: 0 hours is not allowed"}),
    (["book", "case-1", "{e}", "--month", "2026-03", "--hours", "twee", "--domain", "{d}"],
     {"nl": "'--hours'", "en": "'--hours'"}),
    (["book", "case-1", "{e}", "--month", "2026-03", "--hours", "2", "--domain", "gardening"],
     {"nl": "--domain: onbekend ondersteuningsdomein 'gardening'", "en": "--domain: unknown support domain"}),
    (["book", "case-1", "nobody", "--month", "2026-03", "--hours", "2", "--domain", "{d}"],
     {"nl": "EXPERT: onbekende expert 'nobody'", "en": "EXPERT: unknown expert 'nobody'"}),
    (["book", "nocase", "{e}", "--month", "2026-03", "--hours", "2", "--domain", "{d}"],
     {"nl": "CASE_ID: geen dossier met id 'nocase'", "en": "CASE_ID: no case with id 'nocase'"}),
    (["book", "case-1", "{e}", "--month", "2026-03", "--hours", "100", "--domain", "{d}"],
     {"nl": "--hours: {name} ({e}) is overboekt in 2026-03", "en": "--hours: {name} ({e}) would be over-booked"}),
    (["confirm", "42"], {"nl": "BOOKING_ID: geen boeking met nummer 42", "en": "BOOKING_ID: no booking number 42"}),
    (["confirm", "x"], {"nl": "BOOKING_ID", "en": "BOOKING_ID"}),
    (["done", "42", "--hours", "-1"], {"nl": "--hours: -1 uur kan niet: een geheel getal van 0 tot 160",
                                       "en": "--hours: -1 hours is not allowed: a whole number from 0 to 160"}),
    (["load", "--month", "maart"], {"nl": "--month: 'maart' is geen maand", "en": "--month: 'maart' is not a month"}),
    (["bookings", "--month", "2026-00"], {"nl": "--month: '2026-00' is geen maand", "en": "is not a month"}),
    (["load", "--db-url", "nonsense"], {"nl": "--db-url: nonsense is geen databank-URL",
                                        "en": "--db-url: nonsense is not a database URL"}),
])
def test_cli_bad_input_says_what_is_wrong_exit_2(run, cli_store, lang, args, words):
    e = next(x for x in pool().experts if x.active_in(2026) and free_of(x.id) >= 2)
    fill = {"e": e.id, "d": e.domains[0], "name": e.name}
    argv = [a.format(**fill) for a in args]
    if "--db-url" not in argv:
        argv += ["--db-url", cli_store]
    code, out, err = run("experts", *argv, "--lang", lang)
    assert code == 2 and out == "" and "Traceback" not in err
    assert words[lang].format(**fill) in err, err
    said = [x for x in err.splitlines() if x.strip() and not x.startswith(("Usage:", "Gebruik:", "Try "))]
    assert len(said) == 1, err  # one message (click's own usage lines aside)


def test_cli_a_store_that_cannot_be_reached_is_exit_1_without_its_password(run):
    code, _, err = run("experts", "load", "--db-url", "postgresql+psycopg://advisor:s3cret@127.0.0.1:1/x",
                       "--lang", "en")
    assert code == 1 and "s3cret" not in err and "advisor:***@127.0.0.1:1/x" in err and "Traceback" not in err


def test_the_pool_listing_still_works_beside_the_booking_verbs(run):
    code, out, _ = run("experts", "--domain", "financing", "--as-of", "2005-06-01", "--lang", "en")
    assert code == 0 and "Trividend" in out
    code, out, _ = run("experts", "--help")
    assert code == 0 and all(verb in out for verb in ("book", "confirm", "decline", "done", "bookings", "load"))


# --- the web: the experts' load and the bookings ----------------------------------------------------

import re  # noqa: E402
from html import unescape  # noqa: E402


@pytest.fixture
def web(tmp_path, store_url, engine):
    from advisor.web.app import create_app

    add_case(engine, "case-1", label="OCMW <b>Wevelgem</b>")
    app = create_app(str(tmp_path / "sessions.db"), warm=False)
    app.config["ADVISOR_DB_URL"] = store_url
    return app.test_client()


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _alert(html: str) -> str:
    return unescape(re.search(r'role="alert">(.*?)</p>', html, re.S).group(1))


def _expert_row(html: str, expert_id: str) -> str:
    return re.search(rf'<tr id="expert-{expert_id}">(.*?)</tr>', html, re.S).group(1)


def test_web_load_page_shows_every_active_expert_with_a_bar(web):
    r = web.get("/advisor/load?month=2026-03")
    assert r.status_code == 200 and "Inzet van de experten in 2026-03" in r.text
    active = sorted(e.id for e in pool().experts if e.active_in(2026))
    assert re.findall(r'<tr id="expert-([a-z0-9-]+)">', r.text) == active
    e = EXPERTS[active[0]]
    row = _expert_row(r.text, e.id)
    assert f'aria-label="{e.name}: {e.hours_committed} van {e.hours_per_month} uur toegezegd, {free_of(e.id)} vrij"' \
        in row
    assert row.count("<rect") == (2 if e.hours_committed else 1)  # the starting figure and the free part
    assert "style=" not in r.text and "<script>" not in r.text.split("</head>")[1]  # the CSP allows no inline style
    assert "OCMW &lt;b&gt;Wevelgem&lt;/b&gt;" in r.text  # the case's label in the form's list, escaped
    en = web.get("/advisor/load?month=2026-03&lang=en")
    assert "The experts' load in 2026-03" in unescape(en.text) and "Inzet" not in en.text.split("</header>")[1]


def test_web_booking_form_books_and_the_bar_shows_it(web, engine):
    e = next(x for x in pool().experts if x.active_in(2026) and free_of(x.id) >= 4)
    page = web.get("/advisor/load?month=2026-03&case=case-1")
    assert 'name="case_id" value="case-1"' in page.text  # a case page can link here with its case
    r = web.post("/advisor/bookings?lang=en", data={
        "csrf_token": _token(page.text), "case_id": "case-1", "expert": e.id, "month": "2026-03", "hours": "3",
        "domain": e.domains[0], "note": "<script>alert(1)</script>"})
    assert r.status_code == 303 and "month=2026-03" in r.headers["Location"]
    shown = web.get(r.headers["Location"])
    assert f"booking 1: {e.name} ({e.id}), 3 hours in 2026-03" in unescape(shown.text)
    assert "<script>alert(1)</script>" not in shown.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown.text
    row = _expert_row(shown.text, e.id)
    assert f"{e.hours_committed + 3} of {e.hours_per_month} hours committed, {free_of(e.id) - 3} free" in row
    assert 'fill="#a34700"' in row  # the requested hours' part of the bar
    assert [(b.expert_id, b.hours, b.status, b.note) for b in bk.list_bookings(engine)] == [
        (e.id, 3, "requested", "<script>alert(1)</script>")]
    april = web.get("/advisor/load?month=2026-04&lang=en")  # another month: nothing booked there
    assert f"{e.hours_committed} of {e.hours_per_month} hours committed" in _expert_row(april.text, e.id)


def test_web_refuses_an_over_booking_and_bad_input_with_the_page_again(web, engine):
    e = next(x for x in pool().experts if x.active_in(2026) and free_of(x.id) >= 2)
    tok = _token(web.get("/advisor/load?month=2026-03").text)
    base = {"csrf_token": tok, "case_id": "case-1", "expert": e.id, "month": "2026-03", "domain": e.domains[0]}
    r = web.post("/advisor/bookings", data={**base, "hours": str(free_of(e.id) + 1)})
    assert r.status_code == 422 and f"{e.name} ({e.id}) is overboekt in 2026-03" in _alert(r.text)
    assert f'name="hours" value="{free_of(e.id) + 1}"' in r.text  # what was typed is kept
    r = web.post("/advisor/bookings?lang=en", data={**base, "hours": "two"})
    assert r.status_code == 422 and _alert(r.text) == "'two' is not a whole number"
    r = web.post("/advisor/bookings?lang=en", data={**base, "hours": "1", "case_id": "nope"})
    assert r.status_code == 422 and _alert(r.text) == "no case with id 'nope' in this store"
    r = web.post("/advisor/bookings?lang=en", data={**base, "hours": "1", "month": "2026-3"})
    assert r.status_code == 422 and "is not a month" in _alert(r.text)
    assert web.get("/advisor/load?month=maart&lang=en").status_code == 422
    assert web.post("/advisor/bookings", data={k: v for k, v in base.items() if k != "csrf_token"}).status_code == 400
    assert bk.list_bookings(engine) == []


def test_web_confirm_decline_close_with_the_version_the_page_showed(web, engine):
    e = next(x for x in pool().experts if x.active_in(2026) and free_of(x.id) >= 4)
    a = bk.book(engine, "case-1", e.id, "2026-03", 2, e.domains[0])
    b = bk.book(engine, "case-1", e.id, "2026-03", 1, e.domains[0])
    page = web.get("/advisor/load?month=2026-03")
    tok = _token(page.text)
    assert re.search(rf'<tr id="booking-{a.id}">.*?name="version" value="1"', page.text, re.S)
    r = web.post(f"/advisor/bookings/{a.id}", data={"csrf_token": tok, "action": "confirm", "version": "1",
                                                    "month": "2026-03"})
    assert r.status_code == 303 and bk.get(engine, a.id).status == "confirmed"
    # a second advisor's page still showed version 1: refused, nothing changed
    r = web.post(f"/advisor/bookings/{a.id}?lang=en", data={"csrf_token": tok, "action": "close", "version": "1",
                                                            "hours_done": "1", "month": "2026-03"})
    assert r.status_code == 409 and "changed by someone else meanwhile; reload" in _alert(r.text)
    r = web.post(f"/advisor/bookings/{a.id}", data={"csrf_token": tok, "action": "close", "version": "2",
                                                    "hours_done": "1", "month": "2026-03"})
    assert r.status_code == 303 and (bk.get(engine, a.id).status, bk.get(engine, a.id).hours_done) == ("closed", 1)
    r = web.post(f"/advisor/bookings/{b.id}", data={"csrf_token": tok, "action": "decline", "version": "1",
                                                    "month": "2026-03"})
    assert r.status_code == 303 and bk.get(engine, b.id).status == "declined"
    r = web.post(f"/advisor/bookings/{b.id}?lang=en", data={"csrf_token": tok, "action": "confirm", "version": "2",
                                                            "month": "2026-03"})
    assert r.status_code == 422 and "cannot change any more" in _alert(r.text)
    assert web.post(f"/advisor/bookings/{b.id}", data={"csrf_token": tok, "action": "explode",
                                                       "version": "2"}).status_code == 400
    assert bk.committed(engine, "2026-03") == {e.id: 1}


def test_web_load_is_advisor_side_only(tmp_path, store_url):
    from advisor.web.app import create_app

    app = create_app(str(tmp_path / "s.db"), advisor_pages=False, warm=False)
    app.config["ADVISOR_DB_URL"] = store_url
    assert app.test_client().get("/advisor/load").status_code == 404


# --- the load page in a real browser (Debian's Chromium, as tests/test_web_browser.py) ----------------

def test_web_load_page_in_chromium_at_1280_and_360(tmp_path, store_url, engine, browser):
    import os
    import signal
    import subprocess
    import sys
    import threading

    add_case(engine, "case-1")
    e1, e2 = [e for e in pool().experts if e.active_in(2026) and free_of(e.id) >= 4][:2]
    bk.confirm(engine, bk.book(engine, "case-1", e1.id, "2026-03", 2, e1.domains[0]).id)
    bk.book(engine, "case-1", e2.id, "2026-03", 1, e2.domains[0])
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "advisor", "web", "--port", "0", "--db-url", store_url],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        line = proc.stderr.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        assert m, line
        threading.Thread(target=proc.stderr.read, daemon=True).start()
        screens = ROOT / "build" / "screens"
        screens.mkdir(parents=True, exist_ok=True)
        for width, lang in ((1280, "nl"), (360, "en")):
            context = browser.new_context(viewport={"width": width, "height": 900})
            pg = context.new_page()
            pg.set_default_timeout(60_000)
            problems: list[str] = []
            pg.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
            pg.goto(f"{m.group(1)}/advisor/load?month=2026-03&lang={lang}")
            pg.wait_for_selector(f"#expert-{e1.id} svg rect")
            # every bar is drawn and as wide as its cell; the page itself never scrolls sideways
            bars = pg.eval_on_selector_all("tr[id^=expert-] svg", "els => els.map(e => e.getBoundingClientRect().width)")
            assert len(bars) == len([e for e in pool().experts if e.active_in(2026)]) and min(bars) > 50
            assert pg.evaluate("document.documentElement.scrollWidth") <= width
            if width == 360:  # book through the form, as a person would
                pg.fill("#case_id", "case-1")
                pg.select_option("#expert", e2.id)
                pg.select_option("#domain", e2.domains[0])
                pg.fill("#hours", "2")
                pg.click("form[action*='/advisor/bookings'] button.primary")
                pg.wait_for_selector("p[role=status]")
                assert f"{e2.name} ({e2.id}), 2 hours in 2026-03" in pg.inner_text("p[role=status]")
            assert problems == []
            # last: after a full-page screenshot (the browser's window resized for it) htmx's
            # next swap sets an empty inline style the CSP reports; no person does that
            pg.screenshot(path=str(screens / f"load-{width}.png"), full_page=True)
            context.close()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert bk.committed(engine, "2026-03") == {e1.id: 2, e2.id: 3}


def test_web_load_uses_the_store_of_advisor_web_db_url(tmp_path, store_url, engine):
    from advisor.web.app import create_app

    add_case(engine)
    e = next(x for x in pool().experts if x.active_in(2026) and free_of(x.id) >= 2)
    bk.book(engine, "case-1", e.id, "2026-03", 2, e.domains[0])
    # the sessions and the bookings in one store, named as `advisor web --db-url URL` names it
    app = create_app(str(tmp_path / "key-beside-this"), db_url=store_url, warm=False)
    page = app.test_client().get("/advisor/load?month=2026-03&lang=en")
    assert f"{e.hours_committed + 2} of {e.hours_per_month} hours committed" in _expert_row(page.text, e.id)
