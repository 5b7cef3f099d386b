"""The environment as the command line reads it: load/environment.py (where the entry point, quick.py, reads it too)."""

from giaoviec.load.environment import TRUE, Environment, locale_language

__all__ = ["TRUE", "Environment", "locale_language"]
