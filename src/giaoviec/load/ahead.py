"""git's list of a repository's files, asked for ahead: `list_ahead(root)` starts `git ls-files`
in a process of its own as soon as the root is known (quick.py, before the modules that check and
answer are imported), and `git_list(root)` takes its output when the listing needs it (load/files),
or runs it then if it was not started. git lists while Python imports: on the two cores every
machine has, the list is there when it is asked for.

Only the list is done ahead, never a decision: its output is read exactly as a list made at that
moment would be (the same arguments), and one started for another root is not used. A list started
and never taken is killed and waited for at exit (no process is left behind).

Buys: see docs/performance.md, Devices (`load/ahead.py`): with it and without it, `ab.py` on the
generated province of 5,000 files (7 December, third session): one changed file and `validate
FILE` after one change, each about 25–40 ms less (git's 30–60 ms of listing run beside the imports).
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


def _command(root: Path) -> list[str]:
    return ["git", "-C", str(root), *ARGS]


def list_ahead(root: Path) -> None:
    """Starts git's list of `root` now, to be taken by `git_list(root)`; nothing if it cannot start."""
    key = os.path.realpath(root)
    if key in _started:
        return
    with contextlib.suppress(OSError):
        _started[key] = subprocess.Popen(_command(root), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def git_list(root: Path) -> tuple[int, bytes, bytes] | None:
    """(exit code, stdout, stderr) of `git ls-files` in `root`: the one started ahead for it, else one
    run now; None when git cannot run or takes longer than TIMEOUT."""
    proc = _started.pop(os.path.realpath(root), None)
    if proc is None:
        try:
            proc = subprocess.Popen(_command(root), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
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
