"""End to end in a real browser: Debian's Chromium, driven by the playwright package with
``executable_path`` set to the system browser (never ``playwright install``).

The server is the real command (``python -m advisor web --port 0``) in its own process, so a
test can kill it and start it again. Waits are for content (the next question's field, a
heading, a recommendation), never for a page load: htmx swaps fire none.

The browser is the ``browser`` fixture of conftest.py: without it these tests skip on a
developer's machine and FAIL under CI (``CI`` set); ``tools/test.sh`` (which ``.ci/run``
calls) installs Chromium and poppler-utils.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from advisor.errors import validate
from advisor.interview.interview import UNKNOWN, case_data, case_values
from advisor.store.sessions import SessionStore
from advisor.models import Case
from advisor.regression.scenarios import load_case_or_scenario

ROOT = Path(__file__).resolve().parent.parent
SCREENS = ROOT / "build" / "screens"
EX3 = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"
EX5 = ROOT / "scenarios/worked-examples/ex5-2026-cooperative-household-cleaning.yaml"
TIMEOUT = 60_000  # ms: a loaded two-core machine


def _require(what: str, ok: bool) -> None:
    if ok:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: tools/test.sh installs it (apt-get install poppler-utils)")
    pytest.skip(f"{what} is not installed here")


class Server:
    """``advisor web`` in a process of its own, on a free loopback port."""

    def __init__(self, db: Path):
        self.db = db
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> "Server":
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "advisor", "web", "--port", "0", "--db", str(self.db)],
                                     stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
        line = self.proc.stderr.readline()  # printed once the engine is built and the port is bound
        m = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        assert m, f"the server did not start: {line}{self.proc.stderr.read() if self.proc.poll() is not None else ''}"
        self.url = m.group(1)
        # keep reading its log, so that a full pipe never blocks the server
        threading.Thread(target=self.proc.stderr.read, daemon=True).start()
        return self

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)  # no clean shutdown: as a crash
            self.proc.wait(30)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for the module's tests (each its own session); a test that kills the server
    starts its own."""
    s = Server(tmp_path_factory.mktemp("web") / "sessions.db").start()
    yield s
    s.kill()


@pytest.fixture
def own_server(tmp_path):
    s = Server(tmp_path / "sessions.db").start()
    yield s
    s.kill()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT)
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.problems = problems
    yield pg
    context.close()


def current_path(pg) -> str | None:
    field = pg.query_selector("form.question input[name=path]")
    return field.get_attribute("value") if field else None


def answer_here(pg, value) -> None:
    """Answer the question on the page as a person would: tick, type, or "I don't know"."""
    prev = current_path(pg)
    if value is UNKNOWN:
        pg.click("form.question button[value=unknown]")
    else:
        if pg.query_selector("form.question input[type=checkbox]"):
            for v in value:
                pg.check(f"form.question input[type=checkbox][value='{v}']")
        elif pg.query_selector("form.question input[type=radio]"):
            v = ("true" if value else "false") if isinstance(value, bool) else value
            pg.check(f"form.question input[type=radio][value='{v}']")
        else:
            if isinstance(value, list):
                value = ", ".join(value)
            elif isinstance(value, float) and value.is_integer():
                value = int(value)
            pg.fill("#answer", str(value))
        pg.click("form.question button[value=answer]")
    # the content changed: another question, or the end (no question field any more)
    pg.wait_for_function("prev => { const f = document.querySelector('form.question input[name=path]');"
                         " return !f || f.value !== prev; }", arg=prev)


def complete(pg, answers: dict, limit: int = 80) -> None:
    for _ in range(limit):
        path = current_path(pg)
        if path is None:
            return
        answer_here(pg, answers.get(path, UNKNOWN))
    raise AssertionError("the interview did not end")


def session_id(pg) -> str:
    return re.search(r"/s/([0-9]{8}-[0-9a-f]+)", pg.url).group(1)


def advise_json(server: Server, sid: str, tmp_path: Path) -> dict:
    """`advisor advise` (the command, in its own process) on the answers the web saved."""
    s = SessionStore(server.db).load(sid)
    case = case_data(s.answers, s.as_of)
    validate(Case, case, "web")
    path = tmp_path / f"{sid}.yaml"
    path.write_text(yaml.safe_dump(case, sort_keys=False, allow_unicode=True), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "advisor", "advise", str(path), "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


#: the lowest text contrast on the page (WCAG 2 formula, against the nearest opaque background)
LOWEST_CONTRAST = """() => {
  const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => {
      v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const opaque = c => { const m = c.match(/[\\d.]+/g); return m && (m.length < 4 || +m[3] === 1); };
  const bg = el => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor;
      if (opaque(c)) return c; } return "rgb(255, 255, 255)"; };
  let low = [99, ""];
  for (const el of document.querySelectorAll("body *")) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const a = lum(getComputedStyle(el).color), b = lum(bg(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < low[0]) low = [ratio, el.tagName + "." + el.className];
  }
  return low;
}"""


def shot(pg, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCREENS / name), full_page=True)


def test_a_self_check_ends_with_the_advice_advise_gives_and_its_pdf_report(server, page, tmp_path):
    _require("pdftotext (poppler-utils)", shutil.which("pdftotext") is not None)
    answers = case_values(load_case_or_scenario(str(EX3)))
    page.goto(server.url + "/")
    page.click("#start")
    page.wait_for_selector("form.question legend h1, form.question h1")
    assert page.get_attribute("html", "lang") == "nl"
    # the first question, at a phone's width and at a desktop's
    page.set_viewport_size({"width": 360, "height": 780})
    shot(page, "selfcheck-question-360.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
    page.set_viewport_size({"width": 1280, "height": 900})
    shot(page, "selfcheck-question-1280.png")
    ratio, where = page.evaluate(LOWEST_CONTRAST)
    assert ratio >= 4.5, (ratio, where)
    complete(page, answers)
    page.wait_for_selector("#report-title")
    shown = page.eval_on_selector_all(".rec[data-instrument]", "els => els.map(e => e.dataset.instrument)")
    advice = advise_json(server, session_id(page), tmp_path)
    assert shown == [r["instrument"] for r in advice["recommendations"]] and shown
    rejected = page.eval_on_selector_all("ul.rejected > li", "els => els.map(e => e.dataset.instrument)")
    assert rejected == [r["instrument"] for r in advice["rejected"]]
    experts = page.inner_text("section[aria-labelledby=h-experts]")
    assert all(e["name"] in experts for e in advice["experts"])
    shot(page, "selfcheck-end-1280.png")
    ratio, where = page.evaluate(LOWEST_CONTRAST)
    assert ratio >= 4.5, (ratio, where)  # WCAG AA for normal text, everywhere on the end page
    page.set_viewport_size({"width": 360, "height": 780})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "selfcheck-end-360.png")
    # the PDF report of the end page holds its summary
    summary = page.eval_on_selector_all(".summary li", "els => els.map(e => e.textContent)")
    with page.expect_download(timeout=TIMEOUT) as dl:
        page.click("#report-pdf")
    pdf = tmp_path / "report.pdf"
    dl.value.save_as(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert summary and all(" ".join(line.split()) in text for line in summary)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(SCREENS / "report-page1")], check=True)
    assert (SCREENS / "report-page1.png").stat().st_size > 10_000
    assert page.problems == []  # no script error, no CSP violation


def test_the_keyboard_alone_answers_a_question(server, page):
    page.goto(server.url + "/?lang=en")
    page.keyboard.press("Tab")  # the skip link comes first, and shows its focus
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.focus("#start")
    page.keyboard.press("Enter")
    page.wait_for_selector("form.question")
    first = current_path(page)
    page.focus("form.question input[name=value]")
    page.keyboard.press("Space")
    page.focus("form.question button[value=answer]")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # visible focus
    page.keyboard.press("Enter")
    page.wait_for_function("prev => { const f = document.querySelector('form.question input[name=path]');"
                           " return f && f.value !== prev; }", arg=first)
    assert page.get_attribute("html", "lang") == "en"
    # the focus follows the swap once htmx has settled it (a moment after the new fields are in)
    # (a function, not an expression: an expression is evaluated anew with eval, which the CSP refuses)
    page.wait_for_function("() => ['H1', 'MAIN'].includes(document.activeElement.tagName)", timeout=10_000)
    # "why am I asked this?" opens in place
    page.click(".why-link a")
    page.wait_for_selector("#why .why-box")
    assert "Why this question?" in page.inner_text("#why")
    assert page.problems == []


def test_a_killed_server_loses_nothing_and_the_link_continues(own_server, page, tmp_path):
    server = own_server
    answers = case_values(load_case_or_scenario(str(EX5)))
    page.goto(server.url + "/")
    page.click("#start")
    page.wait_for_selector("form.question")
    for _ in range(3):
        answer_here(page, answers.get(current_path(page), UNKNOWN))
    sid = session_id(page)
    link = page.get_attribute("a.session-link", "href")
    asked = current_path(page)
    server.kill()
    again = Server(server.db).start()  # a new process on the same database (another port)
    try:
        page.goto(again.url + link)
        page.wait_for_selector("form.question")
        assert current_path(page) == asked
        assert "3 beantwoord" in page.inner_text(".progress-text")
        complete(page, answers)
        page.wait_for_selector("#report-title")
        shown = page.eval_on_selector_all(".rec[data-instrument]", "els => els.map(e => e.dataset.instrument)")
        assert shown == [r["instrument"] for r in advise_json(again, sid, tmp_path)["recommendations"]]
    finally:
        again.kill()


def test_changing_an_answer_on_the_review_page_changes_the_advice(server, page):
    answers = case_values(load_case_or_scenario(str(EX5)))
    page.goto(server.url + "/advisor")
    page.fill("#as_of", "2026-03-01")
    page.click("form.inline button[type=submit]")
    page.wait_for_selector("form.question")
    assert "organisation." in page.inner_text(".meta") or "service." in page.inner_text(".meta")  # field names
    complete(page, answers)
    page.wait_for_selector("#review-title")
    recs = ".rec[data-instrument]"
    assert "dienstencheques" in page.eval_on_selector_all(recs, "els => els.map(e => e.dataset.instrument)")
    row = page.locator("li[id='row-service.customers']")
    row.locator("summary").click()
    row.locator("input[value=households]").uncheck()
    row.locator("input[value=companies]").check()
    row.locator("button[value=answer]").click()
    page.wait_for_function("() => { const s = document.querySelector(\"[data-path='service.customers']\");"
                           " return s && s.textContent.includes('bedrijven'); }")
    after = page.eval_on_selector_all(recs, "els => els.map(e => e.dataset.instrument)")
    assert "dienstencheques" not in after
    shot(page, "advisor-review-1280.png")
    assert "dienstencheques" in page.eval_on_selector_all("ul.rejected > li", "els => els.map(e => e.dataset.instrument)")
    assert page.problems == []
