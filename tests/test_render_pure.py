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


# A renderer counts nothing by a condition. Which changes a reviewer should look at twice (⚠) and how
# many there are, how many diagnostics are errors and how many warnings: each is a decision about the
# data, made in compute/ (compute/review.py's `flagged`, `Review.flagged_count`, `Block.flagged_count`;
# compute/tally.py's `Tally`), and the renderer writes the figure it is given. The rule tested: no module
# of render/ calls `sum(...)` or `len(...)` over a comprehension that filters (`... for x in xs if ...`).
# Counting what is laid out (lines, characters, the pieces that fit a comment) needs no filter and stays.
# Before the move this failed: render/diff.py counted `sum(1 for c in r.diff.changes if describe(c, _)[1])`
# (and per unit in `_flagged`), render/diagnostics.py `sum(1 for d in diagnostics if d.is_error)` twice.

COUNTING = ("sum", "len")


def counts_by_a_condition(source: str) -> list[tuple[int, str]]:
    """(line, call) of every `sum(...)`/`len(...)` whose argument is a comprehension with an `if` clause."""
    comprehensions = (ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)
    return [(node.lineno, ast.unparse(node)) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in COUNTING
            and any(isinstance(a, comprehensions) and any(g.ifs for g in a.generators) for a in node.args)]


def test_the_rule_sees_a_count_by_a_condition():
    """The detector: the counts the old renderers made are found; a count of what is laid out is not."""
    old = (
        "def f(r, ds, lines, left):\n"
        "    flagged = sum(1 for c in r.diff.changes if describe(c, _)[1])\n"
        "    errors = len([d for d in ds if d.is_error])\n"
        "    size = len('\\n'.join(lines)) + sum(len(p.blocks) for p in left)\n"
    )
    assert [line for line, _call in counts_by_a_condition(old)] == [2, 3]


def test_render_counts_nothing_by_a_condition():
    found = {path.relative_to(RENDER).as_posix(): calls
             for path in sorted(RENDER.rglob("*.py")) if (calls := counts_by_a_condition(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_cli_counts_nothing_by_a_condition():
    """The command line only passes figures on too: the import's "Wrote {n} files." is the number
    app.sheets.write_planned wrote (it counted the planned files that were not unchanged before)."""
    cli = RENDER.parent / "cli"
    found = {path.relative_to(cli).as_posix(): calls
             for path in sorted(cli.rglob("*.py")) if (calls := counts_by_a_condition(path.read_text(encoding="utf-8")))}
    assert found == {}
