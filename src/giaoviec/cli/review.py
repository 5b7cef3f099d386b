"""Commands of the review workflow and everyday edits: progress, init, new, status, diff."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from giaoviec.app.edit import record
from giaoviec.app.review import review
from giaoviec.app.scaffold import init as init_repository
from giaoviec.app.scaffold import new_assignment as new_assignment_file
from giaoviec.app.score import status as follow_up
from giaoviec.cli.app import LangOption, Session, app, session
from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.render import diff as diff_render
from giaoviec.render import status as status_render
from giaoviec.render.escape import terminal, text_ok
from giaoviec.write import scaffold


def inside_root(s: Session, root: Path, name: str) -> Path:
    """FILE relative to the current folder, else to the repository root; never outside the root."""
    for candidate in (Path.cwd() / name, root / name):
        if candidate.is_file():
            resolved = candidate.resolve()
            try:
                resolved.relative_to(root.resolve())
            except ValueError:
                raise Fatal(ExitCode.USAGE, N_("{path} is outside the data repository."), path=name) from None
            return resolved
    raise Fatal(ExitCode.USAGE, N_("There is no file {path}."), path=name)


@app.command()
def progress(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(metavar="FILE#TASK", help="Tệp giao việc và mã nhiệm vụ, ví dụ assignments/2022/nguyet-duc/nguyen-van-an.yaml#05.")],
    value: Annotated[float | None, typer.Option("--value", help="Giá trị chỉ tiêu đã đạt.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Nội dung báo cáo.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Ngày báo cáo (YYYY-MM-DD); mặc định hôm nay.")] = None,
    done_on: Annotated[str | None, typer.Option("--done-on", help="Ghi kết quả: ngày hoàn thành (và --value là giá trị đạt được).")] = None,
    lang: LangOption = None,
) -> None:
    """Thêm một báo cáo tiến độ (hoặc ghi kết quả) vào tệp, giữ nguyên mọi dòng khác.

    Ví dụ: giaoviec progress assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml#01 --value 3 --note "Đã hợp nhất dữ liệu"
    """
    s = session(ctx, lang)
    root = s.root()
    file_part, _sep, task_id = target.rpartition("#")
    if not file_part or not task_id:
        raise Fatal(ExitCode.USAGE, N_("Write the target as FILE#TASK, e.g. assignments/2022/xa/can-bo.yaml#05."))
    path = inside_root(s, root, file_part)
    if note is not None and not text_ok(note):
        raise Fatal(ExitCode.USAGE, N_("--note holds bytes that are not text (check the terminal's encoding)."))
    change = record(root, path, task_id, value, note, s.date(date), s.date(done_on), dt.date.today())
    before = set(change.before.splitlines())
    console = Console(highlight=False, soft_wrap=True)
    console.print(Text(terminal(s.gettext()(N_("Updated {path}:")).format(path=path.relative_to(root).as_posix()))))
    for line in change.after.splitlines():
        if line not in before:
            console.print(Text(terminal("+ " + line), style="green"))


@app.command()
def init(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="Thư mục kho dữ liệu mới (mặc định: thư mục hiện tại).")] = Path("."),
    organization: Annotated[str, typer.Option("--organization", help="Tên tổ chức.")] = "Đảng bộ (sửa tên tổ chức)",
    source: Annotated[str, typer.Option("--source", help="Kho git mà CI và pre-commit cài giaoviec từ đó.")] = scaffold.SOURCE,
    ref: Annotated[str | None, typer.Option("--ref", help="Thẻ phiên bản (v0.1.0) hoặc mã commit của kho đó; mặc định: thẻ của phiên bản này.")] = None,
    requirement: Annotated[str | None, typer.Option("--pip", help="Cài từ một kho gói thay cho kho git, ví dụ giaoviec==0.1.0.")] = None,
    commit: Annotated[bool, typer.Option("--commit", help="Tạo commit đầu tiên với các tệp vừa viết.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè các tệp mẫu đã có trong thư mục.")] = False,
    lang: LangOption = None,
) -> None:
    """Tạo kho dữ liệu mới: cấu hình, đơn vị, cán bộ, quy trình CI, pre-commit, CODEOWNERS, cài đặt
    trình soạn thảo; khởi tạo git nếu thư mục chưa ở trong một kho git, kiểm tra kho vừa tạo và in
    các bước tiếp theo.

    Ví dụ: giaoviec init kho-giao-viec --organization "Đảng bộ tỉnh Phú Thọ" --commit
    """
    s = session(ctx, lang)
    _ = s.gettext()
    done = init_repository(folder, organization, requirement or scaffold.install_requirement(source, ref), force,
                           _("Initial data repository (giaoviec init)") if commit else None)
    for path in done.written:
        s.note(N_("wrote {path}"), path=str(path))
    if done.git_init:
        s.note(N_("git init did not run ({problem}); the files are written."), problem=done.git_init)
    elif done.git_init == "":
        s.note(N_("Initialised an empty git repository in {path} (branch main)."), path=str(folder))
    if done.errors:
        s.note(N_("The new repository has {n} errors: run giaoviec validate in it."), n=done.errors)
    else:
        s.note(N_("The new repository validates: {files} files, 0 errors."), files=done.files)
    if done.commit_problem:
        raise Fatal(ExitCode.USAGE, N_("The files are written but git could not commit them: {problem}."), problem=done.commit_problem,
                    hint=N_("Set who you are (git config user.name, git config user.email), then git add -A && git commit."))
    if commit:
        s.note(N_("Committed the files to git."))
    print(_("""Next steps:
  1. Put the real units and cadres in org/units.yaml and org/cadres.yaml, then run: giaoviec validate
  2. Put the real teams in CODEOWNERS: who must approve changes to assignments (Ban Tổ chức), to council scores (the council), to the rules (Ban Thường vụ).
  3. Create an empty repository on the git host (GitHub or GitLab), then: git remote add origin ADDRESS && git push -u origin main
  4. Protect the main branch: changes only through pull requests, with the giaoviec check passing and the approval of the owners in CODEOWNERS.
  5. Each person who edits files: pip install pre-commit && pre-commit install (checks every commit before it is made)."""))


new_app = typer.Typer(help="Tạo tệp mới từ mẫu.", no_args_is_help=True)
app.add_typer(new_app, name="new")


class Program(str, Enum):
    focus = "focus"
    breakthrough = "breakthrough"
    action_program = "action-program"
    product_contract = "product-contract"


@new_app.command("assignment")
def new_assignment(
    ctx: typer.Context,
    cadre: Annotated[str, typer.Option("--cadre", help="Mã cán bộ.")],
    period: Annotated[str, typer.Option("--period", help="Năm (2026) hoặc nhiệm kỳ (2021-2025).")],
    program: Annotated[Program, typer.Option("--program", help="focus | breakthrough | action-program | product-contract")] = Program.focus,
    lang: LangOption = None,
) -> None:
    """Tạo tệp giao việc mới cho một cán bộ, đơn vị và chức vụ lấy từ danh sách cán bộ.

    Ví dụ: giaoviec new assignment --cadre nguyen-van-an --period 2027
    """
    s = session(ctx, lang)
    root = s.root()
    path = new_assignment_file(root, cadre, period, program.value)
    print(s.gettext()(N_("wrote {path}")).format(path=path.relative_to(root).as_posix()))


class StatusFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def status(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Tính đến ngày (YYYY-MM-DD); mặc định hôm nay.")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Chỉ đơn vị này và các đơn vị trực thuộc.")] = None,
    within: Annotated[int, typer.Option("--within", help="Sắp đến hạn: trong số ngày này.")] = 30,
    format: Annotated[StatusFormat, typer.Option("--format", "-f", help="text | json")] = StatusFormat.text,
    lang: LangOption = None,
) -> None:
    """Danh sách đôn đốc: việc quá hạn, sắp đến hạn, chưa báo cáo tiến độ kỳ này.

    Ví dụ: giaoviec status --unit nguyet-duc-phu-tho --within 45
    """
    s = session(ctx, lang)
    day = s.date(as_of)
    result, _checked = follow_up(s.root(), day, unit, within, fast_reader=s.env.fast_reader)
    sys.stdout.write(status_render.RENDERERS[format.value](result, s.gettext()))
    raise typer.Exit(int(ExitCode.OK if result.complete else ExitCode.DATA_ERRORS))


class DiffFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
def diff(
    ctx: typer.Context,
    base: Annotated[str, typer.Argument(help="Phiên bản gốc (nhánh, thẻ hoặc commit), ví dụ origin/main.")],
    head: Annotated[str | None, typer.Argument(help="Phiên bản mới; mặc định là thư mục làm việc hiện tại.")] = None,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="text | md | json (md để đăng làm bình luận pull request).")] = DiffFormat.text,
    max_chars: Annotated[int, typer.Option("--max-chars", min=0, help="md: số ký tự tối đa (mặc định 65536, giới hạn một bình luận trên GitHub; 0: không giới hạn); phần không vừa được nêu tên trong một ghi chú.")] = diff_render.COMMENT_LIMIT,
    full_at: Annotated[str | None, typer.Option("--full-at", help="md: địa chỉ bản đầy đủ (ví dụ trang của lần chạy CI), ghi trong ghi chú khi phải cắt bớt.")] = None,
    lang: LangOption = None,
) -> None:
    """Tóm tắt thay đổi giữa hai phiên bản bằng lời nghiệp vụ, và ảnh hưởng tới điểm, xếp loại.

    Ví dụ: giaoviec diff origin/main --format md >> "$GITHUB_STEP_SUMMARY"
    """
    s = session(ctx, lang)
    result = review(s.root(), base, head)
    if format is DiffFormat.md:
        sys.stdout.write(diff_render.markdown(result, s.gettext(), max_chars or None, full_at))
    else:
        sys.stdout.write(diff_render.RENDERERS[format.value](result, s.gettext()))
