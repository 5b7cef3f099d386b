"""`--public` computes from the public repository: every public output of a repository with
confidential items equals the output of a copy from which those items were deleted by hand, but for
the line that says how many were left out; and no output holds a confidential string
(spec/quality.md, Security)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES
from test_report import confidential_strings

VP = EXAMPLES / "vinh-phuc"
LAN = "assignments/2022/so-noi-vu-vinh-phuc/ngo-thi-lan.yaml"  # its task 03 is confidential
AN = "assignments/2022/nguyet-duc/nguyen-van-an.yaml"
GIANG_2024 = "assignments/2024/trung-nguyen/vu-thi-giang.yaml"
CUONG_2024 = "assignments/2024/tam-hong/le-van-cuong.yaml"
COUNCIL_2022 = "evaluations/2022/hoi-dong-danh-gia-huyen-yen-lac.yaml"
COUNCIL_2024 = "evaluations/2024/hoi-dong-danh-gia-huyen-yen-lac.yaml"
EM_2024 = "assignments/2024/yen-dong/hoang-van-em.yaml"
LATER_2024 = "evaluations/2024/later.yaml"
EM_SCORED_2024 = '      "03": {score: 1, note: Hoàn thành đúng hạn}\n'
EM_PUBLIC_SCORE = '      "01": {score: 2, note: Bàn giao chậm một phần mặt bằng}\n'
LATER_SESSION = """apiVersion: giaoviec/v1
kind: Evaluation
council: hoi-dong-danh-gia-huyen-yen-lac
period: {from: 2024-01-01, to: 2024-12-31}
date: 2024-12-30
basis: {number: 42-BB/HĐĐG, date: 2024-12-30}
evaluations:
  - cadre: hoang-van-em
    tasks:
      "03": {score: 1, note: MẬT-PHIÊN-SAU chấm đường hoa}
"""

SECRET_TASK = """  - id: "90"
    what: Xác minh đơn tố cáo MẬT-NHIỆM-VỤ đối với 4 cán bộ xã
    who: {lead: nguyen-van-an}
    when: {due: 2022-06-30}
    result:
      product: Báo cáo xác minh MẬT-SẢN-PHẨM
      measure: {indicator: Số đơn được xác minh, unit: đơn, target: 4}
    responsibility: {accountable: nguyen-van-an}
    weight: 9
    confidential: true
    progress:
      - {date: 2022-06-30, value: 1, note: MẬT-TIẾN-ĐỘ mới xác minh 1 đơn}
"""

SECRET_AMENDMENT = """  - date: 2022-05-02
    decision: 199-QĐ/HU
    tasks: ["90"]
    note: MẬT-ĐIỀU-CHỈNH lùi hạn xác minh đơn tố cáo
"""

CUONG_SECRET = """apiVersion: giaoviec/v1
kind: Assignment
cadre: le-van-cuong
unit: tam-hong
position: Bí thư Đảng ủy xã
program: breakthrough
period: {from: 2022-01-01, to: 2022-12-31}
status: closed
confidential: true
tasks:
  - id: "01"
    what: Xử lý MẬT-CƯỜNG 3 vụ việc phức tạp về an ninh
    when: {due: 2022-03-31}
    result:
      product: Báo cáo MẬT-CƯỜNG-SẢN-PHẨM
      measure: {indicator: Số vụ, unit: vụ, target: 3}
    weight: 5
    outcome: {done_on: 2022-12-20, value: 1, evidence: [MẬT-CƯỜNG-MINH-CHỨNG]}
"""

EM_SECRET_WITH_ERROR = """apiVersion: giaoviec/v1
kind: Assignment
cadre: hoang-van-em
unit: yen-dong
program: breakthrough
period: {from: 2022-01-01, to: 2022-12-31}
confidential: true
tasks:
  - id: "01"
    what: Nhiệm vụ MẬT-EM-NHIỆM-VỤ của Bí thư
    when: {due: MẬT-EM-NGÀY-SAI}
    secret_field: MẬT-EM-TRƯỜNG-LẠ
"""

BROKEN_SECRET = """apiVersion: giaoviec/v1
kind: Assignment
confidential: true
cadre: hoang-van-em
tasks: [ {id: "01", what: "MẬT-HỎNG tệp hỏng
"""

SECRETS = ("MẬT-", "MẬT:")  # every confidential text written here, and the example's


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> tuple[Path, Path]:
    """(with confidential items, the same with them deleted by hand)."""
    base = tmp_path_factory.mktemp("public")
    secret, by_hand = base / "secret", base / "by-hand"
    shutil.copytree(VP, secret)
    shutil.copytree(VP, by_hand)
    # a confidential task with an amendment that names it and a council score of it
    _edit(secret, AN, "amendments:\n", "amendments:\n" + SECRET_AMENDMENT)
    (secret / AN).write_text((secret / AN).read_text(encoding="utf-8").rstrip("\n") + "\n\n" + SECRET_TASK, encoding="utf-8")
    _edit(secret, COUNCIL_2022, '      "16": {score: 2,', '      "90": {score: 9, note: MẬT-HỘI-ĐỒNG chấm đơn tố cáo}\n      "16": {score: 2,')
    # a confidential task with an error in a published file: internally the whole file is left out, and named
    _edit(secret, LAN, "outcome: {done_on: 2023-06-15,", 'outcome: {done_on: "MẬT-LAN-NGÀY",')
    # a confidential file of a cadre who has another assignment (his council entry names no program)
    (secret / "assignments/2022/tam-hong/le-van-cuong-mat.yaml").write_text(CUONG_SECRET, encoding="utf-8")
    # a confidential file with errors, and one that is not even YAML
    (secret / "assignments/2022/yen-dong/hoang-van-em-mat.yaml").write_text(EM_SECRET_WITH_ERROR, encoding="utf-8")
    (secret / "assignments/2022/yen-dong/hong.yaml").write_text(BROKEN_SECRET, encoding="utf-8")
    # a whole confidential file in a quota group (2024, secretaries of Yên Lạc's communes), with a council entry
    _edit(secret, GIANG_2024, "status: closed\n", "status: closed\nconfidential: true\n")
    _edit(secret, CUONG_2024, "status: closed\n", "status: closed\nconfidential: true\n")  # rated excellent: over the quota
    # a confidential task of 2024 scored at two sessions: at 41-BB with a published task, alone at a later
    # one (42-BB), whose entry is left empty without it: it must supersede nothing, nor be named
    _edit(secret, EM_2024, "    weight: 1\n    outcome: {done_on: 2024-10-15}", "    weight: 1\n    confidential: true\n    outcome: {done_on: 2024-10-15}")
    _edit(secret, COUNCIL_2024, EM_SCORED_2024, EM_PUBLIC_SCORE + EM_SCORED_2024.replace("Hoàn thành", "MẬT-HĐ-41 Hoàn thành"))
    (secret / LATER_2024).write_text(LATER_SESSION, encoding="utf-8")
    # by hand: Em's task 03 and its scores deleted, then the entry left empty, so the session holds none
    text = (by_hand / EM_2024).read_text(encoding="utf-8")
    (by_hand / EM_2024).write_text(text[:text.index('  - id: "03"')], encoding="utf-8")
    _edit(by_hand, COUNCIL_2024, EM_SCORED_2024, EM_PUBLIC_SCORE)
    (by_hand / LATER_2024).write_text(LATER_SESSION[:LATER_SESSION.index("evaluations:")] + "evaluations: []\n", encoding="utf-8")
    # by hand: the example's confidential task deleted; Giang's and Cường's 2024 files and Giang's council entry deleted
    text = (by_hand / LAN).read_text(encoding="utf-8")
    (by_hand / LAN).write_text(text[:text.index('  - id: "03"')], encoding="utf-8")
    (by_hand / GIANG_2024).unlink()
    (by_hand / CUONG_2024).unlink()
    _edit(by_hand, COUNCIL_2024, "  - cadre: vu-thi-giang\n    discipline: reprimand\n", "")
    return secret, by_hand


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    return "\n".join(f"{ws.title}: " + "|".join("" if v is None else str(v) for v in row)
                     for ws in wb.worksheets for row in ws.iter_rows(values_only=True))


OUTPUTS = {  # name → the command's arguments after -C ROOT (YEAR filled in); FILE: written there and read back
    "report-md": ["report", "--unit", "vinh-phuc", "--year", "{year}", "--date", "2025-01-10"],
    "report-html": ["report", "--unit", "vinh-phuc", "--year", "{year}", "--date", "2025-01-10", "--format", "html"],
    "report-docx": ["report", "--unit", "yen-lac", "--year", "{year}", "--date", "2025-01-10", "--format", "docx", "--out", "FILE.docx"],
    "score-table": ["score", "{year}"],
    "score-explain": ["score", "{year}", "--explain"],
    "score-json": ["score", "{year}", "--format", "json"],
    "score-csv": ["score", "{year}", "--format", "csv"],
    "score-md": ["score", "{year}", "--format", "md"],
    "stats": ["stats", "--year", "{year}"],
    "stats-json": ["stats", "--year", "{year}", "--format", "json"],
    "export-csv": ["export", "--year", "{year}", "--format", "csv"],
    "export-json": ["export", "--year", "{year}", "--format", "json"],
    "export-xlsx": ["export", "--year", "{year}", "--out", "FILE.xlsx"],
    "status": ["status", "--as-of", "{year}-06-30"],
    "status-json": ["status", "--as-of", "{year}-06-30", "--format", "json"],
}
PUBLIC_LINE = re.compile(r"^.*(Bản công khai: đã lược bỏ|\"public\": \{|\"confidential_(assignments|tasks)\").*\n?", re.MULTILINE)


def _run(cli, root: Path, args: list[str], year: str, public: bool, out_dir: Path) -> tuple[int, str]:
    args = [a.format(year=year) for a in args]
    target = next((a for a in args if a.startswith("FILE.")), None)
    if target is not None:
        path = out_dir / f"{root.name}-{year}-{'public' if public else 'internal'}{Path(target).suffix}"
        args = [str(path) if a == target else a for a in args] + ["--force"]
    run = cli("-C", str(root), *args, *(["--public"] if public else []))
    text = run.out + run.err
    if target is not None:
        text = text.replace(str(path), "OUT") + (_docx_text(path) if path.suffix == ".docx" else _xlsx_text(path))
    return run.code, text


@pytest.mark.parametrize("year", ["2022", "2024"])
@pytest.mark.parametrize("name", list(OUTPUTS))
def test_public_output_equals_the_output_without_the_confidential_items(cli, pair, tmp_path, name, year):
    secret, by_hand = pair
    code, public = _run(cli, secret, OUTPUTS[name], year, True, tmp_path)
    hand_code, hand = _run(cli, by_hand, OUTPUTS[name], year, True, tmp_path)
    for text in (public, hand):
        if name.endswith("json") and name != "export-json":
            assert "public" in json.loads(text[:text.rindex("}") + 1])
    assert PUBLIC_LINE.sub("", public.replace(str(secret), "ROOT")) == PUBLIC_LINE.sub("", hand.replace(str(by_hand), "ROOT"))
    assert code == hand_code
    for word in SECRETS:
        assert word not in public, (name, year, word)
    assert PUBLIC_LINE.search(public) and PUBLIC_LINE.search(hand)  # each says what it left out (the copy: none)


def test_the_public_line_counts_what_was_left_out(cli, pair):
    secret, by_hand = pair
    run = cli("-C", str(secret), "report", "--unit", "vinh-phuc", "--year", "2022", "--public")
    assert "đã lược bỏ 3 tệp giao việc mật và 2 nhiệm vụ mật" in run.out  # Cường's, Em's and the broken file; Lan's 03, An's 90
    assert "đã lược bỏ 3 tệp giao việc mật và 1 nhiệm vụ mật" in cli(  # Giang's and Cường's 2024 files, the broken file
        "-C", str(secret), "report", "--unit", "vinh-phuc", "--year", "2024", "--public").out  # (its year unknown); Em's 03;
    # Lan's 03 is due in 2023: in a file of 2022-2024 it does not count in 2024, so it is not counted as left out of 2024
    assert "đã lược bỏ 0 tệp giao việc mật và 0 nhiệm vụ mật" in cli(
        "-C", str(by_hand), "report", "--unit", "vinh-phuc", "--year", "2022", "--public").out
    got = cli("-C", str(secret), "score", "2022", "--format", "json", "--public").json()["public"]
    assert got == {"confidential_assignments": 3, "confidential_tasks": 2}
    scoped = cli("-C", str(secret), "score", "2022", "--unit", "so-noi-vu-vinh-phuc", "--format", "json", "--public").json()["public"]
    assert scoped == {"confidential_assignments": 1, "confidential_tasks": 1}  # in the unit: Lan's 03, and the broken
    # file, whose unit cannot be read (counted wherever it may belong)


def test_a_council_entry_left_empty_supersedes_nothing(cli, pair):
    """Em's entry at the later session 42-BB scores only his confidential task: the public outputs
    keep 41-BB's score of his task 01 and name 42-BB nowhere, as the copy from which both were deleted."""
    secret, _by_hand = pair
    report = cli("-C", str(secret), "report", "--unit", "vinh-phuc", "--year", "2024", "--public", "--date", "2025-01-10").out
    assert "42-BB" not in report and "41-BB/HĐĐG: 1 nhiệm vụ" in report
    assert "0 nhiệm vụ được hội đồng chấm điểm" not in report
    em = {c["cadre"]: c for c in cli("-C", str(secret), "score", "2024", "--format", "json", "--public").json()["cadres"]}["hoang-van-em"]
    internal = {c["cadre"]: c for c in cli("-C", str(secret), "score", "2024", "--format", "json").json()["cadres"]}["hoang-van-em"]
    assert em["points"] < 100 and em["points"] != internal["points"]


@pytest.mark.parametrize("year", ["2022", "2023", "2024"])
def test_the_export_counts_the_rows_it_leaves_out(cli, year):
    """An export lists every task of the files in scope: its count is of the confidential tasks it does
    not list (Lan's 03, in a file of 2022-2024), where score counts those that count in the year."""
    internal = cli("-C", str(VP), "export", "--year", year, "--format", "json").json()
    public = cli("-C", str(VP), "export", "--year", year, "--format", "json", "--public").json()
    assert public["public"]["confidential_assignments"] == 0
    assert public["public"]["confidential_tasks"] == len(internal["tasks"]) - len(public["tasks"]) == 1
    csv = cli("-C", str(VP), "export", "--year", year, "--format", "csv", "--public").out
    assert "0 tệp giao việc mật và 1 nhiệm vụ mật" in csv
    scored = cli("-C", str(VP), "score", year, "--format", "json", "--public").json()["public"]
    assert scored["confidential_tasks"] == (0 if year == "2024" else 1)  # the year's results count the year's
    # tasks: Lan's 03 has a checkpoint in 2022, its due date in 2023


def test_the_internal_outputs_differ(cli, pair):
    """The confidential items do change the internal outputs: the comparisons above test something."""
    secret, by_hand = pair
    internal = cli("-C", str(secret), "report", "--unit", "vinh-phuc", "--year", "2022").out
    assert "MẬT-ĐIỀU-CHỈNH" in internal and "MẬT-HỘI-ĐỒNG" in internal  # the amendment and the council's note
    assert "MẬT-EM-" in internal  # the incomplete-data notice quotes the confidential file's content
    assert "ngo-thi-lan.yaml:" in internal  # Lan's file, left out for its confidential task's error
    quota = [line for line in cli("-C", str(secret), "report", "--unit", "vinh-phuc", "--year", "2024").out.splitlines() if "Vượt tỷ lệ" in line]
    hand_quota = [line for line in cli("-C", str(by_hand), "report", "--unit", "vinh-phuc", "--year", "2024").out.splitlines() if "Vượt tỷ lệ" in line]
    assert quota and not hand_quota  # Cường's confidential file counts in his group's quota
    scores = {c["cadre"]: c for c in cli("-C", str(secret), "score", "2022", "--format", "json").json()["cadres"]}
    public = {c["cadre"]: c for c in cli("-C", str(secret), "score", "2022", "--format", "json", "--public").json()["cadres"]}
    assert scores["nguyen-van-an"]["counts"] != public["nguyen-van-an"]["counts"]  # "2/8 late or undone" counted the hidden task
    assert scores["nguyen-van-an"]["tier_reason"] != public["nguyen-van-an"]["tier_reason"]
    assert "ngo-thi-lan" not in scores and "ngo-thi-lan" in public  # internally left out for its confidential task's error


def test_findings_are_placed_where_the_items_are_written(tmp_path):
    """A finding about a published task after a confidential one points at its own line."""
    from giaoviec.load.documents import read_file
    from giaoviec.model.public import Withholding

    (tmp_path / "a.yaml").write_text("""apiVersion: giaoviec/v1
kind: Assignment
cadre: x
unit: u
program: focus
period: {from: 2022-01-01, to: 2022-12-31}
tasks:
  - id: "01"
    what: Việc mật
    confidential: true
  - id: "02"
    what: Việc công khai
    weight: -1
""", encoding="utf-8")
    withheld = Withholding()
    docs, found = read_file(tmp_path, "a.yaml", withhold=withheld)
    (d,) = found
    assert d.line == 13 and d.where is not None and d.where.loc[:2] == ("tasks", 1)
    assert [w.tasks for w in withheld.items] == [("01",)]
    assert docs == [] or all("Việc mật" not in str(doc.model) for doc in docs)


def test_every_confidential_string_of_the_examples_is_absent(cli, pair):
    secret, _by_hand = pair
    secrets = confidential_strings(secret)
    assert secrets
    for args in (["report", "--unit", "vinh-phuc", "--year", "2022"], ["export", "--year", "2022", "--format", "json"],
                 ["score", "2022", "--explain"], ["status", "--as-of", "2022-06-30"]):
        out = cli("-C", str(secret), *args, "--public")
        for s in secrets:
            assert s not in out.out + out.err, (args, s)


def test_documents_read_again_are_read_as_the_public_pass_read_them(cli, pair, monkeypatch):
    """A province too big to keep its models reads each again for the report's sections: as public."""
    from giaoviec.app import kept as kept_app

    secret, _by_hand = pair
    kept = cli("-C", str(secret), "report", "--unit", "vinh-phuc", "--year", "2022", "--public", "--date", "2025-01-10").out
    monkeypatch.setattr(kept_app, "KEPT_TASKS", 0)
    again = cli("-C", str(secret), "report", "--unit", "vinh-phuc", "--year", "2022", "--public", "--date", "2025-01-10").out
    assert again == kept and "MẬT" not in again


# -- diff --public: the review of two public revisions ----------------------------------------------

SECRET_TASK_2024 = """  - id: "03"
    what: Xác minh MẬT-DIFF-NHIỆM-VỤ đơn thư
    when: {due: 2024-11-30}
    result: {product: Báo cáo MẬT-DIFF-SẢN-PHẨM}
    weight: 5
    confidential: true
    outcome: {done_on: 2024-11-20}
"""
SECRET_FILE_2024 = """apiVersion: giaoviec/v1
kind: Assignment
cadre: le-thi-mai
unit: xa-dong
program: breakthrough
period: {from: 2024-01-01, to: 2024-12-31}
status: closed
confidential: true
tasks:
  - id: "01"
    what: Việc MẬT-DIFF-TỆP của Bí thư
    when: {due: 2024-06-30}
    result: {product: Báo cáo MẬT-DIFF-TỆP-SẢN-PHẨM}
    weight: 2
"""


def _git_pair(cli, base: Path, secret: bool) -> Path:
    from test_review import ASSIGNMENT, CADRES, EVALUATION, REL, UNITS_ADD, git

    root = base / ("secret" if secret else "by-hand")
    assert cli("init", str(root), "--organization", "Đảng bộ tỉnh Phú Thọ").code == 0
    (root / "org/cadres.yaml").write_text(CADRES, encoding="utf-8")
    with open(root / "org/units.yaml", "a", encoding="utf-8") as units:
        units.write(UNITS_ADD)
    (root / REL).parent.mkdir(parents=True)
    (root / REL).write_text(ASSIGNMENT + (SECRET_TASK_2024 if secret else ""), encoding="utf-8")
    (root / "evaluations/2024").mkdir(parents=True)
    council = EVALUATION + ('      "03": {score: 4, note: MẬT-DIFF-HỘI-ĐỒNG}\n' if secret else "")
    (root / "evaluations/2024/hoi-dong-danh-gia.yaml").write_text(council.replace("- cadre: le-thi-mai\n", "- cadre: le-thi-mai\n    program: focus\n"),
                                                               encoding="utf-8")
    if secret:
        (root / "assignments/2024/xa-dong/le-thi-mai-mat.yaml").write_text(SECRET_FILE_2024, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    _edit(root, REL, "target: 12}", "target: 8}")  # a public change: the target lowered without a decision
    if secret:  # and confidential changes: a due date, a whole file, a council score
        _edit(root, REL, "when: {due: 2024-11-30}", "when: {due: 2024-12-30}")
        _edit(root, "assignments/2024/xa-dong/le-thi-mai-mat.yaml", "weight: 2", "weight: 4")
        _edit(root, "evaluations/2024/hoi-dong-danh-gia.yaml", "score: 4, note: MẬT", "score: 5, note: MẬT")
    git(root, "commit", "-qam", "change")
    return root


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_public_diff_equals_the_diff_without_the_confidential_items(cli, tmp_path, fmt):
    secret, by_hand = _git_pair(cli, tmp_path, True), _git_pair(cli, tmp_path, False)
    public = cli("-C", str(secret), "diff", "HEAD~1", "HEAD", "--format", fmt, "--public")
    hand = cli("-C", str(by_hand), "diff", "HEAD~1", "HEAD", "--format", fmt, "--public")
    assert public.code == hand.code
    assert PUBLIC_LINE.sub("", public.out) == PUBLIC_LINE.sub("", hand.out)
    assert "MẬT" not in public.out + public.err and PUBLIC_LINE.search(public.out)
    assert "chỉ tiêu giảm từ 12 xuống 8" in public.out or fmt == "json"
    internal = cli("-C", str(secret), "diff", "HEAD~1", "HEAD", "--format", fmt)
    assert "MẬT" in internal.out or "le-thi-mai-mat.yaml" in internal.out  # the internal diff does show them
