"""The fast reader (rapidyaml → JSON) never disagrees with the precise one (libyaml, YAML 1.2
core): where it answers, the data is the same; everywhere, the diagnostics are the same."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import DATA, EXAMPLES, build_repo
from giaoviec.app.validate import validate
from giaoviec.load import yamlfast, yamlio

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")  # fixed examples in CI, new ones locally

pytestmark = pytest.mark.skipif(yamlfast.ryml is None, reason="rapidyaml is not installed")

FILES = sorted(p for p in [*EXAMPLES.rglob("*.yaml"), *DATA.rglob("*.yaml")])


def norm(value):
    """Data with the text of numbers kept, so 1 written as 01 differs from 1 written as 1."""
    if isinstance(value, dict):
        return {norm(k): norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (type(value).__name__.lower(), getattr(value, "src", repr(value)))
    return value


def agree(text: str) -> bool | None:
    """None when the fast reader declines; else whether both readers give the same documents."""
    fast = yamlfast.documents(text)
    if fast is None:
        return None
    precise = yamlio.load_precise("t.yaml", text)
    return not precise.diagnostics and norm(fast) == norm(list(precise.documents))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(DATA.parent.parent)) for p in FILES])
def test_same_data_on_every_file_of_the_corpus(path):
    raw = path.read_bytes()
    text, _problem = yamlio.decode(str(path), raw)
    if text is not None:
        assert agree(text) is not False


def test_the_examples_take_the_fast_path():
    taken = [p for p in (EXAMPLES / "vinh-phuc").rglob("*.yaml") if yamlfast.documents(p.read_text(encoding="utf-8")) is not None]
    assert len(taken) == len(list((EXAMPLES / "vinh-phuc").rglob("*.yaml")))


SCALARS = [
    "yes", "no", "on", "off", "Yes", "NO", "y", "n", "true", "True", "TRUE", "false", "False", "null", "Null", "NULL", "~", "",
    "0", "-0", "01", "010", "-01", "+1", "+0.5", "1.", ".5", "-.5", "1e3", "1E3", "1e+3", "-1e-3", "1_000", "0x1F", "0o17", "0b101",
    ".inf", "-.inf", "+.inf", ".Inf", ".nan", ".NaN", "Infinity", "NaN", "-Infinity", "2022-09-30", "2022-02-30", "12:30", "1:2:3",
    "8.5", "-0.5", "3.2.1", "12,5", "1 000", "'01'", '"01"', "'yes'", '"tab\\there"', '"\\u00e9"', '"\\x41"', "'it''s'",
    "a: b", "Nguyễn Văn An", "TN&MT", "5 * 3", "Chú ý !", "#x", "a #b", "a#b", "@x", "`x", "%x", "|", ">", "-", "--", "- x",
    "[1, 2]", "{a: 1}", "[]", "{}", "[01]", "{x: 010}", "[True]", "{a: ~}",
]


@pytest.mark.parametrize("scalar", SCALARS)
@pytest.mark.parametrize("shape", ["key: {}\n", "- {}\n", "a: [{}]\n", "a: {{k: {}}}\n", "{}: v\n", "x:\n  - {}\n"])
def test_tricky_scalars(scalar, shape):
    text = shape.format(scalar)
    assert agree(text) is not False, text


@pytest.mark.parametrize("text", [
    "a: |\n  line one\n  line \"two\"\n", "a: >\n  folded\n  text\n\nb: 1\n", "a: |-\n  x\n", "a: >+\n  x\n\n",
    "a: plain\n  continued\n  line\n", "a: 'single\n  folded'\n", 'a: "double \\\n  escaped"\n', "a: x\r\nb: y\r\n",
    "a:\n- 1\n- 2\n", "? a\n: b\n", "a: {b: [c, {d: e}]}\n", "'a b': 1\n", '"k": 1\n', "a:  \n", "a: [\n  1,\n  2\n]\n",
    "a: x # c\n# only\nb: y\n", "- - - x\n", "a: \"\\N\\_\\L\\P\"\n", "a: 'x'  # c\n",
])
def test_block_styles(text):
    assert agree(text) is not False, text


TOKENS = ["\n", " ", "  ", ":", ": ", "- ", "-", "{", "}", "[", "]", ",", '"', "'", "#", "&a ", "*a", "!", "|", ">", "~", "0", "01",
          "True", "null", "yes", ".5", "+1", "x", "é", "\\", "\r\n", "---\n", "? "]


@settings(max_examples=1500, deadline=None, derandomize=IN_CI, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=25))
def test_random_texts_never_disagree(parts):
    text = "".join(parts)
    assert agree(text) is not False, repr(text)


SOURCES = [p for p in FILES if p.suffix == ".yaml" and p.stat().st_size < 20000][:40]


@settings(max_examples=600, deadline=None, derandomize=IN_CI, suppress_health_check=[HealthCheck.too_slow])
@given(source=st.sampled_from(SOURCES), at=st.integers(0, 20000), token=st.sampled_from(TOKENS), cut=st.integers(0, 3))
def test_mutated_files_never_disagree(source, at, token, cut):
    text = source.read_bytes().decode("utf-8", "replace")
    at %= len(text) + 1
    mutated = text[:at] + token + text[at + cut:]
    assert agree(mutated) is not False


def _diagnostics(root: Path, monkeypatch, reader: str):
    monkeypatch.setenv("GIAOVIEC_READER", reader)
    return [(d.path, d.line, d.column, d.code, d.message) for d in validate(root).diagnostics]


INVALID = sorted(p for p in (DATA / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_identical_diagnostics_through_both_readers(case, tmp_path, monkeypatch):
    root = build_repo(tmp_path, case)
    assert _diagnostics(root, monkeypatch, "fast") == _diagnostics(root, monkeypatch, "precise")


def test_identical_diagnostics_on_a_province_with_mistakes(tmp_path, monkeypatch):
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from generate import generate

    generate(tmp_path / "p", files=40, mistakes=5)
    fast = _diagnostics(tmp_path / "p", monkeypatch, "fast")
    assert len(fast) == 5
    assert fast == _diagnostics(tmp_path / "p", monkeypatch, "precise")


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.integers(0, 1300), min_size=1, max_size=12))
@example([1024])
@example([1025])
@example([511, 1025])
@example([1023, 1024, 1])
def test_a_long_line_is_found_wherever_it_lies(lengths):
    """The block test of _long_line says what splitting into lines says, whatever the lengths."""
    from giaoviec.load.yamlfast import _long_line

    text = "\n".join("x" * n for n in lengths)
    assert _long_line(text) == (max(lengths) > 1024)
    assert _long_line("\n" + text + "\n") == (max(lengths) > 1024)


def test_a_text_the_fast_reader_took_is_read_again_without_the_scan(monkeypatch):
    agreed: set[bytes] = set()
    safe = "apiVersion: giaoviec/v1\nkind: Assignment\ncadre: a\ntasks:\n  - id: '01'\n    what: Làm việc\n"
    risky_text = safe + "extra: &x 1\n"
    first = yamlfast.documents(safe, agreed)
    assert first is not None and len(agreed) == 1
    assert yamlfast.documents(risky_text, agreed) is None and len(agreed) == 1  # the scan sent it to the precise reader
    monkeypatch.setattr(yamlfast, "risky", lambda text, data=None: pytest.fail("scanned again"))
    assert yamlfast.documents(safe, agreed) == first
    with pytest.raises(pytest.fail.Exception):  # without `agreed`, or a text not in it, the scan runs
        yamlfast.documents(safe)
    with pytest.raises(pytest.fail.Exception):
        yamlfast.documents(safe + "# khác\n", agreed)
