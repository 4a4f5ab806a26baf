"""The record of every consultation: each time an advice is given for a stored case (on the
command line, at the end of an interview, in the web), what was asked and what was said.

A consultation is **append-only**: this module only INSERTs consultations and their facts (a
row is never updated; it goes only with its case, by the database's ON DELETE CASCADE). Each
holds the case as it was (canonical JSON: sorted keys, no spaces), the advice as
``advisor advise --format json`` gives it, the knowledge version it was given on
(``Advice.knowledge_version``, the digest of the catalogue and rules), the date it was for,
who asked and through which channel, the overrides with their justifications, the case's
municipality and legal form, and one ``consultation_facts`` row per instrument recommended,
rejected or overridden and per missing answer (its field path): the monitoring counts these.

Recording the first consultation moves a case from ``intake`` to ``advised``.
``diff`` compares two consultations of a case with the scenario snapshots' diff
(``advisor.regression.snapshots.compare``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from advisor.errors import InputError, excerpt
from advisor.i18n import Msg, t
from advisor.models import Advice, Case
from advisor.store import cases as case_store
from advisor.store.cases import CaseStore, CaseRow
from advisor.store.schema import CHANNELS, cases as cases_table, consultation_facts, consultations

#: the free texts of a case file: left out of exports unless notes are asked for
FREE_TEXT = (("service", "description"), ("service", "other_activity"))


def canonical_json(data) -> str:
    """JSON with sorted keys and no spaces: the same case gives the same bytes."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def case_document(case: Case) -> dict:
    return case.model_dump(mode="json", exclude_none=True)


@dataclass(frozen=True)
class Consultation:
    n: int              # its place in the case's history, from 1
    id: int
    case_id: str
    session_id: str | None
    recorded_at: str
    as_of: str
    knowledge_version: str
    asked_by: str
    channel: str
    municipality: str | None
    legal_form: str | None
    case_json: str
    advice_json: str
    overrides_json: str

    def case(self) -> dict:
        return json.loads(self.case_json)

    def advice(self) -> dict:
        return json.loads(self.advice_json)

    def overrides(self) -> list[dict]:
        return json.loads(self.overrides_json)

    def summary(self, with_notes: bool = False) -> dict:
        """What a history shows: when, on what, by whom, and what was concluded."""
        advice = self.advice()
        overrides = [o if with_notes else {k: v for k, v in o.items() if k != "justification"}
                     for o in self.overrides()]
        return {"n": self.n, "id": self.id, "recorded_at": self.recorded_at, "as_of": self.as_of,
                "knowledge_version": self.knowledge_version, "asked_by": self.asked_by, "channel": self.channel,
                "session_id": self.session_id, "municipality": self.municipality, "legal_form": self.legal_form,
                "recommended": [r["instrument"] for r in advice.get("recommendations", [])],
                "rejected": sorted({r["instrument"] for r in advice.get("rejected", [])}),
                "missing": sorted({n["field"] for n in advice.get("needs_info", [])}),
                "overrides": overrides}


def without_notes(case: dict) -> dict:
    """The case document without its free texts (descriptions, override justifications)."""
    out = json.loads(json.dumps(case))
    for part, key in FREE_TEXT:
        if isinstance(out.get(part), dict):
            out[part].pop(key, None)
    for o in out.get("overrides", []) or []:
        o.pop("justification", None)
    return out


def facts_of(case: Case, advice: Advice) -> set[tuple[str, str]]:
    """(kind, key) for the monitoring: instruments recommended, rejected and overridden, and
    the field paths of the missing answers."""
    facts = {("recommended", i) for i in advice.recommended_ids()}
    facts |= {("rejected", i) for i in advice.rejected_ids()}
    facts |= {("missing", n.field) for n in advice.needs_info}
    facts |= {("override", o.instrument) for o in case.overrides or []}
    return facts


class ConsultationLog:
    """The consultations of the cases of one store."""

    def __init__(self, store: CaseStore):
        self.store = store

    def record(self, case_id: str, case: Case, advice: Advice, *, asked_by: str, channel: str,
               session_id: str | None = None) -> Consultation:
        """Append the consultation (and its facts) in one transaction; a case in intake becomes
        advised, and the case takes the municipality and legal form the case file gives."""
        from sqlalchemy import insert, update
        from advisor.render import advice_json

        if channel not in CHANNELS:
            raise InputError("channel", [Msg("cs_bad_choice", value=excerpt(channel), allowed=", ".join(CHANNELS))])
        row = self.store.get(case_id)
        overrides = [o.model_dump(mode="json", exclude_none=True) for o in case.overrides or []]
        municipality = advice.municipality or row.municipality
        legal_form = case.organisation.legal_form or row.legal_form
        values = {"case_id": row.id, "session_id": session_id, "recorded_at": case_store.now(),
                  "as_of": advice.as_of.isoformat(), "knowledge_version": advice.knowledge_version,
                  "asked_by": asked_by, "channel": channel, "municipality": municipality, "legal_form": legal_form,
                  "case_json": canonical_json(case_document(case)), "advice_json": advice_json(advice),
                  "overrides_json": canonical_json(overrides)}
        with self.store._write() as conn:
            cid = conn.execute(insert(consultations).values(**values)).inserted_primary_key[0]
            facts = sorted(facts_of(case, advice))
            if facts:
                conn.execute(insert(consultation_facts),
                             [{"consultation_id": cid, "kind": k, "key": key, "case_id": row.id,
                               "recorded_at": values["recorded_at"]} for k, key in facts])
            c = cases_table.c
            change = {"updated": values["recorded_at"], "version": c.version + 1,
                      "municipality": municipality, "legal_form": legal_form,
                      "search_key": case_store.search_key(row.label, row.organisation, municipality)}
            if row.status == "intake":
                change["status"] = "advised"
            conn.execute(update(cases_table).where(c.id == row.id).values(**change))
            if session_id:
                self.store.link_session(row.id, session_id, conn=conn)
        return self.history(row.id)[-1]

    def history(self, case_id: str) -> list[Consultation]:
        """The case's consultations in the order they were recorded."""
        from sqlalchemy import select

        row = self.store.get(case_id)
        with self.store._read() as conn:
            rows = conn.execute(select(consultations).where(consultations.c.case_id == row.id)
                                .order_by(consultations.c.id))
            return [Consultation(n=n, **r._mapping) for n, r in enumerate(rows, 1)]

    def pick(self, case: CaseRow, history: list[Consultation], n: int, where: str) -> Consultation:
        if not 1 <= n <= len(history):
            raise InputError(where, [Msg("cs_no_consultation", id=case.id, n=n, count=len(history))])
        return history[n - 1]

    def diff(self, case_id: str, a: int | None = None, b: int | None = None) -> dict:
        """What changed from consultation ``a`` to ``b`` of the case (numbers in its history;
        default: the last two): the answers of the case, and the advice as the scenario
        snapshots' diff compares it."""
        from advisor.regression.snapshots import compare

        case = self.store.get(case_id)
        history = self.history(case.id)
        nb = b if b is not None else len(history)
        na = a if a is not None else nb - 1
        if a is None and na < 1:
            raise InputError(f"case {case.id}", [Msg("cs_diff_needs_two", id=case.id, count=len(history))])
        old, new = self.pick(case, history, na, "A"), self.pick(case, history, nb, "B")
        strip = ("knowledge_version", "lang")
        changes = compare({k: v for k, v in old.advice().items() if k not in strip},
                          {k: v for k, v in new.advice().items() if k not in strip})
        return {"case_id": case.id, "old": old.summary(), "new": new.summary(),
                "knowledge": None if old.knowledge_version == new.knowledge_version else
                {"old": old.knowledge_version, "new": new.knowledge_version},
                "answers": _answers_changed(old.case(), new.case()), "advice": changes}


def _flat(data, prefix: str = "") -> dict[str, object]:
    """A case document as field path -> value (worker groups by their id, as the questions name them)."""
    out: dict[str, object] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(_flat(value, f"{prefix}{key}."))
    elif isinstance(data, list) and data and all(isinstance(x, dict) and "id" in x for x in data):
        for item in data:
            out.update(_flat({k: v for k, v in item.items() if k != "id"}, f"{prefix}{item['id']}."))
    else:
        out[prefix.rstrip(".")] = data
    return out


def _answers_changed(old: dict, new: dict) -> list[dict]:
    """The answers that differ, by field path (sorted): what the advisor changed in the case."""
    a, b = _flat(old), _flat(new)
    return [{"field": k, "old": a.get(k), "new": b.get(k)} for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def diff_text(d: dict, lang: str) -> str:
    """``diff``'s result as lines: the title, then what changed (the answers, the knowledge version,
    and the advice as ``advisor scenarios diff`` shows it)."""
    from advisor.regression.snapshots import change_lines

    old, new = d["old"], d["new"]
    lines = [t("cs_diff_title", lang, id=d["case_id"], a=old["n"], b=new["n"], old=old["recorded_at"],
               new=new["recorded_at"])]
    if d["knowledge"]:
        lines.append(f"  ~ {t('knowledge', lang)}: {d['knowledge']['old']} -> {d['knowledge']['new']}")
    for x in d["answers"]:
        shown = [json.dumps(v, ensure_ascii=False) if v is not None else "-" for v in (x["old"], x["new"])]
        lines.append(f"  ~ {x['field']}: {shown[0]} -> {shown[1]}")
    lines += change_lines(d["advice"], lang)
    if len(lines) == 1:
        lines.append("  " + t("cs_diff_same", lang))
    return "\n".join(lines) + "\n"
