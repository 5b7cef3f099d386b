"""The organisation tree: which units lie under a unit (and the units it succeeded), who held what."""

from __future__ import annotations

import datetime as dt

from giaoviec.model.values import Repository


class Scope(set[str]):
    """The units `--unit X` covers in full (the set itself), and the units of a split predecessor it
    covers only for some cadres (`partial`: unit → the cadres whose next post is under X)."""

    partial: dict[str, frozenset[str]]
    people: frozenset[str]  # the cadres who held a position in one of the units (their moves may end here)

    def admits(self, unit: str, cadre: str) -> bool:
        return unit in self or cadre in self.partial.get(unit, ())


def units_in_scope(repo: Repository, unit: str, _seen: frozenset[str] = frozenset()) -> Scope:
    """`unit`, every unit below it, and the units it succeeded (transitively) with theirs. A unit split
    into several successors (spec/scoring.md, last paragraph) is not inherited whole: each successor
    takes only the cadres whose next post (Cadres `positions`) is in it or below it."""
    children: dict[str, list[str]] = {}
    predecessors: dict[str, list[str]] = {}
    for uid, entry in repo.units.items():
        if entry.item.parent:
            children.setdefault(entry.item.parent, []).append(uid)
        for successor in entry.item.succeeded_by:
            predecessors.setdefault(successor, []).append(uid)
    scope = Scope()
    scope.partial = {}
    splits: list[tuple[str, str]] = []  # (predecessor split, its successor reached)
    stack = [unit]
    while stack:
        current = stack.pop()
        if current in scope:
            continue
        scope.add(current)
        stack += children.get(current, [])
        for p in predecessors.get(current, []):
            if len(repo.units[p].item.succeeded_by) > 1:
                splits.append((p, current))
            else:
                stack.append(p)
    for old, successor in splits:
        if old in scope or old in _seen:  # reached whole another way, or a cycle of successions
            continue
        whole = units_in_scope(repo, old, _seen | {unit})  # the old unit with everything below it and before it
        below = descendants(repo, successor)
        cadres = frozenset(c for c, next_unit in _moved_from(repo, whole) if next_unit in below or next_unit in scope)
        for u in whole | set(whole.partial):
            scope.partial[u] = scope.partial.get(u, frozenset()) | cadres
    units = set(scope)
    scope.people = frozenset(c for c, entry in repo.cadres.items() if any(p.unit in units for p in entry.item.positions))
    return scope


def _moved_from(repo: Repository, old: set[str]) -> set[tuple[str, str]]:
    """(cadre, unit of the next post) of every cadre who held a position in `old`: the earliest-starting
    position elsewhere that began after the last one there began."""
    out = set()
    for cadre, entry in repo.cadres.items():
        there = [p for p in entry.item.positions if p.unit in old]
        if not there:
            continue
        last = max(p.start or dt.date.min for p in there)
        later = [p for p in entry.item.positions if p.unit not in old and (p.start or dt.date.min) > last]
        if later:
            out.add((cadre, min(later, key=lambda p: p.start or dt.date.min).unit))
    return out


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


def places(repo: Repository, unit: str) -> set[str]:
    """Every unit that `unit` is now the same place as or a part of: itself and its parents, or, once it
    was succeeded (a merger, a split), its successors' (transitively; a split predecessor is part of
    each successor). A unit that was succeeded is not followed to its old parent: it became the successor."""
    out: set[str] = set()
    stack = [unit]
    while stack:
        current = stack.pop()
        if current in out:
            continue
        out.add(current)
        entry = repo.units.get(current)
        if entry is None:
            continue
        if entry.item.succeeded_by:
            stack += entry.item.succeeded_by
        elif entry.item.parent:
            stack.append(entry.item.parent)
    return out
