"""Which listed files are giaoviec data, and what they hold, from one read of each: the digest a
cache entry is keyed by, and whether a file holds only Assignments (streamed) or registry data
(read first). Nothing here parses YAML or builds a model: `validate` answers from its cache with
no more than this."""

from __future__ import annotations

import gc
import hashlib
import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from giaoviec.load.files import is_giaoviec_file, may_hold_giaoviec_data, read_bounded

_KIND_LINE = re.compile(rb"\nkind:[ \t]*[\"']?([A-Za-z]+)")  # a literal first: the engine scans for it fast
_FIRST_KIND = re.compile(rb"kind:[ \t]*[\"']?([A-Za-z]+)")


def sniff_kinds(raw: bytes) -> frozenset[bytes]:
    """The kinds a file's lines name (a hint to read the registry first; the parse decides)."""
    first = _FIRST_KIND.match(raw)
    return frozenset([*_KIND_LINE.findall(raw), *([first.group(1)] if first else [])])


_OTHER_KIND = re.compile(rb"kind(?:(?<=[^\n]kind)|(?!:[ \t]*[\"']?Assignment(?![A-Za-z])))")  # a literal first: scanned for fast


def only_assignments(raw: bytes) -> bool:
    """Whether a file holds Assignments alone, as far as its bytes tell: every `kind` in it starts a
    line `kind: Assignment` (a kind written otherwise — quoted, in a flow mapping — sends the file to
    be read whole with the registry, where no document of it can be lost). One pass, as sniff_kinds."""
    return b"kind" in raw and _OTHER_KIND.search(raw) is None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reading builds no reference cycles (plain data, frozen models): reference counting frees it
    all, and the cyclic collector, rescanning an ever larger heap, would only cost time (~40 %)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@dataclass
class Scan:
    """Every listed file read once: its digest, and whether it is giaoviec data, Assignments only."""

    digests: dict[str, str]  # every listed file (giaoviec data or not) → digest of its content
    files: list[str]  # the giaoviec files, and those read whole as they may be (load_registry leaves out those that are not)
    streamed: list[str]  # the files that name only the kind Assignment: read later, one at a time
    registry: list[tuple[str, bytes | None]]  # the other giaoviec files, with their content (None: unreadable)
    seen: dict[str, list] = field(default_factory=dict)  # rel → [size, mtime, ctime, inode, digest, role]: see `scan`


UNREADABLE = "unreadable"
OTHER, STREAMED, REGISTRY = "other", "streamed", "registry"  # the role of a listed file
SETTLED_NS = 2_000_000_000  # a file last changed this long before a scan cannot change again unseen within one timestamp


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:32]  # sha256 runs on the processor's SHA instructions: the fastest here


def scan(root: Path, listed: list[str], prior: Mapping[str, list] | None = None, prior_at: int = 0,
         select: Callable[[bytes], bool] | None = None, stamps: Mapping[str, list] | None = None) -> Scan:
    """One read of every listed file: what it is, and the digest its cache entry is keyed by.

    `prior` (what an earlier scan at time `prior_at`, in ns, saw) lets a file go unread when its size,
    times and inode are those seen then, as git's index does: its digest and role are taken over. A file
    changed less than two seconds before that scan is read again (it could have changed again within the
    same timestamp), and so is every file the registry is read from (they are parsed anyway).

    `select`: of the files that hold only Assignments, keep only those whose content it accepts.
    `stamps`: each file's stamp as the listing took it (files.Listing), instead of a second stat; a
    scan given them must have been timed (`prior_at` of the next) from before that listing."""
    out = Scan({}, [], [], [])
    trusted_before = prior_at - SETTLED_NS
    base = str(root)
    with collector_paused():
        for rel in listed:
            path = os.path.join(base, rel)
            stamp = stamps.get(rel) if stamps is not None else None
            if stamp is None:
                try:
                    st = os.stat(path)
                    stamp = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
                except OSError:
                    stamp = None
            known = prior.get(rel) if prior is not None and stamp is not None else None
            if (isinstance(known, list) and len(known) == 6 and known[:4] == stamp and known[5] in (OTHER, STREAMED)
                    and stamp[1] < trusted_before and stamp[2] < trusted_before):
                out.digests[rel] = str(known[4])
                out.seen[rel] = known
                if known[5] == STREAMED:
                    out.files.append(rel)
                    out.streamed.append(rel)
                continue
            try:
                raw: bytes | None = read_bounded(path)
            except OSError:
                raw = None
            out.digests[rel] = digest(raw) if raw is not None else UNREADABLE
            data = raw is not None and is_giaoviec_file(raw)
            if raw is not None and not data and not may_hold_giaoviec_data(rel, raw):
                role = OTHER
            else:  # data, or a file to read whole with the registry (unreadable, or data in another form: see files.py)
                out.files.append(rel)
                if raw is not None and data and only_assignments(raw):
                    role = STREAMED
                    if select is not None and not select(raw):
                        out.files.pop()
                        continue
                    out.streamed.append(rel)
                else:
                    role = REGISTRY
                    out.registry.append((rel, raw))
            if stamp is not None and raw is not None:
                out.seen[rel] = [*stamp, out.digests[rel], role]
    return out
