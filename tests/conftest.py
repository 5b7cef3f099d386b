"""Shared helpers: run the CLI in-process (or as a real subprocess), build repositories from the corpus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# Under CI the property tests run fixed examples (the same every run); locally, new ones each run.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")

HERE = Path(__file__).parent
PROJECT = HERE.parent
DATA = HERE / "data"
EXAMPLES = PROJECT / "examples"


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own cache folder: none writes into the developer's."""
    monkeypatch.setenv("GIAOVIEC_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GIAOVIEC_NO_CACHE", raising=False)


@pytest.fixture(autouse=True)
def collector_unfrozen():
    """A report or export freezes the objects it keeps for the rest of its process (gc.freeze: the
    cyclic collector skips them; the command's process then ends). Tests share one process: each
    gives the collector its objects back."""
    yield
    import gc

    gc.unfreeze()


@pytest.fixture
def cli(capsys, monkeypatch):
    """giaoviec ARGS in this process (exit code, stdout, stderr); no colour, no GitHub detection."""
    from giaoviec import cli as module

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")

    def run(*args: str, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["giaoviec", *args])
        capsys.readouterr()
        try:
            module.main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run

DRAFT = "assignments/2024/ban-to-chuc-huyen-uy-yen-lac/bui-van-khoa.yaml"  # status: proposed, vague on purpose


def copy_example(root: Path, draft: bool = False) -> Path:
    """A copy of the example repository; without its draft assignment (whose findings are meant)
    unless asked, so that a test sees only the findings it makes."""
    shutil.copytree(EXAMPLES / "vinh-phuc", root)
    if not draft:
        (root / DRAFT).unlink()
    return root


def subprocess_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> Run:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if "GITHUB_ACTIONS" not in (env or {}) else None
    proc = subprocess.run([sys.executable, "-m", "giaoviec", *args], capture_output=True, text=True, cwd=cwd, env=full_env, timeout=120)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def build_repo(tmp_path: Path, case: Path | None = None) -> Path:
    """The base test repository with a case's files laid over it."""
    root = tmp_path / "repo"
    shutil.copytree(DATA / "base", root)
    if case is not None:
        shutil.copytree(case / "files", root, dirs_exist_ok=True)
    return root


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def golden(request):
    """golden(name, text): compares with tests/golden/NAME (rewrites it with --update-golden)."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = HERE / "golden" / name
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not update:
                pytest.fail(f"golden file {name} was missing and has been written; review it and rerun")
        assert text == path.read_text(encoding="utf-8"), f"{name} differs (review, then rerun with --update-golden)"

    return check
