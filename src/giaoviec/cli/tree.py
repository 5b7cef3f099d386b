"""The command tree a run builds: Typer builds a command's parameters from its function's signature
(`inspect.signature` and `get_type_hints`, every annotation evaluated from its text, `from __future__
import annotations`), each function read twice; for all fifteen commands that is more than the rest
of a run answered from validate's cache. So a line that names one command (`giaoviec -C x validate
a.yaml`) is given a tree holding that command alone, under the same main options (the same objects,
the same words: tests/test_startup.py compares the help and the errors of every command with the
whole tree's); any other line (`--help`, a mistyped command, an option read here otherwise than Click
would) gets the whole tree, as Click needs it to answer. And the annotations of the functions built
are evaluated once, in place, before Typer reads them (four evaluations of each become one).

Buys: in process, CPU time of the tree alone (a loaded machine, best of 10), `validate`'s tree 33 → 2 ms,
the whole tree (`--help`) 38 → 13 ms; with rich imported only when a console is made,
`benchmarks/ab.py --old 44879b6 --files 1 --pairs 20`: `--help` CPU 0.24 → 0.18 s (0.76), `validate`
answered from the cache 0.30 → 0.27 s (0.91) (docs/performance.md, Start-up and Devices). A line that
runs no command (`giaoviec --help`) gets each command's name and help alone: in process, the tree
14–24 → 2–3 ms; `ab.py --old 4ad044f --files 1 --pairs 20`: `--help` 0.21 → 0.18 s (0.88).
"""

from __future__ import annotations

import copy
import typing
from typing import Any

import typer

_GROUP_OPTIONS = frozenset({"-C", "--root", "--lang"})  # the main options that take a value
_GROUP_FLAGS = frozenset({"--debug", "--version", "-h", "--help"})


def command_word(args: list[str]) -> str | None:
    """The command the line names (`validate` in `-C x --lang en validate a.yaml`), read as Click will:
    None when it names none or when a word before it is not one of the main options as this reads them."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _GROUP_OPTIONS:
            i += 2
        elif arg in _GROUP_FLAGS or arg.startswith(("--root=", "--lang=")):
            i += 1
        else:
            return None if arg.startswith("-") else arg
    return None


def command(app: typer.Typer, args: list[str]) -> Any:
    """The Click command of this run: `app` with the one command the line names, else all of it."""
    word = command_word(args)
    commands = [c for c in app.registered_commands if (c.name or typer.main.get_command_name(c.callback.__name__ if c.callback else "")) == word]
    groups = [g for g in app.registered_groups if g.name == word]
    built = app
    if word is not None and len(commands) + len(groups) == 1:
        built = copy.copy(app)  # a Typer of our own naming only that command
        built.registered_commands, built.registered_groups = commands, groups
    elif runs_no_command(args):
        built = _names_only(app)  # (`giaoviec --help`: each command's name and help, none of its parameters)
    _annotations_evaluated(built)
    return typer.main.get_command(built)


def runs_no_command(args: list[str]) -> bool:
    """Whether Click, reading this line, runs no command (`--help`, `--version`, `-C x`, nothing): every
    word is one of the main options as `command_word` reads them, with its value."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _GROUP_OPTIONS and i + 1 < len(args):
            i += 2
        elif arg in _GROUP_FLAGS or arg.startswith(("--root=", "--lang=")):
            i += 1
        else:
            return False
    return True


def _names_only(app: typer.Typer) -> typer.Typer:
    """`app` with the same main options, each command (and group's command) under its own name and help
    but with no parameter: what the main help lists of a command is its name and help alone."""
    built = copy.copy(app)
    built.registered_commands = [_without_parameters(c) for c in app.registered_commands]
    built.registered_groups = []
    for group in app.registered_groups:
        kept = copy.copy(group)
        if group.typer_instance is not None:
            kept.typer_instance = _names_only(group.typer_instance)
            if group.typer_instance.registered_callback is not None:
                kept.typer_instance.registered_callback = _without_parameters(group.typer_instance.registered_callback)
        built.registered_groups.append(kept)
    return built


def _without_parameters(info: Any) -> Any:
    made = copy.copy(info)
    if info.callback is not None:
        def nothing():  # (no annotation for Typer to read)
            return None

        nothing.__name__, nothing.__doc__ = info.callback.__name__, info.callback.__doc__
        made.callback = nothing
    return made


def _annotations_evaluated(app: typer.Typer) -> None:
    """Our command functions' annotations evaluated once, in place (they are text: evaluating every
    command's at import would cost the commands a run does not build; Typer evaluates each four times)."""
    functions = [c.callback for c in app.registered_commands]
    if app.registered_callback is not None:
        functions.append(app.registered_callback.callback)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            _annotations_evaluated(group.typer_instance)
    for function in functions:
        if function is not None and any(isinstance(a, str) for a in function.__annotations__.values()):
            function.__annotations__ = typing.get_type_hints(function, include_extras=True)
