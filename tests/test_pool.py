"""The knowledge pool directory: complete, era-aware, strictly validated, and fictional."""
import copy
import re
from pathlib import Path

import pytest
import yaml

from advisor.errors import InputError
from advisor.knowledge import catalogue
from advisor.plan.pool import DOMAINS, POOL_FILE, load_pool, parse_pool, pool, reserved_mail_domain

RAW = POOL_FILE.read_text(encoding="utf-8")


def test_pool_has_enough_experts_and_the_brief_support_organisations():
    p = pool()
    assert len(p.experts) >= 25
    assert set(p.domains) == set(DOMAINS)
    # brief section 4: financing, coaching, management support and the local regie
    for org in ("trividend", "hefboom", "startsoon", "herwin", "lokaal-bestuur-regie", "w13", "vdab",
                "departement-wse", "ocmw-kortrijk", "welzijnsconsortium-zwvl", "kanaal-127"):
        assert org in p.organisations, f"{POOL_FILE.name}: support organisation {org} missing"


def test_every_domain_and_home_municipality_is_covered_somewhere():
    p = pool()
    for d in DOMAINS:
        assert any(d in e.domains for e in p.experts), f"no expert for support domain {d}"
    home = catalogue().municipalities.home
    served = {m for e in p.experts for m in [e.home_municipality, *e.serves]}
    assert {"Kortrijk", "Menen", "Wevelgem", "Waregem", "Harelbeke", "Zwevegem", "Wervik", "Wielsbeke"} <= served
    assert any(e.area == "region" for e in p.experts) and served & home


@pytest.mark.parametrize("year, at_least", [(2005, 10), (2015, 10), (2026, 15)])
def test_the_pool_is_era_aware(year, at_least):
    active = [e for e in pool().experts if e.active_in(year)]
    assert len(active) >= at_least, f"only {len(active)} experts active in {year}"


def test_era_2005_and_2026_pools_differ():
    p = pool()
    in2005 = {e.id for e in p.experts if e.active_in(2005)}
    in2026 = {e.id for e in p.experts if e.active_in(2026)}
    assert in2005 - in2026 and in2026 - in2005
    assert "startsoon" not in {p.organisations[e.organisation].id for e in p.experts if e.id in in2005}


def test_experts_stay_inside_what_the_brief_says_of_their_organisation():
    p = pool()
    for e in p.experts:
        org = p.organisation(e)
        if org.known_from:
            assert e.first_year >= org.known_from, e.id
        if org.known_until:
            assert e.last_year is not None and e.last_year <= org.known_until, e.id


# --- fictional data -----------------------------------------------------------------------

PHONE = re.compile(r"(?:\+32|\b0)\s?\d{1,3}[\s/.]?\d{2}[\s.]?\d{2}[\s.]?\d{2}\b")
LONG_NUMBER = re.compile(r"\d(?:[\s./-]?\d){8,}")
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


@pytest.mark.parametrize("path", [POOL_FILE, POOL_FILE.with_name("steps.yaml")], ids=lambda p: p.name)
def test_no_phone_numbers_in_the_directory_or_the_steps(path):
    raw = path.read_text(encoding="utf-8")
    assert not PHONE.findall(raw), f"{path.name}: phone-like numbers {PHONE.findall(raw)}"
    assert not LONG_NUMBER.findall(raw), f"{path.name}: long digit runs {LONG_NUMBER.findall(raw)}"


def test_no_e_mail_addresses_in_the_steps():
    # the steps name public bodies by their public role; people are reached through the pool
    raw = POOL_FILE.with_name("steps.yaml").read_text(encoding="utf-8")
    assert not EMAIL.findall(raw)


def test_e_mail_addresses_only_on_reserved_domains():
    domains = EMAIL.findall(RAW)
    assert domains, "the check must see the e-mail addresses that are there"
    bad = [d for d in domains if not reserved_mail_domain(d.lower())]
    assert not bad, f"{POOL_FILE.name}: e-mail on non-reserved domains {bad}"


def test_fictional_organisations_say_so_and_real_ones_cite_the_brief():
    for o in pool().organisations.values():
        if o.fictional:
            assert o.name.endswith("(fictief)") and not o.sources, o.id
        else:
            assert o.sources and all(s in catalogue().sources for s in o.sources), o.id


def test_the_directory_declares_its_persons_fictional():
    assert "ALL PERSONS IN THIS FILE ARE FICTIONAL" in RAW


def test_the_phone_check_would_catch_a_phone_number():
    for text in ("bel 056 24 16 16", "tel. 056/24.16.16", "+32 56 24 16 16", "0475 12 34 56"):
        assert PHONE.search(text) or LONG_NUMBER.search(text), text
    assert not PHONE.search("active 2004-2012") and not LONG_NUMBER.search("active 2004-2012")


# --- validation -----------------------------------------------------------------------------


_PARSED = yaml.safe_load(RAW)  # parsed once (the pure-Python parser is slow): each test edits a copy


def _data():
    return copy.deepcopy(_PARSED)


def _expert(**changes):
    data = _data()
    data["experts"][0].update(changes)
    return data


@pytest.mark.parametrize("data, expected", [
    (_expert(instruments=["dienstencheque"]), ["experts[0].instruments", "unknown instrument", "dienstencheques"]),
    (_expert(home_municipality="Kortrik"), ["experts[0].home_municipality", "Kortrijk"]),
    (_expert(serves=["Lauwe"]), ["experts[0].serves.0", "former municipality", "Menen"]),
    (_expert(email="lien@gmail.com"), ["experts[0].email", "example.org"]),
    (_expert(organisation="nobody"), ["experts[0].organisation", "unknown organisation", "w13"]),
    (_expert(phone="056 00 00 00"), ["experts[0].phone", "allowed fields"]),
    (_expert(hours_committed=99), ["experts[0].hours_committed", "exceeds hours_per_month"]),
    (_expert(domains=["finance"]), ["experts[0].domains.0", "financing"]),
    (_expert(area="world"), ["experts[0].area", "local, region, flanders"]),
    (_expert(first_year=1995), ["experts[0].first_year", "welzijnsconsortium-zwvl"]),
    (_expert(instruments=["wijk-werken"]), ["experts[0].instruments", "never open", "wijk-werken"]),
    (_expert(name="Agent 007"), ["experts[0].name"]),
])
def test_validation_errors_name_the_file_and_the_field(tmp_path: Path, data, expected):
    path = tmp_path / "experts.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_pool(path)
    message = exc.value.text("en")
    assert str(path) in message
    for part in expected:
        assert part in message, f"{part!r} not in: {message}"


def test_all_problems_are_reported_at_once():
    data = _data()
    data["experts"][0]["instruments"] = ["nope"]
    data["experts"][1]["home_municipality"] = "Atlantis"
    data["organisations"][0]["type"] = "club"
    with pytest.raises(InputError) as exc:
        parse_pool(data, "experts.yaml")
    assert len(exc.value.problems) == 3, exc.value.problems


def test_an_expert_of_a_broken_organisation_is_not_reported_twice():
    data = _data()
    data["organisations"][0]["type"] = "club"
    with pytest.raises(InputError) as exc:
        parse_pool(data, "experts.yaml")
    assert exc.value.problems == [p for p in exc.value.problems if "unknown organisation" not in str(p)]


def test_a_missing_or_broken_file_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="file not found"):
        load_pool(tmp_path / "nope.yaml")
    bad = tmp_path / "experts.yaml"
    bad.write_text("experts: [\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML"):
        load_pool(bad)
    bad.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(InputError, match="mapping"):
        load_pool(bad)


def test_every_support_domain_must_be_defined():
    data = _data()
    data["support_domains"] = [d for d in data["support_domains"] if d["id"] != "coaching"]
    with pytest.raises(InputError, match="missing coaching"):
        parse_pool(data, "experts.yaml")
