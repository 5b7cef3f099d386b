"""Outputs whose memory does not grow with the tasks: past a budget, the models are read again from
their files, and the outputs are the same byte for byte; a file changed in between stops the command."""

from __future__ import annotations

import shutil

import pytest

from conftest import EXAMPLES
from giaoviec.app import kept as kept_app
from giaoviec.app import report as report_app
from giaoviec.diagnostics import Fatal

VP = EXAMPLES / "vinh-phuc"

OUTPUTS = [
    ("report", "--unit", "vinh-phuc", "--year", "2022"),
    ("report", "--unit", "vinh-phuc"),  # the latest year: scored after the stream
    ("report", "--unit", "vinh-phuc", "--year", "2022", "--format", "html"),
    ("export", "--year", "2022", "--format", "json"),
    ("export", "--year", "2022", "--format", "csv"),
]


@pytest.mark.parametrize("args", OUTPUTS, ids=[" ".join(a) for a in OUTPUTS])
def test_the_same_output_with_every_model_read_again(cli, monkeypatch, args):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    kept = cli("-C", str(VP), *args)
    monkeypatch.setattr(kept_app, "KEPT_TASKS", 0)
    again = cli("-C", str(VP), *args)
    assert kept.code == again.code == 0 and again.out == kept.out and kept.out


def test_the_workbook_is_the_same_with_every_model_read_again(cli, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    cli("-C", str(VP), "export", "--year", "2022", "--out", str(tmp_path / "a.xlsx"))
    monkeypatch.setattr(kept_app, "KEPT_TASKS", 0)
    cli("-C", str(VP), "export", "--year", "2022", "--out", str(tmp_path / "b.xlsx"))
    a, b = (load_workbook(tmp_path / n) for n in ("a.xlsx", "b.xlsx"))
    assert [[c.value for c in row] for row in a["Nhiệm vụ"].iter_rows()] == [[c.value for c in row] for row in b["Nhiệm vụ"].iter_rows()]


def test_a_file_changed_between_scoring_and_writing_stops_the_command(tmp_path, monkeypatch):
    root = tmp_path / "vp"
    shutil.copytree(VP, root)
    monkeypatch.setattr(kept_app, "KEPT_TASKS", 0)
    got = report_app.results_with_models(root, 2022, None)
    key = next(iter(got.models))
    path = root / key[0]
    path.write_text(path.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    with pytest.raises(Fatal) as caught:
        got.models[key]
    assert "changed while this command was running" in caught.value.phrase.id and caught.value.code == 3


def test_a_streamed_output_replaces_the_file_whole_or_not_at_all(tmp_path):
    from giaoviec.write.atomic import writing

    target = tmp_path / "bao-cao.md"
    target.write_text("cũ\n", encoding="utf-8")
    with pytest.raises(RuntimeError), writing(target) as out:
        out.write("mới, một phần".encode())
        raise RuntimeError("stopped half-way")
    assert target.read_text(encoding="utf-8") == "cũ\n" and sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.md"]
    with writing(target) as out:
        out.write("mới\n".encode())
    assert target.read_text(encoding="utf-8") == "mới\n" and sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.md"]


def test_sections_are_made_when_read_and_kept_only_for_a_small_report(monkeypatch):
    from giaoviec.compute import report as report_render

    got = report_app.results_with_models(VP, 2022, None)
    made = []
    real = report_render.section
    monkeypatch.setattr(report_render, "section", lambda *a, **k: made.append(1) or real(*a, **k))
    built = report_render.build(got.result, got.models, "vinh-phuc", lambda x: x, "en", False)
    assert made == [] and len(built.cadres) > 0
    list(built.cadres), list(built.cadres)
    assert len(made) == len(built.cadres)  # small: made once, kept
    monkeypatch.setattr(report_render, "KEPT_SECTIONS_TASKS", 0)
    built = report_render.build(got.result, got.models, "vinh-phuc", lambda x: x, "en", False)
    made.clear()
    list(built.cadres), list(built.cadres)
    assert len(made) == 2 * len(built.cadres)  # large: made each time, never all held


def test_a_province_score_table_is_written_a_line_a_row(cli, monkeypatch):
    from giaoviec.render import score as score_render

    boxed = cli("-C", str(VP), "score", "2022").out
    monkeypatch.setattr(score_render, "BOXED_ROWS", 0)
    lines = cli("-C", str(VP), "score", "2022").out.splitlines()
    assert "┃" in boxed and not any("┃" in x or "│" in x for x in lines)
    rows = [x for x in boxed.splitlines() if x.startswith("│")]
    assert rows and len([x for x in lines if x.split()]) >= len(rows) + 3
    for boxed_row in rows:  # every cell of every row, in the same order, on one line of its own
        cells = [c.strip() for c in boxed_row.strip("│").split("│") if c.strip()]
        assert any(all(c in x for c in cells) and x.index(cells[0]) < x.index(cells[-1]) for x in lines), cells


def test_the_models_are_kept_as_many_as_are_foreseen_to_fit(tmp_path, monkeypatch):
    import sys

    sys.path.insert(0, str(EXAMPLES.parent / "benchmarks"))
    from generate import generate

    generate(tmp_path / "p", 70)
    got = report_app.results_with_models(tmp_path / "p", 2022, None)
    assert len(got.models.kept) == 70 and not got.models.full and not got.models.rationed
    # 70 files of 21 tasks foreseen, 10 MB as read: past 1 MB, compacted, as many as fit in 1 MB (222 tasks)
    monkeypatch.setattr(kept_app, "MODELS_MB", 1)
    part = report_app.results_with_models(tmp_path / "p", 2022, None)
    assert part.models.rationed and not part.models.full
    assert 0 < part.models.kept_tasks <= part.models.room == int(1024 / kept_app.COMPACT_KB)
    assert list(part.models.kept) == list(part.models)[:len(part.models.kept)]  # the first read, the rest let go
    assert all(part.models[k] == got.models[k] for k in got.models)  # kept (compacted) or read again: the same
    monkeypatch.setattr(kept_app, "BUDGET_MB", 0)  # no room beside the rest: none kept
    none = report_app.results_with_models(tmp_path / "p", 2022, None)
    assert none.models.rationed and not none.models.kept and none.models.room == 0
    assert [none.models[k].cadre for k in none.models] == [got.models[k].cadre for k in got.models]


def test_past_the_budget_no_more_models_are_kept_and_past_the_peak_none(tmp_path, monkeypatch):
    """Documents heavier than foreseen (long texts): once the process has taken the budget, the
    models kept stay and no more are; past the peak every model is let go. The same models."""
    import sys

    sys.path.insert(0, str(EXAMPLES.parent / "benchmarks"))
    from generate import generate

    generate(tmp_path / "p", 150)
    whole = report_app.results_with_models(tmp_path / "p", 2022, None)
    monkeypatch.setattr(kept_app, "MODELS_MB", 15)  # 3,150 tasks foreseen, 22 MB as read: compacted
    monkeypatch.setattr(kept_app, "BUDGET_MB", 100)
    monkeypatch.setattr(kept_app, "PEAK_MB", 200)
    monkeypatch.setattr(kept_app, "peak_mb", lambda: 150.0)
    heavy = report_app.results_with_models(tmp_path / "p", 2022, None)
    assert heavy.models.rationed and not heavy.models.full
    assert list(heavy.models.kept) == list(heavy.models)[:63]  # those kept before the first look at memory, at the 64th
    assert all(heavy.models[k] == whole.models[k] for k in whole.models)
    monkeypatch.setattr(kept_app, "peak_mb", lambda: 250.0)
    past = report_app.results_with_models(tmp_path / "p", 2022, None)
    assert past.models.full and not past.models.kept
    assert all(past.models[k] == whole.models[k] for k in whole.models)


def test_the_same_output_with_part_of_the_models_kept(tmp_path, monkeypatch, cli):
    """Some models kept, the others read again: the bytes of every output are those of
    every model kept as read."""
    import sys

    sys.path.insert(0, str(EXAMPLES.parent / "benchmarks"))
    from generate import generate

    generate(tmp_path / "p", 70)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    args = [("report", "--unit", "tinh", "--year", "2022"), ("report", "--unit", "tinh", "--year", "2022", "--format", "html"),
            ("export", "--year", "2022", "--format", "csv")]
    whole = [cli("-C", str(tmp_path / "p"), *a) for a in args]
    monkeypatch.setattr(kept_app, "MODELS_MB", 1)
    part = [cli("-C", str(tmp_path / "p"), *a) for a in args]
    for a, b in zip(whole, part, strict=True):
        assert a.code == b.code == 0 and a.out == b.out and a.out


def test_a_compacted_model_is_equal_and_smaller():
    import tracemalloc

    from giaoviec.load.documents import read_file
    from giaoviec.model.compact import compact

    rels = sorted(str(p.relative_to(VP)) for p in (VP / "assignments").rglob("*.yaml"))
    models = [d.model for rel in rels for d in read_file(VP, rel)[0]]
    tracemalloc.start()
    again = [d.model for rel in rels for d in read_file(VP, rel)[0]]
    before = tracemalloc.get_traced_memory()[0]
    again = [compact(m) for m in again]  # (the models read are let go: only the compacted ones are counted)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert again == models and [m.model_dump() for m in again] == [m.model_dump() for m in models]
    assert [m.model_fields_set for m in again] == [m.model_fields_set for m in models]
    assert after < 0.75 * before  # the fields-sets and days shared: about 7 KB a task → 4.5
    first, second = again[0].tasks[0], again[0].tasks[1]
    assert first.model_fields_set != second.model_fields_set or first.model_fields_set is second.model_fields_set


def test_equal_values_are_held_once_and_keep_their_type(monkeypatch):
    import datetime as dt

    from giaoviec import shared as shared_module
    from giaoviec.shared import shared

    day = dt.date(2022, 6, 30)
    assert shared(dt.date(2022, 6, 30)) is shared(day)
    assert type(shared(1)) is int and type(shared(1.0)) is float and shared(1.0) == 1  # 1 == 1.0, yet each keeps its type
    assert shared(None) is None
    monkeypatch.setattr(shared_module, "_SHARED", {})
    monkeypatch.setattr(shared_module, "SHARED_MAX", 1)
    shared("a")
    b = "".join(["b", "x"])
    assert shared(b) is b and len(shared_module._SHARED) == 1  # past the bound, values are kept as they come


def test_scored_tasks_share_their_days_and_ids():
    got = report_app.results_with_models(VP, 2022, None)
    tasks = [t for s in got.result.assignments for t in s.tasks]
    dues = {}
    for t in tasks:
        if t.judgement.due is not None:
            assert dues.setdefault(t.judgement.due, t.judgement.due) is t.judgement.due
    ids = {}
    for t in tasks:
        assert ids.setdefault(t.id, t.id) is t.id


def test_the_summary_reads_no_document_again(monkeypatch):
    """Models let go: the summary takes each document's Facts, kept as it streamed by, and the words it
    quotes of overdue and undone tasks, kept as each was judged; only the sections read each one again."""
    from giaoviec.compute import report as report_render

    monkeypatch.setattr(kept_app, "KEPT_TASKS", 0)
    got = report_app.results_with_models(VP, 2022, None, summary=True)
    read = []
    real = kept_app.KeptModels.__getitem__
    monkeypatch.setattr(kept_app.KeptModels, "__getitem__", lambda self, key: read.append(key) or real(self, key))
    built = report_render.build(got.result, got.models, "vinh-phuc", lambda x: x, "en", False)
    assert built.overdue and read == []
    list(built.cadres)
    assert read == [s.key for s in got.result.assignments]
    kept = report_app.results_with_models(VP, 2022, None, summary=True)  # the words kept are those of the models
    monkeypatch.setattr(kept_app, "KEPT_TASKS", None)
    again = report_app.results_with_models(VP, 2022, None, summary=True)
    assert report_render.build(again.result, again.models, "vinh-phuc", lambda x: x, "en", False).overdue == built.overdue
    assert kept.models.late == again.models.late
    export = report_app.results_with_models(VP, 2022, None)  # an export reads nothing of the summary: nothing kept for it
    assert export.models.facts == {} and export.models.late == {}


def test_past_its_budget_no_late_wording_is_kept_and_the_report_is_the_same(cli, monkeypatch):
    """A province of mostly late tasks: the summary reads the documents with a late task again
    (bounded memory) and writes the same bytes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    args = ("-C", str(VP), "report", "--unit", "vinh-phuc", "--year", "2022")
    kept = cli(*args)
    monkeypatch.setattr(kept_app, "KEPT_TASKS", 0)
    monkeypatch.setattr(kept_app, "LATE_BYTES", 0)
    got = report_app.results_with_models(VP, 2022, None, summary=True)
    assert got.models.late == {} and got.models.late_full
    again = cli(*args)
    assert kept.code == again.code == 0 and again.out == kept.out


def test_a_document_read_again_skips_the_risk_scan_only_if_the_fast_reader_took_it(monkeypatch):
    """Past the models it keeps, a report reads each document again: a text the fast reader took the
    first time (its digest in `agreed`) is read again without the risk scan; any other takes the scan
    again, and so the same reader as the first time."""
    from giaoviec.compute import report as report_render
    from giaoviec.load import yamlfast

    monkeypatch.setattr(kept_app, "KEPT_TASKS", 0)
    got = report_app.results_with_models(VP, 2022, None, summary=True)
    assert got.models.reader.agreed  # the example's assignments are plain YAML: the fast reader takes them
    scanned: list[str] = []
    real = yamlfast.risky
    monkeypatch.setattr(yamlfast, "risky", lambda text, data=None: scanned.append(text) or real(text, data))
    built = report_render.build(got.result, got.models, "vinh-phuc", lambda x: x, "en", False)
    list(built.cadres)
    import hashlib
    assert all(hashlib.sha256(t.encode()).digest() not in got.models.reader.agreed for t in scanned)
    assert len({s.key[0] for s in got.result.assignments}) > len(scanned)
