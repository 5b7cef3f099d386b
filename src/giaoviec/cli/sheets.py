"""Commands for spreadsheets: export, import."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from giaoviec.cli.app import LangOption, PublicOption, app, plain_console, session
from giaoviec.diagnostics import N_, ExitCode, usage_error
from giaoviec.quickhelp import command_help
from giaoviec.render.escape import one_line, terminal


class ExportFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"
    ics = "ics"


class CsvDialect(str, Enum):
    excel = "excel"
    plain = "plain"


@app.command("export", help=command_help("export"))
def export_command(
    ctx: typer.Context,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help=N_("xlsx | csv | json | ics"))] = ExportFormat.xlsx,
    year: Annotated[int | None, typer.Option("--year", help=N_("The year; default: this year."))] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=N_("Only this unit and the units below it."))] = None,
    cadre: Annotated[str | None, typer.Option("--cadre", help=N_("ics: only this cadre's deadlines."))] = None,
    out: Annotated[Path | None, typer.Option("--out", help=N_("The file to write (needed for xlsx; csv and json go to the screen without it)."))] = None,
    scoring_sheet: Annotated[bool, typer.Option("--scoring-sheet", help=N_("The council's scoring sheet: a sheet per cadre, the score column empty."))] = False,
    csv_dialect: Annotated[CsvDialect, typer.Option("--csv-dialect", help=N_("excel: semicolons, decimal commas, dd/mm/yyyy dates (Excel, LibreOffice in Vietnamese); plain: commas, decimal points, ISO dates (for other programs)."))] = CsvDialect.excel,
    force: Annotated[bool, typer.Option("--force", help=N_("Replace an existing --out file (an export may have been edited since it was made)."))] = False,
    public: PublicOption = False,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.report import check_export_out, results_with_models, workbook_written
    from giaoviec.render.export import ExportOutput
    from giaoviec.sheets.export import RENDERERS
    s = session(ctx, lang)
    root = s.root()
    check_export_out(root, out, force, format is ExportFormat.xlsx or scoring_sheet)
    if format is ExportFormat.ics:  # the calendar of `serve` (/lich.ics), from the same results
        from giaoviec.serve.calendar import export_ics

        with s.writing_out(out, force, root, binary=True) as raw:
            raw.write(export_ics(root, s.year(year), unit, cadre, s.lang(), public, s.env.reader))
        raise typer.Exit(int(ExitCode.OK))
    got = results_with_models(root, s.year(year) or dt.date.today().year, unit, reader=s.env.reader, public=public,
                               every_task=True)  # an export lists every task of its files: it counts those it leaves out
    chosen = ExportFormat.xlsx if scoring_sheet else format
    output = ExportOutput(gettext=s.gettext(), out=None, lang=s.lang(), models=got.models, dialect=csv_dialect.value, scoring_sheet=scoring_sheet)
    if chosen is ExportFormat.xlsx:
        assert out is not None
        with workbook_written(out), s.writing_out(out, force, root, binary=True, editable="export") as raw:
            RENDERERS[chosen.value](got.result, replace(output, out=raw))
    else:  # written a task at a time; Excel reads UTF-8 CSV with a byte order mark
        with s.writing_out(out, force, root, encoding="utf-8-sig" if chosen is ExportFormat.csv else "utf-8", editable="export",
                           lines_of_data=chosen is ExportFormat.csv) as text:
            RENDERERS[chosen.value](got.result, replace(output, out=text))
    raise typer.Exit(int(ExitCode.OK if got.result.complete else ExitCode.DATA_ERRORS))


@app.command("import", help=command_help("import"))
def import_command(
    ctx: typer.Context,
    workbook: Annotated[Path, typer.Argument(help=N_("The workbook (.xlsx)."), exists=True, dir_okay=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=N_("Only say what would be written; write nothing."))] = False,
    evaluation: Annotated[bool, typer.Option("--evaluation", help=N_("The file is the council's (filled) scoring sheet."))] = False,
    council: Annotated[str | None, typer.Option("--council", help=N_("The council's unit id (with --evaluation)."))] = None,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.sheets import plan_evaluation, plan_import, write_planned
    from giaoviec.compute.review import flagged
    from giaoviec.compute.tally import Tally
    from giaoviec.i18n import say
    from giaoviec.render.diagnostics import RENDERERS, ReportContext
    from giaoviec.render.diff import describe
    from giaoviec.render.diff import value as shown
    s = session(ctx, lang)
    root = s.root()
    _ = s.gettext()
    if evaluation:
        if not council:
            raise usage_error(N_("--evaluation needs --council ID."))
        planned, found = plan_evaluation(root, workbook, council)
    else:
        planned, found = plan_import(root, workbook)
    tally = Tally.of(found, 1)
    if found:
        RENDERERS["text"]([d.localize(_) for d in found], ReportContext(
            root=root, tally=tally, gettext=_, console=plain_console(), out=sys.stdout))
    if tally.errors:
        from rich.text import Text

        s.err().print(Text(_("Nothing was written: {n} errors.").format(n=tally.errors), style="bold red"))
        raise typer.Exit(int(ExitCode.DATA_ERRORS))
    for p in planned:
        if p.state == "unchanged":
            continue
        label = {"new": _("new"), "changed": _("changed")}[p.state]
        print(f"{label}: {one_line(p.path)}")
        for note in p.notes:
            print("  • " + terminal(say(note, _)))
        if dry_run and p.state == "new":
            print(terminal(p.text))
        for c in p.changes:
            print(("  ⚠ " if flagged(c) else "  • ") + terminal(describe(c, _)))
        for task, field, old, new in p.edits:
            what = _("task {task}").format(task=task) + ": " if task else ""
            print("  • " + terminal(what + _("{field}: {old} → {new}").format(field=_(field), old=shown(old, _), new=shown(new, _))))
    if not any(p.state != "unchanged" for p in planned):
        s.note(N_("No change: the repository already holds what the workbook says."))
    elif not dry_run:
        s.note(N_("Wrote {n} files."), n=write_planned(root, planned))
    elif dry_run:
        s.note(N_("Dry run: nothing was written."))
