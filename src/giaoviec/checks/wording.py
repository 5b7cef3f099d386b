"""Reading a task's wording as a committee would (spec/clarity.md): pure, text in, findings out.

A task is *clear* when a reader can tell at the due date whether it was done: it states a
quantity of something countable (in `what`, or as a measure with a target), or a named result —
a product whose head is a kind of document, work or status and that says what it is about or who
issues it, or a `what` that states an end state of a named object. Digits that are not quantities
(document numbers, dates, years, terms, quarters) do not count. A task that is neither is *vague*.
A quantity or a deadline written in `what` that the fields contradict is a *mismatch*.

Rules over normalised text (NFC, lower case for matching, the original case kept for proper
nouns); measured against the labelled corpus in tests/data/clarity/ (tests/test_clarity.py).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

VAGUE_PHRASES = (
    "tăng cường", "nâng cao", "đẩy mạnh", "đẩy nhanh", "tiếp tục", "tập trung", "chú trọng", "quan tâm", "tích cực",
    "phát huy", "duy trì", "củng cố", "góp phần", "từng bước", "thực hiện tốt", "làm tốt", "có hiệu quả", "quyết liệt",
    "thường xuyên", "đồng bộ", "chăm lo", "đổi mới", "triển khai", "quán triệt", "lãnh đạo", "chỉ đạo", "tham mưu",
    "phối hợp", "cải thiện", "giữ vững", "chấn chỉnh", "phát triển", "thực hiện", "tổ chức thực hiện", "đảm bảo", "bảo đảm",
    "xây dựng", "quản lý", "làm theo", "học tập",
)
# kinds of document that, alone or with only such words after them, identify nothing
GENERIC_PRODUCTS = (
    "báo cáo", "kế hoạch", "tờ trình", "công văn", "thông báo", "biên bản", "quyết định", "nghị quyết", "văn bản",
    "danh sách", "phương án", "đề án", "chương trình", "đề xuất", "hồ sơ", "sổ", "sổ theo dõi",
    "tài liệu", "báo cáo tổng hợp", "bản kiểm điểm", "bản cam kết", "bản đăng ký", "kết luận", "chỉ thị", "hướng dẫn", "thống kê",
)
# words that say nothing of what a document is about
FILLER = (
    "kết quả", "thực hiện", "tình hình", "công tác", "sơ kết", "tổng kết", "định kỳ", "tiến độ", "đánh giá", "kiểm tra",
    "năm học", "hằng năm", "hàng năm", "tháng", "quý", "năm", "các", "của", "về", "việc", "nhiệm vụ", "chỉ đạo",
    "tuyên truyền", "triển khai", "giải quyết", "nghiệm thu", "tích cực", "chuyển biến", "tốt", "và", "cho", "theo",
    "đề nghị", "trình", "gửi", "số", "lần", "đợt", "cuối", "đầu", "giữa", "tổng hợp", "chung", "chi tiết",
)
# heads of a product that is a work, a status or a thing someone can be shown
WORKS = (
    "nhà văn hóa", "trường", "chợ", "cầu", "đường", "trạm", "hệ thống", "phần mềm", "cơ sở dữ liệu", "bản đồ",
    "giấy chứng nhận", "bằng công nhận", "chứng chỉ", "công trình", "sân vận động", "nhà máy", "mô hình", "hợp đồng",
    "quy chế", "quy định", "cổng", "trang", "sản phẩm", "di tích", "nhà", "xe", "khu", "cụm",
)
END_STATES = (
    "đạt chuẩn", "được công nhận", "công nhận", "đưa", "khánh thành", "thành lập", "hoàn thành", "khởi công", "ban hành",
    "phê duyệt", "đón nhận", "ký kết", "bàn giao", "di dời", "xây dựng xong", "xử lý dứt điểm", "giải quyết dứt điểm",
    "tổ chức thành công", "kiện toàn", "sáp nhập", "cải tạo", "nâng cấp", "thực hiện xong", "tiếp nhận",
)
NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "trăm": 100}
# units by dimension and their factor to the dimension's base unit
UNITS = {
    "%": ("percent", 1.0), "phần trăm": ("percent", 1.0),
    "m": ("length", 1.0), "mét": ("length", 1.0), "km": ("length", 1000.0), "ki-lô-mét": ("length", 1000.0),
    "m2": ("area", 1.0), "m²": ("area", 1.0), "ha": ("area", 10_000.0), "héc-ta": ("area", 10_000.0), "km2": ("area", 1e6),
    "đồng": ("money", 1.0), "nghìn đồng": ("money", 1e3), "ngàn đồng": ("money", 1e3), "triệu đồng": ("money", 1e6),
    "tỷ đồng": ("money", 1e9), "tỉ đồng": ("money", 1e9), "kg": ("mass", 1.0), "tấn": ("mass", 1000.0),
}
PEOPLE = ("người", "lao động", "đảng viên", "chiến sĩ", "học sinh", "học viên", "cán bộ", "hội viên", "thanh niên", "công nhân", "người dân")
NOT_AFTER_NUMBER = ("nhiệm vụ", "khâu", "đột phá", "giải pháp", "mục tiêu", "chỉ tiêu", "quan điểm", "năm", "tháng", "ngày", "quý", "tuần", "giờ", "giai đoạn", "nhiệm kỳ", "khóa", "lần thứ", "-", "–", "/")

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_DOC_WORDS = r"(?:nghị quyết|kế hoạch|chỉ thị|quyết định|kết luận|quy định|thông báo|công văn|nghị định|thông tư|đề án|chương trình|hướng dẫn|quy chế|báo cáo)"
_DOC_LIST = tuple(_DOC_WORDS[3:-1].split("|"))
_SEPARATORS = ("-", "/", "–")
# Applied in order, each to what the ones before left; each with the substrings (of the lower-cased
# text) without which it cannot match, so that most texts skip most patterns.
_NOT_QUANTITY = [(re.compile(p, re.IGNORECASE), frozenset(gate)) for p, gate in (
    (r"\b\d+(?:/\d{2,4})?[-/][A-ZĐa-zđ]{1,8}(?:[-/][A-ZĐa-zđ]{1,8})*", _SEPARATORS),  # 15-NQ/HU, 30/2020/NĐ-CP
    (_DOC_WORDS + r"(?:\s+số)?\s+\d+", _DOC_LIST),  # Nghị quyết 04, Chỉ thị số 35
    (r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b", ("/",)), (r"\b\d{1,2}-\d{1,2}-\d{4}\b", ("-",)),  # dates
    (r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b", ("-", "–")),  # terms
    (r"(?<=năm )\d{4}\b", ("năm ",)), (r"\b(?:19|20)\d{2}\b(?!\s*[^\W\d_])", ("19", "20")),  # years ("2022 hồ sơ" is a count)
    (r"quý\s+(?:[ivx]+|\d)\b", ("quý",)), (r"\b\d+\s+tháng\b", ("tháng",)), (r"tháng\s+\d{1,2}\b", ("tháng",)),
    (r"ngày\s+\d{1,2}\b", ("ngày",)),
    (r"\b(?:số|lớp|cấp độ|mức độ|vành đai|khu|tổ|đội|thôn|xóm|khóa|tiêu chí)\s+\d+\b",
     ("số", "lớp", "cấp độ", "mức độ", "vành đai", "khu", "tổ", "đội", "thôn", "xóm", "khóa", "tiêu chí")),
    (r"tỷ lệ\s+\d+/\d+", ("tỷ lệ",)), (r"\b\d+\s*(?:giờ|phút)\b", ("giờ", "phút")),
)]
_NOT_QUANTITY_WITHOUT_DIGITS = [p for p, _gate in _NOT_QUANTITY if p.pattern.startswith("quý")]  # "quý III"
_GATE_WORDS = tuple({g for _p, gate in _NOT_QUANTITY for g in gate})
_ANY_GATE = re.compile("|".join(map(re.escape, _GATE_WORDS))).search
_NUMBER = re.compile(r"(?=\d)(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2})(?![\w])")


# capitalised words that name no particular thing: roman numerals, and the institutions every text names
NOT_NAMES = frozenset({"i", "ii", "iii", "iv", "v", "vi", "đảng", "nhà", "nước", "nhân", "dân", "tổ", "quốc", "bác", "chính", "phủ"})


def _has_name(original: str) -> bool:
    """Whether a text names something particular: a capitalised word other than its first."""
    words = unicodedata.normalize("NFC", original).split()[1:]
    return any(w[:1].isupper() and norm(w.strip(",.;:()")) not in NOT_NAMES for w in words)


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...], anywhere: bool = True) -> re.Pattern[str]:
    """One pattern for a list of words and phrases, longest first, matched as whole words:
    anywhere (for search/findall), or at the start (for match)."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or r"(?!x)x"
    return re.compile((r"(?<!\w)" if anywhere else "") + f"(?:{body})" + r"(?!\w)")


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


class Quantity(NamedTuple):
    value: float
    unit: str  # the word(s) after the number, normalised ("" when none)
    text: str  # as written


class Deadline(NamedTuple):
    first: dt.date
    last: dt.date
    text: str


@dataclass(frozen=True)
class Reading:
    """What the wording of a task says, and why it is vague when it is."""

    quantities: tuple[Quantity, ...]
    named_product: bool
    named_end_state: bool
    vague_words: tuple[str, ...]  # the vocabulary of standing duties it uses
    generic_product: str | None  # the product, when it is only a kind of document
    unnamed_product: str | None  # the product, when it is not a document, a work or a status that can be shown
    not_quantities: tuple[str, ...]  # digits that are document numbers, dates, years…
    object: str  # what the task is about, without its standing-duty words

    def clear(self, has_target: bool) -> bool:
        return bool(self.quantities) or has_target or self.named_product or self.named_end_state


def number_of(text: str) -> float:
    if text.isdigit():
        return float(text)
    if _THOUSANDS(text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "."))


def _strip_not_quantities(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with its document numbers, dates, years and terms replaced by "§", and those."""
    low = text.lower()
    if not _DIGIT(text):
        if "quý" not in low:
            return text, ()
        patterns = _NOT_QUANTITY_WITHOUT_DIGITS
    elif not _ANY_GATE(low):
        return text, ()
    else:
        present = {g for g in _GATE_WORDS if g in low}
        patterns = [p for p, gate in _NOT_QUANTITY if not gate.isdisjoint(present)]
    found: list[str] = []

    def keep(m: re.Match[str]) -> str:
        found.append(m.group())
        return " § "

    for pattern in patterns:
        text = pattern.sub(keep, text)
    return text, tuple(found)


_DIGIT = re.compile(r"\d").search
# a number and what follows it: a percent sign, or up to four words
_QUANTITY = re.compile(_NUMBER.pattern + r"\s*(%|[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})").findall
# what makes a text need more than _numbers_in: a separator (document numbers, dates, terms), a
# year, or a word that starts a document number, a date, a term, a count that is not a quantity, a
# number written in words or a deadline (each a whole word in the patterns that use it)
_TRIGGERS = {g for _p, gate in _NOT_QUANTITY for g in gate if g[0].isalpha()} | set(NUMBER_WORDS) | {"quý", "tháng", "năm"}
_TRIGGER_WORDS = frozenset(g for g in _TRIGGERS if " " not in g.strip())
_TRIGGER_PHRASES = frozenset(g for g in _TRIGGERS if " " in g.strip())
assert all(len(g.split()) == 2 for g in _TRIGGER_PHRASES)  # _complex looks for them as pairs of syllables
_TRIGGER_FIRST = frozenset(g.split()[0] for g in _TRIGGER_PHRASES)
# anything but words, numbers, spaces, commas, points and percent signs; or a year
_ODD = re.compile(r"[^\w\s,.%]|(?:19|20)\d\d").search


def _complex(low: str) -> bool:
    if _ODD(low) is not None:
        return True
    syllables = low.replace(",", " ").replace(".", " ").split()  # no other punctuation: _ODD said so
    if not _TRIGGER_WORDS.isdisjoint(syllables):
        return True
    if _TRIGGER_FIRST.isdisjoint(syllables):
        return False
    return not _TRIGGER_PHRASES.isdisjoint(f"{a} {b}" for a, b in pairwise(syllables) if a in _TRIGGER_FIRST)


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?").fullmatch
_NUMBER_WORD = re.compile(r"(?<!\w)(" + "|".join(NUMBER_WORDS) + r")\s+([^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})")
_SUBJECT = re.compile(r"(?:xã|phường|thị trấn|huyện|thôn|trường|trạm|chợ|hợp tác xã|thành phố|tỉnh)\s+[A-ZĐ]", re.IGNORECASE)


def _written(text: str) -> str:
    """NFC, single spaces (isprintable is False for every space but " ")."""
    text = unicodedata.normalize("NFC", text)
    if "  " in text or not text.isprintable() or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    return text


def quantities(what: str) -> list[Quantity]:
    """The quantities a text states: a number (digits, a decimal comma, 1.500 for 1500, or a
    number word) followed by a unit or a countable noun, or a percentage."""
    return _quantities(_written(what))


def _numbers_in(text: str) -> list[Quantity]:
    """The numbers of a lower-cased text followed by a unit or a countable noun."""
    out: list[Quantity] = []
    for number, said in _QUANTITY(text):
        if said == "%":
            out.append(Quantity(number_of(number), "%", number + "%"))
        elif not said.startswith(NOT_AFTER_NUMBER):
            out.append(Quantity(number_of(number), said, f"{number} {said}"))
    return out


def _quantities(written: str) -> list[Quantity]:
    text = _strip_not_quantities(written)[0].lower()  # the patterns ignore case; lower() keeps positions
    out = _numbers_in(text)
    for m in _NUMBER_WORD.finditer(text):
        head = m.group(2)
        if m.group(1) == "một" and head.split()[0] in ("số", "cách", "bước", "phần", "lần", "trong", "những"):
            continue
        if head.startswith(NOT_AFTER_NUMBER):
            continue
        out.append(Quantity(float(NUMBER_WORDS[m.group(1)]), head, m.group()))
    return out


def _vague_words(text: str, phrases: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_alternation(tuple(phrases)).findall(text)))


def _head(text: str, heads: Sequence[str]) -> str | None:
    m = _alternation(tuple(heads), anywhere=False).match(text)
    return m.group() if m else None


_PUNCTUATION = re.compile(r"[^\w\s§]")
_FILLER = re.compile(r"(?<!\S)(?:" + "|".join(re.escape(w) for w in sorted(FILLER, key=len, reverse=True)) + r")(?!\S)")


def _content_syllables(rest: str) -> int:
    text, _found = _strip_not_quantities(rest)
    text = _FILLER.sub(" ", _PUNCTUATION.sub(" ", text))
    return len([w for w in text.split() if not w.isdigit() and w != "§"])


def named_product(product: str | None, generic: Sequence[str]) -> tuple[bool, str | None, str | None]:
    """(whether the product names a result, the product when it is only a kind of document,
    the product when it is no kind of document or work at all)."""
    if not product or not product.strip():
        return False, None, None
    text = norm(product)
    proper = _has_name(_strip_not_quantities(_written(product))[0])  # "Đề án 06" names no result
    work = _head(text, WORKS)
    if work is not None:
        named = _content_syllables(text[len(work):]) >= 1 or proper
        return named, None if named else product, None
    head = _head(text, generic)
    if head is None:
        # not a known kind of document or work: a named result only if it reads as one (a proper noun, several words)
        named = proper or (_content_syllables(text) >= 4 and not text.startswith(("chuyển biến", "tiến bộ")))
        return named, None, None if named else product
    rest = text[len(head):]
    if head in ("sổ", "sổ theo dõi"):
        return proper, None if proper else product, None
    if proper or _content_syllables(rest) >= 3:
        return True, None, None
    return False, product, None


def named_end_state(what: str, vague: tuple[str, ...]) -> bool:
    """A `what` that states an end state of a named object: an end-state verb and a proper noun,
    not opened by a standing-duty phrase."""
    text = norm(what)
    original = unicodedata.normalize("NFC", what.strip())
    opens_vague = text.startswith(vague) and not text.startswith(END_STATES)
    if opens_vague:
        return False
    has_state = _alternation(END_STATES).search(text) is not None
    proper = _has_name(original)
    subject = _SUBJECT.match(original)
    return has_state and bool(proper or subject)


_LEAD = ("công tác", "việc", "các", "những", "có hiệu quả", "tốt", "và", ",")


def task_object(what: str, phrases: Sequence[str]) -> str:
    """What a task is about, as written: `what` without the standing-duty phrases that open it
    ("Tăng cường công tác phát triển đảng viên" → "phát triển đảng viên")."""
    text = " ".join(unicodedata.normalize("NFC", what).split())
    opening = _alternation(tuple(phrases), anywhere=False)
    while m := opening.match(text.lower()):
        text = text[m.end():].lstrip(" ,")
    while True:
        low = text.lower()
        lead = next((w for w in _LEAD if low.startswith(w) and (len(low) == len(w) or not low[len(w)].isalnum())), None)
        if lead is None:
            break
        text = text[len(lead):].lstrip(" ,")
    return text or " ".join(what.split())


def read(what: str, product: str | None, phrases: Sequence[str] = VAGUE_PHRASES, generic: Sequence[str] = GENERIC_PRODUCTS) -> Reading:
    text = norm(what)
    vague = _vague_words(text, phrases)
    named, generic_product, unnamed_product = named_product(product, generic)
    _stripped, found = _strip_not_quantities(_written(what))
    obj = task_object(what, phrases)
    return Reading(tuple(quantities(what)), named, named_end_state(what, vague), vague, generic_product, unnamed_product,
                   tuple(found), obj)


# -- mismatches ---------------------------------------------------------------------------------

@lru_cache(maxsize=1024)
def _unit(unit: str) -> tuple[str, float] | None:
    u = norm(unit)
    m = _alternation(tuple(UNITS), anywhere=False).match(u)
    return UNITS[m.group()] if m else None


def _same_thing(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if a.split()[:1] == b.split()[:1]:
        return True
    return any(a.startswith(p) for p in PEOPLE) and any(b.startswith(p) for p in PEOPLE)


def quantity_mismatch(found: Sequence[Quantity], target: float | None, unit: str | None) -> Quantity | None:
    """The quantity of the text that the measure's target or unit contradicts (None when one of
    them agrees: the same figure, in units of the same dimension or both as counts)."""
    if target is None or not unit or not found:
        return None
    mu = _unit(unit)
    for q in found:
        qu = _unit(q.unit)
        if qu is not None and mu is not None:
            if qu[0] == mu[0] and abs(q.value * qu[1] - target * mu[1]) <= 1e-9 * max(1.0, abs(target * mu[1])):
                return None
        elif qu is None and mu is None and abs(q.value - target) < 1e-9:
            return None
    for q in found:
        qu = _unit(q.unit)
        if qu is not None and mu is not None:
            return q  # another figure in the same dimension, or another dimension ("3 km" against ha)
        if qu is None and mu is None:
            if _same_thing(q.unit, unit):
                return q  # another count of the same thing ("8 phòng học" against 6 phòng học)
        elif (qu or mu)[0] == "percent":  # type: ignore[index]
            return q  # a share against a count
    return None


_ROMAN_Q = r"(iv|i{1,3}|[1-4])(?!\w)"


_ON_DAY = re.compile(r"(?:trước|đến|chậm nhất|hoàn thành|xong|vào)\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")
_IN_QUARTER = re.compile(r"quý\s+" + _ROMAN_Q + r"(?:\s*/\s*|\s+năm\s+)?((?:19|20)\d{2})?")
_MONTHS_OF_YEAR = re.compile(r"(6|9|sáu|chín)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+((?:19|20)\d{2}))?")
_IN_MONTH = re.compile(r"(?:trong|vào)\s+tháng\s+(\d{1,2})(?:\s*/\s*|\s+năm\s+)((?:19|20)\d{2})")
_IN_YEAR = re.compile(r"(?<!so với )(?:trong|vào)\s+năm\s+((?:19|20)\d{2})")


def _month_end(y: int, month: int) -> dt.date:
    return dt.date(y + (month == 12), 1 if month == 12 else month + 1, 1) - dt.timedelta(days=1)


def deadlines(what: str, year: int) -> list[Deadline]:
    """The deadlines a text names, each as the days it spans ("trước ngày 30/9/2022" is one day)."""
    return _deadlines(_written(what), year)


def _deadlines(written: str, year: int) -> list[Deadline]:
    text = written.lower()
    out: list[Deadline] = []
    patterns = [p for p, gate in ((_ON_DAY, "/"), (_IN_QUARTER, "quý"), (_MONTHS_OF_YEAR, "tháng"), (_IN_MONTH, "tháng"),
                                  (_IN_YEAR, "năm")) if gate in text]
    if not patterns:
        return out
    same = len(text) == len(written)  # lower-casing kept the positions (it does for Vietnamese)

    def add(first: dt.date, last: dt.date, m: re.Match[str]) -> None:
        out.append(Deadline(first, last, written[m.start():m.end()] if same else m.group()))

    for m in _ON_DAY.finditer(text) if _ON_DAY in patterns else ():
        with suppress(ValueError):  # an impossible date in the text is no deadline
            day = dt.date(int(m.group(3) or year), int(m.group(2)), int(m.group(1)))
            add(day, day, m)
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
            month, y = int(m.group(1)), int(m.group(2))
            add(dt.date(y, month, 1), _month_end(y, month), m)
    for m in _IN_YEAR.finditer(text) if _IN_YEAR in patterns else ():
        y = int(m.group(1))
        add(dt.date(y, 1, 1), dt.date(y, 12, 31), m)
    return out


def deadline_mismatch(found: Sequence[Deadline], due: dt.date | None) -> Deadline | None:
    """The deadline of the text that `due` falls outside of (a day's slack either side)."""
    if due is None:
        return None
    for d in found:
        slack = dt.timedelta(days=1 if d.first == d.last else 0)  # "trước ngày 1/7" is met by a due of 30/6
        if due < d.first - slack or due > d.last + slack:
            return d
    return None


# -- the verdict --------------------------------------------------------------------------------

class Verdict(NamedTuple):
    """What the analyser finds in one task: whether it is vague (with the Reading that says why;
    None when a quantity or a target already makes it clear), and the first quantity and deadline
    of `what` that the fields contradict."""

    reading: Reading | None
    vague: bool
    quantity: Quantity | None = None
    deadline: Deadline | None = None


def judge(
    what: str, product: str | None, *, target: float | None = None, unit: str | None = None,
    due: dt.date | None = None, year: int, phrases: Sequence[str] = VAGUE_PHRASES,
    generic: Sequence[str] = GENERIC_PRODUCTS,
) -> Verdict:
    written = _written(what)
    low = written.lower()
    if not _complex(low):  # most tasks: numbers followed by words, nothing else to read
        found, named = _numbers_in(low), []
    else:
        found, named = _quantities(written), _deadlines(written, year) if due is not None else []
    if found or target is not None:
        quantity = quantity_mismatch(found, target, unit)
        deadline = deadline_mismatch(named, due) if named else None
        return _CLEAR if quantity is None and deadline is None else Verdict(None, False, quantity, deadline)
    reading = read(what, product, phrases, generic)
    return Verdict(reading, not reading.clear(False), None, deadline_mismatch(named, due) if named else None)


_CLEAR = Verdict(None, False, None, None)
