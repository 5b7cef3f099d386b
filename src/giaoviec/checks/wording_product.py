"""A task's product, and what the task is about, read with the phrase structure of
checks/wording_phrase.py (spec/clarity.md): whether a product names a result — a figure, a work or
a kind of document with what it is about, or a phrase that names one — and a `what` without the
standing-duty words that open it. Pure: text in, values out."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from giaoviec.checks.wording_numbers import alternation, quantities, strip_not_quantities
from giaoviec.checks.wording_phrase import _match, content_syllables, has_name, in_verb_list, structure
from giaoviec.checks.wording_vocab import DOCUMENTS, VAGUE_PHRASES, WORKS


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
    if head is not None and not in_verb_list(text, head.end()):  # the repository's generic kinds come first: a config can demote a built-in kind
        if head.group() in ("sổ", "sổ theo dõi"):
            return proper, None if proper else product, None
        named = proper or content_syllables(text[head.end():]) >= 3
        return named, None if named else product, None
    head = _match(WORKS, text, 0) or _match(DOCUMENTS, text, 0)
    if head is not None and not in_verb_list(text, head.end()):
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
