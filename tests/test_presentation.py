"""Vietnamese for people: every human-readable output of the examples, in Vietnamese, holds no ISO
date and no English code word (focus, closed, on-time…); dates are dd/mm/yyyy or "ngày … tháng …
năm …", decimals have a comma. Machine outputs (json, csv) keep ISO dates and points."""

from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from conftest import EXAMPLES, copy_example, subprocess_cli

VP = str(EXAMPLES / "vinh-phuc")
ISO = re.compile(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/-])")
# the codes of the data's vocabulary, which a Vietnamese reader must never see
CODE_WORDS = re.compile(r"(?<![\w.-])(focus|breakthrough|action-program|product-contract|proposed|appraised|assigned|closed|"
                        r"exceeded|on-time|late|not-done|overdue|in-progress|cancelled|excellent|good|completed|not-completed|"
                        r"pending|secretary|chair|deputy|director|member|increase|decrease|reprimand|warning|dismissal|"
                        r"expulsion|general|tasks|reform|quarterly|monthly|true|false|none|provisional|weight|points)(?![\w-])")
EXCERPT = re.compile(r"^\s*\d*\s*\|")  # validate quotes the file's own lines: data, not giaoviec's words


def human(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not EXCERPT.match(line))


def check(name: str, text: str) -> None:
    text = human(text)
    assert not ISO.findall(text), (name, ISO.findall(text)[:5])
    assert not CODE_WORDS.findall(text), (name, CODE_WORDS.findall(text)[:5])


def docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("args", [
    ["validate"],
    ["score", "2022"], ["score", "2022", "--explain"], ["score", "2024", "--explain"], ["score", "2025", "--explain"],
    ["score", "2022", "--format", "md"],
    ["report", "--unit", "yen-lac", "--year", "2022"], ["report", "--unit", "yen-lac", "--year", "2024"],
    ["report", "--unit", "vinh-phuc", "--year", "2022", "--format", "html"],
    ["stats", "--year", "2022"], ["status", "--as-of", "2022-10-15"],
], ids=lambda a: " ".join(a))
def test_text_outputs_are_vietnamese(cli, args):
    run = cli("-C", VP, *args)
    assert run.code == 0, run.err
    text = run.out + run.err
    if "html" in args:
        text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", text, flags=re.S)
    check(" ".join(args), text)


def test_decimal_commas_and_vietnamese_dates(cli):
    table = cli("-C", VP, "score", "2022").out
    assert re.search(r"\b95,97\b", table) and "95.97" not in table
    assert "31/12/2022" in table
    explain = cli("-C", VP, "score", "2022", "--explain").out
    assert "hoàn thành ngày 25/09/2022, hạn 30/09/2022" in explain or "hạn 30/09/2022" in explain
    assert "nhiệm vụ chậm hoặc chưa xong" in explain  # the conditions in words, not their keys
    assert "_share" not in explain


def test_word_and_pdf_are_vietnamese(cli, tmp_path):
    out = tmp_path / "r.docx"
    assert cli("-C", VP, "report", "--unit", "yen-lac", "--year", "2022", "--format", "docx", "--out", str(out), "--date", "2023-01-10").code == 0
    text = docx_text(out.read_bytes())
    check("docx", text)
    assert "ngày 10 tháng 01 năm 2023" in text


def test_the_workbook_shows_vietnamese_dates(cli, tmp_path):
    out = tmp_path / "x.xlsx"
    assert cli("-C", VP, "export", "--year", "2022", "--out", str(out)).code == 0
    wb = load_workbook(out)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert not ISO.search(cell.value), (ws.title, cell.coordinate, cell.value)
                if cell.is_date:
                    assert cell.number_format in ("dd/mm/yyyy", "DD/MM/YYYY"), (ws.title, cell.coordinate, cell.number_format)


def test_diff_is_vietnamese(tmp_path):
    root = copy_example(tmp_path / "vp")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env)
    path = root / "assignments/2024/yen-dong/hoang-van-em.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("when: {due: 2024-06-30}", "when: {due: 2024-08-31}", 1), encoding="utf-8")
    run = subprocess_cli("diff", "main", cwd=root)
    check("diff", run.out)
    assert "30/06/2024" in run.out and "31/08/2024" in run.out


def test_machine_outputs_keep_iso_and_points(cli):
    js = cli("-C", VP, "score", "2022", "--format", "json").json()
    assert js["as_of"] == "2022-12-31"
    csv = cli("-C", VP, "score", "2022", "--format", "csv").out
    assert "2022-12-31" in csv and "95.97" in csv


def test_docx_is_a_zip_with_the_given_date(cli, tmp_path):
    out = tmp_path / "r.docx"
    cli("-C", VP, "report", "--unit", "yen-lac", "--year", "2022", "--format", "docx", "--out", str(out), "--date", "2023-01-10")
    with zipfile.ZipFile(out) as z:
        assert {i.date_time[:3] for i in z.infolist()} == {(2023, 1, 10)}
