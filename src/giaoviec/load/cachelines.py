"""validate's per-file cache entries (load/cache.py, `Memo`) in a file of their own, one line an
Assignment file, each line kept as the text it was read as: a run that checks one file again writes
the lines of the 4,999 others back as they were read (no entry decoded and encoded again), and a run
answered whole from the cache never reads this file (the answer's file holds no entry).

The first line says the format, the tool and the context every entry is valid under; each other line
is the file's path as a JSON string, a tab, and its entry as JSON (a JSON text holds no raw tab or
line break, so neither split can cut one). A file whose first line is not this run's is read as no
entry; a line that does not read is no entry (its file is checked again). Written whole or not at
all (load/jsonfile.py), when an entry was added or dropped.

Buys: in process at 5,000 files, the whole answer read 63–109 → 4–9 ms (a 0.73 MB file instead of
2.7 MB) and the write after one change 52–76 → 17–30 ms; with quick.py's miss path, one changed file,
`validate --format json`, CPU 1.29 → 1.20 s (× 0.94, 12 alternated pairs; docs/performance.md, Devices).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from giaoviec.load.jsonfile import write_text


def _head(format: int, tool: str, context: str) -> str:
    return json.dumps({"format": format, "tool": tool, "context": context}, separators=(",", ":"))


def read_entries(path: Path, format: int, tool: str, context: str) -> dict[str, str]:
    """{path: its entry's JSON text} of the lines written under this format, tool and context."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return {}
    head, _, body = text.partition("\n")
    if head != _head(format, tool, context):
        return {}
    found: dict[str, str] = {}
    for line in body.split("\n"):
        name, tab, entry = line.partition("\t")
        if not tab or len(name) < 2 or name[0] != '"' or name[-1] != '"':
            continue
        if "\\" in name:  # an escape: the JSON string read (else its text is the name itself)
            try:
                rel = json.loads(name)
            except ValueError:
                continue
        else:
            rel = name[1:-1]
        found[rel] = entry
    return found


def entry_line(rel: str, entry: object) -> str:
    """An entry's text as a line holds it (compact JSON; the path as a JSON string, before a tab)."""
    return json.dumps(rel, ensure_ascii=False) + "\t" + json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def write_entries(path: Path, format: int, tool: str, context: str, entries: Mapping[str, object]) -> None:
    """Every entry, each a line: the text read for those taken as they were, JSON for the new ones."""
    lines = [_head(format, tool, context)]
    for rel, entry in entries.items():
        lines.append(json.dumps(rel, ensure_ascii=False) + "\t" + entry if isinstance(entry, str) else entry_line(rel, entry))
    write_text(path, "\n".join(lines) + "\n")
