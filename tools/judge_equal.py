"""Whether a change to the wording analyser changes any verdict: judge()'s full Verdict (its repr: the
Reading, the quantity, the deadline) on every item of tests/data/clarity/*.yaml in every product variant
of tests/clarity_corpus.py (also read as score --explain reads a task: no target, unit or due date), and
on every task of benchmarks/generate.py's province (the calls a validate makes, recorded).

    python tools/judge_equal.py --save /tmp/before.json     # on the code before the change
    python tools/judge_equal.py --check /tmp/before.json    # on the code after it: exit 1 on any difference

Only counts are printed, never a wording, a label or a figure: the blind parts are read for this equality only.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402

from clarity_corpus import PARTS, VARIANTS, cases  # noqa: E402
from giaoviec.checks import wording  # noqa: E402

TEXTS: list[tuple[str, int]] = []  # every `what` judged, with its year


def corpus() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in PARTS:
        TEXTS.extend((c.what, c.year) for c in cases(part))
        for variant in VARIANTS:
            out[f"{part}/{variant}"] = [repr(c.verdict()) for c in cases(part, variant)]
        out[f"{part}/explain"] = [repr(wording.judge(c.what, c.product, year=c.year)) for c in cases(part)]
    return out


def routing(texts: list[tuple[str, int]]) -> int:
    """How many texts judge() reads by numbers alone (complex_text False) that the full reading reads otherwise:
    other quantities, or a deadline."""
    from giaoviec.checks.wording_dates import deadlines_of
    from giaoviec.checks.wording_numbers import complex_text, numbers_in, quantities_of, written

    wrong = 0
    for what, year in texts:
        text = written(what)
        low = text.lower()
        if not complex_text(low) and (numbers_in(low) != quantities_of(text) or deadlines_of(text, year)):
            wrong += 1
    return wrong


def province(files: int) -> list[str]:
    """The verdicts of the judge() calls of one validate of a generated province."""
    from giaoviec.cli.app import main

    real, got = wording.judge, []

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        verdict = real(*args, **kwargs)
        got.append(repr(verdict))
        TEXTS.append((args[0], kwargs["year"]))
        return verdict

    with tempfile.TemporaryDirectory(prefix="giaoviec-judge-") as folder:
        generate(Path(folder), files)
        wording.judge = recording  # type: ignore[assignment]
        sys.argv = ["giaoviec", "-C", folder, "validate", "--format", "json", "--no-cache"]
        try:
            with open(os.devnull, "w") as null, contextlib.redirect_stdout(null), contextlib.suppress(SystemExit):
                main()
        finally:
            wording.judge = real
    return got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--check", type=Path)
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args()
    verdicts = corpus()
    verdicts["province"] = province(args.files)
    wrong = routing(TEXTS)
    print(f"{len(TEXTS)} texts: {wrong} read by numbers alone that the full reading reads otherwise")
    if args.save:
        args.save.write_text(json.dumps(verdicts, ensure_ascii=False), encoding="utf-8")
        print(f"saved {sum(map(len, verdicts.values()))} verdicts of {len(verdicts)} sets")
        return
    before = json.loads(args.check.read_text(encoding="utf-8"))
    differ = 0
    for name in sorted(set(before) | set(verdicts)):
        old, new = before.get(name, []), verdicts.get(name, [])
        n = len(old) if len(old) != len(new) else sum(a != b for a, b in zip(old, new, strict=True))
        digest = hashlib.sha256("\n".join(new).encode()).hexdigest()[:12]
        print(f"{name:28} {len(new):6} verdicts, {n} differ ({digest})")
        differ += n
    print(f"{sum(map(len, verdicts.values()))} verdicts, {differ} differ")
    raise SystemExit(1 if differ or wrong else 0)


if __name__ == "__main__":
    main()
