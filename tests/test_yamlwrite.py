"""The YAML writer cannot write what it cannot read back: arbitrary text, written as a value, a list
item, a flow-list item and a key, reads back identically with PyYAML (safe, YAML 1.1), ruamel.yaml
(safe, YAML 1.2), check-jsonschema's loader and giaoviec's own two readers."""

from __future__ import annotations

import io
import os

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from giaoviec.load import yamlfast, yamlio
from giaoviec.write.yamlwrite import emit, scalar

CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
EXAMPLES = 10_000


def readers():
    from check_jsonschema.parsers.yaml import construct_yaml_implementation

    checker = construct_yaml_implementation()
    ruamel = YAML(typ="safe", pure=True)
    return {
        "pyyaml": yaml.safe_load,
        "ruamel": lambda text: ruamel.load(text),
        "check-jsonschema": lambda text: checker.load(io.StringIO(text)),
        "giaoviec precise": lambda text: _only(yamlio.load_precise("t.yaml", text)),
        "giaoviec fast": lambda text: _fast(text),
    }


def _only(loaded):
    assert not loaded.diagnostics, loaded.diagnostics
    (doc,) = loaded.documents
    return doc


def _fast(text):
    docs = yamlfast.documents(text)
    return _only(yamlio.load_precise("t.yaml", text)) if docs is None else docs[0]


READERS = readers()


def document(text: str) -> dict:
    return {"what": text, "evidence": [text, "x"], "outcome": {"note": text}, "tasks": {text: {"score": 1}}, "tags": [text]}


def plain(value):
    """What a reader gives, with the values YAML can type (none here should be typed) as text."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


TRICKY = ["\t", "a\tb", "12:30", "1:30:00", "0b101", "0o17", "0x1F", "yes", "No", "ON", "~", "null", "<<", "=SUM(A1)", "@x",
          "trailing ", " leading", "a\nb", "a\r\nb", "\x85", "\u2028", "\u2029", "\ufeff", "\x00", "\x7f", "\x9f", "'", '"', "\\",
          "- x", "? x", ": x", "#x", "a #b", "a: b", "[a]", "{a}", "a,b", "*a", "&a", "!a", "%a", "|", ">", "`a`", "01", "1e3",
          ".5", "+1", "-0", "1_000", "2022-12-31", "2022-1-5 10:00", "nan", ".inf", "Nguyễn Văn An", "Đạt 94,4% kế hoạch", "😀",
          "\U0010ffff", "\ue000", "a  b", "", " "]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_read_back_everywhere(text):
    written = emit(document(text))
    for name, read in READERS.items():
        assert plain(read(written)) == document(text), (name, text, written)


@settings(max_examples=EXAMPLES, derandomize=CI, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
@example("12:30")
@example("a\tb")
def test_any_string_reads_back_everywhere(text):
    written = emit(document(text))
    for name, read in READERS.items():
        assert plain(read(written)) == document(text), (name, written)


@settings(max_examples=2000, derandomize=CI, deadline=None)
@given(st.text(max_size=30))
def test_a_flow_item_reads_back(text):
    written = f"ids: [{scalar(text, flow=True)}, x]\n"
    for name, read in READERS.items():
        assert read(written) == {"ids": [text, "x"]}, (name, written)
