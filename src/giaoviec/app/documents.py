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
from dataclasses import dataclass
from pathlib import Path

from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.domain.unitnames import in_sentence, names_committee, territory
from giaoviec.model.config import DocumentSettings
from giaoviec.model.values import Repository
from giaoviec.render.letterhead import Letterhead

LEVEL_WORDS = re.compile(r"^(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+", re.IGNORECASE)
INSTALL = "sudo apt-get install libreoffice-writer-nogui fonts-liberation2"  # Debian, Ubuntu


NOT_CONFIGURED = DocumentSettings()


def settings_for(repo: Repository, unit: str) -> DocumentSettings:
    """The `documents` entry of the unit (the nearest unit above it that has one), or the one for any
    unit; NOT_CONFIGURED when giaoviec.yaml has none for it."""
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
    return next((e for e in entries if e.unit is None), NOT_CONFIGURED)


@dataclass(frozen=True)
class Drawn:
    """The letterhead as the units' names give it, for what giaoviec.yaml does not say."""

    issuer: str
    superior: str
    symbol: str
    recipients: tuple[str, ...]


def drawn(repo: Repository, unit: str, form: str) -> Drawn:
    """The issuing body of a unit's report from the unit tree: in the Party's form, the unit's Party
    committee ("Thị ủy Kinh Môn") under the Party organisation above it ("Đảng bộ tỉnh Hải Dương"), or
    an organ of a committee ("Ban Tổ chức") under that committee ("Huyện ủy Yên Lạc"); in the State's
    form, the agency ("Sở Nội vụ") under the People's Committee above it. The recipients: the body
    above (to report to) and the issuer's own files."""
    entry = repo.units.get(unit)
    parent = entry.item.parent if entry else None
    name = repo.name(unit)
    own, up = territory(name), (territory(repo.name(parent)) if parent else None)
    above = repo.name(parent) if parent else ""
    if form == "state":
        issuer = own.people if own else name
        if not own and up and name.endswith(f" {up.kind} {up.proper}"):
            issuer = name[: -len(f" {up.kind} {up.proper}")]  # "Sở Nội vụ tỉnh Vĩnh Phúc" under the province's UBND: "Sở Nội vụ"
        superior = up.people if up else above
        return Drawn(issuer, superior, "BC-UBND", (*((f"{superior} (để báo cáo)",) if superior else ()), "Lưu: VT"))
    if own:
        return Drawn(own.committee, up.party if up else "", f"BC/{own.abbreviation}",
                     (*((f"Ban Thường vụ {up.committee} (để báo cáo)",) if up else ()), f"Lưu Văn phòng {own.committee}"))
    committee = up.committee if up else above
    issuer, superior = name, committee
    if committee and name.endswith(" " + committee):  # "Ban Tổ chức Huyện ủy Yên Lạc": Ban Tổ chức, under Huyện ủy Yên Lạc
        issuer = name[: -len(committee) - 1]
    return Drawn(issuer, superior, "BC", (*((f"Thường trực {committee} (để báo cáo)",) if committee else ()), f"Lưu {name}"))


def letterhead(repo: Repository, unit: str, day: dt.date, number: str | None = None, signer: str | None = None) -> Letterhead:
    """What the form needs: configured where giaoviec.yaml says it, otherwise drawn from the units
    (`drawn`; a State form for an agency, a Party one otherwise). `configured` is False when
    giaoviec.yaml has no `documents` entry for the unit: the command says so."""
    s = settings_for(repo, unit)
    entry = repo.units.get(unit)
    level = entry.item.level if entry else None
    form = s.form or ("state" if level == "agency" else "party")
    d = drawn(repo, unit, form)
    issuer = s.issuer or d.issuer
    superior = s.superior if s.superior is not None else d.superior
    place = s.place or LEVEL_WORDS.sub("", re.sub(r"\s*\(.*?\)", "", repo.name(unit)))
    who = s.signer
    in_text = issuer
    if form == "party" and superior and names_committee(superior) and superior.casefold() not in issuer.casefold():
        in_text = f"{issuer} {superior}"  # an organ named after its committee: "Ban Tổ chức Huyện ủy Yên Lạc"
    return Letterhead(
        form=form, superior=superior, issuer=issuer, number=number or "", symbol=s.symbol or d.symbol, place=place, date=day,
        authority=(who.authority or "") if who else "", title=who.title if who else "", signer=signer or ((who.name or "") if who else ""),
        recipients=s.recipients or d.recipients, issuer_in_text=in_sentence(in_text), configured=s is not NOT_CONFIGURED,
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
