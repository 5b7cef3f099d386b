"""Where the data repository is and which of its files are giaoviec data.

Nothing outside the root is read: a file (or folder) that is a link to somewhere outside the
repository is not followed but reported (`file.link-outside`); a folder or file that cannot be
read is reported too (`file.unreadable`), never skipped in silence. Only regular files are read,
and only up to MAX_FILE_BYTES, checked before the read (`read_bounded`): a device, a pipe or a
socket named like a YAML file is reported (`file.not-regular`), and so is a file too large to read
(`file.too-large`). So is a journal of a write found in the tree (`file.journal-in-tree`: never
obeyed), and a write of giaoviec left unfinished (`file.unfinished-write`, load/journal.py).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from giaoviec.diagnostics import N_, Diagnostic, finding
from giaoviec.i18n import Phrase, os_problem, phrase
from giaoviec.load import ahead, journal
from giaoviec.load.folders import folder_inside, inside, link_out, outermost

CONFIG_FILE = "giaoviec.yaml"
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".giaoviec-cache"})
_API_WORDS = rb"(?:\xef\xbb\xbf)?apiVersion:[ \t]*[\"']?"  # what starts the line, after an optional BOM
API_LINE = re.compile(rb"(?:\A|[\r\n])" + _API_WORDS + rb"giaoviec/")
MAX_FILE_BYTES = 32 * 1024 * 1024  # a data file of a province is a few MB at most
UTF16_API = (b"a\x00p\x00i\x00V\x00e\x00r\x00s\x00i\x00o\x00n\x00", b"\x00a\x00p\x00i\x00V\x00e\x00r\x00s\x00i\x00o\x00n")


class NotRegular(OSError):
    """A device, a pipe or a socket where a file was expected: never read."""

    phrase = phrase(N_("it is not a regular file (a device, a pipe or a socket)"))


class TooLarge(OSError):
    """A file larger than what giaoviec reads (`size`: its size, or how much of it was read)."""

    size = 0
    phrase: Phrase | None = None


def _no_wait(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))  # a pipe with no writer: opened, not waited for


def read_bounded(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, checked on the open file before it is
    read (a pipe is opened without waiting for a writer); NotRegular or TooLarge (OSErrors) otherwise.
    Never more than `limit` + 1 bytes are read, even from a file that grows meanwhile."""
    with open(path, "rb", opener=_no_wait) as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(0, "not a regular file", str(path))
        size = st.st_size
        if size <= limit:
            data = f.read(limit + 1)
            size = len(data)
    if size > limit:
        too = TooLarge(0, f"{size} bytes, more than the {limit} giaoviec reads", str(path))
        too.size = size
        too.phrase = phrase(N_("it is {size} bytes, more than the {limit} giaoviec reads"), size=size, limit=limit)
        raise too
    return data


UTF32_API = (b"a\x00\x00\x00p\x00\x00\x00i\x00\x00\x00V\x00\x00\x00", b"\x00\x00\x00a\x00\x00\x00p\x00\x00\x00i\x00\x00\x00V")
DATA_FOLDERS = ("assignments/", "evaluations/", "org/", "profiles/")  # where `giaoviec init` and the format put data
# what a file the line rule does not take may still hold: the format's word after the key in any form (quoted, in a flow
# mapping, tagged, indented, its value on the next line), or the kind of a document whose apiVersion was forgotten
_MAY_HOLD = re.compile(rb"(?i:giaoviec/v?[0-9])|kind[\"']?[ \t]*:[ \t\r\n\"'!a-z]*(?:Config|Units|Cadres|Assignment|Evaluation|ScoringProfile)\b")


def is_giaoviec_file(raw: bytes) -> bool:
    """A line `apiVersion: giaoviec/…` (after an optional BOM) makes a YAML file giaoviec data;
    so does such a line in UTF-16, so that the file is reported as not UTF-8 rather than skipped."""
    return API_LINE.search(raw) is not None or any(marker in raw[:4096] for marker in UTF16_API)


def may_hold_giaoviec_data(rel: str, raw: bytes) -> bool:
    """Of a file that `is_giaoviec_file` does not take: whether it must still be read, since it may
    hold giaoviec data (its documents then decide, `load.documents.read_file`), is in another Unicode
    encoding, or lies in a data folder (where every YAML file is data or an error). Only the files the
    line rule leaves (CI configs and the like, a few) are looked at so: nothing is added to the others."""
    return (_MAY_HOLD.search(raw) is not None or any(m in raw for m in (*UTF16_API, *UTF32_API))
            or in_data_folder(rel))


def in_data_folder(rel: str) -> bool:
    return rel.startswith(DATA_FOLDERS)


_API_AFTER_BREAK = re.compile(rb"[\r\n]" + _API_WORDS + rb"giaoviec/")  # API_LINE, the start of the text being a break
_API_PENDING = re.compile(rb"[\r\n]" + _API_WORDS)  # a line that may still become one
_CARRIED = 256  # a line's start kept for the next chunk: the API line's words come in its first bytes


def holds_giaoviec_data(f: BinaryIO, chunk: int = 1 << 20) -> bool:
    """is_giaoviec_file of an open file, read a chunk at a time (an output of a gigabyte is never
    held in memory to find out that it is not data). A line break is put before the first byte, so
    that one pattern finds the line at the start; a line the chunk cuts is carried to the next, and a
    line that is still `apiVersion:` and spaces after _CARRIED bytes counts as one (the cautious answer)."""
    head = f.read(4096)
    if any(marker in head for marker in UTF16_API):
        return True
    f.seek(0)
    carry = b"\n"
    while piece := f.read(chunk):
        data = carry + piece
        if b"apiVersion:" in data and _API_AFTER_BREAK.search(data) is not None:  # the words first, in C
            return True
        last = max(data.rfind(b"\n"), data.rfind(b"\r"))  # a match still to come starts at the last break
        carry = data[last:] if last >= 0 else b""
        if len(carry) > _CARRIED:
            if _API_PENDING.fullmatch(carry) is not None:
                return True
            carry = b""
    return False


def find_root(start: Path) -> Path | None:
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file() or os.path.lexists(folder / CONFIG_FILE):  # not a file: said by the command (exit 3)
            return folder
    return None


@dataclass
class Listing:
    files: list[str] = field(default_factory=list)  # relative POSIX paths of the YAML files to read
    problems: list[Diagnostic] = field(default_factory=list)  # links out of the root, unreadable folders
    stamps: dict[str, list[int]] = field(default_factory=dict)  # file → [size, mtime, ctime, inode] (links followed) as listed


def discover(root: Path) -> Listing:
    """The YAML files under root (what git ignores is left out), and what cannot be read safely.

    Git's list or the walk, both give the links of the tree that are not named like YAML files (a
    link to a folder, a broken one): one that leads out of the root is reported (`link_out`), one to
    a folder inside it is not followed (its files are read where they are, as git lists them)."""
    out = Listing()
    real_root = os.path.realpath(root)
    found = _git_files(root, out)
    if found is None:
        found = (*_walk(root, out), [])
    listed, links, nested = found
    reported = {rel for rel in links if link_out(root, real_root, rel)}
    base = str(root)
    folders: dict[str, bool] = {}  # folder → whether it lies inside the root, links followed (one realpath a folder)
    linked: dict[str, set[str] | None] = {}  # folder → the names of the links in it
    for rel in sorted(listed):
        path = os.path.join(base, rel)
        folder = rel.rpartition("/")[0]
        if folder not in folders:
            folders[folder] = folder_inside(root, real_root, folder, folders, linked)
        try:
            st = os.lstat(path)
        except FileNotFoundError:  # deleted but still in git's index: not there to read
            continue
        except OSError as exc:
            out.problems.append(_unreadable(rel, os_problem(exc)))
            continue
        mode, size = st.st_mode, st.st_size
        if not folders[folder]:  # in git's index under a folder now a link out of the root: the link is said, once
            reported.add(outermost(folder, folders))
            continue
        if stat.S_ISLNK(mode) and not inside(root, Path(path)):
            out.problems.append(_link(rel))
            continue
        if stat.S_ISLNK(mode):
            if not os.path.exists(path):
                out.problems.append(_unreadable(rel, Phrase(N_("a link to a file that does not exist"))))
                continue
            st = os.stat(path)
            mode, size = st.st_mode, st.st_size
        if stat.S_ISDIR(mode):
            continue  # a folder named like a YAML file (a link to one): its files are listed on their own
        if not stat.S_ISREG(mode):
            out.problems.append(finding(rel, None, "file.not-regular", N_("{file} is not a regular file (a device, a pipe or a socket): it is not read."),
                                        hint=N_("Keep only ordinary files under the data folders."), line=1, column=1, file=rel))
            continue
        if size > MAX_FILE_BYTES:
            out.problems.append(_too_large(rel))
            continue
        out.files.append(rel)
        out.stamps[rel] = [size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]  # (scan's key of a file not read again)
    out.problems += [_link(rel) for rel in sorted(reported)]
    out.problems += [problem for folder in nested if (problem := _nested(root, folder)) is not None]
    out.problems += tool_files(root)
    return out


def _nested(root: Path, folder: str) -> Diagnostic | None:
    """A git repository inside the data repository (a submodule, or a folder with its own .git), which
    git's list of the data repository leaves out: reported at the folder when it holds giaoviec data
    (its YAML files walked, each file's first bytes looked at; links are not followed), else nothing."""
    inner = Listing()
    listed, _links = _walk(root / folder, inner)
    count = 0
    for rel in listed:
        path = os.path.join(root, folder, rel)
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                continue
            with open(path, "rb") as f:
                head = f.read(1 << 16)
        except OSError:
            count += 1  # what cannot be looked at may be data: counted, as the cautious answer
            continue
        if is_giaoviec_file(head) or _MAY_HOLD.search(head) is not None or in_data_folder(rel):
            count += 1
    if not count:
        return None
    return finding(folder, None, "file.nested-repository",
                   N_("{file} is a separate git repository inside the data repository: its {count} data files are not read."),
                   hint=N_("Move the files into this repository (remove the inner .git folder), or run giaoviec in that repository on its own."),
                   line=1, column=1, file=folder, count=count)


def tool_files(root: Path) -> list[Diagnostic]:
    """A journal in the tree (never obeyed: a commit could have put it there) and an unfinished write."""
    found = []
    if os.path.lexists(root / journal.IN_TREE):
        found.append(finding(journal.IN_TREE, None, "file.journal-in-tree",
                             N_("{file} names renames for giaoviec to make, but giaoviec keeps its journal outside the repository and never obeys one found in it."),
                             hint=N_("Delete the file (an older giaoviec may have left it after an interrupted import: check that the files it names are whole)."),
                             line=1, column=1, file=journal.IN_TREE))
    targets, problem = journal.unfinished(root)
    for target in targets:
        found.append(finding(target, None, "file.unfinished-write",
                             N_("A write of giaoviec (an import, a check-in) was interrupted while its files were put in place: this file may be old or new."),
                             hint=N_("Run the writing command again (import, progress): it finishes the write first."), line=1, column=1))
    if problem is not None:
        found.append(finding(CONFIG_FILE, None, "file.unfinished-write",
                             N_("A write of giaoviec was interrupted and its journal {journal} cannot be read: {problem}."),
                             hint=N_("Check the files of the last import, then delete the journal."), line=1, column=1,
                             journal=str(journal.journal_path(root)), problem=problem))
    return found


def _too_large(rel: str) -> Diagnostic:
    return finding(rel, None, "file.too-large", N_("{file} is larger than the {limit} bytes giaoviec reads: it is not read."),
                   hint=N_("A data file holds one assignment or one register; split the file."), line=1, column=1, file=rel,
                   limit=MAX_FILE_BYTES)


def is_yaml_name(rel: str) -> bool:
    return rel[-5:].lower().endswith((".yaml", ".yml"))  # the end alone lowered: git's list is read a name at a time


def _walk(root: Path, out: Listing) -> tuple[list[str], list[str]]:
    """The YAML files under root, and the other links (not followed), one `scandir` a folder: what
    `git ls-files` gives when the root is not in git. The folders of SKIP_DIRS are left out."""
    listed: list[str] = []
    links: list[str] = []
    pending = [""]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(os.path.join(root, here)) as found:
                entries = list(found)
        except OSError as exc:
            out.problems.append(_unreadable(here or ".", os_problem(exc)))
            continue
        for e in entries:
            rel = f"{here}/{e.name}" if here else e.name
            try:
                is_link, is_dir = e.is_symlink(), e.is_dir(follow_symlinks=False)
            except OSError:
                is_link = is_dir = False
            if is_yaml_name(e.name) and not is_dir:
                listed.append(rel)  # a link too: judged with the files
            elif e.name in SKIP_DIRS:
                continue
            elif is_link:
                links.append(rel)
            elif is_dir:
                pending.append(rel)
    return listed, links


def list_files(root: Path) -> list[str]:
    return discover(root).files


def _link(rel: str) -> Diagnostic:
    return finding(rel, None, "file.link-outside", N_("{file} is a link to outside the data repository: it is not read."),
                   hint=N_("Keep the data inside the repository; replace the link by the file itself."), line=1, column=1, file=rel)


def _unreadable(rel: str, problem: object) -> Diagnostic:
    return finding(rel, None, "file.unreadable", N_("{file} cannot be read: {problem}."),
                   hint=N_("Check the permissions of the file or folder."), line=1, column=1, file=rel, problem=problem)


_ENTRY = re.compile(r"(?:([0-7]{6}) [0-9a-f]+ [0-3]\t)?([^\0]+)\0")  # `git ls-files -s -z`: [mode, object, stage, tab] path


def _git_files(root: Path, out: Listing) -> tuple[list[str], list[str], list[str]] | None:
    """git's list of the YAML files (tracked, and untracked but not ignored), of the other links, and of
    the git repositories inside (a submodule is mode 160000; an untracked one is listed as its folder,
    with a slash): one call, every file with its mode (`-s`: a tracked link is mode 120000; an untracked
    file comes without one, and those not named like YAML files are looked at, lstat, to find the links)."""
    listed_by_git = ahead.git_list(root)
    if listed_by_git is None:
        return None
    returncode, stdout, stderr = listed_by_git
    if returncode != 0:
        return None
    for line in stderr.decode("utf-8", "replace").splitlines():  # "could not open directory 'x/': Permission denied"
        m = re.search(r"could not open directory '([^']+)': (.+)", line)
        if m:
            out.problems.append(_unreadable(m.group(1).rstrip("/"), m.group(2)))
    listed: set[str] = set()
    links: set[str] = set()
    nested: set[str] = set()
    base = str(root)
    for mode, rel in _ENTRY.findall(stdout.decode("utf-8", "replace")):
        if mode == "160000" or (not mode and rel.endswith("/")):
            if SKIP_DIRS.isdisjoint(rel.rstrip("/").split("/")):
                nested.add(rel.rstrip("/"))
        elif is_yaml_name(rel):
            listed.add(rel)  # hd.YAML too, as Windows may save it
        elif not SKIP_DIRS.isdisjoint(rel.split("/")):
            continue  # the walk never goes there either (a link in node_modules is no data's)
        elif mode:
            if mode == "120000":
                links.add(rel)
        else:
            try:
                if stat.S_ISLNK(os.lstat(os.path.join(base, rel)).st_mode):
                    links.add(rel)
            except OSError:
                continue
    return sorted(listed), sorted(links), sorted(nested)
