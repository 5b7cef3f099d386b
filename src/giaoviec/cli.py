"""The command line: the app, its global options, the helpers every command shares, and main().

Each command (in giaoviec/commands/) turns arguments into one call, a reporter and an exit code;
only the command modules and this one print."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from giaoviec import __version__
from giaoviec.diagnostics import N_, ExitCode
from giaoviec.gitrev import GitError
from giaoviec.i18n import translator
from giaoviec.repository import RepositoryError, find_root
from giaoviec.score_year import NoProfile, UnknownUnit

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


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(translator(_lang(None))(N_("'{value}' is not a date written YYYY-MM-DD.")).format(value=value)) from None


@contextmanager
def _scope_errors(unit: Optional[str], lang: Optional[Lang]) -> Iterator[None]:
    """An unknown --unit is a usage error (exit 2); no scoring profile in force is a repository error (exit 3)."""
    try:
        yield
    except UnknownUnit:
        raise typer.BadParameter(translator(_lang(lang))(N_("Unknown unit '{unit}'.")).format(unit=unit), param_hint="--unit") from None
    except NoProfile as exc:
        raise RepositoryError(N_("No scoring profile is in force on {date}: add a range to 'scoring' in giaoviec.yaml."), date=exc.day.isoformat()) from None


def _inside_root(root: Path, name: str) -> Path:
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


from giaoviec.commands import checking, results, review, sheets  # noqa: E402,F401 - registers the commands, in this order
