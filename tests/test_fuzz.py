"""Mutated files never crash validate: every problem is a diagnostic with a real position."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, EXAMPLES
from giaoviec.app.validate import validate
from test_hostile import check

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


# -- the spreadsheet importer, and the Markdown renderers ------------------------------------------
# Every failing example found locally is kept in tests/data/fuzz/ (one JSON file each) and replayed
# on every run, so that a crash once found stays fixed.

CORPUS = DATA / "fuzz"
HEADERS = ["Nội dung nhiệm vụ", "Mã nhiệm vụ", "Hạn hoàn thành", "Sản phẩm", "Người chịu trách nhiệm", "Trọng số", "Mã cán bộ",
           "Mã đơn vị", "Từ ngày", "Đến ngày", "Hình thức", "Trạng thái", "Tên chỉ tiêu", "Đơn vị tính", "Giá trị cần đạt", "Chiều",
           "Mốc kiểm tra", "Phối hợp", "Mật", "Số quyết định", "Ngày quyết định", "Giá trị đạt được", "lạ"]
CELLS = st.one_of(
    st.none(), st.integers(-10**6, 10**12), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates().map(lambda d: d.isoformat()), st.sampled_from(["15/12/2027", "31/02/2027", "can-bo-a", "xa-a", "01", "=1+1", "=A1",
                                                              "nhiệm vụ trọng tâm", "x", "", " ", "2,5", "1.500,5", "giảm", "mặt"]),
    st.text(max_size=40),
)


def sheet_import(root: Path, spec: dict) -> int:
    from openpyxl import Workbook

    from conftest import subprocess_cli

    wb = Workbook()
    wb.remove(wb.active)
    try:
        for title, rows in spec.items():
            ws = wb.create_sheet(title[:31] or "x")
            for row in rows:
                ws.append(row)
        book = root.parent / "fuzz.xlsx"
        wb.save(book)
    except Exception:
        return 0
    run = subprocess_cli("-C", str(root), "import", str(book), "--dry-run")
    assert run.code in (0, 1), run.err[-2000:]
    assert "Traceback" not in run.err and "Lỗi nội bộ" not in run.err, run.err[-2000:]
    return run.code


@st.composite
def workbooks(draw) -> dict:
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=10))
    rows = [header, *draw(st.lists(st.lists(CELLS, min_size=0, max_size=len(header) + 1), max_size=6))]
    sheets = {"Giao viec": rows}
    if draw(st.booleans()):
        sheets["Thông tin"] = [[k, draw(CELLS)] for k in draw(st.lists(st.sampled_from(HEADERS), max_size=6))]
    return sheets


@settings(max_examples=int(os.environ.get("FUZZ_SHEETS", "40")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=workbooks())
def test_any_workbook_is_imported_or_refused_never_a_crash(tmp_path_factory, spec):
    root = tmp_path_factory.mktemp("sheet") / "repo"
    shutil.copytree(DATA / "base", root)
    sheet_import(root, json.loads(json.dumps(spec, default=str)))


@pytest.mark.parametrize("case", sorted(CORPUS.glob("sheet-*.json")), ids=lambda p: p.stem)
def test_the_kept_workbook_crashes_stay_fixed(tmp_path, case):
    root = tmp_path / "repo"
    shutil.copytree(DATA / "base", root)
    sheet_import(root, json.loads(case.read_text(encoding="utf-8")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from(list("<>&[]()*_`|\\!#@~:=\n")), min_size=1, max_size=60),
       what=st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from(list("<>&[]()*_`|\\!#@~:=\n")), min_size=1, max_size=60))
def test_the_markdown_renderers_never_crash_and_never_pass_markup(cli, tmp_path_factory, name, what):
    root = tmp_path_factory.mktemp("md") / "repo"
    shutil.copytree(DATA / "base", root)
    cadres = root / "org/cadres.yaml"
    cadres.write_text(cadres.read_text(encoding="utf-8").replace("name: Nguyễn Văn A", "name: " + json.dumps(name, ensure_ascii=False)), encoding="utf-8")
    task = root / "assignments/2022/xa-a/can-bo-a.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("what: Xây dựng nhà văn hóa thôn Đông", "what: " + json.dumps(what, ensure_ascii=False)), encoding="utf-8")
    out = {}
    for label, args in (("score.md", ["score", "2022", "--format", "md"]), ("report.md", ["report", "--unit", "huyen-t", "--year", "2022"]),
                        ("report.html", ["report", "--unit", "huyen-t", "--year", "2022", "--format", "html"])):
        run = cli("-C", str(root), *args)
        assert run.code in (0, 1) and "Traceback" not in run.err, run.err[-1000:]
        out[label] = run.out
    check(out)


@pytest.mark.parametrize("case", sorted(CORPUS.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_kept_file_crashes_stay_fixed(cli, tmp_path, case):
    root = tmp_path / "repo"
    shutil.copytree(DATA / "base", root)
    (root / "assignments/2022/xa-a/can-bo-a.yaml").write_bytes(case.read_bytes())
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code in (0, 1) and "Traceback" not in run.err
    for d in run.json()["diagnostics"]:
        assert d["line"] >= 1 and d["column"] >= 1 and d["message"]
    for args in (["score", "2022", "--format", "json"], ["report", "--unit", "huyen-t", "--year", "2022", "--format", "html"],
                 ["export", "--year", "2022", "--format", "csv"], ["stats", "--year", "2022"]):
        out = cli("-C", str(root), *args)
        assert out.code in (0, 1) and "Traceback" not in out.err and "Lỗi nội bộ" not in out.err, (case.name, args)
