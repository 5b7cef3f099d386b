"""What the command line needs of giaoviec.yaml before anything else — the language it speaks —
read without building a model, so that a command answered from the cache loads none."""

from __future__ import annotations

import json
from pathlib import Path

from giaoviec.load.files import CONFIG_FILE, read_bounded

LANGUAGES = ("vi", "en")


def language(root: Path) -> str | None:
    """The language the Config document asks for ("vi" when it names none, the model's default);
    None when the fast reader cannot tell (the caller then reads the file through the model). A
    Config that the model would refuse still speaks the language it names."""
    try:
        raw = read_bounded(root / CONFIG_FILE)
    except OSError:
        return None
    return _named(raw)


def _named(raw: bytes) -> str | None:
    from giaoviec.load import yamlfast, yamlio  # (rapidyaml: not for a language kept by `kept_language`)

    text, _problem = yamlio.decode(CONFIG_FILE, raw)
    documents = yamlfast.documents(text) if text is not None else None
    for document in documents or ():
        if isinstance(document, dict) and document.get("kind") == "Config":
            named = document.get("language", "vi")
            return named if named in LANGUAGES else None
    return None


KEPT = "languages.json"  # in the cache's folder: giaoviec.yaml's bytes → the language they name, for one version
KEEP = 16  # configurations kept


def kept_language(root: Path, folder: Path) -> str | None:
    """`language(root)`, kept in `folder` (the cache's) under giaoviec.yaml's bytes: it is a function
    of those bytes alone, so the same bytes are not read by rapidyaml again (a run answered from the
    cache imports no YAML reader). Like the cache, what another version kept is not trusted (by its
    version alone: the package's fingerprint would cost `--help` a digest of every file). None as
    `language` says it."""
    from giaoviec import __version__
    from giaoviec.load.jsonfile import write_json

    try:
        raw = read_bounded(root / CONFIG_FILE)
    except OSError:
        return None
    key = raw.decode("latin-1")  # every byte a character: the bytes themselves, no digest to make
    try:
        data = json.loads((folder / KEPT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    tool = __version__
    kept = data.get("languages") if isinstance(data, dict) and data.get("tool") == tool else None
    if not isinstance(kept, dict):
        kept = {}
    if kept.get(key) in LANGUAGES:
        return str(kept[key])
    named = _named(raw)
    if named is not None:
        write_json(folder / KEPT, {"tool": tool, "languages": dict(list(kept.items())[-(KEEP - 1):]) | {key: named}})
    return named
