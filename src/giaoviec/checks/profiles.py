"""Scoring profiles (tiers ordered, the last one unconditional) and the Config's scoring table."""

from __future__ import annotations

import datetime as dt

from giaoviec.checks.context import Context
from giaoviec.diagnostics import N_, Diagnostic, finding
from giaoviec.domain.profiles import covers
from giaoviec.i18n import Phrase
from giaoviec.model import ScoringProfile
from giaoviec.model.config import ScoringRange


def check_profiles(ctx: Context) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for doc in ctx.repo.of_kind(ScoringProfile):
        p: ScoringProfile = doc.model
        last = p.tiers[-1]
        if last.min_points or last.require:
            out.append(finding(
                doc.path, doc.where("tiers", len(p.tiers) - 1), "profile.tiers",
                N_("The last tier '{tier}' must have no conditions: it is what remains when no other tier holds."),
                tier=last.tier,
            ))
        previous = None
        total = sum(p.components.values())
        for i, rule in enumerate(p.tiers):
            points = rule.min_points or 0
            if points > total:
                out.append(finding(
                    doc.path, doc.where("tiers", i, "min_points"), "profile.tiers",
                    N_("'{tier}' needs {points:g} points, more than the {total:g} the components add up to: it can never be reached."),
                    tier=rule.tier, points=points, total=total,
                ))
            if previous is not None and points > previous:
                out.append(finding(
                    doc.path, doc.where("tiers", i, "min_points"), "profile.tiers",
                    N_("Tiers are tried from the top: '{tier}' needs {points:g} points, more than the tier above it."),
                    tier=rule.tier, points=points,
                ))
            previous = points
        if "tasks" not in p.components:
            out.append(finding(
                doc.path, doc.where("components"), "profile.components",
                N_("The profile has no 'tasks' component: the points computed from the tasks would go nowhere."),
            ))
    return out


def check_config(ctx: Context) -> list[Diagnostic]:
    doc = ctx.repo.config_doc
    if doc is None:
        return []
    out: list[Diagnostic] = []
    ranges: list[tuple[int, tuple[dt.date, dt.date]]] = []
    for i, r in enumerate(ctx.repo.config.scoring):
        problem = ctx.repo.profiles.get(r.profile) is None and r.profile not in ctx.repo.broken_profiles  # (its errors are at its file)
        if problem:
            out.append(finding(
                doc.path, doc.where("scoring", i, "profile"), "ref.unknown", N_("Unknown scoring profile '{id}'."),
                hint=N_("Built-in profiles: {builtin}; or add a ScoringProfile file under profiles/."),
                id=r.profile, builtin=", ".join(sorted(ctx.repo.profiles)),
            ))
        start, end = r.start or dt.date.min, r.end or dt.date.max
        if end < start:
            out.append(finding(doc.path, doc.where("scoring", i, "to"), "date.order",
                               N_("{later_name} ({later}) is before {earlier_name} ({earlier})."),
                               later_name="to", later=str(r.end), earlier_name="from", earlier=str(r.start)))
            continue
        for j, (s, e) in ranges:
            other = ctx.repo.config.scoring[j]
            if start <= e and s <= end and (who := _both_apply(ctx, r, other)) is not None:
                out.append(finding(
                    doc.path, doc.where("scoring", i), "config.scoring-overlap",
                    N_("This scoring range ({profile}) overlaps range {other} of the list ({other_profile}) for {who}: only one profile may apply to a cadre on a date."),
                    hint=N_("Narrow one of them with 'roles' or 'categories' (e.g. categories: [cong-chuc] for Nghị định 335), or make their dates meet without overlapping."),
                    other=j + 1, profile=r.profile, other_profile=other.profile, who=who,
                ))
        ranges.append((i, (start, end)))
    return out


def _both_apply(ctx: Context, a: ScoringRange, b: ScoringRange) -> str | Phrase | None:
    """Who both entries would apply to (a general entry yields to a narrow one), or None."""
    if not a.narrow and not b.narrow:
        return Phrase(N_("every cadre"))
    if a.narrow != b.narrow:
        return None  # the general entry applies only to the cadres the narrow one leaves
    for entry in ctx.repo.cadres.values():
        cadre = entry.item
        roles = {p.role for p in cadre.positions} or {None}
        if any(covers(a, role, cadre.category) and covers(b, role, cadre.category) for role in roles):
            return cadre.id
    if set(a.roles) & set(b.roles) and not a.categories and not b.categories:
        return Phrase(N_("the same roles"))
    if set(a.categories) & set(b.categories) and not a.roles and not b.roles:
        return Phrase(N_("the same categories"))
    return None
