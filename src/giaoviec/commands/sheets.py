"""Commands for spreadsheets: export, import."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from giaoviec.cli import (
    LangOption, _err_console, _lang, _resolve_root, _scope_errors, app,
)
from giaoviec.diagnostics import N_, ExitCode
from giaoviec.i18n import translator
from giaoviec import evaluation_import, export, importer
from giaoviec.reporters import REPORTERS, ReportContext
from giaoviec.score_year import score_year


class ExportFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


@app.command("export")
def export_command(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="xlsx | csv | json")] = ExportFormat.xlsx,
    year: Annotated[Optional[int], typer.Option("--year", help="Năm; mặc định năm nay.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Chỉ đơn vị này và các đơn vị trực thuộc.")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Tệp ghi ra (bắt buộc với xlsx; csv/json in ra màn hình nếu không có).")] = None,
    scoring_sheet: Annotated[bool, typer.Option("--scoring-sheet", help="Phiếu chấm điểm cho hội đồng: mỗi cán bộ một trang, cột điểm để trống.")] = False,
    lang: LangOption = None,
) -> None:
    """Xuất nhiệm vụ (đủ 5 rõ, tình trạng, điểm) ra Excel, CSV hoặc JSON; hoặc phiếu chấm điểm của hội đồng.

    Ví dụ: giaoviec -C examples/vinh-phuc export --year 2022 --unit yen-lac --out giao-viec-2022.xlsx
    """
    root = _resolve_root()
    _ = translator(_lang(lang))
    the_year = year or dt.date.today().year
    with _scope_errors(unit, lang):
        result = score_year(root, the_year, unit=unit)
    if (format is ExportFormat.xlsx or scoring_sheet) and out is None:
        raise typer.BadParameter(_(N_("A workbook needs --out FILE.xlsx.")), param_hint="--out")
    if scoring_sheet:
        export.scoring_sheet(result, _, out)
    elif format is ExportFormat.xlsx:
        export.as_xlsx(result, _, out)
    else:
        text = export.as_csv(result, _) if format is ExportFormat.csv else export.as_json(result, _)
        if out is None:
            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8-sig" if format is ExportFormat.csv else "utf-8")  # Excel reads UTF-8 CSV with a BOM
    if out is not None:
        _err_console().print(Text(_("wrote {path}").format(path=out)))


@app.command("import")
def import_command(
    workbook: Annotated[Path, typer.Argument(help="Tệp Excel (.xlsx).", exists=True, dir_okay=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ cho biết sẽ ghi gì, không ghi.")] = False,
    evaluation: Annotated[bool, typer.Option("--evaluation", help="Tệp là phiếu chấm điểm của hội đồng (đã điền).")] = False,
    council: Annotated[Optional[str], typer.Option("--council", help="Mã đơn vị của hội đồng (với --evaluation).")] = None,
    lang: LangOption = None,
) -> None:
    """Nhập giao việc từ Excel (mỗi dòng một nhiệm vụ), hoặc điểm của hội đồng từ phiếu chấm.

    Ví dụ: giaoviec import giao-viec-2027.xlsx --dry-run
    """
    root = _resolve_root()
    _ = translator(_lang(lang))
    if evaluation:
        if not council:
            raise typer.BadParameter(_(N_("--evaluation needs --council ID.")), param_hint="--council")
        planned, found = evaluation_import.plan(root, workbook, council)
    else:
        planned, found = importer.plan(root, workbook)
    errors = [d for d in found if d.is_error]
    ctx = ReportContext(root=root, files=1, gettext=_, console=Console(highlight=False, soft_wrap=True),
                        rule_help=lambda code: code)
    if found:
        REPORTERS["text"]([d.localize(_) for d in found], ctx)
    if errors:
        _err_console().print(Text(_("Nothing was written: {n} errors.").format(n=len(errors)), style="bold red"))
        raise typer.Exit(int(ExitCode.DATA_ERRORS))
    for p in planned:
        label = {"new": _("new"), "unchanged": _("unchanged")}.get(p.state, p.state)
        print(f"{label}: {p.path}")
        if dry_run and p.state == "new":
            print(p.text)
    if not dry_run:
        importer.write(root, planned)
