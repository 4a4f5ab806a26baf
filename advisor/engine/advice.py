"""From the rules' conclusions to the Advice: resolution and explanation, no rules here.

Per instrument: a block for the organisation rejects it; blocks for worker groups remove
those groups; what remains of its ``consider`` conclusions recommends it, as a strong fit
unless a ``weaken`` or an open question (``need``) makes it a possible one. Each reason
is preceded by the reasons of the facts it was derived from (the "how" chain).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from advisor.engine.conclusions import Conclusion
from advisor.i18n import t
from advisor.knowledge import Catalogue
from advisor.models import Advice, NeedInfo, Override, Reason, Recommendation, Rejection, Warning
from advisor.engine.registry import RuleMeta


def _reason(meta: RuleMeta, lang: str, params: dict | None = None) -> Reason:
    return Reason(rule=meta.id, text=meta.text(lang, params), sources=list(meta.sources))


def _explain(conclusions: list[Conclusion], lang: str) -> list[Reason]:
    """Reasons in order, each preceded by the derivations it rests on, without repeats."""
    out: list[Reason] = []
    seen: set[tuple[str, str]] = set()
    for c in conclusions:
        for reason in [*(_reason(m, lang, p) for m, p in c.support), _reason(c.meta, lang, c.params)]:
            key = (reason.rule, reason.text)
            if key not in seen:
                seen.add(key)
                out.append(reason)
    return out


def assemble(conclusions: list[Conclusion], day: date, lang: str, cat: Catalogue,
             fired: list[str]) -> Advice:
    by_instrument: dict[str, dict[str, list[Conclusion]]] = defaultdict(lambda: defaultdict(list))
    needs: list[Conclusion] = []
    warns: list[Conclusion] = []
    for c in conclusions:
        if c.kind == "need":
            needs.append(c)
        elif c.kind == "warn":
            warns.append(c)
        else:
            by_instrument[c.instrument][c.kind].append(c)

    open_needs: dict[str, list[Conclusion]] = defaultdict(list)
    for n in needs:
        for instrument in n.affects:
            open_needs[instrument].append(n)

    recommendations: list[tuple[tuple, Recommendation]] = []
    rejections: list[Rejection] = []
    order = list(cat.instruments)
    for instrument in sorted(by_instrument, key=order.index):
        parts = by_instrument[instrument]
        name = cat.instruments[instrument].name(lang)
        blocks = parts["block"]
        blocked_groups = {b.group for b in blocks if b.group}
        considered = {c.group for c in parts["consider"]}
        fitting = sorted(g for g in considered if g and g not in blocked_groups)
        org_blocked = any(not b.group for b in blocks)
        if org_blocked or not parts["consider"] or ("" not in considered and not fitting):
            if blocks:
                rejections.append(Rejection(
                    instrument=instrument, name=name, reasons=_explain(blocks, lang),
                    worker_groups=[] if org_blocked else sorted(blocked_groups)))
            continue

        def relevant(c: Conclusion) -> bool:
            return not c.group or c.group in fitting

        why = [c for c in parts["consider"] + parts["support"] if relevant(c)]
        caveats = parts["weaken"] + [b for b in blocks if b.group]
        weakened = any(c.kind == "weaken" and not c.group for c in caveats)
        fit = "possible" if weakened or open_needs.get(instrument) else "strong"
        rec = Recommendation(instrument=instrument, name=name, fit=fit, worker_groups=fitting,
                             reasons=_explain(why, lang), caveats=_explain(caveats, lang))
        kind_rank = 0 if cat.instruments[instrument].kind == "organisation" else 1
        key = (fit != "strong", kind_rank, -len(rec.reasons), order.index(instrument))
        recommendations.append((key, rec))
    recommendations.sort(key=lambda pair: pair[0])
    rejected_ids = {r.instrument for r in rejections}

    needs_info: dict[str, NeedInfo] = {}
    still_open = {i.id for i in cat.open_on(day)}
    for n in needs:
        # only instruments that can still be recommended on this day are affected
        affects = [i for i in n.affects if i in still_open and i not in rejected_ids]
        if n.affects and not affects:
            continue
        item = needs_info.setdefault(n.path, NeedInfo(field=n.path, affects=[], rules=[]))
        item.affects.extend(a for a in affects if a not in item.affects)
        if n.meta.id not in item.rules:
            item.rules.append(n.meta.id)

    warnings: list[Warning] = []
    seen: set[tuple] = set()

    def add_warning(w: Warning) -> None:
        key = (w.code, w.instrument, w.text)
        if key not in seen:
            seen.add(key)
            warnings.append(w)

    for w in warns:
        add_warning(Warning(code=w.code, text=w.meta.text(lang, w.params),
                            instrument=w.instrument or None, rule=w.meta.id))
    recs = [r for _, r in recommendations]
    metas = _meta_by_id(conclusions)
    for rec in recs:
        for reason in [*rec.reasons, *rec.caveats]:
            meta = metas.get(reason.rule)
            if meta and meta.uncertain:
                add_warning(Warning(code="uncertain-fact", instrument=rec.instrument, rule=meta.id,
                                    text=t("uncertain", lang, name=rec.name, rule=meta.id)))
    if not recs:
        add_warning(Warning(code="no-fitting-instrument", text=t("no_fit", lang)))

    return Advice(as_of=day, lang=lang, knowledge_version=cat.version, recommendations=recs,
                  rejected=rejections, needs_info=sorted(needs_info.values(), key=lambda n: n.field),
                  warnings=warnings, fired=list(dict.fromkeys(fired)))


def _meta_by_id(conclusions: list[Conclusion]) -> dict[str, RuleMeta]:
    metas = {}
    for c in conclusions:
        metas[c.meta.id] = c.meta
        for m, _ in c.support:
            metas[m.id] = m
    return metas


def apply_overrides(advice: Advice, overrides: list[Override], cat: Catalogue) -> Advice:
    """An advisor's written decision wins over the rules, and says so: the instrument moves to
    the recommendations (as a possible fit) or to the rejections, with the justification as
    its reason (rule ``OVERRIDE``) and an ``advisor-override`` warning."""
    lang = advice.lang
    for o in overrides:
        name = cat.instruments[o.instrument].name(lang)
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
    advice.warnings = [w for w in advice.warnings
                       if w.code != "no-fitting-instrument" or not advice.recommendations]
    return advice
