"""Expert matching: explained, fair, deterministic, and never against a conflict of interest."""
import json
import random
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.engine.engine import advise
from advisor.plan.matching import MAX_PROPOSED, propose_experts
from advisor.models import Advice, Case, Recommendation
from advisor.plan.pool import POOL_FILE, parse_pool, pool
from advisor.regression.scenarios import load_case_or_scenario

ROOT = Path(__file__).resolve().parent.parent
MENEN = ROOT / "scenarios/experts/menen-ironing-vzw-2026.yaml"
BASE = yaml.safe_load(POOL_FILE.read_text(encoding="utf-8"))


def _advice_and_matching(case: Case, lang: str = "en"):
    advice = advise(case, lang=lang)
    return advice, propose_experts(case, advice)


@pytest.fixture(scope="module")
def menen():
    case = load_case_or_scenario(MENEN)
    advice, matching = _advice_and_matching(case)
    return case, advice, matching


# --- the done criteria of the knowledge pool --------------------------------------------------


def test_menen_ironing_workshop_gets_experts_who_know_service_vouchers(menen):
    _, advice, matching = menen
    assert advice.recommendations[0].instrument == "dienstencheques"
    assert len(matching.proposed) == MAX_PROPOSED
    experts = {e.id: e for e in pool().experts}
    for proposal in matching.proposed:
        assert "dienstencheques" in experts[proposal.id].instruments, proposal.id
        assert any("service vouchers" in r for r in proposal.reasons), proposal.reasons
        assert proposal.reasons and proposal.organisation and proposal.municipality


def test_menen_never_gets_an_expert_with_a_conflict_in_menen(menen):
    _, _, matching = menen
    experts = {e.id: e for e in pool().experts}
    conflicted = {e.id for e in pool().experts if any(c.municipality == "Menen" for c in e.conflicts)}
    assert conflicted, "the pool must hold an expert with a conflict in Menen for this test to mean anything"
    assert not conflicted & {p.id for p in matching.proposed}
    passed = {p.id: p for p in matching.passed_over}
    for expert_id in conflicted:
        reason = experts[expert_id].conflicts[0].reason("en")
        assert passed[expert_id].reasons == [f"conflict of interest in Menen: {reason}"]


def test_an_expert_without_free_hours_is_passed_over_and_says_why(menen):
    _, _, matching = menen
    full = [e for e in pool().experts if e.free_hours == 0 and e.active_in(2026) and "dienstencheques" in e.instruments]
    assert full, "the pool must hold a fully booked service-voucher expert for this test"
    passed = {p.id: p for p in matching.passed_over}
    for e in full:
        assert e.id not in {p.id for p in matching.proposed}
        assert passed[e.id].reasons[0].startswith("no free hours this month")


def test_every_other_expert_is_explained(menen):
    _, _, matching = menen
    proposed = {p.id for p in matching.proposed}
    passed = [p.id for p in matching.passed_over]
    assert len(passed) == len(set(passed))
    assert set(passed) | proposed == {e.id for e in pool().experts} and not set(passed) & proposed
    assert all(p.reasons for p in matching.passed_over)


def test_reasons_exist_in_dutch_too():
    case = load_case_or_scenario(MENEN)
    _, matching = _advice_and_matching(case, lang="nl")
    text = " ".join(r for p in matching.proposed for r in p.reasons)
    assert "kent dienstencheques" in text and "uur vrij deze maand" in text


def test_the_needed_support_domains_come_from_the_case(menen):
    _, _, matching = menen
    assert set(matching.needs) == {"management", "coaching", "marketing_promotion", "service_quality"}
    case = Case.model_validate({"as_of": "2026-03-01", "organisation": {
        "legal_form": "none_yet", "municipality": "Menen", "can_lodge_deposit": False,
        "has_public_commissioner": False}})
    advice = Advice(as_of=date(2026, 3, 1), knowledge_version="x", lang="en")
    needs = propose_experts(case, advice).needs
    assert set(needs) == {"management", "financing", "marketing_promotion"}
    assert needs["financing"] == ["the deposit or own funds cannot be put up"]


def test_unknown_answers_derive_no_domain():
    case = Case.model_validate({"as_of": "2026-03-01", "organisation": {"municipality": "Menen"}})
    advice = Advice(as_of=date(2026, 3, 1), knowledge_version="x", lang="en")
    matching = propose_experts(case, advice)
    assert matching.needs == {} and matching.proposed == []


def test_a_2005_case_gets_2005_experts():
    case = load_case_or_scenario(ROOT / "scenarios/worked-examples/ex2-2005-vzw-green-maintenance.yaml")
    _, matching = _advice_and_matching(case)
    experts = {e.id: e for e in pool().experts}
    assert matching.proposed
    for p in matching.proposed:
        assert experts[p.id].active_in(2005), p.id
    # the coordinator of a competing workshop in Zwevegem (the case's municipality) is excluded
    assert "pieter-zwingelaere" not in {p.id for p in matching.proposed}


def test_the_same_case_gives_the_same_experts(menen):
    case, advice, matching = menen
    again = propose_experts(case, advice)
    assert [p.model_dump() for p in again.proposed] == [p.model_dump() for p in matching.proposed]
    assert [p.model_dump() for p in again.passed_over] == [p.model_dump() for p in matching.passed_over]


def test_the_order_of_the_directory_does_not_matter(menen):
    case, advice, matching = menen
    shuffled = dict(BASE)
    experts = list(BASE["experts"])
    random.Random(7).shuffle(experts)
    shuffled["experts"] = experts
    again = propose_experts(case, advice, pool=parse_pool(shuffled, "shuffled"))
    assert [(p.id, p.score) for p in again.proposed] == [(p.id, p.score) for p in matching.proposed]


# --- scoring on small synthetic pools ----------------------------------------------------------

SYNTH_ORG = {"id": "org-a", "name": "Org A (fictief)", "type": "social_enterprise", "fictional": True,
             "role": {"nl": "x", "en": "x"}, "last_checked": "2026-11-27"}


def _expert(expert_id: str, **fields) -> dict:
    name = "Expert " + expert_id.translate(str.maketrans("0123456789-", "abcdefghij "))  # names hold no digits
    base = {"id": expert_id, "name": name, "organisation": "org-a",
            "role": {"nl": "adviseur", "en": "adviser"}, "home_municipality": "Kortrijk", "area": "local",
            "instruments": ["dienstencheques"], "domains": ["management"], "languages": ["nl"],
            "hours_per_month": 10, "hours_committed": 5, "first_year": 2010}
    base.update(fields)
    return base


def _pool(experts: list[dict], orgs: list[dict] | None = None):
    return parse_pool({"support_domains": BASE["support_domains"],
                       "organisations": [SYNTH_ORG, *(orgs or [])], "experts": experts}, "synthetic")


def _dc_case(municipality: str | None = "Menen", **org):
    organisation = {"legal_form": "nonprofit", **org}
    if municipality:
        organisation["municipality"] = municipality
    return Case.model_validate({"as_of": "2026-03-01", "organisation": organisation})


def _dc_advice(fit: str = "strong", lang: str = "en") -> Advice:
    return Advice(as_of=date(2026, 3, 1), knowledge_version="x", lang=lang, recommendations=[
        Recommendation(instrument="dienstencheques", name="Service vouchers", fit=fit, reasons=[])])


def test_proximity_same_municipality_then_served_then_region_then_elsewhere():
    p = _pool([_expert("e-elsewhere", home_municipality="Gent"),
               _expert("e-region", home_municipality="Kortrijk", area="region"),
               _expert("e-same-region", home_municipality="Zwevegem"),
               _expert("e-served", home_municipality="Wevelgem", serves=["Menen"]),
               _expert("e-home", home_municipality="Menen")])
    matching = propose_experts(_dc_case(), _dc_advice(), pool=p, limit=5)
    order = [s.expert.id for s in matching.ranked]
    assert order == ["e-home", "e-served", "e-region", "e-same-region", "e-elsewhere"]
    reasons = {x.id: x.reasons for x in matching.proposed}
    assert "based in Menen" in reasons["e-home"] and "works in Menen" in reasons["e-served"]


def test_near_full_capacity_ranks_lower_and_full_is_never_proposed():
    p = _pool([_expert("e-full", hours_committed=10), _expert("e-near-full", hours_committed=9),
               _expert("e-free", hours_committed=2)],
              )
    matching = propose_experts(_dc_case(), _dc_advice(), pool=p)
    assert [x.id for x in matching.proposed] == ["e-free", "e-near-full"]
    assert any("nearly fully booked" in r for r in matching.proposed[1].reasons)
    assert matching.passed_over[0].id == "e-full"


def test_only_full_experts_means_no_proposal():
    p = _pool([_expert("e-full", hours_committed=10, home_municipality="Menen")])
    matching = propose_experts(_dc_case(), _dc_advice(), pool=p)
    assert matching.proposed == []
    assert matching.passed_over[0].reasons[0] == "no free hours this month (10 of 10 hours committed)"


def test_inactive_and_irrelevant_experts_are_explained():
    p = _pool([_expert("e-old", last_year=2012), _expert("e-other", instruments=["pwa"], first_year=2010,
                                                         last_year=2017, domains=["financing"]),
               _expert("e-wijk", instruments=["wijk-werken"], first_year=2018, domains=["financing"])])
    matching = propose_experts(_dc_case(), _dc_advice(), pool=p)
    why = {x.id: x.reasons[0] for x in matching.passed_over}
    assert why["e-old"] == "not active on 2026-03-01 (active 2010-2012)"
    assert why["e-wijk"].startswith("knows none of the recommended instruments")


def test_a_conflict_elsewhere_does_not_exclude():
    conflict = [{"municipality": "Kortrijk", "reason": {"nl": "concurrent", "en": "competitor"}}]
    p = _pool([_expert("e-a", conflicts=conflict, home_municipality="Menen")])
    assert [x.id for x in propose_experts(_dc_case(), _dc_advice(), pool=p).proposed] == ["e-a"]
    assert propose_experts(_dc_case("Kortrijk"), _dc_advice(), pool=p).proposed == []


def test_a_former_municipality_counts_as_the_current_one():
    conflict = [{"municipality": "Menen", "reason": {"nl": "concurrent", "en": "competitor"}}]
    p = _pool([_expert("e-a", conflicts=conflict), _expert("e-b", home_municipality="Menen")])
    matching = propose_experts(_dc_case("Lauwe"), _dc_advice(), pool=p)  # Lauwe is part of Menen
    assert [x.id for x in matching.proposed] == ["e-b"]
    assert "based in Menen" in matching.proposed[0].reasons


def test_unknown_municipality_keeps_conflicted_experts_but_says_so():
    conflict = [{"municipality": "Menen", "reason": {"nl": "concurrent", "en": "competitor"}}]
    p = _pool([_expert("e-a", conflicts=conflict)])
    matching = propose_experts(_dc_case(None), _dc_advice(), pool=p)
    assert any("conflict of interest in Menen" in r for r in matching.proposed[0].reasons)


def test_fair_spread_over_organisations():
    org_b = {**SYNTH_ORG, "id": "org-b", "name": "Org B (fictief)"}
    strong = [_expert(f"a-{n}", home_municipality="Menen") for n in range(3)]
    weaker = _expert("b-1", organisation="org-b", home_municipality="Gent")
    matching = propose_experts(_dc_case(), _dc_advice(), pool=_pool([*strong, weaker], [org_b]))
    assert [x.id for x in matching.proposed] == ["a-0", "a-1", "b-1"]
    spread = {x.id: x.reasons[0] for x in matching.passed_over}
    assert "already proposed" in spread["a-2"]
    # no alternative: all three from the same organisation
    alone = propose_experts(_dc_case(), _dc_advice(), pool=_pool(strong))
    assert [x.id for x in alone.proposed] == ["a-0", "a-1", "a-2"]


def test_strong_recommendations_count_more_than_possible_ones():
    p = _pool([_expert("e-dc", instruments=["dienstencheques"]), _expert("e-a60", instruments=["artikel-60"])])
    advice = Advice(as_of=date(2026, 3, 1), knowledge_version="x", lang="en", recommendations=[
        Recommendation(instrument="artikel-60", name="Art. 60", fit="possible", reasons=[]),
        Recommendation(instrument="dienstencheques", name="DC", fit="strong", reasons=[])])
    assert propose_experts(_dc_case(), advice, pool=p).proposed[0].id == "e-dc"


experts_strategy = st.lists(
    st.fixed_dictionaries({
        "home": st.sampled_from(["Menen", "Kortrijk", "Wevelgem", "Gent", "Roeselare"]),
        "area": st.sampled_from(["local", "region", "flanders"]),
        "hours": st.integers(1, 20), "committed": st.integers(0, 20),
        "instruments": st.lists(st.sampled_from(["dienstencheques", "artikel-60", "wijk-werken"]),
                                min_size=1, max_size=3, unique=True),
        "domains": st.lists(st.sampled_from(["management", "coaching", "financing"]),
                            min_size=1, max_size=3, unique=True),
        "org": st.sampled_from(["org-a", "org-b"]),
    }), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(experts_strategy, st.sampled_from(["Menen", "Kortrijk", "Oostende"]))
def test_an_expert_without_free_hours_is_never_proposed(generated, municipality):
    org_b = {**SYNTH_ORG, "id": "org-b", "name": "Org B (fictief)"}
    p = _pool([_expert(f"g-{n:02d}", home_municipality=g["home"], area=g["area"], hours_per_month=g["hours"],
                       hours_committed=min(g["committed"], g["hours"]), instruments=g["instruments"],
                       domains=g["domains"], organisation=g["org"]) for n, g in enumerate(generated)], [org_b])
    case = _dc_case(municipality, has_business_plan=False)
    matching = propose_experts(case, _dc_advice(), pool=p)
    free = {e.id: e.free_hours for e in p.experts}
    assert all(free[x.id] > 0 for x in matching.proposed)
    assert len(matching.proposed) <= MAX_PROPOSED
    scores = [s.score for s in matching.ranked]
    assert scores == sorted(scores, reverse=True)
    assert {x.id for x in matching.proposed} | {x.id for x in matching.passed_over} == set(free)


# --- the command line ----------------------------------------------------------------------------


def test_cli_experts_search(run):
    code, out, _ = run("experts", "--instrument", "dienstencheques", "--municipality", "menen",
                       "--as-of", "2026-03-01", "--format", "json")
    found = json.loads(out)["experts"]
    assert code == 0 and found
    assert all("dienstencheques" in e["instruments"] for e in found)
    assert found[0]["reach"] == "home" and found[0]["home_municipality"] == "Menen"
    assert all(e["first_year"] <= 2026 for e in found)
    code, out, _ = run("experts", "--domain", "financing", "--as-of", "2005-06-01", "--lang", "en")
    assert code == 0 and "Trividend" in out and "StartSOON" not in out and "fictional" in out


def test_cli_experts_lists_the_organisations_by_era(run):
    _, out2005, _ = run("experts", "--organisations", "--as-of", "2005-06-01", "--format", "json")
    _, out2026, _ = run("experts", "--organisations", "--as-of", "2026-03-01", "--format", "json")
    ids2005 = {o["id"] for o in json.loads(out2005)["organisations"]}
    ids2026 = {o["id"] for o in json.loads(out2026)["organisations"]}
    assert {"kanaal-127", "welzijnsconsortium-zwvl", "trividend"} <= ids2005 and "w13" not in ids2005
    assert {"w13", "startsoon", "herwin", "trividend"} <= ids2026 and "kanaal-127" not in ids2026


@pytest.mark.parametrize("option, value, expected", [
    ("--instrument", "dienstencheque", "dienstencheques"),
    ("--municipality", "Kortrik", "Kortrijk"),
    ("--domain", "finance", "marketing_promotion"),
])
def test_cli_experts_bad_option_names_the_option_and_the_allowed_values(run, option, value, expected):
    code, _, err = run("experts", option, value)
    assert code == 2 and option in err and expected in err and "Traceback" not in err


def test_cli_advise_proposes_experts_and_explains_the_others(run):
    code, out, _ = run("advise", str(MENEN), "--lang", "en", "--format", "json", "--explain")
    data = json.loads(out)
    assert code == 0 and len(data["experts"]) == MAX_PROPOSED
    assert "ruben-lijnzaad" not in {e["id"] for e in data["experts"]}
    passed = {e["id"]: e for e in data["experts_passed_over"]}
    assert passed["ruben-lijnzaad"]["reasons"][0].startswith("conflict of interest in Menen")
    code, out, _ = run("advise", str(MENEN), "--explain")
    assert code == 0 and "Experten uit de kennispool" in out and "Niet voorgestelde experten" in out


def test_language_counts_the_advice_language_and_dutch():
    p = _pool([_expert("e-nl", languages=["nl"]), _expert("e-nl-en", languages=["nl", "en"])])
    english = propose_experts(_dc_case(), _dc_advice(lang="en"), pool=p)
    assert [x.id for x in english.proposed] == ["e-nl-en", "e-nl"]
    assert "speaks Dutch and English" in english.proposed[0].reasons
    dutch = propose_experts(_dc_case(), _dc_advice(lang="nl"), pool=p)
    assert dutch.proposed[0].score == dutch.proposed[1].score  # both speak Dutch: a tie, broken on id
    assert [x.id for x in dutch.proposed] == ["e-nl", "e-nl-en"]
