"""Commands of the review workflow and everyday edits: progress, init, new, status, diff."""

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
    LangOption, _err_console, _inside_root, _lang, _parse_date, _resolve_root, _scope_errors, app,
)
from giaoviec.diagnostics import ExitCode
from giaoviec.i18n import translator
from giaoviec import diff_report, edit, scaffold, status_report
from giaoviec.followup import follow_up
from giaoviec.repository import load_registry
from giaoviec.review import review


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
    path = _inside_root(root, file_part)
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
    with _scope_errors(unit, lang):
        result = follow_up(root, day, unit, within)
    _ = translator(_lang(lang, result.repo.config.language))
    sys.stdout.write(status_report.RENDERERS[format.value](result, _))


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
