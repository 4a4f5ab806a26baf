"""Advice and instruments as text (for people), Markdown or JSON. No logic here."""
from __future__ import annotations

import json
import textwrap
from datetime import date

from collections.abc import Callable

from advisor.errors import md_text, printable
from advisor.i18n import t
from advisor.knowledge import Catalogue, Instrument, catalogue
from advisor.models import Advice, ExpertProposal, Reason, Recommendation

WIDTH = 100
STEPS_SHOWN = 2  # next steps per instrument in the default text; --detail shows them all


def wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first if first is not None else indent,
                         subsequent_indent=indent, break_on_hyphens=False)


def _reason_line(r: Reason, lang: str, md: bool) -> str:
    if md and r.rule == "OVERRIDE":  # the advisor's own words: escaped, on one line
        return f"**{r.rule}** {md_text(r.text)}"
    src = f" ({t('sources', lang)}: {', '.join(r.sources)})" if r.sources else ""
    basis = ""
    if r.based_on:  # the derivation chain: "based on", never a reason of its own
        basis = f" [{t('based_on', lang)} {', '.join(b.rule for b in r.based_on)}]"
    return f"**{r.rule}** {r.text}{src}{basis}" if md else f"{r.rule}: {r.text}{src}{basis}"


def advice_json(advice: Advice, passed_over: list[ExpertProposal] | None = None) -> str:
    """The advice as JSON (the contract's keys); with ``passed_over`` (`advise --explain`) also
    the experts not proposed, under ``experts_passed_over``."""
    data = advice.model_dump(mode="json")
    if passed_over is not None:
        data["experts_passed_over"] = [e.model_dump(mode="json") for e in passed_over]
    return json.dumps(data, indent=2, ensure_ascii=False)


class _Doc:
    """Lines of plain text or CommonMark: headings, paragraphs and (nested) lists, with the
    blank lines Markdown needs so that every list stays where it belongs."""

    def __init__(self, md: bool):
        self.md = md
        self.lines: list[str] = []
        self._in_list = False

    def _block(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        self._in_list = False

    def heading(self, text: str, level: int = 2) -> None:
        if self.md or not self.lines or not self.lines[-1].startswith("==="):
            self._block()  # (a plain-text title is directly followed by its first section)
        if self.md:
            self.lines.append(f"{'#' * level} {text}")
            self._block()
        else:
            self.lines.append(text.upper() if level == 1 else text)
            self.lines.append(("=" if level == 1 else "-") * len(text))
            self._in_list = False

    def para(self, text: str, strong: bool = False) -> None:
        if self.md:
            self._block()
            self.lines.append(f"**{text}**" if strong else text)
            self.lines.append("")
        else:
            self._in_list = False
            self.lines.append(wrap(text, "    ", ""))

    def item(self, text: str, depth: int = 0) -> None:
        if self.md and not self._in_list:
            self._block()
        self._in_list = True
        pad = "  " * depth
        self.lines.append(f"{pad}- {text}" if self.md else wrap(text, pad + "    ", pad + "  - "))

    def text(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def closed_item(w) -> str:
    """The short form of a closed line, for the one-line list of closed instruments."""
    return w.text.split(": ", 1)[-1].rstrip(".")


def _fit_note(rec: Recommendation, lang: str) -> str:
    """'strong for A; possible for B' when the groups it serves differ."""
    if len({f.fit for f in rec.group_fits}) < 2:
        return ""
    return "; ".join(f"{t('fit_' + f.fit, lang)}: {f.group}" for f in rec.group_fits)


def _who(rec: Recommendation, lang: str) -> str:
    return (f"{t('for_groups', lang)} {', '.join(rec.worker_groups)}" if rec.worker_groups
            else t("whole_org", lang))


def short(text: str, limit: int = 110) -> str:
    """A reason as one short clause for the summary: its head up to the first colon (rule texts
    read "fact: consequence"), or its first words; the full text is in the details."""
    head = text.split(": ", 1)[0] if ": " in text else text
    head = head if len(head) >= 25 else text
    if len(head) > limit:
        head = head[: head.rfind(" ", 0, limit - 1)] + " …"
    return head if head.endswith(("…", ".")) else head + "."


#: how a case field is named to a person (the questionnaire's short label); the renderers show
#: the bare path when the caller gives none
Labeller = Callable[[str], str]


def instrument_names(ids: list[str], cat: Catalogue, lang: str) -> str:
    """Instrument ids as a person reads them: their names."""
    return ", ".join(cat.instruments[i].name(lang) if i in cat.instruments else i for i in ids) or t("none", lang)


def summary_lines(advice: Advice, cat: Catalogue, field_label: Labeller = str) -> list[str]:
    """'In short': per worker group (or for the organisation) the recommended instrument(s)
    with their fit and the one deciding reason; the first next step and whom to contact; the
    most decisive missing answer."""
    lang = advice.lang
    out: list[str] = []

    def line(label: str, recs: list[Recommendation]) -> str:
        names = ", ".join(f"{r.name} ({t('fit_' + r.fit, lang)}"
                          + (f", {t('from_date', lang, date=r.available_from.isoformat())}" if r.available_from else "")
                          + ")" for r in recs)
        first = recs[0].reasons[0] if recs[0].reasons else None
        return f"{label}: {names} - {first.rule}: {short(first.text, 80)}" if first else f"{label}: {names}"

    def kind(r: Recommendation) -> str:
        return cat.instruments[r.instrument].kind if r.instrument in cat.instruments else "organisation"

    org = [r for r in advice.recommendations if kind(r) == "organisation"]
    if org:
        out.append(line(t("sum_org", lang), org))
    groups = sorted({g for r in [*advice.recommendations, *advice.rejected] for g in r.worker_groups})
    for g in groups:
        who = t("sum_group", lang, group=g)
        own = [r for r in advice.recommendations if kind(r) == "staffing" and g in r.worker_groups]
        if own:
            out.append(line(who, own))
            continue
        via = [r.name for r in org if g in r.worker_groups]
        if via:
            out.append(f"{who}: {t('sum_via', lang, names=', '.join(via))}")
            continue
        rej = next((r for r in advice.rejected if g in r.worker_groups and r.reasons), None)
        out.append(f"{who}: {t('sum_none', lang)}"
                   + (f" {rej.reasons[0].rule}: {short(rej.reasons[0].text, 80)}" if rej else ""))
    if not advice.recommendations:
        missing = any(w.code == "answers-missing" for w in advice.warnings)
        out.append(t("answers_missing", lang, fields=", ".join(field_label(n.field) for n in advice.needs_info))
                   if missing else t("no_fit", lang))
    if advice.next_steps:
        step = advice.next_steps[0]
        contact = f" ({t('step_contact', lang)}: {step.contact.split(' (', 1)[0]})" if step.contact else ""
        out.append(f"{t('sum_first_step', lang)}: {short(step.text, 80).rstrip('.')}{contact}.")
    if advice.needs_info:
        need = max(advice.needs_info, key=lambda n: (len(n.affects), -advice.needs_info.index(n)))
        affects = instrument_names(need.affects, cat, lang)
        out.append(f"{t('sum_missing', lang)}: {field_label(need.field)} ({t('affects', lang)}: {affects})")
    return out


def advice_text(advice: Advice, md: bool = False, detail: bool = False, field_label: Labeller = str) -> str:
    """The advice for a person: "in short" first, then the details. By default each
    recommendation and rejection shows its deciding reason (and the caveats); ``detail``
    shows every reason, the derivations it rests on, and who does each step and what it needs."""
    lang = advice.lang
    doc = _Doc(md)
    doc.heading(t("advice_for", lang, date=advice.as_of.isoformat()), 1)
    doc.heading(t("in_short", lang))
    cat = catalogue()
    for text in summary_lines(advice, cat, field_label):
        doc.item(text)

    doc.heading(t("recommended", lang))
    if not advice.recommendations:
        doc.para(t("no_fit", lang))
    for n, rec in enumerate(advice.recommendations, 1):
        when = f", {t('from_date', lang, date=rec.available_from.isoformat())}" if rec.available_from else ""
        title = f"{n}. {rec.name} [{t('fit_' + rec.fit, lang)}{when}] ({_who(rec, lang)})"
        if md:
            doc.heading(title, 3)
        else:
            doc.lines.append(title)
        if _fit_note(rec, lang):
            doc.para(_fit_note(rec, lang))
        shown = rec.reasons if detail else rec.reasons[:1]
        more = f" {t('more_reasons', lang, n=len(rec.reasons) - len(shown))}" if len(rec.reasons) > len(shown) else ""
        doc.para(f"{t('why', lang)}{more}:")
        for r in shown:
            doc.item(_reason_line(r, lang, md), 1 if not md else 0)
        if rec.caveats:
            doc.para(f"{t('caveats', lang)}:")
            for r in rec.caveats:
                doc.item(_reason_line(r, lang, md), 1 if not md else 0)
    if advice.rejected:
        doc.heading(t("rejected", lang))
        for rej in advice.rejected:
            groups = f" ({', '.join(rej.worker_groups)})" if rej.worker_groups else ""
            shown = rej.reasons if detail else rej.reasons[:1]
            first = _reason_line(shown[0], lang, md) if shown else ""
            more = (f" {t('more_reasons', lang, n=len(rej.reasons) - len(shown))}"
                    if len(rej.reasons) > len(shown) else "")
            name = f"**{rej.name}**{groups}" if md else f"{rej.name}{groups}"
            doc.item(f"{name}: {first}{more}")
            for r in shown[1:]:
                doc.item(_reason_line(r, lang, md), 1)
    if advice.needs_info:
        doc.heading(t("needs_info", lang))
        for need in advice.needs_info:
            affects = instrument_names(need.affects, cat, lang)
            named = field_label(need.field)
            named = f"{named} [{need.field}]" if named != need.field else named  # the advisor's view: both
            doc.item(f"{named} - {t('affects', lang)}: {affects} ({', '.join(need.rules)})")
    other = [w for w in advice.warnings if w.code not in ("instrument-closed", "answers-missing")]
    closed = [w for w in advice.warnings if w.code == "instrument-closed"]
    if other or closed:
        doc.heading(t("warnings", lang))
        for w in other:
            doc.item(w.text)
        if closed and not detail:  # one line: "closed on this date: X (since D) -> Y; ..."
            doc.item(t("closed_on_date", lang, items="; ".join(closed_item(w) for w in closed)))
        for w in closed if detail else ():
            doc.item(w.text)
    if advice.next_steps:
        doc.heading(t("next_steps", lang))
        names = {r.instrument: r.name for r in advice.recommendations}
        instrument, n, contacts = None, 0, set()
        per_instrument = {i: sum(s.instrument == i for s in advice.next_steps) for i in names}
        for step in advice.next_steps:
            n += 1
            if step.instrument != instrument:
                instrument, n = step.instrument, 1
                total = per_instrument.get(instrument, 0)
                more = f" {t('more_steps', lang, n=total - STEPS_SHOWN)}" if not detail and total > STEPS_SHOWN else ""
                doc.para(names.get(instrument, instrument) + more, strong=True)
            if not detail and n > STEPS_SHOWN:
                continue
            flag = f" [{t('uncertain_step', lang)}]" if step.uncertain else ""
            doc.item(f"{n}. {step.text}{flag}", 1 if not md else 0)
            details = [("step_who", step.who), ("step_needs", ", ".join(step.needs))] if detail else []
            if step.contact and (detail or step.contact not in contacts):  # a contact once
                details.insert(1 if detail else 0, ("step_contact", step.contact if detail else step.contact.split(" (", 1)[0]))
                contacts.add(step.contact)
            details = [f"{t(key, lang)}: {value}" for key, value in details if value]
            if details:
                doc.item("; ".join(details), 2 if not md else 1)
    if advice.experts:
        doc.heading(t("experts", lang))
        for e in advice.experts:
            _expert(e, doc.item, detail)
    doc._block()
    doc.lines.append(f"{t('knowledge', lang)}: {advice.knowledge_version}")
    return printable(doc.text())  # texts a user typed (overrides) reach the terminal too


def _expert(e: ExpertProposal, item, detail: bool = True) -> None:
    where = ", ".join(x for x in (e.organisation, e.municipality) if x)
    item(f"{e.name or e.id} ({e.id}{', ' + where if where else ''})")
    for reason in e.reasons if detail else e.reasons[:1]:
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
        succ = f"; {t('successor', lang)}: {cat.instruments[i.successor].name(lang)}" if i.successor else ""
        out.append(f"  {i.id:<30} {i.name(lang)}  [{_window(i, lang)}{succ}]")
    return "\n".join(out) + "\n"


def instruments_json(cat: Catalogue, on: date) -> str:
    return json.dumps({
        "as_of": on.isoformat(),
        "open": [i.id for i in cat.open_on(on)],
        "closed": [i.id for i in cat.instruments.values() if not i.open_on(on)],
    }, indent=2)
