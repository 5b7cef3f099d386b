"""The command line: `giaoviec` (also `python -m giaoviec`).

Start-up is kept short: the command modules import what a command needs inside it, so that
`giaoviec --help` loads neither the models nor jinja2 nor openpyxl; the command line's values are
converted without pydantic (cli/coercion.py, given the command tree by `main`), which an answer from validate's cache then never
imports; and pydantic, when a command needs it, is told not to scan the installed packages for
plugins (about 25 ms) unless the user says otherwise.
"""

import os

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from giaoviec.cli import check, results, review, serve, sheets  # noqa: F401 - registers the commands, in this order
from giaoviec.cli.app import app, main

__all__ = ["app", "main"]
