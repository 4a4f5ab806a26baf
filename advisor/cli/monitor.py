"""`advisor monitor`: the steering group's figures of the case store for a period, as text (Dutch
or English), CSV for a spreadsheet or JSON (advisor.store.monitor computes them).

The database libraries are imported inside the command: `advisor advise` never loads them.
"""
from __future__ import annotations

import click

from advisor.cli.options import DB_URL, ISO_DATE, LANG
from advisor.errors import InputError
from advisor.i18n import Msg, t


@click.command()
@click.option("--from", "date_from", type=ISO_DATE, default=None,
              help="First day of the period (default: the first day of the month eleven months before --to).")
@click.option("--to", "date_to", type=ISO_DATE, default=None, help="Last day of the period, included (default: today).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True,
              help="text to read, csv for a spreadsheet (one row per figure: section,key,label,measure,value), json.")
@LANG
@DB_URL
def monitor(date_from, date_to, fmt, lang, db_url):
    """The steering group's monitoring of the case store for a period: cases per municipality, per
    legal form and per month; instruments recommended (top 5 and all), rejected, answers most often
    missing, overrides; expert hours booked and done per support organisation; the median time
    from intake to the first advice. Only group-level figures: no names, no notes."""
    from sqlalchemy.exc import SQLAlchemyError

    from advisor.store import monitor as mon

    date_from, date_to = mon.default_range(date_from, date_to)
    if date_to < date_from:
        raise InputError("--from/--to", [Msg("mon_range_wrong", start=date_from.isoformat(), end=date_to.isoformat())])
    from advisor.store.db import connect, default_url, failure, shown_url

    url = db_url or default_url()
    try:
        engine = connect(url)
        try:
            figures = mon.report(engine, date_from, date_to)
        finally:
            engine.dispose()
    except SQLAlchemyError as exc:  # connect() reports its own failures; this is one of the report's queries
        raise failure(shown_url(url), exc) from None
    if fmt == "csv":
        click.echo(mon.csv_text(figures, lang), nl=False)
    elif fmt == "json":
        import json

        click.echo(json.dumps(mon.json_data(figures, lang), indent=2, ensure_ascii=False))
    else:
        click.echo(monitor_text(figures, lang), nl=False)


TEXT_LIMIT = 10  # rows of a long table (missing answers, rejections) shown as text; CSV and JSON have all


def _number(value: float, lang: str) -> str:
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if lang == "nl" else shown


def monitor_text(m, lang: str) -> str:
    from advisor.render import wrap
    from advisor.store.monitor import tables

    title = t("mon_title", lang, start=m.date_from, end=m.date_to)
    out = [title, "=" * len(title), t("mon_cases_total", lang, n=m.cases_total),
           t("mon_consultations_total", lang, n=m.consultations_total)]
    ita = m.intake_to_advice
    out.append(t("mon_intake", lang, days=_number(ita.median_days, lang), n=ita.cases, waiting=ita.not_advised)
               if ita.median_days is not None else t("mon_intake_none", lang, waiting=ita.not_advised))
    out.append(wrap(t("mon_counting", lang), "", ""))
    for table in tables(m, lang):
        out.append("")
        out.append(table.title)
        out.append("-" * len(table.title))
        if not table.rows:
            out.append("  " + t("mon_none", lang))
            continue
        limit = len(table.rows) if table.section.startswith(("cases_by", "instruments", "expert")) else TEXT_LIMIT
        shown = table.rows[:limit]
        heads = [t("mon_col_" + measure, lang) for measure in table.measures]
        width = max(len(label) for _, label, _ in shown)
        width = max(width, len(table.key_head))
        cols = [max(len(h), *(len(str(v[i])) for _, _, v in shown)) for i, h in enumerate(heads)]
        out.append("  " + table.key_head.ljust(width) + "".join("  " + h.rjust(w) for h, w in zip(heads, cols)))
        for _, label, values in shown:
            out.append("  " + label.ljust(width) + "".join("  " + str(v).rjust(w) for v, w in zip(values, cols)))
        if len(table.rows) > limit:
            out.append("  " + t("mon_more", lang, n=len(table.rows) - limit))
    return "\n".join(out) + "\n"
