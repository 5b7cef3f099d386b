"""Every invalid case gives its diagnostics at the expected line and column, and no traceback;
every valid case gives none."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, build_repo

INVALID = sorted(p for p in (DATA / "invalid").iterdir() if p.is_dir())
VALID = sorted(p for p in (DATA / "valid").iterdir() if p.is_dir())


def expected(case: Path) -> list[str]:
    return [line for line in (case / "expect.txt").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case(case, cli, tmp_path):
    root = build_repo(tmp_path, case)
    run = cli("-C", str(root), "validate", "--format", "json")
    assert "Traceback" not in run.err
    found = [f"{d['code']} {d['path']}:{d['line']}:{d['column']}" for d in run.json()["diagnostics"]]
    assert found == expected(case)
    for d in run.json()["diagnostics"]:
        assert d["line"] >= 1 and d["column"] >= 1 and d["message"]
    errors = any(d["severity"] == "error" for d in run.json()["diagnostics"])
    assert run.code == (1 if errors else 0)


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_case(case, cli, tmp_path):
    root = build_repo(tmp_path, case)
    run = cli("-C", str(root), "validate", "--format", "json", "--strict")
    assert run.json()["diagnostics"] == []
    assert run.code == 0


def test_base_repository_is_clean(cli):
    run = cli("-C", str(DATA / "base"), "validate", "--format", "json", "--strict")
    assert run.code == 0, run.out
    assert run.json()["summary"] == {"files": 5, "errors": 0, "warnings": 0}
