"""`giaoviec report`: golden Markdown and HTML, the same bytes for the same data, and a public
version holding no confidential string of the examples."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES
from giaoviec.load.documents import read_file
from giaoviec.model import Assignment

VP = EXAMPLES / "vinh-phuc"


@pytest.mark.parametrize("fmt,unit,year,extra,name", [
    ("md", "yen-lac", "2022", [], "report-yen-lac-2022.md"),
    ("html", "yen-lac", "2022", [], "report-yen-lac-2022.html"),
    ("md", "vinh-phuc", "2024", ["--public"], "report-vinh-phuc-2024-public.md"),
    ("md", "nguyet-duc-phu-tho", "2025", ["--lang", "en"], "report-nguyet-duc-2025.en.md"),
])
def test_golden(cli, golden, monkeypatch, fmt, unit, year, extra, name):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    run = cli("-C", str(VP), "report", "--unit", unit, "--year", year, "--format", fmt, "--date", f"{int(year) + 1}-01-10", *extra)
    assert run.code == 0, run.err
    golden(name, run.out)


def test_same_data_same_bytes_and_source_date_epoch(cli, monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = cli("-C", str(VP), "report", "--unit", "yen-lac", "--year", "2022", "--format", "html").out
    assert cli("-C", str(VP), "report", "--unit", "yen-lac", "--year", "2022", "--format", "html").out == first
    today = dt.date.today().strftime("%d/%m/%Y")
    assert f"lập ngày {today}" in first and "tính đến 31/12/2022" in first  # made today, about the year's end
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1672531200")  # 2023-01-01
    dated = cli("-C", str(VP), "report", "--unit", "yen-lac", "--year", "2022", "--format", "html").out
    assert "lập ngày 01/01/2023" in dated and dated.replace("01/01/2023", today, 1) == first
    given = cli("-C", str(VP), "report", "--unit", "yen-lac", "--year", "2022", "--format", "html", "--date", "2023-01-10").out
    assert "lập ngày 10/01/2023" in given


def test_default_year_and_out(cli, tmp_path):
    out = tmp_path / "bao-cao.md"
    run = cli("-C", str(VP), "report", "--unit", "tam-hong", "--out", str(out))
    assert run.code == 0 and run.out == ""
    assert "năm 2024 — Xã Tam Hồng" in out.read_text(encoding="utf-8")  # the latest year with an assignment there


def test_unknown_unit(cli):
    assert cli("-C", str(VP), "report", "--unit", "khong-co").code == 2


def test_historical_unit_is_kept_and_marked(cli):
    text = cli("-C", str(VP), "report", "--unit", "nguyet-duc-phu-tho", "--year", "2022").out
    assert ", xã Nguyệt Đức (đơn vị cũ, nay là xã Nguyệt Đức (tỉnh Phú Thọ))" in text


def confidential_strings(root: Path) -> set[str]:
    """Every text of a confidential file or task that no public part of the data also holds."""
    found: set[str] = set()
    public: list[str] = []

    def collect(value, into=found) -> None:
        if isinstance(value, str) and len(value) > 6:
            into.add(value) if isinstance(into, set) else into.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                collect(v, into)
        elif isinstance(value, (list, tuple)):
            for v in value:
                collect(v, into)

    for path in root.rglob("*.yaml"):
        docs, _ = read_file(root, path.relative_to(root).as_posix())
        for d in docs:
            if isinstance(d.model, Assignment):
                dump = d.model.model_dump(mode="json", by_alias=True)
                if d.model.confidential:
                    collect({k: v for k, v in dump.items() if k not in ("apiVersion", "kind", "cadre", "unit", "program", "period", "status", "position")})
                else:
                    collect({k: v for k, v in dump.items() if k != "tasks"}, public)
                    for t in dump["tasks"]:
                        if t["confidential"]:
                            collect({k: v for k, v in t.items() if k not in ("id",)})
                        else:
                            collect(t, public)
    return {s for s in found if not any(s in p for p in public)}


def test_public_leaks_nothing_confidential(cli, tmp_path):
    root = tmp_path / "vp"
    shutil.copytree(VP, root)
    # make one whole file confidential as well (the examples have a confidential task)
    path = root / "assignments/2024/trung-nguyen/vu-thi-giang.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: closed\n", "status: closed\nconfidential: true\n"), encoding="utf-8")
    secrets = confidential_strings(root)
    assert any("MẬT" in s for s in secrets) and any("khu dân cư kiểu mẫu" in s for s in secrets)
    for unit in ("vinh-phuc", "phu-tho"):
        for year in ("2022", "2023", "2024", "2025", "2026"):
            for fmt in ("md", "html"):
                run = cli("-C", str(root), "report", "--unit", unit, "--year", year, "--format", fmt, "--public")
                assert run.code == 0, run.err
                for secret in secrets:
                    assert secret not in run.out, (unit, year, fmt, secret)
    public = cli("-C", str(root), "report", "--unit", "vinh-phuc", "--year", "2024", "--public").out
    assert "đã lược bỏ 1 tệp giao việc mật" in public
    private = cli("-C", str(root), "report", "--unit", "vinh-phuc", "--year", "2022").out
    assert any(s in private for s in secrets)  # the test would notice if nothing confidential were ever shown
