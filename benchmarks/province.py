"""Every speed and memory figure of docs/performance.md, in one run, as ratios to a baseline run in
the same process tree on the same machine:

- start-up: `giaoviec --help` and `validate` of a small repository (medians), and the import time of
  each top-level package that `import giaoviec.cli` and a `validate` load;
- at each size (files of 21 tasks): validate cold, the bare limit (rapidyaml → JSON →
  `model_validate_json`, and with `json.loads` + `model_validate`), validate warm, validate after
  one file changed, `validate FILE` after one file changed (what pre-commit runs), and every command
  (score in each format, stats, report md/html, export xlsx/csv/json, diff of a one-file commit)
  with its ratio to cold validate and its peak memory;
- growth: ms per file of each command from the smallest to the largest size (linear: flat);
- `--tasks 1000000`: the same commands at about a million tasks, peak memory against the 1 GB bar.

    python benchmarks/province.py                       # 1,000 and 5,000 files (about 5 minutes)
    python benchmarks/province.py --sizes 1000,10000    # growth from 1k to 10k files
    python benchmarks/province.py --repeat 3            # medians of 3 runs, each paired with a cold validate
    python benchmarks/province.py --tasks 1000000 --skip-startup   # about 30 minutes

Every figure is a whole command run as its own process (start-up included), timed by wall clock;
peak memory is the operating system's maximum resident set size of that process (wait4). Bytecode
is compiled first (`python -m compileall`), as an installed package has it.
"""

from __future__ import annotations

import argparse
import os
import re
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

PROJECT = HERE.parent
BIN = Path(sys.executable).parent
TASKS_PER_FILE = 21

BARE_JSON = """
import sys, ryml
from pathlib import Path
from giaoviec.model import Assignment
for path in Path(sys.argv[1]).rglob("*.yaml"):
    if "assignments" in path.parts:
        Assignment.model_validate_json(ryml.emit_json(ryml.parse_in_arena(path.read_bytes())))
"""
BARE_LOADS = BARE_JSON.replace("import sys, ryml", "import json, sys, ryml").replace(
    "Assignment.model_validate_json(ryml.emit_json(", "Assignment.model_validate(json.loads(ryml.emit_json(").replace(
    "read_bytes())))", "read_bytes()))))")

COMMANDS = {  # label → arguments (the output file, when there is one, goes to OUT)
    "score json": ["score", "2022", "--format", "json"],
    "score table": ["score", "2022"],
    "score csv": ["score", "2022", "--format", "csv"],
    "score md": ["score", "2022", "--format", "md"],
    "stats": ["stats", "--year", "2022"],
    "report md": ["report", "--unit", "tinh", "--year", "2022", "--out", "{out}/r.md", "--force"],
    "report html": ["report", "--unit", "tinh", "--year", "2022", "--format", "html", "--out", "{out}/r.html", "--force"],
    "export xlsx": ["export", "--year", "2022", "--out", "{out}/e.xlsx", "--force"],
    "export csv": ["export", "--year", "2022", "--format", "csv", "--out", "{out}/e.csv", "--force"],
    "export json": ["export", "--year", "2022", "--format", "json", "--out", "{out}/e.json", "--force"],
    "diff (one-file commit)": ["diff", "HEAD~1", "HEAD", "--format", "json"],
}
TARGETS = {"score json": 1.1, "score table": 1.1, "stats": 1.2, "report md": 1.5, "report html": 2.0, "export xlsx": 2.0,
           "export csv": 2.0, "export json": 2.0, "diff (one-file commit)": 0.2}


def run(cmd: list[str], env: dict | None = None, ok=(0, 1), cwd: Path | None = None) -> tuple[float, int]:
    """(seconds, peak RSS in MB) of one command; each is also printed as it ends (on standard error)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd,
                            env={**os.environ, **(env or {})})
    err = proc.stderr.read().decode() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    CPU.append(cpu)
    print(f"  {seconds:8.2f} s {cpu:8.2f} s CPU {usage.ru_maxrss // 1024:6d} MB  {' '.join(cmd[3:] if 'giaoviec' in cmd[0] else cmd[:1])}",
          file=sys.stderr, flush=True)
    return seconds, usage.ru_maxrss // 1024


CPU: list[float] = []  # the CPU time (user + system) of every command run, in order


def giaoviec(root: Path, *args: str) -> list[str]:
    return [str(BIN / "giaoviec"), "-C", str(root), *args]


def median(cmd: list[str], times: int = 5, env: dict | None = None) -> float:
    return statistics.median(run(cmd, env)[0] for _ in range(times))


def median_cpu(times: int = 5) -> float:
    """The median CPU time of the last `times` commands run (those `median` just ran)."""
    return statistics.median(CPU[-times:])


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=bench", "-c", "user.email=bench@example.org", *args],
                   check=True, capture_output=True)


def edit(path: Path) -> None:
    """A real change: a check-in note one character longer."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Đã thực hiện theo kế hoạch quý", "Đã thực hiện theo kế hoạch quý.", 1), encoding="utf-8")


def startup(work: Path) -> None:
    small = work / "one"  # one assignment file of 21 tasks and its registry: valid, so nothing but the summary is printed
    generate(small, 1)
    cold = {"GIAOVIEC_NO_CACHE": "1"}
    cached = {"GIAOVIEC_CACHE_DIR": str(work / "startup-cache")}
    python, python_cpu = median([sys.executable, "-c", "pass"]), median_cpu()
    help_, help_cpu = median([str(BIN / "giaoviec"), "--help"]), median_cpu()
    small_cold, small_cold_cpu = median(giaoviec(small, "validate"), env=cold), median_cpu()
    subprocess.run(giaoviec(small, "validate"), env={**os.environ, **cached}, capture_output=True, check=False)
    small_warm, small_warm_cpu = median(giaoviec(small, "validate"), env=cached), median_cpu()
    one = str(next((small / "assignments").rglob("*.yaml")).relative_to(small))
    subprocess.run(giaoviec(small, "validate", one), env={**os.environ, **cached}, capture_output=True, check=False)
    small_file, small_file_cpu = median(giaoviec(small, "validate", one), env=cached), median_cpu()
    print("## start-up (median of 5, bytecode compiled; wall clock, and CPU time: user + system)")
    print(f"python -c pass                                  {1000 * python:6.0f} ms {1000 * python_cpu:6.0f} ms CPU")
    print(f"giaoviec --help                                 {1000 * help_:6.0f} ms {1000 * help_cpu:6.0f} ms CPU   (bar: < 150 ms)")
    print(f"giaoviec validate, small repository, as before  {1000 * small_warm:6.0f} ms {1000 * small_warm_cpu:6.0f} ms CPU   (bar: < 150 ms; the answer from the cache)")
    print(f"giaoviec validate FILE, as pre-commit runs it   {1000 * small_file:6.0f} ms {1000 * small_file_cpu:6.0f} ms CPU   (bar: < 150 ms; the answer from the cache)")
    print(f"giaoviec validate, small repository, --no-cache {1000 * small_cold:6.0f} ms {1000 * small_cold_cpu:6.0f} ms CPU   (every file parsed: pydantic and the models)")
    for label, code in (("import giaoviec.cli", "import giaoviec.cli"),
                        # (quick.py answers validate, from the cache or after a change, without the command line)
                        ("an answer from the cache", "import giaoviec.quick, giaoviec.app.validate, giaoviec.load.settings, giaoviec.render.diagnostics"),
                        ("validate's imports", "import giaoviec.quick, giaoviec.app.validate, giaoviec.app.checking, giaoviec.render.diagnostics")):
        proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                              env={**os.environ, "PYDANTIC_DISABLE_PLUGINS": "__all__"}, check=True)
        top: dict[str, int] = {}  # self time of every module, summed by package (giaoviec by its stage)
        for line in proc.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)", line)
            if m:
                parts = m.group(3).split(".")
                name = ".".join(parts[:2]) if parts[0] == "giaoviec" else parts[0]
                top[name] = top.get(name, 0) + int(m.group(1))
        listed = ", ".join(f"{n} {us / 1000:.0f}" for n, us in sorted(top.items(), key=lambda kv: -kv[1]) if us >= 3000)
        print(f"{label}: {sum(top.values()) / 1000:.0f} ms — {listed} (ms, -X importtime)")
    print()


Row = tuple[float, int, float | None]  # median seconds, peak MB, median ratio to the cold validate run just before (paired)


def measure(root: Path, files: int, work: Path, commands: list[str], quick: bool = False, repeat: int = 1,
            skip_bare: bool = False) -> dict[str, Row]:
    """Every row at one size. With `repeat` > 1 each command and bare baseline is run that many times,
    each time right after a cold validate: its seconds are the median, and its ratio the median of
    the ratios of each pair (a machine whose speed drifts during the run changes both of a pair)."""
    out_dir = work / f"out{files}"
    out_dir.mkdir(exist_ok=True)
    cache = work / f"cache{files}"
    cold = {"GIAOVIEC_NO_CACHE": "1"}
    warm = {"GIAOVIEC_CACHE_DIR": str(cache)}
    validations: list[float] = []

    def validate_cold() -> tuple[float, int]:
        got = run(giaoviec(root, "validate", "--format", "json"), cold)
        validations.append(got[0])
        return got

    def paired(cmd: list[str], env: dict | None = None) -> Row:
        if repeat == 1:
            seconds, mb = run(cmd, env)
            return seconds, mb, None
        pairs = [(validate_cold()[0], run(cmd, env)) for _ in range(repeat)]
        return (statistics.median(s for _v, (s, _m) in pairs), max(m for _v, (_s, m) in pairs),
                statistics.median(s / v for v, (s, _m) in pairs))

    r: dict[str, Row] = {}
    first = validate_cold()
    r["validate (cold)"] = (*first, None)
    if quick:  # only the commands, against cold validate
        git(root, "commit", "--allow-empty", "-qm", "nothing")
        for label in commands:
            r[label] = paired(giaoviec(root, *[a.replace("{out}", str(out_dir)) for a in COMMANDS[label]]), cold)
        r["validate (cold)"] = (statistics.median(validations), first[1], None)
        return r
    if not skip_bare:
        r["bare: rapidyaml→JSON→model_validate_json"] = paired([sys.executable, "-c", BARE_JSON, str(root)])
        r["bare: rapidyaml→JSON→json.loads→model_validate"] = paired([sys.executable, "-c", BARE_LOADS, str(root)])
    run(giaoviec(root, "validate", "--format", "json"), warm)  # fills the cache
    time.sleep(2.1)  # the files' stamps settle (a file changed within 2 s of a scan is read again)
    run(giaoviec(root, "validate", "--format", "json"), warm)
    r["validate (warm, nothing changed)"] = (*run(giaoviec(root, "validate", "--format", "json"), warm), None)
    one = sorted((root / "assignments").rglob("*.yaml"))[files // 2]
    edit(one)
    r["validate (warm, one file changed)"] = (*run(giaoviec(root, "validate", "--format", "json"), warm), None)
    edit(one)
    r["validate FILE (one file changed)"] = (*run(giaoviec(root, "validate", "--format", "json", str(one.relative_to(root))), warm), None)
    git(root, "commit", "-qam", "one file")
    for label in commands:
        args = [a.replace("{out}", str(out_dir)) for a in COMMANDS[label]]
        r[label] = paired(giaoviec(root, *args), cold)
    r["validate (cold)"] = (statistics.median(validations), first[1], None)
    return r


def table(rows: dict[int, dict[str, Row]], repeat: int = 1) -> None:
    sizes = sorted(rows)
    for n in sizes:
        r = rows[n]
        cold = r["validate (cold)"][0]
        print(f"## {n:,} files, {n * TASKS_PER_FILE:,} tasks" + (f" (medians of {repeat} runs, each paired with a cold validate)" if repeat > 1 else ""))
        print(f"{'':48s} {'seconds':>9s} {'ms/file':>8s} {'× cold':>7s} {'peak MB':>8s}  bar")
        for label, (seconds, mb, paired_ratio) in r.items():
            ratio = paired_ratio if paired_ratio is not None else seconds / cold
            bar = f"≤ {TARGETS[label]}×" if label in TARGETS else ""
            if label.startswith("bare"):
                bar = f"cold / bare = {1 / ratio:.2f} (bar: ≤ 2)"
            if label == "validate (warm, one file changed)":
                bar = "< 1 s at 5,000 files"
            print(f"{label:48s} {seconds:9.2f} {1000 * seconds / n:8.2f} {ratio:7.2f} {mb:8d}  {bar}")
        print()
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        print(f"## growth: ms per file at {first:,} → {last:,} files (linear: about 1.0)")
        for label in rows[first]:
            a, b = rows[first][label][0] / first, rows[last][label][0] / last
            print(f"{label:48s} {1000 * a:8.2f} → {1000 * b:8.2f}   × {b / a:4.2f}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000", help="numbers of assignment files")
    parser.add_argument("--tasks", type=int, default=0, help="instead: one size of about this many tasks (memory)")
    parser.add_argument("--only", default="", help="a comma-separated subset of the commands")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--startup-only", action="store_true")
    parser.add_argument("--commands-only", action="store_true", help="skip the bare, warm and one-file rows")
    parser.add_argument("--skip-bare", action="store_true", help="skip the bare rows (with --only none: the warm and one-file rows alone)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each command and baseline this many times, each after a cold validate: medians, paired ratios")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PROJECT / "src" / "giaoviec")], check=False)
    commands = [c for c in COMMANDS if not args.only or c in args.only.split(",")]
    work = Path(tempfile.mkdtemp(prefix="giaoviec-province-"))
    print(f"{subprocess.run(giaoviec(PROJECT, '--version'), capture_output=True, text=True).stdout.strip()}, "
          f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} processors, Python {sys.version.split()[0]}")
    print()
    try:
        if not args.skip_startup:
            startup(work)
        if args.startup_only:
            return
        sizes = [-(-args.tasks // TASKS_PER_FILE)] if args.tasks else [int(s) for s in args.sizes.split(",")]
        rows = {}
        for n in sizes:
            root = work / f"p{n}"
            generate(root, n)
            git(root, "init", "-q")
            git(root, "add", "-A")
            git(root, "commit", "-qm", "generated")
            rows[n] = measure(root, n, work, commands, args.commands_only, args.repeat, args.skip_bare)
            shutil.rmtree(root, ignore_errors=True)
        table(rows, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
