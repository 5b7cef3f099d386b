"""The command line: arguments → one call → a reporter → an exit code. Only this module prints."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from contextlib import contextmanager
import traceback
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from giaoviec import __version__, diff_report, edit, scaffold, schemas, score_report, status_report
from giaoviec import report as report_module
from giaoviec import stats as stats_module
from giaoviec import stats_report
from giaoviec import evaluation_import, export, importer
from giaoviec.followup import follow_up
from giaoviec.repository import load_registry
from giaoviec.diagnostics import N_, ExitCode, exit_code
from giaoviec.gitrev import GitError
from giaoviec.i18n import translator
from giaoviec.repository import RepositoryError, find_root
from giaoviec.reporters import REPORTERS, ReportContext
from giaoviec.rules import RULES, rule_for
from giaoviec.review import review
from giaoviec.score_year import NoProfile, UnknownUnit, score_year
from giaoviec.validation import validate as run_validate

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="giaoviec: giao việc và đánh giá cán bộ bằng sản phẩm — kiểm tra (validate), chấm điểm, báo cáo.\n\n"
    "Ví dụ: giaoviec -C examples/vinh-phuc validate",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(str, Enum):
    vi = "vi"
    en = "en"


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


@dataclass
class State:
    root: Optional[Path] = None
    lang: Optional[str] = None
    debug: bool = False


STATE = State()
LangOption = Annotated[Optional[Lang], typer.Option("--lang", help="Ngôn ngữ: vi | en (messages and reports).")]


def _version(value: bool) -> None:
    if value:
        print(f"giaoviec {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    root: Annotated[Optional[Path], typer.Option("-C", "--root", help="Thư mục kho dữ liệu (mặc định: tìm giaoviec.yaml từ thư mục hiện tại trở lên).")] = None,
    lang: LangOption = None,
    debug: Annotated[bool, typer.Option("--debug", help="In traceback khi có lỗi nội bộ.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản.")] = False,
) -> None:
    STATE.root = root
    STATE.lang = lang.value if lang else None
    STATE.debug = debug


def _err_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for runs past ~2 s; nothing off a terminal or under CI."""
    console = _err_console()
    if not console.is_terminal or os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        yield None
        return
    started = time.monotonic()
    bar: Progress | None = None
    task = None

    def update(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if time.monotonic() - started < 2.0:
                return
            bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                           console=console, transient=True)
            bar.start()
            task = bar.add_task(translator(_lang(None))("Reading assignment files"), total=total)
        bar.update(task, completed=done)

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()


def _wide_console() -> Console:
    """A terminal keeps its width; a pipe or file gets wide lines rather than wrapped tables."""
    console = Console(highlight=False, soft_wrap=True)
    return console if console.is_terminal else Console(highlight=False, soft_wrap=True, width=200)


def _resolve_root() -> Path:
    if STATE.root is not None:
        if not (STATE.root / "giaoviec.yaml").is_file():
            raise RepositoryError(N_("No {file} in {root}."), file="giaoviec.yaml", root=str(STATE.root))
        return STATE.root.resolve()
    found = find_root(Path.cwd())
    if found is None:
        raise RepositoryError(
            N_("No {file} found in {root} or any folder above it."), file="giaoviec.yaml", root=str(Path.cwd())
        )
    return found


def _lang(option: Optional[Lang], config_lang: str | None = None) -> str:
    if option is not None:
        return option.value
    return STATE.lang or os.environ.get("GIAOVIEC_LANG") or config_lang or "vi"


@app.command()
def validate(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Chỉ báo lỗi của các tệp/thư mục này (tham chiếu vẫn kiểm tra trên toàn kho).")] = None,
    format: Annotated[Optional[Format], typer.Option("--format", "-f", help="text | json | github | sarif (github tự chọn khi GITHUB_ACTIONS=true).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Cảnh báo cũng làm lệnh thất bại (mã thoát 1).")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm kết quả (luôn đọc lại mọi tệp).")] = False,
    base: Annotated[Optional[str], typer.Option("--base", help="Phiên bản git để so sánh: thay đổi chỉ tiêu, thời hạn, trọng số phải có quyết định điều chỉnh.")] = None,
    lang: LangOption = None,
) -> None:
    """Kiểm tra mọi tệp: cú pháp YAML, lược đồ, quy tắc 5 rõ/6 rõ, tham chiếu, ngày tháng.

    Ví dụ: giaoviec -C examples/vinh-phuc validate --format json
    """
    root = _resolve_root()
    with _progress() as progress:
        result = run_validate(root, paths, progress=progress, use_cache=not no_cache, base=base)
    language = _lang(lang, result.language)
    _ = translator(language)
    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    diagnostics = [d.localize(_) for d in result.diagnostics]
    ctx = ReportContext(
        root=root, files=result.files, gettext=_,
        console=Console(highlight=False, soft_wrap=True),
        rule_help=lambda code: _(r.explanation) if (r := rule_for(code)) else code,
    )
    REPORTERS[chosen](diagnostics, ctx)
    errors = sum(1 for d in diagnostics if d.is_error)
    _err_console().print(Text(
        _("Checked {files} files: {errors} errors, {warnings} warnings.").format(
            files=result.files, errors=errors, warnings=len(diagnostics) - errors)
    ))
    raise typer.Exit(int(exit_code(diagnostics, strict)))


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(translator(_lang(None))(N_("'{value}' is not a date written YYYY-MM-DD.")).format(value=value)) from None


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
    try:
        with _progress() as progress:
            result = score_year(root, year, as_of=day, unit=unit, progress=progress, explain=explain)
    except UnknownUnit:
        raise typer.BadParameter(translator(_lang(lang))(N_("Unknown unit '{unit}'.")).format(unit=unit), param_hint="--unit") from None
    except NoProfile as exc:
        raise RepositoryError(N_("No scoring profile is in force on {date}: add a range to 'scoring' in giaoviec.yaml."), date=exc.day.isoformat()) from None
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


@app.command()
def progress(
    target: Annotated[str, typer.Argument(metavar="FILE#TASK", help="Tệp giao việc và mã nhiệm vụ, ví dụ assignments/2022/nguyet-duc/nguyen-van-an.yaml#05.")],
    value: Annotated[Optional[float], typer.Option("--value", help="Giá trị chỉ tiêu đã đạt.")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="Nội dung báo cáo.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Ngày báo cáo (YYYY-MM-DD); mặc định hôm nay.")] = None,
    done_on: Annotated[Optional[str], typer.Option("--done-on", help="Ghi kết quả: ngày hoàn thành (và --value là giá trị đạt được).")] = None,
    lang: LangOption = None,
) -> None:
    """Thêm một báo cáo tiến độ (hoặc ghi kết quả) vào tệp, giữ nguyên mọi dòng khác.

    Ví dụ: giaoviec progress assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml#01 --value 3 --note "Đã hợp nhất dữ liệu"
    """
    _ = translator(_lang(lang))
    root = _resolve_root()
    file_part, _sep, task_id = target.rpartition("#")
    if not file_part or not task_id:
        raise typer.BadParameter(_("Write the target as FILE#TASK, e.g. assignments/2022/xa/can-bo.yaml#05."), param_hint="FILE#TASK")
    path = _inside(root, file_part)
    today = dt.date.today()
    try:
        if done_on is not None:
            change = edit.record_outcome(path, task_id, _parse_date(done_on), value, today)
        else:
            change = edit.add_check_in(path, task_id, value, note, _parse_date(date) or today, today)
    except edit.EditError as exc:
        _err_console().print(Text(_(exc.message).format(**{k: _(v) if k == "what" else v for k, v in exc.args_.items()}), style="bold red"))
        raise typer.Exit(int(ExitCode.DATA_ERRORS if exc.broken else ExitCode.USAGE)) from None
    edit.write(change)
    added = [line for line in change.after.splitlines() if line not in set(change.before.splitlines())]
    console = Console(highlight=False, soft_wrap=True)
    console.print(Text(_("Updated {path}:").format(path=path.relative_to(root).as_posix())))
    for line in added:
        console.print(Text("+ " + line, style="green"))


def _inside(root: Path, name: str) -> Path:
    """FILE relative to the current folder, else to the repository root; never outside the root."""
    for candidate in (Path.cwd() / name, root / name):
        if candidate.is_file():
            resolved = candidate.resolve()
            try:
                resolved.relative_to(root.resolve())
            except ValueError:
                raise typer.BadParameter(translator(_lang(None))(N_("{path} is outside the data repository.")).format(path=name)) from None
            return resolved
    raise typer.BadParameter(translator(_lang(None))(N_("There is no file {path}.")).format(path=name), param_hint="FILE#TASK")


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Thư mục kho dữ liệu mới (mặc định: thư mục hiện tại).")] = Path("."),
    organization: Annotated[str, typer.Option("--organization", help="Tên tổ chức.")] = "Đảng bộ (sửa tên tổ chức)",
    requirement: Annotated[Optional[str], typer.Option("--pip", help="Cách cài giaoviec trong CI, ví dụ giaoviec==0.1.0 hoặc git+https://…")] = None,
    lang: LangOption = None,
) -> None:
    """Tạo kho dữ liệu mới: cấu hình, đơn vị, cán bộ, quy trình CI, CODEOWNERS, cài đặt trình soạn thảo.

    Ví dụ: giaoviec init kho-giao-viec --organization "Đảng bộ tỉnh Phú Thọ"
    """
    _ = translator(_lang(lang))
    try:
        written = scaffold.init(folder, organization, requirement)
    except scaffold.ScaffoldError as exc:
        raise typer.BadParameter(_(exc.message).format(**exc.args_)) from None
    for path in written:
        _err_console().print(Text(_("wrote {path}").format(path=path)))


new_app = typer.Typer(help="Tạo tệp mới từ mẫu.", no_args_is_help=True)
app.add_typer(new_app, name="new")


class Program(str, Enum):
    focus = "focus"
    breakthrough = "breakthrough"
    action_program = "action-program"
    product_contract = "product-contract"


@new_app.command("assignment")
def new_assignment(
    cadre: Annotated[str, typer.Option("--cadre", help="Mã cán bộ.")],
    period: Annotated[str, typer.Option("--period", help="Năm (2026) hoặc nhiệm kỳ (2021-2025).")],
    program: Annotated[Program, typer.Option("--program", help="focus | breakthrough | action-program | product-contract")] = Program.focus,
    lang: LangOption = None,
) -> None:
    """Tạo tệp giao việc mới cho một cán bộ, đơn vị và chức vụ lấy từ danh sách cán bộ.

    Ví dụ: giaoviec new assignment --cadre nguyen-van-an --period 2027
    """
    _ = translator(_lang(lang))
    root = _resolve_root()
    registry = load_registry(root)
    try:
        path = scaffold.new_assignment(registry.repo, cadre, period, program.value)
    except scaffold.ScaffoldError as exc:
        raise typer.BadParameter(_(exc.message).format(**exc.args_)) from None
    print(_("wrote {path}").format(path=path.relative_to(root).as_posix()))


class StatusFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def status(
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Tính đến ngày (YYYY-MM-DD); mặc định hôm nay.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Chỉ đơn vị này và các đơn vị trực thuộc.")] = None,
    within: Annotated[int, typer.Option("--within", help="Sắp đến hạn: trong số ngày này.")] = 30,
    format: Annotated[StatusFormat, typer.Option("--format", "-f", help="text | json")] = StatusFormat.text,
    lang: LangOption = None,
) -> None:
    """Danh sách đôn đốc: việc quá hạn, sắp đến hạn, chưa báo cáo tiến độ kỳ này.

    Ví dụ: giaoviec status --unit nguyet-duc-phu-tho --within 45
    """
    root = _resolve_root()
    day = _parse_date(as_of)
    try:
        result = follow_up(root, day, unit, within)
    except UnknownUnit:
        raise typer.BadParameter(translator(_lang(lang))(N_("Unknown unit '{unit}'.")).format(unit=unit), param_hint="--unit") from None
    _ = translator(_lang(lang, result.repo.config.language))
    sys.stdout.write(status_report.RENDERERS[format.value](result, _))


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
    try:
        text, _data, errors = report_module.make(root, unit, year, format.value, public, _, language)
    except UnknownUnit:
        raise typer.BadParameter(_(N_("Unknown unit '{unit}'.")).format(unit=unit), param_hint="--unit") from None
    except NoProfile as exc:
        raise RepositoryError(N_("No scoring profile is in force on {date}: add a range to 'scoring' in giaoviec.yaml."), date=exc.day.isoformat()) from None
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
    try:
        result = stats_module.stats(root, year or (day or dt.date.today()).year, unit, day)
    except UnknownUnit:
        raise typer.BadParameter(translator(_lang(lang))(N_("Unknown unit '{unit}'.")).format(unit=unit), param_hint="--unit") from None
    except NoProfile as exc:
        raise RepositoryError(N_("No scoring profile is in force on {date}: add a range to 'scoring' in giaoviec.yaml."), date=exc.day.isoformat()) from None
    language = _lang(lang)
    sys.stdout.write(stats_report.RENDERERS[format.value](result, translator(language), language))


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
    try:
        result = score_year(root, the_year, unit=unit)
    except UnknownUnit:
        raise typer.BadParameter(_(N_("Unknown unit '{unit}'.")).format(unit=unit), param_hint="--unit") from None
    except NoProfile as exc:
        raise RepositoryError(N_("No scoring profile is in force on {date}: add a range to 'scoring' in giaoviec.yaml."), date=exc.day.isoformat()) from None
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


class DiffFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
def diff(
    base: Annotated[str, typer.Argument(help="Phiên bản gốc (nhánh, thẻ hoặc commit), ví dụ origin/main.")],
    head: Annotated[Optional[str], typer.Argument(help="Phiên bản mới; mặc định là thư mục làm việc hiện tại.")] = None,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="text | md | json (md để đăng làm bình luận pull request).")] = DiffFormat.text,
    lang: LangOption = None,
) -> None:
    """Tóm tắt thay đổi giữa hai phiên bản bằng lời nghiệp vụ, và ảnh hưởng tới điểm, xếp loại.

    Ví dụ: giaoviec diff origin/main --format md >> "$GITHUB_STEP_SUMMARY"
    """
    root = _resolve_root()
    result = review(root, base, head)
    _ = translator(_lang(lang))
    sys.stdout.write(diff_report.RENDERERS[format.value](result, _))


@app.command()
def rules(lang: LangOption = None) -> None:
    """Liệt kê mọi mã lỗi và quy tắc rõ, kèm ví dụ đạt và không đạt.

    Ví dụ: giaoviec rules --lang en
    """
    _ = translator(_lang(lang))
    console = Console(highlight=False, soft_wrap=True)
    for rule in RULES:
        console.print(Text(f"{rule.code}  ({_(rule.severity.value)})", style="bold cyan"))
        console.print(Text("  " + _(rule.explanation)))
        console.print(Text("  " + _("passes:"), style="green"))
        for line in rule.good.splitlines():
            console.print(Text("      " + line))
        console.print(Text("  " + _("fails:"), style="red"))
        for line in rule.bad.splitlines():
            console.print(Text("      " + line))
        console.print()


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", help="Thư mục ghi các JSON Schema.")] = Path("schemas"),
    lang: LangOption = None,
) -> None:
    """Ghi JSON Schema (draft-07, mô tả tiếng Việt) của mọi loại tài liệu, cho trình soạn thảo.

    Ví dụ: giaoviec schema --out schemas
    """
    _ = translator(_lang(lang))
    for path in schemas.write_all(out):
        _err_console().print(Text(_("wrote {path}").format(path=path)))


def main() -> None:
    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except GitError as exc:
        _ = translator(_lang(None))
        _err_console().print(Text(_("git: {problem}").format(problem=str(exc)), style="bold red"))
        sys.exit(int(ExitCode.USAGE))
    except RepositoryError as exc:
        _ = translator(_lang(None))
        console = _err_console()
        console.print(Text(_(exc.message).format(**exc.args_), style="bold red"))
        for d in exc.diagnostics:
            console.print(Text(str(d.localize(_))))
        sys.exit(int(ExitCode.REPOSITORY))
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the one place an unexpected failure is turned into exit 4
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()  # a usage error (click's, or typer's own copy of click): exit 2
            sys.exit(exc.exit_code)
        _ = translator(_lang(None))
        if STATE.debug:
            traceback.print_exc()
        print(_("Internal error: {error}. Please report it with the command you ran; --debug shows the details.").format(
            error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        sys.exit(int(ExitCode.INTERNAL))
