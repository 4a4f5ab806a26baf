"""`advisor experts`: list and search the knowledge pool (experts, or the support organisations)."""
from __future__ import annotations

import json
import textwrap

import click

from advisor.errors import InputError
from advisor.i18n import msg, t


def _check(option: str, value: str | None, allowed: list[str], what: str) -> None:
    if value is not None and value not in allowed:
        raise InputError(option, [msg("unknown_" + what, value=repr(value), allowed=", ".join(allowed))])


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


@click.command()
@click.option("--instrument", help="Only experts who know this instrument (a catalogue id, e.g. dienstencheques).")
@click.option("--municipality", help="Only experts who work in this municipality, nearest first.")
@click.option("--domain", help="Only experts in this support domain (management, financing, coaching, "
                               "marketing_promotion, service_quality).")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Only experts (or organisations) active in that year.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of everything the user reads.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--organisations", is_flag=True, help="List the regional support organisations instead.")
def experts(instrument, municipality, domain, as_of, lang, fmt, organisations):
    """List and search the knowledge pool's experts (all fictional) or its support organisations.

    \b
    Examples:
      advisor experts --instrument dienstencheques --municipality Menen --as-of 2026-03-01
      advisor experts --domain financing --as-of 2005-06-01 --lang en
      advisor experts --organisations --as-of 2005-06-01
    """
    from advisor.knowledge import catalogue
    from advisor.plan.pool import DOMAINS, pool

    cat, p = catalogue(), pool()
    _check("--instrument", instrument, list(cat.instruments), "instrument")
    _check("--domain", domain, list(DOMAINS), "domain")
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
