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

from advisor.i18n import Msg, t


class InputError(Exception):
    """A problem with something the user gave us (a case, a scenario, a catalogue file, an
    option): the user can fix it by changing the input. Exit code 2."""

    exit_code = 2

    def __init__(self, source: str | Path, problems: list[str | Msg]):
        self.source = str(source)
        self.problems = problems
        super().__init__(self.message)

    def text(self, lang: str = "en") -> str:
        """The one message, in ``lang`` (``Msg`` problems; plain-text ones as they are)."""
        shown = [_LONG_WORD.sub(_cut_word, p.render(lang) if isinstance(p, Msg) else str(p)) for p in self.problems]
        if len(shown) == 1:
            return f"{self.source}: {shown[0]}"
        listed = "; ".join(f"({i}) {p}" for i, p in enumerate(shown, 1))
        return f"{self.source}: {t('err_problems', lang, n=len(shown))}: {listed}"

    @property
    def message(self) -> str:
        return self.text("en")


_LONG_WORD = re.compile(r"\S{120,}")


def _cut_word(match: re.Match) -> str:
    """A run of 120 characters without a space (a key of 10,000 "k"s) is shown cut short."""
    word = match.group(0)
    return word[:60] + "…" + word[-20:]


class EnvironmentFailure(InputError):
    """The machine failed, not the input: a disk full or read-only, a permission on a file the
    tool writes, an I/O error, a sessions database that is damaged, newer or read-only.
    Exit code 1. (A subclass, so every place that reports an InputError reports this too.)"""

    exit_code = 1


#: errno values of a read that mean "this path is wrong" (the user can fix the argument);
#: any other failure to read (EIO, ENOMEM, ...) is the environment's
_PATH_ERRNOS = {errno.ENOENT, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR, errno.ELOOP,
                errno.ENAMETOOLONG, errno.ENXIO}


def read_failure(path: str | Path, exc: OSError) -> InputError:
    """The error for a file that cannot be read: exit 2 when the path is wrong, else 1."""
    cls = InputError if exc.errno in _PATH_ERRNOS else EnvironmentFailure
    return cls(path, [Msg("err_cannot_read", error=_os_error(exc))])


#: errno -> message key: the usual failures of the world, in the user's language (the C
#: library's own texts are English); any other errno shows its own text
_OS_REASONS = {errno.ENOSPC: "os_no_space", errno.EDQUOT: "os_no_space", errno.EACCES: "os_denied",
               errno.EPERM: "os_denied", errno.EROFS: "os_read_only", errno.ENOENT: "os_not_found",
               errno.EISDIR: "os_is_folder", errno.ENOTDIR: "os_not_folder"}


def _os_error(exc: OSError) -> Msg:
    key = _OS_REASONS.get(exc.errno or 0)
    return Msg(key) if key else Msg("os_other", reason=printable(f"{exc.__class__.__name__}: {exc.strerror or exc}"))


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


class _Refused(yaml.YAMLError):
    """A value the strict loader refuses, with its message and where it is."""

    def __init__(self, msg: Msg, mark):
        super().__init__(str(msg))
        self.msg, self.mark = msg, mark


def _int(loader, node):
    text = loader.construct_scalar(node)
    if not _INT_AS_WRITTEN.fullmatch(text):
        raise _Refused(Msg("err_number_form", value=_excerpt(text)), node.start_mark)
    if len(text.lstrip("+-").replace("_", "")) > 15:
        raise _Refused(Msg("err_number_large", value=_excerpt(text)), node.start_mark)
    return int(text.replace("_", ""))


def _float(loader, node):
    text = loader.construct_scalar(node)
    if ":" in text:
        raise _Refused(Msg("err_number_form", value=_excerpt(text)), node.start_mark)
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


excerpt = _excerpt  # for the other modules


def short_text(text: str, limit: int = 160) -> str:
    """A message from a library (YAML, JSON), cut short and escaped."""
    text = printable(" ".join(str(text).split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_text(path: str | Path, limit: int | None = None, limit_var: str = "ADVISOR_MAX_INPUT_BYTES") -> str:
    """The file's text: a regular file (or ``-``, standard input) of at most ``limit`` bytes
    (default MAX_BYTES), UTF-8. A FIFO, a device (/dev/zero), a folder is refused unread."""
    path = Path(path)
    limit = MAX_BYTES if limit is None else limit
    if str(path) == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        try:
            info = path.stat()
        except FileNotFoundError:
            raise InputError(path, [Msg("err_not_found")]) from None
        except OSError as exc:
            raise read_failure(path, exc) from None
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, [Msg("err_not_regular")])
        if info.st_size > limit:
            raise InputError(path, [Msg("err_too_big", size=f"{info.st_size:,}", limit=f"{limit:,}", var=limit_var)])
        try:
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
        except OSError as exc:
            raise read_failure(path, exc) from None
    if len(data) > limit:
        raise InputError(path, [Msg("err_input_too_big", limit=f"{limit:,}", var=limit_var)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, [Msg("err_not_utf8", at=exc.start)]) from None


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
                raise InputError(path, [Msg("err_aliases", limit=f"{MAX_NODES:,}", line=node.start_mark.line + 1)])
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise InputError(path, [Msg("err_self_alias", line=node.start_mark.line + 1)])
        if depth > MAX_DEPTH:
            raise InputError(path, [Msg("err_deep", limit=MAX_DEPTH, line=node.start_mark.line + 1)])
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for k, _ in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in seen:
                        raise InputError(path, [Msg("err_duplicate", name=_excerpt(k.value), first=seen[k.value],
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
    """The YAML reader's complaint in the user's language."""
    text = str(problem)
    if text in _YAML_PROBLEMS:
        return Msg(_YAML_PROBLEMS[text])
    if text.startswith("expected <block end>"):
        return Msg("yaml_indent")
    return Msg("yaml_parser_said", text=text)


def load_yaml(path: str | Path):
    """Read one YAML file (bounded and strict, see above); a missing, unreadable, oversized or
    hostile file or a syntax error is an InputError naming the file, the line and the limit."""
    path = Path(path)
    text = read_text(path)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        _check_tree(root, path)
        return loader.construct_document(root)
    except _Refused as exc:
        raise InputError(path, [Msg("err_yaml_at", line=exc.mark.line + 1, column=exc.mark.column + 1,
                                    problem=exc.msg)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = yaml_problem(short_text(getattr(exc, "problem", None) or str(exc).splitlines()[0]))
        if mark:
            raise InputError(path, [Msg("err_yaml_at", line=mark.line + 1, column=mark.column + 1,
                                        problem=problem)]) from None
        raise InputError(path, [Msg("err_yaml", problem=problem)]) from None
    except RecursionError:  # the depth check runs after composing; a composer this deep gives up first
        raise InputError(path, [Msg("err_deep", limit=MAX_DEPTH, line="?")]) from None
    finally:
        loader.dispose()


def write_atomic(path: str | Path, text: str | bytes, force: bool = False) -> None:
    """Write ``text`` to ``path`` so that a reader (or a crash) sees the old file or the new
    one, never half of one: a private temporary file in the same folder, flushed to disk, then
    renamed over the target. A symlink at the target is replaced, not followed. An existing
    file is kept unless ``force`` (the verbs' ``--force``). ``bytes`` are written as they are (a PDF).

    A missing folder is the user's path (InputError, exit 2); a write that fails (permission,
    read-only or full disk, I/O error) is the environment's (EnvironmentFailure, exit 1)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(path, [Msg("err_folder_missing", folder=_excerpt(str(folder)))])
    refuse_existing(path, force)
    if path.is_dir() and not path.is_symlink():
        raise InputError(path, [Msg("err_is_folder")])
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
        raise EnvironmentFailure(path, [Msg("err_cannot_write", error=_os_error(exc))]) from None
    finally:
        if tmp is not None:
            try:
                Path(tmp).unlink(missing_ok=True)
            except OSError:
                pass


class _PlainDumper(yaml.SafeDumper):
    """Writes every value out in full: no anchors (&id001) and aliases (*id001) where the same
    list appears twice, which a reader of the file (and a strict loader) should not meet."""

    def ignore_aliases(self, data) -> bool:
        return True


def dump_yaml(data, width: int = 80) -> str:
    """YAML as every file we write has it: keys in the given order, Unicode as is, block
    style, no anchors or aliases."""
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=width)


def refuse_existing(path: str | Path, force: bool) -> None:
    if not force and (Path(path).exists() or Path(path).is_symlink()):
        raise InputError(path, [Msg("err_exists")])


def validate(model: type[BaseModel], data, source: str | Path, prefix: str = ""):
    """Validate ``data`` against ``model``; report every problem with its field path."""
    if not isinstance(data, dict):
        kind = Msg({type(None): "kind_empty", list: "kind_list", str: "kind_text", bool: "kind_bool"}.get(
            type(data), "kind_number"))
        where = f"`{prefix}`" if prefix else Msg("the_file")
        raise InputError(source, [Msg("not_a_mapping", where=where, kind=kind,
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
    "string_too_long": "need_shorter_text", "string_too_short": "need_longer_text",
    "too_long": "need_fewer", "too_short": "need_more",
    "greater_than_equal": "need_ge", "greater_than": "need_gt",
    "less_than_equal": "need_le", "less_than": "need_lt",
}


def describe(model: type[BaseModel], err: dict, prefix: str = "") -> Msg:
    """One readable sentence for one pydantic error: field path, what is wrong, what is allowed;
    unrendered, so that it is shown in the user's language."""
    loc = [str(p) for p in err["loc"]]
    path = ".".join(([prefix] if prefix else []) + loc) or Msg("top_level")
    kind = err["type"]
    given = err.get("input")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, err["loc"][:-1])
        return Msg("unknown_field", path=path, allowed=", ".join(allowed))
    if kind == "literal_error":
        return did_you_mean(_allowed(model, err["loc"]), given,
                            Msg("value_not_allowed", path=path, given=_excerpt(given), allowed=_expected(model, err["loc"])))
    if kind == "missing":
        return Msg("field_required", path=path)
    if kind == "value_error":  # one of our validators: its message is ours (a Msg, or our own text)
        cause = (err.get("ctx") or {}).get("error")
        problem = cause.args[0] if cause is not None and cause.args else err["msg"]
    else:
        problem = Msg(_KINDS.get(kind, "need_valid"), **{k: v for k, v in (err.get("ctx") or {}).items()
                                                          if isinstance(v, int | float | str)})
    shown = "" if isinstance(given, dict | list) or given is None else Msg("got", given=_excerpt(given))
    return Msg("field_problem", path=path, problem=problem, shown=shown)


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


def _allowed(model, loc) -> list[str]:
    tp = _unwrap(_walk(model, loc))
    return [str(v) for v in typing.get_args(tp)] if typing.get_origin(tp) is typing.Literal else []


def did_you_mean(allowed: list[str], given, problem: Msg) -> Msg:
    """The suggestion hook of a value outside its list: ``problem`` followed by "; did you
    mean `nonprofit`?" when the typed value is a label, a synonym or a near spelling of one
    allowed value (see ``advisor.vocabulary.suggest``), else ``problem`` alone. Case files
    stay strict: this only says what to write."""
    from advisor.vocabulary import suggest

    value = suggest(allowed, given, _choice_labels())
    return Msg("did_you_mean", problem=problem, value=value) if value and value != given else problem


#: the questionnaire, whose choices carry each value's Dutch and English label (the path of
#: knowledge.CATALOGUE_DIR, which imports this module)
_QUESTIONS = Path(__file__).resolve().parent.parent / "rules" / "catalogue" / "questions.yaml"


def _choice_labels() -> dict[str, set[str]]:
    """{value: its labels} from the questionnaire, read only when a value is refused."""
    labels: dict[str, set[str]] = {}
    try:
        data = load_yaml(_QUESTIONS)
    except InputError:  # no labels: the suggestion falls back on values and synonyms
        return labels
    for question in data if isinstance(data, list) else []:
        for choice in (question.get("choices") or []) if isinstance(question, dict) else []:
            if isinstance(choice, dict) and "value" in choice:
                for lang in ("nl", "en"):
                    label = str(choice.get(lang, ""))
                    labels.setdefault(str(choice["value"]), set()).update({label, label.split(" (")[0]})
    return labels


def _expected(model, loc) -> str:
    tp = _unwrap(_walk(model, loc))
    if typing.get_origin(tp) is typing.Literal:
        return ", ".join(str(v) for v in typing.get_args(tp))
    return Msg("see_case_format")
