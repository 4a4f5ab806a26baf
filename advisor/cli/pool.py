"""`advisor experts`: list and search the knowledge pool (experts, or the support organisations),
book an expert for a stored case (`book`, `confirm`, `decline`, `done`, `bookings`) and show
each expert's load in a month (`load`)."""
from __future__ import annotations

import json
import textwrap

import click

from advisor.cli.options import ADVISOR, DB_URL, LANG
from advisor.errors import InputError
from advisor.i18n import Msg, t


def _domain(value: str | None, p) -> str | None:
    """The support domain's id, given by id or by its Dutch or English name in any case
    (``financiering`` = ``financing``, "Marketing en promotie" = ``marketing_promotion``)."""
    if value is None:
        return None
    from advisor.knowledge import fold

    key = fold(value)
    names = {d.id: {fold(d.id), fold(d.name.nl), fold(d.name.en)} for d in p.domains.values()}
    exact = [d for d, forms in names.items() if key in forms]
    starting = [d for d, forms in names.items() if len(key) >= 3 and any(f.startswith(key) for f in forms)]
    if exact or len(starting) == 1:  # "marketing" is marketing_promotion
        return (exact or starting)[0]
    allowed = ", ".join(f"{d.id} ({d.name.nl})" for d in p.domains.values())
    raise InputError("--domain", [Msg("unknown_domain", value=repr(value), allowed=allowed)])


def _municipality(value: str | None):
    """The current canonical name, or an InputError naming the option and what is allowed."""
    if value is None:
        return None
    from advisor.knowledge import catalogue

    munis = catalogue().municipalities
    try:
        name = munis.canonical(value)
    except ValueError as exc:
        raise InputError("--municipality", [str(exc)]) from None
    return munis.current.get(name, name)


#: the order experts are listed in for a municipality: based there, works there, region, Flanders
_REACH = ("home", "served", "region", "flanders")


def _reach(expert, municipality: str, region: str) -> str | None:
    if expert.home_municipality == municipality:
        return "home"
    if municipality in expert.serves:
        return "served"
    if expert.area == "region" and region == "home":
        return "region"
    if expert.area == "flanders":
        return "flanders"
    return None


def _wrap(text: str, indent: str = "      ") -> str:
    return textwrap.fill(text, 100, initial_indent=indent, subsequent_indent=indent + "  ",
                         break_on_hyphens=False)


@click.group(invoke_without_command=True)
@click.option("--instrument", help="Only experts who know this instrument (an id or name in any case, e.g. "
                                   "dienstencheques, LDE).")
@click.option("--municipality", help="Only experts who work in this municipality, nearest first.")
@click.option("--domain", help="Only experts in this support domain, by id or Dutch or English name "
                               "(management, financing/financiering, coaching, marketing_promotion, "
                               "service_quality).")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Only experts (or organisations) active in that year.")
@click.option("--lang", type=click.Choice(["nl", "en"], case_sensitive=False), default="nl", show_default=True,
              help="Language of everything the user reads.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"], case_sensitive=False), default="text", show_default=True)
@click.option("--organisations", is_flag=True, help="List the regional support organisations instead.")
@click.pass_context
def experts(ctx, instrument, municipality, domain, as_of, lang, fmt, organisations):
    """List and search the knowledge pool's experts (all fictional) or its support organisations;
    book them for a stored case and show their load.

    \b
    Examples:
      advisor experts --instrument dienstencheques --municipality Menen --as-of 2026-03-01
      advisor experts --domain financing --as-of 2005-06-01 --lang en
      advisor experts --organisations --as-of 2005-06-01
      advisor experts book CASE_ID lien-leieveld --month 2026-03 --hours 4 --domain coaching
      advisor experts load --month 2026-03 --format csv
    """
    if ctx.invoked_subcommand is not None:  # a booking verb: the listing's options do not apply
        return
    from advisor.knowledge import catalogue
    from advisor.plan.pool import pool

    from advisor.cli.options import instrument_id

    cat, p = catalogue(), pool()
    if instrument is not None:
        instrument = instrument_id(instrument, "--instrument")
    domain = _domain(domain, p)
    place = _municipality(municipality)
    day = as_of.date() if as_of else None

    if organisations:
        orgs = [o for o in p.organisations.values()
                if day is None or ((o.known_from or 0) <= day.year <= (o.known_until or 9999))]
        click.echo(_organisations_json(orgs, day) if fmt == "json" else _organisations_text(orgs, day, lang),
                   nl=False)
        return

    found = [e for e in p.experts
             if (instrument is None or instrument in e.instruments)
             and (domain is None or domain in e.domains)
             and (day is None or e.active_in(day.year))]
    reach: dict[str, str] = {}
    if place:
        region = cat.municipalities.region_of(place)
        for e in found:
            r = _reach(e, place, region)
            if r:
                reach[e.id] = r
        found = sorted((e for e in found if e.id in reach),
                       key=lambda e: (_REACH.index(reach[e.id]), -e.free_hours, e.id))
    if fmt == "json":
        click.echo(json.dumps({
            "as_of": day.isoformat() if day else None,
            "filters": {"instrument": instrument, "municipality": place, "domain": domain},
            "experts": [{**e.model_dump(mode="json"), "organisation_name": p.organisations[e.organisation].name,
                         "free_hours": e.free_hours,
                         **({"reach": reach[e.id],
                             "conflict_here": any(c.municipality == place for c in e.conflicts)} if place else {})}
                        for e in found],
        }, indent=2, ensure_ascii=False))
        return
    click.echo(_experts_text(found, p, day, place, lang), nl=False)


def _experts_text(found, p, day, place, lang) -> str:
    head = (t("pool_heading_on", lang, date=day.isoformat(), n=len(found)) if day
            else t("pool_heading", lang, n=len(found)))
    out = [f"{head}. {t('pool_fictional', lang)}", ""]
    if not found:
        out.append(t("pool_none", lang))
    for e in found:
        org = p.organisations[e.organisation]
        out.append(f"- {e.name} ({e.id}) - {org.name}: {e.role(lang)}")
        if e.area == "local":
            area = ", ".join([e.home_municipality, *e.serves])
        else:
            area = t("area_" + e.area, lang, home=e.home_municipality)
        window = (f"{e.first_year}-{e.last_year}" if e.last_year is not None
                  else t("window_from", lang, year=e.first_year))
        for line in (f"{t('pool_area', lang)}: {area}",
                     f"{t('pool_instruments', lang)}: {', '.join(e.instruments)}",
                     f"{t('pool_domains', lang)}: {', '.join(p.domains[d].name(lang) for d in e.domains)}",
                     f"{t('pool_languages', lang)}: {', '.join(t('lang_' + x, lang) for x in e.languages)}",
                     f"{t('pool_hours', lang, free=e.free_hours, total=e.hours_per_month)}; "
                     f"{t('pool_active', lang)} {window}"):
            out.append(_wrap(line))
        for c in e.conflicts:
            mark = " (!)" if c.municipality == place else ""
            out.append(_wrap(f"{t('po_conflict', lang, m=c.municipality, reason=c.reason(lang))}{mark}"))
    return "\n".join(out) + "\n"


def _known(o, lang: str) -> str:
    if o.known_from and o.known_until:
        return f"{o.known_from}-{o.known_until}"
    if o.known_from:
        return t("window_from", lang, year=o.known_from)
    return f"{t('until', lang)} {o.known_until}" if o.known_until else ""


def _organisations_text(orgs, day, lang) -> str:
    out = [t("org_heading_on", lang, date=day.isoformat()) if day else t("org_heading", lang), ""]
    for o in orgs:
        tags = [o.type]
        if o.fictional:
            tags.append(t("org_fictional", lang))
        if _known(o, lang):
            tags.append(f"{t('org_known', lang)} {_known(o, lang)}")
        out.append(f"- {o.name} ({o.id}; {'; '.join(tags)})")
        out.append(_wrap(o.role(lang)))
        if o.sources:
            out.append(_wrap(f"{t('sources', lang)}: {', '.join(o.sources)}"))
        for u in o.uncertain:
            out.append(_wrap(f"[{t('uncertain_note', lang)}] {u(lang)}"))
    return "\n".join(out) + "\n"


def _organisations_json(orgs, day) -> str:
    return json.dumps({"as_of": day.isoformat() if day else None,
                       "organisations": [o.model_dump(mode="json") for o in orgs]},
                      indent=2, ensure_ascii=False) + "\n"


# --- bookings and load (the case store) ----------------------------------------------------------


#: the store's field names, as the options of these verbs name them in an error
_OPTION_OF = {"month": "--month", "hours": "--hours", "hours_done": "--hours", "domain": "--domain",
              "note": "--note", "expert": "EXPERT", "case": "CASE_ID", "booking": "BOOKING_ID"}


class _Store:
    """The store of a booking verb: connected on entry; its errors said with the option they
    concern; a store that fails under the command is exit 1, its URL shown without password."""

    def __init__(self, db_url: str | None):
        self.url = db_url

    def __enter__(self):
        from sqlalchemy.exc import SQLAlchemyError

        from advisor.store.db import connect, default_url

        self.url = self.url or default_url()
        try:
            self.engine = connect(self.url)
        except SQLAlchemyError as exc:
            raise self._failure(exc) from None
        return self.engine

    def __exit__(self, kind, exc, tb):
        from sqlalchemy.exc import SQLAlchemyError

        self.engine.dispose()
        if isinstance(exc, InputError) and type(exc) is InputError and exc.source in _OPTION_OF:
            raise InputError(_OPTION_OF[exc.source], exc.problems) from None
        if isinstance(exc, SQLAlchemyError):
            raise self._failure(exc) from None
        return False

    def _failure(self, exc) -> InputError:
        """A URL that is no URL is the user's (exit 2); a store that fails, the machine's (exit 1)."""
        from sqlalchemy.exc import ArgumentError

        from advisor.errors import EnvironmentFailure
        from advisor.store.db import shown_url

        error = getattr(exc, "orig", None) or exc
        text = f"{error.__class__.__name__}: {str(error).splitlines()[0] if str(error) else ''}"[:300]
        try:
            url = shown_url(self.url)
        except ArgumentError:
            url = "?"
        cls = InputError if isinstance(exc, ArgumentError) else EnvironmentFailure
        return cls("--db-url", [Msg("bk_store_failed", url=url, error=text)])


def _month(value: str | None) -> str:
    from datetime import date

    from advisor.store.bookings import month_of, parse_month

    return parse_month(value, "--month") if value is not None else month_of(date.today())


def _expert_label(expert_id: str, p) -> str:
    e = next((x for x in p.experts if x.id == expert_id), None)
    return f"{e.name} ({e.id})" if e else expert_id


def _domain_name(domain: str, p, lang: str) -> str:
    return p.domains[domain].name(lang) if domain in p.domains else domain


def _table(headers: list[str], rows: list[list], right: set[int]) -> list[str]:
    """Plain columns: numbers right-aligned, the last column left as it is."""
    cells = [[str(h) for h in headers], *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    out = []
    for r in cells:
        parts = [(c.rjust(w) if i in right else c.ljust(w)) for i, (c, w) in enumerate(zip(r, widths))]
        out.append("  ".join(parts).rstrip())
    return out


def _csv(fields: list[str], rows: list[dict]) -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


@experts.command("book")
@click.argument("case_id")
@click.argument("expert")
@click.option("--month", required=True, metavar="YYYY-MM", help="The month the hours are for.")
@click.option("--hours", required=True, type=int, help="Hours booked in that month (1-160).")
@click.option("--domain", "domain", required=True,
              help="The support domain, by id or Dutch or English name (one of the expert's domains).")
@click.option("--note", default=None, help="A free-text note (left out of exports unless asked for).")
@DB_URL
@ADVISOR
@LANG
def book_cmd(case_id, expert, month, hours, domain, note, db_url, advisor, lang):
    """Book EXPERT (an id of `advisor experts`) for the stored case CASE_ID: hours in a month,
    requested until the expert confirms. Refused when the expert has too few hours free then."""
    from advisor.plan.pool import pool
    from advisor.store import bookings
    from advisor.store.db import advisor_name

    p = pool()
    month = _month(month)
    domain_id = _domain(domain, p)
    with _Store(db_url) as engine:
        b = bookings.book(engine, case_id, expert, month, hours, domain_id, note, advisor_name(advisor), pool=p)
    click.echo(t("bk_booked", lang, id=b.id, expert=_expert_label(b.expert_id, p), hours=b.hours, month=b.month,
                 domain=_domain_name(b.domain, p, lang), case=b.case_id, status=t("bk_status_" + b.status, lang)))


def _moved(b, lang: str) -> None:
    from advisor.plan.pool import pool

    who = _expert_label(b.expert_id, pool())
    if b.status == "closed":
        click.echo(t("bk_moved_done", lang, id=b.id, expert=who, month=b.month, done=b.hours_done))
    else:
        click.echo(t("bk_moved", lang, id=b.id, expert=who, month=b.month, status=t("bk_status_" + b.status, lang)))


@experts.command("confirm")
@click.argument("booking_id", type=int)
@DB_URL
@ADVISOR
@LANG
def confirm_cmd(booking_id, db_url, advisor, lang):
    """The expert confirms the requested booking BOOKING_ID."""
    from advisor.store import bookings

    with _Store(db_url) as engine:
        _moved(bookings.confirm(engine, booking_id), lang)


@experts.command("decline")
@click.argument("booking_id", type=int)
@DB_URL
@ADVISOR
@LANG
def decline_cmd(booking_id, db_url, advisor, lang):
    """The expert declines the requested booking BOOKING_ID: its hours are free again."""
    from advisor.store import bookings

    with _Store(db_url) as engine:
        _moved(bookings.decline(engine, booking_id), lang)


@experts.command("done")
@click.argument("booking_id", type=int)
@click.option("--hours", required=True, type=int, help="The hours done (0-160); they replace the hours booked.")
@DB_URL
@ADVISOR
@LANG
def done_cmd(booking_id, hours, db_url, advisor, lang):
    """Close the confirmed booking BOOKING_ID with the hours done."""
    from advisor.store import bookings

    with _Store(db_url) as engine:
        _moved(bookings.close(engine, booking_id, hours), lang)


@experts.command("bookings")
@click.option("--case", "case_id", default=None, metavar="ID", help="Only this case's bookings.")
@click.option("--month", default=None, metavar="YYYY-MM", help="Only this month's bookings.")
@click.option("--expert", "expert", default=None, metavar="ID", help="Only this expert's bookings.")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"], case_sensitive=False), default="text",
              show_default=True)
@click.option("--notes", is_flag=True, help="Also show the free-text notes.")
@DB_URL
@ADVISOR
@LANG
def bookings_cmd(case_id, month, expert, fmt, notes, db_url, advisor, lang):
    """List the bookings (of a case, a month, an expert), by month, expert and number."""
    from advisor.plan.pool import pool
    from advisor.store import bookings
    from advisor.store.bookings import expert_of

    p = pool()
    month = _month(month) if month is not None else None
    expert_id = expert_of(expert, p).id if expert is not None else None
    with _Store(db_url) as engine:
        rows = bookings.list_bookings(engine, case_id=case_id, expert_id=expert_id, month=month)
    fmt = fmt.lower()
    if fmt == "json":
        click.echo(json.dumps({"filters": {"case": case_id, "month": month, "expert": expert_id},
                               "bookings": [b.as_dict(notes=notes) for b in rows]}, indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        fields = [*bookings.EXPORT_FIELDS, *(["note"] if notes else [])]
        click.echo(_csv(fields, [b.as_dict(notes=notes) for b in rows]), nl=False)
        return
    from advisor.errors import printable

    out = [t("bk_list_heading", lang, n=len(rows)), ""]
    if not rows:
        out.append(t("bk_none", lang))
    else:
        heads = [t("bk_col_" + k, lang) for k in ("id", "month", "expert", "hours", "domain", "status", "done",
                                                  "case", "by")]
        table = [[b.id, b.month, b.expert_id, b.hours, _domain_name(b.domain, p, lang), t("bk_status_" + b.status, lang),
                  "" if b.hours_done is None else b.hours_done, b.case_id, b.booked_by] for b in rows]
        out.extend(_table(heads, table, right={0, 3, 6}))
        if notes:
            out.append("")
            out.extend(_wrap(f"{b.id}: {b.note}", "  ") for b in rows if b.note)
    click.echo(printable("\n".join(out)))


@experts.command("load")
@click.option("--month", default=None, metavar="YYYY-MM", help="The month (default: this month).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"], case_sensitive=False), default="text",
              show_default=True)
@DB_URL
@ADVISOR
@LANG
def load_cmd(month, fmt, db_url, advisor, lang):
    """Each expert's hours in a month: available, the file's starting figure, requested,
    confirmed, done and free, by expert id (experts active that year, and any other with
    bookings that month)."""
    from advisor.store import bookings

    month = _month(month)
    with _Store(db_url) as engine:
        rows = bookings.load(engine, month)
    fmt = fmt.lower()
    if fmt == "json":
        click.echo(json.dumps({"month": month, "experts": [r.as_dict() for r in rows]}, indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        fields = ["expert_id", "name", "organisation", "month", "available", "start", "requested", "confirmed",
                  "done", "committed", "free", "active"]
        click.echo(_csv(fields, [r.as_dict() for r in rows]), nl=False)
        return
    heads = [t("bk_col_" + k, lang) for k in ("expert", "available", "start", "requested", "confirmed", "done",
                                              "free")] + [""]
    table = [[r.expert.id, r.available, r.start, r.requested, r.confirmed, r.done, r.free,
              t("bk_full_mark", lang) if r.free == 0 and r.active else
              ("" if r.active else t("bk_inactive_mark", lang))] for r in rows]
    out = [t("bk_load_heading", lang, month=month, n=len(rows)), "", *_table(heads, table, right={1, 2, 3, 4, 5, 6}),
           "", _wrap(t("bk_load_note", lang), "").strip()]
    click.echo("\n".join(out))
