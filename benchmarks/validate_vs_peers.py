"""Times `giaoviec validate` against check-jsonschema (a peer, with the project's own schema) and
against a bare baseline (libyaml parse + pydantic validation of the same files), in one run, and
prints the ratios. The bars are in ../shared/spec/quality.md (docs/performance.md says more).

    python benchmarks/validate_vs_peers.py [--files 1000] [--keep DIR]

Each tool reads the same generated files from a cold process; the times are wall-clock seconds
of whole commands (median of --repeat runs), so start-up costs are included for every side.
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

PROJECT = HERE.parent
BIN = Path(sys.executable).parent

# The fastest bare reader of the reference table: rapidyaml → JSON → json.loads, then pydantic;
# no YAML 1.2 typing, no duplicate keys, no positions, no checks, no listing of the repository.
BARE = """
import json, sys, ryml
from pathlib import Path
from giaoviec.model import Assignment
for path in Path(sys.argv[1]).rglob("*.yaml"):
    if "assignments" in path.parts:
        Assignment.model_validate(json.loads(ryml.emit_json(ryml.parse_in_arena(path.read_bytes()))))
"""
LIBYAML = """
import sys, yaml
from pathlib import Path
from giaoviec.model import Assignment
for path in Path(sys.argv[1]).rglob("*.yaml"):
    if "assignments" in path.parts:
        Assignment.model_validate(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader))
"""


def timed(cmd: list[str], repeat: int, ok=(0,)) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if proc.returncode not in ok:
            raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="giaoviec-bench-"))
    files = generate(folder, args.files)
    giaoviec = [str(BIN / "giaoviec"), "-C", str(folder), "validate", "--format", "json"]
    peer = [shutil.which("check-jsonschema") or str(BIN / "check-jsonschema"),
            "--schemafile", str(PROJECT / "schemas" / "assignment.schema.json"), *map(str, files)]
    bare = [sys.executable, "-c", BARE, str(folder)]
    libyaml = [sys.executable, "-c", LIBYAML, str(folder)]

    print(f"{args.files} assignment files × 21 tasks ({sum(f.stat().st_size for f in files) / 1e6:.1f} MB), median of {args.repeat}")
    t_ours = timed(giaoviec, args.repeat)
    t_bare = timed(bare, args.repeat)
    t_libyaml = timed(libyaml, args.repeat)
    t_peer = timed(peer, args.repeat)
    per = lambda t: f"{t:7.2f} s  {1000 * t / args.files:6.2f} ms/file"  # noqa: E731
    print(f"giaoviec validate              {per(t_ours)}")
    print(f"bare rapidyaml→JSON + pydantic {per(t_bare)}")
    print(f"bare libyaml + pydantic        {per(t_libyaml)}")
    print(f"check-jsonschema               {per(t_peer)}")
    print(f"ratio check-jsonschema / giaoviec = {t_peer / t_ours:5.1f}×   (bar: ≥ 10×)")
    print(f"ratio giaoviec / bare parse+valid = {t_ours / t_bare:5.1f}×   (bar: ≤ 4× of the fastest bare reader)")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
