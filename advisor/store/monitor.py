"""The steering group's monitoring: group-level figures of the case store for a date range.

Every figure is an SQL aggregate (GROUP BY, COUNT, SUM) computed by the database, the same
statement on SQLite and PostgreSQL; only the median time from intake to the first advice needs
one row per advised case in Python (a median is no portable SQL aggregate).

What counts in the range ``[date_from, date_to]`` (both days included, UTC):

- *cases*: the cases **created** in the range, per municipality, per legal form and per month of
  creation (the case's current municipality and legal form);
- *instruments recommended*, *rejections*, *missing answers*, *overrides*: the facts
  (``consultation_facts``) of the consultations **recorded** in the range, each counted twice:
  ``consultations`` (how many consultations concluded it) and ``cases`` (how many distinct cases
  had at least one such consultation: a case advised five times counts once). Lists are ordered
  by cases, then consultations, descending, then key; the top 5 instruments are the first five;
- *expert hours per support organisation*: the bookings whose **month** lies in the range
  (``YYYY-MM`` of ``date_from`` to that of ``date_to``), declined ones left out: hours booked
  (requested, confirmed or closed), hours done (closed); an expert is mapped to the organisation
  of the pool (``advisor.plan.pool``), an expert the pool no longer knows to the key ``None``;
- *intake to advice*: for the cases created in the range that have a consultation (any date),
  the days from the case's creation to its first consultation: median, and how many cases.

Only group-level facts: no free text (notes, justifications, labels, organisation names of
starters) and no case id leaves this module. Keys are the store's values (instrument ids, field
paths, municipality names, legal-form codes, ``YYYY-MM``); ``None`` stands for "not given".
"""
from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Iterable

from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.engine import Engine

from advisor.store.schema import bookings, cases, consultation_facts, consultations

TOP = 5
BOOKED = ("requested", "confirmed", "closed")  # hours a booking holds; a declined one holds none


@dataclass(frozen=True)
class Count:
    key: str | None
    count: int


@dataclass(frozen=True)
class FactCount:
    key: str | None
    consultations: int
    cases: int


@dataclass(frozen=True)
class OrgHours:
    key: str | None            # a support organisation id of experts.yaml; None: an expert the pool does not know
    bookings: int
    hours_booked: int
    hours_done: int


@dataclass(frozen=True)
class IntakeToAdvice:
    cases: int                 # cases created in the range with at least one consultation
    median_days: float | None  # None when there is none
    not_advised: int           # cases created in the range without any consultation yet


@dataclass(frozen=True)
class Monitoring:
    """The report, in the order every output shows it."""
    date_from: str
    date_to: str
    cases_total: int
    consultations_total: int
    cases_by_municipality: list[Count] = field(default_factory=list)
    cases_by_legal_form: list[Count] = field(default_factory=list)
    cases_by_month: list[Count] = field(default_factory=list)          # ordered by month, every month of the range
    instruments: list[FactCount] = field(default_factory=list)
    rejections: list[FactCount] = field(default_factory=list)
    missing: list[FactCount] = field(default_factory=list)
    overrides: list[FactCount] = field(default_factory=list)
    expert_hours: list[OrgHours] = field(default_factory=list)
    intake_to_advice: IntakeToAdvice = IntakeToAdvice(0, None, 0)

    @property
    def top_instruments(self) -> list[FactCount]:
        return self.instruments[:TOP]

    def as_dict(self) -> dict:
        """Plain data in the defined order (for JSON): the sections as lists of objects."""
        data = asdict(self)
        data["top_instruments"] = [asdict(r) for r in self.top_instruments]
        order = ["date_from", "date_to", "cases_total", "consultations_total", "cases_by_municipality",
                 "cases_by_legal_form", "cases_by_month", "top_instruments", "instruments", "rejections",
                 "missing", "overrides", "expert_hours", "intake_to_advice"]
        return {k: data[k] for k in order}


#: the sections of the report, in their order: (name, attribute, kind)
SECTIONS = (
    ("cases_by_municipality", "cases_by_municipality", "count"),
    ("cases_by_legal_form", "cases_by_legal_form", "count"),
    ("cases_by_month", "cases_by_month", "count"),
    ("instruments", "instruments", "fact"),
    ("rejections", "rejections", "fact"),
    ("missing", "missing", "fact"),
    ("overrides", "overrides", "fact"),
    ("expert_hours", "expert_hours", "hours"),
)


def _ordered_counts(rows: Iterable) -> list[Count]:
    items = [Count(key, int(n)) for key, n in rows]
    return sorted(items, key=lambda r: (-r.count, r.key is None, r.key or ""))


def _ordered_facts(rows: Iterable) -> list[FactCount]:
    items = [FactCount(key, int(n), int(c)) for key, n, c in rows]
    return sorted(items, key=lambda r: (-r.cases, -r.consultations, r.key or ""))


def months(date_from: date, date_to: date) -> list[str]:
    """Every ``YYYY-MM`` from the month of ``date_from`` to that of ``date_to``."""
    out, y, m = [], date_from.year, date_from.month
    while (y, m) <= (date_to.year, date_to.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def default_range(date_from: date | None, date_to: date | None, today: date | None = None) -> tuple[date, date]:
    """The period asked for; without --from, the twelve calendar months that end with the month of
    --to (default: today), so the monthly chart has twelve columns."""
    end = date_to or today or date.today()
    if date_from is None:
        y, m = end.year, end.month - 11
        if m < 1:
            y, m = y - 1, m + 12
        date_from = date(y, m, 1)
    return date_from, end


def _parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)  # the store's times are UTC


def report(engine: Engine, date_from: date, date_to: date, expert_organisation: dict[str, str] | None = None) -> Monitoring:
    """The monitoring of the store behind ``engine`` for ``[date_from, date_to]``.

    ``expert_organisation`` maps an expert id to a support-organisation id (default: the pool
    of ``rules/catalogue/experts.yaml``)."""
    if date_to < date_from:
        raise ValueError("date_to before date_from")
    if expert_organisation is None:
        from advisor.plan.pool import pool

        expert_organisation = {e.id: e.organisation for e in pool().experts}
    lo, hi = date_from.isoformat(), (date_to + timedelta(days=1)).isoformat()  # ISO text: [lo, hi) sorts right
    created = and_(cases.c.created >= lo, cases.c.created < hi)
    recorded = and_(consultations.c.recorded_at >= lo, consultations.c.recorded_at < hi)
    month = func.substr(cases.c.created, 1, 7).label("month")

    with engine.connect() as conn:
        consultations_total = conn.execute(
            select(func.count()).select_from(consultations).where(recorded)).scalar_one()

        # the cases of the period in one pass (ix_cases_created): per municipality, legal form and
        # month together, folded into the three tables below (a few hundred groups at most)
        groups = conn.execute(select(cases.c.municipality, cases.c.legal_form, month, func.count())
                              .where(created).group_by(cases.c.municipality, cases.c.legal_form, month)).all()
        tallies: list[dict] = [{}, {}, {}]
        for *keys, n in groups:
            for tally, key in zip(tallies, keys):
                tally[key] = tally.get(key, 0) + int(n)
        cases_total = sum(tallies[0].values())
        by_municipality = _ordered_counts(tallies[0].items())
        by_legal_form = _ordered_counts(tallies[1].items())
        by_month = [Count(m, tallies[2].get(m, 0)) for m in months(date_from, date_to)]

        # one statement for the four kinds of facts, read in (kind, key) order from
        # ix_consultation_facts_kind (kind, key, recorded_at, case_id): no join, no sort
        facts: dict[str, list] = {kind: [] for kind in ("recommended", "rejected", "missing", "override")}
        f = consultation_facts.c
        stmt = (select(f.kind, f.key, func.count(), func.count(distinct(f.case_id)))
                .where(f.recorded_at >= lo, f.recorded_at < hi)
                .group_by(f.kind, f.key))
        for kind, key, n, c in conn.execute(stmt):
            if kind in facts:
                facts[kind].append((key, n, c))

        # bookings per expert (few rows: the experts of the pool), folded into organisations below
        first_month, last_month = date_from.isoformat()[:7], date_to.isoformat()[:7]
        hours_done = func.sum(case((bookings.c.status == "closed", bookings.c.hours_done), else_=0))
        per_expert = conn.execute(
            select(bookings.c.expert_id, func.count(), func.sum(bookings.c.hours), hours_done)
            .where(bookings.c.month >= first_month, bookings.c.month <= last_month,
                   bookings.c.status.in_(BOOKED))
            .group_by(bookings.c.expert_id)).all()

        # one row per case of the period: its creation and first consultation (the median needs
        # them), the first read from ix_consultations_case_id_recorded_at
        first_seen = (select(func.min(consultations.c.recorded_at)).where(consultations.c.case_id == cases.c.id)
                      .scalar_subquery())
        spans = [(_parse_time(seen) - _parse_time(made)).total_seconds() / 86400
                 for made, seen in conn.execute(select(cases.c.created, first_seen).where(created))
                 if seen is not None]

    orgs: dict[str | None, list[int]] = {}
    for expert_id, n, booked, done in per_expert:
        totals = orgs.setdefault(expert_organisation.get(expert_id), [0, 0, 0])
        totals[0] += int(n)
        totals[1] += int(booked or 0)
        totals[2] += int(done or 0)
    expert_hours = sorted((OrgHours(k, *v) for k, v in orgs.items()),
                          key=lambda r: (-r.hours_booked, -r.hours_done, r.key is None, r.key or ""))
    median = round(statistics.median(spans), 1) if spans else None
    return Monitoring(
        date_from=date_from.isoformat(), date_to=date_to.isoformat(),
        cases_total=int(cases_total), consultations_total=int(consultations_total),
        cases_by_municipality=by_municipality, cases_by_legal_form=by_legal_form, cases_by_month=by_month,
        instruments=_ordered_facts(facts["recommended"]), rejections=_ordered_facts(facts["rejected"]),
        missing=_ordered_facts(facts["missing"]), overrides=_ordered_facts(facts["override"]),
        expert_hours=expert_hours,
        intake_to_advice=IntakeToAdvice(len(spans), median, int(cases_total) - len(spans)),
    )


# --- what a reader sees: labels, the sections as tables, CSV and JSON -----------------------------------

#: the tables every output shows, in order: (section, title message, measures); the top 5 is the
#: head of "instruments" (CSV leaves it out: a spreadsheet summing a column would count it twice)
TABLES = (
    ("cases_by_municipality", "mon_by_municipality", "mon_key_municipality", ("cases",)),
    ("cases_by_legal_form", "mon_by_legal_form", "mon_key_legal_form", ("cases",)),
    ("cases_by_month", "mon_by_month", "mon_key_month", ("cases",)),
    ("top_instruments", "mon_top_instruments", "mon_key_instrument", ("cases", "consultations")),
    ("instruments", "mon_instruments", "mon_key_instrument", ("cases", "consultations")),
    ("rejections", "mon_rejections", "mon_key_instrument", ("cases", "consultations")),
    ("missing", "mon_missing", "mon_key_answer", ("cases", "consultations")),
    ("overrides", "mon_overrides", "mon_key_instrument", ("cases", "consultations")),
    ("expert_hours", "mon_expert_hours", "mon_key_organisation", ("bookings", "hours_booked", "hours_done")),
)


@dataclass(frozen=True)
class Table:
    section: str
    title: str
    key_head: str                                          # what the first column holds ("gemeente")
    measures: tuple[str, ...]
    rows: list[tuple[str | None, str, tuple[int, ...]]]   # (key, label, values in the order of measures)


def labeller(lang: str):
    """``label(section, key)``: an instrument's, a field's, a legal form's, an organisation's
    name in ``lang``; a municipality and a month as they are; "not given" for None."""
    from advisor.i18n import t
    from advisor.interview.questions import questionnaire
    from advisor.knowledge import catalogue
    from advisor.plan.pool import pool

    instruments = catalogue().instruments
    organisations = pool().organisations
    q = questionnaire()
    field_label, value_label = q.labeller(lang), q.value_labeller(lang)

    def label(section: str, key: str | None) -> str:
        if key is None:
            return t("mon_not_given" if section != "expert_hours" else "mon_unknown_org", lang)
        if section in ("top_instruments", "instruments", "rejections", "overrides"):
            return instruments[key].name(lang) if key in instruments else key
        if section == "missing":
            return field_label(key)
        if section == "cases_by_legal_form":
            return value_label("organisation.legal_form", key)
        if section == "expert_hours":
            return organisations[key].name if key in organisations else key
        return key

    return label


def tables(m: Monitoring, lang: str) -> list[Table]:
    from advisor.i18n import t

    label = labeller(lang)
    out = []
    for section, title, key_head, measures in TABLES:
        rows = []
        for r in getattr(m, section):
            values = tuple(getattr(r, "count" if measure == "cases" and isinstance(r, Count) else measure)
                           for measure in measures)
            rows.append((r.key, label(section, r.key), values))
        out.append(Table(section, t(title, lang), t(key_head, lang), measures, rows))
    return out


CSV_COLUMNS = ("section", "key", "label", "measure", "value")


def csv_text(m: Monitoring, lang: str) -> str:
    """The report as one CSV table in long form, ``section,key,label,measure,value``: one row
    per figure, the summary first (section ``summary``, ``intake_to_advice``), then every table
    of TABLES but the top 5, rows in the report's order. ``label`` is in ``lang``; the rest is
    the same in both languages. An empty key stands for "not given"; an empty value for "none"
    (the median of no case)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    from advisor.i18n import t

    w.writerow(["summary", "range", t("mon_range_label", lang), "from", m.date_from])
    w.writerow(["summary", "range", t("mon_range_label", lang), "to", m.date_to])
    w.writerow(["summary", "cases", t("mon_cases_total_label", lang), "count", m.cases_total])
    w.writerow(["summary", "consultations", t("mon_consultations_total_label", lang), "count", m.consultations_total])
    ita = m.intake_to_advice
    for measure, value in (("cases", ita.cases), ("median_days", ita.median_days), ("not_advised", ita.not_advised)):
        w.writerow(["intake_to_advice", "days", t("mon_intake_label", lang), measure, "" if value is None else value])
    for table in tables(m, lang):
        if table.section == "top_instruments":
            continue
        for key, shown, values in table.rows:
            for measure, value in zip(table.measures, values):
                w.writerow([table.section, "" if key is None else key, shown, measure, value])
    return buf.getvalue()


def json_data(m: Monitoring, lang: str) -> dict:
    """The report as JSON data: ``as_dict()`` with a ``label`` (in ``lang``) beside every key."""
    label = labeller(lang)
    data = m.as_dict()
    for section, *_ in TABLES:
        data[section] = [{"key": row["key"], "label": label(section, row["key"]),
                          **{k: v for k, v in row.items() if k != "key"}} for row in data[section]]
    return {"lang": lang, **data}
