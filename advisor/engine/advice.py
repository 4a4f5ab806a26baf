"""From the rules' conclusions to the Advice: resolution and explanation, no rules here.

Per instrument:

- a ``block`` for the organisation rejects it; a ``block`` for a worker group removes that
  group (the instrument is then listed as rejected for that group, with the block as reason);
- the groups it serves: those it is ``consider``-ed for, or, when it is considered for the
  organisation as a whole, every group of the case; less the blocked ones;
- its fit is computed per group it serves: strong unless a ``weaken`` of that group or of
  the organisation, or a missing answer about that group or about the organisation, makes it
  possible; the recommendation is strong when it is strong for at least one group;
- an instrument closed on the date whose only conclusions come from its closing rules is not
  listed as rejected: one short ``instrument-closed`` line names it with its successor.

The three parts of an explanation stay apart: ``reasons`` (the rules that decided: for a
recommendation its ``consider`` and ``support`` rules, for a rejection its ``block`` rules),
``caveats`` (its ``weaken`` rules, and only those) and, on each reason, ``based_on`` (the
facts other rules derived that it rests on).

Every list has a defined order, so the same case gives the same bytes in every process:
recommendations by fit, kind (organisation first), number of reasons, catalogue order;
reasons deciding first (``consider`` before ``support``; for rejections the closing rule,
then the organisation's blocks, then the groups'), then the organisation before the groups
(by id), then rule id; warnings by code, instrument, rule and text; missing answers by
field; fired rules by id.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from advisor.engine.conclusions import Conclusion
from advisor.i18n import t
from advisor.knowledge import Catalogue
from advisor.models import (
    Advice, Basis, GroupFit, NeedInfo, Override, Reason, Recommendation, Rejection, Warning,
)
from advisor.errors import InputError

CLOSED = "instrument-closed"
#: the warnings about instruments closing or closed: an answer that changes only these changes
#: nothing the interview asks for (advisor.interview)
CLOSED_WARNINGS = frozenset({CLOSED, "transition"})


def _reason(c: Conclusion, lang: str, texts: bool = True) -> Reason:
    if not texts:  # an outcome only: which rule decided, for which group
        return Reason(rule=c.meta.id, text="", group=c.group or None)
    own = c.meta.id
    based_on: list[Basis] = []
    for meta, params in c.support:
        if meta.id != own and all(b.rule != meta.id for b in based_on):
            based_on.append(Basis(rule=meta.id, text=meta.text(lang, params), sources=list(meta.sources)))
    return Reason(rule=own, text=c.meta.text(lang, c.params), sources=list(c.meta.sources),
                  group=c.group or None, based_on=based_on)


def _reasons(conclusions: list[Conclusion], lang: str, rank=lambda c: 0, texts: bool = True) -> list[Reason]:
    """Reasons in their defined order (``rank`` first), without repeats."""
    ordered = sorted(conclusions, key=lambda c: (rank(c), c.group != "", c.group, c.meta.id))
    out: list[Reason] = []
    seen: set[tuple] = set()
    for c in ordered:
        reason = _reason(c, lang, texts)
        key = (reason.rule, reason.group, reason.text)
        if key not in seen:
            seen.add(key)
            out.append(reason)
    return out


def _group_of(path: str) -> str:
    """The worker group a field path is about ('' for the organisation or the service)."""
    parts = path.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "worker_groups" else ""


@dataclass
class _Parts:
    consider: list[Conclusion] = field(default_factory=list)
    support: list[Conclusion] = field(default_factory=list)
    weaken: list[Conclusion] = field(default_factory=list)
    block: list[Conclusion] = field(default_factory=list)


def assemble(conclusions: list[Conclusion], day: date, lang: str, cat: Catalogue,
             fired: list[str], groups: list[str], texts: bool = True) -> Advice:
    """The explained advice; ``groups`` are the case's worker-group ids. Without ``texts``, the
    same outcome without the wording of the reasons (empty texts, no "based on"): what the
    interview compares of its probes, for a fifth of the cost. Two reasons of one rule and
    group then count as one, so recommendations with equal fit may come in another order."""
    by_instrument: dict[str, _Parts] = defaultdict(_Parts)
    needs: list[Conclusion] = []
    warns: list[Conclusion] = []
    closing: dict[str, set[str]] = defaultdict(set)  # instrument -> its closing rules that fired
    for c in conclusions:
        if c.kind == "need":
            needs.append(c)
        elif c.kind == "warn":
            warns.append(c)
            if c.code == CLOSED and c.instrument:
                closing[c.instrument].add(c.meta.id)
        else:
            getattr(by_instrument[c.instrument], c.kind).append(c)

    open_needs: dict[str, list[Conclusion]] = defaultdict(list)
    for n in needs:
        for instrument in n.affects:
            open_needs[instrument].append(n)

    recommendations: list[tuple[tuple, Recommendation]] = []
    rejections: list[Rejection] = []
    rejected_blocks: list[Conclusion] = []
    order = list(cat.instruments)
    for instrument in sorted(by_instrument, key=order.index):
        parts = by_instrument[instrument]
        name = cat.instruments[instrument].name(lang)
        closers = closing.get(instrument, set())
        concerned = [*parts.consider, *parts.support, *parts.weaken, *parts.block]
        if closers and all(c.meta.id in closers for c in concerned) and not open_needs.get(instrument):
            continue  # nothing but "closed": the short closed line below, not a rejection

        def block_rank(c: Conclusion) -> int:
            return 0 if c.meta.id in closers else 1 if not c.group else 2

        org_blocks = [b for b in parts.block if not b.group]
        blocked = {b.group for b in parts.block if b.group}
        considered = {c.group for c in parts.consider if c.group}
        if not considered and any(not c.group for c in parts.consider):
            considered = set(groups)  # considered for the organisation: it covers every group
        serves = sorted(considered - blocked)
        if org_blocks or not parts.consider or (considered and not serves):
            if parts.block:
                rejections.append(Rejection(
                    instrument=instrument, name=name, reasons=_reasons(parts.block, lang, block_rank, texts),
                    worker_groups=[] if org_blocks else sorted(blocked)))
                rejected_blocks += parts.block
            continue
        if blocked:
            rejections.append(Rejection(
                instrument=instrument, name=name, worker_groups=sorted(blocked),
                reasons=_reasons(parts.block, lang, block_rank, texts)))
            rejected_blocks += parts.block

        def concerns(c: Conclusion) -> bool:
            return not c.group or c.group in serves

        why = [c for c in [*parts.consider, *parts.support] if concerns(c)]
        weak = [c for c in parts.weaken if concerns(c)]
        missing = sorted({n.path for n in open_needs.get(instrument, [])})
        fits = []
        for group in serves or [""]:
            caveat_ids = sorted({c.meta.id for c in weak if c.group in ("", group)})
            gaps = [p for p in missing if _group_of(p) in ("", group)] if group else missing
            fits.append(GroupFit(group=group, fit="possible" if caveat_ids or gaps else "strong",
                                 caveats=caveat_ids, missing=gaps))
        fit = "strong" if any(f.fit == "strong" for f in fits) else "possible"
        rec = Recommendation(instrument=instrument, name=name, fit=fit, worker_groups=serves,
                             reasons=_reasons(why, lang, lambda c: c.kind != "consider", texts),
                             caveats=_reasons(weak, lang, texts=texts), group_fits=fits if serves else [])
        kind_rank = 0 if cat.instruments[instrument].kind == "organisation" else 1
        key = (fit != "strong", kind_rank, -len(rec.reasons), order.index(instrument))
        recommendations.append((key, rec))
    recommendations.sort(key=lambda pair: pair[0])
    recs = [r for _, r in recommendations]
    rejected_ids = {r.instrument for r in rejections if not r.worker_groups}

    needs_info: dict[str, NeedInfo] = {}
    still_open = {i.id for i in cat.open_on(day)}
    for n in needs:
        # only instruments that can still be recommended on this day are affected
        affects = [i for i in n.affects if i in still_open and i not in rejected_ids]
        if n.affects and not affects:
            continue
        item = needs_info.setdefault(n.path, NeedInfo(field=n.path, affects=[], rules=[]))
        item.affects = sorted({*item.affects, *affects}, key=order.index)
        item.rules = sorted({*item.rules, n.meta.id})

    warnings: dict[tuple, Warning] = {}

    def add_warning(w: Warning) -> None:
        warnings.setdefault((w.code, w.instrument or "", w.rule or "", w.text), w)

    # a warning a rejection already says in the same words is not repeated
    warning_rules = {w.meta.id for w in warns}
    rejection_texts = {(c.meta.id, c.meta.text(lang, c.params)) for c in rejected_blocks if c.meta.id in warning_rules}
    for w in warns:
        text = w.meta.text(lang, w.params)
        if w.code == CLOSED or (w.meta.id, text) in rejection_texts:
            continue  # said once: by the rejection, or by the short closed line below
        add_warning(Warning(code=w.code, text=text, instrument=w.instrument or None, rule=w.meta.id))
    for instrument in sorted(closing, key=order.index):  # rejected or not: one short line each
        add_warning(closed_line(instrument, day, lang, cat, rule=min(closing[instrument])))
    metas = {c.meta.id: c.meta for c in conclusions}
    for rec in recs:
        for reason in [*rec.reasons, *rec.caveats]:
            meta = metas.get(reason.rule)
            if meta and meta.uncertain:
                add_warning(Warning(code="uncertain-fact", instrument=rec.instrument, rule=meta.id,
                                    text=t("uncertain", lang, name=rec.name, rule=meta.id)))
    if not recs and needs_info:
        add_warning(Warning(code="answers-missing", text=t("answers_missing", lang,
                                                           fields=", ".join(needs_info))))
    elif not recs:
        add_warning(Warning(code="no-fitting-instrument", text=t("no_fit", lang)))

    return Advice(as_of=day, lang=lang, knowledge_version=cat.version, recommendations=recs,
                  rejected=rejections, needs_info=sorted(needs_info.values(), key=lambda n: n.field),
                  warnings=sorted_warnings(warnings.values()), fired=sorted(set(fired)))


def sorted_warnings(warnings) -> list[Warning]:
    return sorted(warnings, key=lambda w: (w.code, w.instrument or "", w.rule or "", w.text))


def closed_line(instrument: str, day: date, lang: str, cat: Catalogue, rule: str | None) -> Warning:
    """'Closed on this date: X (since D) -> successor', the one line a closed instrument gets."""
    inst = cat.instruments[instrument]
    successor = cat.instruments[inst.successor].name(lang) if inst.successor else t("no_successor", lang)
    since = inst.open_until.isoformat() if inst.open_until and inst.open_until <= day else "-"
    if inst.open_from and day < inst.open_from:
        text = t("not_yet_open_line", lang, name=inst.name(lang), since=inst.open_from.isoformat())
    else:
        text = t("closed_line", lang, name=inst.name(lang), since=since, successor=successor)
    return Warning(code=CLOSED, instrument=instrument, rule=rule, text=text)


def apply_overrides(advice: Advice, overrides: list[Override], cat: Catalogue) -> Advice:
    """An advisor's written decision wins over the rules, and says so: the instrument moves to
    the recommendations (as a possible fit) or to the rejections, with the justification as
    its reason (rule ``OVERRIDE``) and an ``advisor-override`` warning. An instrument closed on
    the date cannot be recommended (an InputError names the closing date and the successor)."""
    lang = advice.lang
    for n, o in enumerate(overrides):
        inst = cat.instruments[o.instrument]
        name = inst.name(lang)
        if o.decision == "recommend" and not inst.open_on(advice.as_of):
            successor = cat.instruments[inst.successor].name(lang) if inst.successor else t("no_successor", lang)
            raise InputError(f"overrides[{n}].instrument", [t(
                "override_closed", lang, name=name, id=o.instrument,
                date=advice.as_of.isoformat(), window=_window(inst, lang), successor=successor)])
        who = f" ({o.by})" if o.by else ""
        reason = Reason(rule="OVERRIDE", text=t("override_reason", lang, text=o.justification, by=who))
        advice.recommendations = [r for r in advice.recommendations if r.instrument != o.instrument]
        advice.rejected = [r for r in advice.rejected if r.instrument != o.instrument]
        if o.decision == "recommend":
            advice.recommendations.append(Recommendation(
                instrument=o.instrument, name=name, fit="possible", reasons=[reason]))
        else:
            advice.rejected.append(Rejection(instrument=o.instrument, name=name, reasons=[reason]))
        advice.warnings.append(Warning(code="advisor-override", instrument=o.instrument,
                                       text=t("override_warning", lang, name=name, decision=t(
                                           "override_" + o.decision, lang))))
    advice.warnings = sorted_warnings(
        w for w in advice.warnings
        if w.code not in ("no-fitting-instrument", "answers-missing") or not advice.recommendations)
    return advice


def _window(inst, lang: str) -> str:
    start = inst.open_from.isoformat() if inst.open_from else t("before_2005", lang)
    end = inst.open_until.isoformat() if inst.open_until else t("still_open", lang)
    return t("open_window", lang, start=start, end=end)
