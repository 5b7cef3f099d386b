"""render/ only lays out what compute/ gives it: it never runs the domain's or the checks' code.

The rule tested: no module under render/ *calls* a name it imports from `giaoviec.domain` or
`giaoviec.checks` (a function, or a method reached through an imported class, as `Counts.of(...)`).
Importing them as types for annotations (`AssignmentResult`) or as constant vocabularies
(`STATUSES`, `BUCKET_ORDER`) is allowed: those decide nothing. `domain.unitnames` is the one
exception: it says how a unit's name reads inside a sentence, which is wording, not a figure.

Before the report's figures moved to compute/report.py this failed: render/report.py called
`Counts.of`, `descendants`, `vocabulary` and `unclear_what`, and render/reportrows.py `Counts.of`,
so the renderer counted statuses, walked the unit tree and ran the clarity analyser itself.
"""

from __future__ import annotations

import ast

from conftest import PROJECT

RENDER = PROJECT / "src" / "giaoviec" / "render"
DECIDING = ("giaoviec.domain", "giaoviec.checks")  # where statuses, points, tiers, units and verdicts are decided
WORDING = ("giaoviec.domain.unitnames",)


def _deciding_names(tree: ast.Module) -> set[str]:
    """The local names bound by imports from the deciding packages (at any depth of the module)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(DECIDING) and node.module not in WORDING:
            names |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names if a.name.startswith(DECIDING) and a.name not in WORDING}
    return names


def _root(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def calls_into_domain(source: str) -> list[tuple[int, str]]:
    """(line, name) of every call in `source` whose callee is, or is reached through, a name imported from
    the domain or the checks."""
    tree = ast.parse(source)
    deciding = _deciding_names(tree)
    return [(node.lineno, ast.unparse(node.func)) for node in ast.walk(tree)
            if isinstance(node, ast.Call) and _root(node.func) in deciding]


def test_the_rule_sees_a_call_into_the_domain():
    """The detector itself: the calls the old render/report.py made are found, a type annotation is not."""
    old = (
        "from giaoviec.domain.scoring import AssignmentResult, Counts\n"
        "from giaoviec.domain import org\n"
        "from giaoviec.domain.unitnames import in_sentence\n"
        "def f(s: AssignmentResult, ts):\n"
        "    in_sentence('x')\n"
        "    org.descendants(None, 'u')\n"
        "    return Counts.of(t.status for t in ts).buckets\n"
    )
    assert sorted(name for _line, name in calls_into_domain(old)) == ["Counts.of", "org.descendants"]


def test_render_calls_nothing_that_decides_a_figure():
    found = {path.relative_to(RENDER).as_posix(): calls
             for path in sorted(RENDER.rglob("*.py")) if (calls := calls_into_domain(path.read_text(encoding="utf-8")))}
    assert found == {}
