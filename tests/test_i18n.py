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
