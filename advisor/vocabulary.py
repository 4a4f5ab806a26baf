"""The words of the public case format: the allowed values of each answer, and how dates
and sizes are read. Both the case model and the catalogue use them, so they live below both.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from advisor.i18n import Msg

LegalForm = Literal["municipality", "ocmw", "intermunicipal", "nonprofit",
                    "social_purpose_company", "cooperative", "company", "none_yet"]
Role = Literal["employer", "user", "host", "commissioner"]
Activity = Literal[
    "home_cleaning", "ironing", "laundry", "meals_at_home", "daily_shopping",
    "transport_reduced_mobility", "small_repairs", "small_garden_work", "childcare",
    "out_of_school_care", "supervision", "administrative_help", "event_logistics",
    "green_maintenance", "litter_cleanup", "building_renovation", "reuse_repair", "bike_point",
    "social_restaurant", "catering", "home_care_support", "odd_job_service",
    "production_subcontracting", "energy_saving", "agriculture_seasonal", "day_activities",
    # beyond the contract's first list (issue 12): local practice, and "something else", whose
    # free-text description is ``service.other_activity``
    "social_grocery", "meal_distribution", "other",
]
Customer = Literal["households", "local_government", "schools", "nonprofits", "companies",
                   "agriculture", "general_public"]
Competition = Literal["none", "partly", "fully"]
Disability = Literal["recognised", "suspected", "none"]
Readiness = Literal["ready", "ready_with_support", "not_yet"]
Income = Literal["leefloon", "unemployment_benefit", "disability_benefit", "none"]
Education = Literal["low", "medium", "high"]
SupportNeed = Literal["temporary", "permanent"]
Fit = Literal["strong", "possible"]
Lang = Literal["nl", "en"]


def _iso_date(value):
    """Dates come from YAML as ``date`` and from JSON or prompts as ISO strings."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(Msg("need_date")) from None
    if isinstance(value, date):
        return value
    raise ValueError(Msg("need_date"))


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Fte = Annotated[float, Field(ge=0, le=10000)]


#: Words people use for an allowed value besides its Dutch and English labels (the labels
#: themselves come from the questionnaire's choices, rules/catalogue/questions.yaml).
SYNONYMS: dict[str, tuple[str, ...]] = {
    # legal forms
    "nonprofit": ("vzw", "asbl", "vereniging", "non-profit", "npo", "association", "charity"),
    "municipality": ("gemeente", "stad", "stadsbestuur", "lokaal bestuur", "city", "town", "council"),
    "ocmw": ("cpas", "sociaal huis", "welfare centre", "welfare center"),
    "intermunicipal": ("intercommunale", "igs", "intergemeentelijk samenwerkingsverband"),
    "social_purpose_company": ("vso", "sociale onderneming", "social enterprise"),
    "cooperative": ("cv", "coop", "cooperatie", "cooperatieve", "cooperatieve vennootschap"),
    "company": ("bv", "nv", "bvba", "firma", "onderneming", "vennootschap", "business", "firm", "ltd"),
    "none_yet": ("geen", "nog niet", "not yet", "none"),
    # activities
    "ironing": ("strijken", "strijkatelier", "strijkdienst", "strijkwinkel"),
    "home_cleaning": ("poetsen", "poetsdienst", "schoonmaak", "schoonmaken", "huishoudhulp", "cleaning"),
    "laundry": ("was", "wassen", "wasserij", "wassalon"),
    "meals_at_home": ("maaltijden", "koken", "cooking", "meals"),
    "daily_shopping": ("boodschappen", "boodschappendienst", "shopping"),
    "transport_reduced_mobility": ("minder mobielen centrale", "vervoer", "transport"),
    "small_garden_work": ("tuinwerk", "tuinonderhoud", "tuinieren", "gardening"),
    "green_maintenance": ("groenonderhoud", "groendienst", "groen", "parks"),
    "litter_cleanup": ("zwerfvuil", "zwerfafval", "litter"),
    "childcare": ("kinderopvang", "creche", "kinderdagverblijf", "onthaalouder"),
    "out_of_school_care": ("bko", "naschoolse opvang", "after-school care"),
    "bike_point": ("fietspunt", "fietsherstel", "fietsatelier", "fietsenstalling", "bike repair"),
    "social_restaurant": ("sociaal restaurant", "buurtrestaurant", "restaurant"),
    "reuse_repair": ("kringloop", "kringwinkel", "repair cafe", "hergebruik", "reuse"),
    "building_renovation": ("renovatie", "bouw", "construction", "renovation"),
    "odd_job_service": ("klusjes", "klusjesdienst", "klussen", "handyman", "odd jobs"),
    "energy_saving": ("energiescan", "energiescans", "energie", "energy"),
    "agriculture_seasonal": ("seizoensarbeid", "pluk", "oogst", "harvest"),
    # customers
    "households": ("gezinnen", "particulieren", "huishoudens", "families", "private persons"),
    "local_government": ("lokale overheid", "gemeentebestuur", "local authority"),
    "schools": ("scholen", "school"),
    "companies": ("bedrijven", "ondernemingen", "firms", "businesses"),
    "nonprofits": ("vzws", "verenigingen", "associations"),
    "general_public": ("iedereen", "publiek", "public", "everyone"),
    # answers
    "partly": ("deels", "gedeeltelijk", "een beetje", "soms"),
    "fully": ("volledig", "helemaal"),
    "none": ("geen", "nee", "no", "niet"),
    "unemployment_benefit": ("werkloosheidsuitkering", "werkloos", "rva", "onem", "dop"),
    "disability_benefit": ("invaliditeitsuitkering", "ziekte-uitkering", "riziv", "invaliditeit"),
    "recognised": ("erkend", "recognized"),
    "suspected": ("vermoed", "vermoedelijk"),
}


def _fold(text: str) -> str:
    """Case, accents, spaces and punctuation do not count when a typed value is matched."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.casefold() if ch.isalnum())


def suggest(allowed: list[str], typed, labels: dict[str, set[str]] | None = None) -> str | None:
    """The allowed value a person most likely meant by ``typed`` ("vzw" -> ``nonprofit``,
    "strijken" -> ``ironing``), matched against each value, its Dutch and English ``labels``
    ({value: labels}, the questionnaire's choices) and common synonyms (SYNONYMS): an exact
    match, else the only name that starts with it, else the closest spelling; None when
    nothing is close."""
    import difflib

    key = _fold(typed) if isinstance(typed, str) else ""
    if not key or not allowed:
        return None
    labels = labels or {}
    names: dict[str, str] = {}
    for value in allowed:
        for name in (value, *labels.get(value, ()), *SYNONYMS.get(value, ())):
            names.setdefault(_fold(name), value)  # the first value claiming a name keeps it
    names.pop("", None)
    if key in names:
        return names[key]
    starting = {v for n, v in names.items() if n.startswith(key)} if len(key) >= 3 else set()
    if len(starting) == 1:
        return starting.pop()
    close = difflib.get_close_matches(key, sorted(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None
