"""The built-in ScoringProfile files shipped with the package, each with its source."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from giaoviec import yamlio
from giaoviec.model import ScoringProfile


@lru_cache(maxsize=1)
def builtin_profiles() -> dict[str, ScoringProfile]:
    profiles: dict[str, ScoringProfile] = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            loaded = yamlio.load(entry.name, entry.read_text(encoding="utf-8"))
            for data in loaded.documents:
                profile = ScoringProfile.model_validate(data)
                profiles[profile.id] = profile
    return profiles
