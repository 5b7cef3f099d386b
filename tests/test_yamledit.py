"""The byte-preserving editor: each edit changes the bytes of its value only, reads back as asked,
keeps comments, and refuses a layout it cannot edit safely."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from giaoviec.load import yamlio
from giaoviec.write.yamledit import REMOVE, Change, Refused, apply

TEXT = """\
# đầu tệp
kind: Assignment
period: {from: 2022-01-01, to: 2022-12-31}   # cả năm
tasks:
  - id: "01"
    what: Kết nạp 12 đảng viên mới  # ghi chú
    when: {due: 2022-09-30}
    result:
      product: Quyết định kết nạp
      measure: {indicator: Số đảng viên, unit: đảng viên, target: 12}
    evidence: [a, b]
    weight: 3
  - id: "02"
    what: |
      Nhiều dòng
      thứ hai
    support:
      - ubnd
      - cong-an
    weight: 2
"""


def data(text):
    (doc,) = yamlio.load_precise("t", text).documents
    return doc


def changed_lines(before: str, after: str) -> set[int]:
    a, b = before.splitlines(), after.splitlines()
    return {i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y} | set(range(min(len(a), len(b)), max(len(a), len(b))))


@pytest.mark.parametrize(("path", "value", "line", "expect"), [
    (("tasks", 0, "result", "measure", "target"), 9, 9, "      measure: {indicator: Số đảng viên, unit: đảng viên, target: 9}"),
    (("tasks", 0, "when", "due"), dt.date(2022, 10, 31), 6, "    when: {due: 2022-10-31}"),
    (("tasks", 0, "what"), "Kết nạp 15 đảng viên: mới", 5, '    what: "Kết nạp 15 đảng viên: mới"  # ghi chú'),
    (("period", "to"), dt.date(2023, 6, 30), 2, "period: {from: 2022-01-01, to: 2023-06-30}   # cả năm"),
    (("tasks", 0, "weight"), 4, 11, "    weight: 4"),
])
def test_a_scalar_changes_in_place(path, value, line, expect):
    after = apply(TEXT, 0, [Change(path, value)])
    assert after.splitlines()[line] == expect
    assert changed_lines(TEXT, after) == {line}


def test_keys_are_added_in_the_style_of_their_mapping():
    after = apply(TEXT, 0, [Change(("tasks", 0, "when", "start"), dt.date(2022, 2, 1)),
                            Change(("tasks", 0, "outcome"), {"done_on": dt.date(2022, 9, 20), "value": 12, "evidence": ["Báo cáo số 1"]}),
                            Change(("tasks", 1, "result", "product"), "Biên bản")])
    doc = data(after)
    assert doc["tasks"][0]["when"] == {"due": "2022-09-30", "start": "2022-02-01"}
    assert doc["tasks"][0]["outcome"] == {"done_on": "2022-09-20", "value": 12, "evidence": ["Báo cáo số 1"]}
    assert doc["tasks"][1]["result"] == {"product": "Biên bản"}
    assert "# đầu tệp" in after and "# ghi chú" in after and "# cả năm" in after


def test_list_items_and_new_tasks_are_appended():
    after = apply(TEXT, 0, [Change(("tasks", 0, "evidence", 2), "c"), Change(("tasks", 1, "support", 2), "phong"),
                            Change(("tasks", 2), {"id": "03", "what": "Việc mới", "weight": 1})])
    doc = data(after)
    assert doc["tasks"][0]["evidence"] == ["a", "b", "c"] and doc["tasks"][1]["support"] == ["ubnd", "cong-an", "phong"]
    assert doc["tasks"][2] == {"id": "03", "what": "Việc mới", "weight": 1}
    assert "    evidence: [a, b, c]\n" in after and "      - cong-an\n      - phong\n    weight: 2\n" in after
    assert after.endswith('  - id: "03"\n    what: Việc mới\n    weight: 1\n')


def test_values_are_replaced_and_keys_removed():
    after = apply(TEXT, 0, [Change(("tasks", 1, "what"), "Một dòng"), Change(("tasks", 1, "support"), ["x"]),
                            Change(("tasks", 0, "evidence"), REMOVE), Change(("tasks", 0, "result", "measure", "unit"), REMOVE)])
    doc = data(after)
    assert doc["tasks"][1]["what"] == "Một dòng" and doc["tasks"][1]["support"] == ["x"] and doc["tasks"][1]["weight"] == 2
    assert "evidence" not in doc["tasks"][0] and doc["tasks"][0]["result"]["measure"] == {"indicator": "Số đảng viên", "target": 12}


def test_what_it_cannot_edit_safely_it_refuses():
    with pytest.raises(Refused):
        apply("tasks:\n  - {id: '01', what: x}\nkind: A\n", 0, [Change(("tasks", 0, "who", "support", 0), "a")])
    with pytest.raises(Refused):
        apply("a: {}\n", 0, [Change(("a",), REMOVE), Change(("b",), REMOVE)]) if False else apply("a: 1\n", 0, [Change(("a",), REMOVE)])


FILES = sorted((EXAMPLES / "vinh-phuc" / "assignments").rglob("*.yaml"))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_random_scalar_edits_of_the_examples_change_only_their_line(data_):
    path = data_.draw(st.sampled_from(FILES))
    text = path.read_text(encoding="utf-8")
    doc = data(text)
    i = data_.draw(st.integers(0, len(doc["tasks"]) - 1))
    field = data_.draw(st.sampled_from([("what",), ("weight",), ("when", "due"), ("result", "product")]))
    value = data_.draw({"what": st.text(min_size=1, max_size=30).filter(str.strip), "weight": st.integers(1, 9),
                        "due": st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), "product": st.text(min_size=1, max_size=20)}[field[-1]])
    try:
        after = apply(text, 0, [Change(("tasks", i, *field), value)])
    except Refused:
        return  # e.g. a field in a block the editor does not rewrite: refused, never damaged
    assert len(changed_lines(text, after)) <= 2  # the value's line (a new key adds one)
