"""A change from a form, written as `progress` writes it: the byte-preserving editor (write.edit),
validated before it is written, atomic, one writer at a time (write.atomic.locked, the CLI's lock),
and refused when the file is not the one the form was made from (its digest). `--commit`: one git
commit in the domain's words."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from giaoviec import typed
from giaoviec.app.edit import Stale, digest, record
from giaoviec.characters import REFUSED, one_line
from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.model.common import LIMIT
from giaoviec.write import edit

__all__ = ["Refused", "Stale", "commit", "digest", "form_date", "form_number", "form_text", "task_place", "write"]


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


NOTE_LIMIT = 2000  # characters: a note is a line of the file, not a document (attach a link to one as evidence)


class Refused(ValueError):
    """A form field that cannot be written as typed: its label (a msgid of words.py) and the message."""

    def __init__(self, field: str, message: str, **args: object):
        super().__init__(message)
        self.field, self.message, self.args_ = field, message, args

    def say(self, _) -> str:
        return f"{_(self.field)}: " + _(self.message).format(**self.args_)


def form_date(raw: object, field: str) -> dt.date | None:
    """A date as the form's date field sends it (YYYY-MM-DD), with the CLI's messages (cli.app's Session.date)."""
    text = str(raw or "").strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise Refused(field, N_("'{value}' is not a date written YYYY-MM-DD."), value=one_line(text))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Refused(field, N_("'{value}' is a date that does not exist in the calendar."), value=one_line(text)) from None


def form_number(raw: object, field: str) -> float | None:
    """A value as `progress` reads it (giaoviec.typed: 18.5 or 18,5; "1.200" refused as ambiguous,
    never divided by a thousand in silence), and no larger than a figure of a task can be."""
    text = str(raw or "").strip()
    if not text:
        return None
    try:
        value = typed.number(text)
    except typed.Untyped as e:
        raise Refused(field, e.message, value=one_line(text)) from None
    if abs(value) > LIMIT:  # as the data's own check (model.common.Figure)
        raise Refused(field, N_("'{value}' is larger than any figure of a task can be (more than 10^15): check the number typed."),
                      value=one_line(text))
    return value


def form_text(raw: object, field: str, limit: int = NOTE_LIMIT) -> str | None:
    """A note or a link as typed, refused when the file could not keep it as it is: a control character
    or an invisible mark (characters.REFUSED, which the data's own check refuses), or past `limit`."""
    text = str(raw or "").strip()
    if not text:
        return None
    found = REFUSED.search(text)
    if found is not None:
        raise Refused(field, N_("holds a character that a data file may not hold ({char}, a control character or an invisible mark); remove it."),
                      char=one_line(found.group()))
    if len(text) > limit:
        raise Refused(field, N_("{length} characters: at most {limit} are kept (put a longer text in a document and link it as evidence)."),
                      length=len(text), limit=limit)
    return text
