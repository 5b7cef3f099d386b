"""`progress` is linear in the size of the file: one check-in appended to a file of N lines, for
two sizes ten times apart, in one run; the ratio of times should stay near 10 (quadratic: ~100).

    python benchmarks/progress.py            # 2,000 and 20,000 lines
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BASE = PROJECT / "tests/data/base"
TASK = """  - id: "{i:05d}"
    what: Hoàn thành {i} hồ sơ
    when: {{due: 2022-10-31}}
    result: {{product: Biên bản nghiệm thu hồ sơ {i}, measure: {{indicator: Số hồ sơ, unit: hồ sơ, target: 10}}}}
    responsibility: {{accountable: can-bo-a}}
    progress:
      - {{date: 2022-03-31, value: 1}}
"""


def file_of(lines: int) -> str:
    head = (BASE / "assignments/2022/xa-a/can-bo-a.yaml").read_text(encoding="utf-8")
    head = head[: head.index("tasks:")] + "tasks:\n"
    return head + "".join(TASK.format(i=i) for i in range(lines // 7))


def timed(root: Path, lines: int) -> float:
    path = root / "assignments/2022/xa-a/can-bo-a.yaml"
    path.write_text(file_of(lines), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "giaoviec", "-C", str(root), "progress", "assignments/2022/xa-a/can-bo-a.yaml#00001",
                    "--value", "2", "--date", "2022-06-30"], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    work = Path(tempfile.mkdtemp())
    try:
        root = work / "repo"
        shutil.copytree(BASE, root)
        (root / "evaluations/2022/hd.yaml").unlink()
        small, large = timed(root, 2000), timed(root, 20000)
        print(f"progress on  2,000 lines: {small:.2f} s")
        print(f"progress on 20,000 lines: {large:.2f} s")
        print(f"ratio: {large / small:.1f}× for 10× the lines (linear: about 10× or less, start-up included)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
