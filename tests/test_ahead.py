"""git's list asked for ahead (load/ahead.py): taken as a list made then would be, for its own root
only, once; a list never taken leaves no process behind; the quick path starts it and the answer is
the same as without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from giaoviec.load import ahead
from giaoviec.load.files import discover

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]


def _repo(tmp_path: Path, name: str = "repo") -> Path:
    root = tmp_path / name
    (root / "units").mkdir(parents=True)
    (root / "giaoviec.yaml").write_text("apiVersion: giaoviec/v1\nkind: Settings\n", encoding="utf-8")
    (root / "units" / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    subprocess.run([*GIT, "init", "-q", str(root)], check=True)
    subprocess.run([*GIT, "-C", str(root), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(root), "commit", "-qm", "one"], check=True)
    return root


def test_a_list_started_ahead_is_the_list_made_now(tmp_path):
    root = _repo(tmp_path)
    made_now = ahead.git_list(root)
    ahead.list_ahead(root)
    taken = ahead.git_list(root)
    assert made_now is not None and taken == made_now
    assert made_now[0] == 0 and b"units/a.yaml" in made_now[1]


def test_a_list_ahead_is_taken_once_and_a_file_added_after_it_is_then_seen(tmp_path):
    root = _repo(tmp_path)
    ahead.list_ahead(root)
    first = discover(root).files
    (root / "units" / "b.yaml").write_text("x: 2\n", encoding="utf-8")
    assert first == ["giaoviec.yaml", "units/a.yaml"]
    assert discover(root).files == ["giaoviec.yaml", "units/a.yaml", "units/b.yaml"]  # (a list made now, not the old one)


def test_a_list_started_for_another_root_is_not_used(tmp_path):
    one, other = _repo(tmp_path, "one"), _repo(tmp_path, "other")
    (other / "units" / "only-here.yaml").write_text("x: 3\n", encoding="utf-8")
    ahead.list_ahead(one)
    assert "units/only-here.yaml" in discover(other).files
    assert "units/only-here.yaml" not in discover(one).files  # (and one's own list was the one taken)


def test_the_same_root_by_another_spelling_takes_the_list(tmp_path):
    root = _repo(tmp_path)
    ahead.list_ahead(root / "units" / "..")
    assert os.path.realpath(root) in ahead._started
    assert ahead.git_list(root) is not None and not ahead._started


def test_a_list_never_taken_is_killed_at_exit(tmp_path):
    root = _repo(tmp_path)
    code = ("import sys; from pathlib import Path; from giaoviec.load import ahead; "
            "ahead.list_ahead(Path(sys.argv[1])); print(ahead._started[next(iter(ahead._started))].pid)")
    out = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True)
    pid = int(out.stdout)
    try:
        os.kill(pid, 0)  # a zombie would still answer: the process is reaped, so it is gone
    except ProcessLookupError:
        return
    except PermissionError:  # (the id already reused by another user's process)
        return
    raise AssertionError(f"git ls-files {pid} still there after exit")


def test_outside_git_the_walk_lists_the_files(tmp_path):
    root = tmp_path / "plain"
    (root / "units").mkdir(parents=True)
    (root / "units" / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    ahead.list_ahead(root)
    assert discover(root).files == ["units/a.yaml"]


def test_the_quick_answer_with_the_list_ahead_is_the_command_lines(tmp_path):
    """`validate --format json` answered from the cache (quick.py starts the list ahead) and by the
    command line (GIAOVIEC_NO_QUICK is not a thing: the command line is reached by a line quick does not
    take, `--lang vi` before validate) give the same diagnostics."""
    example = Path(__file__).resolve().parents[1] / "examples" / "vinh-phuc"
    root = tmp_path / "ex"
    subprocess.run(["cp", "-r", str(example), str(root)], check=True)
    subprocess.run([*GIT, "init", "-q", str(root)], check=True)
    subprocess.run([*GIT, "-C", str(root), "add", "."], check=True)
    env = {**os.environ, "GIAOVIEC_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("CI", None)
    env.pop("GITHUB_ACTIONS", None)
    run = [sys.executable, "-m", "giaoviec"]
    cold = subprocess.run([*run, "-C", str(root), "--lang", "vi", "validate", "--format", "json"], capture_output=True, text=True, env=env)
    quick = subprocess.run([*run, "-C", str(root), "validate", "--format", "json"], capture_output=True, text=True, env=env)
    assert cold.returncode == quick.returncode
    assert json.loads(cold.stdout) == json.loads(quick.stdout)
