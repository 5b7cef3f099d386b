"""Reading YAML the way the spec reads it: the fast reader (rapidyaml, `yamlfast`) wherever it
cannot disagree with the precise one (libyaml under a YAML 1.2 core schema, `yamlprecise`), which
reads the rest. No positions are kept for the values: a file with findings is composed a second
time (`locate`) and only then are its locations turned into lines and columns. PyYAML is imported
only when the precise reader is needed. Which of the two reads a file is chosen in load/reader.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from giaoviec.diagnostics import N_, Diagnostic, finding
from giaoviec.load.files import UTF16_API, UTF32_API


@dataclass(frozen=True, slots=True)
class Loaded:
    """The documents of one file (None for an empty document) or the diagnostics that stopped it."""

    documents: tuple[Any, ...]
    diagnostics: tuple[Diagnostic, ...]


def decode(path: str, raw: bytes) -> tuple[str | None, Diagnostic | None]:
    """The text of a file: UTF-8 (a byte order mark accepted); line ends of a lone carriage return
    (old Mac editors) read as line feeds, so that lines and columns stay those of the file."""
    wide = wide_encoding(raw)
    if wide is not None:
        return None, finding(path, None, "yaml.encoding", N_("The file is saved as {encoding}, not UTF-8."),
                             hint=N_("Save the file as UTF-8 (in Notepad or Excel: 'Save as' → encoding UTF-8)."), line=1, column=1,
                             encoding=wide)
    try:
        text = raw.decode("utf-8-sig")
        return (text.replace("\r", "\n") if "\r" in text and "\n" not in text else text), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, finding(
            path, None, "yaml.encoding", N_("The file is not valid UTF-8 (byte 0x{byte} at offset {offset})."),
            hint=N_("Save the file as UTF-8 (in Notepad or Excel: 'Save as' → encoding UTF-8)."),
            line=line, column=column, byte=f"{raw[exc.start]:02X}", offset=exc.start,
        )


def wide_encoding(raw: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when the file is saved so (by its byte order mark, the word apiVersion so
    written, or the zero bytes of its first characters), else None."""
    if b"\x00" not in raw:  # (one pass in C: a wide encoding of any text holds zero bytes)
        return None
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or any(m in raw for m in UTF32_API):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or any(m in raw for m in UTF16_API):
        return "UTF-16"
    head = raw[:400]
    if head.count(0) * 4 < len(head):  # no more zero bytes than a wide encoding of text would hold: a NUL, told as a bad byte
        return None
    return "UTF-32" if head[1:4] == b"\0\0\0" or head[:3] == b"\0\0\0" else "UTF-16"


def load_precise(path: str, text: str) -> Loaded:
    """All documents of a file with libyaml, YAML 1.2 core semantics; syntax problems as diagnostics."""
    from giaoviec.load import yamlprecise

    return Loaded(*yamlprecise.read(path, text))


def compose(text: str) -> list[Any]:
    """The node trees of every document (marks carry 0-based line and column)."""
    from giaoviec.load import yamlprecise

    return yamlprecise.compose(text)


def locate(diagnostics: list[Diagnostic], text: str) -> list[Diagnostic]:
    """Fills in line and column for the diagnostics of one file that still need them, and the
    source line of every one that has a line (the excerpt the text output shows)."""
    from giaoviec.load import yamlprecise

    return yamlprecise.locate(diagnostics, text)
