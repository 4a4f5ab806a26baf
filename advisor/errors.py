"""Bad input is reported, never crashed on: every message names the file, the field
and what is allowed. The CLI turns ``InputError`` into one paragraph and exit code 2.

Files go in and out here: every YAML file is read bounded and strict (``load_yaml``), and
every file the tool writes is written atomically (``write_atomic``)."""
from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
import types
import typing
import unicodedata
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

#: Bounds on every YAML file we read (case, scenario, answers, catalogue): no real file comes
#: near them, and a hostile one (a "billion laughs" alias bomb, a FIFO, /dev/zero) is refused
#: before it can use up the machine. ADVISOR_MAX_INPUT_BYTES raises the size limit.
MAX_BYTES = int(os.environ.get("ADVISOR_MAX_INPUT_BYTES", 1_000_000))
MAX_NODES = 200_000  # values in the file once every alias is expanded
MAX_DEPTH = 40       # nesting of mappings and lists
_INT_AS_WRITTEN = re.compile(r"[-+]?(0|[1-9][0-9_]*)")


class _Loader(_SafeLoader):
    """Safe YAML, strict: dates stay text (the models parse them, so a bad date such as
    2026-13-01 is reported with its field path instead of crashing the YAML reader), and
    numbers are read as written: YAML 1.1's octal (``041`` = 33), sexagesimal (``1:30`` = 90),
    hexadecimal and binary forms, and integers of more than 15 digits, are refused."""


def _timestamp(loader, node):
    return loader.construct_scalar(node)


def _int(loader, node):
    text = loader.construct_scalar(node)
    if not _INT_AS_WRITTEN.fullmatch(text):
        raise yaml.constructor.ConstructorError(
            None, None, f"the number {_excerpt(text)} is not a plain decimal number (write e.g. 41, not 041 or 0:41)",
            node.start_mark)
    if len(text.lstrip("+-").replace("_", "")) > 15:
        raise yaml.constructor.ConstructorError(None, None, f"the number {_excerpt(text)} is too large", node.start_mark)
    return int(text.replace("_", ""))


def _float(loader, node):
    text = loader.construct_scalar(node)
    if ":" in text:
        raise yaml.constructor.ConstructorError(
            None, None, f"the number {_excerpt(text)} is not a plain decimal number", node.start_mark)
    return yaml.constructor.SafeConstructor.construct_yaml_float(loader, node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)
_Loader.add_constructor("tag:yaml.org,2002:float", _float)


def printable(text: str) -> str:
    """``text`` safe for a terminal: control and format characters (escape sequences that set
    a window title or a hyperlink, bidirectional overrides) shown as ``\\uXXXX``; new lines and
    tabs kept."""
    return "".join(c if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf") else f"\\u{ord(c):04x}"
                   for c in text)


def md_text(text: str) -> str:
    """User text inside Markdown: one line, every ASCII punctuation character escaped, so it can
    neither leave its list item nor carry HTML, links or emphasis."""
    return "".join(f"\\{c}" if c in _MD_PUNCTUATION else c for c in " ".join(text.split()))


_MD_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _excerpt(value, limit: int = 60) -> str:
    """A rejected value as a short, escaped excerpt (control characters shown as escapes)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read(path: Path) -> str:
    """The file's text: a regular file (or ``-``, standard input) of at most MAX_BYTES."""
    limit = f"at most {MAX_BYTES:,} bytes (ADVISOR_MAX_INPUT_BYTES)"
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        try:
            info = path.stat()
        except FileNotFoundError:
            raise InputError(path, ["file not found"]) from None
        except OSError as exc:
            raise InputError(path, [f"cannot read the file ({exc.__class__.__name__}: {exc})"]) from None
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, ["not a regular file (a case is read from a file, or - for standard input)"])
        if info.st_size > MAX_BYTES:
            raise InputError(path, [f"the file has {info.st_size:,} bytes; allowed: {limit}"])
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(path, [f"cannot read the file ({exc.__class__.__name__}: {exc})"]) from None
    if len(data) > MAX_BYTES:
        raise InputError(path, [f"the input has more than {MAX_BYTES:,} bytes; allowed: {limit}"])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, [f"not UTF-8 text (byte {exc.start})"]) from None


def _check_tree(root, path: Path) -> None:
    """Before anything is built: no duplicate keys, no recursive alias, at most MAX_DEPTH
    levels and MAX_NODES values with every alias expanded (an alias bomb is refused here)."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[key] > MAX_NODES:
                raise InputError(path, [f"too many values once the aliases (*) are expanded; allowed: at most "
                                        f"{MAX_NODES:,} (line {node.start_mark.line + 1})"])
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise InputError(path, [f"an alias refers to itself (line {node.start_mark.line + 1})"])
        if depth > MAX_DEPTH:
            raise InputError(path, [f"nested more than {MAX_DEPTH} levels deep (line {node.start_mark.line + 1})"])
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for k, _ in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in seen:
                        raise InputError(path, [f"the key {_excerpt(k.value)} appears twice (lines {seen[k.value]} "
                                                f"and {k.start_mark.line + 1}): nothing is silently dropped"])
                    seen[k.value] = k.start_mark.line + 1
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in _children(node) if id(c) not in sizes)


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def load_yaml(path: str | Path):
    """Read one YAML file (bounded and strict, see above); a missing, unreadable, oversized or
    hostile file or a syntax error is an InputError naming the file, the line and the limit."""
    path = Path(path)
    text = _read(path)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        _check_tree(root, path)
        return loader.construct_document(root)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(path, [f"not valid YAML{where}: {problem}"]) from None
    finally:
        loader.dispose()


def write_atomic(path: str | Path, text: str | bytes, force: bool = False) -> None:
    """Write ``text`` to ``path`` so that a reader (or a crash) sees the old file or the new
    one, never half of one: a private temporary file in the same folder, flushed to disk, then
    renamed over the target. A symlink at the target is replaced, not followed. An existing
    file is kept unless ``force`` (the verbs' ``--force``). ``bytes`` are written as they are (a PDF)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(path, [f"the folder {_excerpt(str(folder))} does not exist"])
    refuse_existing(path, force)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        binary = isinstance(text, bytes)
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise InputError(path, [f"cannot write the file ({exc.__class__.__name__}: {exc.strerror or exc})"]) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def refuse_existing(path: str | Path, force: bool) -> None:
    if not force and (Path(path).exists() or Path(path).is_symlink()):
        raise InputError(path, ["already exists; choose another file or add --force"])


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
        return f"field `{path}`: {_excerpt(given)} is not allowed; allowed values: {_expected(model, err['loc'])}"
    if kind == "missing":
        return f"field `{path}` is required"
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    hint = {"bool_type": " (write true or false)", "int_type": " (a whole number)",
            "float_type": " (a number)", "list_type": " (a list, e.g. [a, b])",
            "model_type": " (a mapping of fields)", "string_type": " (text)"}.get(kind, "")
    shown = "" if isinstance(given, dict | list) or given is None else f" (got {_excerpt(given)})"
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
