"""One rating per cadre, program and year (issue 27, D), and a unit split into several successors
(E): tests/data/moves, where every district cadre moved to a commune on 01/07/2025, Huyện A was split
into Xã Một and Xã Hai, and Huyện B merged into Xã Ba."""

from __future__ import annotations

import json

import pytest

from conftest import DATA

ROOT = str(DATA / "moves")


def score(cli, *args):
    run = cli("-C", ROOT, "score", "2025", "--as-of", "2025-12-31", "--format", "json", *args)
    assert run.code == 0, run.err
    return json.loads(run.out)


def rows(doc):
    return sorted((c["cadre"], c["program"], c["unit"]) for c in doc["cadres"])


def test_a_move_gives_one_row_owned_by_the_last_post(cli):
    doc = score(cli)
    assert rows(doc) == [("bt-a", "breakthrough", "huyen-a"), ("bt-a", "focus", "xa-1"), ("ct-a", "focus", "xa-2"),
                         ("ct-b", "focus", "xa-3"), ("pct-a", "focus", "huyen-a")]
    bt = next(c for c in doc["cadres"] if (c["cadre"], c["program"]) == ("bt-a", "focus"))
    assert [(p["unit"], p["from"], p["to"]) for p in bt["earlier"]] == [("huyen-a", "2025-01-01", "2025-06-30")]
    assert bt["counts"]["on-time"] == 4 and len(bt["tasks"]) == 4  # both posts' tasks, pooled
    assert sorted(t["path"].split("/")[2] for t in bt["tasks"]) == ["huyen-a", "huyen-a", "xa-1", "xa-1"]


def test_each_part_is_judged_in_its_own_window(cli):
    doc = score(cli, "--unit", "xa-1")
    bt = next(c for c in doc["cadres"] if c["program"] == "focus")
    assert bt["tier"] != "pending" and all(t["status"] == "on-time" for t in bt["tasks"])


@pytest.mark.parametrize("unit,expected", [
    ("xa-1", {("bt-a", "focus"), ("bt-a", "breakthrough")}),  # the split district's Bí thư moved here
    ("xa-2", {("ct-a", "focus")}),                             # not the cadres who went to Xã Một
    ("xa-3", {("ct-b", "focus")}),                             # a merger: inherited whole
    ("huyen-a", {("bt-a", "breakthrough"), ("pct-a", "focus")}),  # who went nowhere stays with the old unit
])
def test_a_split_unit_is_divided_by_the_next_post(cli, unit, expected):
    assert {(c["cadre"], c["program"]) for c in score(cli, "--unit", unit)["cadres"]} == expected


def test_no_cadre_is_counted_under_two_successors(cli):
    seen = [c["cadre"] for unit in ("xa-1", "xa-2", "xa-3") for c in score(cli, "--unit", unit)["cadres"] if c["program"] == "focus"]
    assert sorted(seen) == ["bt-a", "ct-a", "ct-b"]


def test_stats_count_people_and_say_when_one_has_two_ratings(cli):
    run = cli("-C", ROOT, "stats", "--year", "2025", "--as-of", "2025-12-31", "--format", "json")
    assert run.code == 0, run.err
    counts = json.loads(run.out)["counts"]
    tiers = json.loads(run.out)["tiers"]
    assert counts["cadres"] == 4 and counts["ratings"] == 5 == sum(tiers.values())
    assert counts["cadres_with_several_ratings"] == 1 and counts["assignments"] == 8
    text = cli("-C", ROOT, "stats", "--year", "2025", "--as-of", "2025-12-31").out
    assert "4 cán bộ" in text and "5 lượt xếp loại của 4 cán bộ" in text


def test_the_report_counts_people(cli):
    run = cli("-C", ROOT, "report", "--year", "2025", "--unit", "tinh", "--format", "md")
    assert run.code == 0, run.err
    summary = run.out.split("| 4 | 10 |")
    assert len(summary) == 2  # 4 cadres (5 sections), 10 tasks
    assert "01 (Huyện A)" in run.out and "trước đó: Bí thư Huyện ủy, huyện A" in run.out  # the kind word lower-case mid-sentence


def test_the_export_keeps_every_pooled_task(cli):
    run = cli("-C", ROOT, "export", "--year", "2025", "--unit", "xa-1", "--format", "csv", "--csv-dialect", "plain")
    assert run.code == 0, run.err
    lines = [x for x in run.out.splitlines() if x.startswith("bt-a,")]
    assert len(lines) == 5  # two tasks at Huyện A, two at Xã Một (focus), one breakthrough


def test_a_council_sheet_for_a_moved_cadre_covers_the_last_post_only(cli, tmp_path):
    """The pooled row's window is its last post's: a scoring sheet made from it, imported, scores that
    post's file without the 'two assignments in this period' ambiguity."""
    from openpyxl import load_workbook

    from conftest import copy_example

    repo = copy_example(tmp_path / "vp")
    (repo / "evaluations/2025/hoi-dong-danh-gia-tinh-phu-tho.yaml").unlink()
    sheet = tmp_path / "phieu.xlsx"
    assert cli("-C", str(repo), "export", "--scoring-sheet", "--year", "2025", "--unit", "nguyet-duc-phu-tho", "--out", str(sheet)).code == 0
    wb = load_workbook(sheet)
    ws = wb["nguyen-van-an"]
    assert (ws["B4"].value.date().isoformat(), ws["B5"].value.date().isoformat()) == ("2025-07-01", "2025-12-31")
    ws["B6"] = 20
    wb.save(sheet)
    run = cli("-C", str(repo), "import", "--evaluation", str(sheet), "--council", "hoi-dong-danh-gia-tinh-phu-tho")
    assert run.code == 0, run.out
    assert cli("-C", str(repo), "validate").code == 0
    doc = json.loads(cli("-C", str(repo), "score", "2025", "--unit", "nguyet-duc-phu-tho", "--format", "json").out)
    assert doc["cadres"][0]["components"]["general"] == 20 and len(doc["cadres"][0]["tasks"]) == 5


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_says_when_the_tiers_count_more_ratings_than_people(cli, fmt):
    run = cli("-C", ROOT, "report", "--year", "2025", "--unit", "tinh", "--format", fmt)
    assert run.code == 0, run.err
    assert "5 lượt xếp loại của 4 cán bộ: 1 cán bộ có hơn một lượt" in run.out


@pytest.fixture
def secret_move(tmp_path):
    """tests/data/moves with task 01 of Bí thư A's earlier file (Huyện A, focus) marked confidential:
    its row belongs to Xã Một, where he ended the year."""
    import shutil
    root = tmp_path / "moves"
    shutil.copytree(ROOT, root)
    path = root / "assignments/2025/huyen-a/bt-a-focus-01.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    weight: 1\n    outcome: {done_on: 2025-05-20}",
                                 "    weight: 1\n    confidential: true\n    outcome: {done_on: 2025-05-20}", 1), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    return str(root)


@pytest.mark.parametrize("unit,left", [("xa-1", 1), ("huyen-a", 0), ("tinh", 1)])
def test_a_confidential_task_of_an_earlier_post_is_counted_with_its_row(cli, secret_move, unit, left):
    """Each public output counts what it leaves out of what it would otherwise show: the earlier post's
    confidential task under the unit that owns the row (Xã Một), not the file's old unit."""
    def run(*args):
        out = cli("-C", secret_move, *args, "--public")
        assert out.code == 0, out.err
        return out
    internal = cli("-C", secret_move, "score", "2025", "--as-of", "2025-12-31", "--unit", unit, "--format", "json").json()
    public = run("score", "2025", "--as-of", "2025-12-31", "--unit", unit, "--format", "json").json()
    shown = sum(len(c["tasks"]) for c in internal["cadres"]) - sum(len(c["tasks"]) for c in public["cadres"])
    assert shown == left
    assert public["public"] == {"confidential_assignments": 0, "confidential_tasks": left}
    line = f"đã lược bỏ 0 tệp giao việc mật và {left} nhiệm vụ mật"
    assert line in run("report", "--year", "2025", "--unit", unit, "--format", "md").out
    assert line in run("stats", "--year", "2025", "--as-of", "2025-12-31", "--unit", unit).out
    exported = run("export", "--year", "2025", "--unit", unit, "--format", "json").json()
    listed = cli("-C", secret_move, "export", "--year", "2025", "--unit", unit, "--format", "json").json()
    assert exported["public"]["confidential_tasks"] == len(listed["tasks"]) - len(exported["tasks"]) == left


@pytest.mark.parametrize("unit,left", [("xa-1", 1), ("huyen-a", 0)])
def test_a_confidential_earlier_file_is_counted_with_its_row(cli, tmp_path, unit, left):
    """The earlier post's file confidential whole: counted under the unit that would show it (Xã Một)."""
    import shutil
    root = tmp_path / "moves"
    shutil.copytree(ROOT, root)
    path = root / "assignments/2025/huyen-a/bt-a-focus-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("program: focus\n", "program: focus\nconfidential: true\n", 1), encoding="utf-8")
    public = cli("-C", str(root), "score", "2025", "--as-of", "2025-12-31", "--unit", unit, "--format", "json", "--public").json()
    assert public["public"] == {"confidential_assignments": left, "confidential_tasks": 0}
    line = f"đã lược bỏ {left} tệp giao việc mật và 0 nhiệm vụ mật"
    assert line in cli("-C", str(root), "report", "--year", "2025", "--unit", unit, "--format", "md", "--public").out


def test_the_report_names_an_earlier_posts_task_with_its_unit_and_says_what_is_measured(cli, tmp_path):
    """A measured task done without a value shows no ✓ (the score says not met); a task with check-ins only
    has no final result; an earlier post's task is named with its unit in the draft and the overdue list."""
    import shutil
    root = tmp_path / "moves"
    shutil.copytree(ROOT, root)
    path = root / "assignments/2025/huyen-a/bt-a-focus-01.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    result: {product: Báo cáo kết quả kiện toàn bộ máy}\n",
                        "    result: {product: Báo cáo kết quả kiện toàn bộ máy, measure: {indicator: Số đầu mối, unit: đầu mối, target: 5, direction: decrease}}\n")
    text = text.replace("    outcome: {done_on: 2025-06-25}\n", "")  # task 02: overdue
    text += ("  - id: \"03\"\n    what: Số hóa hồ sơ\n    when: {due: 2025-06-30}\n"
             "    result: {product: Kho hồ sơ số, measure: {indicator: Số hồ sơ, unit: hồ sơ, target: 100}}\n"
             "    responsibility: {accountable: bt-a}\n    weight: 1\n    progress:\n      - {date: 2025-06-15, value: 104.8}\n")
    path.write_text(text, encoding="utf-8")
    md = cli("-C", str(root), "report", "--year", "2025", "--unit", "xa-1", "--date", "2026-01-10").out
    row = next(line for line in md.splitlines() if line.startswith("| 01 (Huyện A) |"))
    assert "| ✓ |" not in row and "không hoàn thành" in row
    assert "Nhiệm vụ 02 (Huyện A) chưa hoàn thành: Bàn giao hồ sơ." in md
    assert ("Nhiệm vụ 03 (Huyện A) chưa hoàn thành: Số hóa hồ sơ (chưa có kết quả cuối cùng; lần báo cáo gần nhất đạt 104,8 % chỉ tiêu)."
            in md)
    overdue = [line for line in md.splitlines() if line.startswith("- ") and "(hạn " in line]  # the summary's overdue list
    assert any("— 02 (Huyện A): Bàn giao hồ sơ" in line for line in overdue)
    assert any("— 03 (Huyện A): Số hóa hồ sơ" in line for line in overdue)
