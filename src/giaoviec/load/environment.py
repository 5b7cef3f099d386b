"""The environment, read once, in one place: every other module gets these values as arguments."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from giaoviec.load.reader import Reader

TRUE = ("1", "true", "yes")


@dataclass(frozen=True)
class Environment:
    ci: bool
    lang: str | None  # GIAOVIEC_LANG
    cache_folder: Path | None  # None: no cache (under CI, or GIAOVIEC_NO_CACHE)
    reader: Reader  # the fast path or the precise one (load/reader.py chooses from GIAOVIEC_READER)
    source_date: dt.date | None  # SOURCE_DATE_EPOCH, for reproducible documents
    github_actions: bool
    github_workspace: Path | None
    github_summary: Path | None
    locale_lang: str | None = None  # vi or en from LANGUAGE, LC_ALL, LC_MESSAGES, LANG (as GNU gettext reads them)
    state_folder: Path | None = None  # giaoviec's own files (the journal of a write outside git): the cache's folder, even when the cache is off

    @staticmethod
    def read(environ: Mapping[str, str] | None = None) -> Environment:
        env = os.environ if environ is None else environ
        ci = env.get("CI", "").lower() in TRUE
        explicit = env.get("GIAOVIEC_CACHE_DIR")
        state = Path(explicit) if explicit else Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "giaoviec"
        cache = state if not ci and not env.get("GIAOVIEC_NO_CACHE") else None
        epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
        return Environment(
            ci=ci,
            lang=env.get("GIAOVIEC_LANG") or None,
            cache_folder=cache,
            reader=Reader.chosen(env),
            source_date=dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date() if epoch.isdigit() else None,
            github_actions=env.get("GITHUB_ACTIONS") == "true",
            github_workspace=Path(env["GITHUB_WORKSPACE"]) if env.get("GITHUB_WORKSPACE") else None,
            github_summary=Path(env["GITHUB_STEP_SUMMARY"]) if env.get("GITHUB_STEP_SUMMARY") else None,
            locale_lang=locale_language(env),
            state_folder=state,
        )


def locale_language(env: Mapping[str, str]) -> str | None:
    """The first language giaoviec speaks named by the locale, as GNU tools read it: LANGUAGE (a
    list, `vi:en`) unless the locale is C, then LC_ALL, LC_MESSAGES, LANG; None for C, POSIX or
    a language giaoviec does not speak."""
    locale = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    names = ([] if locale in ("", "C", "POSIX") or locale.startswith("C.") else env.get("LANGUAGE", "").split(":")) + [locale]
    for name in names:
        code = name.split(".")[0].split("@")[0].split("_")[0].lower()
        if code in ("vi", "en"):
            return code
    return None
