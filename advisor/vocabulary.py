"""The words of the public case format: the allowed values of each answer, and how dates
and sizes are read. Both the case model and the catalogue use them, so they live below both.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from advisor.i18n import msg

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
            raise ValueError(msg("need_date")) from None
    if isinstance(value, date):
        return value
    raise ValueError(msg("need_date"))


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Fte = Annotated[float, Field(ge=0, le=10000)]
