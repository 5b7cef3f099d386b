"""The speed devices (issue 29, point 3): no code writes pydantic's private fields, no library is
patched at import, and each device kept lives in one module whose docstring names the figure it buys
(measured A/B with the benchmarks: docs/performance.md, "Devices")."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "giaoviec"
PERFORMANCE = Path(__file__).resolve().parents[1] / "docs" / "performance.md"
LIBRARIES = ("typer", "click")  # libraries whose modules and classes no code of ours may change


def modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


# Each device kept: its module, the names defined there and nowhere else, and a figure its docstring names.
KEPT = {
    "sheets/rowsxml.py": ("Rows", "assemble"),  # the spliced SpreadsheetML
    "app/kept.py": ("KeptModels", "peak_mb"),  # the memory governor
    "cli/coercion.py": ("install",),  # the command line's values converted without pydantic
    "cli/tree.py": ("command_word", "_annotations_evaluated"),  # the tree of the one command a line names
    "model/compact.py": ("compact",),  # kept models made smaller, through pydantic's public model_construct
    "quick.py": ("read_line", "_answered"),  # validate answered from the cache before the command line is built
    "load/cachelines.py": ("read_entries", "write_entries"),  # validate's per-file entries a line each, written back as read
    "quickhelp.py": ("line_language", "short_help"),  # `giaoviec --help` laid out before Typer is imported
    "load/ahead.py": ("list_ahead", "git_list"),  # git's list of the files started while the rest is imported
}
# Each device measured and removed: the module that held it, and the names that made it, defined nowhere.
REMOVED = {
    "render/jsontext.py": ("_writer", "_scalars", "_flat"),  # the hand-written JSON writer
    "cli/click_words.py": ("help_option", "usage_name", "_translate"),  # the patch of Typer's `_` and Click's methods
}


def test_no_code_writes_pydantics_private_fields():
    found = []
    for path in modules():
        text = path.read_text(encoding="utf-8")
        for pattern in ("__pydantic_fields_set__", "__pydantic_private__", "__pydantic_extra__", "object.__setattr__",
                        "__setstate__"):
            if pattern in text:
                found.append(f"{path.relative_to(SRC)}: {pattern}")
    assert found == []


def _library_names(module: ast.Module) -> set[str]:
    """The names a module binds to a module or an object of Typer or Click (import typer, from typer._click
    import core, from typer._click.formatting import HelpFormatter), at any depth."""
    names = set()
    for node in ast.walk(module):
        if isinstance(node, ast.Import):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names if a.name.split(".")[0] in LIBRARIES}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in LIBRARIES:
            names |= {a.asname or a.name for a in node.names}
    return names


def _root(node: ast.expr) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def patches(module: ast.Module) -> list[str]:
    """Assignments (=, +=, :=, del, setattr) to an attribute of a Typer or Click module or class."""
    names = _library_names(module)
    found = []
    for node in ast.walk(module):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr")
              and node.args and _root(node.args[0]) in names):
            found.append(f"line {node.lineno}: {node.func.id}({ast.unparse(node.args[0])}, …)")
        for target in targets:
            for t in (target.elts if isinstance(target, ast.Tuple) else [target]):
                if isinstance(t, (ast.Attribute, ast.Subscript)) and _root(t) in names:
                    found.append(f"line {node.lineno}: {ast.unparse(t)}")
    return found


def test_no_library_is_patched():
    found = [f"{path.relative_to(SRC)} {p}" for path in modules() for p in patches(tree(path))]
    assert found == []


@pytest.mark.parametrize("code", [
    "import typer.core\ntyper.core._ = str",
    "import typer\nsetattr(typer.core, '_', str)",
    "from typer._click import formatting\nformatting.HelpFormatter.write_usage = None",
    "def f():\n    from typer._click.formatting import HelpFormatter as H\n    H.write_usage = None",
    "import click\nclick.core.Command.get_help_option = None",
])
def test_the_patch_rule_finds_a_patch(code):
    assert patches(ast.parse(code))


def test_the_patch_rule_lets_our_own_objects_be():
    code = ("import typer\nfrom typer._click.core import Context\nclass C(Context):\n    x = 1\n"
            "def f(command):\n    command.context_class = C\n    command.help = 'x'\n")
    assert patches(ast.parse(code)) == []


def _defined(name: str) -> list[str]:
    """The modules that define `name` (a class or a function, at any depth)."""
    return [str(path.relative_to(SRC)) for path in modules() for node in ast.walk(tree(path))
            if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and node.name == name]


def _verdict(module: str) -> str:
    """The last cell of the module's row in docs/performance.md's table of devices."""
    text = PERFORMANCE.read_text(encoding="utf-8")
    table = text[text.index("## Devices"):]
    rows = [line for line in table.splitlines() if line.startswith("|") and f"| `{module}` |" in line]
    assert len(rows) == 1, f"{module}: one row in the table of devices"
    return rows[0].rstrip().rstrip("|").rsplit("|", 1)[1].strip()


@pytest.mark.parametrize("module", sorted(KEPT))
def test_a_kept_device_lives_in_one_module_that_names_its_figure(module):
    doc = ast.get_docstring(tree(SRC / module)) or ""
    buys = re.search(r"^Buys: (.+)$", doc, re.MULTILINE | re.DOTALL)
    assert buys and re.search(r"\d", buys.group(1)), f"{module}: its docstring says what figure it buys ('Buys: …')"
    for name in KEPT[module]:
        assert _defined(name) == [module]
    assert _verdict(module).startswith("kept")


@pytest.mark.parametrize("module", sorted(REMOVED))
def test_a_removed_device_is_gone_and_in_the_table(module):
    for name in REMOVED[module]:
        assert _defined(name) == [], name
    assert _verdict(module).startswith("removed")
