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
    year: int = 2022
    source: str | None = None

    def verdict(self) -> Verdict:
        return judge(self.what, self.product, target=self.target, unit=self.unit, due=self.due, year=self.year,
                     indicator=self.indicator)


# the product a committee writes when the source gives none (what issue 28 measured with)
GENERIC = "Báo cáo kết quả thực hiện nhiệm vụ"
PARTS = ("tune", "holdout", "real_tune", "real_blind", "real_tune2", "real_blind2", "real_blind3", "real_blind4", "real_blind5", "real_blind6", "real_blind7",
         "real_blind8", "real_blind9", "real_blind10", "real_blind11", "real_blind12", "real_blind13", "real_blind14")
REAL = ("real_tune", "real_blind", "real_tune2", "real_blind2", "real_blind3", "real_blind4", "real_blind5", "real_blind6", "real_blind7",
        "real_blind8", "real_blind9", "real_blind10", "real_blind11", "real_blind12", "real_blind13", "real_blind14")
# the parts no rule may be written from: their misses are not printed while tuning. real_blind,
# real_blind2, real_blind3 and real_blind4 were blind; their blind figures are written in their
# headers and they are tuning parts now (real_blind4 since its blind figure was put on record, 8640e2f).
# real_blind5 (141 wordings, 35 provinces, committed at 28f1ebb before the analyser read them) was blind
# until its blind figures were put on record (01fcf9c); it is a tuning part since. real_blind6 (136
# wordings, 32 provinces, committed at 7927109 before the analyser read them) was blind until its
# blind figures were put on record (ebfb4be); it is a tuning part since. real_blind7 (141 wordings,
# 22 provinces, committed at e3470b6 before the analyser read them) was blind until its blind figures were
# put on record (419e99a); it is a tuning part since (w/clarity4).
# real_blind8 (145 wordings, 28 provinces, committed at 033df8e with its header at 9b24495) and real_blind9
# (142 wordings, 31 provinces, committed at c99989d with its header at b3c9328), both collected before the
# analyser read them, were blind: measured once together (protocol written before: the session note) with
# the rules of 6637d86; their blind figures are written in tests/test_clarity.py. Both are tuning parts
# since (w/clarity5).
# real_blind10 (139 wordings, 27 provinces, committed at df64ae9) and real_blind11 (140 wordings, 25
# provinces, committed at 5ce1e2c), collected by two helpers who never ran the analyser while w/clarity5
# tuned on real_blind8/9, were blind: measured once together (the protocol, written before: the pooled
# figures of the two decide) with the rules of 32ddc17; their blind figures are written in tests/test_clarity.py.
# Both are tuning parts since (w/clarity6).
# real_blind12 (147 wordings, 33 provinces), real_blind13 (155 wordings, 22 provinces) and real_blind14 (142
# wordings, 24 provinces), collected by three helpers who never ran the analyser while w/clarity6 tuned on
# real_blind10/11, and labelled a second time independently (disagreements adjudicated, before the analyser read
# them), are blind: measured once together (the protocol, written before: the pooled figures of the three decide).
BLIND: tuple[str, ...] = ("real_blind12", "real_blind13", "real_blind14")
# how a case's product is taken: as written (the synthetic parts), the source's own or else the
# generic report ("source"), or a product that merely repeats the task's words ("words")
VARIANTS = ("as-written", "source", "words")


def cases(part: str, variant: str = "as-written") -> list[Case]:
    out = []
    real = part in REAL
    for entry in YAML(typ="safe").load((HERE / f"{part}.yaml").read_text(encoding="utf-8")):
        assert set(entry) <= {"label", "what", "product", "measure", "due", "province", "source", "passage", "label_note"}, entry
        assert not real or {"province", "source"} <= set(entry), entry  # a real wording says where it came from
        assert entry["label"] in ("vague", "clear", "mismatch"), entry
        indicator = unit = target = None
        if "measure" in entry:
            indicator, unit, target_text = (s.strip() for s in str(entry["measure"]).split("|"))
            target = float(target_text)
        due = entry.get("due", dt.date(2022, 12, 31))
        if isinstance(due, str):
            due = dt.date.fromisoformat(due)
        what, product = str(entry["what"]), entry.get("product")
        if variant == "source":
            product = product or GENERIC
        elif variant == "words":
            product = what
        year = due.year if real else 2022
        out.append(Case(entry["label"], what, product, indicator, unit, target, due, year, entry.get("source")))
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


def figures(part: str, variant: str = "as-written") -> Figures:
    by = {"vague": [0, 0], "mismatch": [0, 0], "clear": [0, 0]}
    misses = []
    for case in cases(part, variant):
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

    args = sys.argv[1:] or ["tune"]
    show = "-v" in args
    for part in (a for a in args if a != "-v"):
        for variant in (("source", "words") if part in REAL else ("as-written",)):
            f = figures(part, variant)
            print(f"{part} [{variant}]: vague recall {f.vague_recall:.1%}, mismatch recall {f.mismatch_recall:.1%}, "
                  f"false alarms {f.false_alarms:.1%}")
            if show and part not in BLIND:  # the blind part's misses are not looked at while tuning
                for label, case, got in f.misses:
                    print(f"  {label:8} got {sorted(got)}: {case.what!r} / {case.product!r} / {case.unit} {case.target} / {case.due}")
