"""What the clarity analyser (checks/wording.py) costs `giaoviec validate`, in one run: the same
command on the same generated province, in fresh processes, with the analyser and with it replaced
by one that finds nothing (the validate of before issue 12). check-jsonschema's time does not
change between the two, so the fall of the ratio check-jsonschema / giaoviec is 1 − without / with
(the bar: at most 10 %, on the 5,000-file province).

    python benchmarks/clarity_cost.py [--files 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

RUN = """
import sys
if sys.argv[1] == "without":
    from giaoviec.checks import wording
    clear = wording.Verdict(None, False, None, None)
    wording.judge = lambda *args, **kwargs: clear
from giaoviec.cli.app import main
sys.argv = ["giaoviec", "-C", sys.argv[2], "validate", "--format", "json", "--no-cache"]
main()
"""


def timed(mode: str, folder: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", RUN, mode, str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"validate failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="giaoviec-clarity-"))
    try:
        generate(folder, args.files)
        times: dict[str, list[float]] = {"with": [], "without": []}
        for _ in range(args.repeat):  # interleaved, so that a slow moment of the machine hits both
            for mode in times:
                times[mode].append(timed(mode, folder))
        with_, without = (statistics.median(times[m]) for m in ("with", "without"))
        tasks = args.files * 21
        print(f"{args.files} assignment files, {tasks} tasks, median of {args.repeat}")
        print(f"validate without the analyser  {without:7.2f} s")
        print(f"validate with the analyser     {with_:7.2f} s   (+{with_ - without:.2f} s, {1e6 * (with_ - without) / tasks:.1f} µs a task)")
        print(f"ratio check-jsonschema / giaoviec falls by {1 - without / with_:5.1%}   (bar: ≤ 10 %)")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
