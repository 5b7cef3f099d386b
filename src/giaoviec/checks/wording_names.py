"""The helpers checks/wording_phrase.py reads a phrase with (spec/clarity.md, "a named result"): whether a span
names something particular (a proper name, not a kind's or an institution's), how many syllables of it say
what it is about, and matching a list of words at a position. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from giaoviec.characters import lazy
from giaoviec.checks.wording_numbers import alternation, norm, strip_not_quantities
from giaoviec.checks.wording_vocab import DOCUMENTS, EVENTS, FILLER, NOT_NAMES, PLACES, VAGUE_PHRASES, WORKS

_KINDS = DOCUMENTS + EVENTS + PLACES + WORKS
_WORD = lazy(r"\S+")
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


_PUNCT = lazy(r"[^\w\s§]")
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
