"""Whether a stream is a terminal as rich would see it, told without importing rich (a run printing
one line off a terminal need not import it): the command line's progress bar and render's plain
lines ask it. Read here, below every layer, so that asking it is no step of the pipeline."""

from __future__ import annotations

import os
from typing import Any

RICH_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES", "DATABRICKS_RUNTIME_VERSION")


def no_terminal(stream: Any) -> bool:
    """Whether a rich console on `stream` would be no terminal and read nothing from the environment,
    told without importing rich: no variable rich reads (RICH_ENV), and `stream` says it is no tty."""
    if any(name in os.environ for name in RICH_ENV):
        return False
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):
        return False
