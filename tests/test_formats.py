"""formats: dates and figures are remembered once written; a remembered text is the one written afresh."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from giaoviec import formats


@settings(max_examples=400, derandomize=True)
@given(st.lists(st.one_of(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9), st.integers(-10**6, 10**6),
                          st.sampled_from([0, 0.0, -0.0, True, False, 1, 1.0])), min_size=1, max_size=12),
       st.sampled_from(["vi", "en"]), st.integers(0, 3))
def test_a_remembered_figure_is_the_one_written_afresh(values, lang, digits):
    for v in values + values[::-1]:  # each value after equal ones of another kind (0 and -0.0, 1 and True)
        assert formats.number(v, lang, digits) == formats.number.__wrapped__(v, lang, digits)
        assert formats.fixed(v, digits, lang) == formats._written(f"{v:.{digits}f}", lang)


def test_zero_and_minus_zero_keep_their_own_fixed_text():
    assert (formats.fixed(-0.0, 2, "vi"), formats.fixed(0.0, 2, "vi"), formats.fixed(-0.0, 2, "vi")) == ("-0,00", "0,00", "-0,00")


@given(st.dates(), st.sampled_from(["vi", "en"]))
def test_a_remembered_day_is_the_one_written_afresh(day, lang):
    assert formats.day(day, lang) == formats.day.__wrapped__(day, lang)
    assert formats.day(dt.date(day.year, day.month, day.day), lang) == formats.day.__wrapped__(day, lang)
