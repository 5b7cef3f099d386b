"""The reader keeps to the spec's YAML: 1.2 core booleans, literal text for ids, dates as text,
duplicate keys refused, aliases bounded, positions exact."""

from __future__ import annotations

import resource
import time

import pytest

from giaoviec.diagnostics import Where
from giaoviec.literal import as_text
from giaoviec.load import yamlio, yamlprecise
from giaoviec.load.files import is_giaoviec_file
from giaoviec.load.reader import FAST


def load_one(text: str):
    loaded = FAST.load("t.yaml", text)
    assert not loaded.diagnostics, loaded.diagnostics
    return loaded.documents[0]


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "NO", "y", "n"])
def test_yaml11_booleans_stay_text(word):
    assert load_one(f"a: {word}\n") == {"a": word}


@pytest.mark.parametrize("word,value", [("true", True), ("false", False), ("True", True), ("FALSE", False)])
def test_yaml12_booleans(word, value):
    assert load_one(f"a: {word}\n")["a"] is value


@pytest.mark.parametrize("text,value,src", [("010", 10, "010"), ("01", 1, "01"), ("0o10", 8, "0o10"), ("0x1F", 31, "0x1F"), ("-3", -3, "-3")])
def test_numbers_keep_their_text(text, value, src):
    got = load_one(f"a: {text}\n")["a"]
    assert got == value and as_text(got) == src


def test_dates_are_text_until_the_model_reads_them():
    assert load_one("a: 2022-02-30\nb: 2022-09-30\n") == {"a": "2022-02-30", "b": "2022-09-30"}


def test_floats_and_nulls():
    doc = load_one("a: 8.5\nb: ~\nc:\nd: null\ne: .inf\n")
    assert doc["a"] == 8.5 and doc["b"] is None and doc["c"] is None and doc["d"] is None and doc["e"] == float("inf")


def test_duplicate_key_is_reported_at_the_second_key():
    loaded = FAST.load("t.yaml", "a: 1\nb:\n  c: 1\n  c: 2\n")
    (d,) = loaded.diagnostics
    assert (d.code, d.line, d.column) == ("yaml.duplicate-key", 4, 3)


def test_merge_keys_are_not_duplicates():
    doc = load_one("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n")
    assert doc["use"] == {"x": 1, "y": 3}


def test_multi_document_and_empty_documents():
    loaded = FAST.load("t.yaml", "---\na: 1\n---\n---\nb: 2\n")
    assert [d for d in loaded.documents if d is not None] == [{"a": 1}, {"b": 2}]


def test_alias_bomb_is_refused_in_bounded_time_and_memory():
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 12):  # 10**12 values once expanded
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    loaded = FAST.load("bomb.yaml", "\n".join(lines) + "\n")
    spent = time.process_time() - start
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert [d.code for d in loaded.diagnostics] == ["yaml.too-large"]
    # bounded: the walk stops at the value limit (a generous bound, not a timing claim)
    assert spent < 30 and grown_kb < 500_000


def test_deep_nesting_is_refused():
    loaded = FAST.load("deep.yaml", "a: " + "[" * 500 + "]" * 500 + "\n")
    assert [d.code for d in loaded.diagnostics] == ["yaml.too-large"]


def test_bad_utf8_position():
    text, problem = yamlio.decode("x.yaml", "a: ổn\nb: x\xff\n".encode().replace(b"\xc3\xbf", b"\xff"))
    assert text is None and (problem.line, problem.column) == (2, 5)


def test_bom_is_accepted():
    text, problem = yamlio.decode("x.yaml", b"\xef\xbb\xbfapiVersion: giaoviec/v1\n")
    assert problem is None and text.startswith("apiVersion")
    assert is_giaoviec_file(b"\xef\xbb\xbfapiVersion: giaoviec/v1\n")


@pytest.mark.parametrize("raw,ok", [
    (b"apiVersion: giaoviec/v1\n", True),
    (b"# comment\napiVersion: 'giaoviec/v1'\n", True),
    (b"kind: X\napiVersion:   \"giaoviec/v2\"\n", True),
    (b"apiVersion: apps/v1\n", False),
    (b"  apiVersion: giaoviec/v1\n", False),
    (b"", False),
])
def test_which_files_are_read(raw, ok):
    assert is_giaoviec_file(raw) is ok


LOCATE = """\
tasks:
  - id: "01"
    when: {due: 2022-09-30}
  - id: "02"
    who:
      lead: x
"""


@pytest.mark.parametrize("loc,anchor,expected", [
    (("tasks", 0, "when", "due"), "value", (3, 17)),
    (("tasks", 0, "when", "due"), "key", (3, 12)),
    (("tasks", 0, "when", "start"), "value", (3, 11)),  # missing: the mapping that should hold it
    (("tasks", 1, "who", "lead"), "parent", (6, 7)),
    (("tasks", 1), "value", (4, 5)),
    (("nothing",), "value", (1, 1)),
])
def test_locate(loc, anchor, expected):
    nodes = yamlio.compose(LOCATE)
    assert yamlprecise.position(nodes, Where(0, loc, anchor)) == expected


def test_locate_through_merge_keys():
    text = "base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n"
    nodes = yamlio.compose(text)
    assert yamlprecise.position(nodes, Where(0, ("use", "x"), "value")) == (1, 14)
