"""A task the wording analyser judges not clear on what ("5 rõ") scores its points as computed, and
the outputs that explain a cadre's points say so beside the task: score --explain and the report
(Markdown, HTML, Word). The council checks the "5 rõ" first."""

from __future__ import annotations

import json

from docx import Document

from conftest import build_repo
from test_documents import paragraphs

VAGUE = "Tăng cường công tác xây dựng nông thôn mới"


def repo_with_a_vague_task(tmp_path, vague: bool = True):
    root = build_repo(tmp_path)
    path = root / "assignments/2022/xa-a/can-bo-a.yaml"
    text = path.read_text(encoding="utf-8")
    if vague:
        text = text.replace("what: Xây dựng nhà văn hóa thôn Đông", f"what: {VAGUE}").replace(
            "result: {product: Nhà văn hóa được nghiệm thu}", "result: {product: Báo cáo kết quả}")
    path.write_text(text, encoding="utf-8")
    return root


def test_explain_shows_the_finding_beside_the_task_and_the_points_do_not_change(cli, tmp_path):
    root = repo_with_a_vague_task(tmp_path / "vague")
    clear = repo_with_a_vague_task(tmp_path / "clear", vague=False)
    run = cli("-C", str(root), "score", "2022", "--explain")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    head = next(i for i, line in enumerate(lines) if "Nhiệm vụ 02" in line)
    assert "chưa rõ việc (5 rõ)" in lines[head + 1] and "Báo cáo kết quả" in lines[head + 1] and "không làm thay đổi điểm" in lines[head + 1]
    assert sum("chưa rõ việc" in line for line in lines) == 1  # task 01 states a quantity: clear
    assert "chưa rõ việc" not in cli("-C", str(clear), "score", "2022", "--explain").out
    points = [json.loads(cli("-C", str(r), "score", "2022", "--format", "json").out)["cadres"][0]["points"] for r in (root, clear)]
    assert points[0] == points[1]


def test_the_report_names_the_vague_task_in_every_format(cli, tmp_path):
    root = repo_with_a_vague_task(tmp_path / "r")
    args = ("-C", str(root), "report", "--unit", "huyen-t", "--year", "2022")
    md = cli(*args).out
    row = next(line for line in md.splitlines() if line.startswith("| 02 |"))
    assert "⚠ chưa rõ việc (5 rõ)" in row
    assert "Chưa rõ việc (5 rõ), đề nghị hội đồng xem xét trước: nhiệm vụ 02." in md
    html = cli(*args, "--format", "html").out
    assert "⚠ chưa rõ việc (5 rõ)" in html and "nhiệm vụ 02." in html
    out = tmp_path / "r.docx"
    assert cli(*args, "--format", "docx", "--out", str(out)).code == 0
    lines = paragraphs(Document(out))
    assert any("Chưa rõ việc (5 rõ)" in line and "nhiệm vụ 02" in line for line in lines)
    assert any(VAGUE in line and "chưa rõ việc (5 rõ)" in line for line in lines)  # the appendix row


def test_a_clear_report_says_nothing_of_it(cli, tmp_path):
    root = repo_with_a_vague_task(tmp_path / "r", vague=False)
    assert "rõ việc (5 rõ)" not in cli("-C", str(root), "report", "--unit", "huyen-t", "--year", "2022").out
