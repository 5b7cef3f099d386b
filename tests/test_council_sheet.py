"""The council's scoring sheet: a partly filled sheet writes the cadres it scores and leaves the
others as an earlier session scored them; a cell for every component the council enters, the
minutes' number and the meeting's date; confidential tasks marked."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from conftest import copy_example

COUNCIL = "hoi-dong-danh-gia-huyen-yen-lac"
EARLIER = f"evaluations/2024/{COUNCIL}-dot-1.yaml"


@pytest.fixture
def repo(tmp_path):
    return copy_example(tmp_path / "vp")


def _tiers(cli, root, year: int = 2024) -> dict[str, tuple]:
    doc = json.loads(cli("-C", str(root), "score", str(year), "--format", "json").out)
    return {c["cadre"]: (c["points"], c["tier"]) for c in doc["cadres"]}


def _rows(ws) -> dict:
    return {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}


def test_a_partly_filled_sheet_leaves_the_earlier_session_in_force(cli, repo, tmp_path):
    # the session of 26/12 is recorded in a file of its own; the council then scores Lê Văn Cường alone on the sheet
    (repo / f"evaluations/2024/{COUNCIL}.yaml").rename(repo / EARLIER)
    before = _tiers(cli, repo)
    sheet = tmp_path / "phieu.xlsx"
    assert cli("-C", str(repo), "export", "--scoring-sheet", "--year", "2024", "--unit", "yen-lac", "--out", str(sheet)).code == 0
    wb = load_workbook(sheet)
    ws = wb["le-van-cuong"]
    rows = _rows(ws)
    ws.cell(rows["01"], 6).value = 2.5
    wb.save(sheet)
    run = cli("-C", str(repo), "import", "--evaluation", str(sheet), "--council", COUNCIL)
    assert run.code == 0, run.out + run.err
    text = (repo / f"evaluations/2024/{COUNCIL}.yaml").read_text(encoding="utf-8")
    assert "cadre: le-van-cuong" in text
    assert "hoang-van-em" not in text and "vu-thi-giang" not in text and "do-van-hai" not in text
    after = _tiers(cli, repo)
    for cadre in ("hoang-van-em", "vu-thi-giang", "do-van-hai"):
        assert after[cadre] == before[cadre], cadre  # the earlier session still holds for them
    # the import says what it wrote and what it left as it was
    assert "Lê Văn Cường" in run.out and "chấm 1/3 nhiệm vụ" in run.out
    assert "Hoàng Văn Em" in run.out and "để nguyên" in run.out


def test_a_blank_sheet_writes_nothing(cli, repo, tmp_path):
    sheet = tmp_path / "phieu.xlsx"
    (repo / f"evaluations/2024/{COUNCIL}.yaml").unlink()
    assert cli("-C", str(repo), "export", "--scoring-sheet", "--year", "2024", "--unit", "yen-lac", "--out", str(sheet)).code == 0
    run = cli("-C", str(repo), "import", "--evaluation", str(sheet), "--council", COUNCIL)
    assert run.code == 1 and "[sheet.missing-sheet]" in run.out
    assert not (repo / f"evaluations/2024/{COUNCIL}.yaml").exists()


def test_every_component_the_council_enters_has_its_cell_and_the_minutes_theirs(cli, repo, tmp_path):
    """Under Khánh Hòa's profile the council enters 'đổi mới, sáng tạo' (reform) besides the general
    criteria; the sheet has a cell for it, for the minutes' number and for the meeting's date; a
    confidential task is marked MẬT."""
    config = repo / "giaoviec.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("profile: qd89-2017", "profile: khanhhoa-kpi-2025"), encoding="utf-8")
    (repo / f"evaluations/2022/{COUNCIL}.yaml").unlink()
    sheet = tmp_path / "phieu.xlsx"
    assert cli("-C", str(repo), "export", "--scoring-sheet", "--year", "2022", "--out", str(sheet)).code in (0, 1)
    wb = load_workbook(sheet)
    ws = wb["ngo-thi-lan"]
    head = {ws.cell(r, 1).value: r for r in range(1, 12)}
    assert {"Điểm tiêu chí chung", "Điểm đổi mới, sáng tạo", "Số biên bản họp hội đồng", "Ngày họp hội đồng"} <= set(head)
    marked = [ws.cell(r, 2).value for r in range(1, ws.max_row + 1) if str(ws.cell(r, 2).value or "").startswith("(MẬT) ")]
    assert marked and all("Thẩm tra" in m or "hồ sơ" in m for m in marked)
    ws.cell(head["Điểm tiêu chí chung"], 2).value = 18
    ws.cell(head["Điểm đổi mới, sáng tạo"], 2).value = "8,5"
    ws.cell(head["Số biên bản họp hội đồng"], 2).value = "15-BB/HĐĐG"
    ws.cell(head["Ngày họp hội đồng"], 2).value = "20/12/2022"
    for name in wb.sheetnames[1:]:
        if name != "ngo-thi-lan" and "Chưa" not in name:
            del wb[name]
    wb.save(sheet)
    run = cli("-C", str(repo), "import", "--evaluation", str(sheet), "--council", "hoi-dong-danh-gia-huyen-yen-lac")
    assert run.code == 0, run.out
    text = (repo / "evaluations/2022/hoi-dong-danh-gia-huyen-yen-lac.yaml").read_text(encoding="utf-8")
    assert "general: 18" in text and "reform: 8.5" in text and "number: 15-BB/HĐĐG" in text and 'date: "2022-12-20"' in text
    assert "tiêu chí chung; đổi mới, sáng tạo; chấm 0/" in run.out
    # two sheets giving two numbers for one session: refused at the second
    wb = load_workbook(sheet)
    other = wb.copy_worksheet(wb["ngo-thi-lan"])
    other.cell(head["Số biên bản họp hội đồng"], 2).value = "16-BB/HĐĐG"
    wb.save(sheet)
    (repo / "evaluations/2022/hoi-dong-danh-gia-huyen-yen-lac.yaml").unlink()
    run = cli("-C", str(repo), "import", "--evaluation", str(sheet), "--council", "hoi-dong-danh-gia-huyen-yen-lac")
    assert run.code == 1 and f"#{other.title}:{head['Số biên bản họp hội đồng']}:2:" in run.out
