"""Reading one file: its documents as models, or the diagnostics that say why not; and turning
the places of diagnostics into lines and columns (`locate`), composing only the files concerned."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from giaoviec.diagnostics import N_, Diagnostic, finding
from giaoviec.i18n import os_problem
from giaoviec.load import yamlio
from giaoviec.load.files import DATA_FOLDERS, in_data_folder, is_giaoviec_file, may_hold_giaoviec_data, read_bounded
from giaoviec.load.reader import FAST, Reader
from giaoviec.load.scanning import sniff_kinds
from giaoviec.load.schema_errors import schema_diagnostics, wrong_document
from giaoviec.model import KINDS, Cadres, Evaluation, Units
from giaoviec.model.public import Withholding
from giaoviec.model.values import Document, InvalidEntry, Unreadable


def _unreadable(data: Any) -> Unreadable | None:
    """What can be told of a document of a known kind that did not load (None for any other): so that
    every output names its file, and a profile's id is not taken by the built-in profile of that id."""
    if not isinstance(data, dict) or data.get("kind") not in KINDS:
        return None
    if data["kind"] not in ("Assignment", "Evaluation"):
        return Unreadable(data["kind"], (), id=_text(data.get("id")))
    raw_period = data.get("period")
    period: dict = raw_period if isinstance(raw_period, dict) else {}
    if data["kind"] == "Assignment":
        cadres: tuple[str, ...] = (_text(data.get("cadre")) or "*",)
    else:
        raw_entries = data.get("evaluations")
        entries: list = raw_entries if isinstance(raw_entries, list) else []
        cadres = tuple(c for e in entries if isinstance(e, dict) and (c := _text(e.get("cadre")))) or ("*",)
    return Unreadable(data["kind"], cadres, _text(data.get("unit")) or _text(data.get("council")),
                      str(period["from"]) if period.get("from") is not None else None,
                      str(period["to"]) if period.get("to") is not None else None)


_ID_LINE = re.compile(rb"(?:\A|\n)id:[ \t]*[\"']?([a-z0-9]+(?:-[a-z0-9]+)*)")  # a profile's id, read from a file that does not parse


def _is_data(data: Any) -> bool:
    """Whether a document of a file the line rule did not take is giaoviec data: its apiVersion (however
    its key is spelt) names the format, or it has the kind of one and no apiVersion (forgotten)."""
    if not isinstance(data, dict):
        return False
    versions = [v for k, v in data.items() if isinstance(k, str) and k.replace("_", "").lower() == "apiversion"]
    if versions:
        return any(isinstance(v, str) and v.startswith("giaoviec/") for v in versions)
    return isinstance(data.get("kind"), str) and data["kind"] in KINDS


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def read_file(root: Path, rel: str, raw: bytes | None = None, reader: Reader = FAST,
              withhold: Withholding | None = None) -> tuple[list[Document], list[Diagnostic]]:
    """The documents of one file that holds giaoviec data ([] for other YAML files), read as `reader`
    chooses (load/reader.py). `withhold` (--public): its confidential items taken out before anything
    is parsed (model/public.py)."""
    if raw is None:
        try:
            raw = read_bounded(root / rel)
        except OSError as exc:  # what it held is unknown: every result that might need it says it left it out
            return [Document(rel, -1, Unreadable("*"))], [finding(
                rel, None, "file.unreadable", N_("{file} cannot be read: {problem}."),
                hint=N_("Check the permissions of the file or folder."), line=1, column=1, file=rel, problem=os_problem(exc))]
    by_line = is_giaoviec_file(raw)
    if not by_line and not may_hold_giaoviec_data(rel, raw):
        return [], []
    text, problem = yamlio.decode(rel, raw)
    if text is None:  # not even text: what it held is unknown, so that nothing else cascades from it
        return [Document(rel, -1, Unreadable("*"))], [problem] if problem else []
    loaded = reader.load(rel, text)
    documents: list[Document] = []
    diagnostics = list(loaded.diagnostics)
    if loaded.diagnostics:  # not even YAML: what it held is unknown
        if withhold is not None and withhold.file(rel, raw):
            return [], []
        kinds = sniff_kinds(raw)
        kind = next(iter(kinds)).decode() if len(kinds) == 1 else "*"
        ident = _ID_LINE.search(raw) if kind == "ScoringProfile" else None
        documents.append(Document(rel, -1, Unreadable(kind, id=ident.group(1).decode() if ident else None)))
    if not by_line and not loaded.diagnostics and not any(_is_data(data) for data in loaded.documents):
        if not in_data_folder(rel) or all(data is None for data in loaded.documents):
            return [], []  # YAML of something else (a CI config), or nothing at all (empty, or comments only): nothing to leave out
        return [Document(rel, -1, Unreadable("*"))], [finding(
            rel, None, "file.not-data", N_("{file} lies in a data folder but holds no giaoviec document: it is not read."),
            hint=N_("Start each document with 'apiVersion: giaoviec/v1' and its kind, or move the file out of {folders}."),
            line=1, column=1, file=rel, folders=", ".join(DATA_FOLDERS))]
    for index, data in enumerate(loaded.documents):
        if data is None or (not by_line and not _is_data(data)):
            continue
        if withhold is not None:
            data = withhold.document(rel, index, data)
        if data is None:
            continue
        model, found = parse_document(rel, index, data)
        diagnostics += found
        if model is not None:
            documents.append(Document(rel, index, model))
        elif (lost := _unreadable(data)) is not None:
            documents.append(Document(rel, index, lost))
    if diagnostics:
        diagnostics = yamlio.locate(diagnostics if withhold is None else withhold.remap(diagnostics), text)
    return documents, diagnostics


def parse_document(path: str, index: int, data: Any) -> tuple[BaseModel | None, list[Diagnostic]]:
    if not isinstance(data, dict):
        return None, [wrong_document(path, index, "mapping")]
    kind = data.get("kind")
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        return None, [wrong_document(path, index, "kind", kind=kind)]
    parsed, found = schema_diagnostics(path, index, model, data)
    if parsed is None and model in SALVAGED:
        parsed = _salvage(model, data)
    return parsed, found


SALVAGED: dict[type[BaseModel], str] = {Units: "units", Cadres: "cadres", Evaluation: "evaluations"}


def _salvage(model: type[BaseModel], data: dict) -> BaseModel | None:
    """The document without its invalid entries, so that one bad unit, cadre or council entry does
    not hide all the others (a problem stays where it is).

    Invalid entries are replaced by None (a council entry by an `InvalidEntry` that keeps its
    cadre, so that outputs can say whose council scores were left out) so that list positions
    (and thus the lines of later findings) stay those of the file; everything that reads the
    entries skips them.
    """
    key = SALVAGED[model]
    item_model = model.model_fields[key].annotation.__args__[0]  # type: ignore[union-attr]
    items = data.get(key)
    if not isinstance(items, list):
        return None
    kept: list[Any] = []
    for item in items:
        try:
            kept.append(item_model.model_validate(item))
        except ValueError:
            cadre = item.get("cadre") if isinstance(item, dict) else None
            kept.append(InvalidEntry(cadre if isinstance(cadre, str) else None) if model is Evaluation else None)
    try:
        header = model.model_validate({**data, key: []})
    except ValueError:
        return None
    return header.model_copy(update={key: tuple(kept)})


def locate_in(path: str, raw: bytes, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Lines and columns for the diagnostics of one file whose content is at hand."""
    group = list(diagnostics)
    if not any((d.where is not None and d.line == 0) or (d.line > 0 and d.excerpt is None) for d in group):
        return group
    text, _problem = yamlio.decode(path, raw)
    return group if text is None else yamlio.locate(group, text)


NOT_READ = frozenset({"file.unreadable", "file.link-outside"})  # a file never opened to quote it: a pipe would block, a link lead out


def locate(root: Path, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Lines and columns for the diagnostics that still need them, one compose per file."""
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        by_path[d.path].append(d)
    out: list[Diagnostic] = []
    for path, group in by_path.items():
        if not path or not any((d.where is not None and d.line == 0) or (d.line > 0 and d.excerpt is None) for d in group) \
                or any(d.code in NOT_READ for d in group):
            out += group
            continue
        try:
            text, _problem = yamlio.decode(path, read_bounded(root / path))
        except OSError:
            text = None
        if text is None:
            out += group
            continue
        out += yamlio.locate(group, text)
    return out
