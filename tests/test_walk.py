"""`giaoviec score 2022`, walked as it runs (issue 29: "a walk from the CLI to the output touches each
layer once, in order"). test_layers.py checks the imports; this test watches the calls: every call
into the package's code during one run of the command is recorded with its layer, and the run must
go cli → app → load → model → checks/compute → render → cli, reading each file once and rendering
only after every figure is made: once render starts, nothing is read or checked, and no function of
domain/ or compute/ is called — render only reads the values it was given (their properties and
methods) (docs/architecture.md, "A walk through `giaoviec score 2022`")."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

import giaoviec
from conftest import EXAMPLES

PACKAGE = str(Path(giaoviec.__file__).parent)


# compute's phrase makers: they word what a result leaves out the same way in every output, and
# decide no figure (the figures they word are the result's own)
WORDING = {"incomplete.py", "phrases.py"}


def layer(frame: FrameType) -> str | None:
    filename = frame.f_code.co_filename
    if not filename.startswith(PACKAGE):
        return None
    parts = Path(filename).relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def walk(cli: Any) -> tuple[list[tuple[str, bool, str]], list[tuple[str, str]], Any]:
    """The layers entered during the run, in order (each entry from another layer: the layer, whether
    the function is a value's method, its name), the files load's reader read, and the run's outcome."""
    entries: list[tuple[str, bool, str]] = []
    reads: list[tuple[str, str]] = []

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        if event != "call" or frame.f_code.co_name == "<module>":
            return
        here = layer(frame)
        if here is None:
            return
        caller = frame.f_back
        while caller is not None and layer(caller) is None:  # through the libraries (typer, pydantic…)
            caller = caller.f_back
        if caller is None or layer(caller) != here:
            code = frame.f_code
            method = code.co_argcount > 0 and code.co_varnames[0] in ("self", "cls")
            entries.append((here, method or Path(code.co_filename).name in WORDING, code.co_name))
        if here == "load" and frame.f_code.co_name == "read_file":
            reads.append((frame.f_locals.get("rel", ""), frame.f_code.co_filename))

    command = ("-C", str(EXAMPLES / "vinh-phuc"), "score", "2022", "--format", "json")
    cli(*command)  # once before the walk: the modules it imports are imported, so imports are not counted as calls
    sys.setprofile(profile)
    try:
        outcome = cli(*command)
    finally:
        sys.setprofile(None)
    return entries, reads, outcome


def test_score_walks_each_layer_in_order_and_renders_last(cli):
    entries, _reads, outcome = walk(cli)
    assert outcome.code == 0 and outcome.json()["year"] == 2022

    first: dict[str, int] = {}
    for i, (name, _method, _function) in enumerate(entries):
        first.setdefault(name, i)
    # the command line first, then the pipeline, then the reader, the model, the checks and figures
    assert entries[0][0] == "cli"
    assert first["cli"] < first["app"] < first["model"] < min(first["checks"], first["compute"], first["domain"])
    assert first["app"] < min(i for i, (name, _m, function) in enumerate(entries) if name == "load" and function == "discover")
    # render is entered once every figure is made: after it starts, nothing is read or checked, and
    # no function of domain/ or compute/ runs (a value's property or method may be read, and compute's
    # phrase makers may word what the result leaves out)
    after = entries[first["render"]:]
    assert not [e for e in after if e[0] in ("load", "checks")], after
    assert not [e for e in after if e[0] in ("domain", "compute") and not e[1]], after
    # and the run ends in render and the command line's own helpers (the note on what was scored, the exit code,
    # whether stderr is a terminal)
    functions = [name for name, method, _function in entries if not method]
    assert set(functions[functions.index("render"):]) <= {"cli", "render", "i18n", "characters", "words", "formats", "terminal"}


def test_score_reads_each_file_once(cli):
    _entries, reads, _outcome = walk(cli)
    files = Counter(rel for rel, _ in reads)
    assert files, "the walk saw no file read"
    assert max(files.values()) == 1, [f for f, n in files.items() if n > 1]
    on_disk = {p.relative_to(EXAMPLES / "vinh-phuc").as_posix() for p in (EXAMPLES / "vinh-phuc" / "assignments").rglob("*.yaml")}
    assert on_disk <= set(files)
