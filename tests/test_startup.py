"""Start-up stays short: what a command does not need is not imported (timings live in benchmarks/)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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

HEAVY = ("starlette", "uvicorn", "multipart", "icalendar", "giaoviec.serve", "jinja2", "openpyxl", "docx", "lxml", "ruamel", "yaml", "rich.progress", "giaoviec.render.report", "giaoviec.sheets")


def loaded(*args: str, env: dict[str, str] | None = None) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False, timeout=120, env=env)
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)}


def test_help_loads_no_model_no_template_no_spreadsheet():
    modules = loaded("--help")
    assert not heavy(modules)
    assert not {m for m in modules if m == "pydantic" or m.startswith("giaoviec.model")}
    in_a_repository = loaded("-C", str(VP), "--help")  # the configured language is read (by the fast reader)
    assert "giaoviec.load.yamlfast" in in_a_repository and not heavy(in_a_repository)
    assert "hashlib" not in in_a_repository  # no digest to make (yamlfast imports it only for a report's re-reads)


def test_validate_of_files_answered_from_the_cache_needs_no_pydantic(tmp_path):
    """What pre-commit runs: `validate FILE…`. The paths are text: taken as they are, without Typer's
    adapter module (which imports pydantic's TypeAdapter), so an answer from the cache loads no pydantic."""
    import os
    import shutil

    root = tmp_path / "vp"
    shutil.copytree(VP, root)
    env = {**os.environ, "GIAOVIEC_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("CI", None)
    env.pop("GIAOVIEC_NO_CACHE", None)
    one = str(next((root / "assignments").rglob("*.yaml")).relative_to(root))
    loaded("-C", str(root), "validate", one, env=env)
    warm = loaded("-C", str(root), "validate", one, env=env)
    assert "giaoviec.app.validate" in warm and not {m for m in warm if m.startswith(("typer._adapters", "pydantic"))}


def test_validate_loads_only_what_it_needs():
    modules = loaded("-C", str(VP), "validate", "--no-cache")
    assert "giaoviec.model" in modules  # it did validate
    assert not heavy(modules) - {m for m in modules if m.split(".")[0] == "yaml"}  # PyYAML: the precise reader


def test_an_answer_from_the_cache_builds_no_model_and_reads_no_yaml(tmp_path):
    import os
    import shutil

    root = tmp_path / "vp"
    shutil.copytree(VP, root)
    env = {**os.environ, "GIAOVIEC_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("CI", None)
    env.pop("GIAOVIEC_NO_CACHE", None)
    first = loaded("-C", str(root), "validate", env=env)
    warm = loaded("-C", str(root), "validate", env=env)
    assert "giaoviec.model" in first and "giaoviec.checks" in first  # the first run checked the files
    models = {m for m in warm if m.startswith(("giaoviec.model", "giaoviec.checks", "giaoviec.load.documents", "yaml", "pydantic"))}
    assert models == set()  # the second answered from the cache: no model, no check, no YAML parsed, no pydantic (cli/coercion.py)


def test_the_configured_language_is_read_without_a_model(tmp_path):
    from giaoviec.load import settings

    (tmp_path / "giaoviec.yaml").write_text("apiVersion: giaoviec/v1\nkind: Config\norganization: X\nlanguage: en\n", encoding="utf-8")
    assert settings.language(tmp_path) == "en"
    (tmp_path / "giaoviec.yaml").write_text("apiVersion: giaoviec/v1\nkind: Config\norganization: X\n", encoding="utf-8")
    assert settings.language(tmp_path) == "vi"  # the model's default
    (tmp_path / "giaoviec.yaml").write_text("apiVersion: giaoviec/v1\nkind: Config\norganization: X\nlanguage: fr\n", encoding="utf-8")
    assert settings.language(tmp_path) is None  # not a language: the model decides (and refuses it)
    (tmp_path / "giaoviec.yaml").write_bytes(b"\xff\xfe")
    assert settings.language(tmp_path) is None


def test_the_kept_language_is_the_language_its_bytes_name(tmp_path, monkeypatch):
    """settings.kept_language: what settings.language says, kept under giaoviec.yaml's bytes in the
    cache's folder, so that the same bytes are not parsed again (a broken, foreign or other version's keeping
    is ignored)."""
    from giaoviec import __version__
    from giaoviec.load import settings

    folder = tmp_path / "cache"
    texts = ["apiVersion: giaoviec/v1\nkind: Config\norganization: X\nlanguage: en\n",
             "apiVersion: giaoviec/v1\nkind: Config\norganization: X\n",
             "apiVersion: giaoviec/v1\nkind: Config\norganization: X\nlanguage: fr\n",
             "apiVersion: giaoviec/v1\nkind: Config\norganization: Ỹ\nlanguage: vi # ghi chú\n",
             "kind: Unit\n---\napiVersion: giaoviec/v1\nkind: Config\norganization: X\nlanguage: en\n", "\xff\xfe"]
    for text in texts:
        (tmp_path / "giaoviec.yaml").write_bytes(text.encode("latin-1") if text == "\xff\xfe" else text.encode("utf-8"))
        expected = settings.language(tmp_path)
        assert settings.kept_language(tmp_path, folder) == expected
        if expected is not None:
            with monkeypatch.context() as m:
                m.setattr(settings, "_named", lambda raw: pytest.fail("parsed again"))
                assert settings.kept_language(tmp_path, folder) == expected
    (folder / settings.KEPT).write_text("[not, a mapping", encoding="utf-8")
    assert settings.kept_language(tmp_path, folder) == settings.language(tmp_path)
    (tmp_path / "giaoviec.yaml").write_text(texts[0], encoding="utf-8")
    tool = __version__
    (folder / settings.KEPT).write_text(json.dumps({"tool": tool, "languages": {texts[0]: "de"}}), encoding="utf-8")  # not a language giaoviec speaks
    assert settings.kept_language(tmp_path, folder) == "en"
    (folder / settings.KEPT).write_text(json.dumps({"tool": "0.0.0-another", "languages": {texts[0]: "vi"}}), encoding="utf-8")
    assert settings.kept_language(tmp_path, folder) == "en"  # what another version kept is not trusted


def test_pydantic_plugins_are_not_scanned():
    proc = subprocess.run([sys.executable, "-c", "import os, giaoviec.cli; print(os.environ['PYDANTIC_DISABLE_PLUGINS'])"],
                          capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "__all__"


def test_the_command_word_is_read_as_click_reads_it():
    from giaoviec.cli.tree import command_word as _command_word

    assert _command_word(["-C", "x", "--lang", "en", "--debug", "validate", "--lang", "vi", "a.yaml"]) == "validate"
    assert _command_word(["--root=x", "--lang=en", "new", "assignment"]) == "new"
    assert _command_word(["-C", "validate", "score"]) == "score"  # -C's value is not the command
    assert _command_word(["--help"]) is None and _command_word([]) is None
    assert _command_word(["-Cx", "validate"]) is None  # not read here: the whole tree, as before
    assert _command_word(["--", "validate"]) is None


def _commands() -> list[str]:
    import typer.main

    from giaoviec.cli import app

    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("word", _commands())
def test_a_line_naming_one_command_builds_it_alone_and_says_the_same(word, cli, monkeypatch):
    """A run builds the command its line names and no other (start-up: Typer reads every command's
    signature); what it prints — the help, a usage error — is what the whole tree prints."""
    from giaoviec.cli import app, tree

    one = tree.command(app, [word, "--help"])
    assert sorted(one.commands) == [word]
    lines = [[word, "--help"], ["--lang", "vi", word, "--help"], ["--lang", "en", word, "--help"], [word, "--no-such-option"],
             ["--lang", "en", word, "--no-such-option"]]
    if word == "new":
        lines += [["new", "assignment", "--help"], ["--lang", "en", "new", "nothing"]]
    alone = [cli(*line) for line in lines]
    monkeypatch.setattr(tree, "command_word", lambda args: None)  # the whole tree, as every run built it before
    assert [cli(*line) for line in lines] == alone
    assert all(run.out or run.err for run in alone)


MAIN_LINES = [["--help"], ["-h"], ["--lang", "en", "--help"], ["--lang=vi", "-h"], [], ["--version"], ["--debug", "--help"],
              ["-C", str(VP), "--help"], [f"--root={VP}", "--lang", "en", "--help"], ["-C", str(VP)], ["--lang", "en"], ["-C", "--help"]]


def test_a_line_that_runs_no_command_builds_names_alone_and_says_the_same(cli, monkeypatch):
    """`giaoviec --help` (a line of main options alone: Click runs no command) builds each command with its
    name and help and none of its parameters; the help and errors are the whole tree's, byte for byte."""
    from giaoviec.cli import app, tree

    assert tree.runs_no_command(["-C", "x", "--lang", "en", "--help"]) and tree.runs_no_command([])
    for line in (["validate"], ["-Cx", "--help"], ["--", "--help"], ["-C"], ["--help", "validate"], ["-x"]):
        assert not tree.runs_no_command(line), line
    names = tree.command(app, ["--help"])
    assert names.commands and all(not c.params for c in names.commands.values() if not hasattr(c, "commands"))
    assert all(not c.params for g in names.commands.values() for c in getattr(g, "commands", {}).values())
    for columns in ("80", "60"):
        monkeypatch.setenv("COLUMNS", columns)
        alone = [cli(*line) for line in MAIN_LINES]
        with monkeypatch.context() as whole:
            whole.setattr(tree, "runs_no_command", lambda args: False)  # the whole tree, as every run built it before
            assert [cli(*line) for line in MAIN_LINES] == alone
        assert all(run.out or run.err for run in alone)
