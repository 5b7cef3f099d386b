"""Message catalogs and the one translatable message type, `Phrase`.

Messages are English msgids in the code, translated from gettext catalogs (Vietnamese in
`locale/vi/`). A Phrase is a msgid with its arguments, translated only when it is shown; an
argument may itself be a Phrase, or a tuple of Phrases (shown one after the other, joined by "; ",
or by a space when each is a sentence).
Diagnostics, explanations and fatal errors all carry Phrases, so one function shows them all.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from giaoviec import formats

DOMAIN = "giaoviec"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("vi", "en")

Gettext = Callable[[str], str]


def N_(message: str) -> str:
    """Marks a message for the catalog; it is translated when it is shown."""
    return message


@dataclass(frozen=True, slots=True)
class Phrase:
    id: str
    args: tuple[tuple[str, object], ...] = ()


def phrase(msgid: str, **args: object) -> Phrase:
    return Phrase(msgid, tuple(args.items()))


def counted(n: int, one: str, many: str) -> Phrase:
    """A count with its noun: English writes "1 error" and "2 errors", so the msgid is chosen by the
    count; the catalog translates both (Vietnamese has one form: "1 lỗi", "2 lỗi")."""
    return Phrase(one if n == 1 else many, (("n", n),))


def show(value: object, _: Gettext) -> object:
    """An argument as it is shown: Phrases translated, dates and decimal numbers written the way the
    language writes them, everything else as it is."""
    if isinstance(value, Phrase):
        return say(value, _)
    if isinstance(value, dt.date):
        return formats.day(value, lang_of(_))
    if isinstance(value, formats.Share):
        return formats.percent_of(value, lang_of(_))
    if isinstance(value, float):
        return formats.number(value, lang_of(_))
    if isinstance(value, tuple) and value and all(isinstance(v, Phrase) for v in value):
        said = [say(v, _) for v in value]
        return (" " if all(s.endswith((".", "!", "?")) for s in said) else "; ").join(said)  # sentences, or clauses
    return value


def say(p: Phrase, _: Gettext) -> str:
    return fill(_(p.id), {k: show(v, _) for k, v in p.args})


class _Filler(string.Formatter):
    """str.format, but a number that `show` has already written the language's way ("1,5") keeps
    its text where the template asks for a number's format ("{score:g}")."""

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, str) and format_spec and format_spec[-1] in NUMBER_SPECS:
            format_spec = ""
        return super().format_field(value, format_spec)


NUMBER_SPECS = frozenset("bcdeEfFgGnoxX%")
_FILLER = _Filler()


def fill(template: str, values: dict[str, object]) -> str:
    """`template.format(**values)`, or the template itself when it does not fit the values."""
    try:
        return _FILLER.vformat(template, (), values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return template


class Translator:
    """gettext for one language, which also knows the language: dates and numbers in a Phrase's
    arguments are written the way that language writes them (formats.py)."""

    __slots__ = ("_gettext", "lang")

    def __init__(self, lang: str, gettext: Gettext) -> None:
        self.lang = lang
        self._gettext = gettext

    def __call__(self, message: str) -> str:
        return self._gettext(message)


@cache
def translator(lang: str) -> Translator:
    """gettext for `lang`; English (the msgids themselves) when there is no catalog."""
    if lang == "en":
        return Translator("en", _english)
    return Translator(lang, _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True).gettext)


def lang_of(_: Gettext) -> str:
    return getattr(_, "lang", "en")


def _english(message: str) -> str:
    return message


_OS_PROBLEMS = {  # errno → what the operating system said, in words the catalog translates
    "ENOENT": N_("no such file or folder"), "EACCES": N_("permission denied"), "EPERM": N_("operation not permitted"),
    "ENOSPC": N_("no space left on the disk"), "EDQUOT": N_("disk quota exceeded"), "EISDIR": N_("it is a folder"),
    "ENOTDIR": N_("a part of the path is not a folder"), "EROFS": N_("the disk is read-only"), "EEXIST": N_("it exists already"),
    "ENAMETOOLONG": N_("the name is too long"), "ELOOP": N_("too many levels of links"), "EBUSY": N_("it is in use"),
}


def os_problem(exc: OSError) -> Phrase | str:
    """An operating-system error as the run's language says it (the system's own English words
    only for an error the catalog does not know)."""
    import errno

    said = getattr(exc, "phrase", None)  # giaoviec's own refusals to read (load.files.read_bounded)
    if isinstance(said, Phrase):
        return said
    name = errno.errorcode.get(exc.errno or -1, "")
    return Phrase(_OS_PROBLEMS[name]) if name in _OS_PROBLEMS else (exc.strerror or str(exc))
