"""`advisor web` through Flask's test client: every route, bad input, CSRF, escaping, the
language, the path prefix, and concurrent requests on the one engine."""
from __future__ import annotations

import re
import subprocess
import sys
import threading
from datetime import date
from html import unescape
from pathlib import Path

import flask
import pytest

from advisor.interview.interview import UNKNOWN, case_data, case_values
from advisor.interview.sessions import SessionStore
from advisor.plan.consult import consult
from advisor.regression.scenarios import load_case_or_scenario
from advisor.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
EX3 = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"
EX5 = ROOT / "scenarios/worked-examples/ex5-2026-cooperative-household-cleaning.yaml"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return create_app(str(tmp_path_factory.mktemp("web") / "sessions.db"))


@pytest.fixture
def client(app):
    return app.test_client()


def token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def field(html: str) -> str | None:
    m = re.search(r'name="path" value="([^"]+)"', html)
    return m.group(1) if m else None


def start(client, lang="nl") -> str:
    page = client.get(f"/?lang={lang}")
    r = client.post(f"/start?lang={lang}", data={"csrf_token": token(page.text)})
    assert r.status_code == 303
    return r.headers["Location"].split("?")[0]


def form_for(value, html: str) -> dict:
    """The form fields a person would fill in for ``value`` on this question page."""
    if value is UNKNOWN:
        return {"action": "unknown"}
    if isinstance(value, bool):
        return {"action": "answer", "value": "true" if value else "false"}
    if isinstance(value, list) and 'type="checkbox"' in html:
        return {"action": "answer", "value": value}
    if isinstance(value, list):
        return {"action": "answer", "value": ", ".join(value)}
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return {"action": "answer", "value": str(value)}


def complete(client, url: str, answers: dict, limit: int = 80) -> str:
    """Answer every question the web asks from ``answers`` ("I don't know" when absent);
    returns the end page's URL."""
    for _ in range(limit):
        r = client.get(url)
        if r.status_code == 303:
            return r.headers["Location"]
        assert r.status_code == 200, r.text
        path = field(r.text)
        data = {"csrf_token": token(r.text), "path": path, **form_for(answers.get(path, UNKNOWN), r.text)}
        r = client.post(url, data=data)
        assert r.status_code == 303, (path, r.status_code, r.text[-800:])
    raise AssertionError("the interview did not end")


def store_of(app) -> SessionStore:
    return app.extensions["advisor.live"].store()


# --- the self-check -------------------------------------------------------------------------


def test_the_engine_is_built_at_start_up(app):
    from advisor.engine.engine import engine

    assert engine.cache_info().currsize == 1  # create_app built it: the first visitor does not wait


def test_the_self_check_ends_with_the_advice_of_the_same_answers(app, client):
    case = load_case_or_scenario(str(EX3))
    answers = case_values(case)
    url = start(client)
    end = complete(client, url, answers)
    assert end.split("?")[0] == url + "/result"
    page = client.get(end)
    assert page.status_code == 200
    sid = url.rsplit("/", 1)[1]
    session = store_of(app).load(sid)
    assert session.status == "finished"
    from advisor.errors import validate
    from advisor.models import Case

    asked = validate(Case, case_data(session.answers, session.as_of), "web")
    advice = consult(asked, lang="nl")
    shown = re.findall(r'class="rec" data-instrument="([^"]+)"', page.text)
    assert shown == [r.instrument for r in advice.recommendations] and shown
    rejected = re.findall(r'<li data-instrument="([^"]+)"', page.text)
    assert rejected == [r.instrument for r in advice.rejected]
    text = unescape(page.text)
    for e in advice.experts:
        assert e.name in text
    assert advice.next_steps[0].text.split()[0] in text
    # the saved answers are exactly those given, in the terminal's own store
    assert all(answers.get(p, UNKNOWN) == v for p, v in session.answers.items())


def test_every_page_has_its_language_and_a_switch(client):
    for lang, other, word in (("nl", "English", "Begin de zelftest"), ("en", "Nederlands", "Start the self-check")):
        page = client.get(f"/?lang={lang}")
        assert f'<html lang="{lang}">' in page.text and word in page.text and other in page.text
    url = start(client, "en")
    page = client.get(url)
    assert '<html lang="en">' in page.text and "I don't know" in unescape(page.text)
    switch = re.search(r'<a class="lang" href="([^"]+)"', page.text).group(1)
    assert unescape(switch) == url + "?lang=nl"
    assert '<html lang="nl">' in client.get(unescape(switch)).text
    assert "Ik weet het niet" in client.get(unescape(switch)).text


def test_the_question_page_is_accessible_markup(client):
    url = start(client)
    page = client.get(url).text
    # a choice question: a fieldset whose legend is the question; every input has its label
    ids = re.findall(r'<input type="(?:radio|checkbox)" name="value" id="([^"]+)"', page)
    assert ids and all(f'<label for="{i}">' in page for i in ids)
    assert "<legend>" in page and 'aria-describedby="q-help' in page and "<progress" in page
    assert "Waarom vraagt u dit?" in page and "Vraag 1" in page


def test_back_and_dont_know(app, client):
    url = start(client)
    first = client.get(url).text
    path = field(first)
    client.post(url, data={"csrf_token": token(first), "path": path, "action": "unknown"})
    second = client.get(url).text
    assert field(second) != path
    sid = url.rsplit("/", 1)[1]
    assert store_of(app).load(sid).answers == {path: UNKNOWN}
    r = client.post(url, data={"csrf_token": token(second), "path": field(second), "action": "back"})
    assert r.status_code == 303 and store_of(app).load(sid).answers == {}
    assert field(client.get(url).text) == path


def test_why_am_i_asked_this(client):
    url = start(client)
    page = client.get(url).text
    why = unescape(re.search(r'<p class="why-link"><a href="([^"]+)"', page).group(1))
    full = client.get(why)
    assert full.status_code == 200 and "Waarom deze vraag?" in full.text and "<html" in full.text
    part = client.get(why, headers={"HX-Request": "true"})  # htmx fetches only the box
    assert part.status_code == 200 and "<html" not in part.text and 'class="why-box"' in part.text
    assert client.get(url + "/why?path=no.such.field").status_code == 404


def test_bad_form_input_is_asked_again_and_nothing_is_saved(app, client):
    url = start(client)
    sid = url.rsplit("/", 1)[1]
    page = client.get(url).text
    path = field(page)
    r = client.post(url, data={"csrf_token": token(page), "path": path, "action": "answer"})  # nothing chosen
    assert r.status_code == 422 and "Kies een antwoord" in r.text and 'role="alert"' in r.text
    switch = unescape(re.search(r'<a class="lang" href="([^"]+)"', r.text).group(1))
    assert switch == url + "?lang=en"  # the language switch stays on the question
    r = client.post(url, data={"csrf_token": token(page), "path": path, "action": "answer", "value": "kasteel"})
    assert r.status_code == 422 and "staat niet op de lijst" in unescape(r.text)
    r = client.post(url, data={"csrf_token": token(page), "path": "organisation.nonsense", "action": "answer",
                               "value": "x"})
    assert r.status_code == 400 and "Het formulier kon niet verwerkt worden" in r.text
    assert store_of(app).load(sid).answers == {}
    # a number question: letters are refused with what is allowed
    r = client.post(url, data={"csrf_token": token(page), "path": "organisation.staff_fte", "action": "answer",
                               "value": "veel"})
    assert r.status_code == 422 and "Geef een getal" in r.text
    assert store_of(app).load(sid).answers == {}
    r = client.post(url, data={"csrf_token": token(page), "path": path, "value": "x" * 70_000})
    assert r.status_code == 413 and "Er ging iets mis" in r.text


def test_a_form_without_its_csrf_token_is_refused(app, client):
    url = start(client)
    sid = url.rsplit("/", 1)[1]
    page = client.get(url).text
    path = field(page)
    for data in ({"path": path, "action": "unknown"}, {"csrf_token": "forged", "path": path, "action": "unknown"}):
        r = client.post(url, data=data)
        assert r.status_code == 400 and "Het formulier is verlopen" in r.text
    other = flask.Flask.test_client(client.application)  # another browser: its own cookie
    r = other.post(url, data={"csrf_token": token(page), "path": path, "action": "unknown"})
    assert r.status_code == 400
    assert store_of(app).load(sid).answers == {}
    assert client.post("/start", data={}).status_code == 400


def test_friendly_error_pages_in_the_readers_language(client):
    r = client.get("/s/20260101-nosuchsession?lang=en")
    assert r.status_code == 404 and "This page or session does not exist" in r.text and '<html lang="en">' in r.text
    r = client.get("/nope")
    assert r.status_code == 404 and "Deze pagina of sessie bestaat niet" in r.text
    r = client.get("/start")
    assert r.status_code == 405 and "Traceback" not in r.text


def test_security_headers_on_every_page(client):
    url = start(client)
    for path in ("/", url, "/advisor", "/nope", "/static/app.css"):
        csp = client.get(path).headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "http" not in csp and "unsafe" not in csp
    page = client.get(url)
    assert page.headers["Cache-Control"] == "no-store" and page.headers["X-Content-Type-Options"] == "nosniff"
    assert not re.search(r'(src|href)="(https?:)?//', page.text)  # nothing from elsewhere
    assert "<style" not in page.text and " style=" not in page.text  # the CSP allows no inline style
    js = client.get("/static/htmx.min.js")
    assert js.status_code == 200 and b"htmx" in js.data


def test_the_report_from_the_end_page(app, client):
    url = start(client)
    end = complete(client, url, case_values(load_case_or_scenario(str(EX5))))
    page = client.get(end).text
    html_link = unescape(re.search(r'id="report-html"', page) and re.search(r'href="([^"]+)"[^>]*id="report-html"',
                                                                             page).group(1))
    report = client.get(html_link)
    assert report.status_code == 200 and "Resultaat van de zelftest" in report.text
    style = re.search(r"<style>(.*?)</style>", report.text, re.S).group(1)
    import base64
    import hashlib

    digest = "sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'{digest}'" in report.headers["Content-Security-Policy"]  # exactly its own style
    pdf_link = unescape(re.search(r'href="([^"]+)"[^>]*id="report-pdf"', page).group(1))
    pdf = client.get(pdf_link)
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF") and pdf.mimetype == "application/pdf"
    assert "attachment" in pdf.headers["Content-Disposition"]
    assert client.get(url + "/report.doc").status_code == 404
    assert client.get(url + "/report.html?audience=boss").status_code == 400


# --- the advisor's interview ------------------------------------------------------------------


def adv_start(client, day="2026-03-01", lang="nl") -> str:
    page = client.get(f"/advisor?lang={lang}").text
    r = client.post(f"/advisor/start?lang={lang}", data={"csrf_token": token(page), "as_of": day})
    assert r.status_code == 303, r.text
    return r.headers["Location"].split("?")[0]


def test_the_advisor_sees_field_names_and_rules_and_the_sessions(client):
    url = adv_start(client)
    page = client.get(url).text
    assert "veld: organisation.legal_form" in page or "veld: " in page
    assert re.search(r"\(nonprofit\)|\(municipality\)", page)  # the values beside the labels
    sid = url.rsplit("/", 1)[1]
    assert sid in client.get("/advisor").text
    bad = client.post("/advisor/start", data={"csrf_token": token(page), "as_of": "1999-01-01"})
    assert bad.status_code == 422 and "vanaf 2005-01-01" in bad.text


def test_the_review_page_changes_an_answer_in_place(app, client):
    case = load_case_or_scenario(str(EX5))
    url = adv_start(client, "2026-03-01")
    review = complete(client, url, case_values(case))
    assert review.split("?")[0] == url + "/review"
    page = client.get(review).text
    before = re.findall(r'class="rec" data-instrument="([^"]+)"', page)
    assert "dienstencheques" in before
    # households -> companies: service vouchers no longer fit
    r = client.post(url + "/change", data={"csrf_token": token(page), "path": "service.customers",
                                           "action": "answer", "value": ["companies"]})
    assert r.status_code == 303
    after = client.get(r.headers["Location"]).text
    assert "dienstencheques" not in re.findall(r'class="rec" data-instrument="([^"]+)"', after)
    assert re.search(r'data-path="service.customers">bedrijven<', after)
    bad = client.post(url + "/change", data={"csrf_token": token(page), "path": "organisation.staff_fte",
                                             "action": "answer", "value": "-3"})
    assert bad.status_code == 422 and "Dat antwoord past niet" in bad.text


def test_an_override_with_a_hostile_justification_is_shown_as_text(app, client):
    url = adv_start(client)
    page = client.get(url + "/review").text
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    r = client.post(url + "/override", data={"csrf_token": token(page), "instrument": "wijk-werken",
                                             "decision": "reject", "justification": hostile, "by": "<b>Eva</b>"})
    assert r.status_code == 303
    review = client.get(url + "/review").text
    assert hostile not in review and "<b>Eva</b>" not in review and "<img src=x" not in review
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in review and "&lt;b&gt;Eva&lt;/b&gt;" in review
    report = client.get(url.replace("/advisor/s/", "/s/") + "/report.html?audience=advisor").text
    assert hostile not in report and "&lt;script&gt;" in report
    short = client.post(url + "/override", data={"csrf_token": token(page), "instrument": "wijk-werken",
                                                 "decision": "reject", "justification": "no"})
    assert short.status_code == 422 and "minstens 10 tekens" in short.text
    closed = client.post(url + "/override", data={"csrf_token": token(page), "instrument": "pwa",
                                                  "decision": "recommend", "justification": "long enough reason"})
    assert closed.status_code == 422
    sid = url.rsplit("/", 1)[1]
    assert [o["instrument"] for o in store_of(app).load(sid).overrides] == ["wijk-werken"]
    r = client.post(url + "/finish", data={"csrf_token": token(page)})
    assert r.status_code == 303 and store_of(app).load(sid).status == "finished"


def test_the_advisor_pages_can_be_switched_off(tmp_path):
    app = create_app(str(tmp_path / "s.db"), advisor_pages=False, warm=False)
    c = app.test_client()
    assert c.get("/advisor").status_code == 404
    assert c.get("/").status_code == 200


# --- deployment ----------------------------------------------------------------------------------


def test_under_a_path_prefix_every_link_carries_it(tmp_path):
    app = create_app(str(tmp_path / "s.db"), base_path="/advisor", warm=False)
    c = app.test_client()
    page = c.get("/advisor/")
    assert page.status_code == 200
    links = re.findall(r'(?:href|src|action)="([^"]+)"', page.text)
    assert links and all(link.startswith(("/advisor/", "#")) for link in links), links
    assert c.get("/").status_code == 404
    r = c.post("/advisor/start", data={"csrf_token": token(page.text)})
    assert r.headers["Location"].startswith("/advisor/s/")
    # a proxy that forwards /web/ to us says so in X-Forwarded-Prefix
    plain = create_app(str(tmp_path / "p.db"), warm=False).test_client()
    page = plain.get("/", headers={"X-Forwarded-Prefix": "/web", "X-Forwarded-Proto": "https"})
    assert 'href="/web/static/app.css"' in page.text


def test_a_session_survives_a_restart_and_is_shared_with_the_terminal(tmp_path, run):
    db = str(tmp_path / "s.db")
    first = create_app(db, warm=False).test_client()
    url = start(first)
    page = first.get(url).text
    path = field(page)
    first.post(url, data={"csrf_token": token(page), "path": path, "action": "answer", "value": "1"})
    sid = url.rsplit("/", 1)[1]
    assert re.fullmatch(r"\d{8}-[0-9a-f]{20}", sid)  # 80 random bits: the link cannot be guessed
    again = create_app(db, warm=False).test_client()  # a new server on the same database
    page = again.get(url).text
    assert field(page) != path and "1 beantwoord" in page
    code, out, _ = run("sessions", "show", sid, "--db", db)
    assert code == 0 and path in out


def test_concurrent_requests_share_the_engine_safely(app):
    """Eight clients at once, each through a whole self-check: each ends with the advice of its
    own answers (requests take turns on the engine; see advisor.web.live)."""
    cases = sorted((ROOT / "scenarios/worked-examples").glob("*.yaml"))
    jobs = [load_case_or_scenario(str(cases[i % len(cases)])) for i in range(8)]
    results: dict[int, tuple] = {}
    errors: list[BaseException] = []

    def one(i: int) -> None:
        try:
            c = app.test_client()
            url = start(c)
            end = complete(c, url, case_values(jobs[i]))
            page = c.get(end).text
            results[i] = (url.rsplit("/", 1)[1], re.findall(r'class="rec" data-instrument="([^"]+)"', page))
        except BaseException as exc:  # reported below, with the thread's failure
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(300)
    assert not errors, errors
    from advisor.errors import validate
    from advisor.models import Case

    for i, (sid, shown) in results.items():
        s = store_of(app).load(sid)
        advice = consult(validate(Case, case_data(s.answers, s.as_of), "web"), lang="nl")
        assert shown == [r.instrument for r in advice.recommendations], i
    assert len(results) == 8


def test_advise_does_not_load_the_web_libraries():
    code = ("import sys; from advisor.cli.main import main\n"
            "try:\n    main(['advise', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'flask', 'werkzeug', 'jinja2', 'waitress', 'weasyprint', 'playwright', 'flask_wtf',"
            " 'sqlalchemy', 'alembic', 'psycopg'})\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code, str(EX3)], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out


def test_today_is_the_self_checks_date(app, client):
    url = start(client)
    assert store_of(app).load(url.rsplit("/", 1)[1]).as_of == date.today()


# --- what would change it, and the compare form (issue 16) ---------------------------------------


def _section(html: str, start: str, end: str) -> str:
    return html[html.index(start):html.index(end, html.index(start))]


def test_the_advisor_end_page_shows_what_would_change_it_and_compares_two(app, client):
    from advisor.interview.questions import questionnaire
    from advisor.plan.explain import panel

    case = load_case_or_scenario(str(EX3))
    url = adv_start(client, "2026-03-01", lang="en")
    review = complete(client, url, case_values(case))
    page = client.get(review)
    assert page.status_code == 200
    sid = url.rsplit("/", 1)[1]
    from advisor.errors import validate
    from advisor.models import Case

    asked = validate(Case, case_data(store_of(app).load(sid).answers, date(2026, 3, 1)), "web")
    qn = questionnaire()
    expected = panel(asked, as_of=date(2026, 3, 1), lang="en", label=qn.labeller("en"),
                     value_label=qn.value_labeller("en"))
    options = [o for x in expected["instruments"] for o in x["options"]]
    assert options and any("Lifts: " in o for o in options)
    shown = unescape(_section(page.text, 'id="h-change"', "</section>"))
    for x in expected["instruments"]:
        assert f'data-instrument="{x["instrument"]}"' in shown
        for o in x["options"]:
            assert o in shown  # the very sentences panel() gives, the rules they lift included
    assert "MWB-011" in shown
    # the compare form: a GET with two selects, no script; the contrast shows both deciding rule ids
    assert '<form method="get"' in page.text and 'name="a"' in page.text and 'name="b"' in page.text
    advice = consult(asked, lang="en")
    top = advice.recommendations[0].instrument
    rejected = advice.rejected[0]
    r = client.get(f"{url}/review", query_string={"a": top, "b": rejected.instrument, "lang": "en"})
    assert r.status_code == 200
    assert "script-src 'self';" in r.headers["Content-Security-Policy"]
    contrast = _section(r.text, 'class="contrast"', "</section>")
    sides = re.findall(r'class="side" data-instrument="([^"]+)"', contrast)
    assert sides == [top, rejected.instrument]
    from advisor.plan.explain import contrast as contrast_of

    c = contrast_of(advice, top, rejected.instrument)
    for side in c.sides:
        assert side.reasons, side.instrument
        for reason in side.reasons:
            assert f'<span class="rule">{reason.rule}</span>' in contrast
            for src in reason.sources:
                assert src in contrast
    # the choices stay selected; a bad or equal pair is a message, not a crash
    assert re.search(rf'<option value="{rejected.instrument}" selected>', r.text)
    same = client.get(f"{url}/review", query_string={"a": top, "b": top, "lang": "en"})
    assert same.status_code == 200 and "Choose two different instruments." in same.text
    hostile = client.get(f"{url}/review", query_string={"a": "<script>x</script>", "b": top, "lang": "en"})
    assert hostile.status_code == 200 and "<script>x</script>" not in hostile.text
    assert "unknown instrument" in hostile.text


def test_the_starter_end_page_shows_what_would_change_it_without_rule_ids(app, client):
    case = load_case_or_scenario(str(EX3))
    url = start(client, "en")
    end = complete(client, url, case_values(case))
    page = client.get(end)
    assert page.status_code == 200
    shown = unescape(_section(page.text, 'id="h-change"', "</section>"))
    assert "What would change the advice" in shown and " becomes a " in shown
    assert not re.search(r"\b[A-Z][A-Z0-9]*-\d+[a-z]?\b", shown), shown  # no rule id (MWB-011, IMW-013...)
    assert "Lifts:" not in shown and 'class="rule"' not in shown
    assert "compare-form" not in page.text
