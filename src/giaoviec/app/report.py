"""`report` and `export` as functions: one pass over the repository that keeps the unit's
Assignment documents (their words are what a report shows), then one YearResult.

The documents are kept in memory as many as fit, the others read again when the output reaches
them: app/kept.py (`KeptModels`, the memory governor)."""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from giaoviec.app.checking import Checking
from giaoviec.app.kept import KeptModels
from giaoviec.compute.report import Models
from giaoviec.compute.year import YearResult, in_scope, scope_of, score_assignments, settle
from giaoviec.diagnostics import N_, usage_error
from giaoviec.load.reader import FAST, Reader
from giaoviec.load.source import Source
from giaoviec.model.values import Document, Repository


def check_out(root: Path, out: Path | None, force: bool, file_format: str | None) -> None:
    """What the report's output file forbids, refused before anything is computed: a Word or PDF report
    (`file_format`, its extension) without --out; an --out giaoviec may not write (write/paths.py)."""
    if file_format is not None and out is None:
        raise usage_error(N_("A Word or PDF report is a file: give --out, for example --out bao-cao.{ext}."), ext=file_format)
    if out is not None:
        from giaoviec.write.paths import output_path

        output_path(out, root, force, editable="report")


def check_dates(made: dt.date, as_of: dt.date | None) -> dt.date | None:
    """The as-of day of a report dated `made`: never later than its date (a usage error otherwise)."""
    if as_of is not None and as_of > made:
        raise usage_error(N_("The report is dated {date}: it cannot report the tasks as of a later day ({as_of})."),
                          date=made, as_of=as_of)
    return as_of


def check_export_out(root: Path, out: Path | None, force: bool, workbook: bool) -> None:
    """What the export's output file forbids, refused before anything is computed: a workbook without
    --out; an --out giaoviec may not write (write/paths.py)."""
    if workbook and out is None:
        raise usage_error(N_("A workbook needs --out FILE.xlsx."))
    if out is not None:
        from giaoviec.write.paths import output_path

        output_path(out, root, force, editable="export")


@contextmanager
def workbook_written(out: Path) -> Iterator[None]:
    """A workbook written to `out`: a failure to write it (a full disk, which shows first in the temporary
    files openpyxl writes its parts to on the way) as the Fatal every other write gives (write/atomic.py)."""
    from giaoviec.write.atomic import cannot_write

    try:
        yield
    except _write_errors() as exc:
        raise cannot_write(out, exc if isinstance(exc, OSError) else _os_error(exc)) from None


def _write_errors() -> tuple[type[Exception], ...]:
    """With lxml installed, openpyxl writes its temporary files through lxml, which reports a full disk its own way."""
    try:
        from lxml.etree import SerialisationError
    except ImportError:  # pragma: no cover
        return (OSError,)
    return (OSError, SerialisationError)


def _os_error(exc: Exception) -> OSError:
    """lxml's "IO_EFBIG", "IO_ENOSPC"… as the OSError it stands for."""
    name = str(exc).removeprefix("IO_")
    number = getattr(errno, name, None)
    return OSError(number, os.strerror(number)) if isinstance(number, int) else OSError(str(exc))


@dataclass(frozen=True)
class WithModels:
    """A year's results and the Assignment documents they were computed from."""

    result: YearResult
    models: Models


def default_year(repo: Repository, scope: set[str] | None, today: dt.date) -> int:
    """The latest year (not after this one) with an assignment under the unit."""
    years = [min(a.period.end.year, today.year) for a in repo.assignments
             if (scope is None or a.unit in scope) and a.period.start.year <= today.year]
    return max(years, default=today.year)


def results_with_models(root: Path, year: int | None, unit: str | None, as_of: dt.date | None = None,
                        today: dt.date | None = None, closed_year: bool = False, reader: Reader = FAST,
                        summary: bool = False, public: bool = False, dated: dt.date | None = None, explain: bool = False,
                        every_task: bool = False) -> WithModels:
    """The results of YEAR (by default the latest year of the unit) with the documents in scope.
    `closed_year`: the as-of date is min(31-12-YEAR, the report's date), as a report takes it (`dated`,
    today by default: a report dated 02/07 is about the tasks as of 02/07). `summary`: keep, for every
    document, what a report's summary reads of it (`Facts`, the wording of its late tasks).
    `public`: computed from the repository without its confidential items (model/public.py).
    `explain`: each task's and tier's steps kept, as `score --explain` shows them (serve's cadre page).
    `every_task` (export): the output lists every task of its files, and counts the confidential ones it leaves out so."""
    today = today or dt.date.today()
    dated = dated or today
    reader = reader.remembering()  # the texts the fast path takes: a document read again skips its risk scan
    checking = Checking(root, today, Source(reader, public=public), wording=False)  # no output here shows a warning
    scope = scope_of(checking.registry, unit)
    models = KeptModels(root, reader, checking.files_to_stream, summary, public)

    def in_scope_kept() -> Iterator[Document]:
        for doc in checking:
            if in_scope(doc.model, scope):
                models.add(doc, checking.digest_of(doc.path))
                yield doc

    if year is not None:  # each document scored as it streams by
        if closed_year and as_of is None:
            as_of = min(dt.date(year, 12, 31), dated)
        scored = score_assignments(checking.registry, in_scope_kept(), year, as_of, unit, today, explain, judged_hook=models.judged)
        checked = checking.finish()
    else:  # the latest year is known once every document is read: they are scored after
        for _doc in in_scope_kept():
            pass
        checked = checking.finish()
        year = default_year(checked.repo, scope, today)
        if closed_year and as_of is None:
            as_of = min(dt.date(year, 12, 31), dated)
        scored = score_assignments(checking.registry, (Document(p, i, models[(p, i)]) for p, i in models), year, as_of, unit, today,
                                   explain, judged_hook=models.judged)
    return WithModels(settle(scored, checked.repo, checked.diagnostics, checked.withheld, every_task), models)
