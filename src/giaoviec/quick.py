"""The entry point (`giaoviec`, `python -m giaoviec`): `validate` answered from its cache before the
command line is built. What pre-commit and a second run ask — `[-C DIR] validate [FILE…] [--format
text|json]` — is answered from the cache without importing Typer (about half of such a run's time);
when the cache does not hold the whole answer (a file changed) and stderr is no terminal (no progress
bar to show: pre-commit, a script), the files are checked again here too, by app/validate, as the
command line would. Any other line (another option, `--help`, a typo, `--`), a miss on a terminal, a
repository the line cannot use, GitHub Actions, the cache turned off, an output stream that is not
UTF-8 or a failure before printing goes to the command line (cli/) untouched, which then says what it
says (a scan made here is not made again: app/validate.answered). The answer is the command line's own: the same functions (app/validate,
render/diagnostics, the run's language chosen as cli/app.Session does, the same exit code);
the summary line on stderr is written as the command line writes it (render/output.error_line:
without rich when stderr is no terminal; tests/test_quick.py compares every line of both ways, in
vi and en, errors and warnings present).

Buys: `benchmarks/ab.py --old c99840d --new 745cddb --files 1 --pairs 20` (load average 2–3), wall
medians: `validate` answered from the cache 0.25 → 0.13 s (× 0.54; CPU 0.24 → 0.13 s), `validate
FILE` 0.20 → 0.10 s (× 0.53; CPU 0.20 → 0.10 s): the bar of ≤ 150 ms (docs/performance.md, Devices).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from giaoviec.app.validate import Validation
    from giaoviec.i18n import Gettext

FORMATS = ("text", "json")


def main() -> None:
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # (as cli/__init__: no search of installed plugins)
    args = sys.argv[1:]
    if args[-1:] in (["--help"], ["-h"]):
        from giaoviec import quickhelp

        text = quickhelp.answer(args)  # (the main help, before Typer is imported: quickhelp.py)
        if text is not None:
            sys.stdout.write(text)
            sys.stdout.flush()
            sys.exit(0)
    answer(args)  # exits when it answers
    from giaoviec.cli import main as command_line

    command_line()


def read_line(args: list[str]) -> tuple[str | None, list[str], str | None] | None:
    """(-C's folder, the paths, --format) of `[-C DIR | --root DIR | --root=DIR] validate [FILE…]
    [--format|-f text|json | --format=text|json]`, each option once; None for any other line."""
    root: str | None = None
    if args[:1] in (["-C"], ["--root"]) and len(args) > 1:
        root, args = args[1], args[2:]
    elif args[:1] and args[0].startswith("--root="):
        root, args = args[0].split("=", 1)[1], args[1:]
    if root == "" or args[:1] != ["validate"]:
        return None
    paths: list[str] = []
    chosen: str | None = None
    rest = iter(args[1:])
    for arg in rest:
        if arg in ("--format", "-f") or arg.startswith("--format="):
            value = arg.split("=", 1)[1] if "=" in arg else next(rest, None)
            if chosen is not None or value not in FORMATS:
                return None
            chosen = value
        elif arg.startswith("-") or arg == "":
            return None
        else:
            paths.append(arg)
    return root, paths, chosen


def answer(args: list[str]) -> None:
    """Exits with validate's answer from the cache, or returns (the command line then runs)."""
    line = read_line(args)
    if line is None:
        return
    root_option, paths, chosen = line
    try:
        root = _root(root_option)
    except Exception:  # (a working folder deleted, a loop of links: the command line says it)
        return
    if root is None:
        return
    from giaoviec.load import ahead

    ahead.list_ahead(root)  # (git lists the files while the rest is imported)
    from giaoviec.load.environment import Environment

    env = Environment.read()
    if env.cache_folder is None or env.github_actions:
        return
    if not all((getattr(stream, "encoding", None) or "").lower().replace("-", "") == "utf8" for stream in (sys.stdout, sys.stderr)):
        return  # (what the command line does with text a stream cannot hold is its own to say)
    try:
        answered = _answered(env, root, paths, chosen)
    except Exception:  # before anything is printed: the command line says what went wrong, as it always does
        return
    except KeyboardInterrupt:  # (a file checked again: as cli/app.main says it)
        sys.exit(130)
    if answered is None:
        return
    emit, _ = answered
    try:
        code = emit()
    except KeyboardInterrupt:  # (as cli/app.main says them, once printing began)
        sys.exit(130)
    except Exception as exc:
        from giaoviec.diagnostics import ExitCode
        from giaoviec.render.escape import terminal

        print(terminal(_("Internal error: {error}. Please report it with the command you ran; --debug shows the details.").format(
            error=f"{type(exc).__name__}: {exc}")), file=sys.stderr)
        sys.exit(int(ExitCode.INTERNAL))
    sys.exit(code)


def _root(root_option: str | None) -> Path | None:
    """The repository a line names (-C's folder, holding giaoviec.yaml), or the one the working folder
    is in; None: no answer here (the command line says why)."""
    from giaoviec.load.files import CONFIG_FILE, find_root

    if root_option is not None:
        return Path(root_option).resolve() if (Path(root_option) / CONFIG_FILE).is_file() else None
    return find_root(Path.cwd())


def _answered(env: object, root: Path, paths: list[str], chosen: str | None) -> tuple[Callable[[], int], Gettext] | None:
    """What prints the answer (and gives the exit code), and the run's gettext; None: no answer here."""
    from giaoviec.app.validate import answered
    from giaoviec.diagnostics import exit_code
    from giaoviec.i18n import say, translator
    from giaoviec.load import journal, settings
    from giaoviec.load.environment import Environment
    from giaoviec.render.escape import terminal
    from giaoviec.render.output import error_line

    assert isinstance(env, Environment) and env.cache_folder is not None
    journal.use_state_folder(env.state_folder)  # as cli/app.Session does
    lang = env.lang or settings.kept_language(root, env.cache_folder)  # (Session.lang: --lang is not on this line)
    if lang is None:
        return None  # giaoviec.yaml's language is the model's to say (or the locale's after it): the command line's
    validation = answered(root, paths or None, None, env.cache_folder)
    if validation is None:
        validation = _checked_again(env, root, paths)
    if validation is None:
        return None
    _ = translator(lang)
    diagnostics = [d.localize(_) for d in validation.diagnostics]
    tally = validation.tally
    format = chosen or "text"

    def emit() -> int:
        if format == "json" or diagnostics:  # (text of no diagnostic: nothing printed)
            from giaoviec.render.diagnostics import RENDERERS, ReportContext
            from giaoviec.render.output import plain_console

            RENDERERS[format](diagnostics, ReportContext(
                root=root, tally=tally, gettext=_, console=plain_console() if format == "text" else None, out=sys.stdout,
                workspace=env.github_workspace))
        note = terminal(say(tally.summary(), _))
        error_line(note)  # (as cli/app.Session.note prints it)
        sys.stdout.flush()
        return int(exit_code(diagnostics, False))

    return emit, _


def _checked_again(env: object, root: Path, paths: list[str]) -> Validation | None:
    """A miss (a file changed) checked here, as the command line would check it, when no progress bar
    could be shown (stderr no terminal: what pre-commit and a script see), so that Typer and the command
    tree are not built for it; None otherwise (the command line runs, with the scan made here)."""
    from giaoviec.app.validate import validate
    from giaoviec.load.environment import Environment
    from giaoviec.terminal import no_terminal

    assert isinstance(env, Environment)
    if env.ci or not no_terminal(sys.stderr):  # (cli/app.Session.progress: a bar only on a terminal, never under CI)
        return None
    sys.unraisablehook = lambda unraisable: None  # (as cli/app.main without --debug: a generator left open is noise)
    return validate(root, paths or None, None, None, env.cache_folder, reader=env.reader)
