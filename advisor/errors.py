"""Bad input is reported, never crashed on: every message names the file, the field
and what is allowed. The CLI turns ``InputError`` into one paragraph and exit code 2."""
from __future__ import annotations

import types
import typing
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError


class InputError(Exception):
    """A problem with something the user gave us (a case, a scenario, a catalogue file)."""

    def __init__(self, source: str | Path, problems: list[str]):
        self.source = str(source)
        self.problems = problems
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if len(self.problems) == 1:
            return f"{self.source}: {self.problems[0]}"
        listed = "; ".join(f"({i}) {p}" for i, p in enumerate(self.problems, 1))
        return f"{self.source}: {len(self.problems)} problems: {listed}"


# libyaml's parser when PyYAML has it (the wheels do): the catalogue loads ~4x faster
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """Safe YAML, but dates stay text: the models parse them, so a bad date such as
    2026-13-01 is reported with its field path instead of crashing the YAML reader."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def load_yaml(path: str | Path):
    """Read one YAML file; a missing or unreadable file or a syntax error is an InputError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, [f"cannot read the file ({exc.__class__.__name__}: {exc})"]) from None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(path, [f"not valid YAML{where}: {problem}"]) from None


def validate(model: type[BaseModel], data, source: str | Path, prefix: str = ""):
    """Validate ``data`` against ``model``; report every problem with its field path."""
    if not isinstance(data, dict):
        kind = "empty" if data is None else type(data).__name__
        where = f"`{prefix}`" if prefix else "the file"
        raise InputError(source, [f"{where} must be a mapping of fields, not {kind}; "
                                  f"allowed fields: {', '.join(model.model_fields)}"])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(source, [describe(model, err, prefix) for err in exc.errors()]) from None


def describe(model: type[BaseModel], err: dict, prefix: str = "") -> str:
    """One readable sentence for one pydantic error: field path, what is wrong, what is allowed."""
    loc = [str(p) for p in err["loc"]]
    path = ".".join(([prefix] if prefix else []) + loc) or "(top level)"
    kind = err["type"]
    given = err.get("input")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, err["loc"][:-1])
        return f"unknown field `{path}`; allowed fields here: {', '.join(allowed)}"
    if kind == "literal_error":
        return f"field `{path}`: {given!r} is not allowed; allowed values: {_expected(model, err['loc'])}"
    if kind == "missing":
        return f"field `{path}` is required"
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    hint = {"bool_type": " (write true or false)", "int_type": " (a whole number)",
            "float_type": " (a number)", "list_type": " (a list, e.g. [a, b])",
            "model_type": " (a mapping of fields)", "string_type": " (text)"}.get(kind, "")
    shown = "" if isinstance(given, dict | list) or given is None else f" (got {given!r})"
    return f"field `{path}`: {msg}{hint}{shown}"


def _walk(model, loc):
    """The annotation found at ``loc`` inside ``model`` (skipping list indexes and dict keys)."""
    tp = model
    for part in loc:
        if isinstance(part, int):
            continue
        tp = _unwrap(tp)
        if typing.get_origin(tp) is dict:  # a mapping keyed by id: the key leads to the value type
            tp = typing.get_args(tp)[1]
        elif isinstance(tp, type) and issubclass(tp, BaseModel) and part in tp.model_fields:
            tp = tp.model_fields[part].annotation
        else:
            return None
    return tp


def _unwrap(tp):
    """Strip Optional, list and Annotated wrappers down to the model or Literal inside."""
    for _ in range(6):
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if args else tp
        else:
            break
    return tp


def _fields_at(model, loc) -> list[str]:
    tp = _unwrap(_walk(model, loc))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def _expected(model, loc) -> str:
    tp = _unwrap(_walk(model, loc))
    if typing.get_origin(tp) is typing.Literal:
        return ", ".join(str(v) for v in typing.get_args(tp))
    return "see the case format"
