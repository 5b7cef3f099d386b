"""Mutated files never crash validate: every problem is a diagnostic with a real position."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, EXAMPLES
from giaoviec.app.validate import validate

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")  # fixed examples in CI, new ones locally

SOURCES = [
    EXAMPLES / "vinh-phuc/assignments/2022/tam-hong/le-van-cuong.yaml",
    EXAMPLES / "vinh-phuc/evaluations/2022/hoi-dong-danh-gia-huyen-yen-lac.yaml",
    DATA / "base/org/cadres.yaml",
    DATA / "base/assignments/2022/xa-a/can-bo-a.yaml",
]
TOKENS = [b":", b"-", b" ", b"\t", b"\n", b"{", b"}", b"[", b"]", b'"', b"'", b"&a", b"*a", b"<<: *a", b"#",
          b"\xff", b"\xc3", b"null", b"no", b"010", b"2022-02-30", b"---\n", b"\r\n", b"id: x\n"]


def mutate(raw: bytes, ops) -> bytes:
    data = bytearray(raw)
    for op, pos, token in ops:
        at = pos % (len(data) + 1)
        if op == "insert":
            data[at:at] = token
        elif op == "delete":
            del data[at : at + len(token)]
        elif op == "replace":
            data[at : at + len(token)] = token
        elif op == "dup-line":
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end + 1
            data[end:end] = data[start:end]
    return bytes(data)


OPS = st.lists(st.tuples(st.sampled_from(["insert", "delete", "replace", "dup-line"]), st.integers(0, 5000), st.sampled_from(TOKENS)), min_size=1, max_size=4)


@settings(max_examples=150, deadline=None, derandomize=IN_CI, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(source=st.sampled_from(SOURCES), ops=OPS)
def test_mutations_never_crash(tmp_path_factory, source: Path, ops):
    root = tmp_path_factory.mktemp("fuzz") / "repo"
    shutil.copytree(DATA / "base", root)
    target = root / "mutated.yaml"
    target.write_bytes(mutate(source.read_bytes(), ops))
    result = validate(root)
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.code and d.message
