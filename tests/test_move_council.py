"""A cadre who moved during the year (tests/data/moves: bt-a at Huyện A until 30/06/2025, at Xã Một
from 01/07): the council sheet's page for the end-of-year post imports into a repository that
validates and scores with the council's points; a second session of the same council and year is
imported beside the first, never over it; score --explain marks a vague task of the earlier post."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from openpyxl import load_workbook

from conftest import DATA, copy_example

COUNCIL = "btv-tinh"


def _moves(tmp_path):
    root = tmp_path / "moves"
    shutil.copytree(DATA / "moves", root)
    return root


def _page(wb, cadre: str, program: str = "nhiệm vụ trọng tâm"):
    return next(ws for ws in wb.worksheets if ws.cell(1, 2).value == cadre and ws.cell(3, 2).value == program)


def _fill(ws, scores: dict, meeting: dt.date | None = None, general: float | None = None) -> None:
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for task, score in scores.items():
        ws.cell(rows[task], 6).value = score
    if meeting is not None:
        ws.cell(rows["Ngày họp hội đồng"], 2).value = meeting
    if general is not None:
        ws.cell(rows["Điểm tiêu chí chung"], 2).value = general


def _bt(cli, root):
    run = cli("-C", str(root), "score", "2025", "--as-of", "2025-12-31", "--format", "json")
    assert run.code == 0, run.err
    return next(c for c in json.loads(run.out)["cadres"] if (c["cadre"], c["program"]) == ("bt-a", "focus"))


def test_the_sheet_of_a_moved_cadre_imports_into_a_valid_repository(cli, tmp_path):
    root = _moves(tmp_path)
    sheet = tmp_path / "phieu.xlsx"
    assert cli("-C", str(root), "export", "--scoring-sheet", "--year", "2025", "--out", str(sheet)).code == 0
    wb = load_workbook(sheet)
    ws = _page(wb, "bt-a")
    assert ws.cell(4, 2).value.date() == dt.date(2025, 7, 1)  # the page covers the end-of-year post
    tasks = [ws.cell(r, 1).value for r in range(11, ws.max_row + 1) if ws.cell(r, 1).value]
    _fill(ws, dict.fromkeys(tasks, 0.5))
    _fill(_page(wb, "pct-a"), {"01": 1})  # a page of the first half: the session covers the whole year
    wb.save(sheet)
    run = cli("-C", str(root), "import", "--evaluation", str(sheet), "--council", COUNCIL)
    assert run.code == 0, run.out + run.err
    check = cli("-C", str(root), "validate")
    assert check.code == 0, check.out + check.err
    assert "ref.ambiguous" not in check.out + check.err
    written = (root / f"evaluations/2025/{COUNCIL}.yaml").read_text(encoding="utf-8")
    assert "2025-01-01" in written and "2025-12-31" in written, written
    bt = _bt(cli, root)
    mine = [t for t in bt["tasks"] if t["path"].split("/")[2] == "xa-1"]
    assert mine and all(t["points"] == 0.5 for t in mine)  # the council's points, on the post it scored
    assert all(t["points"] == 1 for t in bt["tasks"] if t["path"].split("/")[2] == "huyen-a")  # the earlier post: as computed


def test_a_second_session_is_written_beside_the_first(cli, tmp_path):
    repo = copy_example(tmp_path / "vp")
    council = "hoi-dong-danh-gia-huyen-yen-lac"
    first = repo / f"evaluations/2024/{council}.yaml"
    first.unlink()
    sheet = tmp_path / "phieu.xlsx"
    assert cli("-C", str(repo), "export", "--scoring-sheet", "--year", "2024", "--unit", "yen-lac", "--out", str(sheet)).code == 0
    wb = load_workbook(sheet)
    _fill(wb["le-van-cuong"], {"01": 1}, dt.datetime(2024, 12, 10))
    _fill(wb["hoang-van-em"], {"01": 0.5}, dt.datetime(2024, 12, 10))
    wb.save(sheet)
    assert cli("-C", str(repo), "import", "--evaluation", str(sheet), "--council", council).code == 0
    text = first.read_text(encoding="utf-8")
    assert "le-van-cuong" in text and "hoang-van-em" in text
    second_sheet = tmp_path / "phieu2.xlsx"
    assert cli("-C", str(repo), "export", "--scoring-sheet", "--year", "2024", "--unit", "yen-lac", "--out", str(second_sheet)).code == 0
    wb = load_workbook(second_sheet)
    _fill(wb["le-van-cuong"], {"01": 2}, dt.datetime(2024, 12, 20))
    wb.save(second_sheet)
    run = cli("-C", str(repo), "import", "--evaluation", str(second_sheet), "--council", council)
    assert run.code == 0, run.out + run.err
    assert "xóa" not in run.out + run.err
    second = repo / f"evaluations/2024/{council}-2024-12-20.yaml"
    assert second.exists() and first.read_text(encoding="utf-8") == text  # the first session is kept as it was
    assert "le-van-cuong" in second.read_text(encoding="utf-8") and "hoang-van-em" not in second.read_text(encoding="utf-8")
    # the same sheet again: nothing new
    again = cli("-C", str(repo), "import", "--evaluation", str(second_sheet), "--council", council)
    assert again.code == 0 and len(list((repo / "evaluations/2024").glob(f"{council}*.yaml"))) == 2
    doc = json.loads(cli("-C", str(repo), "score", "2024", "--format", "json").out)
    cadres = {c["cadre"]: c for c in doc["cadres"]}
    assert next(t for t in cadres["le-van-cuong"]["tasks"] if t["id"] == "01")["points"] == 2  # the later session
    assert next(t for t in cadres["hoang-van-em"]["tasks"] if t["id"] == "01")["points"] == 0.5  # not filled again: the first holds


def test_explain_marks_a_vague_task_of_the_earlier_post(cli, tmp_path):
    root = _moves(tmp_path)
    path = root / "assignments/2025/huyen-a/bt-a-focus-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("what: Bàn giao hồ sơ", "what: Tăng cường công tác xây dựng nông thôn mới")
                    .replace("Báo cáo kết quả bàn giao hồ sơ", "Báo cáo kết quả"), encoding="utf-8")
    run = cli("-C", str(root), "score", "2025", "--as-of", "2025-12-31", "--explain", "--unit", "xa-1")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    head = next(i for i, line in enumerate(lines) if "Nhiệm vụ 02 (Huyện A)" in line)
    assert "chưa rõ việc (5 rõ)" in lines[head + 1]
    assert sum("chưa rõ việc" in line for line in lines) == 1
