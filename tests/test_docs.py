"""What the README and the user guide show is what the code prints."""

from __future__ import annotations

import re

from conftest import DRAFT, EXAMPLES, PROJECT, copy_example

DEMO_FILE = "assignments/2022/tam-hong/pham-thi-dung.yaml"


def make_demo(tmp_path):
    """The example repository (without its draft) with task 02's due date removed and task 03 worded vaguely."""
    root = copy_example(tmp_path / "demo")
    path = root / DEMO_FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace("    when: {due: 2022-11-30}\n", "    when: {start: 2022-02-15}\n", 1)
    text = text.replace("what: Hoàn thành 100% hồ sơ thủ tục hành chính đúng hạn", "what: Tăng cường cải cách hành chính")
    text = text.replace('      measure: {indicator: Tỷ lệ hồ sơ đúng hạn, unit: "%", target: 100}\n', "")
    text = text.replace("      product: Báo cáo kết quả giải quyết thủ tục hành chính trên Cổng dịch vụ công\n", "      product: Chuyển biến tích cực\n")
    path.write_text(text, encoding="utf-8")
    return root


def shown_block(text: str, marker: str) -> str:
    """The first ```text block after `marker`, without its `$ command` line."""
    after = text[text.index(marker):]
    block = re.search(r"```text\n(.*?)```", after, re.S).group(1)
    return "\n".join(line for line in block.splitlines() if not line.startswith("$ "))


def test_readme_validate_output_is_true(cli, tmp_path):
    root = make_demo(tmp_path)
    run = cli("validate", cwd=root)
    assert run.code == 1
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert shown_block(readme, "## What a finding looks like").strip() == (run.out + run.err).strip()


def test_readme_first_command_output(cli):
    run = cli("-C", str(EXAMPLES / "vinh-phuc"), "validate")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert run.code == 0 and run.err.strip() in readme
    assert {line.split(":")[0] for line in run.out.splitlines() if "cảnh báo [" in line} == {DRAFT}
    guide = (PROJECT / "docs" / "ro-viec.md").read_text(encoding="utf-8")
    assert shown_block(guide, "<!-- demo: draft -->").strip() == (run.out + run.err).strip()


def test_guide_outputs_are_true(cli, tmp_path):
    guide = (PROJECT / "docs" / "lenh.md").read_text(encoding="utf-8")
    root = make_demo(tmp_path)
    text_run = cli("validate", cwd=root)
    assert shown_block(guide, "<!-- demo: validate text -->").strip() == (text_run.out + text_run.err).strip()
    gh = cli("validate", "--format", "github", cwd=root)
    assert shown_block(guide, "<!-- demo: validate github -->").strip() == gh.out.strip()
    js = cli("validate", "--format", "json", cwd=root)
    assert shown_block(guide, "<!-- demo: validate json -->").strip() == js.out.strip()


def test_readme_score_output_is_true(cli):
    run = cli("-C", str(EXAMPLES / "vinh-phuc"), "score", "2022")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert shown_block(readme, "## Scoring a year").strip() == (run.out + run.err).strip()


def test_scoring_guide_explain_is_true(cli):
    run = cli("-C", str(EXAMPLES / "vinh-phuc"), "score", "2024", "--unit", "yen-dong", "--explain")
    guide = (PROJECT / "docs" / "cham-diem.md").read_text(encoding="utf-8")
    assert shown_block(guide, "Ví dụ giải thích").strip() == run.out.strip()


def test_review_guide_outputs_are_true(tmp_path):
    """The diff, validate --base and progress examples of the pull-request guide, replayed."""
    import os
    import subprocess

    from conftest import subprocess_cli

    root = copy_example(tmp_path / "vp")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env)

    def edit(rel, old, new):
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    edit("assignments/2024/yen-dong/hoang-van-em.yaml", "    when: {due: 2024-06-30}\n", "    when: {due: 2024-08-31}\n")
    edit("assignments/2024/tam-hong/le-van-cuong.yaml", "đảng viên, target: 12}", "đảng viên, target: 16}")
    guide = (PROJECT / "docs" / "quy-trinh-pull-request.md").read_text(encoding="utf-8")
    diff = subprocess_cli("diff", "main", cwd=root)
    assert shown_block(guide, "<!-- demo: diff text -->").strip() == diff.out.strip()
    base = subprocess_cli("validate", "--base", "main", cwd=root)
    assert base.code == 1
    assert shown_block(guide, "<!-- demo: validate base -->").strip() == (base.out + base.err).strip()
    progress = subprocess_cli("progress", "assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml#01", "--value", "3",
                              "--note", "Đã chuẩn hóa dữ liệu xã cũ Trung Kiên", "--date", "2026-11-20", cwd=root)
    assert shown_block(guide, "<!-- demo: progress -->").strip() == progress.out.strip()


def test_stats_guide_output_is_true(cli):
    run = cli("-C", str(EXAMPLES / "vinh-phuc"), "stats", "--year", "2022", "--unit", "yen-lac")
    guide = (PROJECT / "docs" / "bao-cao.md").read_text(encoding="utf-8")
    assert shown_block(guide, "<!-- demo: stats -->").strip() == run.out.strip()


def test_spreadsheet_guide_import_output_is_true(cli, tmp_path):
    """docs/bang-tinh.md: the three cells edited in the example's 2022 export, as the guide says."""
    import datetime as dt

    from openpyxl import load_workbook

    root = copy_example(tmp_path / "vp")
    book = tmp_path / "giao-viec-2022.xlsx"
    assert cli("-C", str(root), "export", "--year", "2022", "--out", str(book)).code == 0
    wb = load_workbook(book)
    ws = wb["Nhiệm vụ"]
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}

    def row(cadre: str, task: str) -> int:
        return next(r for r in range(2, ws.max_row + 1) if (ws.cell(r, col["Mã cán bộ"]).value, ws.cell(r, col["Mã nhiệm vụ"]).value) == (cadre, task))

    r = row("pham-thi-dung", "01")
    ws.cell(r, col["Ngày báo cáo gần nhất"]).value = dt.datetime(2022, 11, 30)
    ws.cell(r, col["Giá trị báo cáo gần nhất"]).value = 8.1
    ws.cell(r, col["Nội dung báo cáo gần nhất"]).value = "Thu đạt 90% kế hoạch"
    ws.cell(row("tran-thi-binh", "02"), col["Kết quả cuối cùng"]).value = 41
    ws.cell(row("nguyen-van-an", "10"), col["Điểm hội đồng"]).value = 3
    wb.save(book)
    run = cli("import", str(book), "--dry-run", cwd=root)
    guide = (PROJECT / "docs" / "bang-tinh.md").read_text(encoding="utf-8")
    assert run.code == 0 and shown_block(guide, "<!-- demo: import dry-run -->").strip() == (run.out + run.err).strip()
