"""The organisation tree: which units lie under a unit (and the units it succeeded), who held what."""

from __future__ import annotations

import datetime as dt

from giaoviec.load.repository import Repository


def units_in_scope(repo: Repository, unit: str) -> set[str]:
    """`unit`, every unit below it, and the units it succeeded (transitively) with theirs."""
    children: dict[str, list[str]] = {}
    predecessors: dict[str, list[str]] = {}
    for uid, entry in repo.units.items():
        if entry.item.parent:
            children.setdefault(entry.item.parent, []).append(uid)
        for successor in entry.item.succeeded_by:
            predecessors.setdefault(successor, []).append(uid)
    scope: set[str] = set()
    stack = [unit]
    while stack:
        current = stack.pop()
        if current in scope:
            continue
        scope.add(current)
        stack += children.get(current, []) + predecessors.get(current, [])
    return scope


def descendants(repo: Repository, unit: str) -> set[str]:
    """`unit` and every unit below it (not the units it succeeded)."""
    children: dict[str, list[str]] = {}
    for uid, entry in repo.units.items():
        if entry.item.parent:
            children.setdefault(entry.item.parent, []).append(uid)
    out, stack = set(), [unit]
    while stack:
        current = stack.pop()
        if current not in out:
            out.add(current)
            stack += children.get(current, [])
    return out


def role_at(repo: Repository, cadre: str, unit: str, day: dt.date) -> str | None:
    """The role the cadre held in `unit` on `day` (the latest-started one if several)."""
    entry = repo.cadres.get(cadre)
    if entry is None:
        return None
    held = [p for p in entry.item.positions if p.unit == unit and (p.start or dt.date.min) <= day <= (p.end or dt.date.max)]
    return max(held, key=lambda p: p.start or dt.date.min).role if held else None


def parent_of(repo: Repository, unit: str) -> str:
    entry = repo.units.get(unit)
    return entry.item.parent if entry and entry.item.parent else unit


def descendants_index(repo: Repository, tops: set[str]) -> dict[str, set[str]]:
    """For each unit of `tops`, itself and every unit below it, from one pass over the tree."""
    out: dict[str, set[str]] = {top: {top} for top in tops}
    for uid in repo.units:
        seen: list[str] = []
        current: str | None = uid
        while current is not None and current not in seen:
            seen.append(current)
            if current in out and current != uid:
                out[current].add(uid)
            entry = repo.units.get(current)
            current = entry.item.parent if entry else None
    return out
