"""`advisor schema`: a JSON Schema of the case and scenario files, generated from the pydantic
models, so that an editor's YAML plugin can complete and check a case.

The structure (fields, types, ranges, allowed values, what is required) is pydantic's
``model_json_schema()``; this module only adds what the models do not carry: a description of
every field in the chosen language (the question's wording from ``rules/catalogue/questions.yaml``
or, for a field no question sets, ``advisor/i18n.py``), the Dutch or English label of every
allowed value, and the lists the loader checks against the catalogue (instrument ids, rule
ids, municipality names). ``field_rows`` and ``value_labels`` are also what
``tests/test_schema.py`` holds ``docs/case-format.md`` against.
"""
from __future__ import annotations

import json
import re
import types
import typing

import click
from pydantic import BaseModel

from advisor.cli.options import LANG
from advisor.errors import refuse_existing, write_atomic
from advisor.i18n import MESSAGES, t
from advisor.models import Case, Scenario

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Where each model sits in a file, as the paths of docs/case-format.md write it
#: (``[]``: each item of a list). A model that appears at two places takes the case's.
ROOTS = {"case": Case, "scenario": Scenario}
#: Fields whose values are instrument ids of the catalogue (checked by the loader or the claims).
INSTRUMENT_FIELDS = ("overrides[].instrument", "expect.top", "expect.recommended", "expect.not_recommended",
                     "expect.rejected")
_GROUP_LEAD = re.compile(r"^[^{]*\{group\}:\s*")


def _unwrap(tp):
    """(the model or Literal inside Optional/list/Annotated, whether a list was crossed)."""
    is_list = False
    for _ in range(8):
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                break
        elif origin is list:
            is_list = True
            tp = typing.get_args(tp)[0]
        else:
            break
    return tp, is_list


def field_rows(model: type[BaseModel], prefix: str = "") -> list[tuple[str, object]]:
    """Every field of ``model`` and of the models inside it, depth first in declaration order,
    as (path, annotation): ``organisation.legal_form``, ``worker_groups[].income``."""
    rows = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        rows.append((path, info.annotation))
        inner, is_list = _unwrap(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            rows.extend(field_rows(inner, f"{path}[]." if is_list else f"{path}."))
    return rows


def allowed_values(annotation) -> list[str] | None:
    inner, _ = _unwrap(annotation)
    if typing.get_origin(inner) is typing.Literal:
        return [str(v) for v in typing.get_args(inner)]
    return None


def _question(path: str):
    """The question of the questionnaire that sets the case field at ``path``, if any."""
    from advisor.interview.questions import questionnaire

    return questionnaire().by_field.get(path.removeprefix("case.").replace("[]", ".*"))


def _key(path: str) -> str:
    """The i18n key of a field's description: ``fd.`` and the path inside its file
    (``fd.worker_groups[].id``, ``fd.expect.top``; a scenario's ``case.`` is dropped)."""
    return "fd." + path.removeprefix("case.")


def description(path: str, lang: str) -> str | None:
    """What the field means, in ``lang``: the i18n text ``fd.<path>``, else the wording of the
    question that sets it."""
    if _key(path) in MESSAGES:
        return t(_key(path), lang)
    question = _question(path)
    if question is not None:
        # a worker-group question is worded for one group ("Group {group}: ..."): here it
        # describes the field of every group
        text = _GROUP_LEAD.sub("", question.text(lang))
        return (text[:1].upper() + text[1:]).replace("{group}", t("schema_this_group", lang))
    return None


def value_labels(path: str, lang: str) -> dict[str, str]:
    """The label a reader sees for each allowed value of the field (from the questionnaire's
    choices, or ``vl.<field>.<value>`` in i18n for a field no question sets)."""
    path = path.removeprefix("case.")
    question = _question(path)
    if question is not None and question.choices:
        return {c.value: c.label(lang) for c in question.choices}
    if path in INSTRUMENT_FIELDS:
        from advisor.knowledge import catalogue

        return {i.id: i.name(lang) for i in catalogue().instruments.values()}
    field = path.rsplit(".", 1)[-1]
    prefix = f"vl.{field}."
    return {k[len(prefix):]: t(k, lang) for k in MESSAGES if k.startswith(prefix)}


# --- the schema --------------------------------------------------------------------------


def _lists_from_catalogue(kind: str) -> dict[str, list[str]]:
    """The values the loader checks against the catalogue, by field path. Rule ids (the
    scenario's ``fired`` claims) need the rule registry, so only the scenario schema lists them."""
    from advisor.knowledge import catalogue

    lists = {path: list(catalogue().instruments) for path in INSTRUMENT_FIELDS}
    if kind == "scenario":
        from advisor.engine.engine import rule_metas

        rules = [m.id for m in rule_metas()]
        lists.update({"expect.fired": rules, "expect.not_fired": rules})
    return lists


def _target(node: dict) -> dict:
    """The part of a property's schema that holds its values: inside ``anyOf [X, null]`` and
    ``items``."""
    if "anyOf" in node:
        node = next(n for n in node["anyOf"] if n.get("type") != "null")
    return node.get("items", node)


def build_schema(kind: str = "case", lang: str = "nl") -> dict:
    """The JSON Schema of a case file (``kind="case"``) or a scenario file, in ``lang``."""
    model = ROOTS[kind]
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    # each model's schema node, by the path prefix of its fields (the case's models first)
    nodes: dict[str, dict] = {"": schema}
    for path, annotation in field_rows(model):
        inner, is_list = _unwrap(annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            nodes[f"{path}[]." if is_list else f"{path}."] = defs[inner.__name__]
    lists = _lists_from_catalogue(kind)
    from advisor.knowledge import catalogue

    municipalities = sorted(set(catalogue().municipalities.by_key.values()))
    for path, annotation in field_rows(model):
        prefix, _, name = path.rpartition(".")
        owner = nodes[prefix + "." if prefix else ""]
        prop = owner["properties"][name]
        prop.pop("title", None)  # pydantic's "Legal Form": the description says more
        text = description(path, lang)
        values = allowed_values(annotation) or lists.get(path.removeprefix("case."))
        target = _target(prop)
        if path.endswith("tags"):
            # the model reads a number tag (2026) as its text
            target["type"] = ["string", "number"]
        if path.removeprefix("case.") == "organisation.municipality":
            target["examples"] = municipalities
        if values:
            target["enum"] = values
            labels = value_labels(path, lang)
            if labels:
                # VS Code's JSON keyword, which YAML plugins show beside each completion
                target["enumDescriptions"] = [labels.get(v, "") for v in values]
                listed = "; ".join(f"{v}: {labels[v]}" for v in values if v in labels)
                text = f"{text} ({listed})" if text else listed
        if text:
            prop["description"] = text
    for node in nodes.values():
        node.pop("title", None)
        node.pop("description", None)  # a model's docstring (English, for developers)
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = t(f"schema_title_{kind}", lang)
    schema["description"] = t(f"schema_about_{kind}", lang)
    return schema


def schema_json(kind: str = "case", lang: str = "nl") -> str:
    """The schema as JSON text: keys sorted, two-space indent, one final new line (the same bytes
    every run)."""
    return json.dumps(build_schema(kind, lang), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@click.command()
@click.option("--kind", type=click.Choice(["case", "scenario"]), default="case", show_default=True,
              help="The schema of a case file or of a scenario file (a case plus its expect claims).")
@click.option("--out", type=click.Path(), metavar="FILE", help="Write here instead of to stdout.")
@click.option("--force", is_flag=True, help="Overwrite FILE when it exists.")
@LANG
def schema(kind, out, force, lang):
    """Print a JSON Schema of the case (or scenario) file, for an editor to complete and check a case.

    \b
    Example (VS Code with the YAML plugin, first line of a case file):
      # yaml-language-server: $schema=case.schema.json
    """
    if out:
        refuse_existing(out, force)
    text = schema_json(kind, lang)
    if not out:
        click.echo(text, nl=False)
        return
    write_atomic(out, text, force=True)
    click.echo(t("schema_written", lang, path=out))
