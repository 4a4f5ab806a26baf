"""Before/after review of a rule change: snapshots of the whole advice per scenario, their
diff, and recording a case as a new scenario.

A snapshot is JSON with sorted keys (stable, reviewable in git): the knowledge version, the
language, the scenario paths it was taken over and, per scenario id, its file and advice
(everything but ``knowledge_version`` and ``lang``). ``diff`` re-runs the same scenarios
and lists, per scenario whose advice changed, what changed; the knowledge version is not
compared (it changes with every rule edit, which is the point of the review).
"""
from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

from advisor.errors import InputError, dump_yaml, excerpt, read_text, short_text
from advisor.models import Advice, Case, Scenario
from advisor.regression.scenarios import Outcome, Suite
from advisor.i18n import Msg, t

FORMAT = 1


def display_path(path: Path) -> str:
    """Relative to the working directory when possible, with forward slashes."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _advice_json(advice: Advice) -> dict:
    return advice.model_dump(mode="json", exclude={"knowledge_version", "lang"})


def snapshot(suite: Suite) -> dict:
    """The full advice of every scenario of ``suite``, keyed by scenario id."""
    from advisor.knowledge import catalogue

    scenarios = {}
    for o in suite.outcomes():
        item = {"file": display_path(o.entry.path)}
        if o.advice is None:
            item["error"] = o.error
        else:
            item["advice"] = _advice_json(o.advice)
        scenarios[o.id] = item
    return {"format": FORMAT, "knowledge_version": catalogue().version, "lang": suite.lang,
            "paths": [display_path(p) for p in suite.paths], "scenarios": scenarios}


def dump(snap: dict) -> str:
    return json.dumps(snap, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


#: A snapshot of every scenario is a few MB; ADVISOR_MAX_SNAPSHOT_BYTES raises the limit.
MAX_SNAPSHOT_BYTES = int(os.environ.get("ADVISOR_MAX_SNAPSHOT_BYTES", 100_000_000))

# The parts of a snapshot that `diff` reads, and their types ("?" after a key: optional; a
# tuple: the allowed values; [x]: a list of x; {"*": x}: a mapping of ids to x). Anything
# else in the file is carried along unread.
_TEXT_OR_NULL = (str, type(None))
_REASON = {"rule": str, "text": str}
_ADVICE = {
    "as_of?": _TEXT_OR_NULL,
    "recommendations?": [{"instrument": str, "fit": str, "worker_groups?": [str], "reasons?": [_REASON],
                          "caveats?": [_REASON]}],
    "rejected?": [{"instrument": str, "worker_groups?": [str], "reasons?": [_REASON]}],
    "needs_info?": [{"field": str, "affects?": [str]}],
    "next_steps?": [{"instrument": str, "id": str, "text": str}],
    "warnings?": [{"code": str, "instrument?": _TEXT_OR_NULL, "rule?": _TEXT_OR_NULL, "text": str}],
    "experts?": [{"id": str}],
    "fired?": [str],
}
_ENTRY = {"file": str, "advice?": _ADVICE, "error?": _TEXT_OR_NULL}
_SNAPSHOT = {"format": int, "knowledge_version": str, "lang": ("nl", "en"), "paths": [str],
             "scenarios": {"*": _ENTRY}}
_KIND = {dict: "kind_mapping", list: "kind_list", str: "kind_text", int: "kind_number", bool: "kind_bool"}


def load_snapshot(path: str | Path) -> dict:
    """A snapshot file, checked before use: a regular UTF-8 file of at most
    MAX_SNAPSHOT_BYTES, JSON without duplicate keys or absurd nesting, the format, and every
    field `diff` reads with its type; else one InputError naming the file and the field."""
    path = Path(path)
    if str(path) != "-" and not path.exists() and not path.is_symlink():
        raise InputError(path, [Msg("err_snap_missing")])
    text = read_text(path, MAX_SNAPSHOT_BYTES, "ADVISOR_MAX_SNAPSHOT_BYTES")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except _Duplicate as exc:
        raise InputError(path, [Msg("err_snap_duplicate", name=excerpt(exc.args[0]))]) from None
    except RecursionError:
        raise InputError(path, [Msg("err_snap_deep")]) from None
    except ValueError as exc:  # JSONDecodeError, and integers beyond Python's digit limit
        raise InputError(path, [Msg("err_snap_json", problem=short_text(exc))]) from None
    if isinstance(data, dict) and "format" in data and data["format"] != FORMAT:
        raise InputError(path, [Msg("err_snap_format", format=FORMAT, got=excerpt(data["format"]))])
    problem = _check(data, _SNAPSHOT, "")
    if problem:
        raise InputError(path, [problem])
    for sid, entry in data["scenarios"].items():
        if "advice" not in entry and "error" not in entry:
            raise InputError(path, [Msg("err_snap_entry", field=f"scenarios.{sid}")])
    return data


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list) -> dict:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return out


def _check(value, spec, where: str) -> Msg | None:
    """The first place where ``value`` does not fit ``spec``, as a message naming the field."""
    stack = [(value, spec, where)]
    while stack:
        value, spec, where = stack.pop()
        field = where or "(top level)"
        if isinstance(spec, tuple) and all(isinstance(x, str) for x in spec):  # allowed values
            if value not in spec:
                return Msg("err_snap_field", field=field, expected=" | ".join(spec), got=excerpt(value))
        elif isinstance(spec, tuple) or isinstance(spec, type):
            types_ = spec if isinstance(spec, tuple) else (spec,)
            if not isinstance(value, types_) or (isinstance(value, bool) and bool not in types_):
                expected = Msg("kind_text_or_null") if spec == _TEXT_OR_NULL else Msg(_KIND[spec])
                return Msg("err_snap_field", field=field, expected=expected, got=_kind(value))
            if isinstance(value, str) and _CONTROL.search(value):
                return Msg("err_snap_field", field=field, expected=Msg("kind_text"), got=excerpt(value))
        elif isinstance(spec, list):
            if not isinstance(value, list):
                return Msg("err_snap_field", field=field, expected=Msg("kind_list"), got=_kind(value))
            stack.extend((item, spec[0], f"{where}[{n}]") for n, item in reversed(list(enumerate(value))))
        else:
            if not isinstance(value, dict):
                return Msg("err_snap_field", field=field, expected=Msg("kind_mapping"), got=_kind(value))
            prefix = f"{where}." if where else ""
            if "*" in spec:
                for key in sorted(value, reverse=True):
                    if _CONTROL.search(key):
                        return Msg("err_snap_field", field=f"{prefix}{excerpt(key)}", expected=Msg("kind_text"),
                                   got=excerpt(key))
                    stack.append((value[key], spec["*"], f"{prefix}{key}"))
                continue
            for key, sub in reversed(list(spec.items())):
                name = key.rstrip("?")
                if name in value:
                    stack.append((value[name], sub, f"{prefix}{name}"))
                elif not key.endswith("?"):
                    return Msg("err_snap_missing_field", field=f"{prefix}{name}")
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _kind(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, dict | list):
        return type(value).__name__
    return excerpt(value)


# --- the diff -----------------------------------------------------------------------------


def _reasons(advice: dict) -> dict[str, dict[str, list[str]]]:
    """instrument -> rule id -> texts (recommendation reasons and caveats, rejection reasons)."""
    out: dict[str, dict[str, list[str]]] = {}
    for item in [*advice.get("recommendations", []), *advice.get("rejected", [])]:
        rules = out.setdefault(item["instrument"], {})
        for r in [*item.get("reasons", []), *item.get("caveats", [])]:
            texts = rules.setdefault(r["rule"], [])
            if r["text"] not in texts:
                texts.append(r["text"])
    return {i: {rule: sorted(texts) for rule, texts in rules.items()} for i, rules in out.items()}


def _by(items: list[dict], key) -> dict:
    return {key(i): i for i in items}


def compare(old: dict, new: dict) -> dict:
    """What changed from ``old`` to ``new`` advice (both as JSON); empty when nothing did."""
    changes: dict = {}
    if old.get("as_of") != new.get("as_of"):
        changes["as_of"] = {"old": old.get("as_of"), "new": new.get("as_of")}

    def sets(name: str, key, show) -> None:
        a, b = _by(old.get(name, []), key), _by(new.get(name, []), key)
        added = [show(b[k]) for k in b if k not in a]
        removed = [show(a[k]) for k in a if k not in b]
        changed = [{"item": show(b[k]), "old": show(a[k])} for k in b if k in a and show(a[k]) != show(b[k])]
        part = {k: v for k, v in (("added", added), ("removed", removed), ("changed", changed)) if v}
        if part:
            changes[name] = part

    ranking = ([r["instrument"] for r in old.get("recommendations", [])],
               [r["instrument"] for r in new.get("recommendations", [])])
    if ranking[0] != ranking[1]:
        changes["ranking"] = {"old": ranking[0], "new": ranking[1]}
    sets("recommendations", lambda r: r["instrument"],
         lambda r: {"instrument": r["instrument"], "fit": r["fit"], "worker_groups": r.get("worker_groups", [])})
    sets("rejected", lambda r: r["instrument"],
         lambda r: {"instrument": r["instrument"], "worker_groups": r.get("worker_groups", [])})
    # the order of `affects` follows the firing order, which means nothing: compare it sorted
    sets("needs_info", lambda n: n["field"], lambda n: {"field": n["field"], "affects": sorted(n.get("affects", []))})
    sets("next_steps", lambda s: (s["instrument"], s["id"]),
         lambda s: {"id": s["id"], "instrument": s["instrument"], "text": s["text"]})
    sets("warnings", lambda w: (w["code"], w.get("instrument"), w.get("rule")),
         lambda w: {"code": w["code"], "instrument": w.get("instrument"), "text": w["text"]})
    sets("experts", lambda e: e["id"], lambda e: {"id": e["id"]})

    reasons = []
    a, b = _reasons(old), _reasons(new)
    for instrument in sorted(set(a) | set(b)):
        ra, rb = a.get(instrument, {}), b.get(instrument, {})
        for rule in sorted(set(ra) | set(rb)):
            if ra.get(rule) != rb.get(rule):
                reasons.append({"instrument": instrument, "rule": rule,
                                "old": ra.get(rule, []), "new": rb.get(rule, [])})
    if reasons:
        changes["reasons"] = reasons
    fa, fb = old.get("fired", []), new.get("fired", [])
    if set(fa) != set(fb):
        changes["fired"] = {"added": sorted(set(fb) - set(fa)), "removed": sorted(set(fa) - set(fb))}
    return changes


def diff(snap: dict, suite: Suite) -> list[dict]:
    """Per scenario whose advice changed since ``snap``: id, file and the changes; sorted by id."""
    now = {o.id: o for o in suite.outcomes()}
    then = snap["scenarios"]
    out = []
    for sid in sorted(set(then) | set(now)):
        if sid not in now:
            out.append({"id": sid, "file": then[sid]["file"], "status": "removed"})
            continue
        o: Outcome = now[sid]
        item = {"id": sid, "file": display_path(o.entry.path)}
        if sid not in then:
            out.append({**item, "status": "new"})
        elif o.advice is None or "advice" not in then[sid]:
            if o.error != then[sid].get("error"):
                out.append({**item, "status": "error", "old": then[sid].get("error"), "new": o.error})
        else:
            changes = compare(then[sid]["advice"], _advice_json(o.advice))
            if changes:
                out.append({**item, "status": "changed", "changes": changes})
    return out


def _quote(texts: list[str]) -> str:
    return " | ".join(f"\"{x}\"" for x in texts) if texts else "-"


def diff_text(changed: list[dict], snap: dict, lang: str) -> str:
    if not changed:
        return t("diff_none", lang, n=len(snap["scenarios"])) + "\n"
    lines = [t("diff_title", lang, n=len(changed), version=snap["knowledge_version"]), ""]
    for item in changed:
        lines.append(f"{item['id']}  ({item['file']})")
        status = item["status"]
        if status != "changed":
            extra = f": {item.get('new') or item.get('old')}" if status == "error" else ""
            lines += [f"  {t('diff_' + status, lang)}{extra}", ""]
            continue
        lines += change_lines(item["changes"], lang)
        lines.append("")
    return "\n".join(lines)


def change_lines(c: dict, lang: str) -> list[str]:
    """The changes of one advice (``compare``) as indented lines, as ``diff_text`` shows them."""
    lines: list[str] = []
    if "as_of" in c:
        lines.append(f"  as_of: {c['as_of']['old']} -> {c['as_of']['new']}")
    if "ranking" in c:
        lines.append(f"  ~ {t('diff_ranking', lang)}: {', '.join(c['ranking']['old']) or '-'} -> "
                     f"{', '.join(c['ranking']['new']) or '-'}")
    for name, label in (("recommendations", "diff_recommended"), ("rejected", "diff_rejected"),
                        ("needs_info", "diff_needs_info"), ("next_steps", "diff_steps"),
                        ("warnings", "diff_warnings"), ("experts", "diff_experts")):
        part = c.get(name, {})
        for x in part.get("added", []):
            lines.append(f"  + {t(label, lang)}: {_show(name, x)}")
        for x in part.get("removed", []):
            lines.append(f"  - {t(label, lang)}: {_show(name, x)}")
        for x in part.get("changed", []):
            lines.append(f"  ~ {t(label, lang)}: {_show(name, x['old'])} -> {_show(name, x['item'])}")
    for r in c.get("reasons", []):
        lines.append(f"  ~ {t('diff_reason', lang)} {r['instrument']} {r['rule']}:")
        lines.append(f"      {t('diff_old', lang)}: {_quote(r['old'])}")
        lines.append(f"      {t('diff_new', lang)}: {_quote(r['new'])}")
    if "fired" in c:
        lines.append(f"  ~ {t('diff_fired', lang)}: +[{', '.join(c['fired']['added'])}] "
                     f"-[{', '.join(c['fired']['removed'])}]")
    return lines


def _show(name: str, x: dict) -> str:
    if name == "recommendations":
        groups = f" [{', '.join(x['worker_groups'])}]" if x["worker_groups"] else ""
        return f"{x['instrument']} ({x['fit']}){groups}"
    if name == "rejected":
        return x["instrument"] + (f" [{', '.join(x['worker_groups'])}]" if x["worker_groups"] else "")
    if name == "needs_info":
        return f"{x['field']} -> {', '.join(x['affects'])}"
    if name == "next_steps":
        return f"{x['instrument']}/{x['id']}: \"{x['text']}\""
    if name == "warnings":
        return f"{x['code']}{' ' + x['instrument'] if x['instrument'] else ''}: \"{x['text']}\""
    return x["id"]


# --- recording a case as a scenario ----------------------------------------------------------


def expect_of(advice: Advice) -> dict:
    """Every claim the advice makes true now, as a scenario's ``expect`` block."""
    expect: dict = {}
    recommended = advice.recommended_ids()
    if recommended:
        expect["top"] = recommended[0]
        expect["recommended"] = recommended
    if advice.rejected:
        expect["rejected"] = advice.rejected_ids()
    rules = [r.rule for item in [*advice.recommendations, *advice.rejected]
             for r in [*item.reasons, *getattr(item, "caveats", [])]]
    rules = [r for r in dict.fromkeys(rules) if r != "OVERRIDE"]
    if rules:
        expect["fired"] = rules
    for key, values in (("needs_info", [n.field for n in advice.needs_info]),
                        ("next_steps", [s.id for s in advice.next_steps]),
                        ("warnings", [w.code for w in advice.warnings])):
        if values:
            expect[key] = list(dict.fromkeys(values))
    if advice.experts:
        expect["experts_min"] = len(advice.experts)
    return expect


def record(case: Case, advice: Advice, scenario_id: str, source: str, description: str | None = None) -> str:
    """A scenario file (YAML text) whose ``expect`` is the current advice of ``case``, for a
    person to trim to the claims that matter and confirm. Raises InputError on a bad id."""
    expect = expect_of(advice)

    case_data = case.model_dump(mode="python", exclude_none=True)
    case_data["as_of"] = advice.as_of  # pin the date, or the scenario drifts with today
    case_data = {k: v for k, v in case_data.items() if v not in ({}, [])}
    data = {"id": scenario_id,
            "description": description or case.service.description or f"Recorded from {source}",
            "tags": ["recorded", str(advice.as_of.year)],
            "case": {"as_of": case_data.pop("as_of"), **case_data}, "expect": expect}
    from advisor.errors import validate

    validate(Scenario, json.loads(json.dumps(data, default=str)), f"--id {scenario_id}")
    header = (f"# Recorded by `advisor scenarios record` from {source} on {date.today().isoformat()}\n"
              f"# (knowledge version {advice.knowledge_version}). The expect block is the advice as it\n"
              f"# is now: rewrite the description, keep only the claims that matter, confirm them.\n")
    return header + dump_yaml(data, width=100)  # no anchors: the case and expect may share lists
