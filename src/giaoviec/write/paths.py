"""Where a writing command may write: inside the repository with no link followed out of it, never
over a file it did not create unless asked (`--force`), never over the repository's own data."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import BinaryIO

from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.i18n import os_problem
from giaoviec.load.files import NotRegular, holds_giaoviec_data
from giaoviec.load.folders import inside

# What a file giaoviec wrote starts with (in its first HEAD bytes) or ends with (its last TAIL bytes):
# an output may replace it without --force. Only those bytes are read: a report may be a gigabyte.
HEAD, TAIL = 65_536, 8_192
_MARKS = (
    re.compile(rb'<meta name="generator" content="giaoviec'),  # report.html, in its head
    re.compile(rb'\A\{\s*"generator": "giaoviec"'),  # export.json
    re.compile(rb"\A(?:\xef\xbb\xbf)?(?:# [^\n]*\n)*M\xc3\xa3 c\xc3\xa1n b\xe1\xbb\x99[,;]H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan[,;]"),  # export.csv
    re.compile(rb'"\$id": "https://giaoviec\.vn/schemas/'),  # schemas/*.json, at the top
)
_END_MARKS = (re.compile(rb"<!-- giaoviec -->\s*\Z"),)  # report.md


_CREATOR = re.compile(rb"<dc:creator(?:\s[^>]*)?>giaoviec</dc:creator>")  # with lxml the element declares its namespace
_PDF_AUTHOR = b"/AUTHOR<FEFF" + "giaoviec".encode("utf-16-be").hex().upper().encode() + b">"


def made_by_giaoviec(f: BinaryIO) -> bool:
    """Whether an open file is an output giaoviec wrote: read from its head and its tail (a workbook's
    or Word document's properties through its zip directory), never whole."""
    f.seek(0)
    head = f.read(HEAD)
    f.seek(max(0, f.seek(0, os.SEEK_END) - TAIL))
    tail = f.read(TAIL)
    if head.startswith(b"PK"):  # a workbook or a Word document: its properties name its creator
        return _CREATOR.search(_core_properties(f)) is not None
    if head.startswith(b"%PDF"):  # its Author: giaoviec, in the Word document it was made from
        return b"/Author(giaoviec)" in tail or b"/Author (giaoviec)" in tail or _PDF_AUTHOR in tail.upper()
    return any(mark.search(head) for mark in _MARKS) or any(mark.search(tail) for mark in _END_MARKS)


def _core_properties(f: BinaryIO) -> bytes:
    import zipfile

    try:
        f.seek(0)
        with zipfile.ZipFile(f) as z, z.open("docProps/core.xml") as core:
            return core.read(65536)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return b""


_EDITED = {
    "export": N_("{path} exists; an export may have been edited since it was made, so nothing was written."),
    "report": N_("{path} exists; a report may have been edited since it was made (a number filled in by hand, a paragraph), so nothing was written."),
}


def output_path(path: Path, root: Path | None, force: bool, editable: str = "") -> Path:
    """An --out file: written where the user says, but never over a data file of the repository,
    never through a link, and over an existing file only if giaoviec made it (or with --force).
    An `editable` output ("export": a workbook people fill in; "report": a report whose number is
    filled in by hand) is never replaced without --force, whoever made it: it may have been edited since."""
    if path.is_symlink():
        raise Fatal(ExitCode.USAGE, N_("{path} is a link; giaoviec does not write through links."), path=str(path))
    if path.is_dir():
        raise Fatal(ExitCode.USAGE, N_("Cannot write {path}: {problem}."), path=str(path), problem=os_problem(IsADirectoryError(errno.EISDIR, "Is a directory")))
    if path.exists() and not path.is_file():  # a device, a pipe: never opened (a pipe would wait for a writer)
        raise Fatal(ExitCode.USAGE, N_("Cannot write {path}: {problem}."), path=str(path), problem=os_problem(NotRegular(0, "not a regular file", str(path))))
    if path.exists():
        try:
            with path.open("rb") as f:
                data = root is not None and inside(root, path) and holds_giaoviec_data(f)
                ours = force or data or made_by_giaoviec(f)  # (data: refused below, whatever made it)
        except OSError as exc:
            raise Fatal(ExitCode.USAGE, N_("Cannot write {path}: {problem}."), path=str(path), problem=os_problem(exc)) from None
        if data:
            raise Fatal(ExitCode.USAGE, N_("{path} holds data of the repository; an output never replaces it."), path=str(path),
                        hint=N_("Write the output to another file."))
        if editable and not force:
            raise Fatal(ExitCode.USAGE, _EDITED[editable], path=str(path),
                        hint=N_("Give another file, or add --force to replace it."))
        if not ours:
            raise Fatal(ExitCode.USAGE, N_("{path} exists and was not made by giaoviec; nothing was written."), path=str(path),
                        hint=N_("Give another file, or add --force to replace it."))
    return path


def data_path(root: Path, rel: str) -> Path:
    """A file a command creates or edits in the repository (new assignment, import): every folder
    on the way is inside the root (no link followed out of it), and the file is not a link."""
    path = root / rel
    existing = path.parent
    while not existing.exists() and existing != root:
        existing = existing.parent
    if not inside(root, existing) or (path.exists() and not inside(root, path)):
        raise Fatal(ExitCode.USAGE, N_("{path} would be written outside the data repository (a link leads out of it); nothing was written."),
                    path=rel)
    if path.is_symlink():
        raise Fatal(ExitCode.USAGE, N_("{path} is a link; giaoviec does not write through links."), path=rel)
    return path
