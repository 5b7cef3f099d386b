"""A row of a year's results (`compute.year.pooled`) as serve's cache keeps it (load/cache.py,
`Served.rows`): its counts, components, points, tier and its reason, without its task results, its tier's trace
(computed again from the counts and points when shown) and its council entry. Taken again at a start when it was computed from the same inputs: the same row
documents, the same summaries of the cadre (their files unchanged since the entries were written:
each file's entry is keyed by its content's digest), and, for the whole year, the same council
sessions with the same entries left out and the same stale council scores (the registry's files,
the evaluations among them, are in the context every entry is valid under). The council entry is
found again (`council_entry`, as `pooled` finds it) and the task results are `pooled`'s own, computed
when a page first shows them. Split from serve/engine.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from giaoviec.compute.year import Judged, council_entry, pooled
from giaoviec.domain.scoring import AssignmentResult, Council, Post
from giaoviec.domain.tiers import STATUSES, Counts, computed_tier
from giaoviec.load.cachecodec import decode, encode
from giaoviec.model.values import AssignmentSummary, Document, Repository
from giaoviec.serve.kept import LazyTasks

YEAR = ""  # the key of the year's own inputs among the rows (a row's key is "cadre\0program")


def key_of(key: tuple[str, str]) -> str:
    return f"{key[0]}\0{key[1]}"


def year_inputs(evaluations: list[tuple[Document, frozenset[int]]], stale: Mapping[tuple[str, int, int], frozenset[str]]) -> dict:
    """What every row of the year was computed with besides its own documents, as JSON reads it back."""
    return {"councils": [[d.path, d.index, sorted(bad)] for d, bad in evaluations],
            "late": [[p, doc, entry, sorted(tasks)] for (p, doc, entry), tasks in sorted(stale.items())]}


def row_inputs(parts: Sequence[Judged], mine: Sequence[AssignmentSummary]) -> dict:
    return {"parts": [[j.path, j.index] for j in parts], "mine": [[s.path, s.index] for s in mine]}


def coded(result: AssignmentResult, parts: Sequence[Judged], inputs: dict, kinds: Mapping[str, type]) -> dict | None:
    """The row as the cache keeps it: what its documents do not say (their heads and windows are the
    row's own and its earlier posts'); None when it would not read back equal."""
    r = result
    try:
        plain = [list(r.counts.by_status.values()) if tuple(r.counts.by_status) == STATUSES else None,
                 [[name, value] for name, value in r.components.items()], r.provisional_points, r.points, r.tier,
                 encode(r.tier_reason, kinds)]
        back = rebuilt(plain, parts, {r.profile.id: r.profile}, r.tasks, r.council, kinds)
    except (ValueError, KeyError, TypeError):
        return None
    return {**inputs, "r": plain} if back == r else None


def rebuilt(plain: Any, parts: Sequence[Judged], profiles: Mapping[str, Any], tasks: Sequence, council: Council | None,
            kinds: Mapping[str, type]) -> AssignmentResult:
    """As `pooled` builds it (KeyError, TypeError or ValueError when the entry does not read back)."""
    counts, components, provisional, points, tier, reason = plain
    if len(counts) != len(STATUSES) or not all(type(n) is int for n in counts) or type(provisional) not in (int, float) \
            or not isinstance(tier, str) or not all(isinstance(n, str) and (v is None or type(v) in (int, float)) for n, v in components):
        raise ValueError("not a row")
    own = parts[-1]
    profile, tally = profiles[own.profile.id], Counts(dict(zip(STATUSES, counts, strict=True)))
    if profile is not own.profile:
        raise ValueError("another profile")
    trace = LazyTasks(lambda: computed_tier(profile, provisional, tally)[1])  # as `aggregate` traces it (explained)
    earlier = tuple(Post(j.head, j.path, j.index, j.window) for j in parts[:-1])
    return AssignmentResult(own.head, own.path, own.index, profile, own.window, tasks, tally, dict(components),  # type: ignore[arg-type]
                            provisional, points, tier, decode(reason, kinds), trace, council, earlier)  # type: ignore[arg-type]


def taken_again(row: dict, repo: Repository, parts: list[Judged], evaluations: list[tuple[Document, frozenset[int]]],
                stale: dict[tuple[str, int, int], frozenset[str]], kinds: Mapping[str, type]) -> AssignmentResult | None:
    """The kept row as `pooled` would compute it (the caller has compared its inputs); None when it does not read back."""
    councils = [council_entry(repo, j, evaluations, stale) for j in parts]
    council = next((c for c in reversed(councils) if c is not None), None)
    mine = tuple(parts)
    try:
        return rebuilt(row["r"], mine, repo.profiles, LazyTasks(lambda: pooled(repo, list(mine), evaluations, stale, True).tasks),
                       council, kinds)
    except (KeyError, TypeError, ValueError, IndexError):
        return None
