"""Bad input is reported, never crashed on: every message names the file, the field
and what is allowed. The CLI turns ``InputError`` into one paragraph and exit code 2.

Files go in and out here: every YAML file is read bounded and strict (``load_yaml``), and
every file the tool writes is written atomically (``write_atomic``)."""
from __future__ import annotations

import errno
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

from advisor.i18n import Msg, msg, render, t


class InputError(Exception):
    """A problem with something the user gave us (a case, a scenario, a catalogue file)."""

    def __init__(self, source: str | Path, problems: list[str | Msg]):
        self.source = str(source)
        self.problems = problems
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.render("nl")

    def render(self, lang: str) -> str:
        """The whole message in ``lang``: the problems are kept unrendered until shown."""
        problems = [render(p, lang) for p in self.problems]
        if len(problems) == 1:
            return f"{self.source}: {problems[0]}"
        listed = "; ".join(f"({i}) {p}" for i, p in enumerate(problems, 1))
        return f"{self.source}: {t('n_problems', lang, n=len(problems), listed=listed)}"


#: errno -> message key: the usual failures of the world, in the user's language (the C
#: library's own texts are English); any other errno shows its own text.
_OS_REASONS = {errno.ENOSPC: "os_no_space", errno.EACCES: "os_denied", errno.EPERM: "os_denied",
               errno.EROFS: "os_read_only", errno.ENOENT: "os_not_found", errno.EISDIR: "os_is_folder",
               errno.ENOTDIR: "os_not_folder", errno.EDQUOT: "os_no_space"}


def os_reason(exc: OSError) -> Msg:
    """Why an operating-system call failed, as a message in the user's language."""
    key = _OS_REASONS.get(exc.errno or 0)
    return msg(key) if key else msg("os_other", reason=str(exc.strerror or exc))


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
            None, None, msg("number_not_plain", number=_excerpt(text)), node.start_mark)
    if len(text.lstrip("+-").replace("_", "")) > 15:
        raise yaml.constructor.ConstructorError(None, None, msg("number_too_large", number=_excerpt(text)),
                                               node.start_mark)
    return int(text.replace("_", ""))


def _float(loader, node):
    text = loader.construct_scalar(node)
    if ":" in text:
        raise yaml.constructor.ConstructorError(
            None, None, msg("number_not_plain", number=_excerpt(text)), node.start_mark)
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
    limit = msg("limit_bytes", n=f"{MAX_BYTES:,}")
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        try:
            info = path.stat()
        except FileNotFoundError:
            raise InputError(path, [msg("file_not_found")]) from None
        except OSError as exc:
            raise InputError(path, [msg("cannot_read", reason=os_reason(exc))]) from None
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, [msg("not_regular_file")])
        if info.st_size > MAX_BYTES:
            raise InputError(path, [msg("file_too_big", n=f"{info.st_size:,}", limit=limit)])
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(path, [msg("cannot_read", reason=os_reason(exc))]) from None
    if len(data) > MAX_BYTES:
        raise InputError(path, [msg("input_too_big", n=f"{MAX_BYTES:,}", limit=limit)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, [msg("not_utf8", byte=exc.start)]) from None


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
                raise InputError(path, [msg("too_many_nodes", n=f"{MAX_NODES:,}", line=node.start_mark.line + 1)])
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise InputError(path, [msg("alias_loop", line=node.start_mark.line + 1)])
        if depth > MAX_DEPTH:
            raise InputError(path, [msg("too_deep", n=MAX_DEPTH, line=node.start_mark.line + 1)])
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for k, _ in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in seen:
                        raise InputError(path, [msg("duplicate_key", key=_excerpt(k.value), first=seen[k.value],
                                                    second=k.start_mark.line + 1)])
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


#: the YAML reader's usual complaints (English, from libyaml) -> our message for each
_YAML_PROBLEMS = {
    "did not find expected ',' or ']'": "yaml_no_bracket", "did not find expected ',' or '}'": "yaml_no_brace",
    "mapping values are not allowed in this context": "yaml_mapping_here",
    "mapping values are not allowed here": "yaml_mapping_here",
    "found character that cannot start any token": "yaml_bad_char", "found undefined alias": "yaml_no_anchor",
    "found unexpected end of stream": "yaml_early_end", "did not find expected <document start>": "yaml_after_end",
    "could not find expected ':'": "yaml_no_colon", "did not find expected key": "yaml_indent",
    "did not find expected '-' indicator": "yaml_indent",
    "found a tab character that violates indentation": "yaml_tab",
}


def yaml_problem(problem) -> Msg:
    """The YAML reader's complaint in the user's language (our own numbers' messages pass)."""
    if isinstance(problem, Msg):
        return problem
    text = str(problem)
    if text in _YAML_PROBLEMS:
        return msg(_YAML_PROBLEMS[text])
    if text.startswith("expected <block end>"):
        return msg("yaml_indent")
    return msg("yaml_parser_said", text=text)


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
        problem = yaml_problem(getattr(exc, "problem", None) or str(exc).splitlines()[0])
        if mark:
            raise InputError(path, [msg("bad_yaml_at", line=mark.line + 1, column=mark.column + 1,
                                        problem=problem)]) from None
        raise InputError(path, [msg("bad_yaml", problem=problem)]) from None
    finally:
        loader.dispose()


def write_atomic(path: str | Path, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` so that a reader (or a crash) sees the old file or the new
    one, never half of one: a private temporary file in the same folder, flushed to disk, then
    renamed over the target. A symlink at the target is replaced, not followed. An existing
    file is kept unless ``force`` (the verbs' ``--force``)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(path, [msg("no_folder", folder=_excerpt(str(folder)))])
    refuse_existing(path, force)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise InputError(path, [msg("cannot_write", reason=os_reason(exc))]) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def refuse_existing(path: str | Path, force: bool) -> None:
    if not force and (Path(path).exists() or Path(path).is_symlink()):
        raise InputError(path, [msg("exists_use_force")])


def validate(model: type[BaseModel], data, source: str | Path, prefix: str = ""):
    """Validate ``data`` against ``model``; report every problem with its field path."""
    if not isinstance(data, dict):
        kind = msg({type(None): "kind_empty", list: "kind_list", str: "kind_text", bool: "kind_bool"}.get(
            type(data), "kind_number"))
        where = f"`{prefix}`" if prefix else msg("the_file")
        raise InputError(source, [msg("not_a_mapping", where=where, kind=kind,
                                      allowed=", ".join(model.model_fields))])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(source, [describe(model, err, prefix) for err in exc.errors()]) from None


#: pydantic's error kinds -> our message for what the field needs (pydantic's own texts are
#: English and name Python types); a kind not listed here gets the generic "not valid".
_KINDS = {
    "bool_type": "need_bool", "bool_parsing": "need_bool",
    "int_type": "need_int", "int_parsing": "need_int", "int_from_float": "need_int",
    "float_type": "need_number", "float_parsing": "need_number", "finite_number": "need_number",
    "string_type": "need_text", "list_type": "need_list", "model_type": "need_mapping",
    "dict_type": "need_mapping", "model_attributes_type": "need_mapping",
    "date_type": "need_date", "date_parsing": "need_date", "date_from_datetime_parsing": "need_date",
    "string_too_long": "need_shorter_text", "too_long": "need_fewer", "too_short": "need_more",
    "greater_than_equal": "need_ge", "greater_than": "need_gt",
    "less_than_equal": "need_le", "less_than": "need_lt",
}


def describe(model: type[BaseModel], err: dict, prefix: str = "") -> Msg:
    """One readable sentence for one pydantic error: field path, what is wrong, what is allowed;
    unrendered, so that it is shown in the user's language."""
    loc = [str(p) for p in err["loc"]]
    path = ".".join(([prefix] if prefix else []) + loc) or msg("top_level")
    kind = err["type"]
    given = err.get("input")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, err["loc"][:-1])
        return msg("unknown_field", path=path, allowed=", ".join(allowed))
    if kind == "literal_error":
        return msg("value_not_allowed", path=path, given=_excerpt(given), allowed=_expected(model, err["loc"]))
    if kind == "missing":
        return msg("field_required", path=path)
    if kind == "value_error":  # one of our validators: its message is ours (a Msg, or our own text)
        cause = (err.get("ctx") or {}).get("error")
        problem = cause.args[0] if cause is not None and cause.args else err["msg"]
    else:
        problem = msg(_KINDS.get(kind, "need_valid"), **{k: v for k, v in (err.get("ctx") or {}).items()
                                                          if isinstance(v, int | float | str)})
    shown = "" if isinstance(given, dict | list) or given is None else msg("got", given=_excerpt(given))
    return msg("field_problem", path=path, problem=problem, shown=shown)


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
    return msg("see_case_format")
