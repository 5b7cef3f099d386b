"""Which profile applies: by date, and by the cadre's role or category (issue 27, F). NĐ 335 (civil
servants) and QĐ 366 (Party leaders) are in force side by side from 2026."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import DATA

ASSIGNMENT = """apiVersion: giaoviec/v1
kind: Assignment
cadre: {cadre}
unit: xa-a
program: focus
period: {{from: 2026-01-01, to: 2026-12-31}}
basis: {{number: 1-QĐ/HU, date: 2026-01-10, issued_by: btv-huyen-t}}
monitor: btc-huyen-t
tasks:
  - id: "01"
    what: Cấp 40 giấy chứng nhận quyền sử dụng đất lần đầu
    when: {{due: 2026-09-30}}
    result:
      product: Giấy chứng nhận quyền sử dụng đất
      measure: {{indicator: Số giấy chứng nhận, unit: giấy, target: 40}}
    responsibility: {{accountable: {cadre}}}
    outcome: {{done_on: 2026-09-01, value: 40}}
"""
CADRES = """apiVersion: giaoviec/v1
kind: Cadres
cadres:
  - id: can-bo-a
    name: Nguyễn Văn A
    positions:
      - {title: Bí thư Đảng ủy xã, role: secretary, unit: xa-a, from: 2020-08-01}
  - id: can-bo-b
    name: Trần Thị B
    category: cong-chuc
    positions:
      - {title: Chủ tịch UBND xã, role: chair, unit: xa-a, from: 2020-08-01}
"""
CONFIG = """apiVersion: giaoviec/v1
kind: Config
organization: Đảng bộ huyện Thử Nghiệm
scoring:
  - {profile: tw124-2023, from: 2023-10-04, to: 2025-08-29}
  - {profile: tw366-2025, from: 2025-08-30}
"""


def repo(tmp_path, extra: str):
    root = tmp_path / "r"
    shutil.copytree(DATA / "base", root)
    shutil.rmtree(root / "evaluations")
    (root / "giaoviec.yaml").write_text(CONFIG + extra, encoding="utf-8")
    (root / "org" / "cadres.yaml").write_text(CADRES, encoding="utf-8")
    for cadre in ("can-bo-a", "can-bo-b"):
        path = root / "assignments" / "2026" / "xa-a" / f"{cadre}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ASSIGNMENT.format(cadre=cadre), encoding="utf-8")
    return root


def profiles(cli, root):
    run = cli("-C", str(root), "score", "2026", "--as-of", "2026-12-31", "--format", "json")
    assert run.code == 0, run.err
    return {c["cadre"]: c["profile"] for c in json.loads(run.out)["cadres"]}


def test_a_category_entry_and_a_general_entry_side_by_side(cli, tmp_path):
    root = repo(tmp_path, "  - {profile: nd335-2025, from: 2026-01-01, categories: [cong-chuc]}\n")
    assert cli("-C", str(root), "validate").code == 0
    assert profiles(cli, root) == {"can-bo-a": "tw366-2025", "can-bo-b": "nd335-2025"}


def test_a_roles_entry(cli, tmp_path):
    root = repo(tmp_path, "  - {profile: nd335-2025, from: 2026-01-01, roles: [chair]}\n")
    assert profiles(cli, root) == {"can-bo-a": "tw366-2025", "can-bo-b": "nd335-2025"}


def test_two_general_entries_overlapping_are_an_error_naming_both(cli, tmp_path):
    root = repo(tmp_path, "  - {profile: nd335-2025, from: 2026-01-01}\n")
    run = cli("-C", str(root), "validate")
    assert run.code == 1 and "config.scoring-overlap" in run.out
    assert "nd335-2025" in run.out and "tw366-2025" in run.out


@pytest.mark.parametrize("extra", [
    "  - {profile: nd335-2025, from: 2026-01-01, categories: [cong-chuc]}\n  - {profile: khanhhoa-kpi-2025, from: 2026-01-01, roles: [chair]}\n",
    "  - {profile: nd335-2025, from: 2026-01-01, roles: [chair]}\n  - {profile: khanhhoa-kpi-2025, from: 2026-01-01, roles: [chair, secretary]}\n",
])
def test_two_narrow_entries_for_one_cadre_are_an_error_naming_both(cli, tmp_path, extra):
    root = repo(tmp_path, extra)
    run = cli("-C", str(root), "validate")
    assert run.code == 1 and "config.scoring-overlap" in run.out
    assert "nd335-2025" in run.out and "khanhhoa-kpi-2025" in run.out
    score = cli("-C", str(root), "score", "2026", "--as-of", "2026-12-31", "--format", "json")
    assert score.code != 0  # never a silent pick of one of them


def test_narrow_entries_for_different_cadres_do_not_overlap(cli, tmp_path):
    root = repo(tmp_path, "  - {profile: nd335-2025, from: 2026-01-01, categories: [cong-chuc]}\n"
                          "  - {profile: khanhhoa-kpi-2025, from: 2026-01-01, roles: [secretary]}\n")
    run = cli("-C", str(root), "validate")
    assert "config.scoring-overlap" not in run.out
    assert profiles(cli, root) == {"can-bo-a": "khanhhoa-kpi-2025", "can-bo-b": "nd335-2025"}


def test_council_points_a_profile_does_not_use_are_warned_at_the_file_and_in_the_score(cli, tmp_path):
    root = repo(tmp_path, "")
    ev = root / "evaluations" / "2024" / "hd.yaml"
    ev.parent.mkdir(parents=True)
    (root / "assignments" / "2024" / "xa-a").mkdir(parents=True)
    (root / "assignments" / "2024" / "xa-a" / "can-bo-a.yaml").write_text(
        ASSIGNMENT.format(cadre="can-bo-a").replace("2026", "2024"), encoding="utf-8")
    ev.write_text("apiVersion: giaoviec/v1\nkind: Evaluation\ncouncil: hd-huyen-t\nperiod: {from: 2024-01-01, to: 2024-12-31}\n"
                  "date: 2024-12-20\nevaluations:\n  - cadre: can-bo-a\n    general: 27\n", encoding="utf-8")
    run = cli("-C", str(root), "validate")
    assert "evaluations/2024/hd.yaml:8:14" in run.out and "eval.component-unused" in run.out and "tw124-2023" in run.out
    doc = json.loads(cli("-C", str(root), "score", "2024", "--format", "json").out)
    assert [w["code"] for w in doc["warnings"]] == ["score.component-unused"]
    assert doc["cadres"][0]["points"] == 100  # the 27 is left out, and said so
    table = cli("-C", str(root), "score", "2024").out  # the table's warning in the reader's words, as the report's
    line = next(x for x in table.splitlines() if "score.component-unused" in x)
    assert "can-bo-a:" not in line and "'general'" not in line and "tiêu chí chung" in line.lower(), line


def test_the_report_puts_an_unused_component_under_its_own_heading_in_the_readers_words(cli, tmp_path):
    """Not under the quota warnings, not by the cadre's code nor the component's English key; the council
    line marks the points not counted."""
    from docx import Document

    from test_documents import paragraphs

    root = repo(tmp_path, "")
    ev = root / "evaluations" / "2024" / "hd.yaml"
    ev.parent.mkdir(parents=True)
    (root / "assignments" / "2024" / "xa-a").mkdir(parents=True)
    (root / "assignments" / "2024" / "xa-a" / "can-bo-a.yaml").write_text(
        ASSIGNMENT.format(cadre="can-bo-a").replace("2026", "2024"), encoding="utf-8")
    ev.write_text("apiVersion: giaoviec/v1\nkind: Evaluation\ncouncil: hd-huyen-t\nperiod: {from: 2024-01-01, to: 2024-12-31}\n"
                  "date: 2024-12-20\nevaluations:\n  - cadre: can-bo-a\n    general: 27\n", encoding="utf-8")
    args = ("-C", str(root), "report", "--unit", "xa-a", "--year", "2024", "--date", "2025-01-10")
    md = cli(*args).out
    assert "Cảnh báo vượt tỷ lệ" not in md and "**Lưu ý khi chấm điểm**" in md
    note = next(line for line in md.splitlines() if line.startswith("- Nguyễn Văn A:"))
    assert "điểm tiêu chí chung của hội đồng (27) không được tính" in note and "Quy định 124-QĐ/TW" in note
    assert "can-bo-a" not in note and "general" not in note and "tasks" not in note and "nhiệm vụ được giao 100" in note
    assert "Tiêu chí chung: 27 (không tính theo Quy định 124-QĐ/TW ngày 04/10/2023)" in md
    html = cli(*args, "--format", "html").out
    assert "<h3>Lưu ý khi chấm điểm</h3>" in html and "Cảnh báo vượt tỷ lệ" not in html
    out = tmp_path / "r.docx"
    assert cli(*args, "--format", "docx", "--out", str(out)).code == 0
    lines = paragraphs(Document(str(out)))
    assert any(line.endswith("Lưu ý khi chấm điểm:") for line in lines) and not any("vượt tỷ lệ" in line for line in lines)
    assert any(line.startswith("- Nguyễn Văn A:") and "tiêu chí chung" in line for line in lines)
    assert any("Tiêu chí chung: 27 (không tính theo" in line for line in lines)
