"""Every code is registered once (giaoviec.codes), with its severity and examples; every code the
source can emit is registered; every registered code is produced by a case of a test corpus:
tests/data/invalid (validate), tests/data/sheets (import), tests/data/results (score)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook
from pydantic import BaseModel, Field

from conftest import DATA, PROJECT, build_repo
from giaoviec.codes import BY_CODE, CODES
from giaoviec.load.schema_errors import CODES as SCHEMA_CODES
from giaoviec.load.schema_errors import MESSAGES, schema_diagnostics

SRC = PROJECT / "src" / "giaoviec"
LITERAL = re.compile(r'"((?:yaml|schema|ref|date|clarity|eval|profile|config|amend|sheet|score)\.[a-z_-]+)"')
UNIT_TESTED = {  # codes whose case is not a corpus folder, and the test that produces them
    "amend.missing": "tests/test_review.py (needs two git revisions)",
    "file.link-outside": "tests/test_hardening.py (a link out of the repository cannot be committed as data)",
    "file.nested-repository": "tests/test_nested_repos.py (needs a git repository inside another)",
    "file.unreadable": "tests/test_hardening.py (needs a folder without permissions)",
    "file.not-regular": "tests/test_trust_writes.py (a named pipe cannot be committed as data)",
    "file.too-large": "tests/test_trust_writes.py (a file of more than 32 MiB)",
    "file.journal-in-tree": "tests/test_trust_writes.py (beside the corpus's repositories, not in them)",
    "file.unfinished-write": "tests/test_trust_writes.py (needs a write killed while renaming)",
    "schema.value": "test_an_unnamed_pydantic_error_is_schema_value below",
    "sheet.layout": "tests/test_sheets.py::test_a_layout_the_editor_cannot_change_is_left_alone (needs its own file)",
}
SHEETS = sorted(p for p in (DATA / "sheets").iterdir() if p.is_dir())
RESULTS = sorted(p for p in (DATA / "results").iterdir() if p.is_dir())


def lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def corpus_codes() -> set[str]:
    codes: set[str] = set()
    for expect in [*(DATA / "invalid").glob("*/expect.txt"), *(DATA / "sheets").glob("*/expect.txt"), *(DATA / "results").glob("*/expect.txt")]:
        codes |= {line.split()[0] for line in lines(expect)}
    return codes


def test_codes_are_registered_once_with_examples():
    assert len(BY_CODE) == len(CODES)
    for c in CODES:
        assert c.good.strip() and c.bad.strip() and c.good != c.bad, c.code
        assert c.explanation.strip()


def test_every_code_the_source_emits_is_registered():
    emitted = set(SCHEMA_CODES.values())
    assert set(MESSAGES) <= set(SCHEMA_CODES), "every schema message has its stable code"
    for path in SRC.rglob("*.py"):
        if path.name != "codes.py":
            emitted |= set(LITERAL.findall(path.read_text(encoding="utf-8")))
    assert sorted(emitted - set(BY_CODE)) == []


DOC_CODE = re.compile(r"`((?:yaml|schema|ref|date|clarity|eval|profile|config|amend|sheet|score|file)\.[a-z_<>*-]+)`")


def test_every_code_the_user_guide_names_is_registered():
    """The guide names only codes the tool emits (a code renamed in codes.py is renamed in the docs),
    and the table of checks in docs/dinh-dang.md gives each its severity and names every code of
    validate (the sheet.* and score.* codes are documented with import and score)."""
    named: dict[str, set[str]] = {}
    for path in sorted((PROJECT / "docs").glob("*.md")):
        for code in DOC_CODE.findall(path.read_text(encoding="utf-8")):
            if not code.endswith((".*", ".py")):  # a family (sheet.*), a module (checks/amend.py)
                named.setdefault(code, set()).add(path.name)
    unknown = {code: sorted(pages) for code, pages in named.items() if code not in BY_CODE}
    assert unknown == {}
    guide = (PROJECT / "docs/dinh-dang.md").read_text(encoding="utf-8").split("## Các quy tắc kiểm tra", 1)[1].split("\n## ", 1)[0]
    table = [row for row in guide.splitlines() if row.startswith("| `")]
    severity = {"lỗi": "error", "cảnh báo": "warning"}
    listed: set[str] = set()
    for row in table:
        first, level = (cell.strip() for cell in row.strip("|").split("|")[:2])
        names = re.findall(r"`([^`]+)`", first)
        assert all(n in BY_CODE for n in names), row
        assert {BY_CODE[n].severity.value for n in names} == {severity[level]}, row
        listed |= set(names)
    assert sorted(c.code for c in CODES if c.code not in listed and not c.code.startswith(("sheet.", "score."))) == []


def test_every_registered_code_has_a_case():
    covered = corpus_codes() | set(UNIT_TESTED)
    assert sorted(set(BY_CODE) - covered) == []
    assert sorted(corpus_codes() - set(BY_CODE)) == []  # and the corpora name only registered codes


def build_workbook(case: Path, target: Path) -> Path:
    spec = yaml.safe_load((case / "workbook.yaml").read_text(encoding="utf-8"))
    if "raw" in spec:
        target.write_text(spec["raw"], encoding="utf-8")
        return target
    wb = Workbook()
    wb.remove(wb.active)
    for name, sheet in spec["sheets"].items():
        ws = wb.create_sheet(name)
        for row in sheet["rows"] if isinstance(sheet, dict) else sheet:
            ws.append(row)
        for ref, value in (sheet.get("cells", {}) if isinstance(sheet, dict) else {}).items():
            ws[ref] = value
    wb.save(target)
    return target


FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): \S+ \[(?P<code>[^\]]+)\]", re.MULTILINE)


def where(path: str) -> str:
    """A finding's path without the workbook's name: the sheet, or the repository file."""
    return path.removeprefix("book.xlsx").removeprefix("#")


@pytest.mark.parametrize("case", SHEETS, ids=[p.name for p in SHEETS])
def test_sheet_case(case, cli, tmp_path):
    root = build_repo(tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    book = build_workbook(case, tmp_path / "book.xlsx")
    run = cli("-C", str(root), "import", str(book))
    found = [f"{m['code']} {where(m['path'])}:{m['line']}:{m['column']}" for m in FINDING.finditer(run.out)]
    assert found == lines(case / "expect.txt")
    assert run.code == 1 and "Traceback" not in run.err
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before  # nothing written


@pytest.mark.parametrize("case", RESULTS, ids=[p.name for p in RESULTS])
def test_results_case(case, cli, tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(DATA / "base", root)
    shutil.copytree(case / "files", root, dirs_exist_ok=True)
    run = cli("-C", str(root), "score", *lines(case / "args.txt")[0].split(), "--format", "json")
    assert run.code == 0, run.err
    assert [f"{w['code']} {w['group']}" for w in run.json()["warnings"]] == lines(case / "expect.txt")


def test_an_unnamed_pydantic_error_is_schema_value():
    class Odd(BaseModel):
        name: str = Field(max_length=3)  # string_too_long: no message of its own

    _, found = schema_diagnostics("x.yaml", 0, Odd, {"name": "Nguyễn"})
    assert [d.code for d in found] == ["schema.value"]
    assert "Nguyễn" in dict(found[0].args)["value"]
