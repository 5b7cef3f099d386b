"""`giaoviec --help` answered before Typer is imported (giaoviec/quickhelp.py): every line it answers
is answered as the command line answers it — stdout, stderr and the exit code, byte for byte — over
languages, widths and folders, and every line it does not read goes to the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from giaoviec import quickhelp

QUICK = "import sys; from giaoviec.quick import main; sys.argv = ['giaoviec', *sys.argv[1:]]; main()"
PROBED = ("import atexit, sys; atexit.register(lambda: sys.stderr.write('#' + str('typer' in sys.modules))); " + QUICK)
WHOLE = "import sys; from giaoviec.cli import main; sys.argv = ['giaoviec', *sys.argv[1:]]; main()"


def run(code: str, args: list[str], env: dict[str, str], cwd: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120,
                          check=False)
    return proc.returncode, proc.stdout, proc.stderr


def _env(cache: str, **extra: str) -> dict[str, str]:
    drop = ("CI", "GIAOVIEC_NO_CACHE", "GITHUB_ACTIONS", "GIAOVIEC_LANG", "FORCE_COLOR", "COLUMNS", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "GIAOVIEC_CACHE_DIR": cache, **extra}


LINES = [["--help"], ["-h"], ["--lang", "en", "--help"], ["--lang=vi", "-h"], ["-C", "{en}", "--help"], ["--root={vi}", "-h"],
         ["--root", "{en}", "--lang", "vi", "-h"], ["-C", "no-such-folder", "--help"]]
FALLS = [[], ["--help", "--lang", "en"], ["--lang", "fr", "--help"], ["--debug", "--help"], ["validate", "--help"], ["new", "--help"],
         ["-C", "x", "--debug", "--help"], ["--root=", "--help"], ["--lang"], ["--version"]]


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """An English repository, a Vietnamese one, and a folder in no repository."""
    base = tmp_path_factory.mktemp("quickhelp")
    english = base / "english"
    shutil.copytree(EXAMPLES / "vinh-phuc", english)
    config = english / "giaoviec.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("language: vi", "language: en") if "language:" in text else text + "language: en\n", encoding="utf-8")
    vietnamese = base / "vietnamese"
    shutil.copytree(EXAMPLES / "vinh-phuc", vietnamese)
    nowhere = base / "nowhere"
    nowhere.mkdir()
    return base, {"english": english, "vietnamese": vietnamese, "nowhere": nowhere}


@pytest.mark.parametrize("columns", [None, "45", "72", "120"])
def test_same_bytes(folders, columns):
    base, made = folders
    answered = 0
    for where, folder in made.items():
        for envs in ({}, {"GIAOVIEC_LANG": "en"}, {"LANG": "en_US.UTF-8"}, {"LANGUAGE": "vi"}, {"GIAOVIEC_NO_CACHE": "1"}):
            env = _env(str(base / "cache"), **envs, **({"COLUMNS": columns} if columns else {}))
            for line in LINES:
                args = [a.format(en=made["english"], vi=made["vietnamese"]) for a in line]
                whole = run(WHOLE, args, env, str(folder))
                code, out, err = run(PROBED, args, env, str(folder))
                assert (code, out, err[:-6]) == whole, (where, envs, args)
                assert whole[0] == 0 and whole[1]
                answered += err.endswith("#False")
    assert answered == len(LINES) * 5 * 3  # every line answered without Typer


@pytest.mark.parametrize("args", [["--lang", "vi", "-h"], ["--lang=en", "--help"]])
def test_the_other_spellings(folders, args):
    base, made = folders
    for folder in made.values():
        for extra in ({"GIAOVIEC_LANG": "en"}, {"GIAOVIEC_LANG": "fr"}, {"FORCE_COLOR": "1"}, {"NO_COLOR": "1"}, {"TERM": "dumb"}):
            env = _env(str(base / "cache"), COLUMNS="64", **extra)
            whole = run(WHOLE, args, env, str(folder))
            code, out, err = run(PROBED, args, env, str(folder))
            assert (code, out, err) == (*whole[:2], whole[2] + "#False"), extra


@pytest.mark.parametrize("args", FALLS)
def test_falls_through(folders, args):
    base, made = folders
    env = _env(str(base / "cache"), COLUMNS="70")
    whole = run(WHOLE, args, env, str(made["nowhere"]))
    code, out, err = run(PROBED, args, env, str(made["nowhere"]))
    assert (code, out, err[:-5]) == whole and err.endswith("#True")


def test_not_utf8_and_completion_fall_through(folders):
    base, made = folders
    for extra in ({"PYTHONIOENCODING": "ascii"}, {"_GIAOVIEC_COMPLETE": "bash_complete"}):
        env = _env(str(base / "cache"), **extra)
        _code, _out, err = run(PROBED, ["--help"], env, str(made["nowhere"]))
        assert err.endswith("#True"), extra


def test_texts_are_the_command_lines():
    """The commands' names and helps held in quickhelp are the registered commands' (in their order)."""
    import typer

    from giaoviec.cli import app

    registered = [(c.name or typer.main.get_command_name(c.callback.__name__), c.help) for c in app.registered_commands]
    registered += [(g.name, g.typer_instance.info.help) for g in app.registered_groups]
    assert list(quickhelp.COMMANDS) == registered
    assert app.info.help == quickhelp.MAIN_HELP


def test_short_help_cuts_as_click():
    from typer._click.utils import make_default_short_help

    texts = [h for _n, h in quickhelp.COMMANDS] + ["a b. c", "one two three four five six", "x" * 50, "", "Ends here.\n\nMore"]
    for text in texts:
        for limit in range(5, 90, 3):
            assert quickhelp.short_help(text, limit) == make_default_short_help(text, limit), (text, limit)


def _on_terminal(code: str, args: list[str], env: dict[str, str], cwd: str, columns: int) -> tuple[int, bytes]:
    """Exit code and output of a run whose stdout is a terminal `columns` wide (a pty)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, columns, 0, 0))
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=slave, stderr=subprocess.PIPE, env=env, cwd=cwd)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    proc.wait(timeout=120)
    return proc.returncode, b"".join(chunks) + (proc.stderr.read() if proc.stderr else b"")


@pytest.mark.parametrize("columns", [55, 70, 120])
def test_same_bytes_on_a_terminal(folders, columns):
    base, made = folders
    env = _env(str(base / "cache"))
    for args in (["--help"], ["--lang", "en", "-h"]):
        whole = _on_terminal(WHOLE, args, env, str(made["nowhere"]), columns)
        code, said = _on_terminal(PROBED, args, env, str(made["nowhere"]), columns)
        assert (code, said.removesuffix(b"#False")) == whole and said.endswith(b"#False")
