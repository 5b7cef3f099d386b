"""Stats → table | json."""

from __future__ import annotations

import json

from giaoviec import formats
from giaoviec.compute.stats import Stats
from giaoviec.i18n import Gettext
from giaoviec.render import incomplete
from giaoviec.render.escape import json_text, terminal
from giaoviec.words import BUCKET, ROLE_PLURAL, TIER, fixed, percent, word


def table(s: Stats, _: Gettext, lang: str = "vi") -> str:
    total = sum(s.buckets.values())
    unit = (s.repo.name(s.unit) if s.repo is not None else s.unit) if s.unit else ""
    lines = [_("Statistics {year}{unit} (as of {as_of})").format(year=s.year, unit=f" — {unit}" if unit else "", as_of=formats.day(s.as_of, lang)), ""]
    per = fixed(s.tasks / s.cadres, 1, lang) if s.cadres else "—"
    lines.append(_("{cadres} cadres, {assignments} assignments, {tasks} tasks ({per} per cadre)").format(
        cadres=s.cadres, assignments=s.assignments, tasks=s.tasks, per=per))
    for bucket, n in s.buckets.items():
        lines.append(f"  {word(BUCKET, bucket, _)}: {n} ({percent(n, total, lang)})")
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
    total = sum(s.buckets.values())
    nl = s.not_local
    return json_text(json.dumps({
        "version": 1, "year": s.year, "as_of": s.as_of.isoformat(), "unit": s.unit, "complete": s.complete, **incomplete.public_json(s.withheld),
        "left_out": incomplete.as_json(s.left_out, s.repo, _) if s.repo is not None else [],
        "counts": {"cadres": s.cadres, "assignments": s.assignments, "tasks": s.tasks,
                   "tasks_per_cadre": round(s.tasks / s.cadres, 2) if s.cadres else None},
        "buckets": {b: {"count": n, "percent": round(100 * n / total, 1) if total else None} for b, n in s.buckets.items()},
        "tiers": s.tiers,
        "not_local": {"date": nl.day.isoformat(), "communes": nl.communes, "numerator": nl.numerator, "denominator": nl.denominator,
                      "percent": round(nl.percent, 1) if nl.percent is not None else None, "unknown": nl.unknown,
                      "by_role": {r: {"not_local": n, "known": k} for r, (n, k) in nl.by_role.items()}},
    }, ensure_ascii=False, indent=2)) + "\n"


RENDERERS = {"table": table, "json": as_json}
