"""Expert matching: which experts of the knowledge pool a starter should meet, and why.

An expert's score is a weighted sum of named components, each in [0, 1] (capacity can go
below 0 near full capacity):

- instruments: knows the recommended instruments; a strong fit counts more than a possible
  one, the first recommendation more than the others;
- domains: covers the support domains the case needs (derived from the case's answers and
  from the strongly recommended instruments; unknown answers derive nothing);
- proximity: based in the municipality > works there > works across the region > elsewhere;
- capacity: the share of hours still free in the advice's month, with a penalty near full
  capacity, so the load spreads instead of landing on the same two experts. Free is
  ``hours_per_month`` minus the file's ``hours_committed`` (a starting figure) minus the hours
  the caller says are booked in that month (``booked``: from the case store's bookings, which
  this wing does not import; without it, the file's figures alone, as before);
- language: speaks the advice's language and Dutch.

Hard exclusions, each reported in ``passed_over``: not active on the advice's date, a
conflict of interest in the initiative's municipality, no free hours at all (such an expert
is never proposed, so never first), nothing relevant to offer. At most ``MAX_PROPOSED`` are
proposed and at most ``MAX_PER_ORGANISATION`` of them from one organisation while others are
available. Ties break on the expert id: the same case always gives the same experts.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from advisor.i18n import t
from advisor.knowledge import Catalogue, catalogue
from advisor.models import Advice, Case, ExpertProposal
from advisor.plan.pool import Conflict, Expert, Pool, pool as default_pool

WEIGHTS = {"instruments": 40.0, "domains": 25.0, "proximity": 20.0, "capacity": 10.0, "language": 5.0}
FIT_WEIGHT = {"strong": 1.0, "possible": 0.5}
#: recommendations after the first count for this share of their fit weight
LATER_RECOMMENDATION = 0.7
#: share of the instruments component given by the best recommended instrument an expert
#: knows; the rest rewards knowing more of the recommended instruments
BEST_INSTRUMENT = 0.6
PROXIMITY = {"home": 1.0, "served": 0.8, "region": 0.6, "same_region": 0.4, "neighbouring": 0.3,
             "flanders": 0.2, "elsewhere": 0.0}
#: below this share of free hours an expert is "nearly fully booked" and loses up to a full
#: capacity weight, so a nearly full expert ranks below comparable experts with time
NEAR_FULL = 0.25
MAX_PROPOSED = 3
MAX_PER_ORGANISATION = 2


@dataclass(frozen=True)
class Scored:
    """One candidate's score and its named components (before weighting)."""
    expert: Expert
    score: float
    components: dict[str, float]


@dataclass
class Matching:
    proposed: list[ExpertProposal] = field(default_factory=list)
    #: domain -> why the case needs it (localised)
    needs: dict[str, list[str]] = field(default_factory=dict)
    #: every scored candidate with free hours, best first
    ranked: list[Scored] = field(default_factory=list)
    _explain: Callable[[], list[ExpertProposal]] | None = field(default=None, repr=False)

    @cached_property
    def passed_over(self) -> list[ExpertProposal]:
        """Every other expert of the pool, with why it was not proposed (built on demand:
        only `advise --explain` reads it)."""
        return self._explain() if self._explain else []


# --- the index (built once per pool) -----------------------------------------------------


@dataclass(frozen=True)
class _Row:
    expert: Expert
    instruments: frozenset[str]
    domains: frozenset[str]
    serves: frozenset[str]
    languages: frozenset[str]
    conflicts: dict[str, Conflict]
    home_region: str
    free: int


@dataclass(frozen=True)
class _Index:
    rows: tuple[_Row, ...]
    by_instrument: dict[str, tuple[int, ...]]
    by_domain: dict[str, tuple[int, ...]]
    by_id: dict[str, _Row]


_INDEXES: "weakref.WeakKeyDictionary[Pool, _Index]" = weakref.WeakKeyDictionary()


def _index(p: Pool, cat: Catalogue) -> _Index:
    found = _INDEXES.get(p)
    if found is None:
        rows = tuple(_Row(e, frozenset(e.instruments), frozenset(e.domains), frozenset(e.serves),
                          frozenset(e.languages), {c.municipality: c for c in e.conflicts},
                          cat.municipalities.region_of(e.home_municipality), e.free_hours)
                     for e in p.experts)
        by_instrument: dict[str, list[int]] = {}
        by_domain: dict[str, list[int]] = {}
        for n, row in enumerate(rows):
            for i in row.instruments:
                by_instrument.setdefault(i, []).append(n)
            for d in row.domains:
                by_domain.setdefault(d, []).append(n)
        found = _Index(rows, {k: tuple(v) for k, v in by_instrument.items()},
                       {k: tuple(v) for k, v in by_domain.items()}, {r.expert.id: r for r in rows})
        _INDEXES[p] = found
    return found


# --- what the case needs -----------------------------------------------------------------


def needed_domains(case: Case, advice: Advice, p: Pool, cat: Catalogue) -> dict[str, list[str]]:
    """The support domains the starter needs, each with why (only known answers count)."""
    lang = advice.lang
    org, service = case.organisation, case.service
    needs: dict[str, list[str]] = {}

    def need(domain: str, key: str, **params) -> None:
        needs.setdefault(domain, []).append(t(key, lang, **params))

    if org.has_business_plan is False:
        need("management", "need_no_business_plan")
    if org.legal_form == "none_yet":
        need("management", "need_no_entity")
    if org.can_lodge_deposit is False:
        need("financing", "need_no_deposit")
    if org.first_initiative is True:
        need("coaching", "need_first_initiative")
    if service.competes_with_regular_market in ("partly", "fully"):
        need("marketing_promotion", "need_competes")
    if org.has_public_commissioner is False:
        need("marketing_promotion", "need_no_commissioner")
    for domain in p.domains.values():
        for rec in advice.recommendations:
            if rec.fit == "strong" and rec.instrument in domain.implied_by:
                need(domain.id, "need_quality", instrument=_lower(cat.instruments[rec.instrument].name(lang)))
    return needs


# --- scoring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    lang: str
    municipality: str | None
    region: str | None
    weights: dict[str, float]  # recommended instrument -> weight
    top_weight: float
    total_weight: float
    needs: dict[str, list[str]]
    wanted_languages: frozenset[str]
    #: expert id -> hours booked in the advice's month, on top of the file's starting figure
    booked: Mapping[str, int] = field(default_factory=dict)

    def free(self, row: _Row) -> int:
        """The expert's free hours in the advice's month."""
        booked = self.booked.get(row.expert.id, 0) if self.booked else 0
        return max(0, row.free - booked) if booked else row.free


def _proximity(row: _Row, ctx: _Context) -> str | None:
    m = ctx.municipality
    if m is None:
        return None
    e = row.expert
    if e.home_municipality == m:
        return "home"
    if m in row.serves:
        return "served"
    if ctx.region == "home" and e.area == "region":
        return "region"
    if ctx.region == "home" and row.home_region == "home":
        return "same_region"
    if ctx.region == "neighbouring" and (e.area == "region" or row.home_region == "home"):
        return "neighbouring"
    if e.area == "flanders":
        return "flanders"
    return "elsewhere"


def _components(row: _Row, ctx: _Context) -> dict[str, float]:
    # in recommendation order, not set order: float sums must not depend on the hash seed
    known = [w for i, w in ctx.weights.items() if i in row.instruments]
    instruments = 0.0
    if known:  # the best instrument known decides most; knowing more of them adds breadth
        instruments = (BEST_INSTRUMENT * max(known) / ctx.top_weight
                       + (1 - BEST_INSTRUMENT) * sum(known) / ctx.total_weight)
    domains = len(row.domains.intersection(ctx.needs)) / len(ctx.needs) if ctx.needs else 0.0
    place = _proximity(row, ctx)
    total = row.expert.hours_per_month
    ratio = ctx.free(row) / total
    capacity = ratio - (NEAR_FULL - ratio) / NEAR_FULL if ratio < NEAR_FULL else ratio
    language = len(row.languages & ctx.wanted_languages) / len(ctx.wanted_languages)
    return {"instruments": instruments, "domains": domains,
            "proximity": PROXIMITY[place] if place else 0.0, "capacity": capacity, "language": language}


def _score(components: dict[str, float]) -> float:
    return sum(WEIGHTS[k] * v for k, v in components.items())


def _lower(name: str) -> str:
    """'Dienstencheques' -> 'dienstencheques' inside a sentence; 'SINE', 'PWA-cheques' stay."""
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def _join(items: list[str], lang: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + t("and", lang) + items[-1]


def _reasons(row: _Row, ctx: _Context, p: Pool, cat: Catalogue) -> list[tuple[str, str]]:
    """Plain-language sentences as (component, text), one per component that says something."""
    lang, e = ctx.lang, row.expert
    out: list[tuple[str, str]] = []
    known = [i for i in ctx.weights if i in row.instruments]  # in recommendation order
    if known:
        out.append(("instruments", t("expert_knows", lang, instruments=_join(
            [_lower(cat.instruments[i].name(lang)) for i in known], lang))))
    helps = [f"{p.domains[d].name(lang)} ({'; '.join(ctx.needs[d])})" for d in ctx.needs if d in row.domains]
    if helps:
        out.append(("domains", t("expert_helps", lang, items=_join(helps, lang))))
    place = _proximity(row, ctx)
    if place:
        out.append(("proximity", t("prox_" + place, lang, m=ctx.municipality, home=e.home_municipality)))
    elif e.conflicts:
        out.append(("proximity", t("conflict_unchecked", lang,
                                   m=_join([c.municipality for c in e.conflicts], lang))))
    free, total = ctx.free(row), e.hours_per_month
    key = "cap_full" if free == 0 else "cap_nearly_full" if free / total < NEAR_FULL else "cap_free"
    out.append(("capacity", t(key, lang, free=free, total=total)))
    out.append(("language", t("expert_speaks", lang,
                              langs=_join([t("lang_" + x, lang) for x in e.languages], lang))))
    return out


def _texts(reasons: list[tuple[str, str]], first: str = "") -> list[str]:
    """The reason texts; ``first`` (a component) is put in front: the reason that decided."""
    return [text for c, text in reasons if c == first] + [text for c, text in reasons if c != first]


def _proposal(e: Expert, p: Pool, score: float, reasons: list[str]) -> ExpertProposal:
    return ExpertProposal(id=e.id, name=e.name, organisation=p.organisations[e.organisation].name,
                          municipality=e.home_municipality, score=round(score, 1), reasons=reasons)


# --- the matching --------------------------------------------------------------------------


def propose_experts(case: Case, advice: Advice, *, pool: Pool | None = None, cat: Catalogue | None = None,
                    limit: int = MAX_PROPOSED, booked: Mapping[str, int] | None = None) -> Matching:
    """The experts to put the starter in touch with for this advice, best first, with reasons;
    ``passed_over`` says why each other expert of the pool was not proposed.

    ``booked``: expert id -> hours already booked for that expert in the advice's month
    (``advice.as_of``), counted on top of the file's ``hours_committed``; the caller reads them
    from the case store (``advisor.store.bookings.committed_for``). None: the file alone."""
    p = pool or default_pool()
    cat = cat or catalogue()
    index = _index(p, cat)
    lang = advice.lang
    muni = case.organisation.municipality
    muni = cat.municipalities.current.get(muni, muni) if muni else None

    weights: dict[str, float] = {}
    for n, rec in enumerate(advice.recommendations):
        weights.setdefault(rec.instrument, FIT_WEIGHT[rec.fit] * (1.0 if n == 0 else LATER_RECOMMENDATION))
    needs = needed_domains(case, advice, p, cat)
    ctx = _Context(lang=lang, municipality=muni, region=cat.municipalities.region_of(muni) if muni else None,
                   weights=weights, top_weight=max(weights.values(), default=0.0),
                   total_weight=sum(weights.values()), needs=needs,
                   wanted_languages=frozenset({lang, "nl"}), booked=dict(booked or {}))

    candidates: set[int] = set()
    for i in weights:
        candidates.update(index.by_instrument.get(i, ()))
    for d in needs:
        candidates.update(index.by_domain.get(d, ()))

    year = advice.as_of.year
    ranked: list[Scored] = []
    full: list[Scored] = []
    conflicted: list[_Row] = []
    for n in sorted(candidates):
        row = index.rows[n]
        e = row.expert
        if not e.active_in(year):
            continue
        if muni is not None and muni in row.conflicts:
            conflicted.append(row)
            continue
        comps = _components(row, ctx)
        (ranked if ctx.free(row) > 0 else full).append(Scored(e, _score(comps), comps))
    ranked.sort(key=lambda s: (-s.score, s.expert.id))

    chosen: list[Scored] = []
    spread_out: list[Scored] = []
    per_org: dict[str, int] = {}
    for s in ranked:
        if len(chosen) == limit:
            break
        org = s.expert.organisation
        if per_org.get(org, 0) >= MAX_PER_ORGANISATION:
            spread_out.append(s)
            continue
        per_org[org] = per_org.get(org, 0) + 1
        chosen.append(s)
    for s in list(spread_out):  # no alternative from another organisation: fill up anyway
        if len(chosen) == limit:
            break
        chosen.append(s)
        spread_out.remove(s)

    rows = index.by_id
    proposed = [_proposal(s.expert, p, s.score, _texts(_reasons(rows[s.expert.id], ctx, p, cat)))
                for s in chosen]

    def explain() -> list[ExpertProposal]:
        out: list[ExpertProposal] = []
        chosen_ids = {s.expert.id for s in chosen}
        spread_ids = {s.expert.id for s in spread_out}
        for rank, s in enumerate(ranked, 1):
            if s.expert.id in chosen_ids:
                continue
            row = rows[s.expert.id]
            if s.expert.id in spread_ids:
                org = p.organisations[s.expert.organisation].name
                first = t("po_spread", lang, n=MAX_PER_ORGANISATION, org=org)
            else:
                first = t("po_ranked", lang, rank=rank, n=len(ranked), score=f"{s.score:.1f}")
            out.append(_proposal(s.expert, p, s.score, [first, *_texts(_reasons(row, ctx, p, cat))]))
        for s in full:
            reasons = _reasons(rows[s.expert.id], ctx, p, cat)
            out.append(_proposal(s.expert, p, s.score, _texts(reasons, first="capacity")))
        for row in conflicted:
            c = row.conflicts[muni]
            out.append(_proposal(row.expert, p, 0.0, [t("po_conflict", lang, m=muni, reason=c.reason(lang))]))
        day = advice.as_of.isoformat()
        for n, row in enumerate(index.rows):
            e = row.expert
            if not e.active_in(year):
                window = (f"{e.first_year}-{e.last_year}" if e.last_year is not None
                          else t("window_from", lang, year=e.first_year))
                out.append(_proposal(e, p, 0.0, [t("po_inactive", lang, date=day, window=window)]))
            elif n not in candidates:
                out.append(_proposal(e, p, 0.0, [t("po_irrelevant", lang)]))
        return out

    return Matching(proposed=proposed, needs=needs, ranked=ranked, _explain=explain)
