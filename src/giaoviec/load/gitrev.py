"""A revision of the data repository, checked out read-only into a temporary folder (git archive)."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from giaoviec.diagnostics import N_, ExitCode, Fatal


def git_error(problem: str) -> Fatal:
    """git is missing, the folder is not a work tree, or the revision does not exist (exit 2)."""
    return Fatal(ExitCode.USAGE, N_("git: {problem}"), problem=problem)


def _git(root: Path, *args: str) -> bytes:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise git_error(str(exc)) from exc
    if proc.returncode != 0:
        raise git_error(proc.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return proc.stdout


def toplevel(root: Path) -> Path:
    return Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())


def toplevel_or_none(root: Path) -> Path | None:
    """The top of the git work tree holding `root`, or None (no git, not a work tree)."""
    try:
        return toplevel(root)
    except Fatal:
        return None


def resolve(root: Path, rev: str) -> str:
    """The commit id of REV (refusing anything that is not a revision, such as an option)."""
    if rev.startswith("-"):
        raise git_error(f"not a revision: {rev}")
    return _git(root, "rev-parse", "--verify", "--quiet", rev + "^{commit}").decode().strip()


@contextmanager
def checkout(root: Path, rev: str) -> Iterator[Path]:
    """The data repository (root) as it was at REV, in a temporary folder removed afterwards."""
    commit = resolve(root, rev)
    top = toplevel(root)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    archive = _git(top, "archive", "--format=tar", commit, "--", prefix if prefix != "." else ".")
    folder = Path(tempfile.mkdtemp(prefix="giaoviec-rev-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            for member in tar.getmembers():
                name = PurePosixPath(member.name)
                if member.issym() or member.islnk() or name.is_absolute() or ".." in name.parts:
                    continue  # nothing may point outside the temporary folder
                tar.extract(member, folder, filter="data") if hasattr(tarfile, "data_filter") else tar.extract(member, folder)
        yield folder / prefix if prefix != "." else folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
