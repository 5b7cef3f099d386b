"""How many files were checked and how many errors and warnings they hold: the figures of
validate's summary (its JSON, the GitHub job summary, the closing note), counted once here so
that render/diagnostics.py only writes them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from giaoviec.diagnostics import Diagnostic
from giaoviec.i18n import N_, Phrase, counted, phrase


@dataclass(frozen=True)
class Tally:
    files: int
    errors: int
    warnings: int

    @classmethod
    def of(cls, diagnostics: Iterable[Diagnostic], files: int) -> Tally:
        severities = [d.is_error for d in diagnostics]
        errors = sum(severities)
        return cls(files, errors, len(severities) - errors)

    def summary(self) -> Phrase:
        """validate's closing line: "Checked 21 files: 1 error, 4 warnings." """
        return phrase(N_("Checked {files}: {errors}, {warnings}."),
                      files=counted(self.files, N_("{n} file"), N_("{n} files")),
                      errors=counted(self.errors, N_("{n} error"), N_("{n} errors")),
                      warnings=counted(self.warnings, N_("{n} warning"), N_("{n} warnings")))
