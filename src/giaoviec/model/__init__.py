"""The pydantic models of every kind of document (no I/O here)."""

from pydantic import BaseModel

from giaoviec.model.assignment import Assignment, Task
from giaoviec.model.config import Config
from giaoviec.model.evaluation import Evaluation
from giaoviec.model.org import Cadres, Units
from giaoviec.model.profile import ScoringProfile

KINDS: dict[str, type[BaseModel]] = {
    "Config": Config,
    "Units": Units,
    "Cadres": Cadres,
    "Assignment": Assignment,
    "Evaluation": Evaluation,
    "ScoringProfile": ScoringProfile,
}

__all__ = ["KINDS", "Assignment", "Cadres", "Config", "Evaluation", "ScoringProfile", "Task", "Units"]
