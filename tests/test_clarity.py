"""The clarity analyser (checks/wording.py) against the labelled corpus, its pieces, the shapes
`giaoviec rules` shows, and the configuration of its word lists."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from clarity_corpus import cases, figures
from conftest import DATA, build_repo
from giaoviec.checks import wording
from giaoviec.codes import BY_CODE

BARS = {"vague_recall": 0.90, "mismatch_recall": 0.75, "false_alarms": 0.10}  # spec/clarity.md


@pytest.mark.parametrize("part", ["tune", "holdout"])
def test_the_corpus_meets_the_bars(part, capsys):
    f = figures(part)
    with capsys.disabled():
        print(f"\n  clarity {part}: {len(cases(part))} wordings, vague recall {f.vague_recall:.1%}, "
              f"mismatch recall {f.mismatch_recall:.1%}, false alarms on clear {f.false_alarms:.1%}")
    assert f.vague_recall >= BARS["vague_recall"], f.misses
    assert f.mismatch_recall >= BARS["mismatch_recall"], f.misses
    assert f.false_alarms <= BARS["false_alarms"], f.misses


def test_the_corpus_is_big_enough_and_has_the_hard_cases():
    everything = cases("tune") + cases("holdout")
    assert len(everything) >= 200
    assert len(cases("holdout")) >= 100
    by = {label: [c for c in everything if c.label == label] for label in ("vague", "clear", "mismatch")}
    assert min(len(v) for v in by.values()) >= 40
    # vague with digits that are not quantities; generic products with a year; clear after a vague verb
    assert sum(any(ch.isdigit() for ch in c.what) for c in by["vague"]) >= 15
    assert sum(bool(c.product) and "20" in c.product for c in by["vague"]) >= 3
    assert sum(wording.norm(c.what).startswith(wording.VAGUE_PHRASES) for c in by["clear"]) >= 10


@pytest.mark.parametrize(("text", "values"), [
    ("Giải quyết dứt điểm 12 vụ vi phạm đất đai", [12]),
    ("Cứng hóa 3,2 km đường giao thông", [3.2]),
    ("Trồng 1.500 cây xanh", [1500]),
    ("Tỷ lệ hộ dùng nước sạch đạt 85%", [85]),
    ("Thu ngân sách đạt 12,5 tỷ đồng", [12.5]),
    ("Thành lập hai chi bộ mới", [2]),
    ("Thực hiện Nghị quyết số 15-NQ/HU của Huyện ủy", []),
    ("Triển khai Kế hoạch 102-KH/UBND ngày 12/3/2022", []),
    ("Quán triệt Quy định 210-QĐ/HU nhiệm kỳ 2020 - 2025", []),
    ("Báo cáo quý III năm 2022", []),
    ("Sơ kết 9 tháng", []),
    ("Thực hiện 6 nhiệm vụ trọng tâm", []),
    ("Giải quyết 2022 hồ sơ tồn đọng", [2022]),
])
def test_quantities_and_digits_that_are_not(text, values):
    assert [q.value for q in wording.quantities(text)] == values


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Hoàn thành trước ngày 30/9/2022", dt.date(2022, 9, 30), dt.date(2022, 9, 30)),
    ("Bàn giao trong quý II/2022", dt.date(2022, 4, 1), dt.date(2022, 6, 30)),
    ("Hoàn thành trong quý IV", dt.date(2022, 10, 1), dt.date(2022, 12, 31)),
    ("Xong trong 6 tháng đầu năm", dt.date(2022, 1, 1), dt.date(2022, 6, 30)),
    ("Nghiệm thu trong tháng 9/2022", dt.date(2022, 9, 1), dt.date(2022, 9, 30)),
    ("Đo đạc xong trong năm 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
])
def test_deadlines(text, first, last):
    (d,) = wording.deadlines(text, 2022)
    assert (d.first, d.last) == (first, last)


def test_an_impossible_date_in_the_text_is_no_deadline():
    assert wording.deadlines("Hoàn thành trước ngày 31/2/2022", 2022) == []


def test_units_convert_before_they_disagree():
    found = wording.quantities("Nạo vét 3 km kênh tiêu")
    assert wording.quantity_mismatch(found, 3000, "m") is None
    assert wording.quantity_mismatch(found, 3, "ha") is not None  # a length against an area
    assert wording.quantity_mismatch(wording.quantities("Thu 15 tỷ đồng"), 15_000, "triệu đồng") is None
    assert wording.quantity_mismatch(wording.quantities("Kết nạp 20 đảng viên"), 15, "đảng viên") is not None
    assert wording.quantity_mismatch(wording.quantities("Giải quyết việc làm cho 250 lao động"), 250, "người") is None


def shape_verdict(example: str) -> wording.Verdict:
    fields = YAML(typ="safe").load(example)
    measure = fields.get("measure") or {}
    due = fields.get("due")  # a date or its text, whichever the YAML loader in use resolves it to
    due = dt.date.fromisoformat(str(due)) if due is not None else None
    return wording.judge(str(fields["what"]), fields.get("product"), target=measure.get("target"), unit=measure.get("unit"),
                         due=due, year=2022)


def flagged(v: wording.Verdict, code: str) -> bool:
    return v.vague if code == "clarity.what" else bool(v.quantity or v.deadline)


@pytest.mark.parametrize("code", ["clarity.what", "clarity.mismatch"])
def test_each_shape_rules_shows_passes_and_fails_as_it_says(code):
    c = BY_CODE[code]
    assert len(c.shapes) >= 2
    for _shape, good, bad in [("", c.good, c.bad), *c.shapes]:
        assert not flagged(shape_verdict(good), code), good
        assert flagged(shape_verdict(bad), code), bad


def test_rules_prints_the_shapes(cli):
    run = cli("rules")
    assert "sản phẩm chỉ là tên một loại văn bản" in run.out and "Báo cáo năm 2022" in run.out


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=200)),
       st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15)),
       st.one_of(st.none(), st.text(max_size=20)), st.one_of(st.none(), st.dates()))
def test_the_analyser_takes_any_text(what, product, target, unit, due):
    v = wording.judge(what, product, target=target, unit=unit, due=due, year=2022)
    assert v == wording.judge(what, product, target=target, unit=unit, due=due, year=2022)


def three(tmp_path, config: str = ""):
    root = build_repo(tmp_path, DATA / "invalid" / "clarity-what-shapes")
    if config:
        with open(root / "giaoviec.yaml", "a", encoding="utf-8") as handle:
            handle.write(config)
    return root


def test_the_issue_wordings_warn_with_a_hint_and_strict_makes_them_errors(cli, tmp_path):
    root = three(tmp_path)
    run = cli("-C", str(root), "validate", "--format", "json")
    found = run.json()["diagnostics"]
    assert run.code == 0 and [d["code"] for d in found] == ["clarity.what"] * 3
    assert "tỷ lệ hồ sơ" not in found[0]["hint"] and "nước sạch" in found[0]["hint"]
    assert "bán hàng trực tuyến" in found[1]["hint"]
    assert "15-NQ/HU" in found[2]["message"] and "số hiệu văn bản" in found[2]["message"]
    assert cli("-C", str(root), "validate", "--strict").code == 1


EXTRA_TASK = """\
  - id: "07"
    what: Rà soát tài liệu lưu trữ
    when: {due: 2022-09-30}
    result: {product: Bản thu hoạch lưu trữ}
    responsibility: {accountable: can-bo-a}
    weight: 2
"""


def test_config_adds_to_the_built_in_lists(cli, tmp_path):
    root = three(tmp_path)
    path = root / "assignments/2022/xa-a/can-bo-a.yaml"
    path.write_text(path.read_text(encoding="utf-8") + EXTRA_TASK, encoding="utf-8")
    lines = lambda: [d["line"] for d in cli("-C", str(root), "validate", "--format", "json").json()["diagnostics"]]  # noqa: E731
    assert lines() == [12, 18, 24]  # "Bản thu hoạch lưu trữ" reads as a named result
    with open(root / "giaoviec.yaml", "a", encoding="utf-8") as handle:
        handle.write("generic_products: [bản thu hoạch]\n")
    assert lines() == [12, 18, 24, 48]  # the built-in kinds still hold, and the local one now too


def test_config_replaces_only_when_it_says_so(cli, tmp_path):
    root = three(tmp_path, "vague_phrases: [phấn đấu]\nvague_phrases_replace: true\ngeneric_products: [báo cáo]\ngeneric_products_replace: true\n")
    run = cli("-C", str(root), "validate", "--format", "json")
    # a verdict rests on quantities and named results, not on the verbs: the three stay vague; the
    # replaced phrases no longer shorten the object the hint names
    found = run.json()["diagnostics"]
    assert [d["line"] for d in found] == [12, 18, 24]
    assert "'Tăng cường công tác quản lý tài nguyên nước'" in found[0]["hint"]


def test_commands_that_show_no_warning_skip_the_wording_analyser_and_write_the_same(cli, monkeypatch):
    """score, stats, report and export show errors, never warnings: they skip the wording analyser
    (warnings only, a tenth of the pass). Their outputs are byte for byte those with it run."""
    import datetime as dt

    from conftest import EXAMPLES
    from giaoviec.app import checking as checking_module
    from giaoviec.app.checking import Checking

    vp = EXAMPLES / "vinh-phuc"
    codes = lambda c: [d.code for d in c.diagnostics]  # noqa: E731
    whole = Checking(vp, dt.date(2026, 12, 2)).finish()
    quick = Checking(vp, dt.date(2026, 12, 2), wording=False).finish()
    assert {"clarity.what", "clarity.mismatch"} <= set(codes(whole))  # the example has wording warnings
    assert codes(quick) == [c for c in codes(whole) if c not in ("clarity.what", "clarity.mismatch")]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    commands = [("score", "2022", "--format", "json"), ("score", "2022"), ("stats", "--year", "2022"),
                ("report", "--unit", "vinh-phuc", "--year", "2022"), ("export", "--year", "2022", "--format", "csv")]
    from giaoviec.checks import clarity

    read: list[str] = []
    analyser = clarity._wording
    monkeypatch.setattr(clarity, "_wording", lambda doc, *a: read.append(doc.path) or analyser(doc, *a))
    skipped = [cli("-C", str(vp), *c) for c in commands]
    assert read == []
    real = Checking.__init__
    monkeypatch.setattr(checking_module.Checking, "__init__", lambda self, *a, **k: real(self, *a, **{**k, "wording": True}))
    run = [cli("-C", str(vp), *c) for c in commands]
    assert read  # with it forced on, it ran
    for a, b in zip(skipped, run, strict=True):
        assert a.code == b.code and a.out == b.out and a.out
