"""Commands that compute results: score, report, stats."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from giaoviec.cli import (
    LangOption, _err_console, _lang, _parse_date, _progress, _resolve_root, _scope_errors, _wide_console, app,
)
from giaoviec.diagnostics import ExitCode
from giaoviec.i18n import translator
from giaoviec import report as report_module
from giaoviec import score_report, stats_report
from giaoviec import stats as stats_module
from giaoviec.score_year import score_year


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


@app.command()
def score(
    year: Annotated[int, typer.Argument(help="Năm đánh giá, ví dụ 2022.")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Chỉ đơn vị này và các đơn vị trực thuộc (và đơn vị tiền thân).")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Tính đến ngày (YYYY-MM-DD); mặc định min(hôm nay, cuối kỳ).")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Giải thích từng con số: tình trạng, hệ số, khấu trừ, điều kiện xếp loại.")] = False,
    format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="table | json | csv | md")] = ScoreFormat.table,
    lang: LangOption = None,
) -> None:
    """Chấm điểm và xếp loại theo bộ quy tắc có hiệu lực cho năm YEAR.

    Ví dụ: giaoviec -C examples/vinh-phuc score 2022 --explain
    """
    root = _resolve_root()
    day = _parse_date(as_of)
    with _scope_errors(unit, lang):
        with _progress() as progress:
            result = score_year(root, year, as_of=day, unit=unit, progress=progress, explain=explain)
    _ = translator(_lang(lang, result.repo.config.language))
    errors = [d.localize(_) for d in result.diagnostics if d.is_error]
    console = _wide_console()
    if format is ScoreFormat.json:
        for piece in score_report.iter_json(result, _, errors):
            sys.stdout.write(piece)
    elif format is ScoreFormat.csv:
        sys.stdout.write(score_report.as_csv(result, _))
    elif format is ScoreFormat.md:
        sys.stdout.write(score_report.as_markdown(result, _))
    elif explain:
        score_report.explain(result, _, console)
    else:
        score_report.table(result, _, console)
    err = _err_console()
    if errors and format is not ScoreFormat.json:
        for d in errors:
            err.print(Text(str(d)))
    files = len({d.path for d in errors})
    err.print(Text(_("Scored {n} assignments for {year}; {files} invalid files left out.").format(n=len(result.cadres), year=year, files=files)))
    raise typer.Exit(int(ExitCode.DATA_ERRORS if errors else ExitCode.OK))


class ReportFormat(str, Enum):
    md = "md"
    html = "html"


@app.command()
def report(
    unit: Annotated[str, typer.Option("--unit", help="Mã đơn vị; báo cáo gồm đơn vị này và mọi đơn vị trực thuộc.")],
    year: Annotated[Optional[int], typer.Option("--year", help="Năm; mặc định năm gần nhất có giao việc.")] = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="md | html")] = ReportFormat.md,
    out: Annotated[Optional[Path], typer.Option("--out", help="Ghi vào tệp này (mặc định: in ra màn hình).")] = None,
    public: Annotated[bool, typer.Option("--public", help="Bản công khai: bỏ mọi tệp, nhiệm vụ mật và ghi chú, minh chứng của chúng.")] = False,
    lang: LangOption = None,
) -> None:
    """Báo cáo kết quả thực hiện nhiệm vụ của một đơn vị (Markdown, hoặc HTML một tệp để in A4).

    Ví dụ: giaoviec -C examples/vinh-phuc report --unit yen-lac --year 2022 --format html --out bao-cao.html
    """
    root = _resolve_root()
    language = _lang(lang)
    _ = translator(language)
    with _scope_errors(unit, lang):
        text, _data, errors = report_module.make(root, unit, year, format.value, public, _, language)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        _err_console().print(Text(_("wrote {path}").format(path=out)))
    for d in errors:
        _err_console().print(Text(str(d.localize(_))))
    raise typer.Exit(int(ExitCode.DATA_ERRORS if errors else ExitCode.OK))


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("stats")
def stats_command(
    year: Annotated[Optional[int], typer.Option("--year", help="Năm; mặc định năm nay.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Chỉ đơn vị này và các đơn vị trực thuộc.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Tính đến ngày (YYYY-MM-DD).")] = None,
    format: Annotated[StatsFormat, typer.Option("--format", "-f", help="table | json")] = StatsFormat.table,
    lang: LangOption = None,
) -> None:
    """Số liệu: cán bộ, nhiệm vụ, bốn nhóm tình trạng, xếp loại, tỷ lệ bí thư, chủ tịch xã không phải người địa phương.

    Ví dụ: giaoviec -C examples/vinh-phuc stats --year 2022 --unit yen-lac
    """
    root = _resolve_root()
    day = _parse_date(as_of)
    with _scope_errors(unit, lang):
        result = stats_module.stats(root, year or (day or dt.date.today()).year, unit, day)
    language = _lang(lang)
    sys.stdout.write(stats_report.RENDERERS[format.value](result, translator(language), language))
