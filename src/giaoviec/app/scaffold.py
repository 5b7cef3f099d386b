"""`new assignment` as a function: the cadre's existing assignments looked up before anything is written."""

from __future__ import annotations

from pathlib import Path

from giaoviec.load.repository import assignments_of, load_registry
from giaoviec.write import scaffold


def new_assignment(root: Path, cadre: str, period: str, program: str) -> Path:
    registry = load_registry(root)
    return scaffold.new_assignment(registry.repo, cadre, period, program, assignments_of(registry, cadre))
