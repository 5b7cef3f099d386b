"""Start-up stays short: what a command does not need is not imported (timings live in benchmarks/)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES

VP = EXAMPLES / "vinh-phuc"

PROBE = """
import json, sys, runpy
sys.argv = ["giaoviec", *sys.argv[1:]]
try:
    from giaoviec.cli import main
    main()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules)), file=sys.stderr)
"""

HEAVY = ("jinja2", "openpyxl", "docx", "lxml", "ruamel", "yaml", "rich.progress", "giaoviec.render.report", "giaoviec.sheets")


def loaded(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False, timeout=120)
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)}


def test_help_loads_no_model_no_template_no_spreadsheet():
    modules = loaded("--help")
    assert not heavy(modules)
    assert not {m for m in modules if m == "pydantic" or m.startswith("giaoviec.model")}


def test_validate_loads_only_what_it_needs():
    modules = loaded("-C", str(VP), "validate", "--no-cache")
    assert "giaoviec.model" in modules  # it did validate
    assert not heavy(modules) - {m for m in modules if m.split(".")[0] == "yaml"}  # PyYAML: the precise reader


def test_pydantic_plugins_are_not_scanned():
    proc = subprocess.run([sys.executable, "-c", "import os, giaoviec.cli; print(os.environ['PYDANTIC_DISABLE_PLUGINS'])"],
                          capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "__all__"
