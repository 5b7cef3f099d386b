"""`giaoviec progress`: only the appended lines differ, in every layout; refusals leave the file."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLES, build_repo
from giaoviec.diagnostics import Fatal
from giaoviec.load.documents import read_file
from giaoviec.model import Assignment
from giaoviec.write import edit

TODAY = dt.date(2026, 11, 21)
FILES = sorted((EXAMPLES / "vinh-phuc" / "assignments").rglob("*.yaml"))


def only_inserted(before: str, after: str) -> list[str]:
    """The lines added; fails if any other line changed (replaced or deleted)."""
    ops = difflib.SequenceMatcher(a=before.splitlines(True), b=after.splitlines(True), autojunk=False).get_opcodes()
    assert all(tag in ("equal", "insert") for tag, *_ in ops), [o for o in ops if o[0] != "equal"]
    return [line for tag, _, _, j1, j2 in ops if tag == "insert" for line in after.splitlines(True)[j1:j2]]


def tasks_of(path: Path) -> tuple[Assignment, list[str]]:
    docs, _ = read_file(path.parent, path.name)
    a = next(d.model for d in docs if isinstance(d.model, Assignment))
    return a, [t.id for t in a.tasks]


CASES = [(p, t) for p in FILES for t in tasks_of(p)[1]]


@pytest.mark.parametrize("path,task", CASES, ids=[f"{p.parent.name}/{p.name}#{t}" for p, t in CASES])
def test_check_in_changes_nothing_else(path, task):
    a, _ = tasks_of(path)
    day = min(a.period.end, TODAY)
    change = edit.add_check_in(path, task, 7.5, "Báo cáo quý, có dấu phẩy: và \"ngoặc kép\"", day, TODAY)
    added = only_inserted(change.before, change.after)
    assert 1 <= len(added) <= 2  # the check-in, and "progress:" when the task had none
    assert any("7.5" in line and day.isoformat() in line for line in added)


@pytest.mark.parametrize("path,task", CASES[::3], ids=[f"{p.parent.name}/{p.name}#{t}" for p, t in CASES[::3]])
def test_outcome_changes_only_its_own_lines(path, task):
    a, _ = tasks_of(path)
    day = min(a.period.end, TODAY)
    change = edit.record_outcome(path, task, day, 12, TODAY)
    before, after = change.before.splitlines(True), change.after.splitlines(True)
    ops = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag != "equal":  # an existing done_on/value line may be rewritten, nothing else
            assert all(("done_on" in x or "value" in x or "outcome" in x) for x in before[i1:i2] + after[j1:j2]), (before[i1:i2], after[j1:j2])


LAYOUTS = {
    "no progress yet": "    result: {product: Quyết định}\n    responsibility: {accountable: can-bo-a}\n",
    "empty flow list": "    result: {product: Quyết định}\n    responsibility: {accountable: can-bo-a}\n    progress: []\n",
    "flow list": "    result: {product: Quyết định}\n    responsibility: {accountable: can-bo-a}\n    progress: [{date: 2022-03-31, value: 1}]\n",
    "block items": "    result: {product: Quyết định}\n    responsibility: {accountable: can-bo-a}\n    progress:\n      - date: 2022-03-31\n        value: 1\n        note: |\n          dòng một\n          dòng hai\n",
    "comment after": "    progress:\n      - {date: 2022-03-31, value: 1}  # quý I\n    # quý II chưa báo cáo\n    result: {product: Quyết định}\n    responsibility: {accountable: can-bo-a}\n",
}


@pytest.mark.parametrize("layout", list(LAYOUTS), ids=list(LAYOUTS))
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_layouts(tmp_path, layout, newline):
    head = ("apiVersion: giaoviec/v1\nkind: Assignment\ncadre: can-bo-a\nunit: xa-a\nprogram: focus\n"
            "period: {from: 2022-01-01, to: 2022-12-31}\ntasks:\n  - id: \"01\"\n    what: Việc một\n    when: {due: 2022-09-30}\n")
    tail = "  - id: \"02\"  # a comment\n    what: Việc hai\n    when: {due: 2022-10-30}\n\n# the end\n"
    path = tmp_path / "a.yaml"
    path.write_bytes((head + LAYOUTS[layout] + tail).replace("\n", newline).encode())
    change = edit.add_check_in(path, "01", 3, "ghi chú", dt.date(2022, 6, 30), TODAY)
    added = only_inserted(change.before, change.after) if "flow list" not in layout else None
    edit.write(tmp_path, change)
    a, _ = tasks_of(path)
    task = a.tasks[0]
    assert task.progress[-1].date == dt.date(2022, 6, 30) and task.progress[-1].value == 3
    assert a.tasks[1].id == "02"
    if added is not None:
        assert all(line.endswith(newline) for line in added)


def test_refusals_leave_the_file_untouched(tmp_path):
    root = build_repo(tmp_path)
    path = root / "assignments/2022/xa-a/can-bo-a.yaml"
    before = path.read_bytes()
    for args in [("09", 1, None, dt.date(2022, 5, 1)), ("01", 1, None, dt.date(2023, 1, 5)), ("01", 1, None, dt.date(2030, 1, 1))]:
        with pytest.raises(Fatal):
            edit.add_check_in(path, args[0], args[1], args[2], args[3], TODAY)
    assert path.read_bytes() == before


def test_cli_progress(cli, tmp_path):
    root = build_repo(tmp_path)
    rel = "assignments/2022/xa-a/can-bo-a.yaml"
    run = cli("-C", str(root), "progress", f"{rel}#02", "--value", "1", "--note", "Đã khởi công", "--date", "2022-05-10")
    assert run.code == 0 and "Đã cập nhật" in run.out
    assert cli("-C", str(root), "validate").code == 0
    assert cli("-C", str(root), "progress", f"{rel}#99", "--value", "1").code == 2
    assert cli("-C", str(root), "progress", "../outside.yaml#01", "--value", "1").code == 2
    run = cli("-C", str(root), "progress", f"{rel}#02", "--done-on", "2022-10-20")
    assert run.code == 0 and "done_on: 2022-10-20" in (root / rel).read_text(encoding="utf-8")


def test_broken_file_is_refused_with_exit_1(cli, tmp_path):
    root = build_repo(tmp_path, DATA / "invalid" / "yaml-syntax-tab")
    assert cli("-C", str(root), "progress", "assignments/2022/xa-a/can-bo-a.yaml#01", "--value", "1", "--date", "2022-05-01").code == 1
