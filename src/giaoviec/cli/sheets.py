"""Commands for spreadsheets: export, import."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from giaoviec.app.report import results_with_models
from giaoviec.app.sheets import plan_evaluation, plan_import, write_planned
from giaoviec.cli.app import LangOption, app, session
from giaoviec.diagnostics import N_, ExitCode, usage_error
from giaoviec.render import export as export_render
from giaoviec.render.diagnostics import REPORTERS, ReportContext
from giaoviec.render.diff import describe
from giaoviec.render.diff import value as shown
from giaoviec.render.escape import terminal
from giaoviec.sheets import xlsx
from giaoviec.write.atomic import cannot_write

try:  # with lxml installed, openpyxl writes its temporary files through lxml, which reports a full disk its own way
    from lxml.etree import SerialisationError

    WRITE_ERRORS: tuple[type[Exception], ...] = (OSError, SerialisationError)
except ImportError:  # pragma: no cover
    WRITE_ERRORS = (OSError,)


def _os_error(exc: Exception) -> OSError:
    """lxml's "IO_EFBIG", "IO_ENOSPC"… as the OSError it stands for."""
    name = str(exc).removeprefix("IO_")
    number = getattr(errno, name, None)
    return OSError(number, os.strerror(number)) if isinstance(number, int) else OSError(str(exc))


class ExportFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


class CsvDialect(str, Enum):
    excel = "excel"
    plain = "plain"


@app.command("export")
def export_command(
    ctx: typer.Context,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="xlsx | csv | json")] = ExportFormat.xlsx,
    year: Annotated[int | None, typer.Option("--year", help="Năm; mặc định năm nay.")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Chỉ đơn vị này và các đơn vị trực thuộc.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Tệp ghi ra (bắt buộc với xlsx; csv/json in ra màn hình nếu không có).")] = None,
    scoring_sheet: Annotated[bool, typer.Option("--scoring-sheet", help="Phiếu chấm điểm cho hội đồng: mỗi cán bộ một trang, cột điểm để trống.")] = False,
    csv_dialect: Annotated[CsvDialect, typer.Option("--csv-dialect", help="excel: dấu chấm phẩy, dấu phẩy thập phân, ngày dd/mm/yyyy (Excel, LibreOffice tiếng Việt); plain: dấu phẩy, dấu chấm, ngày ISO (cho chương trình khác).")] = CsvDialect.excel,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp --out đã có dù không phải do giaoviec tạo.")] = False,
    lang: LangOption = None,
) -> None:
    """Xuất nhiệm vụ (đủ 5 rõ, tình trạng, điểm) ra Excel, CSV hoặc JSON; hoặc phiếu chấm điểm của hội đồng.

    Ví dụ: giaoviec -C examples/vinh-phuc export --year 2022 --unit yen-lac --out giao-viec-2022.xlsx
    """
    s = session(ctx, lang)
    root = s.root()
    if (format is ExportFormat.xlsx or scoring_sheet) and out is None:
        raise usage_error(N_("A workbook needs --out FILE.xlsx."))
    got = results_with_models(root, s.year(year) or dt.date.today().year, unit, fast_reader=s.env.fast_reader)
    _ = s.gettext()
    if scoring_sheet or format is ExportFormat.xlsx:
        assert out is not None
        buffer = io.BytesIO()
        try:  # openpyxl writes its parts to temporary files on the way: a full disk shows there first
            (xlsx.scoring_sheet if scoring_sheet else xlsx.as_xlsx)(got.result, got.models, _, buffer)
        except WRITE_ERRORS as exc:
            raise cannot_write(out, exc if isinstance(exc, OSError) else _os_error(exc)) from None
        s.write_out(out, buffer.getvalue(), force, root)
        raise typer.Exit(int(ExitCode.OK if got.result.complete else ExitCode.DATA_ERRORS))
    text = io.StringIO()
    if format is ExportFormat.csv:
        export_render.as_csv(got.result, got.models, _, text, csv_dialect.value)
    else:
        export_render.RENDERERS[format.value](got.result, got.models, _, text)
    if out is None:
        sys.stdout.write(text.getvalue())
    else:  # Excel reads UTF-8 CSV with a byte order mark
        s.write_out(out, text.getvalue().encode("utf-8-sig" if format is ExportFormat.csv else "utf-8"), force, root)
    raise typer.Exit(int(ExitCode.OK if got.result.complete else ExitCode.DATA_ERRORS))


@app.command("import")
def import_command(
    ctx: typer.Context,
    workbook: Annotated[Path, typer.Argument(help="Tệp Excel (.xlsx).", exists=True, dir_okay=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ cho biết sẽ ghi gì, không ghi.")] = False,
    evaluation: Annotated[bool, typer.Option("--evaluation", help="Tệp là phiếu chấm điểm của hội đồng (đã điền).")] = False,
    council: Annotated[str | None, typer.Option("--council", help="Mã đơn vị của hội đồng (với --evaluation).")] = None,
    lang: LangOption = None,
) -> None:
    """Nhập giao việc từ Excel (mỗi dòng một nhiệm vụ), hoặc điểm của hội đồng từ phiếu chấm.

    Ví dụ: giaoviec import giao-viec-2027.xlsx --dry-run
    """
    s = session(ctx, lang)
    root = s.root()
    _ = s.gettext()
    if evaluation:
        if not council:
            raise usage_error(N_("--evaluation needs --council ID."))
        planned, found = plan_evaluation(root, workbook, council)
    else:
        planned, found = plan_import(root, workbook)
    errors = [d for d in found if d.is_error]
    if found:
        REPORTERS["text"]([d.localize(_) for d in found], ReportContext(
            root=root, files=1, gettext=_, console=Console(highlight=False, soft_wrap=True), out=sys.stdout))
    if errors:
        s.err().print(Text(_("Nothing was written: {n} errors.").format(n=len(errors)), style="bold red"))
        raise typer.Exit(int(ExitCode.DATA_ERRORS))
    for p in planned:
        if p.state == "unchanged":
            continue
        label = {"new": _("new"), "changed": _("changed")}[p.state]
        print(f"{label}: {p.path}")
        if dry_run and p.state == "new":
            print(p.text)
        for c in p.changes:
            line, flag = describe(c, _)
            print(("  ⚠ " if flag else "  • ") + terminal(line))
        for task, field, old, new in p.edits:
            what = _("task {task}").format(task=task) + ": " if task else ""
            print("  • " + terminal(what + _("{field}: {old} → {new}").format(field=_(field), old=shown(old, _), new=shown(new, _))))
    if not any(p.state != "unchanged" for p in planned):
        s.note(N_("No change: the repository already holds what the workbook says."))
    elif not dry_run:
        write_planned(root, planned)
        s.note(N_("Wrote {n} files."), n=sum(1 for p in planned if p.state != "unchanged"))
    elif dry_run:
        s.note(N_("Dry run: nothing was written."))
