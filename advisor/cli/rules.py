"""``advisor rules``: the rule base as a maintainer reads it (list, one rule in full)."""
from __future__ import annotations

import click

from advisor.cli.options import ISO_DATE, LANG
from advisor.engine.registry import RuleMeta
from advisor.errors import InputError
from advisor.i18n import msg, t
from advisor.knowledge import Catalogue
from advisor.render import wrap


@click.group(invoke_without_command=True)
@click.option("--family", help="Only this rule family (the id prefix, e.g. DC, MWB, A60).")
@click.option("--in-force-on", type=ISO_DATE, help="Only rules in force on this date.")
@LANG
@click.pass_context
def rules(ctx, family, in_force_on, lang):
    """List the rules (or `rules show ID` for one rule)."""
    if ctx.invoked_subcommand:
        return
    from advisor.engine.engine import rule_metas

    metas = rule_metas()
    if family:
        families = sorted({m.family for m in metas})
        if family.upper() not in families:
            raise InputError("--family", [msg("unknown_family", value=repr(family), allowed=", ".join(families))])
        metas = [m for m in metas if m.family == family.upper()]
    if in_force_on:
        metas = [m for m in metas if m.in_force(in_force_on)]
    click.echo(rules_text(metas, lang), nl=False)


@rules.command("show")
@click.argument("rule_id")
@LANG
def rules_show(rule_id, lang):
    """Show one rule: texts, window, sources, condition and law."""
    from advisor.engine.engine import rule_metas
    from advisor.knowledge import catalogue

    by_id = {m.id: m for m in rule_metas()}
    meta = by_id.get(rule_id.upper())
    if meta is None:
        raise InputError("rules show", [msg("unknown_rule", value=repr(rule_id))])
    click.echo(rule_detail(meta, catalogue(), lang), nl=False)


def rules_text(metas: list[RuleMeta], lang: str) -> str:
    lines = [f"{m.id:<9} {m.window:<26} {m.text(lang)}" for m in metas]
    lines.append(t("rule_count", lang, n=len(metas)))
    return "\n".join(lines) + "\n"


def rule_detail(meta: RuleMeta, cat: Catalogue, lang: str) -> str:
    out = [f"{meta.id}  ({meta.name})", f"{t('in_force', lang)}: {meta.window}",
           f"nl: {meta.nl}", f"en: {meta.en}"]
    if meta.uncertain:
        out.append(f"[{t('uncertain_note', lang)}]")
    out.append(f"{t('sources', lang)}:")
    for sid in meta.sources:
        s = cat.sources[sid]
        when = f", {s.date.isoformat()}" if s.date else ""
        out.append(wrap(f"{sid}: {s.title} ({s.address}{when})", "      ", "  - "))
    out.append("")
    out.extend(_doc_lines(meta, lang))
    return "\n".join(out) + "\n"


#: the labelled lines of a rule's docstring (written in English, like all code) and their names
#: in the user's language; the docstring's first paragraph repeats the English reason shown
#: above, so only the labelled part is shown
_DOC_LABELS = {"Condition:": "doc_condition", "Law:": "doc_law"}


def _doc_lines(meta: RuleMeta, lang: str) -> list[str]:
    out = []
    for line in "\n".join(meta.doc.split("\n\n")[1:]).splitlines() or meta.doc.splitlines():
        label = next((k for k in _DOC_LABELS if line.startswith(k)), None)
        out.append(f"{t(_DOC_LABELS[label], lang)}{line[len(label):]}" if label else line)
    return out
