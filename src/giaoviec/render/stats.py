"""Stats → table | json (`RENDERERS`, render/output.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from giaoviec import formats
from giaoviec.compute import incomplete
from giaoviec.compute.stats import Stats
from giaoviec.i18n import Gettext
from giaoviec.render.escape import json_text, terminal
from giaoviec.render.output import Output, Renderer
from giaoviec.render.output import table as table_of
from giaoviec.words import BUCKET, ROLE_PLURAL, TIER, fixed, percent, word


def table(s: Stats, _: Gettext, lang: str = "vi") -> str:
    unit = (s.repo.name(s.unit) if s.repo is not None else s.unit) if s.unit else ""
    lines = [_("Statistics {year}{unit} (as of {as_of})").format(year=s.year, unit=f" — {unit}" if unit else "", as_of=formats.day(s.as_of, lang)), ""]
    per = fixed(s.tasks_per_cadre, 1, lang) if s.tasks_per_cadre is not None else "—"
    lines.append(_("{cadres} cadres, {assignments} assignments, {tasks} tasks ({per} per cadre)").format(
        cadres=s.cadres, assignments=s.assignments, tasks=s.tasks, per=per))
    if s.rows != s.cadres:
        lines.append("  " + _("{rows} ratings for {cadres} cadres: {several} cadres have more than one (one per program).").format(
            rows=s.rows, cadres=s.cadres, several=s.several))
    for bucket, n in s.buckets.items():
        lines.append(f"  {word(BUCKET, bucket, _)}: {n} ({percent(n, s.bucketed, lang)})")
    if s.tiers:
        lines.append(_("Tiers") + ": " + ", ".join(f"{word(TIER, t, _)} {s.tiers[t]}" for t in TIER if s.tiers.get(t)))
    nl = s.not_local
    lines += ["", _("Not local (commune Party secretaries and chairs whose hometown is elsewhere), on {day}:").format(day=formats.day(nl.day, lang))]
    for role, (n, known) in nl.by_role.items():
        lines.append(f"  {word(ROLE_PLURAL, role, _)}: {n}/{known}")
    lines.append("  " + _("Total: {n}/{d} = {pct} over {communes} communes").format(
        n=nl.numerator, d=nl.denominator, pct=percent(nl.numerator, nl.denominator, lang), communes=nl.communes))
    if nl.unknown:
        lines.append("  " + _("{n} people with no hometown recorded are left out of both counts.").format(n=nl.unknown))
    lines += ["", *incomplete.public(s.withheld, _)] if s.withheld is not None else []
    if s.left_out and s.repo is not None:
        lines += ["", *("⚠ " + line for line in incomplete.lines(s.left_out, s.repo, _))]
    return terminal("\n".join(lines) + "\n")


def as_json(s: Stats, _: Gettext, lang: str = "vi") -> str:
    nl, per, shares = s.not_local, s.tasks_per_cadre, s.shares
    return json_text(json.dumps({
        "version": 1, "year": s.year, "as_of": s.as_of.isoformat(), "unit": s.unit, "complete": s.complete, **incomplete.public_json(s.withheld),
        "left_out": incomplete.as_json(s.left_out, s.repo, _) if s.repo is not None else [],
        "counts": {"cadres": s.cadres, "ratings": s.rows, "cadres_with_several_ratings": s.several, "assignments": s.assignments, "tasks": s.tasks,
                   "tasks_per_cadre": round(per, 2) if per is not None else None},
        "buckets": {b: {"count": n, "percent": round(share, 1) if (share := shares[b]) is not None else None} for b, n in s.buckets.items()},
        "tiers": s.tiers,
        "not_local": {"date": nl.day.isoformat(), "communes": nl.communes, "numerator": nl.numerator, "denominator": nl.denominator,
                      "percent": round(nl.percent, 1) if nl.percent is not None else None, "unknown": nl.unknown,
                      "by_role": {r: {"not_local": n, "known": k} for r, (n, k) in nl.by_role.items()}},
    }, ensure_ascii=False, indent=2)) + "\n"


def render_table(s: Stats, o: Output) -> None:
    o.out.write(table(s, o.gettext, o.lang))


def render_json(s: Stats, o: Output) -> None:
    o.out.write(as_json(s, o.gettext, o.lang))


RENDERERS: Mapping[str, Renderer[Stats, Output]] = table_of({"table": render_table, "json": render_json})
