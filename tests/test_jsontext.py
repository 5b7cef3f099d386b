"""render.jsontext writes what json.dumps(…, ensure_ascii=False, indent=2) writes, byte for byte."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from giaoviec.render.jsontext import dumps

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4)
                      | st.tuples(inner, inner), max_leaves=30)


@settings(max_examples=400, derandomize=True)
@given(values)
def test_the_same_text_as_json_dumps(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_keys_that_are_not_text_and_nested_levels():
    value = {"a": [1, 2.5, None, True, "Hà Nội \u2028 \"x\""], "b": {}, "c": [], "d": {"e": [{"f": -0.0}]}}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
    keys = {2: "x", 2.5: "y", True: "z", None: "w"}
    assert dumps(keys) == json.dumps(keys, indent=2,
                                                                          ensure_ascii=False)


@settings(max_examples=200, derandomize=True)
@given(values)
def test_a_piece_at_its_depth_is_what_the_whole_document_holds(value):
    whole = json.dumps({"a": [value]}, ensure_ascii=False, indent=2)
    assert whole == '{\n  "a": [\n    ' + dumps(value, 2) + "\n  ]\n}"


def test_lists_of_objects_of_scalars_written_at_once_are_indented_as_json_writes_them():
    tasks = [{"id": "01", "weight": 1.0, "note": "}, {\n", "x": None}, {"id": "02", "ok": True}, {"k": -0.0}]
    for value in (tasks, [tasks[0]], {"tasks": tasks, "counts": {"a": 1}}, [tasks, [], {}], (tasks[1], tasks[2])):
        for level in (0, 1, 3):
            expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
            assert dumps(value, level) == expected
    keys = {float("nan"): 1, float("inf"): [{"a": 1}], 1.5: {}, -3: "x"}
    assert dumps(keys) == json.dumps(keys, ensure_ascii=False, indent=2)
