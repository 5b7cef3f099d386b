"""What a result leaves out, said the same way inside every output (the banner of a report, the
lines under a table, a field of JSON, comment lines of CSV, the first sheet of a workbook)."""

from __future__ import annotations

from giaoviec.characters import one_line
from giaoviec.compute.left_out import Confidential, LeftOut
from giaoviec.i18n import N_, Gettext
from giaoviec.model.values import Repository
from giaoviec.words import LEFT_OUT, word

HEADING = N_("Incomplete: these results leave out what has errors in the data (run giaoviec validate):")


def cadres(item: LeftOut, repo: Repository, _: Gettext) -> str:
    names = [_("unknown cadre") if c == "*" else repo.name(c) for c in item.cadres]
    return ", ".join(names)


def item_line(item: LeftOut, repo: Repository, _: Gettext) -> str:
    """One left-out item as one line of plain text (each output escapes it for where it lands)."""
    e = item.error.localize(_)
    who = cadres(item, repo, _)
    place = f"{one_line(e.path)}:{e.line}:{e.column}" if e.line else one_line(e.path)  # a file name on its line, whatever it holds
    return f"{word(LEFT_OUT, item.kind, _)}: {place}" + (f" — {who}" if who else "") + f" — [{e.code}] {e.message}"


def lines(left_out: tuple[LeftOut, ...], repo: Repository, _: Gettext) -> list[str]:
    """The heading and one line per item; nothing when the result is complete."""
    if not left_out:
        return []
    return [_(HEADING), *(item_line(i, repo, _) for i in left_out)]


def as_json(left_out: tuple[LeftOut, ...], repo: Repository, _: Gettext) -> list[dict]:
    out = []
    for item in left_out:
        e = item.error.localize(_)
        out.append({"kind": item.kind, "path": item.path, "cadres": list(item.cadres), "code": e.code,
                    "line": e.line, "column": e.column, "message": e.message})
    return out


PUBLIC = N_("Public version: {files} confidential assignments and {tasks} confidential tasks are left out.")


def public(withheld: Confidential | None, _: Gettext) -> list[str]:
    """The line a public output (--public) says what it left out with; nothing for any other output.
    Every figure beside it was computed without those items (model/public.py)."""
    if withheld is None:
        return []
    return [_(PUBLIC).format(files=withheld.assignments, tasks=withheld.tasks)]


def public_json(withheld: Confidential | None) -> dict:
    """{"public": {...}} for a public output's JSON, {} for any other."""
    if withheld is None:
        return {}
    return {"public": {"confidential_assignments": withheld.assignments, "confidential_tasks": withheld.tasks}}
