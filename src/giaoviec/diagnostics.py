"""The one problem type: a Diagnostic, its severity, and the exit codes of every command.

Checks create diagnostics with a *where* (document index, location path as pydantic spells it,
and whether the key, the value or the enclosing mapping is meant); `yamlio.locate` later turns
that into a 1-based line and column. Message and hint are English msgids with `{name}`
placeholders; `localize` renders them in the chosen language.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Callable, Literal

Loc = tuple[str | int, ...]
Anchor = Literal["value", "key", "parent"]


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class ExitCode(enum.IntEnum):
    OK = 0
    DATA_ERRORS = 1
    USAGE = 2
    REPOSITORY = 3
    INTERNAL = 4


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a YAML file not yet turned into line and column."""

    doc: int
    loc: Loc
    anchor: Anchor = "value"


@dataclass(frozen=True, order=True, slots=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str | None = None
    args: tuple[tuple[str, object], ...] = field(default=(), compare=False)
    where: Where | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value} [{self.code}] {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def localize(self, gettext: Callable[[str], str]) -> Diagnostic:
        values = {k: gettext(v) if isinstance(v, Msg) else v for k, v in self.args}
        message = _format(gettext(self.message), values)
        hint = _format(gettext(self.hint), values) if self.hint else None
        return replace(self, message=message, hint=hint, args=())


def _format(template: str, values: dict[str, object]) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def finding(
    path: str,
    where: Where | None,
    code: str,
    message: str,
    *,
    severity: Severity = Severity.ERROR,
    hint: str | None = None,
    line: int = 0,
    column: int = 0,
    **args: object,
) -> Diagnostic:
    """A diagnostic whose position is resolved later from `where` (or given directly)."""
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        code=code,
        severity=severity,
        message=message,
        hint=hint,
        args=tuple(sorted(args.items())),
        where=where,
    )


def warning(*a, **kw) -> Diagnostic:
    return finding(*a, severity=Severity.WARNING, **kw)


def count(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diagnostics if d.is_error)
    return errors, len(diagnostics) - errors


def exit_code(diagnostics: list[Diagnostic], strict: bool = False) -> ExitCode:
    errors, warnings = count(diagnostics)
    if errors or (strict and warnings):
        return ExitCode.DATA_ERRORS
    return ExitCode.OK


class Msg(str):
    """An argument of a message that is itself a message (translated when rendered)."""


def N_(message: str) -> str:
    """Marks a message for the catalog; it is translated when the diagnostic is rendered."""
    return message
