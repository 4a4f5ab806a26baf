"""`advisor report`: the printable report of a case or a session, as HTML and as PDF."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import zlib
from datetime import date
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pytest

from advisor.store.sessions import SessionStore
from advisor.knowledge import catalogue
from advisor.plan.consult import consult
from advisor.regression.scenarios import load_case_or_scenario
from advisor.render import summary_lines
from advisor.report.report import dash

ROOT = Path(__file__).resolve().parent.parent
EX3 = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def pdf_objects(data: bytes) -> bytes:
    """The PDF with its compressed streams (object streams included) inflated, to read its catalog."""
    out = [data]
    for m in re.finditer(rb"stream\r?\n", data):
        try:
            out.append(zlib.decompressobj().decompress(data[m.end():]))
        except zlib.error:
            continue
    return b"\n".join(out)


def need_poppler() -> None:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext (poppler-utils) is missing: tools/test.sh installs it")
        pytest.skip("pdftotext (poppler-utils) is not installed here")


def test_the_advisor_report_of_example_3_has_every_part(run, tmp_path):
    out = tmp_path / "ex3.html"
    code, _, err = run("report", str(EX3), "--out", str(out))
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    text = text_of(html)
    case = load_case_or_scenario(str(EX3))
    advice = consult(case, lang="nl")
    assert '<html lang="nl">' in html and "<title>Advies WERK.WAARDIG</title>" in html
    for label in ("Organisatie", "Gemeente", "Activiteiten", "Werknemersgroepen", "Datum van het advies",
                  "Kennisversie"):
        assert label in text
    assert "Menen" in text and "fietspunt" in text and "2026-03-01" in text and advice.knowledge_version in text
    for line in summary_lines(advice, catalogue()):  # the summary, as `advise` prints it
        assert " ".join(dash(line).split()) in text
    for rec in advice.recommendations:  # with rule ids and sources (the advisor's version)
        assert f'data-instrument="{rec.instrument}"' in html
        assert rec.reasons[0].rule in text
    for rej in advice.rejected:
        assert rej.name in text and rej.reasons[0].rule in text
    cited = sorted({s for r in advice.recommendations for x in r.reasons for s in x.sources})
    for sid in cited:
        src = catalogue().sources[sid]
        assert f'id="src-{sid}"' in html and src.address in text
    for step in advice.next_steps:
        assert " ".join(step.text.split()) in text
    for e in advice.experts:
        assert e.name in text
    assert "Wat dit advies zegt en niet zegt" in text and "pagina" in html  # the closing; the footer
    assert "<script" not in html and "http" not in re.sub(r'<span class="address">[^<]*</span>', "", html)


def test_the_starter_report_is_plain(run, tmp_path):
    out = tmp_path / "s.html"
    assert run("report", str(EX3), "--audience", "starter", "--lang", "en", "--out", str(out))[0] == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Result of the self-check" in html
    advice = consult(load_case_or_scenario(str(EX3)), lang="en")
    body = html.split("<body", 1)[1]
    assert not re.search(r"\b[A-Z]{2,5}-\d{3}\b", text_of(body))  # no rule ids for a starter
    assert all(r.name in html for r in advice.recommendations)


def test_the_same_case_gives_the_same_bytes(run, tmp_path):
    for name in ("a.html", "b.html", "a.pdf", "b.pdf"):
        assert run("report", str(EX3), "--out", str(tmp_path / name))[0] == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_the_pdf_does_not_depend_on_the_clock_when_fonts_are_subset_with_fonttools(monkeypatch):
    """Without the HarfBuzz-Subset library WeasyPrint falls back to fontTools, which would stamp
    every embedded font with the time of writing."""
    import fontTools.misc.timeTools as clock
    import weasyprint.pdf.fonts

    from advisor.report.report import render_pdf

    html = '<html lang="nl"><body><h1>Resultaat</h1><p>Lokale diensteneconomie</p><pre>LDE</pre></body></html>'
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    pdfs = []
    for now in (1.7e9, 1.8e9):
        monkeypatch.setattr(clock, "time", SimpleNamespace(time=lambda now=now: now))
        pdfs.append(render_pdf(html, date(2026, 3, 1)))
    assert b"/FontFile2" in pdf_objects(pdfs[0])  # the fonts are embedded, so subset
    assert pdfs[0] == pdfs[1]
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_the_pdf_is_a4_tagged_with_its_title_language_and_page_numbers(run, tmp_path):
    need_poppler()
    out = tmp_path / "ex3.pdf"
    assert run("report", str(EX3), "--format", "pdf", "--out", str(out))[0] == 0
    assert out.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Title:\s+Advies WERK.WAARDIG", info) and re.search(r"Tagged:\s+yes", info)
    assert "595.276 x 841.89" in info  # A4
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert f"pagina 1 van {pages}" in text
    assert re.search(rb"/Lang\s*\(nl\)", pdf_objects(out.read_bytes()))  # the document's language
    flat = " ".join(text.split())
    advice = consult(load_case_or_scenario(str(EX3)), lang="nl")
    assert "In het kort" in flat and advice.recommendations[0].name in flat


def test_the_report_of_a_session(run, tmp_path):
    db = tmp_path / "s.db"
    store = SessionStore(db)
    from datetime import date

    sid = store.create("selfcheck", "en", date(2026, 3, 1))
    for path, value in [("organisation.legal_form", "nonprofit"), ("service.activities", ["ironing"]),
                        ("service.customers", ["households"]), ("organisation.municipality", "Menen")]:
        store.record(sid, path, value)
    out = tmp_path / "r.html"
    code, _, err = run("report", sid, "--db", str(db), "--out", str(out))
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Result of the self-check" in html and sid in html  # its language, its mode
    assert "Menen" in html


def test_bad_report_input_is_one_message(run, tmp_path):
    out = tmp_path / "r.html"
    out.write_text("keep me")
    code, _, err = run("report", str(EX3), "--out", str(out))
    assert code == 2 and "bestaat al" in err and out.read_text() == "keep me"
    code, _, err = run("report", "20260101-nosuchsession", "--db", str(tmp_path / "x.db"), "--out",
                       str(tmp_path / "n.html"))
    assert code == 2 and "noch een case-bestand, noch een bewaarde sessie" in err and "Traceback" not in err
    code, _, err = run("report", str(EX3), "--audience", "boss", "--out", str(tmp_path / "b.html"))
    assert code == 2 and "boss" in err


def test_both_reports_say_what_would_change_the_advice(run, tmp_path):
    from advisor.interview.questions import questionnaire
    from advisor.plan.explain import panel

    case = load_case_or_scenario(str(EX3))
    qn = questionnaire()
    for audience, rules in (("advisor", True), ("starter", False)):
        out = tmp_path / f"{audience}.html"
        assert run("report", str(EX3), "--audience", audience, "--lang", "en", "--out", str(out))[0] == 0
        html = out.read_text(encoding="utf-8")
        section = text_of(html[html.index('<section aria-labelledby="h-change"'):
                                html.index('<section aria-labelledby="h-unknown"')])
        assert section.startswith("What would change the advice")
        expected = panel(case, lang="en", label=qn.labeller("en"), value_label=qn.value_labeller("en"), rules=rules)
        assert expected["instruments"]
        for x in expected["instruments"]:
            assert x["name"] in section
            assert len(x["options"]) <= 2
            for option in x["options"]:
                assert " ".join(option.split()) in section
        if rules:  # the advisor's: each option with the rules it lifts, and what holds it back now
            assert "Lifts: MWB-011, MWB-015." in section and "held back by MWB-011, MWB-015" in section
        else:
            assert "Lifts:" not in section and not re.search(r"\b[A-Z]{2,5}-\d{3}\b", section)
