"""Advice and instruments as text (for people), Markdown or JSON. No logic here."""
from __future__ import annotations

import json
import textwrap
from datetime import date

from advisor.i18n import t
from advisor.knowledge import Catalogue, Instrument
from advisor.models import Advice, ExpertProposal, Reason

WIDTH = 100


def wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first if first is not None else indent,
                         subsequent_indent=indent, break_on_hyphens=False)


def _reason_line(r: Reason, lang: str, md: bool) -> str:
    src = f" ({t('sources', lang)}: {', '.join(r.sources)})" if r.sources else ""
    return f"**{r.rule}** {r.text}{src}" if md else f"{r.rule}: {r.text}{src}"


def advice_json(advice: Advice, passed_over: list[ExpertProposal] | None = None) -> str:
    """The advice as JSON (the contract's keys); with ``passed_over`` (`advise --explain`) also
    the experts not proposed, under ``experts_passed_over``."""
    data = advice.model_dump(mode="json")
    if passed_over is not None:
        data["experts_passed_over"] = [e.model_dump(mode="json") for e in passed_over]
    return json.dumps(data, indent=2, ensure_ascii=False)


def advice_text(advice: Advice, md: bool = False) -> str:
    lang = advice.lang
    out: list[str] = []

    def heading(text: str, level: int = 2) -> None:
        out.append("")
        out.append(f"{'#' * level} {text}" if md else text.upper() if level == 1 else text)
        if not md:
            out.append("-" * len(text) if level > 1 else "=" * len(text))

    def item(text: str, depth: int = 0) -> None:
        pad = "  " * depth
        out.append(f"{pad}- {text}" if md else wrap(text, pad + "    ", pad + "  - "))

    heading(t("advice_for", lang, date=advice.as_of.isoformat()), 1)
    heading(t("recommended", lang))
    if not advice.recommendations:
        out.append(t("no_fit", lang))
    for n, rec in enumerate(advice.recommendations, 1):
        who = (f"{t('for_groups', lang)} {', '.join(rec.worker_groups)}" if rec.worker_groups
               else t("whole_org", lang))
        title = f"{n}. {rec.name} [{t('fit_' + rec.fit, lang)}] ({who})"
        out.append(f"**{title}**" if md else title)
        out.append(f"{t('why', lang)}:" if not md else f"*{t('why', lang)}:*")
        for r in rec.reasons:
            item(_reason_line(r, lang, md), 1)
        if rec.caveats:
            out.append(f"{t('caveats', lang)}:" if not md else f"*{t('caveats', lang)}:*")
            for r in rec.caveats:
                item(_reason_line(r, lang, md), 1)
    if advice.rejected:
        heading(t("rejected", lang))
        for rej in advice.rejected:
            groups = f" ({', '.join(rej.worker_groups)})" if rej.worker_groups else ""
            out.append(f"**{rej.name}**{groups}" if md else f"{rej.name}{groups}")
            for r in rej.reasons:
                item(_reason_line(r, lang, md), 1)
    if advice.needs_info:
        heading(t("needs_info", lang))
        for need in advice.needs_info:
            affects = ", ".join(need.affects) or t("none", lang)
            item(f"{need.field} - {t('affects', lang)}: {affects} ({', '.join(need.rules)})")
    if advice.warnings:
        heading(t("warnings", lang))
        for w in advice.warnings:
            item(f"[{w.code}] {w.text}")
    if advice.next_steps:
        heading(t("next_steps", lang))
        names = {r.instrument: r.name for r in advice.recommendations}
        instrument, n = None, 0
        for step in advice.next_steps:
            n += 1
            if step.instrument != instrument:
                instrument, n = step.instrument, 1
                title = names.get(instrument, instrument)
                out.append(f"**{title}**" if md else title)
            item(f"{n}. {step.text}" + (f" [{t('uncertain_step', lang)}]" if step.uncertain else ""), 1)
            details = [f"{t(key, lang)}: {value}" for key, value in
                       (("step_who", step.who), ("step_contact", step.contact),
                        ("step_needs", ", ".join(step.needs))) if value]
            if details:
                item("; ".join(details), 2)
    if advice.experts:
        heading(t("experts", lang))
        for e in advice.experts:
            _expert(e, item)
    out.append("")
    out.append(f"{t('knowledge', lang)}: {advice.knowledge_version}")
    return "\n".join(out).lstrip("\n") + "\n"


def _expert(e: ExpertProposal, item) -> None:
    where = ", ".join(x for x in (e.organisation, e.municipality) if x)
    item(f"{e.name or e.id} ({e.id}{', ' + where if where else ''})")
    for reason in e.reasons:
        item(reason, 1)


def passed_over_text(passed_over: list[ExpertProposal], lang: str) -> str:
    """Why the other experts of the pool were not proposed (`advise --explain`)."""
    out = [t("passed_over", lang), "-" * len(t("passed_over", lang))]

    def item(text: str, depth: int = 0) -> None:
        pad = "  " * depth
        out.append(wrap(text, pad + "    ", pad + "  - "))

    for e in passed_over:
        _expert(e, item)
    return "\n".join(out) + "\n"


def _window(i: Instrument, lang: str) -> str:
    parts = []
    if i.open_from:
        parts.append(f"{t('since', lang)} {i.open_from.isoformat()}")
    if i.open_until:
        parts.append(f"{t('until', lang)} {i.open_until.isoformat()} (excl.)")
    return ", ".join(parts) or t("always_open", lang)


def instruments_text(cat: Catalogue, on: date, lang: str) -> str:
    open_now = cat.open_on(on)
    closed = [i for i in cat.instruments.values() if i not in open_now]
    out = [t("open_on", lang, date=on.isoformat())]
    for i in open_now:
        out.append(f"  {i.id:<30} {i.name(lang)}  [{_window(i, lang)}]")
    out.append("")
    out.append(t("closed_on", lang, date=on.isoformat()))
    for i in closed:
        succ = f"; {t('successor', lang)}: {i.successor}" if i.successor else ""
        out.append(f"  {i.id:<30} {i.name(lang)}  [{_window(i, lang)}{succ}]")
    return "\n".join(out) + "\n"


def instruments_json(cat: Catalogue, on: date) -> str:
    return json.dumps({
        "as_of": on.isoformat(),
        "open": [i.id for i in cat.open_on(on)],
        "closed": [i.id for i in cat.instruments.values() if not i.open_on(on)],
    }, indent=2)
