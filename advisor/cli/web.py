"""`advisor web` (the self-check and the advisor's interview in the browser) and `advisor
report` (the printable report of a case or a session, as HTML or PDF).

Flask, waitress and WeasyPrint are imported inside these commands only: `advisor advise`
never loads them.
"""
from __future__ import annotations

from pathlib import Path

import click

from advisor.cli.interview import DB
from advisor.errors import InputError, refuse_existing, write_atomic
from advisor.i18n import Msg, t


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default; 0.0.0.0 listens on every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True)
@DB
@click.option("--base-path", default=None, metavar="/PREFIX",
              help="Serve under this path prefix (behind a web server at https://host/PREFIX/); a proxy's "
                   "X-Forwarded-Prefix, -Proto and -Host headers are honoured too.")
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Request threads (they take turns on the one rule engine).")
@click.option("--no-advisor", is_flag=True,
              help="Serve only the starter's self-check (the advisor's pages list every session).")
def web(host, port, db_path, base_path, threads, no_advisor):
    """Serve the starter's self-check (/) and the advisor's interview (/advisor) in the browser.
    The rule engine is built before the server listens; answers go to the same sessions
    database as `advisor interview`."""
    import waitress

    from advisor.web.app import create_app

    app = create_app(db_path, base_path=base_path, advisor_pages=not no_advisor)
    prefix = "/" + base_path.strip("/") if base_path and base_path.strip("/") else ""
    server = waitress.create_server(app, host=host, port=port, threads=threads, ident="advisor")
    where = f"http://{host if ':' not in host else '[' + host + ']'}:{server.effective_port}{prefix}/"
    click.echo(f"advisor web: {where} (self-check), {where}advisor (interview); Ctrl+C stops", err=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@click.command()
@click.argument("source", metavar="CASE_OR_SESSION")
@click.option("--audience", type=click.Choice(["starter", "advisor"]), default=None,
              help="starter: plain words; advisor: rule ids, sources, overrides (default: a self-check "
                   "session's is starter, anything else advisor).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language (default: the session's, else nl).")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), default=None,
              help="html (prints from any browser) or pdf (needs the [pdf] extra); default: from the "
                   "--out suffix, else html.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--force", is_flag=True, help="Overwrite the --out file when it exists.")
@DB
def report(source, audience, lang, fmt, out, force, db_path):
    """The printable report of a case file (or scenario) or of a saved session: the case, the
    summary, recommendations and rejections with their reasons, the missing answers, the plan
    with contacts, the experts, and what the advice does not cover."""
    from advisor.plan.consult import consult
    from advisor.report.report import PdfUnavailable, render_html, render_pdf

    refuse_existing(out, force)
    fmt = fmt or ("pdf" if out.lower().endswith(".pdf") else "html")
    session_id = None
    if Path(source).exists() or source == "-":
        from advisor.regression.scenarios import load_case_or_scenario

        case = load_case_or_scenario(source)
        lang = lang or "nl"
        audience = audience or "advisor"
    else:
        case, session = _session_case(source, db_path)
        session_id = session.id
        lang = lang or session.lang
        audience = audience or ("starter" if session.mode == "selfcheck" else "advisor")
    advice = consult(case, lang=lang)
    html = render_html(case, advice, audience=audience, session_id=session_id)
    if fmt == "pdf":
        try:
            data: str | bytes = render_pdf(html, advice.as_of)
        except PdfUnavailable as exc:
            raise InputError(out, [Msg("rep_no_pdf", problem=str(exc))]) from None
    else:
        data = html
    write_atomic(out, data, force=force)
    click.echo(t("rep_written", lang, path=out), err=True)


def _session_case(sid: str, db_path):
    from advisor.errors import validate
    from advisor.interview.interview import case_data
    from advisor.interview.sessions import SessionStore
    from advisor.models import Case, Override

    try:
        session = SessionStore(db_path).load(sid)
    except InputError as exc:
        raise InputError(sid, [Msg("rep_not_case_or_session", problems=exc.problems)]) from None
    overrides = [Override.model_validate(o) for o in session.overrides]
    return validate(Case, case_data(session.answers, session.as_of, overrides), f"session {sid}"), session


__all__ = ["web", "report"]
