"""One renderer protocol (render/output.py): every command with a `--format` picks its renderer from
one read-only name → renderer table, and the names a user may give are exactly the table's keys.
A format added to a table but not offered, or offered but not in the table, fails here; so does a
new command with a `--format` whose table is not named below."""

from __future__ import annotations

import enum
import importlib
import inspect
import typing
from types import MappingProxyType

import pytest
import typer

from giaoviec.cli import app

TABLES = {  # command → the module whose RENDERERS it renders with
    "validate": "giaoviec.render.diagnostics",
    "rules": "giaoviec.render.rules",
    "score": "giaoviec.render.score",
    "report": "giaoviec.render.report",
    "stats": "giaoviec.render.stats",
    "status": "giaoviec.render.status",
    "diff": "giaoviec.render.diff",
    "export": "giaoviec.sheets.export",
}
OWN_PIPELINE = {  # a format that is not a view of its command's results, named with why
    # serve's calendar (/lich.ics), made by serve/calendar.py from the site's own results: export asks it for its bytes
    "export": {"ics"},
}


def format_choices() -> dict[str, list[str]]:
    """Each command (by its name; "new assignment" for a sub-command) → the choices of its --format: the
    members of the Enum its --format option is declared with."""
    found: dict[str, list[str]] = {}

    def visit(typer_app: typer.Typer, prefix: str) -> None:
        for command in typer_app.registered_commands:
            name = (prefix + " " + (command.name or command.callback.__name__)).strip()
            for hint in typing.get_type_hints(command.callback, include_extras=True).values():
                if typing.get_origin(hint) is not typing.Annotated:
                    continue
                kind, *extras = typing.get_args(hint)
                # typer.Option("--format", "-f"): typer keeps the first name as `default`, the others as `param_decls`
                decls = [d for info in extras for d in (getattr(info, "default", None), *(getattr(info, "param_decls", None) or ()))]
                if "--format" in decls:
                    kind = next((a for a in typing.get_args(kind) if isinstance(a, type)), kind)  # Format | None
                    assert issubclass(kind, enum.Enum), name
                    found[name] = [m.value for m in kind]
        for group in typer_app.registered_groups:
            assert group.typer_instance is not None
            visit(group.typer_instance, f"{prefix} {group.name}")

    visit(app, "")
    return found


def test_every_command_with_a_format_has_a_table():
    assert sorted(format_choices()) == sorted(TABLES)


@pytest.mark.parametrize("command", sorted(TABLES))
def test_the_formats_offered_are_the_tables_keys(command):
    table = importlib.import_module(TABLES[command]).RENDERERS
    assert sorted(set(format_choices()[command]) - OWN_PIPELINE.get(command, set())) == sorted(table)


@pytest.mark.parametrize("command", sorted(TABLES))
def test_a_table_is_read_only_and_each_renderer_takes_a_result_and_an_output(command):
    table = importlib.import_module(TABLES[command]).RENDERERS
    assert isinstance(table, MappingProxyType)
    for name, renderer in table.items():
        params = list(inspect.signature(renderer).parameters.values())
        assert len(params) == 2, (name, params)
