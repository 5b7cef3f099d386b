"""Reading one file: its documents as models, or the diagnostics that say why not; and turning
the places of diagnostics into lines and columns (`locate`), composing only the files concerned."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from giaoviec.diagnostics import N_, Diagnostic, Where, finding
from giaoviec.load import yamlio
from giaoviec.load.files import is_giaoviec_file
from giaoviec.load.schema_errors import schema_diagnostics, wrong_document
from giaoviec.model import KINDS, Cadres, Units

_KIND_LINE = re.compile(rb"^kind:[ \t]*[\"']?([A-Za-z]+)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Document:
    path: str  # relative to the root, POSIX
    index: int  # position of the document in its file
    model: Any

    def where(self, *loc: str | int, anchor: str = "value") -> Where:
        return Where(self.index, tuple(loc), anchor)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Stands for an Assignment document that failed to load, so that others do not cascade."""

    cadre: str


def sniff_kinds(raw: bytes) -> frozenset[bytes]:
    """The kinds a file's lines name (a hint to read the registry first; the parse decides)."""
    return frozenset(_KIND_LINE.findall(raw))


def read_file(root: Path, rel: str, raw: bytes | None = None, fast_reader: bool = True) -> tuple[list[Document], list[Diagnostic]]:
    """The documents of one file that holds giaoviec data ([] for other YAML files)."""
    if raw is None:
        try:
            raw = (root / rel).read_bytes()
        except OSError as exc:
            return [], [finding(rel, None, "yaml.encoding", N_("The file cannot be read: {problem}."), line=1, column=1, problem=exc.strerror)]
    if not is_giaoviec_file(raw):
        return [], []
    text, problem = yamlio.decode(rel, raw)
    if text is None:
        return [], [problem] if problem else []
    loaded = yamlio.load(rel, text, fast_reader)
    documents: list[Document] = []
    diagnostics = list(loaded.diagnostics)
    if loaded.diagnostics and b"Assignment" in raw:
        documents.append(Document(rel, -1, Unreadable("*")))
    for index, data in enumerate(loaded.documents):
        if data is None:
            continue
        model, found = parse_document(rel, index, data)
        diagnostics += found
        if model is not None:
            documents.append(Document(rel, index, model))
        elif isinstance(data, dict) and data.get("kind") == "Assignment":
            cadre = data.get("cadre")
            documents.append(Document(rel, index, Unreadable(cadre if isinstance(cadre, str) else "*")))
    if diagnostics:
        diagnostics = yamlio.locate(diagnostics, text)
    return documents, diagnostics


def parse_document(path: str, index: int, data: Any) -> tuple[BaseModel | None, list[Diagnostic]]:
    if not isinstance(data, dict):
        return None, [wrong_document(path, index, "mapping")]
    kind = data.get("kind")
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        return None, [wrong_document(path, index, "kind", kind=kind)]
    parsed, found = schema_diagnostics(path, index, model, data)
    if parsed is None and model in (Units, Cadres):
        parsed = _salvage(model, data)
    return parsed, found


def _salvage(model: type[BaseModel], data: dict) -> BaseModel | None:
    """The registry without its invalid entries, so that one bad unit does not hide all the others.

    Invalid entries are replaced by a placeholder id-less slot so that list positions (and thus
    the lines of later findings) stay those of the file; the index skips the placeholders.
    """
    key = "units" if model is Units else "cadres"
    item_model = model.model_fields[key].annotation.__args__[0]  # type: ignore[union-attr]
    items = data.get(key)
    if not isinstance(items, list):
        return None
    kept = []
    for item in items:
        try:
            kept.append(item_model.model_validate(item))
        except ValueError:
            kept.append(None)
    try:
        header = model.model_validate({**data, key: []})
    except ValueError:
        return None
    return header.model_copy(update={key: tuple(kept)})


def locate(root: Path, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Lines and columns for the diagnostics that still need them, one compose per file."""
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        by_path[d.path].append(d)
    out: list[Diagnostic] = []
    for path, group in by_path.items():
        if not path or not any((d.where is not None and d.line == 0) or (d.line > 0 and d.excerpt is None) for d in group):
            out += group
            continue
        try:
            text = (root / path).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            out += group
            continue
        out += yamlio.locate(group, text)
    return out
