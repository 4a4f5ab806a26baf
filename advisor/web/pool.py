"""The experts' load (``/advisor/load``) and the bookings (``/advisor/bookings``), advisor side only.

Per month (a month picker): each expert's hours as a bar drawn on the server (inline SVG, its
colours as SVG attributes, so the Content-Security-Policy's "no inline style" holds and no
request leaves the page), the figures beside it, the month's bookings with their confirm /
decline / close buttons, and a form to book an expert for a stored case. Every form carries
the CSRF token of the app; every status change sends the version the page showed (a change
someone else made meanwhile is refused with a message to reload). ``/advisor/load?case=ID``
fills in the case, so a case page can link here.

The store is ``app.config["ADVISOR_DB_URL"]``, else the one the app's sessions are in
(``advisor web --db-url`` / ``--db``), else ``advisor.store.db.default_url()``; connected on
first use and kept in ``app.extensions["advisor.store"]``.
"""
from __future__ import annotations

import threading
from datetime import date

from flask import Blueprint, abort, current_app, g, redirect, request, url_for

from advisor.errors import InputError
from advisor.i18n import render, t

bp = Blueprint("pool", __name__)
_CONNECTING = threading.Lock()

#: the bar's parts, in order, with their colours (contrast >= 3:1 against white, WCAG 1.4.11)
PARTS = (("start", "#595959"), ("requested", "#a34700"), ("confirmed", "#0b3d5c"), ("done", "#14532d"))
BAR_WIDTH = 240


def store():
    """The app's store engine, connected once."""
    engine = current_app.extensions.get("advisor.store")
    if engine is None:
        with _CONNECTING:
            engine = current_app.extensions.get("advisor.store")
            if engine is None:
                from advisor.store.db import connect, store_url

                live = current_app.extensions.get("advisor.live")  # the store the sessions are in
                url = current_app.config.get("ADVISOR_DB_URL") or (
                    store_url(getattr(live, "db_url", None), getattr(live, "db_path", None)) if live else None)
                engine = connect(url)
                current_app.extensions["advisor.store"] = engine
    return engine


def _advisor_only() -> None:
    if not current_app.config.get("ADVISOR_PAGES", True):
        abort(404, t("web_error_advisor_off", g.get("lang", "nl")))


def _month_asked(value: str | None) -> tuple[str, str | None]:
    """The month asked for (default: this month) and, when it is no month, the message."""
    from advisor.store.bookings import month_of, parse_month

    if not value:
        return month_of(date.today()), None
    try:
        return parse_month(value), None
    except InputError as exc:
        return month_of(date.today()), _said(exc)


def _said(exc: InputError) -> str:
    return "; ".join(render(p, g.lang) if not isinstance(p, str) else p for p in exc.problems)


def _bar(r) -> dict:
    """The bar of one expert's month: segments as (x, width, colour), on a scale of the hours
    available (or of the hours committed, when more were committed than are available)."""
    scale = max(r.available, r.committed) or 1
    x, parts = 0.0, []
    for name, colour in PARTS:
        hours = getattr(r, name)
        if hours:
            width = BAR_WIDTH * hours / scale
            parts.append({"x": round(x, 2), "w": round(width, 2), "colour": colour})
            x += width
    return {"parts": parts, "free_x": round(x, 2), "free_w": round(max(0.0, BAR_WIDTH - x), 2)}


def _cases(engine) -> list[tuple[str, str]]:
    """The store's open cases (id, label), the last changed first: the booking form's choices."""
    from sqlalchemy import select

    from advisor.store.schema import cases

    query = (select(cases.c.id, cases.c.label).where(cases.c.status != "closed")
             .order_by(cases.c.updated.desc(), cases.c.id).limit(200))
    with engine.connect() as conn:
        return [(row.id, row.label) for row in conn.execute(query)]


def _page(month: str, *, error: str | None = None, notice: str | None = None, form: dict | None = None,
          status: int = 200):
    from advisor.plan.pool import pool
    from advisor.store import bookings
    from advisor.web.app import _page as page

    lang = g.lang
    engine = store()
    p = pool()
    rows = bookings.load(engine, month, p)
    names = {e.id: e.name for e in p.experts}
    listed = bookings.list_bookings(engine, month=month)
    shown = [{"r": r, "bar": _bar(r), "label": t("web_load_bar", lang, name=r.expert.name, committed=r.committed,
                                                 available=r.available, free=r.free)} for r in rows]
    year = int(month[:4])
    experts = [(e.id, f"{e.name} ({e.id})") for e in sorted(p.experts, key=lambda e: e.id) if e.active_in(year)]
    domains = [(d.id, d.name(lang)) for d in p.domains.values()]
    other = "en" if lang == "nl" else "nl"
    return page("load.html", status, mode="interview", month=month, rows=shown, bookings=listed, names=names,
                domains=domains, domain_names={d: n for d, n in domains}, experts=experts, cases=_cases(engine),
                form=form or {"case_id": request.args.get("case", ""), "hours": "1"}, error=error, notice=notice,
                parts=PARTS, bar_width=BAR_WIDTH,
                switch_url=url_for("pool.load", month=month, lang=other, **({"case": request.args["case"]}
                                                                            if request.args.get("case") else {})))


@bp.get("/advisor/load")
def load():
    _advisor_only()
    month, error = _month_asked(request.args.get("month"))
    notice = None
    booked = request.args.get("booked", "")
    if booked.isdigit() and not error:
        notice = _booked_notice(int(booked))
    return _page(month, error=error, notice=notice, status=422 if error else 200)


def _booked_notice(booking_id: int) -> str | None:
    from advisor.plan.pool import pool
    from advisor.store import bookings

    try:
        b = bookings.get(store(), booking_id)
    except InputError:
        return None
    p, lang = pool(), g.lang
    e = next((x for x in p.experts if x.id == b.expert_id), None)
    return t("bk_booked", lang, id=b.id, expert=f"{e.name} ({e.id})" if e else b.expert_id, hours=b.hours,
             month=b.month, domain=p.domains[b.domain].name(lang) if b.domain in p.domains else b.domain,
             case=b.case_id, status=t("bk_status_" + b.status, lang))


@bp.post("/advisor/bookings")
def book():
    """Book an expert for a case; back to the month's load (303), or the page again with what
    is wrong (422; nothing is booked)."""
    _advisor_only()
    from advisor.store import bookings
    from advisor.store.db import advisor_name

    f = request.form
    form = {k: f.get(k, "").strip() for k in ("case_id", "expert", "month", "hours", "domain", "note")}
    month, error = _month_asked(form["month"] or None)
    if error:
        return _page(month, error=error, form=form, status=422)
    try:
        hours = int(form["hours"])
    except ValueError:
        return _page(month, error=t("web_book_not_a_number", g.lang, value=repr(form["hours"][:20])), form=form,
                     status=422)
    try:
        b = bookings.book(store(), form["case_id"], form["expert"], month, hours, form["domain"],
                          form["note"] or None, advisor_name(None))
    except InputError as exc:
        return _page(month, error=_said(exc), form=form, status=422)
    return redirect(url_for("pool.load", month=b.month, lang=g.lang, booked=b.id) + f"#booking-{b.id}", 303)


@bp.post("/advisor/bookings/<int:booking_id>")
def move(booking_id: int):
    """Confirm, decline or close (with the hours done) a booking, at the version the page showed."""
    _advisor_only()
    from advisor.store import bookings

    f = request.form
    month, error = _month_asked(f.get("month"))
    action = f.get("action", "")
    try:
        seen = int(f.get("version", ""))
    except ValueError:
        abort(400)
    try:
        if action == "confirm":
            b = bookings.confirm(store(), booking_id, seen=seen)
        elif action == "decline":
            b = bookings.decline(store(), booking_id, seen=seen)
        elif action == "close":
            try:
                done = int(f.get("hours_done", "").strip())
            except ValueError:
                return _page(month, error=t("web_book_not_a_number", g.lang, value=repr(f.get("hours_done", "")[:20])),
                             status=422)
            b = bookings.close(store(), booking_id, done, seen=seen)
        else:
            abort(400)
    except InputError as exc:
        return _page(month, error=_said(exc), status=409 if "bk_changed" in _keys(exc) else 422)
    return redirect(url_for("pool.load", month=b.month, lang=g.lang) + f"#booking-{b.id}", 303)


def _keys(exc: InputError) -> set[str]:
    return {getattr(p, "key", "") for p in exc.problems}
