"""`advisor interview` (advisor mode), `selfcheck` (starter mode), `questions` (the paper
questionnaire) and `sessions list|show|export`: the terminal side of advisor.interview.interview.

Every answer goes to the session store the moment it is given (advisor.store.sessions), so a
session can be resumed after a crash or a `quit`. With ``--answers FILE`` the interview
runs without prompts: each question chosen is answered from the file (a missing one is
"I don't know"), which is how the tests drive it.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import click

from advisor.cli.cases import case_options, check_case, record_interview
from advisor.cli.options import ADVISOR, DB_URL, ISO_DATE, LANG, instrument_id
from advisor.errors import InputError, dump_yaml, load_yaml, printable, refuse_existing, validate, write_atomic
from advisor.i18n import Msg, t
from advisor.knowledge import catalogue
from advisor.interview.interview import UNKNOWN, Ask, Interview, case_data
from advisor.models import Advice, Override
from advisor.interview.questions import AnswerError, parse_date, questionnaire

# (advisor.cli.main imports this module; importing from it here would be circular under `python -m`)
_DB_PATH = click.option("--db", "db_path", type=click.Path(), default=None,
                        help="The store as an SQLite file (default: $ADVISOR_SESSIONS_DB, else the user's data "
                             "directory); --db-url names any store.")


def DB(f):  # noqa: N802 (used like the other option constants)
    """--db PATH and --db-url URL: the store the sessions are kept in."""
    return _DB_PATH(DB_URL(f))

DONT_KNOW = {"skip", "dunno", "weet niet", "weetniet", "wn", "unknown", "onbekend", "?!"}
WHY = {"?", "why", "waarom"}
BACK = {"back", "terug"}
QUIT = {"quit", "stop", "exit"}
HELP = {"help", "h", "hulp"}
ADVICE = {"advice", "advies"}
OVERRIDE = {"override", "overschrijf"}
CHANGE = ("change ", "wijzig ")


def _store(db_path, db_url=None):
    from advisor.store.sessions import SessionStore

    return SessionStore(db_path, url=db_url)


def _dump_yaml(data: Any) -> str:
    return dump_yaml(data)  # no anchors: a case and its answers share lists


# --- shared pieces ----------------------------------------------------------------------


class Run:
    """One interview run: the session, its interview state and how to talk to the user."""

    def __init__(self, store, sid: str, interview: Interview, mode: str, lang: str, author: str | None = None):
        self.store, self.sid, self.iv, self.mode, self.lang = store, sid, interview, mode, lang
        self.author = author  # who gives the answers (--advisor), recorded with each
        self.case_id: str | None = None  # `--case ID`: the case the advice is recorded with
        self.plain = mode == "selfcheck"
        self.count = sum(1 for v in interview.answers.values())

    def answer(self, path: str, value: Any) -> None:
        self.store.record(self.sid, path, value, author=self.author)   # saved before anything else happens
        self.iv.answer(path, value)

    def override(self, data: dict) -> None:
        override = Override.model_validate(_instrument_by_id(data, "overrides"))
        self.store.add_override(self.sid, override.model_dump(mode="json", exclude_none=True), author=self.author)
        self.iv.overrides = [o for o in self.iv.overrides if o.instrument != override.instrument] + [override]
        self.iv._cache.clear()

    def wording(self, ask: Ask) -> str:
        return ask.question.wording(self.lang, self.plain, ask.group)

    def heading(self, ask: Ask, n: int) -> str:
        text = f"{n}. {self.wording(ask)}"
        return text if self.plain else f"{text}  [{ask.path}]"

    def label(self, ask: Ask, value: Any) -> str:
        if value is UNKNOWN:
            return t("iv_dont_know", self.lang)
        return ask.question.label(value, self.lang)

    def why_text(self, ask: Ask) -> str:
        why = self.iv.why(ask)
        cat = catalogue()
        lines = [ask.question.help(self.lang)]
        names = [cat.instruments[i].name(self.lang) for i in why.instruments if i in cat.instruments]
        if names:
            lines.append(t("iv_why_decides", self.lang, names=", ".join(names)))
        if not self.plain and why.rules:
            from advisor.engine.engine import rule_metas

            metas = {m.id: m for m in rule_metas()}
            lines.append(t("iv_why_rules", self.lang))
            for rid in why.rules:
                meta = metas.get(rid)
                if meta:
                    text = meta.text(self.lang, {"group": ask.group} if ask.group else {}, fill="…")
                    lines.append(f"  - {rid}: {text} ({t('sources', self.lang)}: "
                                 f"{', '.join(meta.sources)})")
        return "\n".join(lines)


def _start(store, mode: str, lang: str | None, as_of: date | None, resume: str | None):
    from advisor.store.sessions import Session

    if resume:
        session: Session = store.load(canonical_id(resume))
        store.claim(session.id)  # one writer per session: a second live --resume is refused
        iv = Interview(session.as_of, answers=session.answers,
                       overrides=[Override.model_validate(o) for o in session.overrides])
        if lang and lang != session.lang:  # --lang on --resume: this run and the next ones
            store.set_lang(session.id, lang)
        return session.id, iv, session.mode, lang or session.lang
    day = as_of or date.today()
    lang = lang or "nl"
    sid = store.create(mode, lang, day)
    store.claim(sid)
    return sid, Interview(day), mode, lang


def canonical_id(text: str) -> str:
    """Session ids are lower case (date-hex); one typed in capitals is the same session."""
    return text.strip().lower()


def _write_case(run: Run, out: str | None) -> None:
    if not out:
        return
    data = case_data(run.iv.answers, run.iv.as_of, run.iv.overrides)
    data = {k: v for k, v in data.items() if v not in ({}, [])}
    write_atomic(out, _dump_yaml(data), force=True)  # checked at the start (_run)
    click.echo(t("iv_case_written", run.lang, path=out))


def _finish(run: Run, out: str | None) -> None:
    from advisor.store.bookings import advice_date, committed_for

    # the experts as booked in the store the session is kept in
    booked = committed_for(run.store.engine, advice_date(run.iv.case()))
    advice = run.iv.advice(lang=run.lang, plan=True, booked=booked)
    click.echo("")
    if run.plain:
        click.echo(selfcheck_result(advice, run.lang), nl=False)
    else:
        from advisor.render import advice_text

        click.echo(advice_text(advice, field_label=questionnaire().labeller(run.lang)), nl=False)
    run.store.finish(run.sid)
    if run.mode == "interview" and run.case_id:  # `--case ID`: record it (advisor.cli.cases)
        record_interview(run.case_id, run.store, run.author, run.sid, run.iv.case(), advice, run.lang)
    _write_case(run, out)
    click.echo(t("iv_session", run.lang, id=run.sid))


# --- replay from a file -------------------------------------------------------------------


def read_answers(path: str, lang: str) -> tuple[dict[str, Any], date | None, list[dict]]:
    """The answers file: {field path: value or `unknown`}, plus optional `as_of` and `overrides`."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise InputError(path, [Msg("err_answers_mapping")])
    qs = questionnaire()
    answers: dict[str, Any] = {}
    problems: list = []
    as_of = None
    overrides = data.pop("overrides", None) or []
    if "as_of" in data:  # read like a typed answer: 2026-03-01, 1/3/2026 or 1 maart 2026
        try:
            as_of = parse_date(data.pop("as_of"), lang)
        except AnswerError as exc:
            problems.append(f"as_of: {exc}")
    for key, raw in data.items():
        found = qs.for_path(str(key))
        if found is None:
            allowed = ", ".join(q.field for q in qs)
            problems.append(Msg("err_answers_path", path=key, allowed=allowed))
            continue
        if isinstance(raw, str) and raw.strip().casefold() == "unknown":
            answers[str(key)] = UNKNOWN
            continue
        try:
            answers[str(key)] = found[0].parse(raw, "en")
        except AnswerError as exc:
            problems.append(f"{key}: {exc}")
    if not isinstance(overrides, list):
        problems.append(Msg("err_answers_overrides"))
        overrides = []
    if problems:
        raise InputError(path, problems)
    return answers, as_of, overrides


def _instrument_by_id(data, where: str):
    """An override naming its instrument as people do ("LDE", "Wijk-werken", "service
    vouchers"), with the catalogue id instead, as everywhere else."""
    if isinstance(data, dict) and isinstance(data.get("instrument"), str):
        return {**data, "instrument": instrument_id(data["instrument"], where)}
    return data


def _replay(run: Run, answers: dict[str, Any], overrides: list[dict], source: str) -> None:
    for n, data in enumerate(overrides):
        data = _instrument_by_id(data, f"{source}: overrides.{n}.instrument")
        validate(Override, data, source, prefix=f"overrides.{n}")  # one message per problem, with its field
        run.override(data)
    n = run.count
    asked = set()
    while True:
        ask = run.iv.next()
        if ask is None:
            break
        n += 1
        value = answers.get(ask.path, UNKNOWN)
        run.answer(ask.path, value)
        asked.add(ask.path)
        click.echo(run.heading(ask, n))
        note = "" if ask.path in answers else f"  ({t('iv_not_in_file', run.lang)})"
        click.echo(f"   -> {run.label(ask, value)}{note}")
    unused = [p for p in answers if p not in asked and p not in run.iv.answers]
    if unused:
        click.echo(t("iv_not_asked", run.lang, fields=", ".join(unused)))


# --- interactive ---------------------------------------------------------------------------


def _show_question(run: Run, ask: Ask, n: int) -> None:
    click.echo("")
    click.echo(run.heading(ask, n))
    q = ask.question
    if q.type in ("choice", "multi"):
        for i, c in enumerate(q.choices, 1):
            click.echo(f"   {i:>2}. {c.label(run.lang)}" + ("" if run.plain else f"  ({c.value})"))
    elif q.type == "bool":
        click.echo(f"   ({t('iv_yes_no', run.lang)})")
    click.echo(f"   {t('iv_commands_plain' if run.plain else 'iv_commands', run.lang)}")


def _prompt(lang: str) -> str | None:
    """One line from the user; None at end of input (treated like `quit`: all is saved)."""
    try:
        return click.prompt(">", default="", show_default=False, prompt_suffix=" ")
    except (click.Abort, EOFError):
        return None


def _ask_value(run: Run, ask: Ask) -> Any:
    """Ask until the answer is valid (or the user gives up with don't know); None on quit."""
    while True:
        raw = _prompt(run.lang)
        if raw is None or raw.strip().casefold() in QUIT:
            return None
        text = raw.strip()
        if text.casefold() in DONT_KNOW:
            return UNKNOWN
        if not text:
            click.echo(t("iv_empty", run.lang))
            continue
        try:
            return ask.question.parse(text, run.lang)
        except AnswerError as exc:
            click.echo(t("iv_wrong", run.lang, problem=str(exc)))


def _override_dialog(run: Run) -> None:

    ids = list(catalogue().instruments)
    click.echo(t("iv_override_intro", run.lang))
    for i, iid in enumerate(ids, 1):
        click.echo(f"   {i:>2}. {iid}")
    while True:
        raw = _prompt(run.lang)
        if raw is None or not raw.strip():
            return
        raw = raw.strip()
        if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= len(ids):
            instrument = ids[int(raw) - 1]
            break
        try:  # an id or a name in any case: "Wijk-werken", "LDE"
            instrument = instrument_id(raw, "override")
            break
        except InputError:
            pass
        click.echo(t("iv_wrong", run.lang, problem=t("iv_override_unknown", run.lang)))
    click.echo(t("iv_override_decision", run.lang))
    while True:
        raw = _prompt(run.lang)
        if raw is None or not raw.strip():
            return
        word = raw.strip().casefold()
        decision = {"recommend": "recommend", "aanbevelen": "recommend", "r": "recommend", "a": "recommend",
                    "reject": "reject", "afwijzen": "reject", "x": "reject"}.get(word)
        if decision:
            break
        click.echo(t("iv_wrong", run.lang, problem=t("iv_override_decision", run.lang)))
    inst = catalogue().instruments[instrument]
    day = run.iv.as_of or date.today()
    if decision == "recommend" and not inst.open_on(day):  # the advice would refuse it
        successor = catalogue().instruments[inst.successor].name(run.lang) if inst.successor else t("no_successor", run.lang)
        click.echo(t("iv_override_closed", run.lang, name=inst.name(run.lang), date=day.isoformat(),
                     until=inst.open_until.isoformat() if inst.open_until else "-", successor=successor))
        return
    click.echo(t("iv_override_justification", run.lang))
    while True:
        raw = _prompt(run.lang)
        if raw is None:
            return
        if len(raw.strip()) >= 10:
            justification = raw.strip()
            break
        click.echo(t("iv_wrong", run.lang, problem=t("iv_override_short", run.lang)))
    click.echo(t("iv_override_by", run.lang))
    by = (_prompt(run.lang) or "").strip() or None
    run.override({"instrument": instrument, "decision": decision, "justification": justification,
                  "by": by, "on": date.today().isoformat()})
    click.echo(t("iv_override_saved", run.lang, instrument=instrument))


def _field_path(run: Run, text: str) -> str:
    """A field path as typed, in any case ("Organisation.Legal_Form", "worker_groups.IRONERS.fte"):
    field names are lower case, a worker group's id as it was given."""
    parts = text.strip().split(".")
    if len(parts) == 3 and parts[0].casefold() == "worker_groups":
        groups = {g.casefold(): g for g in run.iv.group_ids()}
        return ".".join(["worker_groups", groups.get(parts[1].casefold(), parts[1]), parts[2].lower()])
    return text.strip().lower()


def _change(run: Run, path: str) -> None:
    ask = run.iv.ask_for(_field_path(run, path))
    if ask is None:
        paths = [q.field for q in run.iv.questions]
        click.echo(t("iv_wrong", run.lang, problem=t("iv_change_unknown", run.lang, paths=", ".join(paths))))
        return
    _show_question(run, ask, run.count + 1)
    value = _ask_value(run, ask)
    if value is not None:
        run.answer(ask.path, value)


def _interactive(run: Run) -> bool:
    """The prompt loop; False when the user quit (the session stays open and resumable)."""
    click.echo(t("iv_welcome_plain" if run.plain else "iv_welcome", run.lang,
                 id=run.sid, date=run.iv.as_of.isoformat()))
    while True:
        ask = run.iv.next()
        if ask is None:
            if run.plain or not _final_menu(run):
                return True
            continue
        _show_question(run, ask, run.count + 1)
        while True:
            raw = _prompt(run.lang)
            if raw is None:
                return False
            text = raw.strip()
            word = text.casefold()
            if word in QUIT:
                return False
            if word in WHY:
                click.echo(run.why_text(ask))
                continue
            if word in HELP:
                click.echo(ask.question.help(run.lang))
                click.echo(t("iv_commands_plain" if run.plain else "iv_commands_long", run.lang))
                continue
            if word in BACK:
                last = run.iv.last_answered()
                if last is None:
                    click.echo(t("iv_nothing_back", run.lang))
                    continue
                run.store.retract(run.sid, last, author=run.author)
                run.iv.retract(last)
                run.count -= 1
                break
            if word in ADVICE and not run.plain:
                from advisor.render import advice_text

                click.echo(advice_text(run.iv.advice(lang=run.lang, plan=False),
                                       field_label=questionnaire().labeller(run.lang)), nl=False)
                continue
            if word in OVERRIDE and not run.plain:
                _override_dialog(run)
                break
            if word.startswith(CHANGE) and not run.plain:
                _change(run, text.split(None, 1)[1])
                break
            if word in DONT_KNOW:
                run.answer(ask.path, UNKNOWN)
                run.count += 1
                break
            if not text:
                click.echo(t("iv_empty", run.lang))
                continue
            try:
                value = ask.question.parse(text, run.lang)
            except AnswerError as exc:
                click.echo(t("iv_wrong", run.lang, problem=str(exc)))
                continue
            run.answer(ask.path, value)
            run.count += 1
            break


def _final_menu(run: Run) -> bool:
    """Advisor mode, nothing left to ask: show the advice so far and let the advisor override,
    change an answer or go back. True when the interview should continue."""
    from advisor.render import summary_lines

    click.echo("")
    click.echo(t("iv_done", run.lang))
    # only the summary here: the full advice is printed once, when the interview ends
    for line in summary_lines(run.iv.advice(lang=run.lang, plan=False), catalogue(),
                              questionnaire().labeller(run.lang)):
        click.echo(f"  - {line}")
    click.echo(t("iv_final_menu", run.lang))
    raw = _prompt(run.lang)
    if raw is None:
        return False
    text = raw.strip()
    word = text.casefold()
    if word in OVERRIDE:
        _override_dialog(run)
        return True
    if word.startswith(CHANGE):
        _change(run, text.split(None, 1)[1])
        return True
    if word in BACK:
        last = run.iv.last_answered()
        if last:
            run.store.retract(run.sid, last, author=run.author)
            run.iv.retract(last)
            run.count -= 1
        return True
    return False


# --- the verbs -------------------------------------------------------------------------------


def _run(mode: str, db_path, db_url, advisor, lang, as_of, resume, answers_file, out, force, case_id=None) -> None:
    from advisor.store.db import advisor_name

    if out:
        refuse_existing(out, force)  # before the first question, not after the last
    store = _store(db_path, db_url)
    if case_id:  # an unknown --case is refused before the first question
        check_case(case_id, store)
    file_answers, file_as_of, file_overrides = ({}, None, [])
    if answers_file:
        file_answers, file_as_of, file_overrides = read_answers(answers_file, lang or "nl")
    sid, iv, mode, lang = _start(store, mode, lang, as_of or file_as_of, resume)
    try:
        run = Run(store, sid, iv, mode, lang, author=advisor_name(advisor))
        run.case_id = case_id
        if mode == "interview" and out is None:
            out = f"case-{sid}.yaml"
        if answers_file:
            click.echo(t("iv_welcome_plain" if run.plain else "iv_welcome", lang, id=sid, date=iv.as_of.isoformat()))
            _replay(run, file_answers, file_overrides, answers_file)
            _finish(run, out)
            return
        if _interactive(run):
            _finish(run, out)
        else:
            click.echo(t("iv_saved", lang, id=sid, cmd="selfcheck" if run.plain else "interview"))
    finally:
        store.release(sid)


def _options(f):
    for option in reversed([
        DB,
        ADVISOR,
        click.option("--lang", type=click.Choice(["nl", "en"], case_sensitive=False), default=None,
                     help="Language (default: nl; a resumed session keeps its own unless --lang is given)."),
        click.option("--as-of", type=ISO_DATE, default=None, help="Advise for this date (default: today)."),
        click.option("--resume", metavar="ID", default=None, help="Continue a saved session."),
        click.option("--answers", "answers_file", type=click.Path(), default=None,
                     help="Replay answers from a YAML file {field path: value | unknown} without prompts."),
        click.option("--out", type=click.Path(), default=None,
                     help="Write the case file here."),
        click.option("--force", is_flag=True, help="Overwrite the --out file when it exists."),
    ]):
        f = option(f)
    return f


@click.command()
@case_options
@_options
def interview(db_path, db_url, advisor, lang, as_of, resume, answers_file, out, force, case_id):
    """Guided intake interview (advisor mode): asks only what can still change the advice,
    shows rule ids and sources, allows back / change / skip / override; ends with the full
    advice and writes the case file (default case-ID.yaml); with --case, records the advice
    with that case of the store."""
    _run("interview", db_path, db_url, advisor, lang, as_of, resume, answers_file, out, force, case_id)


@click.command()
@_options
def selfcheck(db_path, db_url, advisor, lang, as_of, resume, answers_file, out, force):
    """Self-check for starters, in plain language (Dutch by default, --lang en): which
    instrument may fit your idea, and what to do next."""
    _run("selfcheck", db_path, db_url, advisor, lang, as_of, resume, answers_file, out, force)


@click.command()
@LANG
@click.option("--plain", is_flag=True, help="The starters' wording.")
def questions(lang, plain):
    """Print the questionnaire as Markdown (for a paper intake)."""
    click.echo(questionnaire_markdown(lang, plain), nl=False)


def questionnaire_markdown(lang: str, plain: bool = False) -> str:
    out = [f"# {t('iv_questionnaire', lang)}", "", t("iv_questionnaire_intro", lang), ""]
    section = None
    for n, q in enumerate(questionnaire(), 1):
        part = "worker_group" if q.per_group else q.field.split(".")[0]
        if part != section:
            section = part
            out += [f"## {t('iv_section_' + part, lang)}", ""]
        text = q.wording(lang, plain, "…")
        out.append(f"**{n}. {text}**" + ("" if plain else f" (`{q.field}`)"))
        out.append("")
        out.append(f"_{q.help(lang)}_")
        out.append("")
        if q.type in ("choice", "multi"):
            box = "☐"
            for c in q.choices:
                out.append(f"- {box} {c.label(lang)}")
            out.append("")
        elif q.type == "bool":
            out += [f"- ☐ {'ja' if lang == 'nl' else 'yes'}", f"- ☐ {'nee' if lang == 'nl' else 'no'}", ""]
        else:
            out += ["______________________", ""]
        out += [f"- ☐ {t('iv_dont_know', lang)}", ""]
    return "\n".join(out)


@click.group()
def sessions():
    """Saved interview sessions: list, show, export."""


@sessions.command("list")
@DB
@LANG
def sessions_list(db_path, db_url, lang):
    """List the saved sessions."""
    store = _store(db_path, db_url)
    rows = store.list()
    if not rows:
        click.echo(t("ss_none", lang))
    for s in rows:
        click.echo(t("ss_row", lang, id=s.id, mode=t("ss_mode_" + s.mode, lang), lang=s.lang,
                     date=s.as_of.isoformat(), status=t("ss_status_" + s.status, lang), n=len(s.answers),
                     updated=s.updated))


@sessions.command("show")
@click.argument("session_id", metavar="ID")
@DB
@click.option("--lang", type=click.Choice(["nl", "en"], case_sensitive=False), default=None,
              help="Language of the labels (default: the session's own language).")
def sessions_show(session_id, db_path, db_url, lang):
    """Show one session: its answers in the order given, and its overrides."""
    s = _store(db_path, db_url).load(canonical_id(session_id))
    lang = lang or s.lang
    qs = questionnaire()
    cat = catalogue()
    click.echo(t("ss_head", lang, id=s.id, mode=t("ss_mode_" + s.mode, lang), lang=s.lang,
                 date=s.as_of.isoformat(), status=t("ss_status_" + s.status, lang), created=s.created))
    for path, value in s.answers.items():
        found = qs.for_path(path)
        shown = t("iv_dont_know", lang) if value is UNKNOWN else (found[0].label(value, lang) if found else value)
        click.echo(printable(f"  {qs.field_label(path, lang)} [{path}]: {shown}"))
    for o in s.overrides:
        inst = cat.instruments.get(o["instrument"])
        click.echo(t("ss_override", lang, name=inst.name(lang) if inst else o["instrument"], id=o["instrument"],
                     decision=t("ss_decision_" + o["decision"], lang), text=printable(o["justification"])))


@sessions.command("export")
@click.argument("session_id", metavar="ID")
@click.option("--as-scenario", is_flag=True, help="Export as a scenario file (case + expect from the advice).")
@click.option("--as-session", is_flag=True,
              help="Export the whole session record (session, answers in order, overrides, case) instead.")
@click.option("--out", type=click.Path(), default=None, help="Write here instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite the --out file when it exists.")
@DB
def sessions_export(session_id, as_scenario, as_session, out, force, db_path, db_url):
    """Export a session as a case file that `advisor advise` accepts (the default), as a
    scenario file (--as-scenario), or as its whole record (--as-session)."""
    if as_scenario and as_session:
        raise InputError("sessions export", [Msg("export_one_kind")])
    if out:
        refuse_existing(out, force)  # before the work, like every --out
    s = _store(db_path, db_url).load(canonical_id(session_id))
    overrides = [Override.model_validate(o) for o in s.overrides]
    iv = Interview(s.as_of, answers=s.answers, overrides=overrides)
    case = case_data(s.answers, s.as_of, overrides)
    case = {k: v for k, v in case.items() if v not in ({}, [])}
    header = ""
    if as_scenario:
        data = scenario_from(s, iv, case)
    elif as_session:
        data = {"session": {"id": s.id, "mode": s.mode, "lang": s.lang, "as_of": s.as_of.isoformat(),
                            "status": s.status, "created": s.created, "updated": s.updated},
                "answers": {p: ("unknown" if v is UNKNOWN else v) for p, v in s.answers.items()},
                "overrides": s.overrides,
                "case": case}
    else:
        data = case
        header = "# " + t("iv_export_header", s.lang, id=s.id, mode=t("ss_mode_" + s.mode, s.lang),
                          status=t("ss_status_" + s.status, s.lang)) + "\n"
    text = header + _dump_yaml(data)
    if out:
        write_atomic(out, text, force=force)
        click.echo(t("ss_written", s.lang, path=out), err=True)
    else:
        click.echo(text, nl=False)


def scenario_from(session, iv: Interview, case: dict) -> dict:
    """A scenario whose claims are the advice the interview ended with (a regression test)."""
    from advisor.regression.snapshots import expect_of

    expect = expect_of(iv.advice(lang="en"))
    state = "" if session.status == "finished" else " (unfinished)"
    return {"id": f"interview.{session.id}",
            "description": f"Intake interview {session.id}{state}, advice of {session.as_of.isoformat()}.",
            "tags": ["interview", session.mode],
            "case": case, "expect": expect}


# --- the starter's result ----------------------------------------------------------------------


def selfcheck_result(advice: Advice, lang: str) -> str:
    """The self-check's ending: short sentences, no rule ids, and what to do next."""
    from advisor.render import closed_item

    cat = catalogue()
    qs = questionnaire()
    out = [t("iv_result", lang), "=" * len(t("iv_result", lang)), ""]
    if advice.recommendations:
        out.append(t("iv_result_fits", lang))
        for r in advice.recommendations:
            fit = t("iv_fit_" + r.fit, lang)
            out.append(f"  - {r.name} ({fit}). {cat.instruments[r.instrument].summary(lang)}")
    else:
        out.append(t("iv_result_none", lang))
    if advice.rejected:
        out += ["", t("iv_result_not", lang)]
        for r in advice.rejected:
            out.append(f"  - {r.name}: {r.reasons[0].text}" if r.reasons else f"  - {r.name}")
    if advice.needs_info:
        out += ["", t("iv_result_unknown", lang)]
        for n in advice.needs_info:
            found = qs.for_path(n.field)
            out.append("  - " + (found[0].wording(lang, True, found[1]) if found else n.field))
    warnings = [w for w in advice.warnings
                if w.code not in ("no-fitting-instrument", "uncertain-fact", "instrument-closed")]
    closed = [w for w in advice.warnings if w.code == "instrument-closed"]
    if warnings or closed:
        out += ["", t("iv_result_mind", lang)]
        out += [f"  - {w.text}" for w in warnings]
        if closed:  # one line, as in the advice
            out.append("  - " + t("closed_on_date", lang, items="; ".join(closed_item(w) for w in closed)))
    out += ["", t("iv_result_next", lang)]
    if advice.next_steps:
        out += [f"  {i}. {s.text}" + (f" ({s.contact})" if s.contact else "")
                for i, s in enumerate(advice.next_steps, 1)]
    if advice.experts:
        out.append(t("iv_result_call", lang))
        for e in advice.experts:
            where = ", ".join(x for x in (e.organisation, e.municipality) if x)
            out.append(f"  - {e.name or e.id}" + (f" ({where})" if where else ""))
    if not advice.next_steps and not advice.experts:
        out.append("  " + t("iv_result_talk", lang))
    return "\n".join(out) + "\n"


__all__ = ["interview", "selfcheck", "questions", "sessions", "read_answers", "selfcheck_result",
           "questionnaire_markdown", "scenario_from"]
