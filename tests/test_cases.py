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
def store_url(tmp_path):
    # SQLite until the store helper's conftest fixture (SQLite and PostgreSQL) is on main
    return f"sqlite:///{tmp_path}/store.db"


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

    case = store.create("x", owner="an")
    log = ConsultationLog(store)
    c = load_case_or_scenario(EX3)
    log.record(case.id, c, consult(c), asked_by="an", channel="interview", session_id="20261202-abcdef")
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(consultation_facts)).scalar_one() > 0
    store.delete(case.id)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(consultations)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(consultation_facts)).scalar_one() == 0
        assert conn.execute(select(sessions.c.id, sessions.c.case_id)).all() == [("20261202-abcdef", None)]
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
