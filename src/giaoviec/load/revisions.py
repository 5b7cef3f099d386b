"""Two versions of a data repository side by side: which files differ, and their documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from giaoviec.load.documents import Document, read_file
from giaoviec.load.files import list_files


def changed_files(old: Path, new: Path) -> list[str]:
    names = set(list_files(old)) | set(list_files(new))
    out = []
    for rel in sorted(names):
        a, b = old / rel, new / rel
        if not (a.is_file() and b.is_file()) or a.read_bytes() != b.read_bytes():
            out.append(rel)
    return out


def documents(root: Path, paths: list[str]) -> Iterator[Document]:
    """The documents of the given files that exist in this version (files that fail to load give none)."""
    for rel in paths:
        if (root / rel).is_file():
            docs, _ = read_file(root, rel)
            yield from docs
