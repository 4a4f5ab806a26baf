"""`advisor steps`: the next-step plan of one instrument on a date, for a starter's role."""
from __future__ import annotations

import json
from datetime import date

import click

from advisor.errors import InputError
from advisor.i18n import msg, t
from advisor.render import wrap


@click.command()
@click.argument("instrument")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD",
              help="The date of the plan (default: today); 2005 and 2026 both work.")
@click.option("--role", type=click.Choice(["employer", "user", "host", "commissioner"]), default=None,
              help="The part the starter plays; without it, role-bound steps are listed with their condition.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of everything the user reads.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def steps(instrument, as_of, role, lang, fmt):
    """Print the ordered next steps of INSTRUMENT (an instrument id, see `advisor instruments`):
    who does each step, whom to contact in that era and what it needs.

    An instrument that is closed (or not yet open) on the date has no steps: the command says
    so, names its successor (or predecessor) and exits with code 0.
    """
    from advisor.cli.options import ISO_DATE
    from advisor.knowledge import catalogue
    from advisor.plan.steps import Answers, step_sources, steps_for

    day = ISO_DATE.convert(as_of, None, None) if as_of else date.today()
    cat = catalogue()
    if instrument not in cat.instruments:
        raise InputError("steps", [msg("unknown_instrument", value=repr(instrument), allowed=", ".join(cat.instruments))])
    inst = cat.instruments[instrument]
    plan = steps_for(instrument, day, lang, Answers(role=role))
    sources = step_sources(instrument, day)
    note = "" if plan else _closed_note(inst, day, lang, cat)

    if fmt == "json":
        click.echo(json.dumps({
            "instrument": instrument, "as_of": day.isoformat(), "role": role, "lang": lang,
            "open": inst.open_on(day), "successor": inst.successor, "note": note or None,
            "next_steps": [{**s.model_dump(mode="json"), "sources": sources.get(s.id, [])} for s in plan],
        }, indent=2, ensure_ascii=False))
        return
    out = [t("steps_for", lang, name=inst.name(lang), date=day.isoformat())]
    out.append("=" * len(out[0]))
    if note:
        out.append(note)
    else:
        out.append(t("steps_role", lang, role=t(f"step_role_{role}", lang)) if role
                   else t("steps_role_unknown", lang))
    for n, step in enumerate(plan, 1):
        flag = f" [{t('uncertain_step', lang)}]" if step.uncertain else ""
        out.append("")
        out.append(wrap(f"{n}. {step.text}{flag}", "   ", ""))
        out.append(wrap(f"{t('step_who', lang)}: {step.who}", "     ", "   "))
        out.append(wrap(f"{t('step_contact', lang)}: {step.contact}", "     ", "   "))
        if step.needs:
            out.append(wrap(f"{t('step_needs', lang)}: {'; '.join(step.needs)}", "     ", "   "))
        if sources.get(step.id):
            out.append(f"   {t('sources', lang)}: {', '.join(sources[step.id])}")
    click.echo("\n".join(out))


def _closed_note(inst, day: date, lang: str, cat) -> str:
    """Why there are no steps on ``day``, and where to look instead."""
    name = inst.name(lang)
    if inst.open_until and day >= inst.open_until:
        lines = [t("steps_closed", lang, name=name, date=day.isoformat(), until=inst.open_until.isoformat())]
        succ = cat.instruments.get(inst.successor) if inst.successor else None
        lines.append(t("steps_successor", lang, name=succ.name(lang), id=succ.id, date=day.isoformat())
                     if succ else t("steps_no_successor", lang))
        return "\n".join(lines)
    lines = [t("steps_not_yet", lang, name=name, date=day.isoformat(), since=inst.open_from.isoformat())]
    for other in cat.instruments.values():
        if other.successor == inst.id and other.open_on(day):
            lines.append(t("steps_predecessor", lang, name=other.name(lang), id=other.id, date=day.isoformat()))
    return "\n".join(lines)
