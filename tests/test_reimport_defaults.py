"""Re-importing an unchanged export changes no byte, even in files that leave `weight` to its
default of 1 (issue 27, 3); a typed check-in touches only its own file."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from conftest import copy_example

TERM = "assignments/2021-2025/yen-lac/do-van-hai-breakthrough.yaml"
OTHER = "assignments/2022/tam-hong/pham-thi-dung.yaml"


def without_weights(repo):
    for rel in (TERM, OTHER):
        path = repo / rel
        path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                                if not line.lstrip().startswith("weight:")), encoding="utf-8")


def test_a_no_op_reimport_changes_no_byte_of_files_without_weights(cli, tmp_path):
    repo = copy_example(tmp_path / "vp")
    without_weights(repo)
    before = {p: p.read_bytes() for p in repo.rglob("*.yaml")}
    for year in (2022, 2024):
        book = tmp_path / f"{year}.xlsx"
        assert cli("-C", str(repo), "export", "--year", str(year), "--out", str(book)).code in (0, 1)
        run = cli("-C", str(repo), "import", str(book))
        assert run.code == 0 and "Không có thay đổi" in run.err, (year, run.out, run.err)
    assert {p: p.read_bytes() for p in repo.rglob("*.yaml")} == before


def test_a_typed_check_in_touches_one_file(cli, tmp_path):
    repo = copy_example(tmp_path / "vp")
    without_weights(repo)
    before = {p: p.read_bytes() for p in repo.rglob("*.yaml")}
    book = tmp_path / "2022.xlsx"
    assert cli("-C", str(repo), "export", "--year", "2022", "--out", str(book)).code == 0
    wb = load_workbook(book)
    ws = wb["Nhiệm vụ"]
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}
    date_col = next(i for h, i in col.items() if h == "Ngày báo cáo gần nhất")
    value_col = next(i for h, i in col.items() if h == "Giá trị báo cáo gần nhất")
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col["Mã cán bộ"]).value == "pham-thi-dung")
    ws.cell(row, date_col).value = dt.datetime(2022, 12, 30)
    ws.cell(row, value_col).value = 1
    wb.save(book)
    run = cli("-C", str(repo), "import", str(book))
    assert run.code == 0, run.err
    changed = sorted(str(p.relative_to(repo)) for p in repo.rglob("*.yaml") if p.read_bytes() != before[p])
    assert changed == [OTHER]
    assert "weight" not in (repo / OTHER).read_text(encoding="utf-8")
