"""Commands that compute results: score, report, stats."""

from __future__ import annotations

import datetime as dt
import io
import sys
from contextlib import nullcontext
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from giaoviec.cli.app import LangOption, PublicOption, app, session
from giaoviec.diagnostics import N_, ExitCode
from giaoviec.i18n import counted, phrase
from giaoviec.quickhelp import command_help


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


@app.command(help=command_help("score"))
def score(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(help=N_("The year to score, e.g. 2022."))],
    unit: Annotated[str | None, typer.Option("--unit", help=N_("Only this unit and the units below it (and the units it succeeded)."))] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=N_("As of this day (YYYY-MM-DD); default: the earlier of today and the end of the year."))] = None,
    explain: Annotated[bool, typer.Option("--explain", help=N_("Explain every figure: statuses, factors, deductions, tier conditions."))] = False,
    format: Annotated[ScoreFormat, typer.Option("--format", "-f", help=N_("table | json | csv | md"))] = ScoreFormat.table,
    public: PublicOption = False,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.score import score as run_score
    from giaoviec.render import score as score_render
    s = session(ctx, lang)
    day = s.date(as_of)
    year = s.year(year) or year
    root = s.root()
    unclear: dict | None = {} if explain and format is ScoreFormat.table else None  # the wording analyser, for the tasks explained
    with s.progress() as progress:
        result = run_score(root, year, as_of=day, unit=unit, progress=progress, explain=explain, reader=s.env.reader,
                           public=public, unclear=unclear)
    _ = s.gettext()
    # a CSV cell may hold several lines, which GitHub Actions could read as commands (md writes a value on one line)
    with s.commands_stopped(sys.stdout) if format is ScoreFormat.csv else nullcontext(sys.stdout) as stdout:
        score_render.RENDERERS[format.value](result, score_render.ScoreOutput(
            gettext=_, out=stdout, console=s.console(wide=True), lang=s.lang(), explain=explain, unclear=unclear))
    if format is not ScoreFormat.json:
        s.print_errors(result.errors)
    s.say(phrase(N_("Scored {assignments} for {year}; {files} left out."), year=year,
                 assignments=counted(result.assignments_scored, N_("{n} assignment"), N_("{n} assignments")),
                 files=counted(result.files_left_out, N_("{n} invalid file"), N_("{n} invalid files"))))
    raise typer.Exit(int(ExitCode.OK if result.complete else ExitCode.DATA_ERRORS))


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"


@app.command(help=command_help("report"))
def report(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", help=N_("The unit's id; the report covers it and every unit below it."))],
    year: Annotated[int | None, typer.Option("--year", help=N_("The year; default: the latest year with an assignment."))] = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help=N_("md | html | docx | pdf"))] = ReportFormat.md,
    out: Annotated[Path | None, typer.Option("--out", help=N_("Write to this file (default: the screen; needed for docx and pdf)."))] = None,
    public: PublicOption = False,
    date: Annotated[str | None, typer.Option("--date", help=N_("The date of the report (YYYY-MM-DD); default: today, or SOURCE_DATE_EPOCH."))] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=N_("The tasks as of this day (YYYY-MM-DD); default: the earlier of the report's date and the end of the year."))] = None,
    number: Annotated[str | None, typer.Option("--number", help=N_("The document's number (docx, pdf), e.g. 15; leave it out to fill it in by hand."))] = None,
    signer: Annotated[str | None, typer.Option("--signer", help=N_("The signer's name (docx, pdf); default: from giaoviec.yaml."))] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Replace an existing --out file (a report may have been edited since it was made)."))] = False,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.report import check_dates, check_out, results_with_models
    from giaoviec.compute.report import build
    from giaoviec.render import report as report_render
    s = session(ctx, lang)
    root = s.root()
    file_format = format in (ReportFormat.docx, ReportFormat.pdf)
    check_out(root, out, force, format.value if file_format else None)
    made = s.date(date) or s.env.source_date or dt.date.today()
    day = check_dates(made, s.date(as_of))
    got = results_with_models(root, s.year(year), unit, as_of=day, closed_year=True, reader=s.env.reader, summary=True,
                              public=public, dated=made)
    _, language = s.gettext(), s.lang()
    data = build(got.result, got.models, unit, _, language, public, generated=made)
    output = report_render.ReportOutput(gettext=_, out=None, lang=language)
    if file_format:  # a file: made whole, then written atomically
        from giaoviec.app.documents import letterhead, to_pdf

        head = letterhead(got.result.repo, unit, made, number, signer)
        if not head.configured:
            s.note(N_("giaoviec.yaml has no 'documents' entry for {unit}: the letterhead is drawn from the units ({issuer}, under {superior}). "
                      "Add one to set the symbol, the signer and the recipients (docs/bao-cao.md)."),
                   unit=unit, issuer=head.issuer, superior=head.superior or "—")
        document = io.BytesIO()
        report_render.RENDERERS[format.value](data, replace(output, out=document, letterhead=head, to_pdf=to_pdf))
        assert out is not None
        s.write_out(out, document.getvalue(), force, root, editable="report")
    else:
        with s.writing_out(out, force, root, editable="report") as text:
            report_render.RENDERERS[format.value](data, replace(output, out=text))
    s.print_errors(got.result.errors)
    raise typer.Exit(int(ExitCode.OK if got.result.complete else ExitCode.DATA_ERRORS))


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("stats", help=command_help("stats"))
def stats_command(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option("--year", help=N_("The year; default: this year."))] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=N_("Only this unit and the units below it."))] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=N_("As of this day (YYYY-MM-DD)."))] = None,
    format: Annotated[StatsFormat, typer.Option("--format", "-f", help=N_("table | json"))] = StatsFormat.table,
    public: PublicOption = False,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.score import year_stats
    from giaoviec.render import stats as stats_render
    from giaoviec.render.output import Output
    s = session(ctx, lang)
    day = s.date(as_of)
    root = s.root()
    result = year_stats(root, s.year(year) or (day or dt.date.today()).year, unit, day, reader=s.env.reader, public=public)
    stats_render.RENDERERS[format.value](result, Output(gettext=s.gettext(), out=sys.stdout, lang=s.lang()))
    raise typer.Exit(int(ExitCode.OK if result.complete else ExitCode.DATA_ERRORS))


