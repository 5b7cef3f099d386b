"""Renders the pages of the example's Word report (as LibreOffice prints it to PDF) into the images
of the user guide (docs/images/bao-cao-*.png).

    python tools/document_pages.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

PROJECT = Path(__file__).resolve().parent.parent
IMAGES = PROJECT / "docs" / "images"
PAGES = {1: "bao-cao-trang-1.png", 2: "bao-cao-trang-2.png", 6: "bao-cao-phu-luc.png"}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "bao-cao.pdf"
        subprocess.run([sys.executable, "-m", "giaoviec", "-C", str(PROJECT / "examples" / "vinh-phuc"), "report", "--unit", "yen-lac",
                        "--year", "2022", "--format", "pdf", "--out", str(pdf), "--number", "15", "--date", "2023-01-10"], check=True)
        doc = pdfium.PdfDocument(str(pdf))
        IMAGES.mkdir(parents=True, exist_ok=True)
        for number, name in PAGES.items():
            image = doc[number - 1].render(scale=90 / 72).to_pil().convert("L")
            image.save(IMAGES / name, optimize=True)
            print(f"{IMAGES / name} ({image.size[0]}×{image.size[1]})")
        print(f"{len(doc)} pages")


if __name__ == "__main__":
    main()
