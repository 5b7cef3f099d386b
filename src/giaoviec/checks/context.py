"""What every check receives: the repository, today's date, and reference look-ups."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from giaoviec.diagnostics import N_, Diagnostic, Where, finding
from giaoviec.i18n import Phrase
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.model.values import Document, Repository

Target = Literal["cadre", "unit", "any"]


@dataclass(frozen=True)
class Context:
    repo: Repository
    today: dt.date
    history: bool = False  # the repository has git history (then it, not the dates in the files, says what is stale)
    wording: bool = True  # run the wording analyser (its findings are warnings only: clarity.what, clarity.mismatch)
    _suggestions: dict = field(default_factory=dict, compare=False, repr=False)  # memo of the slow path

    @cached_property
    def council_entries(self) -> dict[str, list[tuple[Document, int, CadreEvaluation]]]:
        """Every council entry of the registry, by cadre: (Evaluation document, position, entry)."""
        out: dict[str, list[tuple[Document, int, CadreEvaluation]]] = {}
        for doc in self.repo.evaluations:
            for i, entry in enumerate(doc.model.evaluations):
                if isinstance(entry, CadreEvaluation):
                    out.setdefault(entry.cadre, []).append((doc, i, entry))
        return out

    def ref(self, path: str, where: Where, value: str | None, target: Target) -> Diagnostic | None:
        """ref.unknown or ref.kind for an id that does not name the expected kind of thing."""
        if value is None:
            return None
        is_unit, is_cadre = value in self.repo.units, value in self.repo.cadres
        if (target == "unit" and is_unit) or (target == "cadre" and is_cadre) or (target == "any" and (is_unit or is_cadre)):
            return None
        if is_unit or is_cadre:
            return finding(
                path, where, "ref.kind", N_("'{id}' is a {found}, but a {expected} is expected here."),
                id=value, found=Phrase(N_("unit") if is_unit else N_("cadre")), expected=_noun(target),
            )
        close = self._suggest(value, target)
        return finding(
            path, where, "ref.unknown", N_("Unknown {expected} '{id}'."),
            hint=N_("Did you mean '{suggestion}'?") if close else N_("Declare it in a Units or Cadres file (org/), or correct the id."),
            id=value, expected=_noun(target), suggestion=close[0] if close else "",
        )

    def _suggest(self, value: str, target: Target) -> list[str]:
        cache = self._suggestions
        if (value, target) not in cache:
            pool = {"unit": self.repo.units, "cadre": self.repo.cadres}.get(target)
            candidates = list(pool) if pool is not None else [*self.repo.units, *self.repo.cadres]
            cache[(value, target)] = difflib.get_close_matches(value, candidates, n=1, cutoff=0.75)
        return cache[(value, target)]

    def refs(self, doc: Document, pairs: list[tuple[tuple, str | None, Target]]) -> list[Diagnostic]:
        out = []
        for loc, value, target in pairs:
            problem = self.ref(doc.path, doc.where(*loc), value, target)
            if problem:
                out.append(problem)
        return out


def _noun(target: Target) -> Phrase:
    return Phrase({"unit": N_("unit"), "cadre": N_("cadre"), "any": N_("unit or cadre")}[target])
