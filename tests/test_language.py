"""The language of a run, everywhere a person reads: help texts, the command line's own usage and
errors, data findings. Vietnamese unless told otherwise: --lang, then GIAOVIEC_LANG, then the
repository's configuration, then the locale as GNU tools read it (LANGUAGE, LC_ALL, LC_MESSAGES,
LANG). In Vietnamese, no English sentence gets through from the libraries underneath."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLES, build_repo, subprocess_cli
from giaoviec.cli.env import locale_language

VP = EXAMPLES / "vinh-phuc"
# words that only an English sentence would hold (none of them is a Vietnamese word)
ENGLISH = re.compile(r"\b(the|is|are|not|should|must|cannot|expected|found|valid|invalid|missing|unknown|error|input|for|with|this|"
                     r"that|which|please|unable|parse|string|integer|allowed|mapping|while|scanning|could|did|you|mean|usage|try|show|"
                     r"message|exit|options|commands|arguments|such|option|command|given|required|default|example|file|write)\b", re.I)
COMMANDS = ["validate", "rules", "schema", "score", "report", "stats", "progress", "init", "status", "diff", "export", "import", "new",
            "new assignment"]


def english_in(text: str) -> list[str]:
    """The English words of a text, leaving out what is not a sentence: quoted values, codes,
    options, paths, metavariables and the lines of a file shown as an excerpt."""
    found = []
    for line in text.splitlines():
        if re.match(r"\s*\d+ \|", line) or re.match(r"\s*\|", line):
            continue  # an excerpt of the user's file
        line = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|<[^>]*>|\{[^}]*\}|\[[^\]]*\]|\S*[._/=$:#@-]\S*", " ", line)
        found += ENGLISH.findall(line)
    return found


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_vietnamese_and_english_with_lang_en(command):
    vi = subprocess_cli(*command.split(), "--help")
    assert vi.code == 0 and vi.out.startswith("Cách dùng: giaoviec") and "Ví dụ:" in vi.out + "Ví dụ:" * (command == "new")
    assert english_in(vi.out) == [], vi.out
    en = subprocess_cli("--lang", "en", *command.split(), "--help")
    assert en.code == 0 and en.out.startswith("Usage: giaoviec") and "Show this message and exit." in en.out
    assert "Cách dùng" not in en.out and "Tùy chọn" not in en.out


MISTAKES = [  # the command line's own errors: exit 2, in Vietnamese
    ["score"], ["-C", str(VP), "score", "abc"], ["-C", str(VP), "scor", "2022"], ["-C", str(VP), "validate", "--bogus"],
    ["-C", str(VP), "validate", "-f", "xml"], ["-C", str(VP), "validate", "-f"], ["-C", str(VP), "status", "--within", "x"],
    ["-C", str(VP), "score", "2022", "extra"], ["-C", str(VP), "report"], ["-C", str(VP), "new", "assignment"],
]
FAILURES = [  # the tool's own refusals (exit 2 or 3)
    ["-C", "/nonexistent", "validate"], ["-C", str(VP), "validate", "nonexistent.yaml"], ["-C", str(VP), "score", "99999"],
    ["-C", str(VP), "status", "--as-of", "31/12/2022"], ["-C", str(VP), "report", "--unit", "khong-co"],
    ["-C", str(VP), "diff", "no-such-revision"], ["-C", str(VP), "report", "--unit", "yen-lac", "--format", "docx"],
    ["-C", str(VP), "progress", "assignments/x.yaml#01", "--value", "1"], ["-C", str(VP), "report", "--unit", "yen-lac", "--out", "/nonexistent/x.md"],
    ["-C", str(VP), "export", "--year", "2022", "--format", "csv", "--out", "/"],
]


@pytest.mark.parametrize("args", MISTAKES + FAILURES, ids=lambda a: " ".join(a[2:] if a[0] == "-C" else a))
def test_every_error_of_the_command_line_is_vietnamese(args, tmp_path):
    run = subprocess_cli(*args, cwd=tmp_path)
    assert run.code in (2, 3), (run.code, run.err)
    assert "Traceback" not in run.err and run.err.strip()
    assert english_in(run.err) == [], run.err
    if args in MISTAKES:
        assert "Lỗi: " in run.err
        english = subprocess_cli("--lang", "en", *args, cwd=tmp_path)
        assert english.code == run.code and "Error: " in english.err and "Lỗi" not in english.err


@pytest.mark.parametrize("case", sorted(p.name for p in (DATA / "invalid").iterdir()))
def test_findings_of_the_invalid_corpus_are_vietnamese(case, tmp_path):
    root = build_repo(tmp_path, DATA / "invalid" / case)
    doc = json.loads(subprocess_cli("-C", str(root), "validate", "--format", "json").out)
    for d in doc["diagnostics"]:
        assert english_in(d["message"]) == [] and english_in(d.get("hint") or "") == [], d


@pytest.mark.parametrize(("env", "lang"), [
    ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "vi_VN.UTF-8"}, "vi"), ({"LANG": "C.UTF-8"}, None), ({"LANG": "fr_FR.UTF-8"}, None),
    ({"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"}, "vi"), ({"LANGUAGE": "en", "LANG": "C"}, None),  # LANGUAGE is ignored under C
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"), ({"LC_MESSAGES": "vi_VN", "LANG": "en_US"}, "vi"), ({}, None),
])
def test_the_locale_is_read_as_gnu_tools_read_it(env, lang):
    assert locale_language(env) == lang


def test_the_order_of_the_language_sources(tmp_path):
    english = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    folder = tmp_path / "empty"
    folder.mkdir()
    assert "Usage:" in subprocess_cli("score", cwd=folder, env=english).err  # no repository: the locale decides
    assert "Cách dùng:" in subprocess_cli("score", cwd=folder, env={**english, "GIAOVIEC_LANG": "vi"}).err
    assert "Cách dùng:" in subprocess_cli("-C", str(VP), "score", env=english).err  # the repository says language: vi
    assert "Usage:" in subprocess_cli("-C", str(VP), "--lang", "en", "score", env={"GIAOVIEC_LANG": "vi"}).err
    run = subprocess_cli("-C", str(VP), "validate", env=english)
    assert run.code == 0 and "Đã kiểm tra" in run.err


def test_a_repository_in_english_speaks_english(tmp_path):
    root = Path(tmp_path / "en")
    assert subprocess_cli("init", str(root)).code == 0
    config = root / "giaoviec.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: vi", "language: en"), encoding="utf-8")
    run = subprocess_cli("-C", str(root), "score", "abc")
    assert run.code == 2 and "Usage:" in run.err and "Error: Invalid value for 'year': a whole number is expected" in run.err


def test_one_process_can_speak_both_languages(cli, tmp_path):
    """The machinery's words are looked up at each run, not fixed by the first one."""
    assert "Usage: giaoviec score" in cli("--lang", "en", "score", cwd=tmp_path).err
    vi = cli("score", cwd=tmp_path)
    assert "Cách dùng: giaoviec score" in vi.err and "Lỗi: Thiếu đối số" in vi.err
    assert "Show this message and exit." in cli("--lang", "en", "rules", "--help").out
    assert "In hướng dẫn này rồi thoát." in cli("rules", "--help").out
