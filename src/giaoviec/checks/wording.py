"""Reading a task's wording as a committee would (spec/clarity.md): pure, text in, findings out.

A task is *clear* when a reader can tell at the due date whether it was done: it states a
quantity of something countable (in `what`, or as a measure with a target), or a named result —
in `what` or in the product, read by the same rules: a document to draft or issue with what it is
about or who issues it, an event to hold with its name, an end state of a named object, or a work
or document kind with what identifies it. Digits that are not quantities (document numbers,
dates, years, terms, quarters) do not count; neither does a product written in the words of a
standing duty. A task that is neither is *vague*. A quantity or a deadline written in `what` that
the fields contradict is a *mismatch*.

The verdict, over the readers of its parts: checks/wording_numbers.py (quantities),
checks/wording_dates.py (deadlines), checks/wording_phrase.py (phrase structure; checks/wording_names.py),
checks/wording_product.py (the product and the task's object) and checks/wording_vocab.py (the
words); checks/wording_model.py, a model learnt from the corpus, may lift a "vague" it is confident
reads clear, or (over standing-duty words only) overrule a named result it is very confident is vague. Measured against the labelled corpus in tests/data/clarity/
(tests/test_clarity.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from giaoviec.characters import lazy
from giaoviec.checks.wording_dates import Deadline, deadline_mismatch, deadlines, deadlines_of
from giaoviec.checks.wording_model import reverses, vetoes
from giaoviec.checks.wording_numbers import (
    Quantity,
    alternation,
    complex_text,
    norm,
    numbers_in,
    quantities,
    quantities_of,
    quantity_mismatch,
    strip_not_quantities,
    written,
)
from giaoviec.checks.wording_parts import whole_figures
from giaoviec.checks.wording_phrase import Structure, structure
from giaoviec.checks.wording_product import named_product, task_object
from giaoviec.checks.wording_vocab import GENERIC_PRODUCTS, VAGUE_PHRASES

__all__ = [
    "GENERIC_PRODUCTS", "VAGUE_PHRASES", "Deadline", "Quantity", "Reading", "Structure", "Verdict", "deadline_mismatch",
    "deadlines", "judge", "named_product", "norm", "quantities", "quantity_mismatch", "read", "structure", "task_object",
]


@dataclass(frozen=True)
class Reading:
    """What the wording of a task says, and why it is vague when it is."""

    quantities: tuple[Quantity, ...]
    named_product: bool
    what: Structure  # the structure of `what`: a named result, or the part it lacks
    vague_words: tuple[str, ...]  # the vocabulary of standing duties it uses
    generic_product: str | None  # the product, when it is only a kind of document
    unnamed_product: str | None  # the product, when it names nothing that can be shown
    not_quantities: tuple[str, ...]  # digits that are document numbers, dates, years…
    object: str  # what the task is about, without its standing-duty words

    @property
    def named_end_state(self) -> bool:
        return self.what.named

    def clear(self, has_target: bool) -> bool:
        return bool(self.quantities) or has_target or self.named_product or self.what.named


def read(what: str, product: str | None, phrases: Sequence[str] = VAGUE_PHRASES, generic: Sequence[str] = GENERIC_PRODUCTS,
         found_quantities: Sequence[Quantity] | None = None) -> Reading:
    text = norm(what)
    vague = tuple(dict.fromkeys(alternation(tuple(phrases)).findall(text)))
    named, generic_product, unnamed_product = named_product(product, generic, phrases)
    _stripped, found = strip_not_quantities(written(what))
    amounts = tuple(quantities(what) if found_quantities is None else found_quantities)
    return Reading(amounts, named, structure(what, phrases), vague, generic_product, unnamed_product,
                   tuple(found), task_object(what, phrases))


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
    generic: Sequence[str] = GENERIC_PRODUCTS, baseline: float | None = None, indicator: str | None = None,
) -> Verdict:
    text = written(what)
    low = text.lower()
    if not complex_text(low):  # most tasks: numbers followed by words, nothing else to read
        found, named = numbers_in(low), []
    else:
        found, named = quantities_of(text), deadlines_of(text, year) if due is not None else []
    if found or target is not None:
        if found and ("trong đó" in low or _multiplied(low) or (unit and _multiplied(" 0 " + unit.lower()))):
            found, target, unit = whole_figures(found, target, unit, indicator, text)
        quantity = quantity_mismatch(found, target, unit, baseline, indicator, text)
        deadline = deadline_mismatch(named, due) if named else None
        return _CLEAR if quantity is None and deadline is None else Verdict(None, False, quantity, deadline)
    reading = read(what, product, phrases, generic, found)
    # the rules' "vague" stands unless the learnt model is confident the wording reads clear (wording_model.py);
    # a phrase the repository itself added (giaoviec.yaml) is one the model never learnt: the rules' word stands
    own = any(w not in _BUILT_IN for w in reading.vague_words)
    if reading.clear(False):
        # … and, narrowly, a named result the rules read in `what` does not stand when `what` is written in the spec's
        # words of standing duties and the model is very confident it is vague; not when the product names a result of its own
        own_product = reading.named_product and (product is None or norm(product) != norm(what))
        vague = (reading.what.named and bool(reading.vague_words) and not own_product and not reading.quantities
                 and reverses(what))
    else:
        vague = own or not vetoes(what)
    return Verdict(reading, vague, None, deadline_mismatch(named, due) if named else None)


_CLEAR = Verdict(None, False, None, None)
# a figure with a multiplier before its unit ("4 triệu lượt", "12 nghìn tấn"): wording_parts reads it
_MULTIPLIED = lazy(r"\d\s*(?:nghìn|ngàn|vạn|triệu|tỷ|tỉ)\s")


def _multiplied(low: str) -> bool:
    """_MULTIPLIED, after the cheaper look for its words."""
    return ("nghìn" in low or "ngàn" in low or "vạn" in low or "triệu" in low or "tỷ" in low or "tỉ" in low) and _MULTIPLIED.search(low) is not None


_BUILT_IN = frozenset(VAGUE_PHRASES)
