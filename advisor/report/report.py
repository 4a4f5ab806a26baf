"""The report of one advice, for a starter or for the advisor's file: its content (a plain
dict, built here from the case and the advice) and its HTML (Jinja2, autoescaped) and PDF
(WeasyPrint, the optional ``[pdf]`` extra).

The same case and advice give the same bytes: nothing in the report depends on the clock or
on the order of a set, and the PDF's metadata dates (and its fonts' dates) are pinned to the
date of the advice.
"""
from __future__ import annotations

import hashlib
import os
import re
import threading
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

from advisor.i18n import t
from advisor.interview.questions import questionnaire
from advisor.knowledge import catalogue
from advisor.models import Advice, Case
from advisor.render import summary_lines

TEMPLATES = Path(__file__).resolve().parent / "templates"
AUDIENCES = ("starter", "advisor")
#: serialises the PDF writes that set SOURCE_DATE_EPOCH, a process-wide variable (see render_pdf)
_FONT_CLOCK = threading.Lock()
#: warnings the report shows elsewhere (closing, uncertain facts) or not at all
_NOT_LISTED = {"no-fitting-instrument", "uncertain-fact", "instrument-closed", "answers-missing"}


class PdfUnavailable(RuntimeError):
    """WeasyPrint (the ``[pdf]`` extra) is not installed, or cannot load its system libraries."""


def _label(path: str, value: Any, lang: str) -> str:
    found = questionnaire().for_path(path)
    return found[0].label(value, lang) if found else str(value)


def _wording(path: str, lang: str, plain: bool) -> str:
    found = questionnaire().for_path(path)
    return found[0].wording(lang, plain, found[1]) if found else path


def case_rows(case: Case, lang: str) -> list[tuple[str, str]]:
    """The case in a few lines for the report's header (unknown answers say so)."""
    unknown = t("rep_unknown_value", lang)
    org, svc = case.organisation, case.service

    def value(path: str, v: Any) -> str:
        return unknown if v is None or v == [] else _label(path, v, lang)

    groups = unknown
    if case.worker_groups:
        parts = []
        for g in case.worker_groups:
            fte = f" ({_label('worker_groups.' + g.id + '.fte', g.fte, lang)} FTE)" if g.fte is not None else ""
            parts.append(g.id + fte)
        groups = ", ".join(parts)
    elif case.worker_groups == []:
        groups = _label("worker_groups", [], lang)
    return [
        (t("rep_legal_form", lang), value("organisation.legal_form", org.legal_form)),
        (t("rep_municipality", lang), org.municipality or unknown),
        (t("rep_activities", lang), value("service.activities", svc.activities)),
        (t("rep_customers", lang), value("service.customers", svc.customers)),
        (t("rep_groups", lang), groups),
    ]


def change_options(case: Case, advice: Advice, audience: str = "advisor") -> dict[str, Any]:
    """What would change the advice: per rejected (still open) or possible instrument its best
    one or two options as sentences (``advisor.plan.explain.panel``), for the advisor with the
    rules each lifts, for a starter without rule ids. It runs the engine (up to a few CPU
    seconds, cached per case): the web calls it under its engine lock and passes the result to
    ``report_context``."""
    from advisor.plan.explain import panel

    qn = questionnaire()
    lang = advice.lang
    data = panel(case, as_of=advice.as_of, lang=lang, label=qn.labeller(lang),
                 value_label=qn.value_labeller(lang), rules=audience == "advisor")
    return data


def report_context(case: Case, advice: Advice, *, audience: str = "advisor",
                   session_id: str | None = None, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the report shows, in reading order, as plain data (the templates only lay
    it out). ``audience``: ``starter`` (plain words, no rule ids) or ``advisor`` (rule ids,
    the sources with title, date and address, the overrides). ``options``: the
    ``change_options`` of this case and audience when the caller made them already (else they
    are made here)."""
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {', '.join(AUDIENCES)}")
    if options is None:
        options = change_options(case, advice, audience)
    lang = advice.lang
    cat = catalogue()
    advisor = audience == "advisor"
    cited: set[str] = set()

    def reason(r) -> dict:
        cited.update(r.sources)
        return {"rule": r.rule, "text": r.text, "sources": list(r.sources), "group": r.group}

    def instrument_name(iid: str) -> str:
        return cat.instruments[iid].name(lang) if iid in cat.instruments else iid

    recs = []
    for r in advice.recommendations:
        summary = cat.instruments[r.instrument].summary(lang) if r.instrument in cat.instruments else ""
        recs.append({
            "instrument": r.instrument, "name": r.name, "fit": r.fit,
            "fit_label": t(("fit_" if advisor else "iv_fit_") + r.fit, lang),
            "who": (f"{t('for_groups', lang)} {', '.join(r.worker_groups)}" if r.worker_groups
                    else t("whole_org", lang)),
            "available_from": r.available_from.isoformat() if r.available_from else None,
            "summary": summary,
            "reasons": [reason(x) for x in (r.reasons if advisor else r.reasons[:1])],
            "caveats": [reason(x) for x in r.caveats],
        })
    rejected = [{"instrument": r.instrument, "name": r.name, "groups": list(r.worker_groups),
                 "reason": reason(r.reasons[0]) if r.reasons else None,
                 "more": [reason(x) for x in r.reasons[1:]] if advisor else []}
                for r in advice.rejected]
    missing = [{"field": n.field, "question": _wording(n.field, lang, not advisor),
                "affects": [instrument_name(i) for i in n.affects], "rules": list(n.rules)}
               for n in advice.needs_info]
    names = {r.instrument: r.name for r in advice.recommendations}
    plan: list[dict] = []
    for s in advice.next_steps:
        if not plan or plan[-1]["instrument"] != s.instrument:
            plan.append({"instrument": s.instrument, "name": names.get(s.instrument, instrument_name(s.instrument)),
                         "steps": []})
        plan[-1]["steps"].append({"text": s.text, "who": s.who, "contact": s.contact, "needs": list(s.needs),
                                  "uncertain": s.uncertain})
    experts = [{"id": e.id, "name": e.name or e.id, "organisation": e.organisation,
                "municipality": e.municipality, "score": e.score,
                "reasons": list(e.reasons if advisor else e.reasons[:1])} for e in advice.experts]
    warnings = [w.text for w in advice.warnings if w.code not in _NOT_LISTED]
    closed = [w.text for w in advice.warnings if w.code == "instrument-closed"]
    uncertain = [w.text for w in advice.warnings if w.code == "uncertain-fact"]
    uncertain += [f"{names.get(s.instrument, s.instrument)}: {s.text}" for s in advice.next_steps if s.uncertain]
    overrides = [{"instrument": instrument_name(o.instrument), "decision": t("adv_override_" + o.decision, lang),
                  "justification": o.justification, "by": o.by or "", "on": o.on.isoformat() if o.on else ""}
                 for o in (case.overrides or [])] if advisor else []
    sources = []
    if advisor:
        for sid in sorted(cited, key=lambda s: (int(s[1:]) if s[1:].isdigit() else 0, s)):
            src = cat.sources.get(sid)
            if src:
                sources.append({"id": sid, "title": src.title, "address": src.address,
                                "date": src.date.isoformat() if src.date else t("rep_no_date", lang)})
    title = t("rep_title_" + audience, lang)
    return {
        "lang": lang, "audience": audience, "advisor": advisor, "title": title,
        "as_of": advice.as_of.isoformat(), "knowledge_version": advice.knowledge_version,
        "session_id": session_id, "case_rows": case_rows(case, lang),
        "summary": [dash(x) for x in (summary_lines(advice, cat) if advisor else _plain_summary(advice, lang))],
        "recommendations": recs, "rejected": rejected, "missing": missing, "plan": plan,
        "experts": experts, "warnings": warnings, "closed": closed, "uncertain": uncertain,
        "overrides": overrides, "sources": sources, "options": options,
        "closing": t("rep_closing", lang, checked=cat.checked_until.isoformat(), version=advice.knowledge_version),
        "t": lambda key, **kw: t(key, lang, **kw),
    }


def dash(line: str) -> str:
    """The summary's " - " as a dash that never starts or ends a printed line (a line ending in
    "-" reads as a hyphenated word, and text extraction drops it)."""
    return line.replace(" - ", "\u00a0\u2013 ")


def _plain_summary(advice: Advice, lang: str) -> list[str]:
    """The starter's "in short": the summary lines without rule ids (``DC-010: ...``)."""
    out = []
    missing = t("sum_missing", lang) + ": "
    for line in summary_lines(advice, catalogue()):
        if line.startswith(missing):  # the question a starter knows, not the field's path
            field = line[len(missing):].split(" ", 1)[0]
            question = _wording(field, lang, True)
            line = missing + (question.split("?", 1)[0] + "?" if "?" in question else question)
        out.append(re.sub(r" - [A-Z][A-Z0-9]*-\d+[a-z]?: ", " - ", re.sub(r" [A-Z][A-Z0-9]*-\d+[a-z]?: ", " ", line)))
    return out


@cache
def environment():
    """The report's Jinja2 environment: autoescaping on everything, strict about undefined names."""
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _css(text: str) -> str:
    """Our own text as the inside of a CSS string (anything but letters, digits and spaces escaped)."""
    return "".join(ch if ch.isalnum() or ch in " .,-" else f"\\{ord(ch):x} " for ch in text)


def style_block(lang: str) -> str:
    """The report's ``<style>`` element: the A4 print CSS and the "pagina X van Y" footer."""
    page = t("rep_page", lang, page="\0", pages="\1")
    head, _, tail = page.partition("\0")
    mid, _, end = tail.partition("\1")
    footer = f'"{_css(head)}" counter(page) "{_css(mid)}" counter(pages) "{_css(end)}"'
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    return f"<style>\n{css}\n@page {{ @bottom-center {{ content: {footer}; }} }}\n</style>"


def style_hash(lang: str) -> str:
    """The CSP hash of the report's inline style: the web allows exactly this style, no other."""
    import base64

    body = style_block(lang)[len("<style>"):-len("</style>")]
    return "sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()


def render_html(case: Case, advice: Advice, *, audience: str = "advisor", session_id: str | None = None,
                options: dict[str, Any] | None = None) -> str:
    """The report as one self-contained HTML page (its style inline, no outside resource), which
    prints on A4 from any browser. ``options``: as for ``report_context``."""
    import markupsafe

    ctx = report_context(case, advice, audience=audience, session_id=session_id, options=options)
    ctx["style"] = markupsafe.Markup(style_block(ctx["lang"]))  # our own CSS, not user text
    return environment().get_template("report.html").render(**ctx)


def render_pdf(html: str, as_of: date | None = None) -> bytes:
    """The HTML report as a tagged PDF (PDF/UA-1) with the document's language and title; its
    creation date is the date of the advice, so the same report gives the same bytes."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the pango/cairo system libraries are missing
        raise PdfUnavailable(str(exc)) from None
    stamp = datetime.combine(as_of or date(2005, 1, 1), datetime.min.time(), tzinfo=timezone.utc)
    doc = weasyprint.HTML(string=html, base_url=str(TEMPLATES)).render()
    doc.metadata.created = doc.metadata.modified = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    # Without the HarfBuzz-Subset library, WeasyPrint subsets the fonts with fontTools, which
    # stamps each font's "modified" field with the clock unless SOURCE_DATE_EPOCH is set.
    with _FONT_CLOCK:
        before = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
        try:
            return doc.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
        finally:
            if before is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = before


__all__ = ["AUDIENCES", "PdfUnavailable", "change_options", "report_context", "render_html", "render_pdf", "style_hash",
           "case_rows", "environment"]
