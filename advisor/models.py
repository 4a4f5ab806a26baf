"""Pydantic models at the boundary: the case a starter describes, the advice we give,
and the scenario (a case plus claims about its advice).

The field names are public API (``shared/contract/case-format.md``): never rename them.
Unknown means absent: every answer is optional and ``None`` means "not known", never
``False`` or ``0``. Models are strict: an unknown key, a wrong type or a value outside
its list is an error (see ``advisor.errors`` for how it is reported).
"""
from __future__ import annotations

from contextvars import ContextVar
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from advisor.i18n import Msg
from advisor.knowledge import catalogue, fold
from advisor.vocabulary import (
    Activity, Competition, Customer, Disability, Education, Fit, Fte, Income, IsoDate, Lang, LegalForm,
    Readiness, Role, SupportNeed,
)

class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


#: the date a case is validated for (its ``as_of``, else today): a place is resolved to the
#: municipality in force on it (set by ``Case`` while its fields are validated)
_CASE_DATE: ContextVar[date | None] = ContextVar("case_date", default=None)


class Organisation(Strict):
    legal_form: LegalForm | None = None
    municipality: str | None = None
    # optional, beyond the contract: the place as typed (a postcode, a deelgemeente, a
    # French name...) when it differs from the municipality it resolved to
    municipality_as_typed: Annotated[str, Field(max_length=200)] | None = None
    role: Role | None = None
    staff_fte: Fte | None = None
    has_public_commissioner: bool | None = None
    can_lodge_deposit: bool | None = None
    has_business_plan: bool | None = None
    # optional, beyond the contract: the starter's first social-economy initiative
    # (then the knowledge pool offers coaching)
    first_initiative: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _keep_typed(cls, data):
        if isinstance(data, dict) and isinstance(data.get("municipality"), str) \
                and data.get("municipality_as_typed") is None:
            data = {**data, "municipality_as_typed": " ".join(data["municipality"].split())}
        return data

    @field_validator("municipality", mode="before")
    @classmethod
    def _postcode_as_text(cls, value):
        """``municipality: 8500`` is read by YAML as a number: a postcode is a place as typed."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999 else value

    @field_validator("municipality")
    @classmethod
    def _known_municipality(cls, value):
        """The municipality in force on the case's date that the place typed names (official
        name, French/German name, postcode, deelgemeente); a place outside Flanders, an
        ambiguous and an unknown one are refused with what is allowed."""
        if value is None:
            return value
        return catalogue().municipalities.resolve(value, _CASE_DATE.get() or date.today())

    @model_validator(mode="after")
    def _typed_only_when_different(self):
        typed = self.municipality_as_typed
        if typed is not None and (self.municipality is None or fold(typed) == fold(self.municipality)):
            # frozen model: the one field set while it is being validated
            object.__setattr__(self, "municipality_as_typed", None)
            self.__pydantic_fields_set__.discard("municipality_as_typed")
        return self


# Limits no real case reaches (README, "The case format"): a larger value is refused with
# the field named, so no input can make an advice take minutes.
MAX_GROUPS = 50
MAX_OVERRIDES = 50
MAX_TEXT = 2000


class Service(Strict):
    description: Annotated[str, Field(max_length=MAX_TEXT)] | None = None
    activities: Annotated[list[Activity], Field(max_length=40)] | None = None
    customers: Annotated[list[Customer], Field(max_length=20)] | None = None
    competes_with_regular_market: Competition | None = None
    planned_start: IsoDate | None = None
    # optional, beyond the contract: what the activity ``other`` is, in the starter's words. The
    # rules cannot read it (it is for the advisor and the experts); they ask for it while
    # ``other`` is chosen without it, and ignore it when ``other`` is not chosen.
    other_activity: Annotated[str, Field(min_length=1, max_length=MAX_TEXT)] | None = None


class WorkerGroup(Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]{1,40}$")]
    fte: Fte | None = None
    work_disability: Disability | None = None
    psychosocial_problems: bool | None = None
    paid_work_readiness: Readiness | None = None
    income: Income | None = None
    months_without_work: Annotated[int, Field(ge=0, le=720)] | None = None
    age: Annotated[int, Field(ge=15, le=80)] | None = None
    education: Education | None = None
    registered_jobseeker: bool | None = None
    support_need: SupportNeed | None = None


class Override(Strict):
    """An advisor's decision against (or beyond) the rules, kept with the case with its reason."""
    instrument: str
    decision: Literal["recommend", "reject"]
    justification: Annotated[str, Field(min_length=10, max_length=MAX_TEXT)]
    by: Annotated[str, Field(max_length=200)] | None = None
    on: IsoDate | None = None

    @field_validator("instrument")
    @classmethod
    def _known_instrument(cls, value):
        allowed = list(catalogue().instruments)
        if value not in allowed:
            raise ValueError(Msg("unknown_instrument", value=repr(value), allowed=", ".join(allowed)))
        return value


class Case(Strict):
    as_of: IsoDate | None = None
    organisation: Organisation = Organisation()
    service: Service = Service()
    worker_groups: Annotated[list[WorkerGroup], Field(max_length=MAX_GROUPS)] | None = None
    # optional, beyond the contract: advisors' overrides (written by the interview)
    overrides: Annotated[list[Override], Field(max_length=MAX_OVERRIDES)] | None = None

    @model_validator(mode="wrap")
    @classmethod
    def _on_its_date(cls, data, handler):
        """Validate the organisation's place on the case's date (``as_of``, else today)."""
        day = None
        if isinstance(data, dict):
            raw = data.get("as_of")
            try:
                day = raw if isinstance(raw, date) else date.fromisoformat(raw) if isinstance(raw, str) else None
            except ValueError:
                day = None     # the as_of field reports it
        token = _CASE_DATE.set(day)
        try:
            return handler(data)
        finally:
            _CASE_DATE.reset(token)

    @model_validator(mode="after")
    def _unique_group_ids(self):
        ids = [g.id for g in self.worker_groups or []]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(Msg("repeated_group_ids", ids=", ".join(doubles)))
        return self


# --- the advice -------------------------------------------------------------------


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Basis(Out):
    """A fact derived by another rule that a reason rests on ("based on", never a reason)."""
    rule: str
    text: str
    sources: list[str] = []


class Reason(Out):
    rule: str
    text: str
    sources: list[str] = []
    group: str | None = Field(default=None, description="the worker group it concerns; null: the organisation")
    based_on: list[Basis] = []


class GroupFit(Out):
    """How well a recommendation fits one worker group: from that group's caveats and missing
    answers and the organisation's."""
    group: str
    fit: Fit
    caveats: list[str] = Field(default=[], description="rule ids of the caveats that weaken it")
    missing: list[str] = Field(default=[], description="field paths of the missing answers that weaken it")


class Recommendation(Out):
    instrument: str
    name: str
    fit: Fit = Field(description="strong when it is a strong fit for at least one group it serves "
                                 "(or for the organisation); per group: group_fits")
    worker_groups: list[str] = []
    reasons: list[Reason] = Field(description="the rules that decided it, the deciding one first")
    caveats: list[Reason] = []
    group_fits: list[GroupFit] = []
    available_from: date | None = Field(default=None, description="opens only by the planned start")


class Rejection(Out):
    instrument: str
    name: str
    worker_groups: list[str] = Field(default=[], description="the groups it is rejected for; empty: all")
    reasons: list[Reason] = Field(description="the blocking rules, the deciding one first")


class NeedInfo(Out):
    field: str
    affects: list[str]
    rules: list[str] = []


class NextStep(Out):
    id: str
    instrument: str
    text: str
    who: str = Field(default="", description="who does it (the starter, the OCMW, VDAB...)")
    contact: str = Field(default="", description="the authority or regional actor to contact, in that era")
    needs: list[str] = Field(default=[], description="what the step needs: documents, deposit, plan...")
    uncertain: bool = Field(default=False, description="rests on an unverified or announced fact")


class ExpertProposal(Out):
    id: str
    name: str = ""
    organisation: str = ""
    municipality: str = ""
    score: float = 0.0
    reasons: list[str] = []


class Warning(Out):
    code: str
    text: str
    instrument: str | None = None
    rule: str | None = None


class Advice(Out):
    as_of: date
    lang: Lang = "nl"
    knowledge_version: str
    municipality: str | None = Field(default=None, description="the case's municipality, resolved on the "
                                     "advice's date (a postcode, deelgemeente or French name gives the "
                                     "municipality in force then)")
    recommendations: list[Recommendation] = []
    rejected: list[Rejection] = []
    needs_info: list[NeedInfo] = []
    next_steps: list[NextStep] = []
    experts: list[ExpertProposal] = []
    warnings: list[Warning] = []
    fired: list[str] = Field(default=[], description="every rule id that fired, sorted")

    def recommended_ids(self) -> list[str]:
        return [r.instrument for r in self.recommendations]

    def rejected_ids(self) -> list[str]:
        return [r.instrument for r in self.rejected]


# --- scenarios ----------------------------------------------------------------------


class Expect(Strict):
    top: str | None = None
    recommended: list[str] | None = None
    not_recommended: list[str] | None = None
    rejected: list[str] | None = None
    fired: list[str] | None = None
    not_fired: list[str] | None = None
    needs_info: list[str] | None = None
    next_steps: list[str] | None = None
    warnings: list[str] | None = None
    experts_min: Annotated[int, Field(ge=0)] | None = None


class Scenario(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    description: str
    tags: list[Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int | float) else v)]] = []
    case: Case
    expect: Expect
