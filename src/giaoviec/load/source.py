"""Where the documents of one pass come from, as one frozen value: how they are read (`Reader`),
the files found (`Listing`) and read once (`Scan`), a registry loaded before, validate's cache
(`Store` for the per-file answers, `Parsed` for the registry's files), the progress callback and
`--public`. `app.checking.Checking` takes one `Source`; every field has the default a command that
reads the whole repository once wants, so a command names only what differs.

    Source()                                                   # score, stats, status, report
    Source(reader, listing, scanned, store=store, parsed=...)  # validate, with its cache
    Source(reader, listing, scanned, registry=registry)        # a revision read once, scored for several years
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from giaoviec.load.reader import FAST, Reader

if TYPE_CHECKING:
    from giaoviec.load.cache import Parsed, Store
    from giaoviec.load.files import Listing
    from giaoviec.load.scanning import Scan
    from giaoviec.model.values import Registry

Progress = Callable[[int, int], None]  # (files read, files to read)


@dataclass(frozen=True)
class Source:
    reader: Reader = FAST
    listing: Listing | None = None  # the files to read; None: discovered now (load.files.discover)
    scanned: Scan | None = None  # every listed file read once (load.scanning.scan); None: scanned now
    registry: Registry | None = None  # the registry loaded from `scanned` before: one read of a revision serves several years
    store: Store | None = None  # validate's cache: an unchanged Assignment file is answered by its entry, not yielded
    parsed: Parsed | None = None  # validate's cache of the registry's files parsed before, by digest
    progress: Progress | None = None
    public: bool = False  # --public: the confidential items taken out as each file is read (model/public.py)

    def __post_init__(self) -> None:
        if self.public and (self.store is not None or self.registry is not None):
            raise ValueError("a public pass reads every file itself: no cache, no registry read before")
