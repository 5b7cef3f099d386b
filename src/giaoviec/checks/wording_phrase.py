"""The structure of a task's phrase (spec/clarity.md, "a named result"): its head verb and what it
does to what. A `what`, or a product, names a result when it is

- a document to draft, issue or submit, with what it is about or who issues it ("Xây dựng kế
  hoạch tổ chức Lễ hội Vải thiều Lục Ngạn", "Trình HĐND tỉnh Đề án phát triển du lịch …");
- an event to hold, with its name ("Tổ chức Hội nghị sơ kết 3 năm thực hiện Nghị quyết 04-NQ/TU");
- an end state of a named place, body or work ("Đưa huyện A Lưới thoát khỏi huyện nghèo", "Thị
  trấn Na Hang đạt tiêu chí đô thị loại IV", "Khánh thành Trung tâm y tế Yên Lạc").

The standing-duty words that open a task ("Tập trung", "Phấn đấu", "Tiếp tục chỉ đạo") are read
past; a kind with "các" before it names no one thing; a hedge ("cơ bản đạt", "hướng tới") or a duty
to keep a status ("Duy trì xã đạt chuẩn") states no new one. Each reading says which part it
found and which is missing, so that a finding can name it. Pure: text in, a Structure out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from giaoviec.checks.wording_numbers import alternation, norm, quantities, strip_not_quantities
from giaoviec.checks.wording_vocab import (
    BUILD_VERBS,
    DOCUMENTS,
    DRAFT_VERBS,
    END_STATES,
    EVENT_VERBS,
    EVENTS,
    FILLER,
    HEDGES,
    NOT_NAMES,
    OPENERS,
    PLACES,
    PLURAL,
    STATUSES,
    VAGUE_PHRASES,
    WORKS,
)

# an end state said with these before its object ("Khánh thành Trung tâm y tế Yên Lạc")
_FRONT_STATES = ("khánh thành", "khởi công", "thành lập", "bàn giao", "công nhận", "hoàn thành", "di dời", "sáp nhập",
                 "kiện toàn", "nâng cấp", "cải tạo", "đưa vào sử dụng", "đưa vào hoạt động", "xử lý dứt điểm",
                 "giải quyết dứt điểm", "tiếp nhận", "đón nhận")
_BRING = ("đưa", "xây dựng", "phát triển", "xây dựng, phát triển")  # "Đưa huyện A Lưới thoát khỏi …"
_NEEDS_STATUS = ("đạt", "trở thành", "thành", "lên")  # a state only with a status after it ("đạt chuẩn", "thành thị xã")
_MAINTAIN = ("duy trì", "giữ vững", "giữ", "củng cố", "nâng cao chất lượng")  # keeping a status is no new one
_TIME_LEAD = re.compile(r"(?:đến|trong|từ nay đến|đến hết)\s+(?:cuối\s+)?năm\s+(?:19|20)\d\d\s*,?\s*")
_KINDS = DOCUMENTS + EVENTS + PLACES + WORKS


class Structure(NamedTuple):
    """What the phrase's structure shows: its shape ("document", "event", "end state", "place") and
    head (the kind or verb found), and the part a named result would need that it lacks
    ("subject", "name", "state", "one thing"); missing is "" when it names a result."""

    shape: str
    head: str
    missing: str

    @property
    def named(self) -> bool:
        return bool(self.shape) and not self.missing


NOTHING = Structure("", "", "")


_WORD = re.compile(r"\S+")
_KIND = alternation(_KINDS)


def has_name(original: str, start: int = 0, end: int | None = None, first: int = 0) -> bool:
    """Whether original[start:end] names something particular: a capitalised word that is not the
    text's first (at `first`), not an abbreviation of a kind ("UBND", "NTM"), not part of a kind's
    name ("Quy hoạch", "Đề án") and not an institution every text names ("Đảng", "Nhà nước")."""
    end = len(original) if end is None else end
    tail = original[max(start, first + 1):end]
    if tail == tail.lower():  # most texts: no capital past the first word
        return False
    kinds: list[tuple[int, int]] | None = None
    for m in _WORD.finditer(original, start, end):
        s, word = m.start(), m.group()
        bare = word.strip(",.;:()\"'“”‘’")
        if s <= first or not bare[:1].isupper() or bare.isupper() or norm(bare) in NOT_NAMES:
            continue
        if kinds is None:
            kinds = [k.span() for k in _KIND.finditer(original.lower(), start, end)]
        if any(ks <= s < ke for ks, ke in kinds):
            continue
        return True
    return False


_PUNCT = re.compile(r"[^\w\s§]")
_CONTENT_FILLER = alternation(FILLER + VAGUE_PHRASES)


def content_syllables(rest: str) -> int:
    """The syllables of a text that say what it is about: without document numbers, dates,
    years, punctuation and the words that say nothing (FILLER, the standing-duty vocabulary)."""
    text = _PUNCT.sub(" ", strip_not_quantities(rest)[0].lower())
    text = _CONTENT_FILLER.sub(" ", text)
    return len([w for w in text.split() if not w.isdigit() and w != "§"])


def _identifies(original: str, at: int, first: int, need: int) -> bool:
    rest = original[at:]
    return has_name(original, at, None, first) or content_syllables(rest) >= need


def _match(words: Sequence[str], low: str, at: int) -> re.Match[str] | None:
    return alternation(words if isinstance(words, tuple) else tuple(words), anywhere=False).match(low, at)


def _skip(low: str, at: int) -> int:
    while at < len(low) and low[at] in " ,:-–":
        at += 1
    return at


def _document(original: str, low: str, at: int, first: int, verb: bool) -> Structure | None:
    """A kind of document at `at` (after a drafting verb, and the body a text is submitted to)."""
    kind = _match(DOCUMENTS, low, at)
    if kind is None and verb:  # "Trình HĐND tỉnh Đề án …": up to four words of addressee first
        for m in list(re.finditer(r"\S+", low[at:]))[:4]:
            kind = _match(DOCUMENTS, low, at + m.end() + 1)
            if kind is not None:
                break
    if kind is None:
        return None
    return Structure("document", kind.group(), "" if _identifies(original, kind.end(), first, 3) else "subject")


def _event(original: str, low: str, at: int, first: int) -> Structure | None:
    verb = _match(EVENT_VERBS, low, at)
    if verb is None:
        return None
    event = _match(EVENTS, low, _skip(low, verb.end()))
    if event is None:
        return None
    rest = original[event.end():]
    named = _identifies(original, event.end(), first, 2) or "lần thứ" in rest.lower()
    return Structure("event", event.group(), "" if named else "name")


def _status_after(low: str, at: int) -> bool:
    return alternation(STATUSES).search(" ".join(low[at:].split()[:5])) is not None


def _object_named(original: str, low: str, start: int, end: int, first: int) -> bool:
    span = low[start:end].strip(" ,")
    if span.startswith(PLURAL) or alternation(HEDGES).search(span):
        return False
    if has_name(original, start, end, first):
        return True
    return _match(PLACES, span, 0) is not None and len(span.split()) <= 3  # "Huyện đạt chuẩn …": the unit's own


def _end_state(original: str, low: str, at: int, first: int) -> Structure | None:
    front = _match(_FRONT_STATES, low, at)
    if front is not None:  # "Khánh thành Trung tâm y tế Yên Lạc"
        stop = re.search(r"[;,]| và ", low[front.end():])
        end = front.end() + stop.start() if stop else len(low)
        return Structure("end state", front.group(), "" if _object_named(original, low, front.end(), end, first) else "one thing")
    bring = _match(_BRING, low, at)
    start = _skip(low, bring.end()) if bring is not None else at
    state = alternation(END_STATES).search(low, start)
    if state is None or state.start() - start > 80:
        return None
    if state.group() in _NEEDS_STATUS and not _status_after(low, state.end()):
        return None
    if state.start() == start:  # no object before it
        return None
    named = _object_named(original, low, start, state.start(), first)
    return Structure("end state", state.group(), "" if named else "one thing")


def structure(original: str, phrases: Sequence[str] = VAGUE_PHRASES) -> Structure:
    """The structure of a `what` (or of a product read as one): the first clause that names a
    result, else what the first clause lacks."""
    original = unicodedata.normalize("NFC", " ".join(original.split()))
    low = original.lower()  # lower() keeps the positions of Vietnamese text
    found = NOTHING
    start = 0
    for clause in re.split(r";", low):
        end = start + len(clause)
        s = _clause(original[:end], low[:end], start, phrases)
        if s.named:
            return s
        if not found.shape:
            found = s
        start = end + 1
    return found


@lru_cache(maxsize=16)
def _openers(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return (*phrases, *OPENERS)


def _clause(original: str, low: str, at: int, phrases: Sequence[str]) -> Structure:
    first = _skip(low, at)
    at = first
    stripped_vague = maintain = False
    found = NOTHING
    openers = _openers(tuple(phrases))
    while at < len(low):
        if not stripped_vague and (s := _document(original, low, at, first, False)) is not None:
            return s  # the task is the document ("Kế hoạch tổ chức Lễ hội …")
        verb = _match(DRAFT_VERBS, low, at)
        if verb is not None and (s := _document(original, low, _skip(low, verb.end()), first, True)) is not None and (s.named or not found.shape):
            if s.named:
                return s
            found = s
        build = _match(BUILD_VERBS, low, at)
        work = _match(WORKS, low, _skip(low, build.end())) if build is not None else None
        if work is not None and has_name(original, work.end(), None, first):
            return Structure("work", work.group(), "")  # "Xây dựng nhà văn hóa thôn Đông"
        if (s := _event(original, low, at, first)) is not None:
            if s.named:
                return s
            found = found if found.shape else s
        if not maintain and (s := _end_state(original, low, at, first)) is not None:
            if s.named:
                return s
            found = found if found.shape else s
        lead = _TIME_LEAD.match(low, at) or _match(openers, low, at) or _match(("công tác", "việc", "và"), low, at)
        if lead is None:
            break
        word = lead.group().strip(" ,")
        stripped_vague = stripped_vague or word in phrases
        maintain = maintain or word in _MAINTAIN
        at = _skip(low, lead.end())
    if not found.shape and has_name(original, at, None, first):
        return Structure("place", "", "state")  # a named place or body, and nothing said of it that ends
    return found


def named_product(product: str | None, generic: Sequence[str], phrases: Sequence[str] = VAGUE_PHRASES
                  ) -> tuple[bool, str | None, str | None]:
    """(whether the product names a result, the product when it is only a kind of document, the
    product when it names nothing that can be shown). A product is read as a `what` is: a figure;
    a work, or a kind of document with what it is about or who issues it; or a phrase that names a
    result. Words of a standing duty ("Nâng cao chất lượng …", "Đạt mục tiêu đề ra") name none."""
    if not product or not product.strip():
        return False, None, None
    original = unicodedata.normalize("NFC", " ".join(product.split()))
    text = original.lower()
    if quantities(original):
        return True, None, None
    proper = has_name(strip_not_quantities(original)[0])  # "Đề án 06" names no result
    head = _match(tuple(generic), text, 0)
    if head is not None:  # the repository's generic kinds come first: a config can demote a built-in kind
        if head.group() in ("sổ", "sổ theo dõi"):
            return proper, None if proper else product, None
        named = proper or content_syllables(text[head.end():]) >= 3
        return named, None if named else product, None
    head = _match(WORKS, text, 0) or _match(DOCUMENTS, text, 0)
    if head is not None:
        named = proper or content_syllables(text[head.end():]) >= 1
        return named, None if named else product, None
    if structure(original, phrases).named:
        return True, None, None
    return False, None, product


_LEAD = ("công tác", "việc", "các", "những", "có hiệu quả", "tốt", "và", ",")


def task_object(what: str, phrases: Sequence[str]) -> str:
    """What a task is about, as written: `what` without the standing-duty phrases that open it
    ("Tăng cường công tác phát triển đảng viên" → "phát triển đảng viên")."""
    text = " ".join(unicodedata.normalize("NFC", what).split())
    opening = alternation(tuple(phrases), anywhere=False)
    while m := opening.match(text.lower()):
        text = text[m.end():].lstrip(" ,")
    while True:
        low = text.lower()
        lead = next((w for w in _LEAD if low.startswith(w) and (len(low) == len(w) or not low[len(w)].isalnum())), None)
        if lead is None:
            break
        text = text[len(lead):].lstrip(" ,")
    return text or " ".join(what.split())
