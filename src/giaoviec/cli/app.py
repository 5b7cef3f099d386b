"""The command line's frame: the typer app, its global options, the `Session` every command
receives (root, language, dates, consoles, output files), and `main()`, the one place that turns
a Fatal or an unexpected failure into an exit code.

Each command (cli/check.py, results.py, review.py, sheets.py) parses its arguments, makes one
call into `giaoviec.app` (or `giaoviec.write`), hands the value to a renderer and exits.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import stat
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from giaoviec import __version__, quickhelp, typed
from giaoviec.cli import click_words, coercion, tree
from giaoviec.cli.env import Environment
from giaoviec.diagnostics import N_, Diagnostic, ExitCode, Fatal, usage_error
from giaoviec.i18n import Gettext, Phrase, say, translator
from giaoviec.load.files import CONFIG_FILE, find_root
from giaoviec.render.escape import one_line, terminal
from giaoviec.render.output import error_line, plain_console
from giaoviec.terminal import no_terminal

if TYPE_CHECKING:
    from rich.console import Console  # (imported when a console is made: `--help` needs none)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help=quickhelp.MAIN_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(str, Enum):
    vi = "vi"
    en = "en"


LangOption = Annotated[Lang | None, typer.Option("--lang", help=quickhelp.LANG_HELP)]
PublicOption = Annotated[bool, typer.Option("--public", help=N_(
    "The public version: computed from the data without its confidential files and tasks (their notes, evidence and council scores), then says how many were left out."))]


@dataclass
class Session:
    """What a run knows beyond one command's arguments; created by main(), filled by the options."""

    env: Environment
    root_option: Path | None = None
    lang_option: str | None = None
    debug: bool = False
    _config_lang: dict[Path, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from giaoviec.load import journal

        journal.use_state_folder(self.env.state_folder)

    def use(self, lang: Lang | None) -> Session:
        """Takes the command's own --lang (given after the command) for everything it prints."""
        if lang is not None:
            self.lang_option = lang.value
        return self

    def root(self) -> Path:
        if self.root_option is not None:
            if not (self.root_option / CONFIG_FILE).is_file():
                if os.path.lexists(self.root_option / CONFIG_FILE):
                    raise Fatal(ExitCode.REPOSITORY, N_("{file} in {root} is not a regular file (a folder, a pipe, a device or a broken link): it cannot be read."),
                                file=CONFIG_FILE, root=str(self.root_option))
                raise Fatal(ExitCode.REPOSITORY, N_("No {file} in {root}."), file=CONFIG_FILE, root=str(self.root_option))
            return self.root_option.resolve()
        found = find_root(Path.cwd())
        if found is None:
            raise Fatal(ExitCode.REPOSITORY, N_("No {file} found in {root} or any folder above it."), file=CONFIG_FILE, root=str(Path.cwd()))
        return found

    def lang(self) -> str:
        """--lang, else GIAOVIEC_LANG, else the repository's configured language, else the locale's
        (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else Vietnamese."""
        return self.lang_option or self.env.lang or self._configured() or self.env.locale_lang or "vi"

    def gettext(self) -> Gettext:
        return translator(self.lang())

    def _configured(self) -> str | None:
        try:
            root = self.root()
        except Fatal:
            return None
        if root not in self._config_lang:
            from giaoviec.load import settings

            folder = self.env.cache_folder  # no model (a command answered from the cache loads none); no YAML read for bytes already read
            named = settings.kept_language(root, folder) if folder is not None else settings.language(root)
            if named is None:
                from giaoviec.load.documents import read_file
                from giaoviec.model import Config

                docs, _ = read_file(root, CONFIG_FILE)
                named = next((d.model.language for d in docs if isinstance(d.model, Config)), None)
            self._config_lang[root] = named
        return self._config_lang[root]

    def date(self, value: str | None) -> dt.date | None:
        """An option's YYYY-MM-DD date; anything else is a usage error in the run's language."""
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):  # written as a date, but not one the calendar has
                raise usage_error(N_("'{value}' is a date that does not exist in the calendar."), value=value) from None
            raise usage_error(N_("'{value}' is not a date written YYYY-MM-DD."), value=value) from None

    def number(self, value: str | None) -> float | None:
        """An option's number, as giaoviec.typed reads what a person types; anything else is a usage error."""
        if value is None:
            return None
        try:
            return typed.number(value)
        except typed.Untyped as e:
            raise usage_error(e.message, value=value) from None

    def year(self, value: int | None) -> int | None:
        """A year option or argument: the calendar's years only (a usage error otherwise)."""
        if value is not None and not 1900 <= value <= 9999:
            raise usage_error(N_("{value} is not a year (1900–9999)."), value=value)
        return value

    def err(self) -> Console:
        return plain_console(stderr=True)

    def console(self, wide: bool = False) -> Console:
        """The console of stdout; `wide`: off a terminal, wide lines rather than wrapped tables."""
        console = plain_console()
        return console if console.is_terminal or not wide else plain_console(width=200)

    def print_errors(self, diagnostics: Iterable[Diagnostic], console: Console | None = None) -> None:
        """Each diagnostic on a line of its own on stderr (`console`), in the run's language: the errors
        a result leaves out (score, report) or a Fatal carries."""
        from rich.text import Text

        console = console or self.err()
        _ = self.gettext()
        for d in diagnostics:
            from giaoviec.render.diagnostics import line  # (only when there is one: not at start-up)

            console.print(Text(terminal(line(d.localize(_), _))))

    @contextmanager
    def job_summary(self, wanted: bool) -> Iterator[TextIO | None]:
        """The GitHub job summary ($GITHUB_STEP_SUMMARY), opened to append, when `wanted` and there is one."""
        if not wanted or not self.env.github_summary:
            yield None
            return
        with self.env.github_summary.open("a", encoding="utf-8") as summary:
            yield summary

    def note(self, message: str, **args: object) -> None:
        """A line of its own on stderr, in the run's language."""
        shown = {k: one_line(v) if isinstance(v, (str, os.PathLike)) else v for k, v in args.items()}  # a path on its line, whatever it holds
        error_line(terminal(self.gettext()(message).format(**shown)))  # (rich only for a terminal: render/output.py)

    def say(self, line: Phrase) -> None:
        """A Phrase on a line of its own on stderr, in the run's language (its counts as the language writes them)."""
        error_line(terminal(say(line, self.gettext())))

    @contextmanager
    def progress(self) -> Iterator[Callable[[int, int], None] | None]:
        """A progress bar on stderr for runs past ~2 s; nothing off a terminal or under CI."""
        if self.env.ci or no_terminal(sys.stderr):  # (told without rich: a run off a terminal need not import it)
            yield None
            return
        console = self.err()
        if not console.is_terminal:
            yield None
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

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
                task = bar.add_task(self.gettext()(N_("Reading assignment files")), total=total)
            assert task is not None
            bar.update(task, completed=done)

        try:
            yield update
        finally:
            if bar is not None:
                bar.stop()

    def write_out(self, path: Path, data: bytes, force: bool = False, root: Path | None = None, editable: str = "") -> None:
        """Writes an output file (--out) atomically: never over the repository's data, over another
        file only if giaoviec made it or with --force; Fatal (exit 2) when it cannot be written."""
        from giaoviec.write.atomic import write_bytes
        from giaoviec.write.paths import output_path

        write_bytes(output_path(path, root, force, editable), data)
        self.note(N_("wrote {path}"), path=str(path))

    @contextmanager
    def writing_out(self, path: Path | None, force: bool = False, root: Path | None = None, encoding: str = "utf-8",
                    binary: bool = False, editable: str = "", lines_of_data: bool = False) -> Iterator[Any]:
        """An output written a piece at a time: to --out atomically (as write_out), or to standard output
        (`lines_of_data`: text whose lines may start with what the data holds, a CSV cell's line: see
        `commands_stopped`)."""
        from giaoviec.write.atomic import writing
        from giaoviec.write.paths import output_path

        if path is None:
            if binary:
                yield sys.stdout.buffer
            elif lines_of_data:
                with self.commands_stopped(sys.stdout) as out:
                    yield out
            else:
                yield sys.stdout
            return
        with writing(output_path(path, root, force, editable)) as raw:
            if binary:
                yield raw
            else:
                text = io.TextIOWrapper(raw, encoding=encoding, newline="")
                yield text
                text.flush()
                text.detach()
        self.note(N_("wrote {path}"), path=str(path))


    @contextmanager
    def commands_stopped(self, out: TextIO) -> Iterator[TextIO]:
        """Standard output whose lines may start with the data's own text (a CSV cell of several lines):
        on GitHub Actions, where a line starting with :: is a workflow command, it is written between
        ::stop-commands::TOKEN and ::TOKEN:: (a random token), GitHub's way to print untrusted text.
        Not when it is redirected to a file, which the runner never reads."""
        if not self.env.github_actions or _regular_file(out):
            yield out
            return
        import secrets  # (it imports hashlib: not at start-up)

        token = secrets.token_hex(16)
        out.write(f"::stop-commands::{token}\n")
        try:
            yield out
        finally:
            out.write(f"::{token}::\n")


def _regular_file(out: TextIO) -> bool:
    try:
        return stat.S_ISREG(os.fstat(out.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):  # a stream with no file (a test's capture)
        return False


def session(ctx: typer.Context, lang: Lang | None = None) -> Session:
    if ctx.obj is None:  # run without main() (typer's test runner)
        ctx.obj = Session(Environment.read())
    return ctx.obj.use(lang)


def _version(value: bool) -> None:
    if value:
        print(f"giaoviec {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    root: Annotated[Path | None, typer.Option("-C", "--root", help=quickhelp.ROOT_HELP)] = None,
    lang: LangOption = None,
    debug: Annotated[bool, typer.Option("--debug", help=quickhelp.DEBUG_HELP)] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help=quickhelp.VERSION_HELP)] = False,
) -> None:
    s = session(ctx)
    s.root_option = root
    s.lang_option = lang.value if lang else None
    s.debug = debug


def _early_options(args: list[str]) -> tuple[Path | None, str | None]:
    """-C/--root and --lang as written anywhere on the command line, before Click parses it: the
    language of the help and of Click's errors is chosen before Click speaks."""
    root = lang = None
    for i, arg in enumerate(args):
        value = args[i + 1] if i + 1 < len(args) else None
        if arg in ("-C", "--root") and value:
            root = Path(value)
        elif arg.startswith("--root="):
            root = Path(arg.split("=", 1)[1])
        elif arg == "--lang" and value in ("vi", "en"):
            lang = value
        elif arg in ("--lang=vi", "--lang=en"):
            lang = arg.split("=", 1)[1]
    return root, lang


def _said(phrase: Phrase, _: Gettext) -> str:
    """A fatal error's phrase: a path or value in it on its line, whatever it holds (`one_line`)."""
    return say(Phrase(phrase.id, tuple((k, one_line(v) if isinstance(v, (str, os.PathLike)) else v) for k, v in phrase.args)), _)


def main() -> None:
    s = Session(Environment.read())
    # a library's generator left open by an error we report is collected later; its complaint is noise
    sys.unraisablehook = lambda unraisable: traceback.print_exception(unraisable.exc_value) if s.debug else None
    args = sys.argv[1:]
    s.root_option, s.lang_option = _early_options(args)  # the help and Click's own words speak the run's language too
    command = tree.command(app, args)  # (of the command the line names: start-up)
    coercion.install(command)  # the command line's values converted without pydantic (start-up)
    click_words.localize(command, s.gettext())
    try:
        code = command.main(args=args, prog_name="giaoviec", standalone_mode=False, obj=s)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Fatal as exc:
        from rich.text import Text

        _ = s.gettext()
        console = s.err()
        console.print(Text(terminal(_said(exc.phrase, _)), style="bold red"))
        if exc.hint is not None:
            console.print(Text(terminal("  = " + _("hint") + ": " + _said(exc.hint, _))))
        s.print_errors(exc.diagnostics, console)
        sys.exit(int(exc.code))
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    except Exception as exc:
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            # a usage error (typer's own copy of click): exit 2, in the run's language
            print(terminal(click_words.usage_error(exc, s.gettext())), file=sys.stderr)
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        _ = s.gettext()
        if s.debug:
            traceback.print_exc()
        print(terminal(_("Internal error: {error}. Please report it with the command you ran; --debug shows the details.").format(
            error=f"{type(exc).__name__}: {exc}")), file=sys.stderr)
        sys.exit(int(ExitCode.INTERNAL))
