"""What a cell holds, read the way people type it: a date (an Excel date, dd/mm/yyyy or
yyyy-mm-dd), a number (a decimal comma, thousands points: 1.500,5), and what is said of a date cell
that holds no date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from giaoviec.diagnostics import N_, Diagnostic, finding

DATE_PATTERNS = ((r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", "dmy"), (r"(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"))


def date_finding(where: str, row: int, column: int, value: Any) -> Diagnostic:
    """A cell that should hold a date and does not: written as one that the calendar does not have
    (31/09/2027), or not written as a date at all."""
    if any(re.fullmatch(pattern, str(value).strip()) for pattern, _order in DATE_PATTERNS):
        return finding(where, None, "sheet.date", N_("'{value}' is a date that does not exist in the calendar."), line=row, column=column,
                       value=value)
    return finding(where, None, "sheet.date", N_("'{value}' is not a date (dd/mm/yyyy or an Excel date)."), line=row, column=column, value=value)


def date_of(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern, order in DATE_PATTERNS:
        m = re.fullmatch(pattern, text)
        if m:
            a, b, c = (int(x) for x in m.groups())
            try:
                return dt.date(c, b, a) if order == "dmy" else dt.date(a, b, c)
            except ValueError:
                return None
    return None


def number_of(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace(" ", "").replace("%", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.500,5
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None
