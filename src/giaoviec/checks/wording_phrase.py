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

from giaoviec.characters import lazy
from giaoviec.checks.wording_names import _WORD, _identifies, _match, _skip, content_syllables, has_name
from giaoviec.checks.wording_numbers import alternation
from giaoviec.checks.wording_vocab import (
    BUILD_VERBS,
    DOCUMENTS,
    DRAFT_VERBS,
    END_STATES,
    EVENT_VERBS,
    EVENTS,
    HEDGES,
    OPENERS,
    PEOPLE,
    PLACES,
    PLURAL,
    SESSION,
    STATUSES,
    VAGUE_PHRASES,
    WHOLE_GROUP,
    WHOLE_SCOPE,
    WORKS,
)

# an end state said with these before its object ("Khánh thành Trung tâm y tế Yên Lạc")
_FRONT_STATES = ("khánh thành", "khởi công", "thành lập", "bàn giao", "công nhận", "hoàn thành", "di dời", "sáp nhập", "giải thể", "hợp nhất", "hoàn thiện", "thông tuyến", "thông xe",
                 "kiện toàn", "nâng cấp", "cải tạo", "đưa vào sử dụng", "đưa vào hoạt động", "xử lý dứt điểm",
                 "giải quyết dứt điểm", "tiếp nhận", "đón nhận")
_BRING = ("đưa", "xây dựng", "phát triển", "xây dựng, phát triển")  # "Đưa huyện A Lưới thoát khỏi …"
_NEEDS_STATUS = ("đạt", "trở thành", "thành", "lên")  # a state only with a status after it ("đạt chuẩn", "thành thị xã")
_MAINTAIN = ("duy trì", "giữ vững", "giữ", "củng cố", "nâng cao chất lượng")  # keeping a status is no new one
_OWN_ADMIN = ("xã", "phường", "thị trấn", "huyện", "thị xã", "quận", "thành phố", "tỉnh", "thôn", "xóm", "bản", "làng", "tổ dân phố")
# the unit's own title after an end-state verb: "đạt xã nông thôn mới nâng cao", "hoàn thành mục tiêu xây dựng huyện NTM"
_OWN_TITLE = lazy(r"(?<!\w)(?:" + "|".join(_OWN_ADMIN) + r")\s+(?:nông thôn mới|ntm|đô thị loại|văn minh đô thị|kiểu mẫu)")
_ATTEND = ("triệu tập", "cử", "bố trí")  # "Triệu tập … dự Hội nghị …": the event attended is the task's
_ATTEND_AT = lazy(r"(?<!\w)(?:tham dự|dự)\s+")
_SELF_EVENTS = ("sơ kết", "tổng kết")  # an event and its own verb: "Tổng kết Đề án phát triển chè Tân Cương"
_MAKE = ("thiết lập", "lắp đặt", "xây mới", "làm mới", "khởi công", "khánh thành")  # a work made, named by its purpose
_PROPOSE = ("tham mưu", "đề xuất", "báo cáo đề xuất")
# a submission to a body ("… trình UBND tỉnh"): the document is the submission, its subject what comes before
_SUBMIT = lazy(r"(?<!\w)trình\s+(?:ubnd|hđnd|ủy ban|hội đồng|thường trực|ban thường vụ|ban chấp hành|tỉnh ủy|huyện ủy|"
               r"thành ủy|đảng ủy|chủ tịch|cấp có thẩm quyền|thủ tướng|bộ)(?!\w)")
_DIRECTING = ("chỉ đạo", "yêu cầu", "đề nghị", "giao", "hướng dẫn", "đôn đốc")
# the units a directing verb names before what they are to do ("Chỉ đạo các huyện, thành phố xây dựng …")
_DIRECTED = lazy(r"(?:các|những)\s+(?:sở|ban|ngành|cơ quan|đơn vị|địa phương|phòng|chi bộ|đảng bộ|" + "|".join(_OWN_ADMIN)
                 + r")(?:\s*(?:,|và)\s*(?:sở|ban|ngành|cơ quan|đơn vị|địa phương|phòng|chi bộ|đảng bộ|" + "|".join(_OWN_ADMIN) + r"))*(?!\w)")
# a time that opens the clause: a year, a month or a day ("Trong thời gian từ nay đến tháng 9/2023,", "đến hết ngày 20/8/2025")
_TIME_LEAD = lazy(r"(?:năm\s+(?:19|20)\d\d\s*,\s*|"  # "Năm 2021, …": the year the task is for
                  r"(?:trong thời gian\s+)?(?:đến|trong|từ nay đến|đến hết|trước|vào|chậm nhất|chậm nhất là)\s+(?:cuối\s+)?"
                  r"(?:năm\s+(?:19|20)\d\d|tháng\s+\d{1,2}\s*[/-]\s*(?:19|20)\d\d|ngày\s+\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{2,4})?)"
                  r"\s*,?\s*)")
# words between the subject and the verb that say who or how surely, not what: the whole unit as
# subject ("Toàn tỉnh phấn đấu …") and the modals ("phải xử lý dứt điểm …", "sẽ hoàn thành …")
_SUBJECT_LEAD = lazy(r"(?:toàn\s+(?:" + "|".join(_OWN_ADMIN) + r"|ngành|đảng bộ)|phải|sẽ|cần|đều"
                     r"|(?:thống nhất|nhất trí|đồng ý)(?:\s+chủ trương)?"  # agreeing to do it is doing it
                     r"|họp|nghe|thảo luận|xem xét)(?!\w)\s*,?")  # a meeting's agenda: what it hears or reviews
_SCOPE = alternation(WHOLE_SCOPE)
_WHOLE = lazy(r"(" + "|".join(WHOLE_GROUP) + r")\s+(?:các\s+)?(?:" + "|".join((*PEOPLE, "công chức", "viên chức", "hộ", "công dân"))
              + r")(?!\w)")
_NEXT_DUTY = lazy(r"(?:,|\s+và)\s+(?:" + "|".join(_DIRECTING) + r")(?!\w)")
_BACK = lazy(r"(?:qua đó|từ đó|trên cơ sở đó|trên cơ sở kết quả đó)(?!\w)\s*,?")
_A_VERB = alternation((*OPENERS, *VAGUE_PHRASES, *DRAFT_VERBS, *EVENT_VERBS), anywhere=False)
_MUST = lazy(r"(?<!\w)(?:phải|đều)\s+")


class Structure(NamedTuple):
    """What the phrase's structure shows: its shape ("document", "event", "end state", "place",
    "carried out") and head (the kind or verb found), and the part a named result would need that
    it lacks ("subject", "name", "state", "one thing", "result": what carrying out a document will
    produce); missing is "" when it names a result."""

    shape: str
    head: str
    missing: str

    @property
    def named(self) -> bool:
        return bool(self.shape) and not self.missing


NOTHING = Structure("", "", "")


def _document(original: str, low: str, at: int, first: int, verb: bool) -> Structure | None:
    """A kind of document at `at` (after a drafting verb, and the body a text is submitted to)."""
    kind = _match(DOCUMENTS, low, at)
    if kind is None and verb:  # "Trình HĐND tỉnh Đề án …": up to four words of addressee first
        for m in list(re.finditer(r"\S+", low[at:]))[:4]:
            if m.group() in ("theo", "đúng") and not low[:at + m.start()].endswith("kèm "):
                break  # "… xem xét theo quy định": a norm, not the document ("kèm theo Quyết định này" goes on)
            kind = _match(DOCUMENTS, low, at + m.end() + 1)
            if kind is not None:
                break
    if kind is None or (not verb and in_verb_list(low, kind.end())):
        return None
    # its subject ends where the clause goes on to another duty ("Xây dựng kế hoạch phát triển đảng viên mới và chỉ đạo …")
    duty = _NEXT_DUTY.search(low, kind.end())
    title = original[:duty.start()] if duty is not None else original
    return Structure("document", kind.group(), "" if _identifies(title, kind.end(), first, 3) else "subject")


def in_verb_list(low: str, end: int) -> bool:
    """Whether a kind's word ending at `end` is one of a list of verbs ("Thống kê, rà soát …"), not a document."""
    return low.startswith(",", end) and _A_VERB.match(low, _skip(low, end)) is not None


def _reviewed(original: str, low: str, at: int, first: int) -> bool:
    """Whether a review ("sơ kết", "tổng kết") names what it reviews: a proper name or a numbered document."""
    return has_name(original, at, None, first) or _NUMBERED_ANYWHERE.search(low, at) is not None


_WHERE = lazy(r"\s(?:trên địa bàn|tại|ở)\s")
# events held once, on a day, that a task may name without a verb ("Đại hội Đảng bộ xã Tân Lập trước ngày 20/3"): not
# a standing campaign ("Cuộc vận động …", "chiến dịch") nor a class or a prize
_HELD = ("đại hội", "hội nghị", "hội thảo", "tọa đàm", "hội thi", "hội diễn", "liên hoan", "kỳ họp", "ngày hội", "lễ hội",
         "hội chợ", "triển lãm", "diễn tập", "lễ")
# none left of a countable thing ("không còn hộ nghèo", "không còn nhà tạm"): zero is a figure; not of a state
# ("không còn tình trạng …")
_NONE_LEFT = lazy(r"(?<!\w)không còn\s+(?:" + "|".join((*PEOPLE, "hộ", "nhà", "xã", "thôn", "bản", "làng", "trẻ em", "học sinh",
                                                        "phòng học", "điểm", "trường hợp", "vụ", "ca")) + r")(?!\w)")
_DUTY_AFTER = lazy(r"(?<!\w)(?:phải|cần|các cấp|" + "|".join(VAGUE_PHRASES) + r")(?!\w)")


def _event(original: str, low: str, at: int, first: int) -> Structure | None:
    if (own := _match(_SELF_EVENTS, low, at)) is not None:  # "Tổng kết Đề án … Mai Châu", "Sơ kết … Nghị quyết 08-NQ/TU"
        return Structure("event", own.group(), "" if _reviewed(original, low, own.end(), first) else "name")
    verb = _match(EVENT_VERBS, low, at)
    event = None
    if verb is not None:
        event = _match(EVENTS, low, _skip(low, verb.end()))
    elif (call := _match(_ATTEND, low, at)) is not None:  # "Triệu tập … dự Hội nghị …"
        attend = _ATTEND_AT.search(low, call.end(), call.end() + 120)
        event = _match(EVENTS, low, attend.end()) if attend is not None else None
    elif at == first and (event := _match(_HELD, low, at)) is not None:  # the task is the event ("Đại hội Đảng bộ xã …")
        # named by its number, or a congress by its body (one a term); a body holds many meetings ("Hội nghị … của Ban …")
        named = "lần thứ" in low[event.end():] or (event.group() == "đại hội" and has_name(original, event.end(), None, first))
        if not named or _DUTY_AFTER.search(low, event.end()) is not None:  # "Đại hội … phải quán triệt …": a duty said of it
            return None
        return Structure("event", event.group(), "")
    if event is None:
        return None
    if event.group() in _SELF_EVENTS:
        return Structure("event", event.group(), "" if _reviewed(original, low, event.end(), first) else "name")
    rest = original[event.end():]
    where = _WHERE.search(low, event.end())  # "… năm 2024 trên địa bàn tỉnh Hòa Bình": where it is held names no event
    named = _identifies(original[:where.start()] if where else original, event.end(), first, 2) or "lần thứ" in rest.lower()
    return Structure("event", event.group(), "" if named else "name")


def _session(original: str, low: str, at: int, first: int) -> Structure | None:
    m = SESSION.search(low, at) if "làm việc với" in low else None
    s = _document(original, low, m.end(), first, False) if m else None
    if m and s is None and (event := _match(EVENTS, low, m.end())) is not None and ("lần thứ" in low[event.end():] or
                                                                                  _identifies(original, event.end(), first, 2)):
        return Structure("event", event.group(), "")
    return s if s is not None and s.named else None


def _status_after(low: str, at: int, words: int = 5) -> bool:
    return alternation(STATUSES).search(" ".join(low[at:].split()[:words])) is not None


def _object_named(original: str, low: str, start: int, end: int, first: int) -> bool:
    span = low[start:end].strip(" ,")
    if alternation(HEDGES).search(span):
        return False
    if span.startswith(PLURAL):  # "các xã" names no one place; "Các huyện: Châu Thành, Thạnh Phú …" names them
        kind = _match(PLACES, span, _skip(span, len(span.split()[0])))
        return kind is not None and has_name(original, start, end, first)
    if has_name(original, start, end, first):
        return True
    return _match(PLACES, span, 0) is not None and len(span.split()) <= 3  # "Huyện đạt chuẩn …": the unit's own


def _own_title(low: str, start: int, end: int) -> bool:
    """Whether low[start:end] names the unit's own title, unhedged ("xã nông thôn mới nâng cao")."""
    span = low[start:end]
    return _OWN_TITLE.search(span) is not None and alternation(HEDGES).search(span) is None


def _end_state(original: str, low: str, at: int, first: int, openers: tuple[str, ...]) -> Structure | None:
    front = _match(_FRONT_STATES, low, at)
    if front is not None:  # "Khánh thành Trung tâm y tế Yên Lạc"
        stop = re.search(r"[;,]| và ", low[front.end():])
        end = front.end() + stop.start() if stop else len(low)
        named = _object_named(original, low, front.end(), end, first) or _own_title(low, front.end(), end)
        if not named and front.group() == "hoàn thành":  # "Hoàn thành cấp CCCD cho công dân đủ điều kiện": all of them
            act = _skip(low, front.end() + (5 if low.startswith(" việc", front.end()) else 0))
            named = _match(openers, low, act) is None and _SCOPE.search(low, act) is not None
        return Structure("end state", front.group(), "" if named else "one thing")
    when = _WHEN_FIRST.match(low, at)  # "Phấn đấu đến cuối nhiệm kỳ đạt chuẩn …": a time before the state is no object
    if when is not None and _STATES.match(low, when.end()):
        at = when.end()
    bring = _match(_BRING, low, at)
    start = _skip(low, bring.end()) if bring is not None else at
    if bring is None and _match(openers, low, start) is not None:
        return None  # a standing duty's words are no object: the clause is read past them ("Quán triệt … phê duyệt …")
    state = None
    admin = _match(_OWN_ADMIN, low, start) is not None
    for m in _STATES.finditer(low, start):
        if m.start() - start > 80:
            break
        if _next_duty(openers).search(low, start, m.start()) is not None:
            break  # "tuyên truyền, lồng ghép phong trào Tết trồng cây, phấn đấu hoàn thành …": a new duty, not its object
        place = _match(PLACES, low, m.start())
        if place is not None and place.end() > m.end():
            continue  # "thành" of "Thành phố Cao Bằng" is no state
        if m.group() in _NEEDS_STATUS and not _status_after(low, m.end()):
            continue  # nor "Thành" of "Châu Thành"
        if admin and m.group() == "hoàn thành" and not _status_after(low, m.end(), 8):
            continue  # a place "completes" only a status: "Thành phố Cao Bằng hoàn thành nhiệm vụ xây dựng NTM"
        if m.group() in _FRONT_STATES and _AND_THEN.search(low, start, m.start()):  # "… và tiến hành giải thể Chi bộ …"
            return _end_state(original, low, m.start(), first, openers)
        state = m
        break
    if state is None:
        return None
    if state.start() == start:  # no object before it: only the unit's own title ("đạt xã nông thôn mới nâng cao")
        stop = re.search(r"[;,]| và ", low[state.end():])
        end = state.end() + stop.start() if stop else len(low)
        own = _own_title(low, state.end(), end) or (state.group() == "đạt chuẩn" and _OWN_STANDARD.match(low, state.end())) \
            or (state.group() == "thoát khỏi" and _OWN_POOR.match(low, state.end()) is not None)
        return Structure("end state", state.group(), "") if own else None
    if _NUMBERED.match(low, start):  # "Quyết định số 687/QĐ-TTg … phê duyệt Đề án …" describes a document carried out
        return None
    named = _object_named(original, low, start, state.start(), first)
    return Structure("end state", state.group(), "" if named else "one thing")


_STATES = alternation(END_STATES)
# a time said before the state ("đến cuối nhiệm kỳ", "trong năm 2025", "vào cuối năm nay")
_WHEN_FIRST = lazy(r"\s*(?:đến|trong|vào|hết|đến hết)\s+(?:(?:cuối|hết|giữa|đầu)\s+)?(?:nhiệm kỳ|năm(?:\s+(?:\d{4}|nay))?)"
                   r"(?:\s*\([^)]*\))?[\s,]*")
# the unit's own standard reached, with no place said: "Đạt chuẩn nông thôn mới nâng cao vào năm 2022"
_OWN_STANDARD = lazy(r"\s*(?:nông thôn mới|ntm|văn minh đô thị|đô thị văn minh)(?!\w)")
# … and the unit's own status of poverty left ("Thoát khỏi tình trạng xã đặc biệt khó khăn năm 2026"), a decision's list
_OWN_POOR = lazy(r"\s*(?:tình trạng\s+)?(?:(?:xã|huyện|thôn|bản)\s+)?(?:nghèo|đặc biệt khó khăn)(?!\w)")
_AND_THEN = lazy(r"\svà(?:\s+tiến hành)?\s*$")  # a second act, with its own object
_AND_STATE = lazy(r" và (?=đạt|về đích|được công nhận)")  # a new status after a kept one
_NUMBERED = lazy(alternation(DOCUMENTS, anywhere=False).pattern + r"\s+(?:số\s+)?\d")
_NUMBERED_ANYWHERE = lazy(alternation(DOCUMENTS).pattern + r"\s+(?:số\s+)?\d")


# a body named first, as the host, before the verb of an event ("Ban Thường vụ Tỉnh ủy tổ chức Hội nghị …"):
# up to five words, then the verb (a body that drafts is left as it is: its document's subject may be a duty)
_BODY_FIRST = lazy(r"(?:ban|ủy ban|ubnd|hđnd|thường trực|huyện ủy|tỉnh ủy|thành ủy|đảng ủy|hội đồng|sở)(?:\s+[^\s,;:]+){0,5}?\s+"
                   r"(?=(?:" + "|".join(sorted(EVENT_VERBS, key=len, reverse=True)) + r")(?!\w))")


# a named place as the subject, before a standing duty's or a drafting verb ("TX. Phú Mỹ tiếp tục xây dựng Chương
# trình …", "Huyện Yên Lạc ban hành …"): the doer, not the object (before an end state it is the object: not read past)
_PLACE_SUBJECT = lazy(r"(?:tx\.?|tp\.?|thị xã|thành phố|huyện|xã|tỉnh|phường|thị trấn)\s+")
_PLACE_WORDS = ("tx", "tp", "thị xã", "thành phố", "huyện", "xã", "tỉnh", "phường", "thị trấn")
_AFTER_SUBJECT = alternation((*VAGUE_PHRASES, *DRAFT_VERBS), anywhere=False)


def _named_subject(original: str, low: str, at: int) -> re.Match[str] | None:
    kind = _PLACE_SUBJECT.match(low, at)
    if kind is None:
        return None
    end = kind.end()
    for _ in range(4):
        word = _WORD.match(original, end)
        if word is None or not word.group()[0].isupper():
            break
        end = _skip(low, word.end())
    if end == kind.end() or _AFTER_SUBJECT.match(low, end) is None:
        return None
    return re.compile(re.escape(low[at:end])).match(low, at)  # the lead ends where the verb begins


def structure(original: str, phrases: Sequence[str] = VAGUE_PHRASES) -> Structure:
    """The structure of a `what` (or of a product read as one): the first clause that names a
    result, else what the first clause lacks."""
    original = unicodedata.normalize("NFC", " ".join(original.split()))
    low = original.lower()  # lower() keeps the positions of Vietnamese text
    found = NOTHING
    start = 0
    if (lead := _BODY_FIRST.match(low)) is not None:  # "Ban Thường vụ Tỉnh ủy tổ chức Hội nghị …": the body is the doer
        original, low = original[lead.end():], low[lead.end():]
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
def _next_duty(openers: tuple[str, ...]) -> re.Pattern[str]:
    """A comma and a standing duty's words: the phrase after it is another duty."""
    return re.compile(r",\s*" + alternation(openers, anywhere=False).pattern)


# the leads that name no doer: a time, a modal, "qua đó", the units directed. A match's `re` is the compiled pattern and
# these are lazy (giaoviec.characters.lazy), never the same object: a lead is told by its pattern's text
_NO_SUBJECT = frozenset(p.pattern for p in (_TIME_LEAD, _SUBJECT_LEAD, _BACK, _DIRECTED))


@lru_cache(maxsize=16)
def _openers(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return (*phrases, *OPENERS)


def _clause(original: str, low: str, at: int, phrases: Sequence[str]) -> Structure:
    first = _skip(low, at)
    at = first
    stripped_vague = maintain = directing = back = subject = False
    found = NOTHING
    openers = _openers(tuple(phrases))
    if (whole := _WHOLE.match(low, first)) is not None and (must := _MUST.search(low, whole.end())) is not None \
            and _match(openers, low, must.end()) is None:
        return Structure("end state", whole.group(1), "")  # "Toàn bộ cán bộ, công chức … phải làm căn cước công dân"
    while at < len(low):
        if not stripped_vague and (s := _document(original, low, at, first, False)) is not None:
            return s  # the task is the document ("Kế hoạch tổ chức Lễ hội …")
        verb = _match(DRAFT_VERBS, low, at)
        if verb is not None and (s := _document(original, low, _skip(low, verb.end()), first, True)) is not None and (s.named or not found.shape):
            if s.named:
                return s
            found = s
        if verb is not None and verb.group() in _PROPOSE and (sub := _SUBMIT.search(low, verb.end())) is not None \
                and _identifies(original[:sub.start()], *((0, 0) if back else (verb.end(), first)), 3):
            return Structure("document", "tờ trình", "")  # "Tham mưu về kinh phí … trình UBND thành phố"
        build = _match(BUILD_VERBS, low, at)
        work = _match(WORKS, low, _skip(low, build.end())) if build is not None else None
        if work is not None and (has_name(original, work.end(), None, first) or (
                build is not None and build.group() in _MAKE and content_syllables(original[work.end():]) >= 2)):
            return Structure("work", work.group(), "")  # "Xây dựng nhà văn hóa thôn Đông", "Thiết lập hệ thống cảnh báo lũ"
        if (s := _event(original, low, at, first)) is not None:
            if s.named:
                return s
            found = found if found.shape else s
        if not maintain and (s := _end_state(original, low, at, first, openers)) is not None:
            if s.named:
                return s
            found = found if found.shape else s
        lead = (_TIME_LEAD.match(low, at) or _match(openers, low, at) or _match(("công tác", "việc", "và"), low, at)
                or _SUBJECT_LEAD.match(low, at) or _BACK.match(low, at) or _named_subject(original, low, at)
                or (_DIRECTED.match(low, at) if directing else None))
        if lead is None:
            break
        word = lead.group().strip(" ,")
        back = back or lead.re.pattern == _BACK.pattern  # "…; qua đó đề xuất cụ thể trình UBND": the proposal is about what came before
        subject = subject or (lead.re.pattern not in _NO_SUBJECT and word.startswith(_PLACE_WORDS))
        directing = word in _DIRECTING
        stripped_vague = stripped_vague or word in phrases
        maintain = maintain or word in _MAINTAIN
        at = _skip(low, lead.end())
    if maintain and (again := _AND_STATE.search(low, at)) is not None:
        s = _end_state(original, low, again.end(), first, openers)  # "Giữ vững danh hiệu … và đạt xã nông thôn mới nâng cao"
        if s is not None and s.named:
            return s
    if _NONE_LEFT.search(low, first) is not None:  # "… không còn hộ nghèo": none left of a countable thing, a figure (0)
        return Structure("end state", "không còn", "")
    if (purpose := low.find(" để ", at)) >= 0:  # "Huy động mọi nguồn lực để … hoàn thành mục tiêu …": the purpose is the result
        s = _clause(original, low, purpose + 4, phrases)
        if s.named and s.shape == "end state":  # to prepare a ceremony for unnamed works is no result
            return s
    if stripped_vague and not found.shape:  # "Thực hiện tốt Quy định số 124-QĐ/TW …": a document carried out
        content = _match(("các nội dung", "nội dung", "tinh thần", "các", "những"), low, at)
        kind = _match(DOCUMENTS, low, _skip(low, content.end()) if content is not None else at)
        if kind is not None:
            return Structure("carried out", kind.group(), "result")
    if (s := _session(original, low, first, first)) is not None:
        return s  # "Làm việc với … về Đề án …": named by what it is about
    if not found.shape and (subject or has_name(original, at, None, first)):
        return Structure("place", "", "state")  # a named place or body, and nothing said of it that ends
    return found
