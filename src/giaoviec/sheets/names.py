"""What a person types in a cell, read as the repository's codes: a cadre or a unit by its id or by
its name (diacritics and case folded; an ambiguous name refused with the candidates; a near miss
answered "có phải … không?"), and a status, program, direction or tier by its Vietnamese label or
its English id."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from giaoviec.i18n import N_, Phrase, phrase, translator
from giaoviec.model.values import Repository
from giaoviec.words import ASSIGNMENT_STATUS, PROGRAM, TIER, TIER_LONG

_vi = translator("vi")
DIRECTION_LABELS = {"increase": "tăng", "decrease": "giảm"}


def plain(text: Any) -> str:
    """Lower case, no diacritics, single spaces: how headers and names are compared."""
    s = unicodedata.normalize("NFD", str(text or "").replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def label(table: Mapping[str, str], code: str) -> str:
    """The Vietnamese label a workbook shows for a code."""
    return _vi(table[code]) if code in table else code


def labels(table: Mapping[str, str]) -> dict[str, str]:
    return {code: label(table, code) for code in table}


CHOICES = {  # what a cell may hold for each coded column: folded label or id → code
    "status": {**{plain(v): k for k, v in labels(ASSIGNMENT_STATUS).items()}, **{plain(k): k for k in ASSIGNMENT_STATUS}},
    "program": {**{plain(v): k for k, v in labels(PROGRAM).items()}, **{plain(k): k for k in PROGRAM},
                "trong tam": "focus", "dot pha": "breakthrough", "viec dot pha": "breakthrough",
                "chuong trinh hanh dong": "action-program", "khoan san pham": "product-contract"},
    "direction": {"tang": "increase", "giam": "decrease", "increase": "increase", "decrease": "decrease"},
    "tier": {**{plain(v): k for k, v in labels(TIER).items()}, **{plain(v): k for k, v in labels(TIER_LONG).items()},
             **{plain(k): k for k in TIER}},
}
SHOWN = {"status": labels(ASSIGNMENT_STATUS), "program": labels(PROGRAM), "direction": DIRECTION_LABELS, "tier": labels(TIER)}


def coded(kind: str, value: object) -> str | None:
    """The code a cell's label or id stands for, or None."""
    return CHOICES[kind].get(plain(value))


@dataclass(frozen=True)
class Resolved:
    ident: str | None
    problem: Phrase | None = None


class Names:
    """The cadres and units of a repository, found by id or by name."""

    def __init__(self, repo: Repository):
        self._ids = {"cadre": set(repo.cadres), "unit": set(repo.units)}
        self._names: dict[str, dict[str, list[str]]] = {"cadre": {}, "unit": {}}
        self._display: dict[str, str] = {}
        for kind, entries in (("cadre", repo.cadres), ("unit", repo.units)):
            for ident, entry in entries.items():
                name = getattr(entry.item, "name", "") or ident
                self._names[kind].setdefault(plain(name), []).append(ident)
                self._display[ident] = name

    def resolve(self, kind: str, value: str) -> Resolved:
        """`kind`: cadre, unit or any (a cadre or a unit)."""
        kinds = ("cadre", "unit") if kind == "any" else (kind,)
        text = value.strip()
        if any(text in self._ids[k] for k in kinds):
            return Resolved(text)
        folded = plain(text)
        by_id = [i for k in kinds for i in self._ids[k] if plain(i) == folded]
        by_name = sorted({i for k in kinds for i in self._names[k].get(folded, [])})
        found = sorted(set(by_id) | set(by_name))
        if len(found) == 1:
            return Resolved(found[0])
        if len(found) > 1:
            return Resolved(None, phrase(N_("'{value}' names {n} people or units: {candidates}; write the code of the one meant."),
                                         value=text, n=len(found), candidates=", ".join(f"{self._display[i]} ({i})" for i in found)))
        pool = {plain(self._display[i]): i for k in kinds for i in self._ids[k]} | {plain(i): i for k in kinds for i in self._ids[k]}
        near = difflib.get_close_matches(folded, list(pool), n=1, cutoff=0.8)
        what = {"cadre": N_("cadre"), "unit": N_("unit")}.get(kind, N_("cadre or unit"))
        if near:
            ident = pool[near[0]]
            return Resolved(None, phrase(N_("'{value}' is not a known {what}; did you mean {name} ({ident})?"),
                                         value=text, what=Phrase(what), name=self._display[ident], ident=ident))
        return Resolved(None, phrase(N_("'{value}' is not a known {what} (neither a code nor a name in org/)."), value=text, what=Phrase(what)))
