"""docs/case-format.md and `advisor schema` against the models that read the files.

The document's field tables must list exactly the models' fields (recursively), its value
tables exactly the allowed values with the labels the interview uses, and every bundled
scenario must validate against the generated schema. A failure names the rows to add or
remove, so the document can be brought back in line after a field or a value is added.
"""
import json
import re
import typing
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from advisor.cli.schema import (
    INSTRUMENT_FIELDS, ROOTS, _unwrap, allowed_values, build_schema, description, field_rows, value_labels,
)
from advisor.errors import InputError, load_yaml, validate
from advisor.knowledge import catalogue
from advisor.models import Case, Scenario

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "case-format.md"
SCENARIOS = sorted((ROOT / "scenarios").rglob("*.yaml"))


# --- reading the document --------------------------------------------------------------------


def sections(text: str) -> dict[str, str]:
    """The document's text under each heading (## or ###), by heading."""
    parts = re.split(r"^(#{2,3} .+)$", text, flags=re.M)
    return {parts[i].lstrip("# ").strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def table_rows(text: str, header: str) -> list[list[str]]:
    """The body rows of the first table in ``text`` whose header starts with ``header``."""
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if line.startswith(header):
            rows = []
            for row in lines[n + 2:]:
                if not row.startswith("|"):
                    break
                rows.append([cell.strip() for cell in row.strip().strip("|").split("|")])
            return rows
    raise AssertionError(f"{DOC.name}: no table with the header {header!r} in this section")


def code(cell: str) -> str:
    assert cell.startswith("`") and cell.endswith("`"), f"{DOC.name}: expected a `code` cell, got {cell!r}"
    return cell[1:-1]


@pytest.fixture(scope="module")
def doc() -> dict[str, str]:
    return sections(DOC.read_text(encoding="utf-8"))


# --- the rows the document should have (what a failure tells to add) ---------------------------


def type_name(annotation) -> str:
    inner, is_list = _unwrap(annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return "list of mappings" if is_list else "mapping"
    if typing.get_origin(inner) is typing.Literal:
        return "list of values" if is_list else "one value"
    name = {bool: "true / false", int: "whole number", float: "number", str: "text"}.get(inner)
    name = name or ("date YYYY-MM-DD" if getattr(inner, "__name__", "") == "date" else str(inner))
    return f"list of {name}" if is_list else name


def field_row(path: str, annotation) -> str:
    return f"| `{path}` | {type_name(annotation)} | {description(path, 'en') or '(meaning)'} |"


def value_row(value: str, nl: dict, en: dict) -> str:
    return f"| `{value}` | {nl.get(value, '')} | {en.get(value, '')} |"


def compare(where: str, documented: list[str], expected: dict[str, str]) -> list[str]:
    """Problems: rows the document lacks (with the row to add) and rows it has too many."""
    problems = [f"{where}: add the row\n{row}" for key, row in expected.items() if key not in documented]
    problems += [f"{where}: remove the row for `{key}` (not in the code)" for key in documented
                 if key not in expected]
    return problems


# --- the document against the models -----------------------------------------------------------


def test_the_documents_case_fields_are_the_models_fields(doc):
    documented = [code(r[0]) for r in table_rows(doc["Fields of a case"], "| field |")]
    expected = {path: field_row(path, ann) for path, ann in field_rows(Case)}
    problems = compare(f"{DOC.name}, table 'Fields of a case'", documented, expected)
    assert not problems, "\n".join(problems)
    assert documented == list(expected), "the rows should follow the models' field order"


def test_the_documents_scenario_fields_are_the_models_fields(doc):
    documented = [code(r[0]) for r in table_rows(doc["Scenario files"], "| field |")]
    # the case inside a scenario is the case above: its fields are not repeated
    expected = {path: field_row(path, ann) for path, ann in field_rows(Scenario) if not path.startswith("case.")}
    problems = compare(f"{DOC.name}, table of 'Scenario files'", documented, expected)
    assert not problems, "\n".join(problems)
    claims = [code(r[0]) for r in table_rows(doc["Scenario files"], "| claim |")]
    assert claims == [p.removeprefix("expect.") for p in expected if p.startswith("expect.")], \
        f"{DOC.name}: the table 'claim | passes when' must explain each expect key, in the model's order"


def test_the_documents_allowed_values_and_labels_are_the_codes(doc):
    problems = []
    literal_fields = [(path, allowed_values(ann)) for path, ann in field_rows(Case) if allowed_values(ann)]
    for path, values in literal_fields:
        nl, en = value_labels(path, "nl"), value_labels(path, "en")
        assert set(nl) >= set(values) and set(en) >= set(values), \
            f"{path}: values without a label: {sorted(set(values) - set(nl) - set(en))} (add them to the " \
            f"question's choices in rules/catalogue/questions.yaml, or vl.<field>.<value> to advisor/i18n.py)"
        where = f"{DOC.name}, section ### `{path}`"
        if f"`{path}`" not in doc:
            problems.append(f"{DOC.name}: add under 'Allowed values' the section\n### `{path}`\n\n"
                            "| value | Nederlands | English |\n|---|---|---|\n"
                            + "\n".join(value_row(v, nl, en) for v in values))
            continue
        rows = table_rows(doc[f"`{path}`"], "| value |")
        expected = {v: value_row(v, nl, en) for v in values}
        problems += compare(where, [code(r[0]) for r in rows], expected)
        problems += [f"{where}: the labels of `{code(r[0])}` should read\n{expected[code(r[0])]}" for r in rows
                     if code(r[0]) in expected and "| " + " | ".join(r) + " |" != expected[code(r[0])]]
    documented = {h.strip("`") for h in doc if h.startswith("`")}
    problems += [f"{DOC.name}: remove the section ### `{p}` (no such field with a list of values)"
                 for p in sorted(documented - {p for p, _ in literal_fields})]
    assert not problems, "\n".join(problems)


def test_the_documents_instrument_ids_are_the_catalogues(doc):
    rows = table_rows(doc["Instrument ids"], "| id |")
    nl, en = value_labels(INSTRUMENT_FIELDS[0], "nl"), value_labels(INSTRUMENT_FIELDS[0], "en")
    expected = {i: value_row(i, nl, en) for i in catalogue().instruments}
    problems = compare(f"{DOC.name}, table 'Instrument ids'", [code(r[0]) for r in rows], expected)
    problems += [f"{DOC.name}: the row of `{code(r[0])}` should read\n{expected[code(r[0])]}" for r in rows
                 if code(r[0]) in expected and "| " + " | ".join(r) + " |" != expected[code(r[0])]]
    assert not problems, "\n".join(problems)


def test_the_documents_examples_are_valid_files(doc, tmp_path):
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    case_text = next(b for b in blocks if b.startswith("as_of:"))
    scenario_text = next(b for b in blocks if b.startswith("id:"))
    (tmp_path / "case.yaml").write_text(case_text)
    (tmp_path / "scenario.yaml").write_text(scenario_text)
    case = validate(Case, load_yaml(tmp_path / "case.yaml"), "case.yaml")
    assert case.worker_groups[0].income == "leefloon"
    validate(Scenario, load_yaml(tmp_path / "scenario.yaml"), "scenario.yaml")


def test_the_readme_points_into_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "shared/contract" not in readme, "the README should link docs/case-format.md, not a file outside"
    assert "docs/case-format.md" in readme


# --- the schema -------------------------------------------------------------------------------


def validator(kind: str, lang: str = "en"):
    schema = build_schema(kind, lang)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("kind", ["case", "scenario"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_field_of_the_schema_has_a_description(kind, lang):
    # from i18n or a question, so in the chosen language (a pydantic description is English)
    missing = [path for path, _ in field_rows(ROOTS[kind]) if not description(path, lang)]
    assert not missing, (f"fields without a description: {missing}; add to advisor/i18n.py a key 'fd.<path>' "
                         "without a scenario's 'case.' (e.g. 'fd.service.other_activity') with nl and en, "
                         "or a question that sets the field")
    schema = build_schema(kind, lang)
    nodes = {"": schema, **{name: node for name, node in schema["$defs"].items()}}
    missing = [f"{name or kind}.{field}" for name, node in nodes.items()
               for field, prop in node.get("properties", {}).items() if not prop.get("description")]
    assert not missing, (f"fields without a description in {lang}: {missing}; add to advisor/i18n.py a key "
                         "'fd.<path>' (e.g. 'fd.service.other_activity') with nl and en, or a question that "
                         "sets the field")


def test_every_bundled_scenario_validates_against_the_schema():
    scenarios, cases = validator("scenario"), validator("case")
    problems = []
    for path in SCENARIOS:
        data = load_yaml(path)
        problems += [f"{path.relative_to(ROOT)}: {'.'.join(map(str, e.absolute_path))}: {e.message}"
                     for e in scenarios.iter_errors(data)]
        problems += [f"{path.relative_to(ROOT)} (case): {'.'.join(map(str, e.absolute_path))}: {e.message}"
                     for e in cases.iter_errors(data["case"])]
    assert len(SCENARIOS) > 200 and not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("change, field", [
    ({"organisation": {"legal_form": "vzw"}}, "legal_form"),
    ({"organisation": {"legl_form": "nonprofit"}}, "legl_form"),
    ({"service": {"activities": ["strijken"]}}, "activities"),
    ({"service": {"activities": "ironing"}}, "activities"),
    ({"worker_groups": [{"id": "a", "age": 12}]}, "age"),
    ({"worker_groups": [{"fte": 1}]}, "id"),
    ({"worker_groups": [{"id": "a", "psychosocial_problems": "ja"}]}, "psychosocial_problems"),
    ({"as_of": "2026-13-01"}, "as_of"),
    ({"overrides": [{"instrument": "dienstencheque", "decision": "recommend",
                     "justification": "the advisor knows the case"}]}, "instrument"),
])
def test_the_schema_refuses_what_the_advisor_refuses(change, field, tmp_path):
    """Each bad case is refused by both, and both name the field."""
    case = {"as_of": "2026-03-01", "organisation": {"legal_form": "nonprofit", "municipality": "Kortrijk"}}
    case.update(change)
    errors = list(validator("case").iter_errors(case))
    assert errors and any(field in json.dumps([list(e.absolute_path), e.message]) for e in errors)
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(case))
    with pytest.raises(InputError) as exc:
        validate(Case, load_yaml(path), path)
    assert field in exc.value.message


def test_the_schema_labels_each_value_in_the_chosen_language():
    for lang, label in (("nl", "strijken (bv. een strijkatelier)"), ("en", "ironing (e.g. an ironing workshop)")):
        items = build_schema("case", lang)["$defs"]["Service"]["properties"]["activities"]["anyOf"][0]["items"]
        assert items["enumDescriptions"][items["enum"].index("ironing")] == label
    org = build_schema("case", "nl")["$defs"]["Organisation"]["properties"]
    assert "Kortrijk" in org["municipality"]["anyOf"][0]["examples"]
    assert "vzw (vereniging zonder winstoogmerk)" in org["legal_form"]["description"]


def test_schema_command_is_deterministic_and_keeps_an_existing_file(run, tmp_path):
    code, first, _ = run("schema")
    assert code == 0 and run("schema")[1] == first
    assert first == json.dumps(json.loads(first), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert json.loads(first)["$schema"].startswith("https://json-schema.org/draft/2020-12")
    code, english, _ = run("schema", "--lang", "en", "--kind", "scenario")
    assert code == 0 and "expect" in json.loads(english)["properties"] and "Who will do the work" in english
    out = tmp_path / "case.schema.json"
    assert run("schema", "--out", str(out))[0] == 0 and out.read_text(encoding="utf-8") == first
    code, _, err = run("schema", "--out", str(out), "--kind", "scenario")
    assert code == 2 and "--force" in err and out.read_text(encoding="utf-8") == first
    assert run("schema", "--out", str(out), "--kind", "scenario", "--force")[0] == 0
    assert "expect" in json.loads(out.read_text(encoding="utf-8"))["properties"]
