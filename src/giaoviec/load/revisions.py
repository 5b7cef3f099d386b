"""The documents of given files in one version of a data repository (which files differ: load.gitrev)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from giaoviec.load.documents import read_file
from giaoviec.model.public import Withholding
from giaoviec.model.values import Document


def documents(root: Path, paths: list[str], withhold: Withholding | None = None) -> Iterator[Document]:
    """The documents of the given files that exist in this version (files that fail to load give none).
    `withhold` (--public): their confidential items taken out."""
    for rel in paths:
        if (root / rel).is_file():
            docs, _ = read_file(root, rel, withhold=withhold)
            yield from docs
