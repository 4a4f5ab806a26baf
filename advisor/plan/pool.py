"""The knowledge pool: the experts a starter can be put in touch with, the regional support
organisations they work for, and the five support domains (rules/catalogue/experts.yaml).

The file is validated strictly and cross-checked in one pass (organisation ids, catalogue
instrument ids, municipalities, windows, hours, e-mail domains); every problem is reported
with the file and the field. The experts are fictional; the support organisations are the
public bodies and organisations of the domain brief, named with their public role only.
"""
from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator

from advisor.errors import InputError, load_yaml, validate
from advisor.knowledge import CATALOGUE_DIR, Catalogue, Entry, Text, cached, catalogue
from advisor.vocabulary import IsoDate

POOL_FILE = CATALOGUE_DIR / "experts.yaml"

Domain = Literal["management", "financing", "coaching", "marketing_promotion", "service_quality"]
DOMAINS: tuple[str, ...] = typing.get_args(Domain)
Language = Literal["nl", "fr", "en", "de"]
OrgType = Literal["regional_welfare", "public_service", "local_government", "ocmw", "financier",
                  "start_support", "advisory_bureau", "federation", "regional_consultation",
                  "social_enterprise"]
#: where an expert works: only the municipalities listed under ``serves`` (and home), the whole
#: home region (W13), or all of Flanders
Area = Literal["local", "region", "flanders"]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Year = Annotated[int, Field(ge=1990, le=2030)]
Hours = Annotated[int, Field(ge=0, le=160)]

#: e-mail addresses may only use domains reserved for examples (RFC 2606): the people are fictional
RESERVED_MAIL = ("example.org", "example.com", "example.net")
_EMAIL = re.compile(r"^[a-z0-9._-]+@([a-z0-9.-]+)$")


def reserved_mail_domain(domain: str) -> bool:
    return domain in RESERVED_MAIL or domain.endswith(".invalid")


class SupportDomain(Entry):
    id: Domain
    name: Text
    summary: Text
    implied_by: list[str] = Field(default=[], description="recommended instruments that need this domain")
    sources: list[str]


class SupportOrganisation(Entry):
    id: Slug
    name: Annotated[str, Field(min_length=2)]
    type: OrgType
    role: Text
    fictional: bool = False
    municipality: str | None = Field(default=None, description="seat, only when the brief gives it")
    known_from: Year | None = Field(default=None, description="first year the brief attests; null: before 2005")
    known_until: Year | None = Field(default=None, description="last year the brief attests; null: still in 2026")
    sources: list[str] = []
    uncertain: list[Text] = []
    last_checked: IsoDate


class Conflict(Entry):
    municipality: str
    reason: Text


class Expert(Entry):
    id: Slug
    name: Annotated[str, Field(min_length=3, pattern=r"^[^\d@]+$")]
    organisation: str
    role: Text
    home_municipality: str
    area: Area
    serves: list[str] = []
    instruments: Annotated[list[str], Field(min_length=1)]
    domains: Annotated[list[Domain], Field(min_length=1)]
    languages: Annotated[list[Language], Field(min_length=1)]
    hours_per_month: Annotated[int, Field(ge=1, le=160)]
    hours_committed: Hours
    first_year: Year
    last_year: Year | None = None
    conflicts: list[Conflict] = []
    email: str | None = None

    @field_validator("email")
    @classmethod
    def _reserved_domain(cls, value):
        if value is None:
            return value
        match = _EMAIL.match(value)
        if not match or not reserved_mail_domain(match.group(1)):
            raise ValueError(f"e-mail {value!r} must use a reserved example domain "
                             f"({', '.join(RESERVED_MAIL)} or *.invalid): the experts are fictional")
        return value

    @property
    def free_hours(self) -> int:
        return max(0, self.hours_per_month - self.hours_committed)

    def active_in(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def window(self) -> str:
        return f"{self.first_year}-{self.last_year if self.last_year is not None else ''}"


class PoolFile(Entry):
    support_domains: list
    organisations: list
    experts: list


@dataclass(frozen=True, eq=False)  # identity hash: the matching caches its index per pool
class Pool:
    experts: tuple[Expert, ...]
    organisations: dict[str, SupportOrganisation]
    domains: dict[str, SupportDomain]
    source: str

    def organisation(self, expert: Expert) -> SupportOrganisation:
        return self.organisations[expert.organisation]


def _overlaps(inst, first_year: int, last_year: int | None) -> bool:
    """Was the instrument open to new starters in some year of [first_year, last_year]?"""
    start = date(first_year, 1, 1)
    end = date(last_year, 12, 31) if last_year is not None else date.max
    return ((inst.open_from is None or inst.open_from <= end)
            and (inst.open_until is None or inst.open_until > start))


def _entries(model, raw: list, key: str, source: Path, problems: list[str]) -> list:
    items = []
    for n, item in enumerate(raw):
        try:
            items.append(validate(model, item, source, prefix=f"{key}[{n}]"))
        except InputError as exc:
            problems.extend(exc.problems)
            items.append(None)
    return items


def parse_pool(data, source: str | Path, cat: Catalogue | None = None) -> Pool:
    """Validate and cross-check pool data (the content of experts.yaml); one InputError lists
    every problem, each with its field path."""
    cat = cat or catalogue()
    top = validate(PoolFile, data, source)
    problems: list[str] = []
    for key in ("support_domains", "organisations", "experts"):
        if not isinstance(getattr(top, key), list):
            problems.append(f"`{key}` must be a list of entries")
    if problems:
        raise InputError(source, problems)
    domains = _entries(SupportDomain, top.support_domains, "support_domains", source, problems)
    orgs = _entries(SupportOrganisation, top.organisations, "organisations", source, problems)
    experts = _entries(Expert, top.experts, "experts", source, problems)

    munis = cat.municipalities
    broken_orgs = {raw.get("id") for raw, o in zip(top.organisations, orgs)
                   if o is None and isinstance(raw, dict)}
    allowed_instruments = list(cat.instruments)

    def municipality(value: str, where: str) -> str:
        try:
            name = munis.canonical(value)
        except ValueError as exc:
            problems.append(f"field `{where}`: {exc}")
            return value
        if name in munis.current:
            problems.append(f"field `{where}`: {name} is a former municipality; "
                            f"write its current name {munis.current[name]}")
        return name

    def known_sources(ids: list[str], where: str) -> None:
        for sid in ids:
            if sid not in cat.sources:
                problems.append(f"field `{where}`: unknown source {sid} (see rules/catalogue/sources.yaml)")

    def known_instruments(ids: list[str], where: str) -> None:
        for iid in ids:
            if iid not in cat.instruments:
                problems.append(f"field `{where}`: unknown instrument {iid!r}; "
                                f"allowed: {', '.join(allowed_instruments)}")

    by_domain: dict[str, SupportDomain] = {}
    for n, d in enumerate(domains):
        if d is None:
            continue
        if d.id in by_domain:
            problems.append(f"field `support_domains[{n}].id`: {d.id} appears twice")
        by_domain[d.id] = d
        known_instruments(d.implied_by, f"support_domains[{n}].implied_by")
        known_sources(d.sources, f"support_domains[{n}].sources")
    missing = [d for d in DOMAINS if d not in by_domain]
    if missing and None not in domains:
        problems.append(f"`support_domains`: missing {', '.join(missing)}; each of {', '.join(DOMAINS)} "
                        f"is defined once")

    by_org: dict[str, SupportOrganisation] = {}
    for n, o in enumerate(orgs):
        if o is None:
            continue
        where = f"organisations[{n}]"
        if o.id in by_org:
            problems.append(f"field `{where}.id`: {o.id} appears twice")
        if o.municipality:
            o = o.model_copy(update={"municipality": municipality(o.municipality, f"{where}.municipality")})
        if o.known_from and o.known_until and o.known_until < o.known_from:
            problems.append(f"field `{where}.known_until`: before known_from ({o.known_from})")
        if not o.fictional and not o.sources:
            problems.append(f"field `{where}.sources`: a real organisation needs at least one source id")
        if o.fictional and "(fictief)" not in o.name:
            problems.append(f"field `{where}.name`: a fictional organisation's name ends in '(fictief)'")
        known_sources(o.sources, f"{where}.sources")
        by_org[o.id] = o

    valid: list[Expert] = []
    seen: set[str] = set()
    for n, e in enumerate(experts):
        if e is None:
            continue
        where = f"experts[{n}]"
        before = len(problems)
        if e.id in seen:
            problems.append(f"field `{where}.id`: {e.id} appears twice")
        seen.add(e.id)
        home = municipality(e.home_municipality, f"{where}.home_municipality")
        serves = [municipality(m, f"{where}.serves.{i}") for i, m in enumerate(e.serves)]
        conflicts = [c.model_copy(update={"municipality": municipality(c.municipality, f"{where}.conflicts.{i}"
                                                                                      f".municipality")})
                     for i, c in enumerate(e.conflicts)]
        known_instruments(e.instruments, f"{where}.instruments")
        for i in e.instruments:
            inst = cat.instruments.get(i)
            if inst and not _overlaps(inst, e.first_year, e.last_year):
                problems.append(f"field `{where}.instruments`: {i} was never open to new starters while "
                                f"{e.id} was active ({e.window()})")
        if e.hours_committed > e.hours_per_month:
            problems.append(f"field `{where}.hours_committed`: {e.hours_committed} exceeds hours_per_month "
                            f"({e.hours_per_month})")
        if e.last_year is not None and e.last_year < e.first_year:
            problems.append(f"field `{where}.last_year`: before first_year ({e.first_year})")
        for name, values in (("instruments", e.instruments), ("domains", e.domains),
                             ("languages", e.languages), ("serves", serves)):
            doubles = sorted({v for v in values if values.count(v) > 1})
            if doubles:
                problems.append(f"field `{where}.{name}`: repeated {', '.join(doubles)}")
        org = by_org.get(e.organisation)
        if org is None and e.organisation in broken_orgs:
            pass  # the organisation's own problems are already reported
        elif org is None:
            problems.append(f"field `{where}.organisation`: unknown organisation {e.organisation!r}; "
                            f"allowed: {', '.join(by_org)}")
        else:
            # a fictional person must not make a real organisation older or longer-lived than
            # the brief says it is
            if org.known_from and e.first_year < org.known_from:
                problems.append(f"field `{where}.first_year`: {e.first_year} is before {org.id} is "
                                f"known to exist ({org.known_from})")
            if org.known_until and (e.last_year is None or e.last_year > org.known_until):
                problems.append(f"field `{where}.last_year`: {org.id} is only known until {org.known_until}")
        if len(problems) == before:
            valid.append(e.model_copy(update={"home_municipality": home, "serves": serves,
                                              "conflicts": conflicts}))
    if problems:
        raise InputError(source, problems)
    return Pool(experts=tuple(valid), organisations=by_org, domains=by_domain, source=str(source))


def load_pool(path: str | Path = POOL_FILE, cat: Catalogue | None = None) -> Pool:
    """Load and cross-check an experts file."""
    path = Path(path)
    return parse_pool(load_yaml(path), path, cat)


@cache
def pool() -> Pool:
    """The knowledge pool of this installation, loaded once per process."""
    return cached("pool", load_pool)
