"""The explanation options of `advisor advise`: --why-not X, --compare A B, --what-if
(advisor.plan.explain does the work; this module only renders it)."""
from __future__ import annotations

import json

import click


def explain_sections(case, advice, why_not: str | None, compare: tuple[str, str] | None, what_if: bool) -> dict:
    """The contrast and what-if results asked for, by JSON key ("contrast", "what_if")."""
    if not (compare or why_not or what_if):
        return {}
    from advisor.plan.explain import check_instrument, contrast, what_if as search, why_not as contrast_top

    out = {}
    if compare:
        a, b = (check_instrument(x, "--compare") for x in compare)
        out["contrast"] = contrast(advice, a, b)
    elif why_not:
        out["contrast"] = contrast_top(advice, check_instrument(why_not, "--why-not"))
    if what_if:
        out["what_if"] = search(case, as_of=advice.as_of, lang=advice.lang)
    return out


def echo_json(advice_json: str, sections: dict) -> None:
    """The advice's JSON with the sections added under their keys (unchanged without any)."""
    if not sections:
        click.echo(advice_json)
        return
    data = json.loads(advice_json)
    for key, value in sections.items():
        data[key] = value.as_json()
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def echo_text(sections: dict, lang: str, label, md: bool = False) -> None:
    if not sections:  # nothing asked: the explanation code is not even imported
        return
    from advisor.interview.questions import questionnaire
    from advisor.plan.explain import contrast_text, what_if_text

    if "contrast" in sections:
        click.echo("\n" + contrast_text(sections["contrast"], lang, label, md=md), nl=False)
    if "what_if" in sections:
        click.echo("\n" + what_if_text(sections["what_if"], lang, label, value_label=questionnaire().value_labeller(lang), md=md), nl=False)

