"""The steering group's monitoring in the browser (``/advisor/monitor``): the figures of
``advisor.store.monitor`` for a period, each table with a chart read at a glance and the same
numbers as a table, plus the CSV download (``/advisor/monitor.csv``).

The charts are SVG made here on the server (no script, no CDN, nothing from another host): the
geometry is computed in this module, the template only writes it out. Sizes are in CSS pixels
and percentages, so the bars stretch with the page while the text keeps its size on a phone.
"""
from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from datetime import date

from flask import Blueprint, abort, current_app, g, make_response, request, url_for

from advisor.i18n import t

bp = Blueprint("monitor", __name__)

#: a chart's rows beyond this are in its table only (the missing answers can be many)
CHART_ROWS = 10
LABEL_CHARS = 40        # a bar's label is wrapped at this many characters (a 360 px phone shows ~45)
LINE = 18               # px between the lines of a label
BAR = 16                # px: the height of a bar
GAP = 12                # px between two rows
BAR_SPACE = 84          # % of the width a full bar takes; the rest holds its number
COLUMNS_HEIGHT = 160    # px: the tallest column of the monthly chart
MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Bar:
    lines: list[tuple[float, str]]   # (y, text) of the label's lines
    y: float                         # top of the bar
    width: float                     # % of the chart's width
    value: int
    value_y: float                   # baseline of the number


@dataclass(frozen=True)
class Column:
    x: float                         # % of the chart's width: the column's left side
    width: float                     # %
    centre: float                    # %
    y: float                         # px: the column's top
    height: float                    # px
    value: int
    label: str                       # the month below it, or "" where the labels would crowd
    year: str                        # the year below January and the first column


def bars(rows: list[tuple[str, int]]) -> tuple[list[Bar], int]:
    """Horizontal bars with the label above each bar and the number after it; the chart's
    height in px."""
    top = max((v for _, v in rows), default=0) or 1
    out, y = [], 4.0
    for label, value in rows:
        lines = textwrap.wrap(label, LABEL_CHARS, break_on_hyphens=False) or [""]
        shown = []
        for line in lines:
            y += LINE - 4
            shown.append((y, line))
            y += 4
        bar_y = y + 2
        width = BAR_SPACE * value / top if value else 0
        out.append(Bar(shown, bar_y, round(max(width, 0.4 if value else 0), 2), value, bar_y + BAR - 3))
        y = bar_y + BAR + GAP
    return out, int(math.ceil(y))


def columns(rows: list[tuple[str, int]], lang: str) -> tuple[list[Column], int]:
    """A column per month (``YYYY-MM``) with its number above it and the month below."""
    n = len(rows) or 1
    top = max((v for _, v in rows), default=0) or 1
    slot = 100 / n
    every = max(1, math.ceil(n / 12))  # at most twelve month labels, so they never overlap on a phone
    names = MONTHS_NL if lang == "nl" else MONTHS_EN
    base = 20 + COLUMNS_HEIGHT         # px: the columns' foot (room for the number above the tallest)
    out = []
    for i, (month, value) in enumerate(rows):
        height = COLUMNS_HEIGHT * value / top
        y, m = month.split("-")
        labelled = i % every == 0
        out.append(Column(round(i * slot + slot * 0.15, 3), round(slot * 0.7, 3), round(i * slot + slot / 2, 3),
                          round(base - height, 1), round(height, 1), value,
                          names[int(m) - 1] if labelled else "", y if (labelled and (m == "01" or i == 0)) else ""))
    return out, base + 40


def _engine():
    """The store's engine, made once per app (``ADVISOR_DB_URL`` in the app's config, else the
    default store)."""
    engine = current_app.extensions.get("advisor.monitor.engine")
    if engine is None:
        from advisor.store.db import connect

        engine = current_app.extensions["advisor.monitor.engine"] = connect(current_app.config.get("ADVISOR_DB_URL"))
    return engine


def _range(lang: str) -> tuple[date | None, date | None, str | None, dict]:
    """The period asked for (GET ``from`` and ``to``), or what is wrong with it."""
    from advisor.store.monitor import default_range

    given = {"from": request.args.get("from", "").strip(), "to": request.args.get("to", "").strip()}
    days = {}
    for name, value in given.items():
        if not value:
            days[name] = None
            continue
        try:
            days[name] = date.fromisoformat(value)
        except ValueError:
            return None, None, t("mon_web_bad_date", lang, value=repr(value[:40])), given
    start, end = default_range(days["from"], days["to"])
    if end < start:
        return None, None, t("mon_range_wrong", lang, start=start.isoformat(), end=end.isoformat()), given
    return start, end, None, {"from": start.isoformat(), "to": end.isoformat()}


def _advisor_only() -> None:
    if not current_app.config.get("ADVISOR_PAGES", True):
        abort(404)


@bp.get("/advisor/monitor")
def page():
    from advisor.store import monitor as mon
    from advisor.web.app import _page

    _advisor_only()
    lang = g.lang
    start, end, error, form = _range(lang)
    if error:
        return _page("monitor.html", 422, mode="interview", error=error, form=form, m=None)
    figures = mon.report(_engine(), start, end)
    charts = []
    for table in mon.tables(figures, lang):
        shown = 1 if table.section == "expert_hours" else 0  # the hours booked, not the number of bookings
        if table.section == "instruments":  # the top 5 has its own chart; all of them are in its table
            chart_rows = []
        else:
            chart_rows = [(label, values[shown]) for _, label, values in table.rows[:CHART_ROWS]]
        chart = {"table": table, "id": table.section.replace("_", "-"), "kind": "bars", "rows": [], "height": 0,
                 "heads": [t("mon_col_" + measure, lang) for measure in table.measures],
                 "measure": t("mon_col_" + table.measures[shown], lang),
                 "more": max(0, len(table.rows) - CHART_ROWS) if table.section != "cases_by_month" else 0}
        if table.section == "cases_by_month":
            chart["kind"] = "columns"
            chart["rows"], chart["height"] = columns([(k, v[0]) for k, _, v in table.rows], lang)
        elif chart_rows:
            chart["rows"], chart["height"] = bars(chart_rows)
        else:
            chart["kind"] = "table"
        charts.append(chart)
    ita = figures.intake_to_advice
    intake = (t("mon_intake", lang, days=f"{ita.median_days:.1f}".replace(".", ",") if lang == "nl"
                else f"{ita.median_days:.1f}", n=ita.cases, waiting=ita.not_advised)
              if ita.median_days is not None else t("mon_intake_none", lang, waiting=ita.not_advised))
    csv_url = url_for("monitor.csv_file", lang=lang, **{"from": form["from"], "to": form["to"]})
    return _page("monitor.html", mode="interview", error=None, form=form, m=figures, charts=charts, intake=intake,
                 csv_url=csv_url)


@bp.get("/advisor/monitor.csv")
def csv_file():
    from advisor.store import monitor as mon

    _advisor_only()
    lang = g.lang
    start, end, error, _ = _range(lang)
    if error:
        abort(400)
    resp = make_response(mon.csv_text(mon.report(_engine(), start, end), lang))
    resp.headers["Content-Type"] = "text/csv; charset=utf-8"
    resp.headers["Content-Disposition"] = f'attachment; filename="monitoring-{start.isoformat()}-{end.isoformat()}.csv"'
    return resp
