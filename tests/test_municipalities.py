"""Municipalities as people name them (issue 12, part 3): official names, French and German
names, postcodes and deelgemeenten, resolved to the municipality in force on the case's date;
Brussels and Wallonia get the message that the advice covers Flanders."""
from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor.cli.main import cli
from advisor.errors import InputError, load_yaml, validate
from advisor.i18n import render
from advisor.interview.interview import case_data
from advisor.interview.questions import AnswerError, questionnaire
from advisor.knowledge import CATALOGUE_DIR, PlaceError, catalogue
from advisor.models import Case

D2026 = date(2026, 3, 1)


def resolve(text: str, on: date = D2026) -> str:
    return catalogue().municipalities.resolve(text, on)


def refused(text: str, on: date = D2026) -> PlaceError:
    with pytest.raises(PlaceError) as exc:
        resolve(text, on)
    return exc.value


def case(municipality: str, as_of: str | None = "2026-03-01") -> Case:
    data = {"organisation": {"municipality": municipality}}
    if as_of:
        data["as_of"] = as_of
    return validate(Case, data, "case.yaml")


# --- the forms people type -----------------------------------------------------------

@pytest.mark.parametrize("typed, expected", [
    ("8500", "Kortrijk"),
    ("Gullegem", "Wevelgem"),            # a deelgemeente
    ("Courtrai", "Kortrijk"),            # French
    ("Menin", "Menen"),
    ("Ypres", "Ieper"),
    ("Ypern", "Ieper"),                  # German
    ("Anvers", "Antwerpen"),
    ("Gand", "Gent"),
    ("Louvain", "Leuven"),
    ("Löwen", "Leuven"),
    ("Malines", "Mechelen"),
    ("Bruges", "Brugge"),
    ("Espierres", "Spiere-Helkijn"),     # French name of a deelgemeente (bpost's French list)
    ("8501", "Kortrijk"),                # Bissegem and Heule: one municipality
    ("8700 Aarsele", "Tielt"),           # postcode with its place
    ("Heule (8501)", "Kortrijk"),
    ("Kortrijk 8500", "Kortrijk"),
])
def test_names_postcodes_and_deelgemeenten(typed, expected):
    assert resolve(typed) == expected


@pytest.mark.parametrize("typed", ["courtrai", "COURTRAI", "  Courtrai ", "kortrijk", "KORTRIJK",
                                   "Leopoldsburg", "Bourg-Leopold", "bourg léopold", "Spiere Helkijn",
                                   "spierehelkijn", "Saint Trond", "SAINT-TROND"])
def test_matching_ignores_case_accents_hyphens_and_spaces(typed):
    assert resolve(typed) in {"Kortrijk", "Leopoldsburg", "Spiere-Helkijn", "Sint-Truiden"}


def test_accents_in_the_data_and_in_the_answer():
    assert resolve("Biévène") == resolve("Bievene") == "Bever"
    assert resolve("Rhode-Saint-Genèse") == resolve("rhode saint genese") == "Sint-Genesius-Rode"


# --- the date: mergers of 2019 and 2025 ---------------------------------------------------

def test_meulebeke_on_both_sides_of_2025():
    assert resolve("Meulebeke", date(2024, 12, 31)) == "Meulebeke"
    assert resolve("Meulebeke", date(2025, 1, 1)) == "Tielt"
    assert resolve("8760", date(2024, 12, 31)) == "Meulebeke"   # its postcode follows it
    assert resolve("8760", date(2025, 1, 1)) == "Tielt"


def test_a_2019_merger_pair():
    for part in ("Kruishoutem", "Zingem"):
        assert resolve(part, date(2018, 12, 31)) == part
        assert resolve(part, date(2019, 1, 1)) == "Kruisem"
    assert resolve("Huise", date(2020, 5, 1)) == "Kruisem"      # a deelgemeente of Zingem


def test_a_2025_merger_into_a_new_name():
    assert resolve("Beveren", date(2024, 6, 1)) == "Beveren"
    assert resolve("Beveren", date(2025, 1, 1)) == "Beveren-Kruibeke-Zwijndrecht"
    assert resolve("9120", date(2026, 1, 1)) == "Beveren-Kruibeke-Zwijndrecht"
    assert resolve("Bazel", date(2024, 6, 1)) == "Kruibeke"      # deelgemeente of Kruibeke


def test_a_new_name_before_its_merger_is_kept_and_its_parts_share_its_region():
    """Pajottegem before 2025 is Galmaarden, Gooik or Herne: the name is kept (the advice does
    not depend on which part, since all lie in the same region, as the catalogue checks)."""
    munis = catalogue().municipalities
    assert resolve("Pajottegem", date(2024, 6, 1)) == "Pajottegem"
    for into, (on, parts) in munis.created.items():
        assert {munis.region_of(p) for p in parts} == {munis.region_of(into)}, into


def test_a_case_resolves_on_its_date_and_keeps_what_was_typed():
    c = case("Meulebeke", "2024-12-31")
    assert (c.organisation.municipality, c.organisation.municipality_as_typed) == ("Meulebeke", None)
    c = case("Meulebeke", "2026-03-01")
    assert (c.organisation.municipality, c.organisation.municipality_as_typed) == ("Tielt", "Meulebeke")
    c = case("Gullegem")
    assert (c.organisation.municipality, c.organisation.municipality_as_typed) == ("Wevelgem", "Gullegem")
    c = case("8500")
    assert (c.organisation.municipality, c.organisation.municipality_as_typed) == ("Kortrijk", "8500")
    c = case("kortrijk")       # only the spelling differs: nothing more to keep
    assert (c.organisation.municipality, c.organisation.municipality_as_typed) == ("Kortrijk", None)


def test_a_case_without_a_date_resolves_on_today():
    c = case("Meulebeke", as_of=None)
    assert c.organisation.municipality == resolve("Meulebeke", date.today())


def test_a_resolved_case_reads_back_the_same():
    c = case("Gullegem")
    again = validate(Case, c.model_dump(mode="json", exclude_none=True), "again.yaml")
    assert again == c


def test_the_advice_names_the_resolved_municipality_and_uses_its_region(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"as_of": "2026-03-01", "organisation": {
        "legal_form": "nonprofit", "municipality": "Gullegem"},
        "service": {"activities": ["ironing"], "customers": ["households"]}}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["advise", str(path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    advice = json.loads(result.output)
    assert advice["municipality"] == "Wevelgem"
    assert catalogue().municipalities.region_of("Wevelgem") == "home"
    # the same case in Wevelgem gives the same advice, but for what it was typed as
    path.write_text(path.read_text(encoding="utf-8").replace("Gullegem", "Wevelgem"), encoding="utf-8")
    plain = json.loads(CliRunner().invoke(cli, ["advise", str(path), "--format", "json"]).output)
    assert plain == advice


def test_the_advice_date_resolves_again(tmp_path):
    """``--as-of`` moves the advice to another date: the municipality follows it."""
    path = tmp_path / "case.yaml"
    path.write_text("as_of: 2024-06-01\norganisation: {municipality: Meulebeke}\n", encoding="utf-8")
    old = json.loads(CliRunner().invoke(cli, ["advise", str(path), "--format", "json"]).output)
    new = json.loads(CliRunner().invoke(cli, ["advise", str(path), "--format", "json", "--as-of",
                                              "2026-03-01"]).output)
    assert (old["municipality"], new["municipality"]) == ("Meulebeke", "Tielt")


# --- outside Flanders, ambiguous, unknown --------------------------------------------

@pytest.mark.parametrize("typed, region", [
    ("Mouscron", "Wallonia"), ("Moeskroen", "Wallonia"), ("Namur", "Wallonia"), ("Namen", "Wallonia"),
    ("Dottignies", "Wallonia"), ("7700", "Wallonia"), ("Bruxelles", "Brussels"), ("Elsene", "Brussels"),
    ("1050", "Brussels"),
])
def test_brussels_and_wallonia_get_the_flanders_message(typed, region):
    exc = refused(typed)
    assert region in exc.text("en") and "covers Flanders only" in exc.text("en")
    assert "geldt alleen voor Vlaanderen" in exc.text("nl")
    assert ("Wallonië" if region == "Wallonia" else "Brussels Hoofdstedelijk Gewest") in exc.text("nl")


@pytest.mark.parametrize("typed", ["Mouscron", "Namur", "Schaerbeek", "7700"])
def test_outside_flanders_in_a_case_file_exits_2_with_the_message(tmp_path, run, typed):
    path = tmp_path / "case.yaml"
    path.write_text(f"organisation: {{municipality: '{typed}'}}\n", encoding="utf-8")
    code, out, err = run("advise", str(path))
    assert code == 2 and out == ""
    assert str(path) in err and "organisation.municipality" in err and "geldt alleen voor Vlaanderen" in err
    assert "Flanders only" not in err and "Traceback" not in err
    code, out, err = run("advise", str(path), "--lang", "en")
    assert code == 2 and "Flanders only" in err and "Vlaanderen" not in err


def test_an_ambiguous_name_lists_the_places_and_asks_for_the_postcode():
    exc = refused("Berchem")
    assert "2600 Antwerpen" in exc.text("en") and "9690 Kluisbergen" in exc.text("en")
    assert "postcode" in exc.text("nl")
    assert resolve("2600 Berchem") == "Antwerpen" and resolve("Berchem 9690") == "Kluisbergen"
    # a French name that is also a Walloon municipality
    exc = refused("Saint-Nicolas")
    assert "Sint-Niklaas" in exc.text("en") and "Wallonia" in exc.text("en")


def test_former_municipalities_bpost_no_longer_names_are_places_of_their_municipality():
    assert resolve("Beveren-Leie") == "Waregem"
    assert resolve("Heist") == "Knokke-Heist"


def test_an_official_name_wins_over_a_deelgemeente_of_the_same_name():
    assert resolve("Aalst") == "Aalst"          # also a deelgemeente of Sint-Truiden
    assert resolve("3800 Aalst") == "Sint-Truiden"


def test_no_flemish_postcode_covers_two_municipalities_in_the_bpost_list():
    data = load_yaml(CATALOGUE_DIR / "places.yaml")
    assert all(len(set(places.values())) == 1 for places in data["postcodes"].values())
    assert len(data["postcodes"]) > 500


def test_an_ambiguous_postcode_lists_the_candidates_and_takes_the_place_typed_after_it():
    """bpost's list has no such postcode (see above); the rule for one is checked on a copy
    of the catalogue where 8560 also covered a place of Kortrijk."""
    munis = catalogue().municipalities
    codes = {**munis.postcodes, "8560": {**munis.postcodes["8560"], "Heule": "Kortrijk"}}
    shared = dataclasses.replace(munis, postcodes=codes)
    with pytest.raises(PlaceError) as exc:
        shared.resolve("8560", D2026)
    assert "Gullegem (Wevelgem)" in exc.value.text("en") and "Heule (Kortrijk)" in exc.value.text("en")
    assert "meer dan één gemeente" in exc.value.text("nl")
    assert shared.resolve("8560 Gullegem", D2026) == "Wevelgem"
    assert shared.resolve("8560 Heule", D2026) == "Kortrijk"


def test_a_place_not_in_its_postcode_and_unknown_postcodes():
    assert "8500" in refused("8500 Gullegem").text("en")
    assert "not a Flemish postcode" in refused("8888").text("en")


def test_an_unknown_name_keeps_its_suggestion():
    exc = refused("Wevelgemm")
    assert "did you mean Wevelgem" in exc.text("en") and "bedoelt u Wevelgem" in exc.text("nl")
    assert "did you mean Gullegem" in refused("Gullegemm").text("en")
    with pytest.raises(InputError) as bad:
        case("Kortrik")
    problem = render(bad.value.problems[0], "en")
    assert "organisation.municipality" in problem and "did you mean Kortrijk" in problem
    assert "bedoelt u Kortrijk" in render(bad.value.problems[0], "nl")


# --- the interview and self-check prompt --------------------------------------------------

def test_the_prompt_accepts_the_forms_and_keeps_them_for_the_case():
    q = questionnaire().by_id["municipality"]
    assert q.parse("kortrijk", "nl") == "Kortrijk"
    assert q.parse("Gullegem", "nl") == "Gullegem"
    assert q.parse("8500", "en") == "8500"
    with pytest.raises(AnswerError) as exc:
        q.parse("Namur", "nl")
    assert "geldt alleen voor Vlaanderen" in str(exc.value) and "Flanders only" not in str(exc.value)
    with pytest.raises(AnswerError) as exc:
        q.parse("Namur", "en")
    assert "Flanders only" in str(exc.value)


def test_the_case_an_interview_writes_has_the_municipality_and_what_was_typed():
    data = case_data({"organisation.municipality": "Gullegem"}, date(2026, 3, 1))
    assert data["organisation"] == {"municipality": "Wevelgem", "municipality_as_typed": "Gullegem"}
    data = case_data({"organisation.municipality": "Meulebeke"}, date(2024, 12, 31))
    assert data["organisation"] == {"municipality": "Meulebeke"}
    assert validate(Case, case_data({"organisation.municipality": "8760"}, date(2025, 1, 1)),
                    "c").organisation.municipality == "Tielt"


def test_the_interview_asks_again_after_a_walloon_municipality(tmp_path):
    result = CliRunner().invoke(cli, [
        "interview", "--db", str(tmp_path / "s.db"), "--as-of", "2026-03-01", "--lang", "en",
        "--out", str(tmp_path / "case.yaml")],
        input="change organisation.municipality\nNamur\nGullegem\nquit\n", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "'Namur' is in Wallonia: this advice covers Flanders only" in result.output
    assert "Traceback" not in result.output
    # asked again at the same prompt; Gullegem is taken and the interview moves on
    after = result.output.split("covers Flanders only", 1)[1]
    assert "does not fit" not in after and "What is the organisation's legal form?" in after


def test_the_catalogue_data_is_sourced_and_dated():
    header = (CATALOGUE_DIR / "places.yaml").read_text(encoding="utf-8").split("\nmergers:")[0]
    for needed in ("bpost", "REFNIS", "commit", "Compiled:"):
        assert needed in header
    assert Path(CATALOGUE_DIR.parent.parent / "tools" / "build_places.py").is_file()
