"""A cadre's tasks counted by status, once for every output (`Counts`), and the tier those counts
and the points reach under a profile, with the trace and the reason in words (`computed_tier`;
spec/scoring.md "Tiers"). Pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from giaoviec.domain.status import BUCKET_ORDER, BUCKETS, DONE, STATUSES
from giaoviec.i18n import N_, Phrase, phrase
from giaoviec.model import ScoringProfile
from giaoviec.model.profile import Require, TierRule
from giaoviec.words import TIER, share, short, term

SHARE_KEYS = {
    "done_share": ("≥", ("exceeded", "on-time", "late")),
    "done_share_gt": (">", ("exceeded", "on-time", "late")),
    "on_time_share": ("≥", ("exceeded", "on-time")),
    "exceeded_share": ("≥", ("exceeded",)),
    "late_share_max": ("≤", ("late",)),
    "late_or_not_done_share_max": ("≤", ("late", "not-done", "overdue")),
    "not_done_share_max": ("≤", ("not-done", "overdue")),
}


@dataclass(frozen=True, slots=True)
class Counts:
    """How many tasks have each status, counted once for every output."""

    by_status: Mapping[str, int]

    @staticmethod
    def of(statuses: Iterable[str]) -> Counts:
        counts = dict.fromkeys(STATUSES, 0)
        for s in statuses:
            counts[s] += 1
        return Counts(counts)

    def __getitem__(self, status: str) -> int:
        return self.by_status[status]

    @property
    def tasks(self) -> int:
        """The counting tasks: every one but the cancelled."""
        return sum(n for s, n in self.by_status.items() if s != "cancelled")

    @property
    def done(self) -> int:
        return sum(self.by_status[s] for s in DONE)

    @property
    def on_time(self) -> int:
        """Exceeded and on time (exceeded ⊂ on-time)."""
        return self.by_status["exceeded"] + self.by_status["on-time"]

    @property
    def exceeded(self) -> int:
        return self.by_status["exceeded"]

    @property
    def late(self) -> int:
        return self.by_status["late"]

    @property
    def not_done(self) -> int:
        """Unfinished past the due date: not done and overdue."""
        return self.by_status["not-done"] + self.by_status["overdue"]

    @property
    def buckets(self) -> dict[str, int]:
        out = dict.fromkeys(BUCKET_ORDER, 0)
        for status, n in self.by_status.items():
            if status in BUCKETS:
                out[BUCKETS[status]] += n
        return out

    def share(self, statuses: Iterable[str]) -> float:
        n = self.tasks
        return sum(self.by_status[s] for s in statuses) / n if n else 0.0



def computed_tier(profile: ScoringProfile, points: float, counts: Counts) -> tuple[str, list[Phrase], Phrase]:
    """The first tier from the top whose minimum and conditions hold; the trace, tier by tier from
    the top, in words with the figures; and the reason: what held for the tier, and what failed for
    the tier just above it (for the last tier, which has no conditions, only the latter)."""
    trace: list[Phrase] = []
    above: Phrase | None = None  # why the tier just above failed
    for rule in profile.tiers:
        held, failed = _conditions(rule, points, counts)
        tier = term(TIER, rule.tier)
        if failed:
            above = phrase(N_("'{tier}' does not hold: {failures}"), tier=tier, failures=tuple(failed))
            trace.append(above)
            continue
        if not held:  # the tier without conditions: reached because the one above failed
            trace.append(phrase(N_("'{tier}': the tier that remains when none above it holds"), tier=tier))
            return rule.tier, trace, above or phrase(N_("'{tier}': the only tier"), tier=tier)
        reached = phrase(N_("'{tier}' holds: {conditions}"), tier=tier, conditions=tuple(held))
        trace.append(reached)
        if above is None:
            return rule.tier, trace, reached
        return rule.tier, trace, phrase(N_("'{tier}' holds: {conditions}; {above}"), tier=tier, conditions=tuple(held), above=above)
    last = profile.tiers[-1].tier  # unreachable for a valid profile: the last tier has no conditions
    return last, trace, trace[-1]


SHARE_WHAT = {
    "done_share": N_("tasks done"), "done_share_gt": N_("tasks done"), "on_time_share": N_("tasks on time"),
    "exceeded_share": N_("tasks exceeded"), "late_share_max": N_("tasks late"),
    "late_or_not_done_share_max": N_("tasks late or not done"), "not_done_share_max": N_("tasks not done"),
}
HELD = {"≥": N_("{n}/{total} {what} ({share}), at least {limit}"), ">": N_("{n}/{total} {what} ({share}), more than {limit}"),
        "≤": N_("{n}/{total} {what} ({share}), at most {limit}")}
FAILED = {"≥": N_("{n}/{total} {what} ({share}), fewer than the {limit} '{tier}' needs"),
          ">": N_("{n}/{total} {what} ({share}), not more than the {limit} '{tier}' needs"),
          "≤": N_("{n}/{total} {what} ({share}), more than the {limit} at most that '{tier}' allows")}


def _conditions(rule: TierRule, points: float, counts: Counts) -> tuple[list[Phrase], list[Phrase]]:
    """The conditions of a tier, each in words with its figures: those that hold, those that fail."""
    held: list[Phrase] = []
    failed: list[Phrase] = []
    tier = term(TIER, rule.tier)
    if rule.min_points is not None:
        ok = points > rule.min_points if rule.min_exclusive else points >= rule.min_points
        if ok:
            held.append(phrase(N_("{points} points, more than {min}") if rule.min_exclusive else N_("{points} points, at least {min}"),
                               points=short(points), min=short(rule.min_points)))
        else:
            failed.append(phrase(N_("{points} points, not more than the {min} '{tier}' needs") if rule.min_exclusive
                                 else N_("{points} points, fewer than the {min} '{tier}' needs"),
                                 points=short(points), min=short(rule.min_points), tier=tier))
    if rule.require:
        for key, limit in _required(rule.require):
            op, statuses = SHARE_KEYS[key]
            fraction = counts.share(statuses)
            ok = {"≥": fraction >= limit - 1e-12, ">": fraction > limit + 1e-12, "≤": fraction <= limit + 1e-12}[op]
            args = {"n": sum(counts[s] for s in statuses), "total": counts.tasks, "what": Phrase(SHARE_WHAT[key]),
                    "share": share(fraction), "limit": share(limit), "tier": tier}
            (held if ok else failed).append(phrase(HELD[op] if ok else FAILED[op], **args))
    return held, failed


@lru_cache(maxsize=256)
def _required(require: Require) -> tuple[tuple[str, float], ...]:
    """A tier's share conditions that are set (a profile's few rules, asked once a cadre and tier)."""
    return tuple(require.model_dump(exclude_none=True).items())
