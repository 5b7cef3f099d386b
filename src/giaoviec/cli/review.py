"""Commands of the review workflow and everyday edits: progress, init, new, status, diff."""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from giaoviec.cli.app import LangOption, PublicOption, Session, app, plain_console, session
from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.formats import COMMENT_LIMIT
from giaoviec.quickhelp import command_help
from giaoviec.render.escape import one_line, terminal, text_ok
from giaoviec.words import SOURCE


def _is_stdout(path: Path) -> bool:
    """Whether standard output is the file at `path` (the job summary, appended to by the shell)."""
    try:
        return os.path.samestat(os.fstat(sys.stdout.fileno()), os.stat(path))
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False


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


@app.command(help=command_help("progress"))
def progress(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(metavar="FILE#TASK", help=N_("The assignment file and the task's id, e.g. assignments/2022/nguyet-duc/nguyen-van-an.yaml#05."))],
    value: Annotated[str | None, typer.Option("--value", help=N_("The value of the indicator reached."))] = None,
    note: Annotated[str | None, typer.Option("--note", help=N_("What the check-in says."))] = None,
    date: Annotated[str | None, typer.Option("--date", help=N_("The date of the check-in (YYYY-MM-DD); default: today."))] = None,
    done_on: Annotated[str | None, typer.Option("--done-on", help=N_("Record the outcome: the completion date (and --value is the value reached)."))] = None,
    evidence: Annotated[list[str] | None, typer.Option("--evidence", help=N_("What the check-in rests on: a document, a link (may be given several times)."))] = None,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.edit import record
    s = session(ctx, lang)
    root = s.root()
    file_part, _sep, task_id = target.rpartition("#")
    if not file_part or not task_id:
        raise Fatal(ExitCode.USAGE, N_("Write the target as FILE#TASK, e.g. assignments/2022/xa/can-bo.yaml#05."))
    path = inside_root(s, root, file_part)
    if note is not None and not text_ok(note):
        raise Fatal(ExitCode.USAGE, N_("--note holds bytes that are not text (check the terminal's encoding)."))
    shown = tuple(e.strip() for e in evidence or () if e.strip())
    if not all(text_ok(e) for e in shown):
        raise Fatal(ExitCode.USAGE, N_("--evidence holds bytes that are not text (check the terminal's encoding)."))
    if shown and done_on is not None:
        raise Fatal(ExitCode.USAGE, N_("--evidence goes with a check-in; the outcome's evidence is written in the file (outcome.evidence)."))
    change = record(root, path, task_id, s.number(value), note, s.date(date), s.date(done_on), dt.date.today(), shown)
    from rich.text import Text

    before = set(change.before.splitlines())
    console = plain_console()
    console.print(Text(terminal(s.gettext()(N_("Updated {path}:")).format(path=one_line(path.relative_to(root).as_posix())))))
    for line in change.after.splitlines():
        if line not in before:
            console.print(Text(terminal("+ " + line), style="green"))


@app.command(help=command_help("init"))
def init(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help=N_("The new repository's folder (default: the current folder)."))] = Path("."),
    organization: Annotated[str, typer.Option("--organization", help=N_("The organisation's name."))] = "Đảng bộ (sửa tên tổ chức)",
    source: Annotated[str, typer.Option("--source", help=N_("The git repository CI and pre-commit install giaoviec from."))] = SOURCE,
    ref: Annotated[str | None, typer.Option("--ref", help=N_("A version tag (v0.1.0) or a commit of that repository; default: this version's tag."))] = None,
    requirement: Annotated[str | None, typer.Option("--pip", help=N_("Install from a package index instead of the git repository, e.g. giaoviec==0.1.0."))] = None,
    commit: Annotated[bool, typer.Option("--commit", help=N_("Make the first commit with the files written."))] = False,
    force: Annotated[bool, typer.Option("--force", help=N_("Replace the template files that are in the folder already."))] = False,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.scaffold import init as init_repository
    from giaoviec.write import scaffold
    s = session(ctx, lang)
    _ = s.gettext()
    if not text_ok(organization):  # it is written into the new repository's files, which may hold no such character
        raise Fatal(ExitCode.USAGE, N_("{option} holds a control character or a bidirectional override, which no data file may hold."),
                    option="--organization")
    for option, value in (("--source", source), ("--ref", ref), ("--pip", requirement)):
        if value is not None and "${{" in value:  # written into the workflow's env:, where GitHub Actions evaluates it
            raise Fatal(ExitCode.USAGE, N_("{option} holds {expression}, which GitHub Actions would evaluate in the workflow; nothing was written."),
                        option=option, expression="${{")
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


new_app = typer.Typer(help=command_help("new"), no_args_is_help=True)
app.add_typer(new_app, name="new")


class Program(str, Enum):
    focus = "focus"
    breakthrough = "breakthrough"
    action_program = "action-program"
    product_contract = "product-contract"


@new_app.command("assignment", help=N_("A new assignment file for a cadre, with the unit and position from the list of cadres.\n\nExample: giaoviec new assignment --cadre nguyen-van-an --period 2027"))
def new_assignment(
    ctx: typer.Context,
    cadre: Annotated[str, typer.Option("--cadre", help=N_("The cadre's id."))],
    period: Annotated[str, typer.Option("--period", help=N_("A year (2026) or a term (2021-2025)."))],
    program: Annotated[Program, typer.Option("--program", help=N_("focus | breakthrough | action-program | product-contract"))] = Program.focus,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.scaffold import new_assignment as new_assignment_file
    s = session(ctx, lang)
    root = s.root()
    path = new_assignment_file(root, cadre, period, program.value)
    print(terminal(s.gettext()(N_("wrote {path}")).format(path=one_line(path.relative_to(root).as_posix()))))


class StatusFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(help=command_help("status"))
def status(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option("--as-of", help=N_("As of this day (YYYY-MM-DD); default: today."))] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=N_("Only this unit and the units below it."))] = None,
    within: Annotated[int, typer.Option("--within", help=N_("Due soon: within this many days."))] = 30,
    format: Annotated[StatusFormat, typer.Option("--format", "-f", help=N_("text | json"))] = StatusFormat.text,
    public: PublicOption = False,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.score import status as follow_up
    from giaoviec.render import status as status_render
    from giaoviec.render.output import Output
    s = session(ctx, lang)
    day = s.date(as_of)
    result, _checked = follow_up(s.root(), day, unit, within, reader=s.env.reader, public=public)
    status_render.RENDERERS[format.value](result, Output(gettext=s.gettext(), out=sys.stdout, lang=s.lang()))
    raise typer.Exit(int(ExitCode.OK if result.complete else ExitCode.DATA_ERRORS))


class DiffFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


@app.command(help=command_help("diff"))
def diff(
    ctx: typer.Context,
    base: Annotated[str, typer.Argument(help=N_("The base revision (a branch, tag or commit), e.g. origin/main."))],
    head: Annotated[str | None, typer.Argument(help=N_("The new revision; default: the work tree."))] = None,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help=N_("text | md | json (md to post as a pull-request comment)."))] = DiffFormat.text,
    max_chars: Annotated[int, typer.Option("--max-chars", min=0, help=N_("md: at most this many characters (default 65536, GitHub's limit for a comment; 0: no limit); what does not fit is named in a note."))] = COMMENT_LIMIT,
    full_at: Annotated[str | None, typer.Option("--full-at", help=N_("md: where the whole text is (the CI run's page, say), given in the note when the text is cut."))] = None,
    public: PublicOption = False,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.review import review
    from giaoviec.render import diff as diff_render
    s = session(ctx, lang)
    result = review(s.root(), base, head, public=public)
    _ = s.gettext()
    summary = s.env.github_summary if format is DiffFormat.md else None
    whole = summary is not None and _is_stdout(summary)  # `>> "$GITHUB_STEP_SUMMARY"`: the job summary takes the whole text
    if format is DiffFormat.md and not whole and max_chars and (least := diff_render.least(result, _, full_at)) > max_chars:
        if full_at and diff_render.least(result, _) <= max_chars:
            raise Fatal(ExitCode.USAGE, N_("--full-at is too long: with it the comment needs {least} characters, more than --max-chars {limit}; give a shorter address."),
                        least=least, limit=max_chars)
        raise Fatal(ExitCode.USAGE, N_("--max-chars {limit} is too small: this comment needs at least {least} characters (0: no limit)."),
                    least=least, limit=max_chars)
    output = diff_render.DiffOutput(gettext=_, out=sys.stdout, lang=s.lang(), limit=None if whole else max_chars or None, full_at=full_at)
    diff_render.RENDERERS[format.value](result, output)
    with s.job_summary(summary is not None and not whole) as out:  # a comment is cut to fit; the job summary has the whole text
        if out is not None:
            diff_render.RENDERERS[format.value](result, replace(output, out=out, limit=None))
