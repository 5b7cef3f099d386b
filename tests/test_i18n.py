"""Every message has its Vietnamese translation, and the compiled catalog is the .po's."""

from __future__ import annotations

import gettext
import sys

from conftest import PROJECT

sys.path.insert(0, str(PROJECT / "tools"))

import update_catalog

LC = PROJECT / "src/giaoviec/locale/vi/LC_MESSAGES"


def test_every_message_is_translated():
    _, missing = update_catalog.build()
    assert missing == [], "add them to tools/vi_messages.py and run tools/update_catalog.py"


def test_placeholders_survive_translation():
    import re

    for msgid, msgstr in update_catalog.VI.items():
        assert set(re.findall(r"\{\w+", msgid)) == set(re.findall(r"\{\w+", msgstr)), msgid


def test_compiled_catalog_matches_the_messages():
    catalog, _ = update_catalog.build()
    with open(LC / "giaoviec.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in catalog:
        if message.id:
            assert compiled.gettext(message.id) == message.string, message.id


def test_vietnamese_has_diacritics():
    from giaoviec.i18n import translator

    assert translator("vi")("error") == "lỗi"
    assert translator("en")("error") == "error"


def test_pybabel_compiles_the_shipped_catalog(tmp_path):
    """A fuzzy header makes `pybabel compile` skip the whole catalog: the shipped .po compiles, and
    to the same translations as the shipped .mo."""
    import shutil

    from babel.messages.frontend import CommandLineInterface

    shutil.copytree(PROJECT / "src/giaoviec/locale", tmp_path / "locale")
    (tmp_path / "locale/vi/LC_MESSAGES/giaoviec.mo").unlink()
    CommandLineInterface().run(["pybabel", "compile", "-d", str(tmp_path / "locale"), "-D", "giaoviec"])
    compiled = tmp_path / "locale/vi/LC_MESSAGES/giaoviec.mo"
    assert compiled.exists()
    with open(compiled, "rb") as ours, open(PROJECT / "src/giaoviec/locale/vi/LC_MESSAGES/giaoviec.mo", "rb") as shipped:
        assert gettext.GNUTranslations(ours)._catalog == gettext.GNUTranslations(shipped)._catalog  # type: ignore[attr-defined]


def test_every_catalog_message_renders_with_its_arguments():
    """Each message filled with its arguments as a Phrase carries them (a text, a whole number, a
    decimal written the language's way, a date): no placeholder is left raw in either language, even
    where the template asks for a number's format ("{score:g}") and the argument arrives written."""
    import datetime as dt
    import re
    import string

    from giaoviec.i18n import Phrase, say, translator

    samples = ("chữ", 3, 1.5, 2.0, dt.date(2022, 12, 31))
    for msgid, msgstr in update_catalog.VI.items():
        try:
            fields = {name for _text, name, _spec, _conv in string.Formatter().parse(msgid) if name}
        except ValueError:  # not a template but a text with braces of its own ("{ … }"): shown as it is
            assert not re.search(r"\{\w+[}:]", msgid), msgid
            assert say(Phrase(msgid), translator("vi")) == msgstr
            continue
        for lang in ("vi", "en"):
            _ = translator(lang)
            for sample in samples:
                said = say(Phrase(msgid, tuple((f, sample) for f in sorted(fields))), _)
                left = [f for f in fields if "{" + f + "}" in said or "{" + f + ":" in said]
                assert not left and "{{" not in said, (lang, sample, msgid, said)
                assert said != (msgstr if lang == "vi" else msgid) or not fields, (lang, sample, msgid)
