"""i18n's catalog lookup (`_Catalog`, start-up): the shipped Vietnamese catalog read a message at a
time gives what gettext's GNUTranslations gives for every message, and the file it opens is the
one gettext finds."""

from __future__ import annotations

import gettext
import struct

import pytest

from giaoviec import i18n


def shipped() -> gettext.GNUTranslations:
    with (i18n.LOCALE_DIR / "vi" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


def test_every_message_is_looked_up_as_gettext_reads_it():
    whole = shipped()
    ours = i18n.translator("vi")
    assert isinstance(ours._gettext, i18n._Catalog)  # (not gettext's, which it falls back to)
    messages = [m for m in whole._catalog if isinstance(m, str)]  # type: ignore[attr-defined]
    assert len(messages) > 500
    assert [ours(m) for m in messages] == [whole.gettext(m) for m in messages]
    for unknown in ("no such message", "Checked {files} files", "x" * 300, "Đã kiểm tra", "\U0001f642", " "):
        assert ours(unknown) == whole.gettext(unknown) == unknown
    assert [ours(m) for m in reversed(messages)] == [whole.gettext(m) for m in reversed(messages)]  # (kept answers)


def test_it_opens_the_file_gettext_finds_and_the_msgids_are_sorted():
    assert gettext.find(i18n.DOMAIN, i18n.LOCALE_DIR, ["vi"]) == str(i18n.LOCALE_DIR / "vi" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo")
    data = (i18n.LOCALE_DIR / "vi" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo").read_bytes()
    _magic, _version, n, ids, _texts = struct.unpack_from("<5I", data)
    keys = [data[o:o + n_] for n_, o in (struct.unpack_from("<2I", data, ids + 8 * i) for i in range(n))]
    assert keys == sorted(keys) and len(set(keys)) == n  # the binary search's ground
    assert not any(b"\x00" in k or b"\x04" in k for k in keys)  # no plural forms, no contexts


@pytest.mark.parametrize("broken", [b"", b"\x00" * 40, b"\xde\x12\x04\x95" + b"\x00" * 36])
def test_a_catalog_it_cannot_read_is_refused(broken):
    with pytest.raises((ValueError, struct.error)):
        i18n._Catalog(broken)
