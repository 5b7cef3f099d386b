"""A change from a form, written as `progress` writes it: the byte-preserving editor (write.edit),
validated before it is written, atomic, one writer at a time (write.atomic.locked, the CLI's lock),
and refused when the file is not the one the form was made from (its digest). `--commit`: one git
commit in the domain's words."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from giaoviec.app.edit import Stale, digest, record
from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.write import edit

__all__ = ["Stale", "commit", "digest", "task_place", "write"]


def write(root: Path, rel: str, shown_digest: str, task: str, day: dt.date | None, value: float | None, note: str | None,
          done_on: dt.date | None, today: dt.date, evidence: tuple[str, ...] = ()) -> edit.Edit:
    """Fatal (the editor's located refusal) or Stale; else the change, written: `progress`'s own
    function (app.edit.record), with the digest the form was made from."""
    return record(root, root.resolve() / rel, task, value, note, day, done_on, today, evidence, expected=shown_digest)


def commit(root: Path, rel: str, message: str) -> None:
    """One commit of this file alone, the author from git's own configuration."""
    for args in (["git", "add", "--", rel], ["git", "commit", "-q", "-m", message, "--only", "--", rel]):
        done = subprocess.run(args, cwd=root, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise Fatal(ExitCode.DATA_ERRORS, N_("The change was written but git could not commit it: {problem}"),
                        problem=done.stderr.strip() or done.stdout.strip())


def task_place(path: Path, task: str) -> tuple[int, int] | None:
    """The 1-based line and column of the task's `id` in the file, to locate a refusal; None when unsure."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from giaoviec.load import yamlio

    try:
        documents = yamlio.compose(path.read_bytes().decode("utf-8-sig"))
    except Exception:  # a file the editor could not read either: no place to add
        return None
    for root in documents:
        if not isinstance(root, MappingNode):
            continue
        tasks = next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "tasks"), None)
        for item in tasks.value if isinstance(tasks, SequenceNode) else ():
            if isinstance(item, MappingNode):
                for k, v in item.value:
                    if isinstance(k, ScalarNode) and k.value == "id" and isinstance(v, ScalarNode) and v.value == task:
                        return k.start_mark.line + 1, k.start_mark.column + 1
    return None
