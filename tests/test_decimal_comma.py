"""A decimal comma, as Vietnamese writes numbers: accepted on the command line (as the Excel import
accepts it), refused in YAML at its place with "write 12.5"; a date that does not exist is said so
wherever it is typed; `progress --evidence` records what the check-in rests on."""

from __future__ import annotations

import json

import pytest

from conftest import build_repo

REL = "assignments/2022/xa-a/can-bo-a.yaml"


def _validate(cli, root) -> list[dict]:
    return json.loads(cli("-C", str(root), "validate", "--format", "json").out)["diagnostics"]


@pytest.mark.parametrize("reader", ["fast", "precise"])
@pytest.mark.parametrize("old,new,line,column,written", [
    ("weight: 2\n", "weight: 0,8\n", 17, 13, "0.8"),  # block style: the text '0,8'
    ("unit: vụ, target: 12}", "unit: vụ, target: 12,5}", 15, 56, "12.5"),  # inside { }: the comma splits the number
    ("- {date: 2022-03-31, value: 4}", "- {date: 2022-03-31, value: 4,5}", 19, 37, "4.5"),
])
def test_a_decimal_comma_in_yaml_is_answered_write_a_point(cli, tmp_path, monkeypatch, reader, old, new, line, column, written):
    monkeypatch.setenv("GIAOVIEC_READER", reader)
    root = build_repo(tmp_path)
    text = (root / REL).read_text(encoding="utf-8")
    assert old in text
    (root / REL).write_text(text.replace(old, new), encoding="utf-8")
    (found,) = _validate(cli, root)
    assert (found["line"], found["column"]) == (line, column), found
    assert f"viết {written}" in found["hint"], found


def test_the_command_line_takes_a_decimal_comma(cli, tmp_path):
    root = build_repo(tmp_path)
    run = cli("-C", str(root), "progress", f"{REL}#01", "--value", "18,5", "--date", "2022-05-10")
    assert run.code == 0, run.out + run.err
    assert "value: 18.5" in (root / REL).read_text(encoding="utf-8")
    for ambiguous in ("1.500,5", "1,500.5", "mười"):
        run = cli("-C", str(root), "progress", f"{REL}#01", "--value", ambiguous, "--date", "2022-05-11")
        assert run.code == 2 and "18.5" in run.err, run.err


@pytest.mark.parametrize("args", [("status", "--as-of", "2025-09-31"), ("progress", f"{REL}#01", "--value", "1", "--date", "2022-09-31")])
def test_a_date_that_does_not_exist_on_the_command_line(cli, tmp_path, args):
    run = cli("-C", str(build_repo(tmp_path)), *args)
    assert run.code == 2 and "không có trên lịch" in run.err and "YYYY-MM-DD" not in run.err, run.err


def test_a_date_that_does_not_exist_in_yaml(cli, tmp_path):
    root = build_repo(tmp_path)
    text = (root / REL).read_text(encoding="utf-8")
    (root / REL).write_text(text.replace("due: 2022-10-31", "due: 2022-09-31"), encoding="utf-8")
    (found,) = _validate(cli, root)
    assert found["code"] == "schema.date-invalid" and "không có trên lịch" in found["message"]


def test_progress_records_its_evidence(cli, tmp_path):
    root = build_repo(tmp_path)
    run = cli("-C", str(root), "progress", f"{REL}#02", "--value", "1", "--note", "Đã khởi công", "--date", "2022-05-10",
              "--evidence", "Biên bản khởi công ngày 10/5/2022", "--evidence", "https://example.test/bb.pdf")
    assert run.code == 0, run.out + run.err
    text = (root / REL).read_text(encoding="utf-8")
    assert 'evidence: ["Biên bản khởi công ngày 10/5/2022", "https://example.test/bb.pdf"]' in text
    assert cli("-C", str(root), "validate").code == 0
    from giaoviec.load.documents import read_file

    docs, _ = read_file(root, REL)
    check_in = docs[0].model.tasks[1].progress[-1]
    assert check_in.evidence == ("Biên bản khởi công ngày 10/5/2022", "https://example.test/bb.pdf")


@pytest.mark.parametrize("typed", ["1.200", "1.250.000", "-2.500"])
def test_the_command_line_refuses_a_point_before_thousands(cli, tmp_path, typed):
    """"1.200" is one thousand two hundred as Vietnamese writes it (and as the pages and reports print
    it): never read as 1.2 in silence, on the command line as in serve's form; the file is untouched."""
    root = build_repo(tmp_path)
    before = (root / REL).read_bytes()
    run = cli("-C", str(root), "progress", f"{REL}#01", "--value", typed, "--date", "2022-05-10")
    assert run.code == 2 and "không rõ nghĩa" in run.err and "1200" in run.err, run.err
    assert (root / REL).read_bytes() == before
    run = cli("-C", str(root), "progress", f"{REL}#01", "--value", "1.25", "--date", "2022-05-10")  # not three digits: a decimal
    assert run.code == 0 and "value: 1.25" in (root / REL).read_text(encoding="utf-8"), run.err
