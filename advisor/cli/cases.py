"""`advisor cases ...`: named cases in the case store (advisor.store.cases) and the record of
their consultations (advisor.store.consultations).

Every verb takes ``--db-url``, ``--advisor`` and ``--lang``; outputs are ordered by a defined
key (the list: the most recently changed first, then by id; a history: in the order recorded),
so the same store gives the same bytes. Free texts (descriptions, override justifications,
booking notes) are left out of ``show`` and ``history`` unless ``--with-notes`` is given.
"""
from __future__ import annotations

import json

import click

from advisor.cli.explain import advice_options, echo_advice
from advisor.cli.options import ADVISOR, DB_URL, LANG
from advisor.i18n import t


def _stores(db_url):
    from advisor.store.cases import CaseStore
    from advisor.store.consultations import ConsultationLog

    store = CaseStore(db_url)
    return store, ConsultationLog(store)


def _json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True))


FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
NOTES = click.option("--with-notes", "with_notes", is_flag=True,
                     help="Also show the free texts (descriptions, justifications, booking notes).")


def _common(f):
    for option in (LANG, ADVISOR, DB_URL):
        f = option(f)
    return f


def status_label(status: str, lang: str) -> str:
    return t("cs_status_" + status, lang)


# --- text ---------------------------------------------------------------------------------------


def _case_line(c, lang: str) -> str:
    extra = ", ".join(x for x in (c.organisation, c.municipality) if x)
    return (f"{c.id}  {status_label(c.status, lang):<12}  {c.updated[:10]}  {c.owner}  {c.label}"
            + (f"  ({extra})" if extra else ""))


def page_text(page, lang: str, query: str | None = None) -> str:
    if not page.total:
        return t("cs_none_found" if query else "cs_none", lang, query=query) + "\n"
    head = t("cs_page", lang, first=(page.page - 1) * page.size + 1 if page.items else 0,
             last=(page.page - 1) * page.size + len(page.items), total=page.total, page=page.page, pages=page.pages)
    return "\n".join([head, *(_case_line(c, lang) for c in page.items)]) + "\n"


def _page_json(page) -> dict:
    return {"total": page.total, "page": page.page, "pages": page.pages, "per_page": page.size,
            "cases": [c.as_json() for c in page.items]}


def _summary_line(s: dict, lang: str) -> str:
    who = t("cs_by", lang, who=s["asked_by"], channel=s["channel"])
    parts = [f"#{s['n']}  {s['recorded_at']}  {who}  {t('cs_for_date', lang, date=s['as_of'])}  "
             f"{t('knowledge', lang)} {s['knowledge_version']}"]
    parts.append("    " + t("cs_recommended", lang, items=", ".join(s["recommended"]) or "-"))
    parts.append("    " + t("cs_rejected", lang, items=", ".join(s["rejected"]) or "-"))
    parts.append("    " + t("cs_missing", lang, n=len(s["missing"])))
    for o in s["overrides"]:
        note = f": {o['justification']}" if "justification" in o else ""
        parts.append("    " + t("cs_override", lang, instrument=o["instrument"], decision=o["decision"]) + note)
    return "\n".join(parts)


def show_data(store, log, case_id: str, with_notes: bool) -> dict:
    """What `cases show` shows: the case, its sessions, its consultations, the case file as it
    was last advised, and its expert bookings."""
    from advisor.store.consultations import without_notes

    case = store.get(case_id)
    history = log.history(case.id)
    latest = history[-1].case() if history else None
    return {"case": case.as_json(), "sessions": store.sessions(case.id),
            "consultations": [h.summary(with_notes) for h in history],
            "last_case": latest if latest is None or with_notes else without_notes(latest),
            "bookings": _bookings(store, case.id, with_notes)}


def _bookings(store, case_id: str, with_notes: bool) -> list[dict]:
    """The case's expert bookings (helper "bookings" keeps them; read here as the table holds them)."""
    from sqlalchemy import select

    from advisor.store.schema import bookings

    b = bookings.c
    with store._read() as conn:
        rows = conn.execute(select(bookings).where(b.case_id == case_id).order_by(b.month, b.expert_id, b.id))
        out = [dict(r._mapping) for r in rows]
    if not with_notes:
        for row in out:
            row.pop("note", None)
    return out


def show_text(data: dict, lang: str) -> str:
    c = data["case"]
    lines = [t("cs_title", lang, id=c["id"], label=c["label"])]
    for key, value in (("cs_f_organisation", c["organisation"]), ("cs_f_municipality", c["municipality"]),
                       ("cs_f_legal_form", c["legal_form"]), ("cs_f_status", status_label(c["status"], lang)),
                       ("cs_f_owner", c["owner"]), ("cs_f_created", c["created"]), ("cs_f_updated", c["updated"]),
                       ("cs_f_version", c["version"])):
        lines.append(f"  {t(key, lang)}: {value if value not in (None, '') else '-'}")
    lines += ["", t("cs_sessions", lang, n=len(data["sessions"]))]
    for s in data["sessions"]:
        lines.append(f"  {s['id']}  {s['mode']}  {s['as_of']}  {s['status']}")
    lines += ["", t("cs_consultations", lang, n=len(data["consultations"]))]
    lines += ["  " + _summary_line(s, lang).replace("\n", "\n  ") for s in data["consultations"]]
    if data["bookings"]:
        lines += ["", t("cs_bookings", lang, n=len(data["bookings"]))]
        for b in data["bookings"]:
            note = f"  {b['note']}" if b.get("note") else ""
            lines.append(f"  {b['month']}  {b['expert_id']}  {b['hours']} u  {b['domain']}  {b['status']}{note}")
    return "\n".join(lines) + "\n"


# --- the verbs ---------------------------------------------------------------------------------


@click.group()
def cases():
    """Named cases in the case store: new, list, search, show, rename, status, close, delete,
    and their consultations (advise, history, diff)."""


@cases.command("new")
@click.argument("label")
@click.option("--organisation", default=None, help="The starter's name (optional).")
@click.option("--municipality", default=None, help="Name, postcode or deelgemeente, as in a case file.")
@click.option("--legal-form", "legal_form", default=None, help="organisation.legal_form of the case format.")
@FORMAT
@_common
def cases_new(label, organisation, municipality, legal_form, fmt, db_url, advisor, lang):
    """Open a new case (status intake), owned by the advisor working."""
    from advisor.store.db import advisor_name

    store, _ = _stores(db_url)
    case = store.create(label, owner=advisor_name(advisor), organisation=organisation, municipality=municipality,
                        legal_form=legal_form)
    if fmt == "json":
        _json(case.as_json())
    else:
        click.echo(t("cs_created", lang, id=case.id, label=case.label))


@cases.command("list")
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@click.option("--per-page", "per_page", type=click.IntRange(1, 1000), default=20, show_default=True)
@FORMAT
@_common
def cases_list(page, per_page, fmt, db_url, advisor, lang):
    """The cases, the most recently changed first."""
    store, _ = _stores(db_url)
    result = store.list(page, per_page)
    _json(_page_json(result)) if fmt == "json" else click.echo(page_text(result, lang), nl=False)


@cases.command("search")
@click.argument("text")
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@click.option("--per-page", "per_page", type=click.IntRange(1, 1000), default=20, show_default=True)
@FORMAT
@_common
def cases_search(text, page, per_page, fmt, db_url, advisor, lang):
    """The cases whose label, organisation or municipality hold every word of TEXT (case and
    accents do not matter)."""
    store, _ = _stores(db_url)
    result = store.search(text, page, per_page)
    _json({**_page_json(result), "query": text}) if fmt == "json" else \
        click.echo(page_text(result, lang, query=text), nl=False)


@cases.command("show")
@click.argument("case_id", metavar="ID")
@FORMAT
@NOTES
@_common
def cases_show(case_id, fmt, with_notes, db_url, advisor, lang):
    """A case with its sessions, consultations and bookings."""
    store, log = _stores(db_url)
    data = show_data(store, log, case_id, with_notes)
    _json(data) if fmt == "json" else click.echo(show_text(data, lang), nl=False)


@cases.command("rename")
@click.argument("case_id", metavar="ID")
@click.argument("label")
@click.option("--seen-version", "seen", type=int, default=None,
              help="The version you looked at: refused when the case changed since.")
@_common
def cases_rename(case_id, label, seen, db_url, advisor, lang):
    """Give the case another label."""
    store, _ = _stores(db_url)
    case = store.rename(case_id, label, seen)
    click.echo(t("cs_renamed", lang, id=case.id, label=case.label))


@cases.command("status")
@click.argument("case_id", metavar="ID")
@click.argument("status")
@click.option("--seen-version", "seen", type=int, default=None,
              help="The version you looked at: refused when the case changed since.")
@_common
def cases_status(case_id, status, seen, db_url, advisor, lang):
    """Move the case on: intake, advised, followed_up, closed (never back)."""
    store, _ = _stores(db_url)
    case = store.set_status(case_id, status, seen)
    click.echo(t("cs_status_set", lang, id=case.id, status=status_label(case.status, lang)))


@cases.command("close")
@click.argument("case_id", metavar="ID")
@click.option("--seen-version", "seen", type=int, default=None,
              help="The version you looked at: refused when the case changed since.")
@_common
def cases_close(case_id, seen, db_url, advisor, lang):
    """Close the case."""
    store, _ = _stores(db_url)
    case = store.close(case_id, seen)
    click.echo(t("cs_status_set", lang, id=case.id, status=status_label(case.status, lang)))


YES = {"j", "ja", "y", "yes"}


@cases.command("delete")
@click.argument("case_id", metavar="ID")
@click.option("--yes", is_flag=True, help="Do not ask.")
@_common
def cases_delete(case_id, yes, db_url, advisor, lang):
    """Delete the case with its consultations and bookings (asks first, unless --yes); its
    interview sessions stay."""
    store, log = _stores(db_url)
    case = store.get(case_id)
    if not yes:
        n = len(log.history(case.id))
        answer = click.prompt(t("cs_delete_ask", lang, id=case.id, label=case.label, n=n), default="",
                              show_default=False, prompt_suffix=" [" + t("cs_yes_no", lang) + "] ")
        if answer.strip().lower() not in YES:
            click.echo(t("cs_delete_kept", lang, id=case.id))
            raise SystemExit(1)
    store.delete(case.id, case.version)
    click.echo(t("cs_deleted", lang, id=case.id, label=case.label))


@cases.command("history")
@click.argument("case_id", metavar="ID")
@FORMAT
@NOTES
@_common
def cases_history(case_id, fmt, with_notes, db_url, advisor, lang):
    """The consultations of the case, in the order they were recorded."""
    store, log = _stores(db_url)
    case = store.get(case_id)
    items = [h.summary(with_notes) for h in log.history(case.id)]
    if fmt == "json":
        _json({"case_id": case.id, "consultations": items})
        return
    lines = [t("cs_history_title", lang, id=case.id, label=case.label, n=len(items))]
    lines += [_summary_line(s, lang) for s in items]
    click.echo("\n".join(lines) + "\n")


@cases.command("diff")
@click.argument("case_id", metavar="ID")
@click.argument("a", type=click.IntRange(1), required=False)
@click.argument("b", type=click.IntRange(1), required=False)
@FORMAT
@_common
def cases_diff(case_id, a, b, fmt, db_url, advisor, lang):
    """What changed between consultations A and B of the case (numbers of its history; default:
    the last two): the answers, the knowledge version and the advice."""
    store, log = _stores(db_url)
    d = log.diff(case_id, a, b)
    if fmt == "json":
        _json(d)
        return
    from advisor.store.consultations import diff_text

    click.echo(diff_text(d, lang), nl=False)


@cases.command("advise")
@click.argument("case_id", metavar="ID")
@click.argument("case_file", metavar="CASE.yaml", type=click.Path())
@advice_options
@ADVISOR
@DB_URL
def cases_advise(case_id, case_file, as_of, lang, fmt, explain, detail, why_not, compare, what_if, advisor,
                 db_url):
    """Advise on a case file, as `advisor advise` does, and record the consultation with the case;
    the experts' hours booked in the store for the advice's month count in the matching."""
    from advisor.plan.consult import consult
    from advisor.regression.scenarios import load_case_or_scenario
    from advisor.store.bookings import advice_date, committed_for
    from advisor.store.db import advisor_name

    store, log = _stores(db_url)
    row = store.get(case_id)  # an unknown case stops here, before the engine runs
    case = load_case_or_scenario(case_file)
    booked = committed_for(store.engine, advice_date(case, as_of))  # the proposals and --explain count them
    advice = consult(case, as_of=as_of, lang=lang, booked=booked)
    record = log.record(row.id, case, advice, asked_by=advisor_name(advisor), channel="cli")
    echo_advice(case, advice, lang, fmt, explain, detail, why_not, compare, what_if, booked=booked)
    click.echo(t("cs_recorded", lang, id=row.id, n=record.n), err=True)


# --- the interview's hook: `advisor interview --case ID` ---------------------------------------


def case_options(f):
    """``--case ID`` for `advisor interview`: its advice is recorded with that case of the store
    (channel interview) and its session put in the case."""
    return click.option("--case", "case_id", metavar="ID", default=None,
                        help="Record the advice with this case of the store (and put the session in it).")(f)


def _on(session_store):
    """The cases of the store the interview's sessions are kept in (one store, one engine)."""
    from advisor.store.cases import CaseStore
    from advisor.store.consultations import ConsultationLog

    store = CaseStore(session_store.url, engine=session_store.engine)
    return store, ConsultationLog(store)


def check_case(case_id: str, session_store) -> None:
    """Before the first question: an unknown case is refused now, not after the last answer."""
    _on(session_store)[0].get(case_id)


def record_interview(case_id: str, session_store, asked_by: str, session_id: str, case, advice, lang: str) -> None:
    """Record the interview's advice with the case (channel interview) and put its session in it."""
    store, log = _on(session_store)
    record = log.record(case_id, case, advice, asked_by=asked_by, channel="interview", session_id=session_id)
    click.echo(t("cs_recorded", lang, id=record.case_id, n=record.n))
