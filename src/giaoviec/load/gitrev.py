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


def _prefix(root: Path) -> tuple[Path, str]:
    """The top of the work tree and the data repository's folder in it ("" at the top)."""
    top = toplevel(root)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    return top, "" if prefix == "." else prefix + "/"


def changed_paths(root: Path, base: str, head: str | None) -> list[str]:
    """The YAML files of the data repository that differ between the commits `base` and `head` (the
    work tree when `head` is None, files git does not ignore included), as paths relative to `root`."""
    top, prefix = _prefix(root)
    where = prefix or "."
    names = _git(top, "diff", "--name-only", "-z", "--no-renames", base, *([head] if head else []), "--", where).split(b"\0")
    if head is None:
        names += _git(top, "ls-files", "-z", "--others", "--exclude-standard", "--", where).split(b"\0")
    out = {n.decode("utf-8", "surrogateescape") for n in names if n}
    return sorted(p[len(prefix):] for p in out if p.startswith(prefix) and p.lower().endswith((".yaml", ".yml")))


def is_clean_head(root: Path, rev: str) -> bool:
    """Whether the work tree's data repository is exactly the commit `rev` (checked out, nothing changed)."""
    if resolve(root, "HEAD") != rev:
        return False
    return not _git(root, "status", "--porcelain", "--untracked-files=all", "--", ".").strip()


@contextmanager
def sparse_checkout(root: Path, rev: str, paths: list[str]) -> Iterator[Path]:
    """Only `paths` of the data repository as they are at the commit REV (those that exist there),
    written as plain files into a temporary folder removed afterwards."""
    top, prefix = _prefix(root)
    folder = Path(tempfile.mkdtemp(prefix="giaoviec-rev-"))
    try:
        wanted = [p for p in paths if p and not p.startswith("/") and ".." not in PurePosixPath(p).parts]
        if wanted:
            request = "".join(f"{rev}:{prefix}{p}\n" for p in wanted).encode("utf-8", "surrogateescape")
            try:
                proc = subprocess.run(["git", "-C", str(top), "cat-file", "--batch"], input=request, capture_output=True,
                                      check=False, timeout=120)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise git_error(str(exc)) from exc
            if proc.returncode != 0:
                raise git_error(proc.stderr.decode("utf-8", "replace").strip() or "git cat-file failed")
            out, at = proc.stdout, 0
            for rel in wanted:
                end = out.index(b"\n", at)
                header = out[at:end].split()
                at = end + 1
                if len(header) != 3 or header[1] != b"blob":
                    continue  # missing at REV (added since), or not a file
                size = int(header[2])
                target = folder / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(out[at:at + size])
                at += size + 1
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
