"""Extracts the msgids from src/giaoviec, merges tools/vi_messages.py, writes vi .po and .mo.

Run after adding or changing a message: `python tools/update_catalog.py`. Needs Babel (test extra).
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SRC = ROOT / "src" / "giaoviec"
OUT = SRC / "locale" / "vi" / "LC_MESSAGES"
sys.path.insert(0, str(HERE))

from vi_messages import VI  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))
from giaoviec import __version__  # noqa: E402

FIXED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)  # stable files: no churn in git


def msgids() -> list[str]:
    keywords = {"_": None, "N_": None}
    found = []
    for _file, _line, message, _comments, _ctx in extract_from_dir(str(SRC), keywords=keywords):
        if isinstance(message, str) and message not in found:
            found.append(message)
    return found


def build() -> tuple[Catalog, list[str]]:
    catalog = Catalog(locale="vi", domain="giaoviec", project="giaoviec", version=__version__, charset="utf-8", creation_date=FIXED,
                      revision_date=FIXED, copyright_holder="giaoviec", msgid_bugs_address="https://github.com/giaoviec/giaoviec/issues",
                      last_translator="giaoviec <https://github.com/giaoviec/giaoviec>", language_team="Tiếng Việt",
                      header_comment="# Vietnamese translations for giaoviec: written from tools/vi_messages.py by tools/update_catalog.py.\n",
                      fuzzy=False)  # a fuzzy header makes `pybabel compile` skip the whole catalog
    missing = []
    for mid in msgids():
        if mid not in VI:
            missing.append(mid)
        catalog.add(mid, VI.get(mid, ""))
    return catalog, missing


def main() -> int:
    catalog, missing = build()
    OUT.mkdir(parents=True, exist_ok=True)
    po = io.BytesIO()
    write_po(po, catalog, omit_header=False, no_location=True, sort_output=True, width=0)
    (OUT / "giaoviec.po").write_bytes(po.getvalue())
    mo = io.BytesIO()
    write_mo(mo, catalog)
    (OUT / "giaoviec.mo").write_bytes(mo.getvalue())
    for mid in missing:
        print(f"untranslated: {mid}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
