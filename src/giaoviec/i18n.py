"""Message catalogs: English msgids in the code, Vietnamese (and later others) from gettext files."""

from __future__ import annotations

import gettext as _gettext
from functools import lru_cache
from pathlib import Path
from typing import Callable

DOMAIN = "giaoviec"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("vi", "en")

Gettext = Callable[[str], str]


@lru_cache(maxsize=None)
def translator(lang: str) -> Gettext:
    """gettext for `lang`; English (the msgids themselves) when there is no catalog."""
    if lang == "en":
        return lambda message: message
    return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True).gettext
