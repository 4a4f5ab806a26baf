"""The Flask application: the starter's self-check (``/``), the advisor's interview
(``/advisor``) and the report, over the interview logic, ``consult()`` and the report module.

Safe by default: Jinja autoescapes everything (a text someone typed is shown as text); every
form carries a CSRF token (Flask-WTF); the Content-Security-Policy allows only this server's
own scripts and styles (the report's inline style by its hash), no frames, no other hosts;
errors are a friendly page in the reader's language, never a traceback. Links are made by
``url_for``, so the app works under a path prefix (``--base-path`` or a proxy's
``X-Forwarded-Prefix``, honoured through werkzeug's ProxyFix).

How requests share the engine: see ``advisor.web.live`` (one lock around every use of it).
"""
from __future__ import annotations

import logging
import os
import secrets
from datetime import date
from pathlib import Path
from typing import Any

from flask import Flask, abort, g, make_response, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect
from jinja2 import ChoiceLoader, FileSystemLoader
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from advisor.errors import InputError
from advisor.i18n import t
from advisor.interview.interview import UNKNOWN, Ask, Interview, case_data
from advisor.interview.questions import AnswerError
from advisor.store.db import store_url
from advisor.store.sessions import Session
from advisor.knowledge import catalogue
from advisor.models import Case, Override
from advisor.report import report
from advisor.web.live import Live, interview_day

HERE = Path(__file__).resolve().parent
LANGS = ("nl", "en")
log = logging.getLogger("advisor.web")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'{extra}; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


class _Prefix:
    """Mount the app under ``base`` (``--base-path /advisor``): /advisor/x is served as /x, with
    SCRIPT_NAME set so that every link the app makes carries the prefix."""

    def __init__(self, app, base: str):
        self.app, self.base = app, "/" + base.strip("/")

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == self.base or path.startswith(self.base + "/"):
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + self.base
            environ["PATH_INFO"] = path[len(self.base):] or "/"
            return self.app(environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [f"Not found: this service lives under {self.base}/\n".encode()]


def _secret_key(db_path: str | None) -> bytes:
    """The key that signs the CSRF cookie, kept 0600 beside the SQLite store (for any other
    store: beside the default file, in the user's private data folder), so an open page's form
    still works after a server restart."""
    from advisor.store.db import default_file

    path = Path(db_path) if db_path else default_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key_file = path.with_name(path.name + ".web-key")
    try:
        return key_file.read_bytes()
    except FileNotFoundError:
        pass
    key = secrets.token_bytes(32)
    try:
        fd = os.open(key_file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key)
        return key
    except FileExistsError:  # another server made it just now
        return key_file.read_bytes()


def create_app(db_path: str | None = None, *, db_url: str | None = None, base_path: str | None = None,
               advisor_pages: bool = True, warm: bool = True) -> Flask:
    """The app, with the engine, catalogue and questionnaire built now (not on the first request)."""
    app = Flask("advisor.web", static_folder=str(HERE / "static"), template_folder=str(HERE / "templates"))
    app.jinja_loader = ChoiceLoader([FileSystemLoader(HERE / "templates"), FileSystemLoader(report.TEMPLATES)])
    app.jinja_env.autoescape = True
    app.config.update(
        SECRET_KEY=_secret_key(db_path), WTF_CSRF_TIME_LIMIT=None, WTF_CSRF_SSL_STRICT=False,
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_NAME="advisor_csrf",
        MAX_CONTENT_LENGTH=64 * 1024, MAX_FORM_MEMORY_SIZE=64 * 1024, TEMPLATES_AUTO_RELOAD=False,
    )
    CSRFProtect(app)
    live = Live(db_path, db_url)
    app.extensions["advisor.live"] = live
    app.config["ADVISOR_PAGES"] = advisor_pages
    # the case, monitoring and load pages keep to the store the sessions are in
    app.config["ADVISOR_DB_URL"] = store_url(db_url, db_path)
    if warm:
        with live.engine_lock:
            _warm_up()
    _routes(app, live)
    app.register_blueprint(__import__("advisor.web.monitor", fromlist=["bp"]).bp)  # /advisor/monitor
    app.register_blueprint(__import__("advisor.web.cases", fromlist=["bp"]).bp)  # /advisor/cases
    app.register_blueprint(__import__("advisor.web.pool", fromlist=["bp"]).bp)  # the experts' load, bookings
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_port=1, x_prefix=1)
    if base_path and base_path.strip("/"):
        app.wsgi_app = _Prefix(app.wsgi_app, base_path)
    return app


def _warm_up() -> None:
    """Build the engine and load the knowledge at start-up: the first visitor waits no longer."""
    from advisor.engine.engine import engine, rule_metas
    from advisor.interview.questions import questionnaire

    catalogue()
    questionnaire()
    engine()
    rule_metas()
    Interview(date.today()).next()


# --- helpers -------------------------------------------------------------------------------


def _lang(session: Session | None = None) -> str:
    asked = request.values.get("lang")
    if asked in LANGS:
        return asked
    return session.lang if session is not None and session.lang in LANGS else "nl"


def _page(template: str, status: int = 200, **ctx):
    ctx.setdefault("lang", g.get("lang", "nl"))
    lang = ctx["lang"]
    ctx.setdefault("t", lambda key, **kw: t(key, lang, **kw))
    ctx.setdefault("other_lang", "en" if lang == "nl" else "nl")
    ctx.setdefault("switch_url", _switch_url(ctx["other_lang"]))
    return make_response(render_template(template, **ctx), status)


#: the page a form's endpoint shows again (the language switch of a re-asked question links there)
_PAGE_OF = {"answer": "question", "adv_answer": "adv_question", "change": "review", "override": "review",
            "finish": "review", "adv_start": "adv_index", "start": "index"}


def _switch_url(other: str) -> str:
    """This page in the other language (after a POST: the page the form belongs to)."""
    endpoint = request.endpoint
    if endpoint is None or endpoint in ("static", "favicon"):
        return url_for("index", lang=other)
    if request.method != "GET" or endpoint in _PAGE_OF:
        endpoint = _PAGE_OF.get(endpoint, "index")
        args = {}
    else:
        args = {k: v for k, v in request.args.items() if k != "lang"}
    try:
        return url_for(endpoint, **(request.view_args or {}), **args, lang=other)
    except Exception:  # a view argument the other page has not: the start page
        return url_for("index", lang=other)


def _question(ask: Ask, iv: Interview, lang: str, plain: bool, value: Any = None) -> dict:
    """What the question template shows."""
    q = ask.question
    current = iv.answers.get(ask.path) if value is None else value
    if current is UNKNOWN:
        current = None
    chosen = current if isinstance(current, list) else [current]
    choices = [{"value": c.value, "label": c.label(lang), "checked": c.value in chosen} for c in q.choices]
    if q.type == "bool":
        choices = [{"value": "true", "label": t("web_yes", lang), "checked": current is True},
                   {"value": "false", "label": t("web_no", lang), "checked": current is False}]
    text = ""
    if q.type in ("number", "integer", "municipality", "groups") and current is not None:
        text = q.label(current, lang) if q.type != "groups" else ", ".join(current)
    municipalities = sorted(set(catalogue().municipalities.by_key.values())) if q.type == "municipality" else []
    return {"path": ask.path, "field": q.field, "type": q.type, "wording": q.wording(lang, plain, ask.group),
            "help": q.help(lang), "choices": choices, "text": text, "rules": list(ask.rules),
            "municipalities": municipalities, "group": ask.group}


def _parse(ask: Ask, lang: str) -> Any:
    """The answer in the posted form (UNKNOWN for "I don't know"); AnswerError says what is allowed."""
    if request.form.get("action") == "unknown":
        return UNKNOWN
    q = ask.question
    if q.type == "multi":
        raw: Any = [v for v in request.form.getlist("value") if v.strip()]
        if not raw:
            raise AnswerError(t("web_choose", lang))
    else:
        raw = request.form.get("value", "").strip()
        if not raw:
            raise AnswerError(t("web_choose", lang))
    if len(str(raw)) > 2000:
        raise AnswerError(t("web_choose", lang))
    return q.parse(raw, lang)


def _case(session: Session) -> Case:
    from advisor.errors import validate

    overrides = [Override.model_validate(o) for o in session.overrides]
    return validate(Case, case_data(session.answers, session.as_of, overrides), f"session {session.id}")


def _compare(advice, lang: str) -> tuple[dict | None, str | None, tuple[str, str]]:
    """The review page's compare form (GET ``a`` and ``b``): the contrast of the two
    instruments on this advice (``advisor.plan.explain.contrast``; it reads the advice, it runs
    no engine), a message when the choice is not allowed, and the two instruments the selects
    show (the asked ones, else the top two recommendations)."""
    from advisor.plan.explain import contrast

    cat = catalogue()
    ids = list(cat.instruments)
    top = [r.instrument for r in advice.recommendations] + [i for i in ids]
    default = (top[0], next(i for i in top if i != top[0]))
    a, b = request.args.get("a"), request.args.get("b")
    if a is None and b is None:
        return None, None, default
    if a not in cat.instruments or b not in cat.instruments:
        return None, t("unknown_instrument", lang, value=repr(a if a not in cat.instruments else b)[:80],
                       allowed=", ".join(ids)), default
    if a == b:
        return None, t("ct_form_same", lang), (a, b)
    c = contrast(advice, a, b, cat)
    sides = []
    for s in c.sides:
        groups = f" ({', '.join(s.worker_groups)})" if s.worker_groups else ""
        rejected = f" ({', '.join(s.rejected_groups)})" if s.rejected_groups else ""
        recommended = s.status in ("recommended", "partly")

        def reasons(items):
            return [{"rule": r.rule, "text": r.text, "sources": list(r.sources), "group": r.group} for r in items]

        sides.append({"instrument": s.instrument, "name": s.name, "note": s.note, "status": s.status,
                      "status_text": t("ct_" + s.status, lang, fit=t("fit_" + s.fit, lang) if s.fit else "",
                                       groups=groups, rejected=rejected),
                      "lists": [(t(title, lang), reasons(items)) for title, items in (
                          ("ct_for" if recommended else "ct_against", s.reasons), ("ct_against", s.blocks),
                          ("ct_caveats", s.caveats)) if items],
                      "missing": s.missing})
    return {"sides": sides, "common": c.common,
            "title": t("ct_title", lang, names=" ↔ ".join(s.name for s in c.sides))}, None, (a, b)


def _progress(iv: Interview) -> tuple[int, int]:
    done = sum(1 for _ in iv.answers)
    return done, len(iv.candidates())


# --- routes ----------------------------------------------------------------------------------


def _routes(app: Flask, live: Live) -> None:
    @app.before_request
    def _before():
        g.lang = _lang()
        g.nonce = None

    @app.after_request
    def _headers(resp):
        resp.headers.setdefault("Content-Security-Policy", CSP.format(extra=""))
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["X-Frame-Options"] = "DENY"
        resp.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        resp.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if request.endpoint != "static":  # answers about people: never kept by a cache
            resp.headers["Cache-Control"] = "no-store"
        return resp

    def session_or_404(sid: str) -> Session:
        try:
            return live.load(sid)
        except InputError:
            abort(404)

    def advisor_only():
        if not app.config["ADVISOR_PAGES"]:
            abort(404, t("web_error_advisor_off", g.lang))

    def answer_posted(session: Session, sid: str, path: str, lang: str):
        """Take the posted answer to the question at ``path`` (under the engine lock): the
        question asked and None, or what is wrong with the answer (nothing is saved then)."""
        with live.engine_lock:
            ask = live.interview(session).ask_for(path)
            if ask is None:
                abort(400)
            try:
                value = _parse(ask, lang)
            except AnswerError as exc:
                return ask, str(exc)
            live.answer(sid, path, value)
            return ask, None

    # --- errors: a friendly page in the reader's language --------------------------------------

    @app.errorhandler(CSRFError)
    def _csrf(exc):
        return _page("error.html", 400, message=t("web_error_csrf", g.get("lang", "nl")))

    @app.errorhandler(HTTPException)
    def _http(exc):
        lang = g.get("lang", "nl")
        key = {404: "web_error_404", 405: "web_error_405"}.get(exc.code, "web_error_400")
        message = exc.description if isinstance(exc.description, str) and exc.description.startswith(
            ("Het deel", "The advisors")) else t(key, lang)
        return _page("error.html", exc.code or 400, message=message)

    @app.errorhandler(InputError)
    def _input(exc):  # a session a live terminal holds, or a database problem
        log.warning("%s", exc.message)
        busy = "open in another process" in exc.message
        return _page("error.html", 409 if busy else 500,
                     message=t("web_error_busy" if busy else "web_error_500", g.get("lang", "nl")))

    @app.errorhandler(Exception)
    def _crash(exc):
        log.exception("unexpected error")
        return _page("error.html", 500, message=t("web_error_500", g.get("lang", "nl")))

    # --- the starter's self-check ---------------------------------------------------------------

    @app.get("/favicon.ico")
    def favicon():  # browsers ask for one; there is none (and no error in their console)
        return "", 204

    @app.get("/")
    def index():
        return _page("index.html")

    @app.post("/start")
    def start():
        sid = live.create("selfcheck", g.lang, date.today())
        return redirect(url_for("question", sid=sid, lang=g.lang), 303)

    def ask_page(sid: str, mode: str, error: str | None = None, ask: Ask | None = None, value: Any = None,
                 status: int = 200):
        session = session_or_404(sid)
        lang = g.lang = _lang(session)
        plain = mode == "selfcheck"
        with live.engine_lock:
            iv = live.interview(session)
            ask = ask or iv.next()
            if ask is None:
                return redirect(url_for("result" if plain else "review", sid=sid, lang=lang), 303)
            done, left = _progress(iv)
            question = _question(ask, iv, lang, plain, value)
        return _page("question.html", status, session=session, q=question, mode=mode, error=error,
                     n=done + 1, done=done, left=left, can_back=bool(iv.answers),
                     action=url_for("question" if plain else "adv_question", sid=sid, lang=lang),
                     why_url=url_for("why", sid=sid, path=ask.path, lang=lang,
                                     **({} if plain else {"mode": "advisor"})),
                     link=url_for("question" if plain else "adv_question", sid=sid))

    def answer_post(sid: str, mode: str):
        session = session_or_404(sid)
        lang = g.lang = _lang(session)
        plain = mode == "selfcheck"
        target = "question" if plain else "adv_question"
        if request.form.get("action") == "back":
            with live.engine_lock:
                iv = live.interview(session)
                last = iv.last_answered()
                if last is not None:
                    live.retract(sid, last)
            return redirect(url_for(target, sid=sid, lang=lang), 303)
        path = request.form.get("path", "")
        ask, problem = answer_posted(session, sid, path, lang)
        if problem is None:
            return redirect(url_for(target, sid=sid, lang=lang), 303)
        error = problem if problem == t("web_choose", lang) else t("web_wrong", lang, problem=problem)
        return ask_page(sid, mode, error=error, ask=ask, status=422)

    @app.get("/s/<sid>")
    def question(sid):
        return ask_page(sid, "selfcheck")

    @app.post("/s/<sid>")
    def answer(sid):
        return answer_post(sid, "selfcheck")

    @app.get("/s/<sid>/why")
    def why(sid):
        from advisor.engine.engine import rule_metas

        session = session_or_404(sid)
        lang = g.lang = _lang(session)
        advisor = request.args.get("mode") == "advisor" and app.config["ADVISOR_PAGES"]
        cat = catalogue()
        with live.engine_lock:
            iv = live.interview(session)
            ask = iv.ask_for(request.args.get("path", ""))
            if ask is None:
                abort(404)
            reasons = iv.why(ask)
        metas = {m.id: m for m in rule_metas()}
        names = [cat.instruments[i].name(lang) for i in reasons.instruments if i in cat.instruments]
        rules = [{"id": r, "text": metas[r].text(lang), "sources": list(metas[r].sources)}
                 for r in reasons.rules if r in metas] if advisor else []
        back = url_for("adv_question" if advisor else "question", sid=sid, lang=lang)
        partial = request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"
        return _page("_why.html" if partial else "why.html",
                     mode="interview" if advisor else "selfcheck", session=session, help=ask.question.help(lang),
                     wording=ask.question.wording(lang, not advisor, ask.group), names=names, rules=rules,
                     back=back, partial=partial)

    def advice_of(session: Session, lang: str, audience: str):
        """The case, its advice and what would change it (``report.change_options``): both run
        the engine, so both are made under its lock, once per page view; the what-if search
        (up to a few CPU seconds) is cached per case, so per set of answers of the session."""
        from advisor.store.bookings import consult_booked

        case = _case(session)
        with live.engine_lock:  # the experts proposed as booked in the store the sessions are in
            advice = consult_booked(live.store().engine, case, lang=lang)
            return case, advice, report.change_options(case, advice, audience)

    @app.get("/s/<sid>/result")
    def result(sid):
        session = session_or_404(sid)
        lang = g.lang = _lang(session)
        with live.engine_lock:
            if live.interview(session).next() is not None:  # not done yet: back to the questions
                return redirect(url_for("question", sid=sid, lang=lang), 303)
        if session.status != "finished":
            live.finish(sid)
        case, advice, options = advice_of(session, lang, "starter")
        ctx = report.report_context(case, advice, audience="starter", session_id=sid, options=options)
        return _page("result.html", session=session, **ctx,
                     link=url_for("question", sid=sid))

    @app.get("/s/<sid>/report.<fmt>")
    def report_file(sid, fmt):
        if fmt not in ("html", "pdf"):
            abort(404)
        session = session_or_404(sid)
        lang = g.lang = _lang(session)
        audience = request.args.get("audience", "starter")
        if audience not in report.AUDIENCES or (audience == "advisor" and not app.config["ADVISOR_PAGES"]):
            abort(400)
        case, advice, options = advice_of(session, lang, audience)
        html = report.render_html(case, advice, audience=audience, session_id=sid, options=options)
        name = f"advies-{sid}-{audience}.{fmt}" if lang == "nl" else f"advice-{sid}-{audience}.{fmt}"
        if fmt == "html":
            resp = make_response(html)
            resp.headers["Content-Security-Policy"] = CSP.format(extra=f" '{report.style_hash(lang)}'")
            return resp
        try:
            pdf = report.render_pdf(html, advice.as_of)
        except report.PdfUnavailable:
            return _page("error.html", 501, message=t("web_error_pdf", lang))
        resp = make_response(pdf)
        resp.headers["Content-Type"] = "application/pdf"
        resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return resp

    # --- the advisor's interview ----------------------------------------------------------------

    @app.get("/advisor")
    def adv_index(error: str | None = None, status: int = 200):
        advisor_only()
        rows = sorted(live.list(), key=lambda s: (s.updated, s.id), reverse=True)
        return _page("advisor_index.html", status, mode="interview", sessions=rows, error=error, today=date.today().isoformat(),
                     first=catalogue().covers_from.isoformat())

    @app.post("/advisor/start")
    def adv_start():
        advisor_only()
        day = interview_day(request.form.get("as_of"))
        if day is None:
            return adv_index(error=t("adv_as_of_wrong", g.lang, first=catalogue().covers_from.isoformat()), status=422)
        sid = live.create("interview", g.lang, day)
        return redirect(url_for("adv_question", sid=sid, lang=g.lang), 303)

    @app.get("/advisor/s/<sid>")
    def adv_question(sid):
        advisor_only()
        return ask_page(sid, "interview")

    @app.post("/advisor/s/<sid>")
    def adv_answer(sid):
        advisor_only()
        return answer_post(sid, "interview")

    @app.get("/advisor/s/<sid>/review")
    def review(sid, errors: dict | None = None, status: int = 200, notice: str | None = None):
        advisor_only()
        session = session_or_404(sid)
        lang = g.lang = _lang(session)
        with live.engine_lock:
            iv = live.interview(session)
            rows = []
            for path in iv.answers:
                ask = iv.ask_for(path)
                if ask is None:  # e.g. an answer about a group that was removed since
                    continue
                q = _question(ask, iv, lang, False)
                value = iv.answers[path]
                q["shown"] = t("web_dont_know", lang) if value is UNKNOWN else ask.question.label(value, lang)
                q["error"] = (errors or {}).get(path)
                rows.append(q)
            pending = iv.next()
        case, advice, options = advice_of(session, lang, "advisor")
        from advisor.web.cases import record_shown  # the end page of a case's session: its consultation
        recorded = record_shown(session, case, advice) if pending is None else None
        ctx = report.report_context(case, advice, audience="advisor", session_id=sid, options=options)
        instruments = [(i.id, i.name(lang)) for i in catalogue().instruments.values()]
        compared, compare_error, pick = _compare(advice, lang)
        return _page("review.html", status, mode="interview", session=session, rows=rows, pending=pending is not None,
                     instruments=instruments, errors=errors or {}, notice=notice, compared=compared,
                     compare_error=compare_error, pick=pick, recorded=recorded, **ctx)

    @app.post("/advisor/s/<sid>/change")
    def change(sid):
        advisor_only()
        session = session_or_404(sid)
        lang = g.lang = _lang(session)
        path = request.form.get("path", "")
        _, problem = answer_posted(session, sid, path, lang)
        if problem is not None:  # (outside the lock: the review page takes it itself)
            return review(sid, errors={path: t("web_wrong", lang, problem=problem)}, status=422)
        return redirect(url_for("review", sid=sid, lang=lang, changed=path) + f"#row-{path}", 303)

    @app.post("/advisor/s/<sid>/override")
    def override(sid):
        advisor_only()
        session = session_or_404(sid)
        lang = g.lang = _lang(session)
        form = request.form
        data = {"instrument": form.get("instrument", ""), "decision": form.get("decision", ""),
                "justification": form.get("justification", "").strip(), "by": form.get("by", "").strip() or None,
                "on": date.today().isoformat()}
        try:
            ov = Override.model_validate(data)
        except Exception:  # pydantic's ValidationError: say what is allowed, keep the page
            return review(sid, errors={"override": t("iv_wrong", lang, problem=t("iv_override_short", lang)
                                                      if len(data["justification"]) < 10 else
                                                      t("iv_override_unknown", lang))}, status=422)
        inst = catalogue().instruments[ov.instrument]
        if ov.decision == "recommend" and not inst.open_on(session.as_of):
            cat = catalogue()
            successor = cat.instruments[inst.successor].name(lang) if inst.successor else t("no_successor", lang)
            return review(sid, errors={"override": t(
                "iv_override_closed", lang, name=inst.name(lang), date=session.as_of.isoformat(),
                until=inst.open_until.isoformat() if inst.open_until else "-", successor=successor)}, status=422)
        with live.engine_lock:
            live.override(sid, ov)
        return redirect(url_for("review", sid=sid, lang=lang) + "#h-overrides", 303)

    @app.post("/advisor/s/<sid>/finish")
    def finish(sid):
        advisor_only()
        session = session_or_404(sid)
        live.finish(sid)
        return redirect(url_for("review", sid=sid, lang=_lang(session)), 303)
