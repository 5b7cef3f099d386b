"""Every output is a view of one computation: the statuses, achieved values, points and tiers that
`score --format json` gives are the ones `export` (csv and xlsx), `report` (md and html) and
`stats` show — for every example repository and for random repositories (hypothesis)."""

from __future__ import annotations

import csv
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import DATA, EXAMPLES
from giaoviec.i18n import translator
from giaoviec.words import PROGRAM, STATUS, TIER, TIER_LONG
from giaoviec.write.yamlwrite import emit

_ = translator("vi")
STATUS_OF = {_(name): code for code, name in STATUS.items()}
TIER_OF = {_(name): code for table in (TIER, TIER_LONG) for code, name in table.items()}
PROGRAM_OF = {_(name): code for code, name in PROGRAM.items()}


def number(text: str) -> float | None:
    """A number as an output shows it ("3,50", "12 vụ", "(95,97)"), or None for "—" and "✓"."""
    m = re.search(r"-?\d+(?:[.,]\d+)?", text.replace("\u00a0", " "))
    return float(m.group().replace(",", ".")) if m else None


UNIT_NAMES: dict[str, str] = {}  # unit id → name, of the repository being compared


def label(task_id: str, unit: str | None, own: str) -> str:
    """A task as a report names it: a task of an earlier post of the year (a move) with its unit."""
    return task_id if unit in (None, own) else f"{task_id} ({UNIT_NAMES[unit]})"


def from_json(run) -> dict:
    """(cadre name, program) → tier, points, {task: (status, points, reported value)}."""
    out = {}
    for c in run.json()["cadres"]:
        points = c["points"] if c["points"] is not None else c["provisional_points"]
        tasks = {label(t["id"], t.get("unit"), c["unit"]): (t["status"], t["points"], t["value"] if t["value_source"] in ("outcome", "check-in") else None)
                 for t in c["tasks"]}
        out[(c["name"], c["program"])] = (c["tier"], points, tasks)
        OWN_UNIT[(c["name"], c["program"])] = c["unit"]
    return out


OWN_UNIT: dict[tuple[str, str], str] = {}


def rows_of(header: list, rows: list[list]) -> list[dict]:
    return [dict(zip(header, row, strict=False)) for row in rows]


def check_export(expected: dict, tasks: list[dict], totals: list[dict]) -> None:
    seen = set()
    for row in tasks:
        key = (row["Họ và tên"], PROGRAM_OF.get(row["Hình thức"], row["Hình thức"]))
        _tier, _points, by_task = expected[key]
        tid = label(row["Mã nhiệm vụ"], row["Mã đơn vị"], OWN_UNIT[key])
        if tid not in by_task:
            assert row["Tình trạng"] in ("", None)  # a task that does not count this year
            continue
        status, task_points, value = by_task[tid]
        assert STATUS_OF[row["Tình trạng"]] == status
        assert _num(row["Điểm"]) == pytest.approx(task_points, abs=0.005) if task_points is not None else _num(row["Điểm"]) is None
        assert _num(next(v for k, v in row.items() if k.startswith("Giá trị đạt được"))) == value
        seen.add((key, tid))
    assert seen == {(k, t) for k, (_t, _p, ts) in expected.items() for t in ts}
    assert {(r["Họ và tên"], PROGRAM_OF[r["Hình thức"]]): (TIER_OF[r["Xếp loại"]], round(_num(r["Điểm"]), 2)) for r in totals} == \
        {k: (tier, round(points, 2)) for k, (tier, points, _ts) in expected.items()}


def _num(value) -> float | None:
    if value in (None, ""):
        return None
    return float(value) if isinstance(value, (int, float)) else number(str(value))


class Sections(HTMLParser):
    """The report's HTML: per cadre section, its tier and points, and per task row its cells."""

    def __init__(self):
        super().__init__()
        self.cadres: dict[str, dict] = {}
        self.current: dict | None = None
        self.cell: tuple[str, str] | None = None
        self.row: dict | None = None
        self.field: str | None = None
        self.label = False  # inside the label a phone shows beside a value

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "cadre" in (a.get("class") or ""):
            self.current = {"tasks": {}, "text": ""}
            self.cadres[a["id"]] = self.current
        elif self.current is not None and tag == "tr":
            self.row = {}
        elif self.row is not None and tag == "td":
            self.field = a.get("data-label")
            self.row[self.field] = ""
            if "st" in (a.get("class") or "").split():
                self.row["status"] = a["class"].split("st-")[1]
        elif tag == "span" and "lbl" in (a.get("class") or "").split():
            self.label = True
        elif self.current is not None and tag == "span" and "tier" in (a.get("class") or "").split():
            self.current["tier"] = a["class"].split("tier-")[1]

    def handle_endtag(self, tag):
        if tag == "span" and self.label:
            self.label = False
        elif tag == "td":
            self.field = None
        elif tag == "tr" and self.row is not None:
            if "#" in self.row:
                self.current["tasks"][self.row["#"].strip()] = self.row
            self.row = None

    def handle_data(self, data):
        if self.label:
            return
        if self.row is not None and self.field is not None:
            self.row[self.field] += data
        elif self.current is not None:
            self.current["text"] += data


def check_report_html(expected: dict, html: str) -> None:
    parser = Sections()
    parser.feed(html)
    by_name = {name: v for (name, _program), v in expected.items()}
    assert len(parser.cadres) == len(expected)
    for section in parser.cadres.values():
        name = next(n for n in by_name if section["text"].lstrip().startswith(n))
        tier, points, tasks = by_name[name]
        assert section["tier"] == tier
        shown = re.search(r"(?:Điểm|Points): ([\d.,]+)", section["text"])
        assert number(shown.group(1)) == pytest.approx(points, abs=0.005)
        assert set(section["tasks"]) == set(tasks)
        for tid, row in section["tasks"].items():
            status, task_points, value = tasks[tid]
            assert row["status"] == status
            assert number(row["Điểm"]) == (pytest.approx(task_points, abs=0.005) if task_points is not None else None)
            assert number(row["Đạt được"]) == value


def check_report_md(expected: dict, text: str) -> None:
    by_name = {name: v for (name, _program), v in expected.items()}
    parts = re.split(r"^## ", text, flags=re.M)[2:]  # after the title (and the banner) and the summary
    assert len(parts) == len(expected)
    for part in parts:
        name = part.splitlines()[0].strip()
        tier, points, tasks = by_name[name.replace("\\", "")]
        head = re.search(r"^\*\*(.+?)\*\* · Điểm: \*\*([^*]+)\*\*", part, re.M)
        assert TIER_OF[head.group(1)] == tier and number(head.group(2)) == pytest.approx(points, abs=0.005)
        table = [line for line in part.splitlines() if line.startswith("| ") and not line.startswith("| # ")]
        assert len(table) == len(tasks)
        for line in table:
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            status, task_points, value = tasks[cells[0]]
            assert STATUS_OF[re.sub(r" \(mốc kiểm tra [\d/]+\)$", "", cells[7])] == status  # a longer task: judged on the year's checkpoint
            assert number(cells[8]) == (pytest.approx(task_points, abs=0.005) if task_points is not None else None)
            assert number(cells[6]) == value


def check_stats(expected: dict, stats: dict) -> None:
    tiers: dict[str, int] = {}
    buckets = {"completed-on-time": 0, "completed-late": 0, "unfinished-within-term": 0, "unfinished-overdue": 0}
    of = {"exceeded": "completed-on-time", "on-time": "completed-on-time", "late": "completed-late",
          "in-progress": "unfinished-within-term", "overdue": "unfinished-overdue", "not-done": "unfinished-overdue"}
    for tier, _points, tasks in expected.values():
        tiers[tier] = tiers.get(tier, 0) + 1
        for status, _p, _v in tasks.values():
            if status in of:
                buckets[of[status]] += 1
    assert stats["tiers"] == tiers
    assert {b: v["count"] for b, v in stats["buckets"].items()} == buckets


def agree(cli, root: Path, year: int, unit: str, tmp: Path) -> dict:
    import yaml

    UNIT_NAMES.clear()
    for path in (root / "org").glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        UNIT_NAMES.update({u["id"]: u["name"] for u in doc.get("units", ())})
    score = cli("-C", str(root), "score", str(year), "--unit", unit, "--format", "json")
    expected = from_json(score)
    csv_run = cli("-C", str(root), "export", "--year", str(year), "--unit", unit, "--format", "csv", "--csv-dialect", "plain")
    rows = [r for r in csv.reader(io.StringIO(csv_run.out)) if r and not r[0].startswith("# ")]  # what it left out comes first
    tasks = rows_of(rows[0], rows[1:])
    book = tmp / "export.xlsx"
    cli("-C", str(root), "export", "--year", str(year), "--unit", unit, "--out", str(book), "--force")  # one file for every year
    wb = load_workbook(book, data_only=True)
    sheet = [[c.value for c in r] for r in wb["Nhiệm vụ"].iter_rows()]
    totals = [[c.value for c in r] for r in wb["Tổng hợp"].iter_rows()]
    xlsx_tasks = rows_of(sheet[0], sheet[1:])
    check_export(expected, tasks, rows_of(totals[0], totals[1:]))
    check_export(expected, xlsx_tasks, rows_of(totals[0], totals[1:]))
    check_report_md(expected, cli("-C", str(root), "report", "--unit", unit, "--year", str(year)).out)
    check_report_html(expected, cli("-C", str(root), "report", "--unit", unit, "--year", str(year), "--format", "html").out)
    check_stats(expected, cli("-C", str(root), "stats", "--year", str(year), "--unit", unit, "--format", "json").json())
    return expected


EXAMPLE_CASES = [("vinh-phuc", 2022, "yen-lac"), ("vinh-phuc", 2024, "vinh-phuc"), ("vinh-phuc", 2025, "phu-tho"),
                 ("vinh-phuc", 2026, "phu-tho")]


@pytest.mark.parametrize("repo,year,unit", EXAMPLE_CASES)
def test_examples_agree_across_outputs(cli, tmp_path, repo, year, unit):
    expected = agree(cli, EXAMPLES / repo, year, unit, tmp_path)
    assert expected and all(tasks for _t, _p, tasks in expected.values())


# -- random repositories ----------------------------------------------------------------------

DAYS = st.dates(__import__("datetime").date(2022, 1, 15), __import__("datetime").date(2022, 12, 31))
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]


@st.composite
def task(draw, i: int) -> dict:
    due = draw(DAYS)
    t: dict = {"id": f"{i:02d}", "what": f"Hoàn thành {i + 3} hồ sơ nhiệm vụ số {i}", "when": {"due": due},
               "result": {"product": f"Biên bản nghiệm thu hồ sơ số {i}"}, "responsibility": {"accountable": "{cadre}"},
               "weight": draw(st.sampled_from([1, 2, 3]))}
    if draw(st.booleans()):
        t["result"]["measure"] = {"indicator": "Số hồ sơ", "unit": "hồ sơ", "target": draw(st.integers(1, 20))}
        if draw(st.booleans()):
            t["progress"] = [{"date": d, "value": draw(st.integers(0, 25))} for d in sorted(draw(st.sets(DAYS, max_size=2)))]
    if draw(st.booleans()):
        outcome: dict = {"done_on": draw(DAYS)}
        if "measure" in t["result"] and draw(st.booleans()):
            outcome["value"] = draw(st.integers(0, 25))
        t["outcome"] = outcome
    if draw(st.integers(0, 9)) == 0:
        t["cancelled"] = {"decision": "9-QĐ/HU", "date": draw(DAYS)}
    return t


@st.composite
def repository(draw) -> tuple[dict, dict]:
    n = draw(st.integers(1, 3))
    files, scores = {}, []
    for k in range(n):
        cadre = f"can-bo-{k}"
        tasks = [draw(task(i)) for i in range(1, draw(st.integers(1, 4)) + 1)]
        for t in tasks:
            t["responsibility"]["accountable"] = cadre
        files[f"assignments/2022/xa-{k}/{cadre}.yaml"] = {
            "apiVersion": "giaoviec/v1", "kind": "Assignment", "cadre": cadre, "unit": f"xa-{k}", "program": "focus",
            "period": {"from": "2022-01-01", "to": "2022-12-31"}, "status": "closed",
            "basis": {"number": "1-QĐ/HU", "date": "2022-01-10", "issued_by": "btv-huyen-t"}, "monitor": "btc-huyen-t", "tasks": tasks}
        chosen = [t for t in tasks if draw(st.booleans())]
        if chosen:
            scores.append({"cadre": cadre, "tasks": {t["id"]: {"score": min(t["weight"], draw(st.sampled_from([0, 0.5, 1, 2])))} for t in chosen}})
    units = [{"id": "huyen-t", "name": "Huyện T", "level": "district"},
             {"id": "btv-huyen-t", "name": "Ban Thường vụ", "level": "committee", "parent": "huyen-t"},
             {"id": "btc-huyen-t", "name": "Ban Tổ chức", "level": "committee", "parent": "huyen-t"},
             {"id": "hd-huyen-t", "name": "Hội đồng", "level": "committee", "parent": "huyen-t"}]
    units += [{"id": f"xa-{k}", "name": f"Xã {k}", "level": "commune", "parent": "huyen-t"} for k in range(n)]
    cadres = [{"id": f"can-bo-{k}", "name": NAMES[k], "hometown": "huyen-t",
               "positions": [{"title": "Bí thư Đảng ủy xã", "role": "secretary", "unit": f"xa-{k}", "from": "2020-01-01"}]} for k in range(n)]
    files["org/units.yaml"] = {"apiVersion": "giaoviec/v1", "kind": "Units", "units": units}
    files["org/cadres.yaml"] = {"apiVersion": "giaoviec/v1", "kind": "Cadres", "cadres": cadres}
    if scores:
        files["evaluations/2022/hd.yaml"] = {"apiVersion": "giaoviec/v1", "kind": "Evaluation", "council": "hd-huyen-t",
                                            "period": {"from": "2022-01-01", "to": "2022-12-31"}, "date": "2022-12-30", "evaluations": scores}
    return files, {}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=repository())
def test_random_repositories_agree_across_outputs(cli, tmp_path_factory, data):
    files, _ = data
    tmp = tmp_path_factory.mktemp("agree")
    root = tmp / "repo"
    shutil.copytree(DATA / "base", root)
    shutil.rmtree(root / "assignments")
    shutil.rmtree(root / "evaluations")
    for rel, doc in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(emit(doc), encoding="utf-8")
    check = cli("-C", str(root), "validate", "--format", "json")
    assert not [d for d in check.json()["diagnostics"] if d["severity"] == "error"], check.out
    agree(cli, root, 2022, "huyen-t", tmp)
