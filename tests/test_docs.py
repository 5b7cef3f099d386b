"""What the README and the user guide show is what the code prints."""

from __future__ import annotations

import re
import shutil

from conftest import EXAMPLES, PROJECT

DEMO_FILE = "assignments/2022/tam-hong/pham-thi-dung.yaml"


def make_demo(tmp_path):
    """The example repository with task 02's due date removed and task 03 worded vaguely."""
    root = tmp_path / "demo"
    shutil.copytree(EXAMPLES / "vinh-phuc", root)
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
    assert run.out == "" and run.err.strip() in readme


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
