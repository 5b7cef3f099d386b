"""Province-scale figures in one run: how validate grows with the number of files, cold and warm;
score against validate; the peers at the largest size; peak memory at a million tasks.

    python benchmarks/province.py                      # 1,000, 2,000 and 5,000 files (~10 min with peers)
    python benchmarks/province.py --sizes 1000 --no-peers
    python benchmarks/province.py --memory 1000000     # peak RSS of validate and score at ~1,000,000 tasks

Every figure is a whole command run as its own process (start-up included), timed by wall clock;
peak memory is the operating system's maximum resident set size of that process (wait4).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from validate_vs_peers import BARE  # noqa: E402

PROJECT = HERE.parent
BIN = Path(sys.executable).parent
TASKS_PER_FILE = 21


def run(cmd: list[str], env: dict | None = None, ok=(0,)) -> tuple[float, int]:
    """(seconds, peak RSS in MB) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"{cmd[0]} failed ({code}): {err[-2000:]}")
    return seconds, usage.ru_maxrss // 1024


def giaoviec(root: Path, *args: str) -> list[str]:
    return [str(BIN / "giaoviec"), "-C", str(root), *args]


def measure(root: Path, files: int, cache_dir: Path) -> dict[str, tuple[float, int]]:
    cold = {"GIAOVIEC_NO_CACHE": "1"}
    warm = {"GIAOVIEC_CACHE_DIR": str(cache_dir)}
    out = {
        "validate (cold)": run(giaoviec(root, "validate", "--format", "json"), cold),
        "score 2022 (cold)": run(giaoviec(root, "score", "2022", "--format", "json"), cold),
        "bare rapidyaml→JSON+pydantic": run([sys.executable, "-c", BARE, str(root)]),
    }
    run(giaoviec(root, "validate", "--format", "json"), warm)  # fills the cache
    out["validate (warm)"] = run(giaoviec(root, "validate", "--format", "json"), warm)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,2000,5000")
    parser.add_argument("--no-peers", action="store_true", help="skip check-jsonschema (about 45 ms a file)")
    parser.add_argument("--memory", type=int, default=0, help="only measure peak memory at this many tasks")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="giaoviec-province-"))
    try:
        if args.memory:
            files = -(-args.memory // TASKS_PER_FILE)
            print(f"generating {files} files ({files * TASKS_PER_FILE:,} tasks)…", flush=True)
            generate(work / "p", files)
            for label, cmd in (("validate", giaoviec(work / "p", "validate", "--format", "json")),
                               ("score 2022", giaoviec(work / "p", "score", "2022", "--format", "json"))):
                seconds, mb = run(cmd, {"GIAOVIEC_NO_CACHE": "1"})
                print(f"{label:12s} {seconds:8.1f} s   peak RSS {mb:6d} MB   (bar: < 1024 MB)")
            return
        sizes = [int(s) for s in args.sizes.split(",")]
        rows = {}
        for n in sizes:
            root = work / f"p{n}"
            generate(root, n)
            rows[n] = measure(root, n, work / f"cache{n}")
        names = list(rows[sizes[0]])
        print(f"{'files':>6s} " + " ".join(f"{name:>30s}" for name in names))
        for n in sizes:
            print(f"{n:6d} " + " ".join(f"{rows[n][k][0]:8.2f} s {1000 * rows[n][k][0] / n:6.2f} ms/f {rows[n][k][1]:4d}MB" for k in names))
        largest = sizes[-1]
        r = rows[largest]
        cold, bare = r["validate (cold)"][0], r["bare rapidyaml→JSON+pydantic"][0]
        print()
        print(f"growth: validate ms/file from {sizes[0]} to {largest} files: "
              f"{1000 * rows[sizes[0]]['validate (cold)'][0] / sizes[0]:.2f} → {1000 * cold / largest:.2f} (linear when flat or falling)")
        print(f"ratio validate / bare parse+validation at {largest} = {cold / bare:4.1f}×   (bar: ≤ 4×)")
        print(f"warm validate at {largest} = {r['validate (warm)'][0]:.2f} s   (bar: < 0.5 s)")
        print(f"ratio score / validate at {largest} = {r['score 2022 (cold)'][0] / cold:4.2f}×   (bar: ≤ 1×, see docs/performance.md)")
        if not args.no_peers:
            root = work / f"p{largest}"
            files = sorted(str(p) for p in (root / "assignments").rglob("*.yaml"))
            peer, _ = run([shutil.which("check-jsonschema") or str(BIN / "check-jsonschema"),
                           "--schemafile", str(PROJECT / "schemas" / "assignment.schema.json"), *files])
            print(f"check-jsonschema at {largest}: {peer:.1f} s; ratio check-jsonschema / validate = {peer / cold:4.1f}×   (bar: ≥ 10×)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
