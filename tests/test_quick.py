"""`validate` answered from the cache before the command line is built (giaoviec/quick.py): every line
it answers is answered as the command line answers it — stdout, stderr and exit code byte for byte —
and every line it does not read goes to the command line."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLES

VP = EXAMPLES / "vinh-phuc"
QUICK = "import sys; from giaoviec.quick import main; sys.argv = ['giaoviec', *sys.argv[1:]]; main()"
PROBED = ("import atexit, sys; atexit.register(lambda: sys.stderr.write('#' + str('typer' in sys.modules))); "  # was Typer loaded?
          + QUICK)
WHOLE = "import sys; from giaoviec.cli import main; sys.argv = ['giaoviec', *sys.argv[1:]]; main()"


def run(code: str, args: list[str], env: dict[str, str], cwd: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120,
                          check=False)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def repos(tmp_path_factory):
    """Three repositories: the example (warnings), the example with an error added, and in English."""
    base = tmp_path_factory.mktemp("quick")
    made = {}
    for name in ("warnings", "errors", "english"):
        root = base / name
        shutil.copytree(VP, root)
        made[name] = root
    broken = next((made["errors"] / "assignments").rglob("*.yaml"))
    broken.write_text(broken.read_text(encoding="utf-8").replace("cadre:", "cadre: [", 1), encoding="utf-8")
    config = made["english"] / "giaoviec.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: vi", "language: en") + (
        "" if "language:" in config.read_text(encoding="utf-8") else "language: en\n"), encoding="utf-8")
    return base, made


def _env(cache: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GIAOVIEC_NO_CACHE", "GITHUB_ACTIONS", "GIAOVIEC_LANG", "FORCE_COLOR")}
    return {**env, "GIAOVIEC_CACHE_DIR": cache, **extra}


LINES = [
    ["validate"], ["validate", "--format", "json"], ["validate", "-f", "text"], ["validate", "--format=json"],
    ["validate", "{file}"], ["validate", "{file}", "--format", "json"], ["validate", "--format", "json", "{file}", "{file}"],
    ["validate", "assignments"], ["validate", "no-such-file.yaml"], ["validate", "{file}", "--strict"],
    ["validate", "--format", "github"], ["validate", "--format", "xml"], ["validate", "--format"], ["validate", "-f", "json", "-f", "text"],
    ["validate", "--lang", "en"], ["validate", "--no-cache"], ["validate", "--", "{file}"], ["validate", "--help"], ["valdate"],
    ["validate", "-x"],
]


@pytest.mark.parametrize("name", ["warnings", "errors", "english"])
def test_every_line_is_answered_as_the_command_line_answers_it(repos, name, tmp_path):
    base, made = repos
    root = made[name]
    file = str(next((root / "assignments").rglob("*.yaml")).relative_to(root))
    env = _env(str(tmp_path / "cache"))
    run(WHOLE, ["-C", str(root), "validate"], env, str(base))  # the cache holds the answer (in every language)
    answered = 0
    for lang_env in ({}, {"GIAOVIEC_LANG": "en"}):
        for i, line in enumerate(LINES):
            args = [a.replace("{file}", file) for a in line]
            ways = ((str(base), ["-C", str(root)]), (str(base), [f"--root={root}"]), (str(root), []))
            for where, options in ways if i < 5 else ways[:1]:
                whole = run(WHOLE, [*options, *args], {**env, **lang_env}, where)
                quick = run(PROBED, [*options, *args], {**env, **lang_env}, where)
                assert quick[2].endswith(("#True", "#False"))
                answered += quick[2].endswith("#False")
                assert (quick[0], quick[1], quick[2].rsplit("#", 1)[0]) == whole, (options, args)
    assert answered == 2 * (3 * 5 + 3)  # the lines it reads (the first five three ways), in each language


@pytest.mark.parametrize("name", ["warnings", "errors", "english"])
def test_a_file_changed_is_checked_again_without_the_command_line_as_the_command_line_checks_it(repos, name, tmp_path):
    """A miss (a file changed, added, made invalid) is checked again by quick.py itself when stderr is no
    terminal: the same bytes and exit code as the command line's, each with a cache of its own."""
    base, made = repos
    root = tmp_path / name
    shutil.copytree(made[name], root)
    file = next((root / "assignments").rglob("*.yaml"))
    quick_env, whole_env = _env(str(tmp_path / "quick-cache")), _env(str(tmp_path / "whole-cache"))
    run(WHOLE, ["-C", str(root), "validate"], quick_env, str(base))
    run(WHOLE, ["-C", str(root), "validate"], whole_env, str(base))
    changes = [lambda: file.write_text(file.read_text(encoding="utf-8") + "# x\n", encoding="utf-8"),
               lambda: shutil.copy(file, file.with_name("copy.yaml")),  # a duplicate: findings across files
               lambda: file.write_text(file.read_text(encoding="utf-8").replace("cadre:", "cadre: [", 1), encoding="utf-8")]
    for change in changes:
        change()
        for args in (["validate"], ["validate", "--format", "json", str(file.relative_to(root))]):
            if args != ["validate"]:  # (a miss again: the answer of the line before is kept)
                file.write_text(file.read_text(encoding="utf-8") + "# y\n", encoding="utf-8")
            quick = run(PROBED, ["-C", str(root), *args], quick_env, str(base))
            whole = run(WHOLE, ["-C", str(root), *args], whole_env, str(base))
            assert quick[2].endswith("#False"), quick  # answered without Typer
            assert (quick[0], quick[1], quick[2].removesuffix("#False")) == whole, (args, quick, whole)


def test_what_it_does_not_read_goes_to_the_command_line():
    from giaoviec.quick import read_line

    assert read_line(["validate"]) == (None, [], None)
    assert read_line(["-C", "x", "validate", "a.yaml", "-f", "json", "b"]) == ("x", ["a.yaml", "b"], "json")
    assert read_line(["--root=x", "validate", "--format=text"]) == ("x", [], "text")
    for line in (["--lang", "en", "validate"], ["validate", "--strict"], ["validate", "--format", "sarif"], ["validate", "-f"],
                 ["validate", "--", "a"], ["validate", "-fjson"], ["-C", "", "validate"], ["-C"], ["--help"], ["validate", "--help"],
                 ["validate", "-f", "json", "--format", "json"], ["score"], [], ["-C", "x", "--debug", "validate"], ["validate", ""]):
        assert read_line(line) is None, line


def test_no_answer_without_the_cache_under_github_actions_or_to_a_stream_not_utf8(repos, tmp_path):
    _, made = repos
    root = str(made["warnings"])
    for extra in ({"GIAOVIEC_NO_CACHE": "1"}, {"CI": "true"}, {"GITHUB_ACTIONS": "true"}, {"PYTHONIOENCODING": "ascii"}):
        env = _env(str(tmp_path / "cache"), **extra)
        run(WHOLE, ["-C", root, "validate"], env, root)
        quick = run(PROBED, ["-C", root, "validate"], env, root)
        whole = run(WHOLE, ["-C", root, "validate"], env, root)
        assert quick[2].endswith("#True") and (quick[0], quick[1], quick[2].removesuffix("#True")) == whole


def test_with_rich_told_by_the_environment_the_summary_is_rich_s(repos, tmp_path):
    _, made = repos
    root = str(made["errors"])
    env = _env(str(tmp_path / "cache"), FORCE_COLOR="1")
    run(WHOLE, ["-C", root, "validate"], env, root)
    assert run(QUICK, ["-C", root, "validate"], env, root) == run(WHOLE, ["-C", root, "validate"], env, root)


NOTES = [
    "Đã kiểm tra 21 tệp: 0 lỗi, 4 cảnh báo.", "Checked 5000 files: 12 errors, 1 warning.",
    "x" * 500, "Nhiệm vụ " * 80, "宽字符" * 60 + " end", "tab\tand\\x1b escaped", "a\u200bb\u0301c", "", " lead and trail ",
    "🙂" * 50, "[bold]not markup[/bold] :smile:",
]


@pytest.mark.parametrize("note", NOTES)
def test_the_summary_written_without_rich_is_rich_s_bytes(note, monkeypatch):
    """A line on stderr as render/output.error_line writes it without rich (stderr no terminal, nothing
    for rich in the environment: quick.py's summary, cli/app.Session.note) and as a plain console prints
    it, after escape.terminal as both do."""
    from rich.text import Text

    from giaoviec.i18n import translator
    from giaoviec.render import output
    from giaoviec.render.escape import terminal
    from giaoviec.render.output import plain_console
    from giaoviec.terminal import RICH_ENV

    for name in RICH_ENV:
        monkeypatch.delenv(name, raising=False)
    notes = [terminal(note)] + [terminal(translator(lang)("Checked {files} files: {errors} errors, {warnings} warnings.").format(
        files=n, errors=n * 7, warnings=n * 13)) for lang in ("vi", "en") for n in (0, 1, 42, 123456789)]
    for text in notes:
        plain, printed = io.StringIO(), io.StringIO()
        monkeypatch.setattr(sys, "stderr", plain)
        output.error_line(text)
        plain_console(file=printed).print(Text(text))
        assert plain.getvalue() == printed.getvalue()
