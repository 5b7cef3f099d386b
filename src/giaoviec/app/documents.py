"""The report as a document to sign: its letterhead from giaoviec.yaml (`documents`), the options
and the unit's names; and its PDF, made by LibreOffice from the Word document (the same content,
the same layout a Ban Tổ chức sees when it opens the .docx)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.load.repository import Repository
from giaoviec.model.config import DocumentSettings
from giaoviec.render.docx import Letterhead

LEVEL_WORDS = re.compile(r"^(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+", re.IGNORECASE)
INSTALL = "sudo apt-get install libreoffice-writer-nogui fonts-liberation2"  # Debian, Ubuntu


def settings_for(repo: Repository, unit: str) -> DocumentSettings:
    """The `documents` entry of the unit (the nearest unit above it that has one), or the one for any unit."""
    entries = repo.config.documents
    current: str | None = unit
    seen: set[str] = set()
    while current is not None and current not in seen:
        seen.add(current)
        for entry in entries:
            if entry.unit == current:
                return entry
        parent = repo.units.get(current)
        current = parent.item.parent if parent else None
    return next((e for e in entries if e.unit is None), DocumentSettings())


def letterhead(repo: Repository, unit: str, day: dt.date, number: str | None = None, signer: str | None = None) -> Letterhead:
    """What the form needs: configured where giaoviec.yaml says it, otherwise drawn from the units
    (the unit is the issuer, its parent the superior; a State form for an agency, a Party one otherwise)."""
    s = settings_for(repo, unit)
    entry = repo.units.get(unit)
    level = entry.item.level if entry else None
    parent = entry.item.parent if entry else None
    form = s.form or ("state" if level == "agency" else "party")
    name = repo.name(unit)
    issuer = s.issuer or name
    superior = s.superior if s.superior is not None else (repo.name(parent) if parent else "")
    place = s.place or LEVEL_WORDS.sub("", re.sub(r"\s*\(.*?\)", "", name))
    symbol = s.symbol or ("BC-UBND" if form == "state" else "BC")
    who = s.signer
    return Letterhead(
        form=form, superior=superior, issuer=issuer, number=number or "", symbol=symbol, place=place, date=day,
        authority=(who.authority or "") if who else "", title=who.title if who else "", signer=signer or ((who.name or "") if who else ""),
        recipients=s.recipients,
        issuer_in_text=f"{s.issuer} {s.superior}" if s.issuer and s.superior and form == "party" else issuer,
    )


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: bytes, timeout: float = 180) -> bytes:
    """The PDF of a Word document, converted by LibreOffice headless in a folder of its own (with a
    profile of its own, so that a LibreOffice the user has open is not disturbed)."""
    program = soffice()
    if program is None:
        raise Fatal(ExitCode.REPOSITORY, N_("Making a PDF needs LibreOffice, which is not installed. Install it with: {command}"),
                    command=INSTALL)
    with tempfile.TemporaryDirectory(prefix="giaoviec-pdf-") as folder:
        work = Path(folder)
        source = work / "report.docx"
        source.write_bytes(docx)
        profile = (work / "profile").as_uri()
        env = {**os.environ, "HOME": folder, "SAL_USE_VCLPLUGIN": "svp"}
        try:
            proc = subprocess.run(
                [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf:writer_pdf_Export",
                 "--outdir", str(work), str(source)],
                capture_output=True, timeout=timeout, env=env, check=False,
            )
        except subprocess.TimeoutExpired:
            raise Fatal(ExitCode.REPOSITORY, N_("LibreOffice did not finish converting the report to PDF within {seconds} seconds."),
                        seconds=int(timeout)) from None
        out = work / "report.pdf"
        if proc.returncode != 0 or not out.exists():
            raise Fatal(ExitCode.REPOSITORY, N_("LibreOffice could not convert the report to PDF: {detail}"),
                        detail=(proc.stderr or proc.stdout).decode("utf-8", "replace").strip()[-500:] or proc.returncode)
        return out.read_bytes()
