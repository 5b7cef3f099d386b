"""Deadlines in a task's wording (spec/clarity.md, "Text against fields"): a day ("trước ngày
30/9/2022"), a quarter ("trong quý II/2022"), half or three quarters of a year ("6 tháng đầu năm"), a
month or a year; and whether `when.due` falls inside the period the text names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from contextlib import suppress
from typing import NamedTuple

from giaoviec.characters import lazy
from giaoviec.checks.wording_numbers import ROMAN, written


class Deadline(NamedTuple):
    first: dt.date
    last: dt.date
    text: str


_ROMAN_Q = r"(iv|i{1,3}|[1-4])(?!\w)"


# a day, written 30/9/2022, 30/9 or 30-9-2022 (with hyphens only with its year: "từ 5-10 hộ" is a range); an
# occasion's day: "khởi công … dịp 2/9"
_ON_DAY = lazy(r"(?:trước|đến|chậm nhất|hoàn thành|xong|vào|dịp)\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})(?:/(\d{1,2})(?:/(\d{4}))?|-(\d{1,2})-(\d{4}))(?!\d)")
_IN_QUARTER = lazy(r"quý\s+" + _ROMAN_Q + r"(?:\s*/\s*|\s+năm\s+)?((?:19|20)\d{2})?")
_MONTHS_OF_YEAR = lazy(r"(6|9|sáu|chín)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+((?:19|20)\d{2}))?")
# a month: "trong tháng 4-2023", "từ nay đến tháng 9/2023", "đến hết tháng 6 năm 2025", "dự kiến giữa tháng 06/2025"
# … or the month alone, of the task's year ("Đầu tháng 8 hoàn thành bàn giao mặt bằng")
_IN_MONTH = lazy(r"(?:trong|vào|đến|đến hết|hết|giữa|đầu|cuối)\s+tháng\s+(\d{1,2})(?:(?:\s*[/-]\s*|\s+năm\s+)((?:19|20)\d{2})|(?![\d/-]|[.,]\d))")
# a year: "trong năm 2023", "đến hết năm 2020"; "đến năm 2030" only before the verb ("Phấn đấu đến năm 2030 xã
# … đạt …"): after a noun it is the horizon of what is named ("Quy hoạch … đến năm 2040", "tầm nhìn đến năm
# 2050"); not "so với năm 2015"
_IN_YEAR = lazy(r"(?<!so với )(?:(?:trong|vào|đến hết|hết|đến cuối|vào cuối|cuối|(?:^|(?<=phấn đấu )|(?<=, ))đến)\s+"
                r"|^|(?<=phấn đấu ))năm\s+((?:19|20)\d{2})(?!\s*[-–]\s*\d)"
                # … and an indicator's year before its figure: "Thu nhập bình quân đầu người đến năm 2030 đạt 135 triệu đồng"
                r"|(?<!tầm nhìn đến )(?<=đến )năm\s+((?:19|20)\d{2})(?=,?\s+(?:đạt|còn|giảm|tăng|là|ở mức|ít nhất|tối thiểu|(?:trên|dưới)(?=\s+\d))\s)")
# … and a year that closes an end state ("Huyện Lai Vung phấn đấu đạt chuẩn nông thôn mới năm 2022")
_END_STATE_YEAR = lazy(r"(?<!đã )(?<!đã được )(?:đạt chuẩn|về đích)\s[^,;:()]{0,60}?(?<!so với )năm\s+((?:19|20)\d{2})\s*(?=$|[,;.])")
# a day written with points, after a word of deadline: "trước ngày 30.9.2022" (a point alone is a decimal: "hoàn thành 1.5 km")
_DOT_DAY = lazy(r"(?:trước|đến|chậm nhất|hoàn thành|xong|vào)\s+(?:hết\s+)?ngày\s+(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?(?![\d.])")
# a span of days: "từ ngày 27.1- 24.2", "từ ngày 5/10 đến ngày 20/10/2023"; the event's own day: "(ngày 14-4)"
_SPAN = lazy(r"từ\s+ngày\s+(\d{1,2})[./-](\d{1,2})(?:[./-]((?:19|20)\d{2}))?(?:\s*[-–]\s*|\s+đến\s+)(?:ngày\s+)?"
             r"(\d{1,2})[./-](\d{1,2})(?:[./-]((?:19|20)\d{2}))?(?![\d/])")
_EVENT_DAY = lazy(r"\(\s*ngày\s+(\d{1,2})[./-](\d{1,2})(?:[./-]((?:19|20)\d{2}))?\s*\)")
# an anniversary and its dates: "kỷ niệm 70 năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc (11/6/1948-11/6/2018)", "(1930 - 2020)":
# what is done for it is done in its year (prepared from the year before; the year's events may follow the day)
_ANNIVERSARY = lazy(r"kỷ niệm[^()]{0,160}\(\s*(?:\d{1,2}/\d{1,2}/)?1?\d{3,4}\s*[-–]\s*(?:\d{1,2}/\d{1,2}/)?((?:19|20)\d{2})\s*\)")
_WHOLE_YEAR = lazy(r"(?<!\w)cả năm(?:\s+((?:19|20)\d{2}))?(?!\w)")  # "… đến ngày 30/9 và cả năm đạt 95%"


def _month_end(y: int, month: int) -> dt.date:
    return dt.date(y + (month == 12), 1 if month == 12 else month + 1, 1) - dt.timedelta(days=1)


def deadlines(what: str, year: int) -> list[Deadline]:
    """The deadlines a text names, each as the days it spans ("trước ngày 30/9/2022" is one day)."""
    return deadlines_of(written(what), year)


# each pattern with a substring (of the lower-cased text) without which it cannot match
_GATED = ((_ON_DAY, "/"), (_ON_DAY, "-"), (_IN_QUARTER, "quý"), (_MONTHS_OF_YEAR, "tháng"), (_IN_MONTH, "tháng"), (_IN_YEAR, "năm"),
          (_WHOLE_YEAR, "cả năm"), (_END_STATE_YEAR, " năm "), (_DOT_DAY, "ngày "), (_SPAN, "từ ngày"), (_EVENT_DAY, "(ngày"),
          (_ANNIVERSARY, "kỷ niệm"))


def deadlines_of(written: str, year: int) -> list[Deadline]:
    text = written.lower()
    out: list[Deadline] = []
    patterns = [p for p, gate in _GATED if gate in text]
    if not patterns:
        return out
    same = len(text) == len(written)  # lower-casing kept the positions (it does for Vietnamese)

    def add(first: dt.date, last: dt.date, m: re.Match[str]) -> None:
        out.append(Deadline(first, last, written[m.start():m.end()] if same else m.group()))

    for m in _ON_DAY.finditer(text) if _ON_DAY in patterns else ():
        with suppress(ValueError):  # an impossible date in the text is no deadline
            month, y = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
            day = dt.date(int(y or year), int(month), int(m.group(1)))
            add(day, day, m)
    for m in (m for p in (_DOT_DAY, _EVENT_DAY) if p in patterns for m in p.finditer(text)):  # day, month, year?
        with suppress(ValueError):
            day = dt.date(int(m.group(3) or year), int(m.group(2)), int(m.group(1)))
            add(day, day, m)
    for m in _SPAN.finditer(text) if _SPAN in patterns else ():
        with suppress(ValueError):
            y = int(m.group(6) or m.group(3) or year)
            first, last = dt.date(int(m.group(3) or y), int(m.group(2)), int(m.group(1))), dt.date(y, int(m.group(5)), int(m.group(4)))
            if first <= last:
                add(first, last, m)
    for m in _ANNIVERSARY.finditer(text) if _ANNIVERSARY in patterns else ():
        with suppress(ValueError):
            y = int(m.group(1))
            add(dt.date(y - 1, 1, 1), dt.date(y, 12, 31), m)
    for m in _IN_QUARTER.finditer(text) if _IN_QUARTER in patterns else ():
        q = ROMAN.get(m.group(1)) or int(m.group(1))
        y = int(m.group(2) or year)
        add(dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), m)
    for m in _MONTHS_OF_YEAR.finditer(text) if _MONTHS_OF_YEAR in patterns else ():
        n = 6 if m.group(1) in ("6", "sáu") else 9
        y = int(m.group(3) or year)
        if m.group(2) == "đầu":
            add(dt.date(y, 1, 1), _month_end(y, n), m)
        else:
            add(dt.date(y, 13 - n, 1), dt.date(y, 12, 31), m)
    for m in _IN_MONTH.finditer(text) if _IN_MONTH in patterns else ():
        with suppress(ValueError):  # an impossible date in the text is no deadline
            month, y = int(m.group(1)), int(m.group(2) or year)
            add(dt.date(y, month, 1), _month_end(y, month), m)
    for m in _END_STATE_YEAR.finditer(text) if _END_STATE_YEAR in patterns else ():
        y = int(m.group(1))
        add(dt.date(y, 1, 1), dt.date(y, 12, 31), m)
    for m in _IN_YEAR.finditer(text) if _IN_YEAR in patterns else ():
        y = int(m.group(1) or m.group(2))
        add(dt.date(y, 1, 1), dt.date(y, 12, 31), m)
    if out:  # "cả năm" is a deadline beside another one: the year of the text's last
        for m in _WHOLE_YEAR.finditer(text) if _WHOLE_YEAR in patterns else ():
            y = int(m.group(1) or max(d.last for d in out).year)
            add(dt.date(y, 1, 1), dt.date(y, 12, 31), m)
    return out


def deadline_mismatch(found: Sequence[Deadline], due: dt.date | None) -> Deadline | None:
    """The deadline of the text that `due` falls outside of (a day's slack either side). When the
    text names several ("sơ kết vào năm 2023 và tổng kết vào năm 2025", "đạt 60% đến ngày 30/6 và
    cả năm đạt 95%"), the earlier ones are milestones: the due date is the last one's."""
    if due is None or not found:
        return None
    last = max(d.last for d in found)
    for d in (d for d in found if d.last == last):
        slack = dt.timedelta(days=1 if d.first == d.last else 0)  # "trước ngày 1/7" is met by a due of 30/6
        if due < d.first - slack or due > d.last + slack:
            return d
    return None
