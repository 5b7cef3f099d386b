"""Speed behind one door: which YAML reader runs (the fast path or the precise one) is chosen in one
place, `load/reader.py`, and every other module passes a `Reader` along without knowing there are
two; validate's cache is reached by the pipeline of `app/` alone; the run engine takes a `Source`
instead of a flag per device (docs/architecture.md)."""

from __future__ import annotations

import ast
import inspect

from conftest import PROJECT

PACKAGE = PROJECT / "src" / "giaoviec"


def sources() -> dict[str, ast.Module]:
    return {p.relative_to(PACKAGE).as_posix(): ast.parse(p.read_text(encoding="utf-8")) for p in PACKAGE.rglob("*.py")}


def test_the_name_fast_reader_lives_in_at_most_two_modules():
    holding = {path for path, tree in sources().items() if "fast_reader" in ast.unparse(tree)}
    assert len(holding) <= 2, sorted(holding)


def test_the_environment_chooses_the_reader_in_one_place():
    reading = {path for path, tree in sources().items() for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and node.value == "GIAOVIEC_READER"}
    assert reading == {"load/reader.py"}


def test_the_fast_path_is_taken_in_one_place():
    """`yamlfast.documents` (the fast path) is called by the Reader alone; `load/settings.py` reads one
    value (the language) at start-up without any model, and answers None — the model decides — where the
    fast path does not take the file: it never chooses the precise path."""
    calling = set()
    for path, tree in sources().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "documents" \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in ("yamlfast", "fast"):
                calling.add(path)
            if isinstance(node, ast.ImportFrom) and node.module == "giaoviec.load.yamlfast" and any(a.name == "documents" for a in node.names):
                calling.add(path)
    assert calling == {"load/reader.py", "load/settings.py"}


def test_every_path_reads_through_a_reader(monkeypatch):
    """The precise reader chosen once is the one every file is read with: no module reads YAML its own way."""
    from conftest import EXAMPLES
    from giaoviec.load import yamlfast
    from giaoviec.load.documents import read_file
    from giaoviec.load.reader import PRECISE, Reader

    root = EXAMPLES / "vinh-phuc"
    rel = next((root / "assignments").rglob("*.yaml")).relative_to(root).as_posix()
    assert Reader.chosen({"GIAOVIEC_READER": "precise"}) == PRECISE and Reader.chosen({}).fast

    def refused(*_args, **_kwargs):
        raise AssertionError("the fast path was taken")

    monkeypatch.setattr(yamlfast, "documents", refused)
    docs, found = read_file(root, rel, reader=PRECISE)
    assert docs and not found


def test_the_cache_is_reached_by_the_pipeline_and_serves_engine_alone():
    """The validate cache has one interface (load/cache.py: Store, and Served for serve's per-file
    entries, under the same tool key and context): the one pass of app/ and the long-lived model of
    `serve` (serve/engine.py) are the only modules that reach it."""
    reaching = set()
    for path, tree in sources().items():
        for node in ast.walk(tree):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            if isinstance(node, ast.ImportFrom) and node.module == "giaoviec.load":
                names = [f"giaoviec.load.{a.name}" for a in node.names]
            if "giaoviec.load.cache" in names:
                reaching.add(path)
    reaching.discard("load/source.py")  # (its Source names validate's Store as a type)
    assert reaching == {"app/validate.py", "app/checking.py", "serve/engine.py"}


def test_the_run_engine_takes_at_most_five_parameters():
    from giaoviec.app.checking import Checking

    parameters = [p for p in inspect.signature(Checking.__init__).parameters if p != "self"]
    assert len(parameters) <= 5, parameters
