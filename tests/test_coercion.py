"""The command line's values, converted without pydantic (cli/coercion.py), are what Typer's own
conversion gives: the same value, or the same error, for every parameter of every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from giaoviec.cli import coercion


def parameters():
    import typer.main

    from giaoviec.cli import app

    command = typer.main.get_command(app)
    assert coercion.install(command)  # as main() does
    found, todo = [], [("giaoviec", command)]
    while todo:
        name, command = todo.pop()
        found += [(f"{name}:{p.name}", p) for p in command.params]
        todo += [(f"{name} {n}", c) for n, c in getattr(command, "commands", {}).items()]
    return sorted(found, key=lambda f: f[0])


PARAMS = parameters()


def samples(param, tmp_path: Path) -> list[object]:
    annotation = param.type_descriptor.annotation
    if annotation is bool:
        return [True, False]
    texts = ["", "abc", "=1+1", "vi", "EN", "md", "html", "json", "xlsx", "csv", "table", "Tiếng Việt", " padded ", "1", "-3", "2.5",
             str(tmp_path), str(tmp_path / "missing.xlsx"), str(tmp_path / "file.xlsx")]
    if param.nargs == -1:
        return [tuple(texts[:3]), tuple(texts[10:])]
    return texts


def outcome(runtime, value, param):
    from typer._click.exceptions import BadParameter

    try:
        result = runtime.coerce(value, param=param, ctx=None)
    except BadParameter as exc:
        return ("error", exc.format_message())
    return ("value", type(result).__name__, result)


@pytest.mark.parametrize("name,param", PARAMS, ids=[n for n, _ in PARAMS])
def test_every_parameter_converts_as_typer_would(name, param, tmp_path):
    from typer._coercion import build_runtime_param

    (tmp_path / "file.xlsx").write_bytes(b"x")
    ours, typers = param.get_runtime_param(), build_runtime_param(param.type_descriptor)
    for value in samples(param, tmp_path):
        assert outcome(ours, value, param) == outcome(typers, value, param), value


def test_the_kinds_our_commands_take_need_no_pydantic():
    """Every parameter but numbers goes around pydantic (numbers: only `score`/`review` options that
    load the models anyway)."""
    from typer._coercion import AdapterRuntimeParam

    through_pydantic = sorted(name for name, p in PARAMS if isinstance(p.get_runtime_param(), AdapterRuntimeParam))
    kinds = {p.type_descriptor.annotation for name, p in PARAMS if name in through_pydantic}
    assert kinds <= {int, float}, through_pydantic


def test_installing_twice_changes_nothing():
    import typer.main

    from giaoviec.cli import app

    command = typer.main.get_command(app)
    assert coercion.install(command)
    before = [p.get_runtime_param() for sub in command.commands.values() for p in sub.params if p.type_descriptor.annotation is str]
    assert before and coercion.install(command)
    assert [p.get_runtime_param() for sub in command.commands.values() for p in sub.params if p.type_descriptor.annotation is str] == before


def test_typer_itself_is_left_as_it_is():
    """Only our command objects are given the conversion: a command tree built anew converts as Typer does."""
    import typer.main
    from typer._coercion import AdapterRuntimeParam

    from giaoviec.cli import app, main  # noqa: F401 - the command line as a run imports it

    fresh = typer.main.get_command(app)
    assert all(isinstance(p.get_runtime_param(), AdapterRuntimeParam) for p in fresh.commands["validate"].params
               if p.type_descriptor.annotation is str)
