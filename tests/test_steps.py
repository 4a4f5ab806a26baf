"""Next steps (rules/catalogue/steps.yaml, advisor/plan/steps.py, `advisor steps`): the data is
valid and bilingual, every open instrument has a plan on every date, every recommendation in
every scenario gets at least two ordered steps naming whom to contact, conditions and eras
work, and a broken file is reported with its file and field path."""
from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from advisor.plan.consult import consult
from advisor.errors import InputError, load_yaml
from advisor.knowledge import Text, catalogue
from advisor.models import Case
from advisor.regression.scenarios import load_scenario, shared_suite
from advisor.plan.steps import FLOOR, STEPS_FILE, Answers, load_steps, step_book, steps_for

ROOT = Path(__file__).resolve().parent.parent
# the scenarios as loaded once for the whole run (advisor.regression.scenarios.shared_suite); a file
# that does not load fails here, as load_scenario does
SCENARIOS = [e.loaded or load_scenario(e.path) for e in shared_suite(ROOT / "scenarios").entries]
ROLES = [None, "employer", "user", "host", "commissioner"]
FORMS = [None, "municipality", "ocmw", "intermunicipal", "nonprofit", "social_purpose_company",
         "cooperative", "company", "none_yet"]
UNCERTAIN_MARKS = {"nl": ("niet bevestigd", "onbekend", "niet gekend", "aangekondigd"),
                   "en": ("unverified", "unknown", "announced")}


def _checked_dates(instrument_id: str) -> list[date]:
    """The days where a plan could break: the window's ends, every era and actor-name boundary
    (and the day before it), and the two reference moments."""
    inst = catalogue().instruments[instrument_id]
    book = step_book()
    days = {FLOOR, date(2005, 6, 1), date(2026, 3, 1), date(2026, 12, 31)}
    for era in book.instruments[instrument_id].eras:
        days.update(d for d in (era.valid_from, era.valid_until) if d)
    for actor in book.actors.values():
        for p in actor.names:
            days.update(d for d in (p.valid_from, p.valid_until) if d)
    days |= {d - timedelta(days=1) for d in list(days)}
    return sorted(d for d in days if d >= FLOOR and inst.open_on(d))


# --- the data ---------------------------------------------------------------------------


def test_the_steps_file_loads_and_covers_every_instrument():
    book = load_steps()
    assert set(book.instruments) == set(catalogue().instruments)


@pytest.mark.parametrize("instrument", list(catalogue().instruments))
def test_every_open_date_has_two_ordered_steps_with_a_contact(instrument):
    """Whatever the starter answers (role, legal form), on every day the instrument is open."""
    for day in _checked_dates(instrument):
        for role in ROLES:
            for form in FORMS:
                for region in (None, "home", "neighbouring"):
                    plan = steps_for(instrument, day, "en", Answers(role=role, legal_form=form, region=region))
                    assert len(plan) >= 2, f"{instrument} on {day} ({role}, {form}): {len(plan)} step(s)"
                    assert all(s.contact and s.who and s.text for s in plan), f"{instrument} on {day}"


@pytest.mark.parametrize("instrument", list(catalogue().instruments))
def test_no_steps_when_the_instrument_is_closed(instrument):
    inst = catalogue().instruments[instrument]
    if inst.open_until:
        assert steps_for(instrument, inst.open_until, "en") == []
    if inst.open_from:
        assert steps_for(instrument, inst.open_from - timedelta(days=1), "en") == []


def _texts(book):
    for aid, actor in book.actors.items():
        yield f"actors.{aid}.role", actor.role
        for n, p in enumerate(actor.names):
            yield f"actors.{aid}.names.{n}", p.name
    for nid, text in book.needs.items():
        yield f"needs.{nid}", text
    for iid, spec in book.instruments.items():
        for e, era in enumerate(spec.eras):
            for step in era.steps:
                yield f"{iid}.eras.{e}.{step.id}", step.text


def test_every_text_exists_in_dutch_and_english():
    for where, text in _texts(step_book()):
        assert isinstance(text, Text) and text.nl.strip() and text.en.strip(), where


def test_step_texts_are_translated_not_copied():
    for iid, spec in step_book().instruments.items():
        for era in spec.eras:
            for step in era.steps:
                assert step.text.nl != step.text.en, f"{step.id}: the Dutch and English texts are the same"


def test_uncertain_steps_say_so_in_both_languages():
    for iid, spec in step_book().instruments.items():
        for era in spec.eras:
            for step in era.steps:
                if step.uncertain:
                    for lang in ("nl", "en"):
                        text = step.text(lang).lower()
                        assert any(m in text for m in UNCERTAIN_MARKS[lang]), \
                            f"{step.id} ({lang}) is uncertain but its text does not say so: {text}"


def test_step_ids_belong_to_one_instrument_and_carry_its_prefix():
    owners: dict[str, set[str]] = {}
    for iid, spec in step_book().instruments.items():
        for era in spec.eras:
            for step in era.steps:
                owners.setdefault(step.id, set()).add(iid)
                assert step.id.startswith(spec.prefix + "-")
    assert all(len(o) == 1 for o in owners.values())


def test_scenario_step_claims_name_steps_of_recommended_instruments():
    """A `next_steps` claim names a step id that exists, for an instrument the scenario expects."""
    owner = {s.id: iid for iid, spec in step_book().instruments.items() for e in spec.eras for s in e.steps}
    for loaded in SCENARIOS:
        for sid in loaded.scenario.expect.next_steps or []:
            assert sid in owner, f"{loaded.path.name}: unknown step id {sid}"


def test_the_contract_example_claims_the_info_session():
    loaded = load_scenario(ROOT / "scenarios/dienstencheques/ironing-workshop-2026.yaml")
    assert loaded.scenario.id == "dc.ironing-workshop-2026"
    assert "dc-info-session" in loaded.scenario.expect.next_steps


# --- every recommendation in every scenario ----------------------------------------------


@pytest.mark.parametrize("loaded", SCENARIOS, ids=[s.scenario.id for s in SCENARIOS])
def test_each_recommendation_gets_two_ordered_steps_naming_a_contact(loaded):
    for lang in ("nl", "en"):
        advice = consult(loaded.scenario.case, lang=lang)
        counts = Counter(s.instrument for s in advice.next_steps)
        for rec in advice.recommendations:
            assert counts[rec.instrument] >= 2, f"{loaded.path.name}: {rec.instrument} has {counts[rec.instrument]} step(s)"
        # grouped per instrument, in the order of the recommendations
        order = list(dict.fromkeys(s.instrument for s in advice.next_steps))
        assert order == [r.instrument for r in advice.recommendations if counts[r.instrument]]
        assert all(s.contact for s in advice.next_steps)


# --- conditions -------------------------------------------------------------------------


def _ids(instrument, day, **answers):
    return [s.id for s in steps_for(instrument, day, "en", Answers(**answers))]


D2026 = date(2026, 3, 1)


def test_business_plan_step_follows_the_answer():
    assert "dc-business-plan" in _ids("dienstencheques", D2026, has_business_plan=False)
    assert "dc-business-plan" not in _ids("dienstencheques", D2026, has_business_plan=True)
    unknown = {s.id: s.text for s in steps_for("dienstencheques", D2026, "en")}
    assert unknown["dc-business-plan"].startswith("If you have no business plan yet: write")
    known = {s.id: s.text for s in steps_for("dienstencheques", D2026, "en", Answers(has_business_plan=False))}
    assert known["dc-business-plan"].startswith("Write the business plan")


def test_deposit_and_entity_steps_follow_the_answers():
    assert "dc-deposit-financing" in _ids("dienstencheques", D2026, can_lodge_deposit=False)
    assert "dc-deposit-financing" not in _ids("dienstencheques", D2026, can_lodge_deposit=True)
    assert "dc-legal-entity" in _ids("dienstencheques", D2026, legal_form="none_yet")
    assert "dc-legal-entity" not in _ids("dienstencheques", D2026, legal_form="cooperative")
    nl = {s.id: s.text for s in steps_for("dienstencheques", D2026, "nl")}
    assert nl["dc-legal-entity"].startswith("Als u nog geen rechtspersoon hebt: richt")


def test_role_decides_the_user_steps():
    assert "ww-register-user" in _ids("wijk-werken", D2026, role="user")
    assert "ww-register-user" not in _ids("wijk-werken", D2026, role="employer")
    assert "pwa-register-user" in _ids("pwa", date(2010, 1, 1), role="user")
    assert "mwb-reserved-contract" in _ids("maatwerkbedrijf", D2026, role="commissioner")
    assert "mwb-apply-label" not in _ids("maatwerkbedrijf", D2026, role="commissioner")
    assert "lde-commission" in _ids("lokale-diensteneconomie", date(2019, 1, 1), role="commissioner")
    texts = {s.id: s.text for s in steps_for("wijk-werken", D2026, "en")}
    assert texts["ww-register-user"].startswith("If you act as user: register")


def test_only_the_ocmw_employs_under_article_60():
    ocmw = _ids("artikel-60", D2026, legal_form="ocmw", role="employer")
    vzw = _ids("artikel-60", D2026, legal_form="nonprofit", role="host")
    assert "a60-ocmw-employ" in ocmw and "a60-host-agreement" not in ocmw
    assert "a60-host-agreement" in vzw and "a60-ocmw-employ" not in vzw
    assert ocmw.index("a60-ocmw-contact") == 0  # ordered as in the data


def test_plan_follows_the_case_through_the_engine():
    case = Case.model_validate({
        "as_of": "2026-03-01",
        "organisation": {"legal_form": "cooperative", "municipality": "Waregem", "role": "employer",
                         "can_lodge_deposit": True, "has_business_plan": False},
        "service": {"activities": ["home_cleaning"], "customers": ["households"]},
    })
    advice = consult(case, lang="en")
    ids = [s.id for s in advice.next_steps if s.instrument == "dienstencheques"]
    assert ids[:1] == ["dc-check-activities"]
    assert {"dc-info-session", "dc-deposit", "dc-business-plan"} <= set(ids)
    assert "dc-deposit-financing" not in ids and "dc-legal-entity" not in ids
    assert all(s.text and s.contact for s in advice.next_steps)


# --- eras and regions -------------------------------------------------------------------


def _contacts(instrument, day, lang="en", **answers):
    return {s.id: s.contact for s in steps_for(instrument, day, lang, Answers(**answers))}


def test_contacts_follow_the_era():
    d2005 = date(2005, 6, 1)
    assert "Werkwinkel" in _contacts("pwa", d2005)["pwa-workers"]
    assert "Werkwinkel" not in _contacts("pwa", date(2016, 6, 1))["pwa-workers"]
    assert "Welzijnsconsortium" in _contacts("buurt-en-nabijheidsdiensten", d2005)["bnd-project-funding"]
    sw = _contacts("sociale-werkplaats", d2005)
    assert "Afdeling Tewerkstelling" in sw["sw-apply-recognition"] and "RESOC" in sw["sw-resoc-advice"]
    assert "Werk en Sociale Economie" in _contacts("sociale-werkplaats", date(2010, 1, 1))["sw-apply-recognition"]
    assert "W13" in _contacts("wijk-werken", D2026)["ww-contact-organiser"]
    assert _contacts("maatwerkbedrijf", D2026)["mwb-vdab-indication"] == "VDAB (Flemish public employment service)"
    assert "Accor" in _contacts("dienstencheques", d2005)["dc-issuer"]
    assert "Pluxee" in _contacts("dienstencheques", D2026)["dc-issuer"]


def test_steps_follow_the_era():
    assert "dc-info-session" not in _ids("dienstencheques", date(2015, 12, 31))
    assert "dc-federal-recognition" in _ids("dienstencheques", date(2015, 12, 31))
    assert "dc-info-session" in _ids("dienstencheques", date(2016, 1, 1))
    assert "a60-twe-screening" not in _ids("artikel-60", date(2016, 12, 31))
    assert "a60-twe-screening" in _ids("artikel-60", date(2017, 1, 1))
    assert "a60-unemployment-reform" in _ids("artikel-60", date(2025, 7, 1))


def test_outside_the_region_the_regional_actor_is_replaced():
    home = _contacts("wijk-werken", D2026, region="home")["ww-contact-organiser"]
    away = _contacts("wijk-werken", D2026, region="neighbouring")["ww-contact-organiser"]
    assert "W13" in home and "W13" not in away and "VDAB" in away
    case = Case.model_validate({"as_of": "2026-03-01",
                                "organisation": {"municipality": "Roeselare", "legal_form": "nonprofit",
                                                 "role": "user"},
                                "service": {"activities": ["supervision"], "customers": ["schools"]}})
    advice = consult(case, lang="nl")
    ww = [s for s in advice.next_steps if s.instrument == "wijk-werken"]
    assert ww and all("W13" not in s.contact for s in ww)
    # a step about South West Flemish actors is kept only there (and stated so when unknown)
    assert "regie-regional-partner" not in _ids("lokale-regie", D2026, region="neighbouring")
    home = {s.id: s.text for s in steps_for("lokale-regie", D2026, "en", Answers(region="home"))}
    unknown = {s.id: s.text for s in steps_for("lokale-regie", D2026, "en")}
    assert home["regie-regional-partner"].startswith("Coordinate with W13")
    assert unknown["regie-regional-partner"].startswith("In South West Flanders: coordinate with W13")


def test_dutch_and_english_plans_match_step_for_step():
    for iid in catalogue().instruments:
        for day in (date(2005, 6, 1), D2026):
            nl, en = steps_for(iid, day, "nl"), steps_for(iid, day, "en")
            assert [s.id for s in nl] == [s.id for s in en]
            assert all(a.text != b.text for a, b in zip(nl, en))


# --- a broken file is reported with its file and field path -------------------------------


def _write(tmp_path, data) -> Path:
    path = tmp_path / "steps.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def data():
    return load_yaml(STEPS_FILE)


def _problems(path) -> str:
    with pytest.raises(InputError) as exc:
        load_steps(path)
    assert exc.value.source.endswith("steps.yaml")
    return exc.value.message


def test_unknown_contact_names_the_field_and_the_allowed_actors(tmp_path, data):
    data["instruments"]["dienstencheques"]["eras"][1]["steps"][3]["contact"] = "ministry-of-magic"
    msg = _problems(_write(tmp_path, data))
    assert "instruments.dienstencheques.eras.1.steps.3.contact" in msg
    assert "ministry-of-magic" in msg and "allowed:" in msg and "vdab" in msg


def test_unknown_field_and_bad_values_are_reported(tmp_path, data):
    step = data["instruments"]["pwa"]["eras"][0]["steps"][0]
    step["deadline"] = "soon"
    step["when"] = {"roles": ["landlord"]}
    msg = _problems(_write(tmp_path, data))
    assert "instruments.pwa.eras.0.steps.0.deadline" in msg
    assert "instruments.pwa.eras.0.steps.0.when.roles.0" in msg and "commissioner" in msg


def test_cross_references_are_checked_in_one_pass(tmp_path, data):
    steps = data["instruments"]["wijk-werken"]["eras"][0]["steps"]
    steps[0]["sources"] = ["S999"]
    steps[1]["needs"] = ["a-unicorn"]
    steps[2]["id"] = "dc-sneaky"
    steps[3]["sources"] = []
    msg = _problems(_write(tmp_path, data))
    for expected in ("steps.0.sources: unknown source S999", "steps.1.needs: unknown need 'a-unicorn'",
                     "steps.2.id: 'dc-sneaky' must start with the instrument prefix 'ww-'",
                     "steps.3.sources: a step without a source must be marked uncertain"):
        assert expected in msg


def test_eras_must_tile_the_open_window(tmp_path, data):
    data["instruments"]["artikel-60"]["eras"][1]["valid_from"] = "2017-02-01"
    data["instruments"]["wijk-werken"]["eras"][0]["valid_from"] = "2017-01-01"
    msg = _problems(_write(tmp_path, data))
    assert "instruments.artikel-60.eras.1.valid_from: must equal the previous era's valid_until (2017-01-01)" in msg
    assert "instruments.wijk-werken.eras.0.valid_from: must be 2018-01-01" in msg


def test_an_actor_must_exist_in_the_era_that_contacts_it(tmp_path, data):
    """W13 only exists from 2015: it cannot be the contact of a 2005 step."""
    data["instruments"]["sociale-werkplaats"]["eras"][0]["steps"][3]["contact"] = "w13"
    msg = _problems(_write(tmp_path, data))
    assert "instruments.sociale-werkplaats.eras.0.steps.3.contact: actor 'w13' has no name" in msg


def test_missing_and_unknown_instruments_are_reported(tmp_path, data):
    data["instruments"]["teleportation"] = data["instruments"].pop("gesco")
    msg = _problems(_write(tmp_path, data))
    assert "instruments.teleportation: unknown instrument" in msg and "no steps for gesco" in msg


def test_every_era_keeps_two_unconditional_steps(tmp_path, data):
    for step in data["instruments"]["artikel-61"]["eras"][0]["steps"]:
        step["when"] = {"roles": ["employer"]}
    msg = _problems(_write(tmp_path, data))
    assert "instruments.artikel-61.eras.0.steps: at least two steps without `when`" in msg


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "steps.yaml"
    path.write_text("actors: {starter: [\n", encoding="utf-8")
    assert "not valid YAML at line" in _problems(path)


def test_an_uncertain_actor_name_makes_its_steps_uncertain(tmp_path, data):
    data["actors"]["deposit-fund"]["names"][0]["uncertain"] = True
    book = load_steps(_write(tmp_path, data))
    plan = {s.id: s for s in steps_for("dienstencheques", D2026, "en", book=book)}
    assert plan["dc-deposit"].uncertain and not plan["dc-info-session"].uncertain


# --- the command line -------------------------------------------------------------------


def test_cli_prints_a_dutch_plan_by_default(run):
    code, out, _ = run("steps", "dienstencheques", "--as-of", "2026-03-01", "--role", "employer")
    assert code == 0
    assert "Volgende stappen voor Dienstencheques op 2026-03-01" in out
    assert "infosessie" in out and "contact: Departement WSE" in out and "bronnen: S150" in out


def test_cli_json_in_english_with_role(run):
    code, out, _ = run("steps", "wijk-werken", "--as-of", "2026-03-01", "--role", "user",
                       "--lang", "en", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["open"] and data["role"] == "user"
    ids = [s["id"] for s in data["next_steps"]]
    assert ids[0] == "ww-contact-organiser" and "ww-register-user" in ids
    assert all(s["contact"] and s["sources"] for s in data["next_steps"])


def test_cli_era_aware(run):
    _, out2005, _ = run("steps", "artikel-60", "--as-of", "2005-06-01", "--format", "json")
    _, out2026, _ = run("steps", "artikel-60", "--as-of", "2026-03-01", "--format", "json")
    ids2005 = [s["id"] for s in json.loads(out2005)["next_steps"]]
    ids2026 = [s["id"] for s in json.loads(out2026)["next_steps"]]
    assert "a60-twe-screening" not in ids2005 and "a60-twe-screening" in ids2026


def test_cli_closed_instrument_names_its_successor(run):
    code, out, err = run("steps", "pwa", "--as-of", "2026-03-01", "--lang", "en")
    assert code == 0 and not err
    assert "no longer open" in out and "closed since 2018-01-01" in out and "wijk-werken" in out


def test_cli_not_yet_open_names_what_held_then(run):
    code, out, _ = run("steps", "wijk-werken", "--as-of", "2005-06-01", "--lang", "en")
    assert code == 0 and "not yet open" in out and "(pwa)" in out


def test_cli_unknown_instrument_lists_the_allowed_ids(run):
    code, _, err = run("steps", "voucher-jobs")
    assert code == 2 and "onbekend instrument 'voucher-jobs'" in err and "dienstencheques" in err
    assert "Traceback" not in err
    assert run("steps", "service-vouchers")[0] == 0  # the English name (issue 12: names in any form)


def test_cli_bad_date_and_role(run):
    code, _, err = run("steps", "pwa", "--as-of", "2026-13-01")
    assert code == 2 and "JJJJ-MM-DD" in err and "2026-13-01" in err
    code, _, err = run("steps", "pwa", "--role", "landlord")
    assert code == 2 and "commissioner" in err
