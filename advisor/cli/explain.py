"""The explanation options of `advisor advise`: --why-not X, --compare A B, --what-if
(advisor.plan.explain does the work; this module only renders it)."""
from __future__ import annotations

import json

import click

from advisor.cli.options import ISO_DATE, LANG


def advice_options(f):
    """The options of `advisor advise` (also those of `advisor cases advise`, which records it)."""
    for option in reversed([
        click.option("--as-of", type=ISO_DATE, help="Advise for this date instead of the case's as_of."),
        LANG,
        click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
                     show_default=True),
        click.option("--explain", is_flag=True,
                     help="Also show which experts of the pool were not proposed, and why."),
        click.option("--detail", is_flag=True, help="Text and Markdown: every reason with what it is based on, "
                     "every step with who does it and what it needs (JSON always has everything)."),
        click.option("--why-not", "why_not", metavar="INSTRUMENT",
                     help="Also show why INSTRUMENT is not (or is) recommended, beside the top recommendation."),
        click.option("--compare", nargs=2, metavar="A B", help="Also show the rules that separate instruments A and B."),
        click.option("--what-if", "what_if", is_flag=True,
                     help="Also show the smallest changes (at most two answers) that would make a rejected or "
                          "possible instrument fit."),
    ]):
        f = option(f)
    return f


def echo_advice(case, advice, lang: str, fmt: str, explain: bool = False, detail: bool = False,
                why_not: str | None = None, compare: tuple[str, str] | None = None, what_if: bool = False,
                booked=None) -> None:
    """Print the advice as `advisor advise` does, with the sections its options ask for
    (``booked``: the hours booked per expert that the advice's matching counted)."""
    from advisor.render import advice_json, advice_text, passed_over_text

    passed_over = None
    if explain:
        from advisor.plan.matching import propose_experts

        passed_over = propose_experts(case, advice, booked=booked).passed_over
    sections = explain_sections(case, advice, why_not, compare, what_if)
    if fmt == "json":
        echo_json(advice_json(advice, passed_over), sections)
        return
    from advisor.interview.questions import questionnaire

    labels = questionnaire().labeller(advice.lang)
    click.echo(advice_text(advice, md=fmt == "markdown", detail=detail, field_label=labels), nl=False)
    if passed_over is not None:
        click.echo("\n" + passed_over_text(passed_over, lang), nl=False)
    echo_text(sections, advice.lang, labels, md=fmt == "markdown")


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

