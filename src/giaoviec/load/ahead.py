"""git's list of a repository's files, asked for ahead: `list_ahead(root)` starts `git ls-files`
in a process of its own as soon as the root is known (quick.py, before the modules that check and
answer are imported), and `git_list(root)` takes its output when the listing needs it (load/files),
or runs it then if it was not started. git lists while Python imports: with a core free, the list
is there when it is asked for.

Only the list is done ahead, never a decision: its output is read exactly as a list made at that
moment would be (the same arguments), and one started for another root is not used. A list started
and never taken is killed and waited for at exit (no process is left behind).

Buys: `benchmarks/ab.py --files 5000 --pairs 12`, fc0e85b against itself with quick.py's call of
`list_ahead` removed (7 December, quiet machine), wall medians: one changed file 0.77 →
0.72 s (× 0.95; CPU 0.77 → 0.74 s), `validate FILE` after one change 0.89 → 0.77 s (× 0.93), `validate`
from the cache 0.24 → 0.22 s (× 0.89): margin under the bar of one changed file < 1 s, which a loaded
machine reached (docs/performance.md, Devices). With the other core busy it buys nothing (10 pairs,
another job running: × 0.98–1.07): git then waits for the core Python holds.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
from pathlib import Path

ARGS = ("ls-files", "-z", "-s", "--cached", "--others", "--exclude-standard")
TIMEOUT = 60  # seconds: a list that takes longer is not waited for (the walk is made instead)

_started: dict[str, subprocess.Popen[bytes]] = {}


def _start(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(["git", "-C", str(root), *ARGS], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def list_ahead(root: Path) -> None:
    """Starts git's list of `root` now, to be taken by `git_list(root)`; nothing if it cannot start."""
    key = os.path.realpath(root)
    if key in _started:
        return
    with contextlib.suppress(OSError):
        _started[key] = _start(root)


def git_list(root: Path) -> tuple[int, bytes, bytes] | None:
    """(exit code, stdout, stderr) of `git ls-files` in `root`: the one started ahead for it, else one
    run now; None when git cannot run or takes longer than TIMEOUT."""
    proc = _started.pop(os.path.realpath(root), None)  # (taken by one caller only: serve lists from several threads)
    if proc is None:
        try:
            proc = _start(root)
        except OSError:
            return None
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    return proc.returncode, out, err


def _drop() -> None:
    """The lists started and never taken: killed and waited for."""
    while _started:
        _, proc = _started.popitem()
        with contextlib.suppress(OSError):
            proc.kill()
            proc.communicate()


atexit.register(_drop)
