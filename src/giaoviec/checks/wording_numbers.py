"""Quantities in a task's wording (spec/clarity.md): numbers with a unit or a countable noun, ranges
("1,5-2%", "từ 90 - 100 đảng viên", "từ 96 đến 97%"), percentages, money, number words ("hai chi
bộ", "hai mươi hộ"); the digits that are not quantities (document numbers, dates, years, terms,
quarters); and whether a measure's target and unit agree with what the text says."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from giaoviec.characters import lazy
from giaoviec.checks.wording_vocab import NOT_AFTER_NUMBER, NUMBER_WORDS, PEOPLE, UNITS


@lru_cache(maxsize=64)
def alternation(words: tuple[str, ...], anywhere: bool = True) -> re.Pattern[str]:
    """One pattern for a list of words and phrases, longest first, matched as whole words:
    anywhere (for search/findall), or at the start (for match); compiled when first used."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or r"(?!x)x"
    return lazy((r"(?<!\w)" if anywhere else "") + f"(?:{body})" + r"(?!\w)")


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


# a figure written glued to its unit of measure ("3.485ha", "12km", "500m2"): read as "3.485 ha"
_GLUED = lazy(r"(?<=\d)(?=(?:ha|km2?|m[23]?|kg|tấn|mw|kwh?)(?!\w))", re.IGNORECASE)


def written(text: str) -> str:
    """NFC, single spaces (isprintable is False for every space but " "), a unit glued to its figure set apart."""
    text = unicodedata.normalize("NFC", text)
    if "  " in text or not text.isprintable() or text[:1] == " " or text[-1:] == " ":
        text = " ".join(text.split())
    return _GLUED.sub(" ", text) if _GLUED_AT.search(text) else text


# where _GLUED can match: a digit before the first letter of one of its units (in any case: "K" is a "k" to IGNORECASE)
_GLUED_AT = lazy(r"\d[hkmtHKMT\u212a]")


class Quantity(NamedTuple):
    value: float
    unit: str  # the word(s) after the number, normalised ("" when none)
    text: str  # as written
    high: float | None = None  # the top of a range ("1,5-2%": value 1.5, high 2)


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_DOC_WORDS = r"(?:nghị quyết|kế hoạch|chỉ thị|quyết định|kết luận|quy định|thông báo|công văn|nghị định|thông tư|đề án|chương trình|hướng dẫn|quy chế|báo cáo)"
_DOC_LIST = tuple(_DOC_WORDS[3:-1].split("|"))
_SEPARATORS = ("-", "/", "–")
# Applied in order, each to what the ones before left; each with the substrings (of the lower-cased
# text) without which it cannot match, so that most texts skip most patterns.
_NOT_QUANTITY = [(lazy(p, re.IGNORECASE), frozenset(gate)) for p, gate in (
    (r"[\"“][^\"”]{1,80}[\"”]", ('"', "“")),  # a title in quotes: "Mỗi xã một sản phẩm" counts nothing
    # a count in a document's title: "Nghị quyết số 11 của Chính phủ về 6 nhóm giải pháp" (only the count is taken out)
    (_DOC_WORDS + r"[^;:]{0,60}?\s(?P<n>về\s+\d+(?=\s+[^\W\d_])\s+[^\W\d_]+)", _DOC_LIST),
    # … or the groups of tasks a document lists, carried out: "4 nhóm nhiệm vụ, giải pháp tại Nghị quyết số 21-NQ/TW"
    (r"(?P<n>\d+\s+nhóm\s+(?:nhiệm vụ|giải pháp)[^;:\d]{0,30}?)\s(?:tại|của|theo|trong|nêu trong)\s+" + _DOC_WORDS, ("nhóm",)),
    # a count of documents carried out, not produced: "Cụ thể hóa 02 NQ của Huyện", "Quán triệt 3 chỉ thị …"
    (r"(?:quán triệt|triển khai|thực hiện|cụ thể hóa|cụ thế hóa|học tập)\s+(?:[^\W\d_]+\s+){0,3}?(?P<n>\d+\s+(?:nq|ct|kl|qđ|kh|"
     + _DOC_WORDS[3:-1] + r"|văn bản))(?!\w)", ("quán triệt", "triển khai", "thực hiện", "thể hóa", "thế hóa", "học tập")),
    (r"\b\d+(?:/\d{2,4})?[-/][A-ZĐa-zđ]{1,8}(?:[-/][A-ZĐa-zđ]{1,8})*", _SEPARATORS),  # 15-NQ/HU, 30/2020/NĐ-CP
    (_DOC_WORDS + r"(?:\s+số)?\s+\d+", _DOC_LIST),  # Nghị quyết 04, Chỉ thị số 35
    (r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b(?!\s+(?:xã|thôn|làng|huyện|hộ|trường|đơn vị|chi bộ|tiêu chí|cơ sở|tổ chức|thôn, làng)\b)", ("/",)), (r"\b\d{1,2}-\d{1,2}-\d{4}\b", ("-",)),  # dates
    (r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b", ("-", "–")),  # terms
    (r"(?<=năm )\d{4}\b", ("năm ",)), (r"\b(?:19|20)\d{2}\b(?!\s*[^\W\d_])", ("19", "20")),  # years ("2022 hồ sơ" is a count)
    # … but a year before a verb or a particle is none ("Tết Nguyên đán Giáp Thìn 2024 được kịp thời")
    (r"\b(?:19|20)\d{2}\b(?=\s+(?:được|đã|sẽ|và|của|là|theo|tại|cho|với|nhằm|để|bảo đảm|đảm bảo|đúng|kịp thời)(?!\w))", ("19", "20")),
    (r"quý\s+(?:[ivx]+|\d)\b", ("quý",)), (r"\b\d+\s+tháng\b", ("tháng",)), (r"tháng\s+\d{1,2}\b", ("tháng",)),
    (r"ngày\s+\d{1,2}\b", ("ngày",)),
    (r"\b(?:số|lớp|cấp độ|mức độ|vành đai|khu|tổ|đội|thôn|xóm|khóa|tiêu chí|quốc lộ|tỉnh lộ|đường tỉnh|đường huyện)\s+\d+\b",
     ("số", "lớp", "cấp độ", "mức độ", "vành đai", "khu", "tổ", "đội", "thôn", "xóm", "khóa", "tiêu chí", "quốc lộ", "tỉnh lộ",
      "đường tỉnh", "đường huyện")),
    # the national programme's name, not a count: "Chương trình mỗi xã một sản phẩm (OCOP)", "mô hình mỗi xã 1 sản phẩm"
    (r"mỗi\s+(?:xã|phường|làng|huyện)\s+(?:một|1)\s+sản\s+phẩm", ("mỗi",)),
    (r"tỷ lệ\s+\d+/\d+", ("tỷ lệ",)), (r"\b\d+\s*(?:giờ|phút)\b", ("giờ", "phút")),
)]
_NOT_QUANTITY_WITHOUT_DIGITS = [p for p, _gate in _NOT_QUANTITY if p.pattern.startswith(("quý", "[\\\"“]", "mỗi"))]  # "quý III", a title
_GATE_WORDS = tuple({g for _p, gate in _NOT_QUANTITY for g in gate})
_NUMBER = lazy(r"(?=\d)(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2})(?![\w])")


def number_of(text: str) -> float:
    if text.isdigit():
        return float(text)
    if _THOUSANDS.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "."))


def strip_not_quantities(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with its document numbers, dates, years and terms replaced by "§", and those."""
    low = text.lower()
    if not _DIGIT.search(text):
        if "quý" not in low and '"' not in low and "“" not in low and "mỗi" not in low:
            return text, ()
        patterns = _NOT_QUANTITY_WITHOUT_DIGITS
    else:
        present = {g for g in _GATE_WORDS if g in low}
        if not present:
            return text, ()
        patterns = [p for p, gate in _NOT_QUANTITY if not gate.isdisjoint(present)]
    found: list[str] = []

    def keep(m: re.Match[str]) -> str:
        if "n" in m.re.groupindex:  # only the named part is not a quantity; the rest is read on
            found.append(m.group("n"))
            return m.string[m.start():m.start("n")] + " § "
        found.append(m.group())
        return " § "

    for pattern in patterns:
        text = pattern.sub(keep, text)
    return text, tuple(found)


_DIGIT = lazy(r"\d")
# a number and what follows it: a percent sign, or up to four words
_QUANTITY = lazy(_NUMBER.pattern + r"\s*(%|[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})")
# what makes a text need more than numbers_in: a separator (document numbers, dates, terms), a
# year, or a word that starts a document number, a date, a term, a count that is not a quantity, a
# number written in words or a deadline (each a whole word in the patterns that use it)
_TRIGGERS = {g for _p, gate in _NOT_QUANTITY for g in gate if g[0].isalpha()} | set(NUMBER_WORDS) | {"quý", "tháng", "năm", "thứ", "top", "hạng"}
_TRIGGER_WORDS = frozenset(g for g in _TRIGGERS if " " not in g.strip())
_TRIGGER_PHRASES = frozenset(g for g in _TRIGGERS if " " in g.strip())
assert all(len(g.split()) == 2 for g in _TRIGGER_PHRASES)  # _complex looks for them as pairs of syllables
_TRIGGER_FIRST = frozenset(g.split()[0] for g in _TRIGGER_PHRASES)
# the words that open only a count that is not a quantity ("tổ 3", "thôn 5", "tiêu chí 19"): the one pattern they gate
# (with no other) can match only where a number follows them
_NUMBERED = next(gate for p, gate in _NOT_QUANTITY if p.pattern.startswith(r"\b(?:số|lớp|"))
_BEFORE_A_NUMBER = _NUMBERED - {g for _p, gate in _NOT_QUANTITY if gate is not _NUMBERED for g in gate} - set(NUMBER_WORDS) - _TRIGGERS.difference(
    g for _p, gate in _NOT_QUANTITY for g in gate)
_READ_AFTER = _BEFORE_A_NUMBER | {"tư"}  # the trigger words complex_text reads the words after
# anything but words, numbers, spaces, commas, points and percent signs; or a year
_ODD = lazy(r"[^\w\s,.%]")
_YEAR = lazy(r"(?:19|20)\d\d")


def complex_text(low: str) -> bool:
    if _ODD.search(low) is not None or (("19" in low or "20" in low) and _YEAR.search(low) is not None):
        return True
    syllables = low.replace(",", " ").replace(".", " ").split()  # no other punctuation: _ODD said so
    words = _TRIGGER_WORDS.intersection(syllables)
    if not words.issubset(_READ_AFTER):
        return True
    if not words and _TRIGGER_FIRST.isdisjoint(syllables):
        return False
    # "tổ", "số", "thôn", "tiêu chí"… start only "tổ 3", "số 5": they make a text complex only before a number
    for i, (a, b) in enumerate(pairwise(syllables)):
        if a in words and (b[0].isdigit() if a != "tư" else " ".join(syllables[i + 1:]).startswith(PEOPLE)):
            return True  # … and "tư" ("đầu tư", "tư nhân") counts only people (quantities_of): "tư người"
        if a in _TRIGGER_FIRST and (pair := f"{a} {b}") in _TRIGGER_PHRASES and (
                pair not in _BEFORE_A_NUMBER or (i + 2 < len(syllables) and syllables[i + 2][0].isdigit())):
            return True
    return False


_THOUSANDS = lazy(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_NUMBER_WORD = lazy(r"(?<!\w)(" + "|".join(NUMBER_WORDS) + r")\s+([^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})")


def quantities(what: str) -> list[Quantity]:
    """The quantities a text states: a number (digits, a decimal comma, 1.500 for 1500, or a
    number word) followed by a unit or a countable noun, or a percentage."""
    return quantities_of(written(what))


# a range: two numbers joined by a dash or "đến", the unit after the second ("1,5-2%", "90 - 100 đảng viên"),
# a percentage also after the first when both have it ("19%-20%")
_RANGE = lazy(_NUMBER.pattern + r"(?:\s*%(?=\s*(?:-|–|đến)\s*[\d.,]+\s*%))?\s*(?:-|–|đến)\s*" + _NUMBER.pattern.replace("(?<![\\w.,])", "")
              + r"\s*(%|[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})")


def numbers_in(text: str) -> list[Quantity]:
    """The numbers of a lower-cased text followed by a unit or a countable noun, a range read as one."""
    out: list[Quantity] = []
    if "-" in text or "–" in text or "đến" in text:
        def one(m: re.Match[str]) -> str:
            low, high, said = number_of(m.group(1)), number_of(m.group(2)), m.group(3)
            if said == "%" or not said.startswith(NOT_AFTER_NUMBER):
                out.append(Quantity(min(low, high), said, m.group(), max(low, high)))
                return " ¤ "
            return m.group()
        text = _RANGE.sub(one, text)
    digit = _DIGIT.search(text)  # a quantity starts at a digit: the scan starts at the first (its lookbehind sees the text before)
    for m in _QUANTITY.finditer(text, digit.start()) if digit is not None else ():
        number, said = m.groups()
        if said != "%" and said.startswith(NOT_AFTER_NUMBER):
            continue
        value, shown = number_of(number), number + "%" if said == "%" else f"{number} {said}"
        bound = _BOUND.search(text, 0, m.start()) if text[:m.start()].rstrip().endswith(_BOUNDS) else None
        if bound is not None and text[:bound.start()].rstrip().endswith(_REACH):
            bound = None  # "đạt, vượt 800 triệu đồng": the figure a target is set at, as "ít nhất"
        if bound is None:
            out.append(Quantity(value, said, shown))
        elif bound.group(1) in _AT_MOST:  # "xuống dưới 15%": any figure up to it
            out.append(Quantity(0.0, said, bound.group(1) + " " + shown, value))
        else:  # "trên 90%", "ít nhất 50 hộ": the figure or more
            out.append(Quantity(value, said, bound.group(1) + " " + shown, float("inf")))
    return out


# a strict bound before a number: the text asks for a figure on one side of it, and the figure itself
# cannot be the target ("xuống dưới 15%": 14 % agrees). An inclusive bound ("ít nhất 210 đảng viên",
# "tối đa 5%") names the figure a target is set at, and is read as that figure.
_AT_MOST = ("dưới", "thấp hơn", "nhỏ hơn")
_AT_LEAST = ("trên", "vượt", "cao hơn", "lớn hơn", "nhiều hơn")
_REACH = ("đạt,", "đạt và", "đạt hoặc")
_BOUNDS = _AT_MOST + _AT_LEAST  # what _BOUND's text must end with (str.rstrip strips what \s matches)
_BOUND = lazy(r"(?<!không )(?<!\w)(" + "|".join(sorted(_AT_MOST + _AT_LEAST, key=len, reverse=True)) + r")\s*$")


_UNITS_OF_TEN = {"mươi": 10, "mười": 10}
# "hai mươi lăm hộ", "ba trăm hộ": a number word, tens or hundreds, and a last digit word
_COMPOUND = lazy(r"(?<!\w)(một|hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+(mươi|trăm)(?:\s+(mốt|một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín))?"
                 r"\s+([^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})")
_DIGIT_WORDS = {**NUMBER_WORDS, "năm": 5, "lăm": 5, "mốt": 1}


# a rank: "trong nhóm 30/63 tỉnh, thành phố", "xếp thứ 5", "top 10" (the figure a target is set at, as "ít nhất")
_RANK = lazy(r"(?<!\w)(?:trong nhóm|thuộc nhóm|vào nhóm|trong top|top|xếp thứ|đứng thứ|xếp hạng(?: thứ)?|vị trí thứ)\s+(\d{1,3})"
             r"(?:\s*/\s*\d{1,3})?(?![\d/])", re.IGNORECASE)


_FRACTION = lazy(r"(?<![\d/.,])(\d+)(\s*/\s*\d+)(?=\s+[^\W\d_])")


def quantities_of(written: str) -> list[Quantity]:
    ranks: list[Quantity] = []
    low = written.lower()
    if "nhóm" in low or "top" in low or "thứ" in low or "hạng" in low:
        def rank(m: re.Match[str]) -> str:
            ranks.append(Quantity(float(m.group(1)), "hạng", m.group()))
            return " ¤ "
        written = _RANK.sub(rank, written)
    kept = strip_not_quantities(written)[0]
    if "/" in kept:  # "3/4 trường học đạt chuẩn", "15/17 xã": the figure is the first, of the second
        kept = _FRACTION.sub(lambda m: m.group(1) + " " * len(m.group(2)), kept)
    text = kept.lower()  # the patterns ignore case; lower() keeps positions
    out = ranks + numbers_in(text)
    if "mươi" in text or "trăm" in text:
        def compound(m: re.Match[str]) -> str:
            value = _DIGIT_WORDS[m.group(1)] * (10 if m.group(2) == "mươi" else 100) + (_DIGIT_WORDS[m.group(3)] if m.group(3) else 0)
            if not m.group(4).startswith(NOT_AFTER_NUMBER):
                out.append(Quantity(float(value), m.group(4), m.group()))
            return " ¤ "
        text = _COMPOUND.sub(compound, text)
    for m in _NUMBER_WORD.finditer(text):
        head = m.group(2)
        if m.group(1) == "một" and head.split()[0] in ("số", "cách", "bước", "phần", "lần", "trong", "những"):
            continue
        if head.startswith(NOT_AFTER_NUMBER) or (m.group(1) == "tư" and not head.startswith(PEOPLE)):
            continue
        if _in_name(kept, text, m):
            continue
        out.append(Quantity(float(NUMBER_WORDS[m.group(1)]), head, m.group()))
    return out


def _in_name(kept: str, text: str, m: re.Match[str]) -> bool:
    """A number word capitalised inside the text, before a capitalised syllable, is part of a proper
    name: "bản sắc Ba Chẽ", "huyện Ba Vì", "quận Hai Bà Trưng", "Năm Căn" (not the opening word)."""
    start = m.start(1)
    if len(kept) != len(text) or start == 0 or not kept[start].isupper() or not kept[m.start(2)].isupper():
        return False
    before = kept[:start].rstrip()
    return bool(before) and before[-1] not in ".;:!?\n"


# -- against the measure -------------------------------------------------------------------------

@lru_cache(maxsize=1024)
def _unit(unit: str) -> tuple[str, float] | None:
    u = norm(unit)
    m = alternation(tuple(UNITS), anywhere=False).match(u)
    return UNITS[m.group()] if m else None


@lru_cache(maxsize=4096)  # units repeat: the measures' and the texts' own are few
def _same_thing(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if a.split()[:1] == b.split()[:1]:
        return True
    return any(a.startswith(p) for p in PEOPLE) and any(b.startswith(p) for p in PEOPLE)


def _agrees(q: Quantity, value: float, factor: float = 1.0) -> bool:
    """Whether a figure (in the text's unit, times factor) is the quantity's, or inside its range."""
    low, high = q.value * factor, (q.high if q.high is not None else q.value) * factor
    slack = 1e-9 * max(1.0, abs(value))
    return low - slack <= value <= high + slack


@lru_cache(maxsize=4096)
def _place(unit: str) -> str | None:
    m = _PLACE.match(norm(unit))
    return m.group() if m else None


def _other_thing(q: Quantity, unit: str, same: bool) -> bool:
    """Whether a count of the text is of another thing than the measure's: another kind of place ("7 xã"
    against thôn), or, when the text also counts the measure's own thing, anything else ("72 xã đạt 19 tiêu
    chí" against xã: the 19 is the criteria's)."""
    if same:
        return not _same_thing(q.unit, unit)
    place, theirs = _place(q.unit), _place(unit)  # "15 bản" against "thôn, bản" is of the measure's places
    return place is not None and theirs is not None and place not in re.split(r"[\s,/;]+", norm(unit))


def quantity_mismatch(found: Sequence[Quantity], target: float | None, unit: str | None,
                      baseline: float | None = None, indicator: str | None = None, text: str = "") -> Quantity | None:
    """The quantity of the text that the measure's target or unit contradicts (None when one of
    them agrees: the same figure or one inside the text's range, in units of the same dimension or
    both as counts of the same thing; or a change by the text's figure from the baseline: "Giảm 45 hộ
    nghèo" with baseline 210 and target 165). When the text gives figures for several things in its
    clauses and the indicator names one of them ("Hàm Yên 2.750 ha, Sơn Dương 2.500 ha" with indicator
    "Diện tích rừng trồng huyện Hàm Yên"), only that clause's figures are the measure's."""
    if target is None or not unit or not found:
        return None
    if indicator and text and len(found) > 1:
        found = _the_indicators(found, indicator, text, unit)
    if len(found) > 1 and (starts := {m.group(1).rstrip(".,") for m in _FROM_TO.finditer(text.lower())}):
        # "tăng từ 51 … lên 56": 51 is where it starts
        found = [q for q in found if _DIGITS.match(q.text).group().rstrip(".,") not in starts] or found  # type: ignore[union-attr]
    mu = _unit(unit)
    change = abs(target - baseline) if baseline is not None else None
    same = mu is None and any(_unit(q.unit) is None and _same_thing(q.unit, unit) for q in found)
    for q in found:
        qu = _unit(q.unit)
        if qu is not None and mu is not None:
            if qu[0] == mu[0] and (_agrees(q, target * mu[1], qu[1]) or (change is not None and _agrees(q, change * mu[1], qu[1]))):
                return None
        elif qu is None and mu is None and not _other_thing(q, unit, same) and (
                _agrees(q, target) or (change is not None and _agrees(q, change))):
            return None
    for q in found:
        qu = _unit(q.unit)
        if qu is not None and mu is not None:
            return q  # another figure in the same dimension, or another dimension ("3 km" against ha)
        if qu is None and mu is None:
            if _same_thing(q.unit, unit) or _other_thing(q, unit, False):
                return q  # another count of the same thing ("8 phòng học" against 6 phòng học), or of another place
        elif (qu or mu)[0] == "percent":  # type: ignore[index]
            return q  # a share against a count
        elif _agrees(q, target):
            return q  # the same figure in another unit ("3,2 triệu lượt khách" against 3,2 tỷ đồng)
    return None


# a change from one figure to another ("tăng từ mức 51 triệu đồng năm 2023 lên 56 triệu đồng", "giảm từ 5%
# xuống còn 3%"): the first is where it starts, not the target ("từ 3.485 ha trở lên" is a bound)
_DIGITS = lazy(r"[\d.,]*")
_FROM_TO = lazy(r"(?<!\w)từ\s+(?:mức\s+)?(\d[\d.,]*)[^;]{0,60}?(?<!trở)\s(?:lên|xuống)\s+(?:mức\s+|còn\s+)?\d")
_PLACE = lazy(r"(?:xã|phường|thị trấn|thôn|bản|ấp|tổ dân phố|khu dân cư|huyện|quận|thị xã|tỉnh)(?!\w)")
_CLAUSES = lazy(r";|,\s|:\s|\.\s|\svà\s")  # "3.650 công dân vào Quân đội và 441 công dân vào Công an"


def _bigrams(text: str) -> set[str]:
    words = re.sub(r"[,/()]", " ", norm(text)).split()
    return {f"{a} {b}" for a, b in pairwise(words)}


def _the_indicators(found: Sequence[Quantity], indicator: str, text: str, unit: str) -> Sequence[Quantity]:
    """The figures of the clause the indicator names, when one clause (of those with a figure in the
    measure's unit) shares more of its pairs of words than any other (pairs every clause has say nothing);
    else all of them. What opens the first clause before its figure may be the subject of all
    ("Tỷ trọng kinh tế số ước đạt hơn 7% GRDP, phấn đấu đến năm 2025 đạt 20% GRDP"): it names none."""
    mu = _unit(unit)

    def comparable(q: Quantity) -> bool:
        qu = _unit(q.unit)
        return qu is None if mu is None else qu is not None and qu[0] == mu[0]

    if "," in unit:  # a unit that lists its kinds ("thôn, làng"): the comma in "20 thôn, làng" ends no clause
        text = re.sub(re.escape(unit), unit.replace(",", ""), text, flags=re.IGNORECASE)
    clauses = [(c, [q for q in quantities_of(c) if comparable(q)]) for c in _CLAUSES.split(text)]
    clauses = [(c, q) for c, q in clauses if q]
    if len(clauses) < 2:
        return found
    common = set.intersection(*(_bigrams(c) for c, _q in clauses))
    wanted = _bigrams(indicator) - common
    first = clauses[0][0]
    digit = _DIGIT.search(first)
    own = [_bigrams(first[digit.start() if digit else 0:])] + [_bigrams(c) for c, _q in clauses[1:]]
    scores = [len(wanted & p) for p in own]
    best = max(scores)
    if best == 0 or scores.count(best) > 1:
        return found
    return clauses[scores.index(best)][1]
