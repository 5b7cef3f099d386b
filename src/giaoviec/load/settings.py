"""What the command line needs of giaoviec.yaml before anything else — the language it speaks —
read without building a model, so that a command answered from the cache loads none."""

from __future__ import annotations

from pathlib import Path

from giaoviec.load import yamlfast, yamlio
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
    text, _problem = yamlio.decode(CONFIG_FILE, raw)
    documents = yamlfast.documents(text) if text is not None else None
    for document in documents or ():
        if isinstance(document, dict) and document.get("kind") == "Config":
            named = document.get("language", "vi")
            return named if named in LANGUAGES else None
    return None
