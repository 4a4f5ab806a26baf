"""Named cases and their consultations (issue 15, parts 2, 3, 6 and 7): the store, the
`advisor cases` verbs, the interview's and the web's records, concurrency and privacy."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from advisor.errors import InputError
from advisor.plan.consult import consult
from advisor.regression.scenarios import load_case_or_scenario
from advisor.store.cases import CaseStore
from advisor.store.consultations import ConsultationLog

ROOT = Path(__file__).resolve().parent.parent
EX3 = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"
EX5 = ROOT / "scenarios/worked-examples/ex5-2026-cooperative-household-cleaning.yaml"


@pytest.fixture
def store(store_url):
    return CaseStore(store_url)


@pytest.fixture
def clock(monkeypatch):
    """The store's clock, one second further at every reading (times are kept to the second)."""
    from datetime import datetime, timedelta, timezone

    import advisor.store.cases as case_store

    start = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)
    ticks = iter(range(10**6))
    monkeypatch.setattr(case_store, "now",
                        lambda: (start + timedelta(seconds=next(ticks))).isoformat(timespec="seconds"))


# --- the store ----------------------------------------------------------------------------


def test_a_new_case_resolves_its_municipality_as_a_case_file_does(store):
    case = store.create("OCMW Wevelgem", owner="an", organisation=" OCMW  Wevelgem ", municipality="8560",
                        legal_form="OCMW")
    assert (case.label, case.organisation, case.municipality, case.legal_form) == \
        ("OCMW Wevelgem", "OCMW Wevelgem", "Wevelgem", "ocmw")
    assert (case.status, case.owner, case.version) == ("intake", "an", 1)
    assert store.get(case.id.upper()) == case  # ids in any case
    # a deelgemeente and a French name, as in a case file
    assert store.create("x", owner="an", municipality="Heule").municipality == "Kortrijk"
    assert store.create("y", owner="an", municipality="Courtrai").municipality == "Kortrijk"


@pytest.mark.parametrize("kwargs, where, says", [
    ({"label": "  "}, "label", "empty"),
    ({"label": "x" * 201}, "label", "at most 200"),
    ({"label": "a\x1bb"}, "label", "control"),
    ({"label": "x", "municipality": "Namen"}, "--municipality", "Wallonia"),
    ({"label": "x", "legal_form": "gmbh"}, "--legal-form", "ocmw"),
])
def test_bad_input_to_a_new_case_names_the_field_and_what_is_allowed(store, kwargs, where, says):
    with pytest.raises(InputError) as exc:
        store.create(owner="an", **kwargs)
    assert exc.value.source == where
    assert says in exc.value.text("en")
    assert exc.value.text("nl") != exc.value.text("en")


def test_list_is_newest_first_then_by_id_and_paged(store, clock):
    made = [store.create(f"case {n}", owner="an") for n in range(5)]
    store.rename(made[1].id, "case 1 renamed")  # now the most recently changed
    page = store.list(page=1, size=2)
    assert page.total == 5 and page.pages == 3
    everything = store.list(size=100).items
    assert everything[0].id == made[1].id
    expected = sorted(everything, key=lambda c: c.id)
    expected.sort(key=lambda c: c.updated, reverse=True)
    assert [c.id for c in everything] == [c.id for c in expected]
    paged = [c.id for n in (1, 2, 3) for c in store.list(page=n, size=2).items]
    assert paged == [c.id for c in everything]


def test_search_ignores_case_accents_and_word_order(store):
    a = store.create("OCMW Wevelgem", owner="an", organisation="Sociaal Huis", municipality="Wevelgem")
    b = store.create("Fietspunt Menen", owner="an", organisation="Café Élan vzw", municipality="Menen")
    store.create("Strijkatelier", owner="an", municipality="Kortrijk")
    assert [c.id for c in store.search("wevelgem ocmw").items] == [a.id]
    assert [c.id for c in store.search("cafe elan").items] == [b.id]
    assert [c.id for c in store.search("MENEN").items] == [b.id]
    assert store.search("sociaal huis menen").total == 0
    assert store.search("   ").total == 3  # nothing asked: every case


def test_status_moves_forward_only_and_close_closes(store):
    case = store.create("x", owner="an")
    assert store.set_status(case.id, "advised").status == "advised"
    assert store.set_status(case.id, "Followed-up").status == "followed_up"
    with pytest.raises(InputError) as exc:
        store.set_status(case.id, "intake")
    assert "allowed: closed" in exc.value.text("en")
    with pytest.raises(InputError) as exc:
        store.set_status(case.id, "archived")
    assert "intake, advised, followed_up, closed" in exc.value.text("en")
    closed = store.close(case.id)
    assert (closed.status, closed.version) == ("closed", 4)


def test_an_unknown_case_id_is_named_with_the_recent_ones(store):
    made = [store.create(f"c{n}", owner="an") for n in range(7)]
    with pytest.raises(InputError) as exc:
        store.get("20990101-dead")
    text = exc.value.text("en")
    assert "20990101-dead" in text
    assert sum(c.id in text for c in made) == 5  # the five most recent


def test_two_advisors_renaming_one_case_one_wins_the_other_reloads(store_url):
    first, second = CaseStore(store_url), CaseStore(store_url)
    case = first.create("OCMW Wevelgem", owner="an")
    seen_by_first = first.get(case.id).version
    seen_by_second = second.get(case.id).version
    assert first.rename(case.id, "OCMW Wevelgem (strijk)", seen=seen_by_first).version == 2
    with pytest.raises(InputError) as exc:
        second.rename(case.id, "Sociaal Huis Wevelgem", seen=seen_by_second)
    assert "reload" in exc.value.text("en") and "opnieuw" in exc.value.text("nl")
    assert second.get(case.id).label == "OCMW Wevelgem (strijk)"  # nothing lost, nothing overwritten
    # after reloading, the second advisor's change goes through
    assert second.rename(case.id, "Sociaal Huis Wevelgem", seen=second.get(case.id).version).version == 3


def test_delete_cascades_to_the_consultations_and_keeps_the_sessions(store):
    from sqlalchemy import func, select

    from advisor.store.schema import consultation_facts, consultations, sessions

    from advisor.store.sessions import SessionStore

    case = store.create("x", owner="an")
    sid = SessionStore(url=store.url).create("interview", "nl", date(2026, 3, 1))
    log = ConsultationLog(store)
    c = load_case_or_scenario(EX3)
    log.record(case.id, c, consult(c), asked_by="an", channel="interview", session_id=sid)
    assert [s["id"] for s in store.sessions(case.id)] == [sid]
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(consultation_facts)).scalar_one() > 0
    store.delete(case.id)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(consultations)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(consultation_facts)).scalar_one() == 0
        assert conn.execute(select(sessions.c.id, sessions.c.case_id)).all() == [(sid, None)]
    with pytest.raises(InputError):
        store.get(case.id)


# --- consultations --------------------------------------------------------------------------


def test_a_consultation_keeps_the_case_the_advice_and_the_facts(store):
    from sqlalchemy import select

    from advisor.render import advice_json
    from advisor.store.schema import consultation_facts

    case_row = store.create("Fietspunt", owner="an")
    log = ConsultationLog(store)
    case = load_case_or_scenario(EX3)
    advice = consult(case)
    rec = log.record(case_row.id, case, advice, asked_by="bea", channel="cli")
    assert rec.advice_json == advice_json(advice)  # the JSON `advisor advise --format json` prints
    assert json.loads(rec.case_json) == case.model_dump(mode="json", exclude_none=True)
    assert rec.case_json == json.dumps(json.loads(rec.case_json), sort_keys=True, separators=(",", ":"),
                                       ensure_ascii=False)
    assert (rec.knowledge_version, rec.as_of, rec.asked_by, rec.channel) == \
        (advice.knowledge_version, advice.as_of.isoformat(), "bea", "cli")
    assert (rec.municipality, rec.legal_form) == (advice.municipality, case.organisation.legal_form)
    after = store.get(case_row.id)
    assert (after.status, after.municipality) == ("advised", advice.municipality)
    with store.engine.connect() as conn:
        facts = set(conn.execute(select(consultation_facts.c.kind, consultation_facts.c.key)
                                 .where(consultation_facts.c.consultation_id == rec.id)).all())
    assert facts == ({("recommended", i) for i in advice.recommended_ids()}
                     | {("rejected", i) for i in advice.rejected_ids()}
                     | {("missing", n.field) for n in advice.needs_info})


def test_overrides_are_recorded_with_their_justifications(store):
    from advisor.models import Case

    case_row = store.create("x", owner="an")
    data = load_case_or_scenario(EX3).model_dump(mode="json", exclude_none=True)
    data["overrides"] = [{"instrument": "maatwerkbedrijf", "decision": "reject",
                          "justification": "De raad van bestuur wil geen maatwerkbedrijf."}]
    case = Case.model_validate(data, strict=False)
    log = ConsultationLog(store)
    rec = log.record(case_row.id, case, consult(case), asked_by="an", channel="web")
    assert rec.overrides() == data["overrides"]
    assert rec.summary()["overrides"] == [{"instrument": "maatwerkbedrijf", "decision": "reject"}]
    assert rec.summary(with_notes=True)["overrides"] == data["overrides"]
    from sqlalchemy import select

    from advisor.store.schema import consultation_facts

    with store.engine.connect() as conn:
        kinds = conn.execute(select(consultation_facts.c.key).where(consultation_facts.c.kind == "override")).all()
    assert kinds == [("maatwerkbedrijf",)]


def test_consultations_are_append_only(store):
    """No code path updates or deletes a recorded consultation: the rows stay byte for byte the
    same through further consultations, renames and status changes, and no statement the store
    sends names the consultations in an UPDATE or DELETE."""
    from sqlalchemy import event, select

    from advisor.store.schema import consultation_facts, consultations

    sent: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: sent.append(statement))
    case_row = store.create("x", owner="an")
    log = ConsultationLog(store)
    case = load_case_or_scenario(EX3)
    log.record(case_row.id, case, consult(case), asked_by="an", channel="cli")

    def rows():
        with store.engine.connect() as conn:
            return (conn.execute(select(consultations).order_by(consultations.c.id)).all(),
                    conn.execute(select(consultation_facts).order_by(*consultation_facts.primary_key)).all())

    before = rows()
    log.record(case_row.id, case, consult(case, as_of=date(2019, 6, 1)), asked_by="bea", channel="interview",
               session_id="20261202-aa")
    store.rename(case_row.id, "y")
    store.set_status(case_row.id, "followed_up")
    log.record(case_row.id, load_case_or_scenario(EX5), consult(load_case_or_scenario(EX5)), asked_by="an",
               channel="web")
    log.history(case_row.id)
    log.diff(case_row.id, 1, 3)
    after = rows()
    assert after[0][:1] == before[0] and len(after[0]) == 3
    assert set(before[1]) <= set(after[1])
    writes = [s for s in sent if s.lstrip().upper().startswith(("UPDATE", "DELETE"))]
    assert writes and not [s for s in writes if "consultation" in s.lower()]


def test_history_and_diff_between_two_consultations(store):
    case_row = store.create("x", owner="an")
    log = ConsultationLog(store)
    case = load_case_or_scenario(EX3)
    log.record(case_row.id, case, consult(case), asked_by="an", channel="cli")
    with pytest.raises(InputError) as exc:
        log.diff(case_row.id)
    assert "needs two" in exc.value.text("en")
    log.record(case_row.id, case, consult(case, as_of=date(2019, 6, 1)), asked_by="bea", channel="cli")
    history = log.history(case_row.id)
    assert [(h.n, h.asked_by, h.as_of) for h in history] == [(1, "an", "2026-03-01"), (2, "bea", "2019-06-01")]
    from advisor.regression.snapshots import compare

    d = log.diff(case_row.id)
    expected = compare(*({k: v for k, v in h.advice().items() if k not in ("knowledge_version", "lang")}
                         for h in history))
    assert d["advice"] == expected and d["advice"]["as_of"] == {"old": "2026-03-01", "new": "2019-06-01"}
    assert d["answers"] == []
    assert log.diff(case_row.id, 2, 2)["advice"] == {}
    with pytest.raises(InputError) as exc:
        log.diff(case_row.id, 1, 9)
    assert "allowed: 1 to 2" in exc.value.text("en")


# --- the command line ----------------------------------------------------------------------------


@pytest.fixture
def cli(run, store_url, monkeypatch):
    """`advisor ...` on this test's store, as advisor "an"."""
    monkeypatch.setenv("ADVISOR_NAME", "an")
    monkeypatch.delenv("ADVISOR_DB_URL", raising=False)

    def invoke(*args):
        return run(*args, "--db-url", store_url)
    return invoke


def new_case(cli, label="OCMW Wevelgem", *extra) -> str:
    code, out, err = cli("cases", "new", label, "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)["id"]


def test_cli_new_list_search_show_rename_close_delete(cli, store_url):
    a = new_case(cli, "OCMW Wevelgem", "--municipality", "8560", "--legal-form", "ocmw")
    code, out, _ = cli("cases", "new", "Fietspunt Menen", "--organisation", "Café Élan")
    assert code == 0 and out.startswith("Dossier ") and "aangemaakt: Fietspunt Menen" in out
    b = out.split()[1]
    code, out, _ = cli("cases", "list")
    assert code == 0 and out.splitlines()[0] == "Dossiers 1-2 van 2 (pagina 1 van 1):"
    assert {line.split()[0] for line in out.splitlines()[1:]} == {a, b}
    code, out, _ = cli("cases", "list", "--format", "json", "--per-page", "1", "--page", "2")
    assert json.loads(out)["total"] == 2 and len(json.loads(out)["cases"]) == 1
    code, out, _ = cli("cases", "search", "CAFE elan", "--lang", "en")
    assert code == 0 and out.splitlines()[1].startswith(b) and len(out.splitlines()) == 2
    code, out, _ = cli("cases", "search", "nergens", "--lang", "en")
    assert code == 0 and out == "No case found for 'nergens'.\n"
    code, out, _ = cli("cases", "show", a)
    assert code == 0 and "  gemeente: Wevelgem" in out and "  status: intake" in out
    code, out, _ = cli("cases", "show", a, "--lang", "en")
    assert "  municipality: Wevelgem" in out and "Consultations (0):" in out
    code, out, _ = cli("cases", "rename", a, "Sociaal Huis Wevelgem", "--lang", "en")
    assert (code, out) == (0, f"Case {a} is now called: Sociaal Huis Wevelgem\n")
    code, out, err = cli("cases", "rename", a, "Oud label", "--seen-version", "1", "--lang", "en")
    assert code == 2 and "reload" in err and "Traceback" not in err
    code, out, _ = cli("cases", "status", a, "followed-up")
    assert (code, out) == (0, f"Dossier {a} staat nu op: opgevolgd\n")
    code, out, _ = cli("cases", "close", a, "--lang", "en")
    assert (code, out) == (0, f"Case {a} is now: closed\n")
    code, out, err = cli("cases", "delete", b, "--yes")
    assert code == 0 and out == f"Dossier {b} (Fietspunt Menen) verwijderd.\n"
    assert CaseStore(store_url).list().total == 1


def test_cli_delete_asks_first(cli, store_url, monkeypatch):
    import io

    a = new_case(cli)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, _ = cli("cases", "delete", a)
    assert code == 1 and "[j/N]" in out and f"Niets verwijderd: dossier {a} blijft." in out
    monkeypatch.setattr("sys.stdin", io.StringIO("ja\n"))
    code, out, _ = cli("cases", "delete", a)
    assert code == 0 and "verwijderd" in out
    assert CaseStore(store_url).list().total == 0


def test_cli_an_unknown_case_names_the_id_and_the_recent_ones(cli):
    made = new_case(cli)
    for verb in (("show",), ("history",), ("diff",), ("rename", "x"), ("close",), ("delete", "--yes"),
                 ("status", "closed"), ("advise", str(EX3))):
        for lang, says in (("nl", "geen dossier met id"), ("en", "no case with id")):
            code, out, err = cli("cases", verb[0], "20990101-nope", *verb[1:], "--lang", lang)
            assert code == 2 and out == "", verb
            assert says in err and "20990101-nope" in err and made in err and "Traceback" not in err, verb


@pytest.mark.parametrize("args, says_nl, says_en", [
    (("new", " "), "het label is leeg", "the label is empty"),
    (("new", "x", "--legal-form", "gmbh"), "toegelaten: municipality, ocmw", "allowed: municipality, ocmw"),
    (("new", "x", "--municipality", "Namen"), "Wallonië", "Wallonia"),
])
def test_cli_bad_input_exits_2_in_both_languages(cli, args, says_nl, says_en):
    for lang, says in (("nl", says_nl), ("en", says_en)):
        code, out, err = cli("cases", *args, "--lang", lang)
        assert code == 2 and says in err and "Traceback" not in err, err
        assert err.startswith("fout: " if lang == "nl" else "error: ")


def test_cli_bad_status_and_empty_rename_exit_2(cli):
    a = new_case(cli)
    for lang, says in (("nl", "toegelaten: intake, advised, followed_up, closed"),
                       ("en", "allowed: intake, advised, followed_up, closed")):
        code, _, err = cli("cases", "status", a, "archived", "--lang", lang)
        assert code == 2 and says in err
    code, _, err = cli("cases", "rename", a, "   ", "--lang", "en")
    assert code == 2 and "the label is empty" in err


def test_cli_advise_records_the_consultation_and_prints_what_advise_prints(cli, run):
    a = new_case(cli)
    code, recorded, err = cli("cases", "advise", a, str(EX3), "--format", "json")
    assert code == 0 and "Raadpleging 1 bewaard" in err
    _, plain, _ = run("advise", str(EX3), "--format", "json")
    assert recorded == plain  # the same bytes as `advisor advise`
    code, text, _ = cli("cases", "advise", a, str(EX3), "--as-of", "2019-06-01", "--lang", "en")
    _, plain, _ = run("advise", str(EX3), "--as-of", "2019-06-01", "--lang", "en")
    assert code == 0 and text == plain
    code, out, _ = cli("cases", "history", a, "--format", "json")
    history = json.loads(out)["consultations"]
    assert [(h["n"], h["channel"], h["as_of"], h["asked_by"]) for h in history] == \
        [(1, "cli", "2026-03-01", "an"), (2, "cli", "2019-06-01", "an")]
    code, out, _ = cli("cases", "history", a, "--lang", "en")
    assert code == 0 and out.startswith(f"Consultations of case {a} (OCMW Wevelgem): 2\n#1  ")
    code, out, _ = cli("cases", "diff", a, "--lang", "en")
    assert code == 0 and out.splitlines()[1] == "  as_of: 2026-03-01 -> 2019-06-01"
    assert "  + recommended: lokale-diensteneconomie" in out
    code, out, _ = cli("cases", "diff", a, "1", "1", "--format", "json")
    assert code == 0 and json.loads(out)["advice"] == {}
    code, out, _ = cli("cases", "diff", a, "1", "1", "--lang", "en")
    assert out.endswith("  no difference\n")
    code, _, err = cli("cases", "diff", a, "1", "7", "--lang", "en")
    assert code == 2 and "has no consultation 7; allowed: 1 to 2" in err
    _, out, _ = cli("cases", "show", a, "--format", "json")
    assert json.loads(out)["case"]["status"] == "advised"


def test_cli_output_is_the_same_bytes_for_the_same_store(cli):
    for n in range(3):
        new_case(cli, f"case {n}")
    assert cli("cases", "list")[1] == cli("cases", "list")[1]
    assert cli("cases", "list", "--format", "json")[1] == cli("cases", "list", "--format", "json")[1]


def test_show_and_history_leave_out_free_text_unless_asked(cli, store_url, tmp_path):
    from sqlalchemy import insert

    from advisor.store.schema import bookings

    a = new_case(cli)
    data = load_case_or_scenario(EX3).model_dump(mode="json", exclude_none=True)
    data["service"]["description"] = "Geheim plan van de schepen"
    data["overrides"] = [{"instrument": "maatwerkbedrijf", "decision": "reject",
                          "justification": "Vertrouwelijk: de raad beslist anders."}]
    import yaml

    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert cli("cases", "advise", a, str(path))[0] == 0
    with CaseStore(store_url).engine.begin() as conn:
        conn.execute(insert(bookings).values(case_id=a, expert_id="x", month="2026-03", hours=4, domain="financing",
                                             note="Privé: belt na 18 uur", status="requested", booked_by="an",
                                             created="2026-12-02T09:00:00+00:00", updated="2026-12-02T09:00:00+00:00",
                                             version=1))
    secrets_ = ("Geheim plan", "Vertrouwelijk", "Privé")
    for verb in ("show", "history"):
        for fmt in ("json", "text"):
            _, out, _ = cli("cases", verb, a, "--format", fmt)
            assert not [s for s in secrets_ if s in out], (verb, fmt)
    _, out, _ = cli("cases", "show", a, "--format", "json")
    shown = json.loads(out)
    assert shown["bookings"][0]["hours"] == 4 and "note" not in shown["bookings"][0]
    assert shown["last_case"]["overrides"] == [{"instrument": "maatwerkbedrijf", "decision": "reject"}]
    _, out, _ = cli("cases", "show", a, "--format", "json", "--with-notes")
    assert all(s in out for s in secrets_)
    _, out, _ = cli("cases", "history", a, "--with-notes")
    assert "Vertrouwelijk" in out


def test_an_interview_with_a_case_records_its_advice(cli, store_url, tmp_path):
    a = new_case(cli)
    answers = tmp_path / "answers.yaml"
    answers.write_text("as_of: 2026-03-01\norganisation.legal_form: nonprofit\nservice.activities: [ironing]\n",
                       encoding="utf-8")
    code, out, err = cli("interview", "--case", a, "--answers", str(answers), "--db", str(tmp_path / "s.db"),
                         "--out", str(tmp_path / "case.yaml"), "--lang", "en")
    assert code == 0, err
    assert f"Consultation 1 recorded with case {a}." in out
    sid = out.split("Session ")[-1].split()[0]
    store = CaseStore(store_url)
    (rec,) = ConsultationLog(store).history(a)
    assert (rec.channel, rec.session_id, rec.asked_by) == ("interview", sid, "an")
    assert rec.case() == load_case_or_scenario(tmp_path / "case.yaml").model_dump(mode="json", exclude_none=True)
    assert [s["id"] for s in store.sessions(a)] == [sid]
    assert store.get(a).status == "advised"
    # an unknown case is refused before the first question
    code, out, err = cli("interview", "--case", "nope", "--answers", str(answers), "--db", str(tmp_path / "s.db"),
                         "--out", str(tmp_path / "case2.yaml"))
    assert code == 2 and "geen dossier met id 'nope'" in err and not (tmp_path / "case2.yaml").exists()


# --- the web -------------------------------------------------------------------------------------


def _token(html: str) -> str:
    import re

    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def web(store_url, tmp_path):
    from advisor.web.app import create_app

    return create_app(str(tmp_path / "key-beside.db"), db_url=store_url)  # (the CSRF key: beside that file)


def test_web_list_search_create_and_escape(web, store_url):
    client = web.test_client()
    page = client.get("/advisor/cases")
    assert page.status_code == 200 and "Nog geen dossiers" in page.text
    r = client.post("/advisor/cases", data={"csrf_token": _token(page.text), "label": "<script>x</script> Wevelgem",
                                            "organisation": "Café Élan", "municipality": "8560", "legal_form": "ocmw"})
    assert r.status_code == 303
    cid = r.headers["Location"].split("/advisor/cases/")[1].split("?")[0]
    case = CaseStore(store_url).get(cid)
    assert (case.municipality, case.legal_form, case.organisation) == ("Wevelgem", "ocmw", "Café Élan")
    shown = client.get(r.headers["Location"])
    assert shown.status_code == 200 and "<script>x</script>" not in shown.text
    assert "&lt;script&gt;x&lt;/script&gt; Wevelgem" in shown.text
    assert f'value="http://localhost/advisor/cases/{cid}"' in shown.text  # the link to share
    found = client.get("/advisor/cases?q=cafe+elan&lang=en")
    assert "1 case(s) for &#39;cafe elan&#39;." in found.text and f"/advisor/cases/{cid}" in found.text
    assert f"/advisor/cases/{cid}" not in client.get("/advisor/cases?q=kortrijk").text
    bad = client.post("/advisor/cases?lang=en", data={"csrf_token": _token(page.text), "label": "  "})
    assert bad.status_code == 422 and "the label is empty" in bad.text
    assert client.post("/advisor/cases", data={"label": "no token"}).status_code == 400
    assert client.get("/advisor/cases/20990101-nope").status_code == 404


def test_web_rename_and_status_check_the_version(web, store_url):
    client = web.test_client()
    cid = CaseStore(store_url).create("OCMW Wevelgem", owner="an").id
    page = client.get(f"/advisor/cases/{cid}?lang=en")
    tok = _token(page.text)
    r = client.post(f"/advisor/cases/{cid}/rename?lang=en", data={"csrf_token": tok, "version": "1",
                                                                  "label": "Sociaal Huis"})
    assert r.status_code == 303 and CaseStore(store_url).get(cid).label == "Sociaal Huis"
    assert "Saved." in client.get(r.headers["Location"]).text
    # a second advisor's form still carries version 1: refused, nothing overwritten
    r = client.post(f"/advisor/cases/{cid}/rename?lang=en", data={"csrf_token": tok, "version": "1", "label": "Oud"})
    assert r.status_code == 409 and "reload" in r.text and CaseStore(store_url).get(cid).label == "Sociaal Huis"
    r = client.post(f"/advisor/cases/{cid}/status?lang=en", data={"csrf_token": tok, "version": "2",
                                                                  "status": "followed_up"})
    assert r.status_code == 303 and CaseStore(store_url).get(cid).status == "followed_up"
    r = client.post(f"/advisor/cases/{cid}/status?lang=en", data={"csrf_token": tok, "version": "3", "status": "intake"})
    assert r.status_code == 422 and "allowed: closed" in r.text


def test_web_pages_are_for_advisors_only(store_url, tmp_path):
    from advisor.web.app import create_app

    app = create_app(str(tmp_path / "key-beside.db"), db_url=store_url, advisor_pages=False)
    assert app.test_client().get("/advisor/cases").status_code == 404


def test_web_an_interview_of_a_case_records_its_advice_on_the_end_page(web, store_url):
    """Start the interview from the case's page, answer every question "I don't know" but a few,
    and the end page records one consultation (channel web), not one per view."""
    client = web.test_client()
    store = CaseStore(store_url)
    cid = store.create("Strijkatelier", owner="an").id
    page = client.get(f"/advisor/cases/{cid}")
    r = client.post(f"/advisor/cases/{cid}/interview", data={"csrf_token": _token(page.text), "as_of": "2026-03-01"})
    assert r.status_code == 303
    url = r.headers["Location"].split("?")[0]
    sid = url.rsplit("/", 1)[1]
    answers = {"organisation.legal_form": "nonprofit", "service.activities": "ironing"}
    import re

    for _ in range(80):
        r = client.get(url)
        if r.status_code == 303:
            break
        path = re.search(r'name="path" value="([^"]+)"', r.text).group(1)
        data = {"csrf_token": _token(r.text), "path": path}
        data.update({"action": "answer", "value": answers[path]} if path in answers else {"action": "unknown"})
        assert client.post(url, data=data).status_code == 303
    end = client.get(r.headers["Location"])
    assert end.status_code == 200 and "Dit advies is bewaard als raadpleging 1 van dossier" in end.text
    client.get(r.headers["Location"])  # seen again: nothing new to record
    (rec,) = ConsultationLog(store).history(cid)
    assert (rec.channel, rec.session_id, rec.as_of) == ("web", sid, "2026-03-01")
    assert rec.case()["organisation"] == {"legal_form": "nonprofit"}
    assert store.get(cid).status == "advised"
    shown = client.get(f"/advisor/cases/{cid}")
    assert f"/advisor/s/{sid}/review" in shown.text and "#1 ·" in shown.text
    # a session of no case records nothing
    index = client.get("/advisor")
    other = client.post("/advisor/start", data={"csrf_token": _token(index.text), "as_of": "2026-03-01"})
    assert other.status_code == 303
    assert len(ConsultationLog(store).history(cid)) == 1


def test_web_diff_between_two_consultations(web, store_url):
    store = CaseStore(store_url)
    cid = store.create("x", owner="an").id
    log = ConsultationLog(store)
    case = load_case_or_scenario(EX3)
    log.record(cid, case, consult(case), asked_by="an", channel="cli")
    log.record(cid, case, consult(case, as_of=date(2019, 6, 1)), asked_by="an", channel="cli")
    client = web.test_client()
    page = client.get(f"/advisor/cases/{cid}?lang=en")
    assert f"/advisor/cases/{cid}/diff?a=1&amp;b=2" in page.text
    d = client.get(f"/advisor/cases/{cid}/diff?a=1&b=2&lang=en")
    assert d.status_code == 200 and "as_of: 2026-03-01 -&gt; 2019-06-01" in d.text
    assert client.get(f"/advisor/cases/{cid}/diff?a=1&b=9&lang=en").status_code == 422


def test_cli_advise_proposes_the_experts_as_booked_in_the_store(cli):
    """A booking in the advice's month takes the expert's hours: the next advice of a stored
    case passes over the full expert, as `advisor experts load` shows her (issue 15, part 4)."""
    a = new_case(cli, "Fietspunt Kortrijk")
    code, before, err = cli("cases", "advise", a, str(EX3), "--lang", "en", "--format", "json")
    assert code == 0, err
    proposed = [e["id"] for e in json.loads(before)["experts"]]
    first = proposed[0]
    month = json.loads(before)["as_of"][:7]
    code, out, err = cli("experts", "load", "--month", month, "--format", "json")
    free = {row["expert_id"]: row["free"] for row in json.loads(out)["experts"]} if code == 0 else {}
    assert code == 0 and free.get(first), (out, err)
    code, _, err = cli("experts", "book", a, first, "--month", month, "--hours", str(free[first]),
                       "--domain", "coaching")
    assert code == 0, err
    code, after, err = cli("cases", "advise", a, str(EX3), "--lang", "en", "--format", "json", "--explain")
    assert code == 0, err
    assert first not in [e["id"] for e in json.loads(after)["experts"]]
    assert first in [e["id"] for e in json.loads(after)["experts_passed_over"]]  # --explain counts them too


def test_web_an_interview_for_a_case_needs_a_date_the_knowledge_covers(web, store_url):
    client = web.test_client()
    cid = CaseStore(store_url).create("OCMW Wevelgem", owner="an").id
    page = client.get(f"/advisor/cases/{cid}")
    for wrong in ("2004-12-31", "01/03/2026", ""):
        bad = client.post(f"/advisor/cases/{cid}/interview", data={"csrf_token": _token(page.text), "as_of": wrong})
        assert bad.status_code == 422 and "vanaf 2005-01-01" in bad.text, wrong
    good = client.post(f"/advisor/cases/{cid}/interview", data={"csrf_token": _token(page.text), "as_of": "2026-03-01"})
    assert good.status_code == 303
    assert [s["as_of"] for s in CaseStore(store_url).sessions(cid)] == ["2026-03-01"]
