"""The advisor's case pages (a Flask blueprint): the list of cases with a search box and a form
for a new one, a case's page (its details, its sessions, its consultations, a rename and a
status form, a link to share it within the store, an interview to start for it) and the
difference between two of its consultations.

On the advisor's side only (404 under ``--no-advisor``, like the other advisor pages). The
forms carry the app's CSRF token; every text is escaped by Jinja; the rename and status forms
carry the version the advisor saw, so a colleague's change meanwhile is not overwritten
("reload", 409). The store is the one the web's sessions are kept in (``--db``/``--db-url``
of `advisor web`); who works is the login in front of the server (``REMOTE_USER``),
else ``advisor_name()``.

``record_shown`` is the end page's hook: when an interview session belongs to a case, the
advice its end page shows is recorded as a consultation (channel web), once per set of answers.
"""
from __future__ import annotations

import logging
from datetime import date

from flask import Blueprint, abort, current_app, g, make_response, redirect, render_template, request, url_for

from advisor.errors import EnvironmentFailure, InputError
from advisor.i18n import t

bp = Blueprint("cases", __name__, url_prefix="/advisor/cases")
log = logging.getLogger("advisor.web")
PER_PAGE = 20


def stores():
    """The app's case store and consultation log, made on first use."""
    have = current_app.extensions.get("advisor.cases")
    if have is None:
        from advisor.store.cases import CaseStore
        from advisor.store.consultations import ConsultationLog

        sessions = current_app.extensions["advisor.live"].store()  # the store the sessions are in
        store = CaseStore(sessions.url, engine=sessions.engine)
        have = current_app.extensions["advisor.cases"] = (store, ConsultationLog(store))
    return have


def who() -> str:
    from advisor.store.db import advisor_name

    return advisor_name(request.environ.get("REMOTE_USER") or current_app.config.get("ADVISOR_NAME"))


@bp.app_template_filter("when")
def _when(stamp: str | None) -> str:
    """A stored UTC time as a person reads it: "2026-12-02 09:15 UTC"."""
    return f"{stamp[:10]} {stamp[11:16]} UTC" if stamp and len(stamp) >= 16 else (stamp or "–")


@bp.app_template_filter("instrument_name")
def _instrument_name(instrument_id: str) -> str:
    """An instrument by its name in the page's language (an id the catalogue lacks: as it is)."""
    from advisor.knowledge import catalogue

    inst = catalogue().instruments.get(instrument_id)
    return inst.name(g.get("lang", "nl")) if inst else instrument_id


def _page(template: str, status: int = 200, **ctx):
    """A page of the advisor's side, as the app's own pages are made (advisor.web.app._page; not
    imported: the app imports this blueprint). After a POST the caller gives ``switch_url``."""
    lang = g.get("lang", "nl")
    other = "en" if lang == "nl" else "nl"
    ctx.setdefault("switch_url", url_for(request.endpoint, **(request.view_args or {}),
                                         **{k: v for k, v in request.args.items() if k != "lang"}, lang=other))
    return make_response(render_template(template, lang=lang, t=lambda key, **kw: t(key, lang, **kw),
                                          other_lang=other, mode="interview", **ctx), status)


@bp.before_request
def _advisor_only():
    if not current_app.config.get("ADVISOR_PAGES", True):
        abort(404, t("web_error_advisor_off", g.get("lang", "nl")))


def _case_or_404(cid: str):
    store, _ = stores()
    try:
        return store.get(cid)
    except EnvironmentFailure:
        raise
    except InputError:
        abort(404)


def _switch(endpoint: str, **args) -> str:
    """The language switch of a page shown after a POST: the same page, in the other language."""
    return url_for(endpoint, **args, lang="en" if g.lang == "nl" else "nl")


def _int(value, default: int = 1) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


# --- the list ------------------------------------------------------------------------------------


@bp.get("")
def index(error: str | None = None, form: dict | None = None, status: int = 200):
    store, _ = stores()
    query = (request.args.get("q") or "").strip()[:200]
    page = store.search(query, _int(request.args.get("page")), PER_PAGE) if query else \
        store.list(_int(request.args.get("page")), PER_PAGE)
    from advisor.store.cases import LEGAL_FORMS

    name = _legal_form_name()
    return _page("cases.html", status, page=page, query=query, error=error, form=form or {},
                 legal_forms=[(f, name(f)) for f in LEGAL_FORMS], **({"switch_url": _switch("cases.index")} if error else {}))


@bp.post("")
def create():
    store, _ = stores()
    form = {k: request.form.get(k, "").strip() for k in ("label", "organisation", "municipality", "legal_form")}
    try:
        case = store.create(form["label"], owner=who(), organisation=form["organisation"] or None,
                            municipality=form["municipality"] or None, legal_form=form["legal_form"] or None)
    except EnvironmentFailure:
        raise
    except InputError as exc:
        return index(error=exc.text(g.lang), form=form, status=422)
    return redirect(url_for("cases.show", cid=case.id, lang=g.lang), 303)


# --- one case ------------------------------------------------------------------------------------


def _show(cid: str, errors: dict | None = None, status: int = 200, notice: str | None = None):
    from advisor.store.schema import CASE_STATUSES

    case = _case_or_404(cid)
    store, log_ = stores()
    history = [h.summary() for h in log_.history(case.id)]
    sessions = store.sessions(case.id)
    later = CASE_STATUSES[CASE_STATUSES.index(case.status) + 1:]
    ctx = {"switch_url": _switch("cases.show", cid=case.id)} if request.method != "GET" else {}
    return _page("cases_case.html", status, case=case,
                 legal_form=_legal_form_name()(case.legal_form) if case.legal_form else None, history=list(reversed(history)), sessions=sessions,
                 later=later, errors=errors or {}, notice=notice or request.args.get("done"),
                 share=url_for("cases.show", cid=case.id, _external=True), today=date.today().isoformat(),
                 first=_first_day(), **ctx)


def _legal_form_name():
    """A legal form as the interview names it ("vzw (...)"), in the page's language."""
    from advisor.interview.questions import questionnaire

    label = questionnaire().value_labeller(g.lang)
    return lambda value: label("organisation.legal_form", value)


def _first_day() -> str:
    from advisor.knowledge import catalogue

    return catalogue().covers_from.isoformat()


@bp.get("/<cid>")
def show(cid):
    return _show(cid)


def _change(cid: str, what: str, change):
    """A versioned change from a form: the page again with the error (422), or "reload" (409)."""
    case = _case_or_404(cid)
    try:
        seen = int(request.form.get("version", ""))
    except ValueError:
        abort(400)
    try:
        change(case, seen)
    except EnvironmentFailure:
        raise
    except InputError as exc:
        meanwhile = any(getattr(p, "key", None) == "cs_changed_meanwhile" for p in exc.problems)
        return _show(case.id, errors={what: exc.problems[0].render(g.lang) if hasattr(exc.problems[0], "render")
                                      else str(exc.problems[0])}, status=409 if meanwhile else 422)
    return redirect(url_for("cases.show", cid=case.id, lang=g.lang, done=what) + f"#{what}", 303)


@bp.post("/<cid>/rename")
def rename(cid):
    store, _ = stores()
    return _change(cid, "rename", lambda case, seen: store.rename(case.id, request.form.get("label", ""), seen))


@bp.post("/<cid>/status")
def status(cid):
    store, _ = stores()
    return _change(cid, "status", lambda case, seen: store.set_status(case.id, request.form.get("status", ""), seen))


@bp.post("/<cid>/interview")
def interview(cid):
    """Start an interview for the case: a new session, linked to it, on the date asked."""
    from advisor.knowledge import catalogue

    from advisor.web.live import interview_day

    case = _case_or_404(cid)
    day = interview_day(request.form.get("as_of"))
    if day is None:
        first = catalogue().covers_from.isoformat()
        return _show(case.id, errors={"interview": t("adv_as_of_wrong", g.lang, first=first)}, status=422)
    live = current_app.extensions["advisor.live"]
    sid = live.create("interview", g.lang, day)
    live.store().attach(sid, case.id)
    return redirect(url_for("adv_question", sid=sid, lang=g.lang), 303)


@bp.get("/<cid>/diff")
def diff(cid):
    case = _case_or_404(cid)
    _, log_ = stores()
    a, b = request.args.get("a"), request.args.get("b")
    try:
        d = log_.diff(case.id, _int(a) if a else None, _int(b) if b else None)
    except EnvironmentFailure:
        raise
    except InputError as exc:
        return _show(case.id, errors={"diff": exc.problems[0].render(g.lang)}, status=422)
    from advisor.store.consultations import diff_text

    lines = []
    for line in diff_text(d, g.lang).splitlines()[1:]:  # (the first is the title, which the page has)
        text = line.strip()
        kind = {"+": "add", "-": "del", "~": "chg"}.get(text[:1], "chg" if text.startswith("as_of:") else "sub")
        lines.append({"kind": kind, "text": text})
    return _page("cases_diff.html", case=case, d=d, lines=lines)


# --- the end page's hook ---------------------------------------------------------------------------


def record_shown(session, case, advice) -> dict | None:
    """When ``session`` belongs to a case, record the advice its end page shows (channel web),
    unless the session's last consultation already holds this case on this date and knowledge.
    Returns what the page says about it (the case, the consultation's number), else None. A store
    that cannot be reached does not take the advice page down: it says so instead."""
    from sqlalchemy import select

    from advisor.store.consultations import canonical_json, case_document
    from advisor.store.schema import sessions

    try:
        store, log_ = stores()
        with store._read() as conn:
            cid = conn.execute(select(sessions.c.case_id).where(sessions.c.id == session.id)).scalar()
        if not cid:
            return None
        row = store.get(cid)
        mine = [h for h in log_.history(cid) if h.session_id == session.id]
        last = mine[-1] if mine else None
        if last is not None and (last.case_json, last.as_of, last.knowledge_version) == (
                canonical_json(case_document(case)), advice.as_of.isoformat(), advice.knowledge_version):
            return {"case": row, "n": last.n, "new": False}
        record = log_.record(cid, case, advice, asked_by=who(), channel="web", session_id=session.id)
        return {"case": store.get(cid), "n": record.n, "new": True}
    except InputError as exc:  # EnvironmentFailure included
        log.warning("consultation not recorded: %s", exc.message)
        return {"failed": True}

