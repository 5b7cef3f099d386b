"""A number as a person types it — on the command line (`progress --value`) or in `serve`'s form —
read one way for both: 18.5, or 18,5 with the decimal comma (the one comma of a number without a
point can only be its decimal comma). A point before groups of three digits ("1.200",
"1.250.000") is refused: Vietnamese (and every page and report of giaoviec, formats.number) reads
it as thousands, a program as a decimal, so it is never divided by a thousand in silence. nan, inf
and what overflows are not numbers."""

from __future__ import annotations

import math
import re

from giaoviec.i18n import N_

AMBIGUOUS = N_("'{value}' is ambiguous: Vietnamese writes thousands with a point (1.200 is one thousand two hundred). "
               "Write 1200 for a whole number, or 1.2 (or 1,2) for a decimal.")
NOT_A_NUMBER = N_("'{value}' is not a number: write it as 18.5 (or 18,5).")


class Untyped(ValueError):
    """The text is not a number this module reads; `message` (a catalog id, with {value}) says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def number(text: str) -> float:
    text = text.strip()
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
        raise Untyped(AMBIGUOUS)
    if re.fullmatch(r"-?\d+,\d+", text):
        text = text.replace(",", ".")
    if re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", text):
        value = float(text)
        if math.isfinite(value):
            return value
    raise Untyped(NOT_A_NUMBER)
