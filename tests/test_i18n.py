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
