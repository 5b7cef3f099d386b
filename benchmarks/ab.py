"""The same commands with two versions of giaoviec, run alternately on one generated province:
the effect of a change on a machine whose speed drifts (each pair is run back to back, in turn
old-new and new-old, and the ratio is the median of the pairs' ratios).

    python benchmarks/ab.py --old 701d166                          # against the working tree, 1,000 files, 5 pairs
    python benchmarks/ab.py --old 701d166 --new HEAD --files 5000 --pairs 3 --only "report md,report html"
    python benchmarks/ab.py --old 701d166 --files 1 --pairs 20 --only=--help     # start-up
    python benchmarks/ab.py --old 701d166 --files 1 --pairs 20 --only="validate (cache),validate FILE (cache)"
    python benchmarks/ab.py --old 701d166 --files 5000 --pairs 12 --only="validate (one file changed)"

Each version is taken out of git into a temporary work tree and run from its source (PYTHONPATH),
with bytecode compiled, every command as its own process with the cache off; the province is
benchmarks/generate.py's. Prints seconds (medians), the median ratio new/old, the CPU time (user +
system, medians: less moved than the wall clock by other work on a shared machine) and peak memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from province import COMMANDS, edit, generate, git

PROJECT = Path(__file__).resolve().parents[1]
RUNS = {"validate": ["validate", "--format", "json"], **COMMANDS,  # cold validate, then every command
        "--help": ["--help"],  # start-up: run it with --pairs 20 or so (--only --help)
        # answered from validate's cache (each version its own), as a second run and pre-commit see it
        "validate (cache)": ["validate", "--format", "json"], "validate FILE (cache)": ["validate", "--format", "json", "{file}"],
        # one file changed before each run (each version its own cache): the file re-validated, the others from the cache
        "validate (one file changed)": ["validate", "--format", "json"],
        "validate FILE (one file changed)": ["validate", "--format", "json", "{file}"]}
CHANGED = ("validate (one file changed)", "validate FILE (one file changed)")
CACHED = ("validate (cache)", "validate FILE (cache)", *CHANGED)


def source(rev: str | None, work: Path, name: str) -> Path:
    """The src folder of a revision (None: the working tree), bytecode compiled."""
    if rev is None:
        src = PROJECT / "src"
    else:
        tree = work / name
        subprocess.run(["git", "-C", str(PROJECT), "worktree", "add", "-f", "--detach", str(tree), rev], check=True, capture_output=True)
        src = tree / "src"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src / "giaoviec")], check=False)
    return src


def run(src: Path, root: Path, args: list[str], cache: Path | None = None) -> tuple[float, int, float]:
    """(wall seconds, peak RSS in MB, CPU seconds: user + system) of one command; with the cache in
    `cache`, else none."""
    env = {**os.environ, "PYTHONPATH": str(src), **({"GIAOVIEC_CACHE_DIR": str(cache)} if cache else {"GIAOVIEC_NO_CACHE": "1"})}
    env.pop("CI", None) if cache else None
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "giaoviec", "-C", str(root), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed with {src}")
    return time.perf_counter() - start, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", required=True, help="the revision to compare against")
    parser.add_argument("--new", default=None, help="the revision to measure (default: the working tree)")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--only", default="", help="a comma-separated subset of the commands")
    args = parser.parse_args()
    labels = [c for c in RUNS if not args.only or c in args.only.split(",")]
    work = Path(tempfile.mkdtemp(prefix="giaoviec-ab-"))
    try:
        srcs = {"old": source(args.old, work, "old"), "new": source(args.new, work, "new")}
        root = work / "province"
        generate(root, args.files)
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "generated")
        one = sorted((root / "assignments").rglob("*.yaml"))[args.files // 2]
        edit(one)  # diff HEAD~1 HEAD: a one-file commit, as province.py makes
        git(root, "commit", "-qam", "one file")
        out = work / "out"
        out.mkdir()
        print(f"{args.files:,} files, {args.pairs} pairs; old {args.old}, new {args.new or 'working tree'}")
        for label in labels:
            cmd = [a.replace("{out}", str(out)).replace("{file}", str(one.relative_to(root))) for a in RUNS[label]]
            caches = {w: work / f"cache-{w}" if label in CACHED else None for w in ("old", "new")}
            if label in CACHED:  # each version fills its cache, then the files' stamps settle (2 s) and it is filled again
                for _ in range(2):
                    for which in ("old", "new"):
                        run(srcs[which], root, cmd, caches[which])
                    time.sleep(2.1)
            got: dict[str, list[tuple[float, int, float]]] = {"old": [], "new": []}
            for i in range(args.pairs):
                for which in (("old", "new") if i % 2 == 0 else ("new", "old")):
                    if label in CHANGED:
                        edit(one)  # (a check-in note one character longer each time: a real change for each version)
                    got[which].append(run(srcs[which], root, cmd, caches[which]))
            old, new = (statistics.median(s for s, _m, _c in got[w]) for w in ("old", "new"))
            ratio = statistics.median(n[0] / o[0] for o, n in zip(got["old"], got["new"], strict=True))
            cpu_old, cpu_new = (statistics.median(c for _s, _m, c in got[w]) for w in ("old", "new"))
            peaks = " → ".join(f"{max(m for _s, m, _c in got[w])}" for w in ("old", "new"))
            print(f"{label:22s} old {old:7.2f} s   new {new:7.2f} s   new/old {ratio:5.2f}   "
                  f"CPU {cpu_old:6.2f} → {cpu_new:6.2f} s ({cpu_new / cpu_old:4.2f})   peak {peaks} MB", flush=True)
    finally:
        for name in ("old", "new"):
            if (work / name).exists():
                subprocess.run(["git", "-C", str(PROJECT), "worktree", "remove", "--force", str(work / name)], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
