"""`init` and `new assignment` as functions: a new repository made, put in git and validated; the
cadre's existing assignments looked up before a new assignment is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from giaoviec.app.checking import check
from giaoviec.load.repository import assignments_of, load_registry
from giaoviec.write import gitinit, scaffold


def new_assignment(root: Path, cadre: str, period: str, program: str) -> Path:
    registry = load_registry(root)
    return scaffold.new_assignment(registry.repo, cadre, period, program, assignments_of(registry, cadre))


@dataclass(frozen=True)
class Initialised:
    written: list[Path]
    git_init: str | None  # "" when git init ran, its problem when it failed, None when the folder was in a work tree already
    files: int  # what the new repository's validation read
    errors: int
    commit_problem: str | None = None  # when a commit was asked for and git refused it


def init(folder: Path, organization: str, requirement: str, force: bool, commit_message: str | None) -> Initialised:
    """`giaoviec init`: the files (all or none), a git repository where there is none, the new
    repository validated, and its first commit when `commit_message` is given."""
    written = scaffold.init(folder, organization, requirement, force)
    git_init = None if gitinit.inside_work_tree(folder) else (gitinit.init(folder) or "")
    checked = check(folder.resolve())
    errors = sum(1 for d in checked.diagnostics if d.is_error)
    problem = gitinit.commit_all(folder, commit_message) if commit_message else None
    return Initialised(written, git_init, checked.files, errors, problem)
