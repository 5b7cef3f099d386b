"""How YAML is read, chosen in one place: the fast path (rapidyaml, `yamlfast`) wherever it cannot
disagree with the precise one (libyaml under a YAML 1.2 core schema, `yamlprecise`), which reads
the rest; or the precise path alone (GIAOVIEC_READER=precise, read once by `load/environment.py` through
`Reader.chosen`). Every function that reads documents takes a `Reader`; none other knows there
are two paths.

The fast path buys validate cold ≥ 15× check-jsonschema on the same files (docs/performance.md).
`remembering()`: a reader that keeps the digests of the texts the fast path took (`agreed`), so that
a document read again (the report re-reads the models it could not keep) skips the risk scan."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kept light: the command line builds a Reader before it knows it will read YAML
    from giaoviec.load.yamlio import Loaded


@dataclass(frozen=True)
class Reader:
    fast: bool = True  # the fast path where it is sure to agree; False: the precise path alone
    agreed: set[bytes] | None = field(default=None, compare=False)  # the texts the fast path took (yamlfast.documents)

    @staticmethod
    def chosen(environ: Mapping[str, str]) -> Reader:
        """The reader the environment asks for: GIAOVIEC_READER=precise turns the fast path off."""
        return Reader(fast=environ.get("GIAOVIEC_READER", "") != "precise")

    def remembering(self) -> Reader:
        """This reader, keeping the texts its fast path takes, to read them again without the risk scan."""
        return replace(self, agreed=set()) if self.fast else self

    def load(self, path: str, text: str) -> Loaded:
        """All documents of a file: the fast path when it is sure to agree, else the precise one."""
        from giaoviec.load import yamlfast, yamlio

        documents = yamlfast.documents(text, self.agreed) if self.fast else None
        if documents is not None:
            return yamlio.Loaded(tuple(documents), ())
        return yamlio.load_precise(path, text)


FAST = Reader()  # the default: the fast path where it agrees, no memory of what it took
PRECISE = Reader(fast=False)
