"""Sentences about a year's results that every output says the same way (the score table and
--explain, the report): a finding about the scores in the reader's words (`finding_text`), the
earlier posts a row pools (`earlier_posts`)."""

from __future__ import annotations

from giaoviec import formats
from giaoviec.compute.year import YearResult
from giaoviec.diagnostics import Diagnostic
from giaoviec.domain.scoring import AssignmentResult
from giaoviec.domain.unitnames import in_sentence
from giaoviec.i18n import Gettext, lang_of
from giaoviec.model.values import Repository
from giaoviec.words import COMPONENT, word


def finding_text(repo: Repository, w: Diagnostic, _: Gettext, lang: str) -> str:
    """A finding about the scores, as a reader reads it (the score table, the report): the cadre by name,
    the components by their words, the rules by their title (a quota's as it is said)."""
    profile = repo.profiles.get(str(w.arg("profile", "")))
    if profile is None or w.code not in ("score.component-unused", "score.component-range"):
        return w.localize(_).message
    args = {"cadre": repo.name(str(w.arg("cadre", ""))), "name": word(COMPONENT, str(w.arg("name", "")), _),
            "value": formats.number(float(str(w.arg("value", 0))), lang), "profile": profile.short_title}
    if w.code == "score.component-range":
        return _("{cadre}: the council's {name} is {value}, above its maximum {max} under {profile}.").format(
            **args, max=formats.number(float(str(w.arg("max", 0))), lang))
    scale = ", ".join(f"{word(COMPONENT, k, _)} {formats.number(v, lang)}" for k, v in profile.components.items())
    return _("{cadre}: the council's {name} ({value}) is not counted: {profile} has no such component; "
             "check that the other points were entered on its scale ({scale}).").format(**args, scale=scale)


def earlier_posts(s: AssignmentResult, result: YearResult, _: Gettext) -> str:
    """The earlier posts of the year pooled into the row: "Bí thư Huyện ủy, huyện A (01/01/2025 – 30/06/2025)"
    (the unit's kind word lower-case: the list goes on a sentence)."""
    lang = lang_of(_)
    return "; ".join(", ".join(x for x in (p.head.position, in_sentence(result.repo.name(p.head.unit))) if x)
                     + f" ({formats.span(p.window.start, p.window.end, lang)})" for p in s.earlier)
