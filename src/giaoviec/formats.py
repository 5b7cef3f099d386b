"""How a date and a number are written for a reader, in each language (docs/dinh-dang.md#trình-bày).

Vietnamese: "20/01/2024" in running text and tables, "ngày 20 tháng 01 năm 2024" where a document
states its date; a decimal comma and a point between thousands ("1.500", "8,5", "94,44"); "50 %".
English: ISO dates ("2024-01-20") and "20 January 2024"; "1,500", "8.5", "50 %".
Machine outputs (json, sarif, csv for machines) do not come here: they keep ISO dates and points.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

DASH = "—"
COMMENT_LIMIT = 65_536  # characters of a pull-request comment on GitHub
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


class Share(float):
    """A fraction that is shown as a percentage ("80 %")."""


# A report writes a few thousand distinct dates and figures a hundred thousand times: each is written
# once and remembered (equal values are written alike: 1 and 1.0, 0.0 and -0.0 give the same text).
@lru_cache(maxsize=8192)
def day(value: dt.date | None, lang: str) -> str:
    """A date in running text: 20/01/2024 (vi), 2024-01-20 (en); "—" for none."""
    if value is None:
        return DASH
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if lang == "vi" else value.isoformat()


def long_day(value: dt.date, lang: str) -> str:
    """The date a document states: "ngày 20 tháng 01 năm 2024" (vi), "20 January 2024" (en)."""
    if lang == "vi":
        return f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def span(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    return f"{day(start, lang)} – {day(end, lang)}"


def _grouped(integer: str, lang: str) -> str:
    sign, digits = ("-", integer[1:]) if integer.startswith("-") else ("", integer)
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sign + ("." if lang == "vi" else ",").join(groups)


def _written(text: str, lang: str) -> str:
    """A plain decimal text ("-1500.25") with the language's marks ("-1.500,25" in Vietnamese)."""
    integer, _, fraction = text.partition(".")
    grouped = _grouped(integer, lang) if len(integer.lstrip("-")) > 4 or (lang == "vi" and len(integer.lstrip("-")) > 3) else integer
    return grouped + ((("," if lang == "vi" else ".") + fraction) if fraction else "")


@lru_cache(maxsize=8192)
def number(value: float | None, lang: str, digits: int = 2) -> str:
    """A measured value as a person writes it: at most `digits` decimals, no trailing zeros, never
    an exponent (12; 8,5; 1.500 in Vietnamese); "—" for none."""
    if value is None:
        return DASH
    text = f"{round(float(value), digits):.{digits}f}".rstrip("0").rstrip(".") if digits else f"{round(float(value))}"
    if text in ("-0", ""):
        text = "0"
    return _written(text, lang)


def fixed(value: float | None, digits: int = 2, lang: str = "en") -> str:
    """A figure with a fixed number of decimals (95.97; 95,97 in Vietnamese); "—" for none."""
    if value is None:
        return DASH
    if not value:  # 0.0 and -0.0 are written differently ("-0.00"): not remembered as one
        return _written(f"{value:.{digits}f}", lang)
    return _fixed(value, digits, lang)


@lru_cache(maxsize=8192)
def _fixed(value: float, digits: int, lang: str) -> str:
    return _written(f"{value:.{digits}f}", lang)


def percent_of(fraction: float | None, lang: str, digits: int = 0) -> str:
    """A share as a percentage: 0.5 → "50 %"; "—" for none."""
    return DASH if fraction is None else number(100 * fraction, lang, digits) + " %"
