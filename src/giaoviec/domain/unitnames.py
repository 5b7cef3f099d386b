"""How Vietnamese names the bodies of a unit from the unit's own name ("Thị xã Kinh Môn"): its Party
committee ("Thị ủy Kinh Môn"), its Party organisation ("Đảng bộ thị xã Kinh Môn"), its People's
Committee ("Ủy ban nhân dân thị xã Kinh Môn"), and the unit written inside a sentence, where the kind
word is lower-case ("… cán bộ lãnh đạo, quản lý thị xã Kinh Môn"). Pure: names in, names out; a name
that does not start with a territorial kind word ("Sở Nội vụ tỉnh Vĩnh Phúc") has none of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

# kind word → (the committee's word, the symbol's abbreviation of the committee); longest first
KINDS = {
    "thành phố": ("Thành ủy", "TU"), "thị xã": ("Thị ủy", "TU"), "thị trấn": ("Đảng ủy thị trấn", "ĐU"),
    "đặc khu": ("Đảng ủy đặc khu", "ĐU"), "tỉnh": ("Tỉnh ủy", "TU"), "huyện": ("Huyện ủy", "HU"), "quận": ("Quận ủy", "QU"),
    "phường": ("Đảng ủy phường", "ĐU"), "xã": ("Đảng ủy xã", "ĐU"),
}
_KIND = re.compile(r"^(" + "|".join(KINDS) + r")\s+(?!ủy\b)(\S.*)$", re.IGNORECASE)
_NOTE = re.compile(r"\s*\([^)]*\)\s*$")  # "(tỉnh Phú Thọ)", "(nay thuộc …)": not part of a body's name
COMMITTEE = re.compile(r"^(?:(?:tỉnh|thành|huyện|quận|thị|đảng)\s+ủy|ban thường vụ|ban chấp hành)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Territory:
    kind: str  # "thị xã", lower-case
    proper: str  # "Kinh Môn"

    @property
    def committee(self) -> str:
        return f"{KINDS[self.kind][0]} {self.proper}"

    @property
    def party(self) -> str:
        return f"Đảng bộ {self.kind} {self.proper}"

    @property
    def people(self) -> str:
        return f"Ủy ban nhân dân {self.kind} {self.proper}"

    @property
    def abbreviation(self) -> str:
        return KINDS[self.kind][1]


def territory(name: str) -> Territory | None:
    """The kind and proper name of a province, district or commune ("Thị xã Kinh Môn"); None for a body."""
    m = _KIND.match(_NOTE.sub("", name.strip()))
    return Territory(m.group(1).lower(), m.group(2).strip()) if m else None


def in_sentence(name: str) -> str:
    """The unit's name inside a sentence: its kind word lower-case ("Huyện Yên Lạc" → "huyện Yên Lạc");
    the name of a body ("Sở Nội vụ", "Ban Tổ chức Huyện ủy") as it is."""
    m = _KIND.match(name)
    return m.group(1).lower() + name[len(m.group(1)):] if m else name


def names_committee(name: str) -> bool:
    """Whether `name` is a Party committee ("Huyện ủy Yên Lạc", "Ban Thường vụ Tỉnh ủy"), whose organs
    ("Ban Tổ chức") are named after it; not a Party organisation ("Đảng bộ tỉnh Hải Dương")."""
    return bool(COMMITTEE.match(name.strip()))
