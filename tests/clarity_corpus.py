"""The labelled corpus of task wordings (tests/data/clarity/) and the figures the analyser gets on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from giaoviec.checks.wording import Verdict, judge

HERE = Path(__file__).parent / "data" / "clarity"


@dataclass(frozen=True)
class Case:
    label: str
    what: str
    product: str | None
    indicator: str | None
    unit: str | None
    target: float | None
    due: dt.date

    def verdict(self) -> Verdict:
        return judge(self.what, self.product, target=self.target, unit=self.unit, due=self.due, year=2022)


def cases(part: str) -> list[Case]:
    out = []
    for entry in YAML(typ="safe").load((HERE / f"{part}.yaml").read_text(encoding="utf-8")):
        assert set(entry) <= {"label", "what", "product", "measure", "due"}, entry  # a comma unquoted in { } splits a field
        assert entry["label"] in ("vague", "clear", "mismatch"), entry
        indicator = unit = target = None
        if "measure" in entry:
            indicator, unit, target_text = (s.strip() for s in str(entry["measure"]).split("|"))
            target = float(target_text)
        due = entry.get("due", dt.date(2022, 12, 31))
        if isinstance(due, str):
            due = dt.date.fromisoformat(due)
        out.append(Case(entry["label"], str(entry["what"]), entry.get("product"), indicator, unit, target, due))
    return out


def flagged(case: Case) -> set[str]:
    v = case.verdict()
    return ({"vague"} if v.vague else set()) | ({"mismatch"} if v.quantity or v.deadline else set())


@dataclass(frozen=True)
class Figures:
    vague_recall: float
    mismatch_recall: float
    false_alarms: float
    misses: list[tuple[str, Case, set[str]]]


def figures(part: str) -> Figures:
    by = {"vague": [0, 0], "mismatch": [0, 0], "clear": [0, 0]}
    misses = []
    for case in cases(part):
        got = flagged(case)
        hit = (case.label in got) if case.label != "clear" else bool(got)
        by[case.label][0] += hit
        by[case.label][1] += 1
        if hit == (case.label == "clear"):
            misses.append((case.label, case, got))
    ratio = {k: v[0] / v[1] for k, v in by.items()}
    return Figures(ratio["vague"], ratio["mismatch"], ratio["clear"], misses)


if __name__ == "__main__":
    import sys

    for part in sys.argv[1:] or ["tune"]:
        f = figures(part)
        print(f"{part}: vague recall {f.vague_recall:.1%}, mismatch recall {f.mismatch_recall:.1%}, false alarms {f.false_alarms:.1%}")
        if part == "tune":
            for label, case, got in f.misses:
                print(f"  {label:8} got {sorted(got)}: {case.what!r} / {case.product!r} / {case.unit} {case.target} / {case.due}")
