"""The one problem type, a Diagnostic; the one fatal exception, `Fatal`; the exit codes.

A problem in the user's data is a Diagnostic, a value that every stage returns beside its result.
Checks create diagnostics with a *where* (document index, location path as pydantic spells it,
and whether the key, the value or the enclosing mapping is meant); `load.documents.locate` later
turns that into a 1-based line and column. Message and hint are English msgids with `{name}`
placeholders; `localize` renders them in the chosen language. Every code is registered, with its
severity and examples, in `giaoviec.codes`.

`Fatal` is raised only when a command cannot go on at all (no repository, an unknown --unit, a
file that cannot be written); it carries its exit code, a Phrase and the diagnostics that explain it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from giaoviec.characters import one_line
from giaoviec.i18n import N_, Gettext, Phrase, fill, show

__all__ = [
    "N_", "Anchor", "Diagnostic", "ExitCode", "Fatal", "Loc", "Phrase", "Severity", "Where",
    "count", "exit_code", "finding", "repository_error", "usage_error", "warning",
]

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
    excerpt: str | None = field(default=None, compare=False, repr=False)  # the source line, set when located

    def __str__(self) -> str:
        place = f"{one_line(self.path)}:{self.line}:{self.column}: " if self.path else ""
        return f"{place}{self.severity.value} [{self.code}] {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def arg(self, name: str, default: object = None) -> object:
        return next((v for k, v in self.args if k == name), default)

    def localize(self, gettext: Gettext) -> Diagnostic:
        values = {k: _one_line(show(v, gettext)) for k, v in self.args}
        message = fill(gettext(self.message), values)
        hint = fill(gettext(self.hint), values) if self.hint else None
        return replace(self, message=message, hint=hint, args=())


def _one_line(value: object) -> object:
    """A message is one line, whatever a file name or a value in it holds (a number stays a number)."""
    return one_line(value) if isinstance(value, str) else value


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
    return Diagnostic(path, line, column, code, severity, message, hint, tuple(sorted(args.items())), where)


def warning(path: str, where: Where | None, code: str, message: str, **kw: Any) -> Diagnostic:
    return finding(path, where, code, message, severity=Severity.WARNING, **kw)


def count(diagnostics: Sequence[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diagnostics if d.is_error)
    return errors, len(diagnostics) - errors


def exit_code(diagnostics: Sequence[Diagnostic], strict: bool = False) -> ExitCode:
    errors, warnings = count(diagnostics)
    if errors or (strict and warnings):
        return ExitCode.DATA_ERRORS
    return ExitCode.OK


class Fatal(Exception):
    """A command cannot go on; the CLI shows the phrase (and diagnostics) and exits with the code."""

    def __init__(self, code: ExitCode, message: str, *, diagnostics: Sequence[Diagnostic] = (),
                 hint: str | None = None, **args: object):
        super().__init__(message)
        self.code = code
        self.phrase = Phrase(message, tuple(args.items()))
        self.hint = Phrase(hint, tuple(args.items())) if hint else None
        self.diagnostics = tuple(diagnostics)


def repository_error(message: str, diagnostics: Sequence[Diagnostic] = (), **args: Any) -> Fatal:
    return Fatal(ExitCode.REPOSITORY, message, diagnostics=diagnostics, **args)


def usage_error(message: str, **args: Any) -> Fatal:
    return Fatal(ExitCode.USAGE, message, **args)

