"""The package layout: imports run one way, downwards, and no module imports itself back.

Reads the imports (every ``import``/``from`` statement, function-level ones included) of each
module of ``advisor`` and ``rules`` with ``ast``; the allowed directions are the ones the
package docstrings write down (``advisor/__init__.py``).
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINGS = ("cli", "web", "store", "report", "regression", "interview", "plan", "engine")
ALLOWED = {  # wing -> the wings it may import (its own always allowed)
    "cli": {"web", "store", "report", "regression", "interview", "plan", "engine", "top", "rules"},
    "web": {"store", "report", "interview", "plan", "engine", "top"},
    "store": {"regression", "interview", "plan", "engine", "top"},
    "report": {"interview", "plan", "engine", "top"},
    "regression": {"plan", "engine", "top"},
    "interview": {"plan", "engine", "top"},
    "plan": {"engine", "top"},
    "engine": {"top", "rules"},
    "top": set(),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    return {module_name(p): p for pkg in ("advisor", "rules") for p in sorted((ROOT / pkg).rglob("*.py"))}


def imports_of(path: Path, name: str, known: dict[str, Path]) -> set[str]:
    """The project modules (of ``known``) that ``path`` imports, resolved to module names."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".")[: -node.level] if path.name != "__init__.py" else name.split(".")
                base = ".".join([*package, base] if base else package)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)  # `from advisor.engine import engine`
    return {m for m in found if m in known and m != name}


def wing_of(module: str) -> str:
    if module == "advisor.__main__":  # `python -m advisor` is the command itself
        return "cli"
    parts = module.split(".")
    if parts[0] == "rules":
        return "rules"
    return parts[1] if len(parts) >= 2 and parts[1] in WINGS else "top"


def violations(graph: dict[str, set[str]]) -> list[str]:
    out = []
    for module, targets in sorted(graph.items()):
        wing = wing_of(module)
        for target in sorted(targets):
            to = wing_of(target)
            if wing == "rules":
                ok = to == "rules" or target == "advisor.engine.rulekit"
            else:
                ok = to == wing or to in ALLOWED[wing]
            if not ok:
                out.append(f"{module} ({wing}) imports {target} ({to})")
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def import_graph() -> dict[str, set[str]]:
    # a package's __init__ is imported with each of its modules; ours hold only docstrings
    known = project_modules()
    return {name: imports_of(path, name, known) for name, path in known.items()}


def test_imports_run_one_way():
    assert violations(import_graph()) == []


def test_no_import_loop():
    assert cycles(import_graph()) == []


def test_an_upward_import_is_caught():
    graph = import_graph()
    graph["advisor.engine.advice"] = graph["advisor.engine.advice"] | {"advisor.plan.steps"}
    graph["advisor.models"] = graph["advisor.models"] | {"advisor.engine.registry"}
    graph["rules.common"] = graph["rules.common"] | {"advisor.models"}
    assert violations(graph) == [
        "advisor.engine.advice (engine) imports advisor.plan.steps (plan)",
        "advisor.models (top) imports advisor.engine.registry (engine)",
        "rules.common (rules) imports advisor.models (top)",
    ]


def test_a_loop_is_caught():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_package_wings_document_their_direction():
    for wing in WINGS:
        doc = ast.get_docstring(ast.parse((ROOT / "advisor" / wing / "__init__.py").read_text()))
        assert doc and "import" in doc.lower(), wing


def test_few_modules_at_the_top():
    top = [p.name for p in (ROOT / "advisor").glob("*.py") if p.name not in {"__init__.py", "__main__.py"}]
    assert len(top) <= 6, sorted(top)
