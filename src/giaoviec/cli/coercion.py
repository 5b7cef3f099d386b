"""Command-line values converted without pydantic.

Typer (0.29 and later) converts every parameter's text through a pydantic TypeAdapter: importing
pydantic and building the adapters is about 80 ms of every run, more than half of the 150 ms a
command may take to start (`benchmarks/province.py --startup-only`), and an answer from validate's
cache needs pydantic for nothing else. The kinds giaoviec's commands take — text, a list of texts, a
path, one of a set of choices, a flag given as a flag — are converted here with Typer's own
functions, to the same values and the same error messages (tests/test_coercion.py); any other kind
(numbers, a flag's text from an environment variable, files, a path with options this module does
not handle) goes to Typer as before. Where Typer's internals are not what this module knows, it
does nothing: the command line works the same, only slower.

Nothing of Typer is replaced: `install` is given the command tree the run built (our own objects)
and fills each known parameter's conversion, which Typer otherwise builds when it first needs it
(`get_runtime_param`); a parameter of another kind is left for Typer to build as before.

Buys: `validate FILE`, answered from the cache (what pre-commit runs), 220 → 140 ms, under the bar
of 150 ms (docs/performance.md, Start-up and Devices).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin


def install(command: Any) -> bool:
    """Give every parameter of `command` and its subcommands of a known kind its conversion without
    pydantic; False (and nothing changed) if Typer is not the one this module knows."""
    try:
        from typer._click.core import Context
        from typer._click.exceptions import BadParameter
        from typer._click.utils import format_filename
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._display import _escape_control_characters
        from typer._param_types import coerce_cli_choice, path_type_name
    except ImportError:
        return False

    @dataclass(frozen=True)
    class PlainRuntimeParam(RuntimeParam):
        """One value converted by `convert`; a ValueError is said as Typer says a validator's."""

        convert: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return self.convert(value, param, ctx)
            except ValueError as exc:
                raise BadParameter(_escape_control_characters(f"Value error, {exc}"), ctx=ctx, param=param) from exc

    def text(value: Any, param: Any, ctx: Any) -> str:
        if isinstance(value, str):
            return value
        from typer._adapters import _parse_cli_str  # no pydantic in it, but in its module (12 ms): only for bytes

        return _parse_cli_str(value)

    def converter(descriptor: Any) -> Any:
        annotation, info = descriptor.annotation, descriptor.parameter_info
        if annotation is bool:  # a flag is given as a bool; Typer's adapter only for a flag's text (an environment variable)
            return lambda value, param, ctx: value if isinstance(value, bool) else build_runtime_param(descriptor)._coerce_value(value, param, ctx)
        if annotation is str:
            return text
        if get_origin(annotation) is list and get_args(annotation) == (str,):
            return lambda value, param, ctx: [text(v, param, ctx) for v in (value if isinstance(value, (list, tuple)) else [value])]
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            choices = list(annotation)
            return lambda value, param, ctx: coerce_cli_choice(value, choices=choices, case_sensitive=info.case_sensitive, ctx=ctx)
        if annotation is Path and info.path_type is None and not info.allow_dash and not info.resolve_path:
            return lambda value, param, ctx: path(value, info, param, ctx)
        return None

    def path(value: Any, info: Any, param: Any, ctx: Any) -> Path:
        """Typer's coerce_cli_path for a Path without a dash or resolving, where Typer asks pydantic
        for the Path: the same checks on the Path, the same words about the text as typed."""
        rv = value if isinstance(value, Path) else Path(value)
        label = path_type_name(info)
        try:
            st = os.stat(rv)
        except OSError:
            if not info.exists:
                return rv
            raise BadParameter(f"{label} {format_filename(value)!r} does not exist.", ctx=ctx, param=param) from None
        loc = repr(format_filename(value))
        if not info.file_okay and stat.S_ISREG(st.st_mode):
            raise BadParameter(f"{label} {loc} is a file.", ctx=ctx, param=param)
        if not info.dir_okay and stat.S_ISDIR(st.st_mode):
            raise BadParameter(f"{label} {loc} is a directory.", ctx=ctx, param=param)
        if info.readable and not os.access(rv, os.R_OK):
            raise BadParameter(f"{label} {loc} is not readable.", ctx=ctx, param=param)
        if info.writable and not os.access(rv, os.W_OK):
            raise BadParameter(f"{label} {loc} is not writable.", ctx=ctx, param=param)
        return rv

    def plain_runtime_param(descriptor: Any) -> Any:
        """The conversion of a known kind, or None: Typer's own, built by Typer when it needs it."""
        info = descriptor.parameter_info
        convert = None if descriptor.file_annotation is not None or info.parser is not None else converter(descriptor)
        if convert is None:
            return None
        return PlainRuntimeParam(parameter_info=info, annotation=descriptor.annotation, convert=convert)

    todo: list[tuple[Any, Any]] = [(command, None)]
    seen = set()
    while todo:
        cmd, parent = todo.pop()
        if id(cmd) in seen:
            continue
        seen.add(id(cmd))
        ctx = Context(cmd, parent=parent, **cmd.context_settings)  # as a run makes it: it names the help option
        help_option = cmd.get_help_option(ctx)  # made now (Click keeps it), so that it is converted here too
        for param in [*cmd.params, *([help_option] if help_option is not None else [])]:
            if getattr(param, "_runtime_param", False) is None and hasattr(param, "type_descriptor"):  # not built yet
                param._runtime_param = plain_runtime_param(param.type_descriptor)
        todo += [(sub, ctx) for sub in getattr(cmd, "commands", {}).values()]
    return True
