"""The stages run one way: no module imports from a later stage, and no import goes in a circle
(docs/architecture.md has the picture)."""

from __future__ import annotations

import ast

from conftest import PROJECT

SRC = PROJECT / "src"
STAGES = {  # the first part of the module name below giaoviec → its rank; imports go to lower or equal ranks
    "__init__": 0, "formats": 0, "i18n": 0, "diagnostics": 0, "words": 0, "codes": 0, "shared": 0, "literal": 0, "characters": 0, "typed": 0, "terminal": 0,
    "model": 1, "load": 2, "domain": 3, "checks": 4, "compute": 5,
    "render": 6, "write": 6, "sheets": 7, "app": 8, "serve": 9, "cli": 9, "quickhelp": 9, "__main__": 10, "quick": 10,
}


def modules() -> dict[str, set[str]]:
    """Every module of the package and the giaoviec modules it imports (at any depth of the code)."""
    names = {".".join(p.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__"): p for p in (SRC / "giaoviec").rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in names else node.module for a in node.names]
            found |= {t for t in targets if t.startswith("giaoviec")}
        graph[name] = found - {name}
    return graph


def rank(module: str) -> int:
    parts = module.split(".")
    return STAGES[parts[1] if len(parts) > 1 else "__init__"]


def test_no_import_from_a_later_stage():
    wrong = [(m, t) for m, targets in modules().items() for t in targets if rank(t) > rank(m)]
    assert wrong == []


PURE = ("model", "domain", "checks", "compute", "render")  # values in, values out: no file, no process, no command
IMPURE = ("load", "app", "write", "sheets", "cli", "serve")


def test_the_pure_layers_import_nothing_that_reads_writes_or_runs():
    """A check, a figure or a renderer depends on the values of model/, never on the reader that made
    them (the values every layer shares live in model/values.py, the public filter in model/public.py)."""
    wrong = sorted((m, t) for m, targets in modules().items() if m.split(".")[1:2] and m.split(".")[1] in PURE
                   for t in targets if t.split(".")[1:2] and t.split(".")[1] in IMPURE)
    assert wrong == []


def test_no_circle_of_imports():
    graph = modules()
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(m: str, path: list[str]) -> list[str] | None:
        state[m] = 1
        for t in sorted(graph.get(m, ())):
            if state.get(t) == 1:
                return [*path, m, t]
            if t not in state and (found := visit(t, [*path, m])):
                return found
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state:
            assert visit(m, []) is None
