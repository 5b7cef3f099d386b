"""A workbook past the row, column or cell limits is refused before openpyxl builds its cells: a
sheet of 225 KB on disk that unpacks to 55 MB of `<c><v>1</v></c>` once took 2.6 GB and two
minutes before the row limit refused it. Peak memory is measured in a child process."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import DATA

ROOT = Path(__file__).resolve().parent.parent
PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>",
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>",
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Giao viec" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>",
}


def _book(path: Path, rows: int, columns: int, dimension: str | None, numbered: bool = False) -> Path:
    """A workbook of `rows` rows of `columns` cells holding 1, written by hand (small on disk)."""
    cells = "<c><v>1</v></c>" * columns
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in PARTS.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            for start in range(1, rows + 1, 1000):
                sheet.write("".join(f'<row r="{r}">{cells}</row>' if numbered else f"<row>{cells}</row>"
                                    for r in range(start, min(start + 1000, rows + 1))).encode())
            sheet.write(b"</sheetData></worksheet>")
    return path


def _import(book: Path) -> tuple[int, str, int]:
    """`giaoviec import --dry-run BOOK` in a child process: exit code, output, peak RSS in bytes."""
    code = ("import resource, sys\nfrom giaoviec import cli\nsys.argv = ['giaoviec', *sys.argv[1:]]\n"
            "try:\n    cli.main()\n    code = 0\nexcept SystemExit as e:\n    code = e.code or 0\n"
            "sys.stdout.flush()\n"
            # VmHWM: this process's own peak (ru_maxrss keeps the parent's across fork and exec: a large pytest would count)
            "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')]\n"
            "print('PEAK', int(hwm[0]) * 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, code)\n")
    run = subprocess.run([sys.executable, "-c", code, "-C", str(DATA / "base"), "import", "--dry-run", str(book)],
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "TERM": "dumb",
                                                              "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}, timeout=600)
    last = run.stdout.strip().splitlines()[-1].split()
    assert last[0] == "PEAK", run.stdout + run.stderr
    return int(last[2]), run.stdout, int(last[1])


@pytest.mark.parametrize(("rows", "columns", "dimension", "numbered"), [
    (90_018, 40, "A1:AN90018", True),  # the dimension tells the truth
    (90_018, 40, "A1:AN20", False),  # the dimension lies, the rows carry no number
    (90_018, 40, None, True),  # no dimension
    (19_000, 180, None, False),  # under the row and column limits, past the cells
], ids=["dimension", "lying-dimension", "no-dimension", "cells"])
def test_a_sheet_past_the_limits_is_refused_before_its_cells_are_built(tmp_path, rows, columns, dimension, numbered):
    book = _book(tmp_path / "big.xlsx", rows, columns, dimension, numbered)
    assert book.stat().st_size < 1_000_000
    with zipfile.ZipFile(book) as z:
        assert 50_000_000 < sum(i.file_size for i in z.infolist()) < 60_000_000  # under the unpacked limit
    code, out, peak = _import(book)
    assert code == 1 and "[sheet.too-large]" in out and "Giao viec" in out, out
    assert peak < 300_000_000, f"peak RSS {peak / 1e6:.0f} MB"


def test_a_row_numbered_past_the_limit_is_refused(tmp_path):
    book = tmp_path / "far.xlsx"
    with zipfile.ZipFile(book, "w") as z:
        for name, text in PARTS.items():
            z.writestr(name, text)
        z.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                   '<row r="1"><c r="A1" t="inlineStr"><is><t>Nội dung nhiệm vụ</t></is></c></row>'
                   '<row r="2"><c r="GT2"><v>1</v></c></row></sheetData></worksheet>')  # column 202
    code, out, _ = _import(book)
    assert code == 1 and "[sheet.too-large]" in out and "202" in out, out
