"""Commands that check the data: validate, rules, schema."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from giaoviec.cli.app import LangOption, app, plain_console, session
from giaoviec.diagnostics import N_, exit_code
from giaoviec.quickhelp import command_help


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


@app.command(help=command_help("validate"))
def validate(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(help=N_("Report only on these files or folders (references are still checked against the whole repository)."))] = None,
    format: Annotated[Format | None, typer.Option("--format", "-f", help=N_("text | json | github | sarif (github is chosen when GITHUB_ACTIONS=true)."))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Warnings fail the command too (exit code 1)."))] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=N_("Do not use the cache of results (read every file again)."))] = False,
    base: Annotated[str | None, typer.Option("--base", help=N_("A git revision to compare with: a changed target, due date or weight needs an amendment decision."))] = None,
    lang: LangOption = None,
) -> None:
    from giaoviec.app.validate import validate as run_validate
    from giaoviec.render.diagnostics import RENDERERS, ReportContext
    s = session(ctx, lang)
    root = s.root()
    with s.progress() as progress:
        result = run_validate(root, paths, progress=progress, cache_folder=None if no_cache else s.env.cache_folder,
                              base=base, reader=s.env.reader)
    _ = s.gettext()
    chosen = format.value if format else ("github" if s.env.github_actions else "text")
    diagnostics = [d.localize(_) for d in result.diagnostics]
    tally = result.tally
    git_root = None
    if chosen == "sarif":  # (git's top folder: SARIF's paths; gitrev imports tarfile, not needed otherwise)
        from giaoviec.load import gitrev

        git_root = gitrev.toplevel_or_none(root)
    with s.job_summary(chosen == "github") as summary:
        RENDERERS[chosen](diagnostics, ReportContext(
            root=root, tally=tally, gettext=_, console=plain_console() if chosen == "text" else None,  # (rich: for text alone)
            out=sys.stdout, summary=summary, workspace=s.env.github_workspace,
            git_root=git_root,
        ))
    s.say(tally.summary())
    raise typer.Exit(int(exit_code(diagnostics, strict)))


class RulesFormat(str, Enum):
    text = "text"
    md = "md"


@app.command(help=command_help("rules"))
def rules(
    ctx: typer.Context,
    format: Annotated[RulesFormat, typer.Option("--format", "-f", help=N_("text | md (the page docs/ma-loi.md)."))] = RulesFormat.text,
    lang: LangOption = None,
) -> None:
    from giaoviec.codes import CODES
    from giaoviec.render import rules as rules_render
    from giaoviec.render.output import Output
    rules_render.RENDERERS[format.value](CODES, Output(gettext=session(ctx, lang).gettext(), out=sys.stdout, console=plain_console()))


@app.command(help=command_help("schema"))
def schema(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", help=N_("The folder to write the JSON Schemas to."))] = Path("schemas"),
    lang: LangOption = None,
) -> None:
    from giaoviec.render import schemas
    from giaoviec.write.paths import output_path
    s = session(ctx, lang)
    rendered = schemas.render_all()
    for name in rendered:  # every target checked before any is written: all of them or none
        output_path(out / name, None, False)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in rendered.items():
        s.write_out(out / name, text.encode("utf-8"))
