"""JSON text as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, at a given depth.

The outputs write a large document a piece at a time (a cadre, a task): each piece is indented as it
sits in the whole, so the pieces joined are what one `json.dumps` of the whole would give (a line
break in json's output is always one of its own: a string's are escaped).

This was a hand-written writer (json's C writer with the indentation as its separator, the levels
above walked in Python), 0.205 → 0.15 s for the JSON of 1,000 cadres; measured A/B against the
standard library's writer on the 1,000-file province it made no difference a benchmark sees (score
json 0.98, export json 1.02 of the writer's time, noisy), and it was needed for no bar: it went
(docs/performance.md, Devices).
"""

from __future__ import annotations

import json
from typing import Any


def dumps(value: Any, level: int = 0) -> str:
    """`value` indented by two spaces a level, its first line not indented (as json.dumps at `level` 0)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
