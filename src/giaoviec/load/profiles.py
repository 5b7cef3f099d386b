"""The built-in ScoringProfile files shipped with the package (`giaoviec/profiles/*.yaml`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from giaoviec.load.reader import FAST
from giaoviec.model import ScoringProfile


@cache
def builtin_profiles() -> dict[str, ScoringProfile]:
    profiles: dict[str, ScoringProfile] = {}
    folder = resources.files("giaoviec") / "profiles"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            loaded = FAST.load(entry.name, entry.read_text(encoding="utf-8"))
            for data in loaded.documents:
                profile = ScoringProfile.model_validate(data)
                profiles[profile.id] = profile
    return profiles
