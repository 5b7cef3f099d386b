"""What the clarity analyser (checks/wording.py) costs `giaoviec validate`, in one run: the same
command on the same generated province, in fresh processes, with the analyser and with it replaced
by one that finds nothing (the validate of before issue 12). check-jsonschema's time does not
change between the two, so the fall of the ratio check-jsonschema / giaoviec is 1 − without / with
(issue 28's bar: at most 15 %). Both the wall clock and the CPU time of each process are given: the CPU time is less moved by other jobs on the machine.

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
import time
from giaoviec.cli.app import main
sys.argv = ["giaoviec", "-C", sys.argv[2], "validate", "--format", "json", "--no-cache"]
try:
    main()
finally:
    sys.stderr.write(f"\\nCPU {time.process_time()}\\n")  # the process's own CPU time: less moved by other jobs than the wall clock
"""


def timed(mode: str, folder: Path) -> tuple[float, float]:
    """Wall clock and CPU time of one cold validate."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", RUN, mode, str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"validate failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return elapsed, float(proc.stderr.decode().rsplit("CPU ", 1)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="giaoviec-clarity-"))
    try:
        generate(folder, args.files)
        times: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
        for _ in range(args.repeat):  # interleaved, so that a slow moment of the machine hits both
            for mode in times:
                times[mode].append(timed(mode, folder))
        tasks = args.files * 21
        print(f"{args.files} assignment files, {tasks} tasks, median of {args.repeat}")
        for i, clock in enumerate(("wall clock", "CPU time")):
            with_, without = (statistics.median(t[i] for t in times[m]) for m in ("with", "without"))
            print(f"{clock}: validate without the analyser {without:7.2f} s, with it {with_:7.2f} s "
                  f"(+{with_ - without:.2f} s, {1e6 * (with_ - without) / tasks:.1f} µs a task): the analyser's share "
                  f"{1 - without / with_:5.1%} (bar: ≤ 15 %)")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
