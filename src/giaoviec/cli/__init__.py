"""The command line: `giaoviec` (also `python -m giaoviec`)."""

from giaoviec.cli import check, results, review, sheets  # noqa: F401 - registers the commands, in this order
from giaoviec.cli.app import app, main

__all__ = ["app", "main"]
