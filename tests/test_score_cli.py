"""`giaoviec score` end to end: golden outputs for the examples, formats, exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import DATA, EXAMPLES, build_repo

VP = EXAMPLES / "vinh-phuc"


@pytest.mark.parametrize("args,name", [
    (["score", "2022"], "score-2022.txt"),
    (["score", "2022", "--explain"], "score-2022-explain.txt"),
    (["score", "2024"], "score-2024.txt"),
    (["score", "2025", "--explain"], "score-2025-explain.txt"),
    (["score", "2026", "--as-of", "2026-10-31"], "score-2026-as-of.txt"),
    (["score", "2022", "--format", "json"], "score-2022.json"),
    (["score", "2024", "--format", "md"], "score-2024.md"),
    (["score", "2022", "--format", "csv"], "score-2022.csv"),
    (["--lang", "en", "score", "2024", "--explain"], "score-2024-explain.en.txt"),
])
def test_golden(cli, golden, args, name):
    run = cli("-C", str(VP), *args)
    assert run.code == 0, run.err
    golden(name, run.out)


def test_json_keys_and_pending(cli):
    doc = json.loads(cli("-C", str(VP), "score", "2026", "--as-of", "2026-10-31", "--format", "json").out)
    assert set(doc) == {"version", "year", "as_of", "profile", "complete", "cadres", "left_out", "warnings", "diagnostics"}
    assert doc["complete"] is True and doc["left_out"] == []
    (row,) = doc["cadres"]
    assert {"cadre", "name", "unit", "position", "program", "profile", "as_of", "points", "provisional_points",
            "tier", "tier_reason", "counts", "tasks"} <= set(row)
    assert row["tier"] == "pending" and row["points"] is None and row["provisional_points"] == 17.5
    assert set(row["counts"]) == {"exceeded", "on-time", "late", "not-done", "overdue", "in-progress", "cancelled"}
    assert row["counts"]["overdue"] == 1 and row["counts"]["in-progress"] == 1
    assert {"id", "status", "weight", "points", "computed_points", "ratio"} <= set(row["tasks"][0])


def test_quota_and_disqualifier_in_2024(cli):
    doc = json.loads(cli("-C", str(VP), "score", "2024", "--format", "json").out)
    tiers = {c["cadre"]: c["tier"] for c in doc["cadres"]}
    assert tiers["le-van-cuong"] == "excellent"
    assert tiers["vu-thi-giang"] == "not-completed"  # computed excellent, disqualified by a reprimand
    assert tiers["hoang-van-em"] == "good"
    (warning,) = doc["warnings"]
    assert warning["code"] == "score.quota" and warning["group"] == "yen-lac/secretary"


def test_council_score_takes_precedence_and_shows_the_computed_one(cli):
    doc = json.loads(cli("-C", str(VP), "score", "2022", "--format", "json").out)
    an = next(c for c in doc["cadres"] if c["cadre"] == "nguyen-van-an")
    t10 = next(t for t in an["tasks"] if t["id"] == "10")
    assert (t10["status"], t10["points"], t10["computed_points"]) == ("not-done", 2.5, 0.0)
    assert an["counts"]["cancelled"] == 1


def test_unit_filter_includes_predecessors(cli):
    doc = json.loads(cli("-C", str(VP), "score", "2022", "--unit", "tam-hong", "--format", "json").out)
    assert {c["cadre"] for c in doc["cadres"]} == {"le-van-cuong", "pham-thi-dung"}
    # Nguyệt Đức (Phú Thọ) succeeded Nguyệt Đức (Vĩnh Phúc): its 2022 assignments are included
    doc = json.loads(cli("-C", str(VP), "score", "2022", "--unit", "nguyet-duc-phu-tho", "--format", "json").out)
    assert {c["cadre"] for c in doc["cadres"]} == {"nguyen-van-an", "tran-thi-binh"}


def test_csv_is_one_row_per_assignment(cli):
    rows = list(csv.DictReader(io.StringIO(cli("-C", str(VP), "score", "2022", "--format", "csv").out)))
    assert len(rows) == 8 and rows[0]["cadre"] and rows[0]["tier"]


def test_csv_names_each_column_once(cli):
    out = cli("-C", str(VP), "score", "2022", "--format", "csv").out
    head = next(csv.reader(io.StringIO(out)))
    assert len(head) == len(set(head)), sorted(h for h in head if head.count(h) > 1)
    for row in csv.DictReader(io.StringIO(out)):  # the groups are the sums of their statuses
        assert int(row["completed_on_time"]) == int(row["exceeded"]) + int(row["on_time"])
        assert int(row["unfinished_overdue"]) == int(row["not_done"]) + int(row["overdue"])


def test_unknown_unit_and_bad_date_are_usage_errors(cli):
    assert cli("-C", str(VP), "score", "2022", "--unit", "khong-co").code == 2
    assert cli("-C", str(VP), "score", "2022", "--as-of", "31/12/2022").code == 2


def test_a_year_with_nothing_to_score(cli):
    run = cli("-C", str(VP), "score", "2015", "--format", "json")
    assert run.code == 0 and json.loads(run.out)["cadres"] == []


def test_no_profile_for_a_scored_window(cli, tmp_path):
    root = build_repo(tmp_path)
    (root / "giaoviec.yaml").write_text(
        "apiVersion: giaoviec/v1\nkind: Config\norganization: Thử\nscoring:\n  - {profile: tw124-2023, from: 2023-10-04}\n", encoding="utf-8")
    run = cli("-C", str(root), "score", "2022")
    assert run.code == 3 and "31/12/2022" in run.err


def test_invalid_files_are_reported_and_left_out(cli, tmp_path):
    root = build_repo(tmp_path, DATA / "invalid" / "schema-bool-no")
    run = cli("-C", str(root), "score", "2022", "--format", "json")
    doc = json.loads(run.out)
    assert run.code == 1
    assert doc["cadres"] == []
    assert [d["code"] for d in doc["diagnostics"]] == ["schema.boolean"]


def test_component_above_its_scale_is_flagged(cli, tmp_path):
    import shutil

    root = tmp_path / "vp"
    shutil.copytree(VP, root)
    path = root / "evaluations/2025/hoi-dong-danh-gia-tinh-phu-tho.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("general: 18", "general: 35"), encoding="utf-8")
    doc = json.loads(cli("-C", str(root), "score", "2025", "--format", "json").out)
    assert [w["code"] for w in doc["warnings"]] == ["score.component-range", "score.quota"]  # 105 points: excellent, alone in its group


def test_a_session_found_ambiguous_after_streaming_is_not_used(cli, tmp_path):
    # the council's entry names no program while the cadre has two assignments: the Evaluation
    # file is in error, so neither assignment may take its scores, though both are scored
    root = build_repo(tmp_path, DATA / "invalid" / "ref-ambiguous")
    (root / "evaluations/2022/hd.yaml").write_text(
        (root / "evaluations/2022/hd.yaml").read_text(encoding="utf-8").replace("{score: 2}", "{score: 0}"), encoding="utf-8")
    run = cli("-C", str(root), "score", "2022", "--format", "json")
    doc = json.loads(run.out)
    assert run.code == 1 and [d["code"] for d in doc["diagnostics"]] == ["ref.ambiguous"]
    assert len(doc["cadres"]) == 2
    points = {row["program"]: next(t for t in row["tasks"] if t["id"] == "01") for row in doc["cadres"]}
    assert points["focus"]["points"] == points["focus"]["computed_points"] == 2.0  # done on time; not the council's 0
    assert points["product-contract"]["points"] == points["product-contract"]["computed_points"] == 0.0  # unfinished


def test_the_errors_printed_after_the_table_are_in_the_reader_language(cli, tmp_path):
    root = build_repo(tmp_path, DATA / "invalid" / "schema-bool-no")
    for args in (["score", "2022"], ["report", "--unit", "huyen-t", "--year", "2022"]):
        run = cli("-C", str(root), *args)
        assert run.code == 1
        assert "lỗi [schema.boolean]" in run.err and "error [" not in run.err, run.err
