"""One hostile corpus through every field into every output format: nothing is interpreted.

Markup (HTML, Markdown, a comment that would swallow what follows), formulas, mentions, links and a
10,000-character name are accepted by the model and must come out as text; control characters,
bidirectional overrides, NUL and lone surrogates are refused by the model (a finding, never a
crash) and must not reach any output either. A Markdown parser (markdown-it) checks that escaped
text renders as the text itself.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from openpyxl import load_workbook

from conftest import EXAMPLES
from giaoviec.render.escape import ZWSP, md
from test_differential import read_all, write

ACCEPTED = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[bấm](javascript:alert(1))",
    "Kết thúc\n\n## Tiêu đề giả\n\n<!--",
    '=HYPERLINK("http://x","x")',
    "+1+1",
    "-2+3 xã",
    "@SUM(1)",
    "| cột | giả |",
    "@to-chuc xem #12 http://example.com",
    "Nguyễn " + "x" * 10_000,
]
REFUSED = ["\x1b[2J xóa màn hình", "chữ \u202e đảo", "nul \x00 byte", "bel \x07"]
FIELDS = [  # (file, path inside the document) of text fields of the example repository
    ("org/cadres.yaml", ("cadres", 3, "name")),
    ("org/units.yaml", ("units", 4, "name")),
    ("giaoviec.yaml", ("organization",)),
    ("assignments/2022/tam-hong/le-van-cuong.yaml", ("tasks", 0, "what")),
    ("assignments/2022/tam-hong/le-van-cuong.yaml", ("tasks", 1, "result", "product")),
    ("assignments/2022/tam-hong/le-van-cuong.yaml", ("position",)),
    ("assignments/2022/nguyet-duc/nguyen-van-an.yaml", ("tasks", 0, "progress", 0, "note")),
    ("assignments/2022/nguyet-duc/nguyen-van-an.yaml", ("tasks", 0, "outcome", "evidence", 0)),
    ("assignments/2022/nguyet-duc/nguyen-van-an.yaml", ("annual_report", "obstacles", 0)),
    ("evaluations/2022/hoi-dong-danh-gia-huyen-yen-lac.yaml", ("evaluations", 0, "tasks", "02", "note")),
    ("assignments/2024/tam-hong/le-van-cuong.yaml", ("tasks", 1, "what")),
]
ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def set_field(doc, path, value):
    for step in path[:-1]:
        doc = doc[step]
    assert isinstance(doc[path[-1]], str), path
    doc[path[-1]] = value


def hostile_repo(tmp: Path, payloads: list[str], shift: int, config: bool = True) -> Path:
    files = json.loads(json.dumps(read_all(EXAMPLES / "vinh-phuc")))
    for i, (rel, path) in enumerate(FIELDS):
        if config or rel != "giaoviec.yaml":  # an invalid configuration leaves nothing to run (exit 3, tested elsewhere)
            set_field(files[rel], path, payloads[(i + shift) % len(payloads)])
    root = tmp / f"hostile-{shift}"
    write(root, files)
    return root


def outputs(cli, root: Path, tmp: Path) -> dict[str, str | Path]:
    out: dict[str, str | Path] = {}
    for name, args in {
        "validate.text": ["validate"], "validate.json": ["validate", "--format", "json"], "validate.sarif": ["validate", "--format", "sarif"],
        "score.table": ["score", "2022"], "score.explain": ["score", "2022", "--explain"], "score.json": ["score", "2022", "--format", "json"],
        "score.csv": ["score", "2022", "--format", "csv"], "score.md": ["score", "2022", "--format", "md"],
        "report.md": ["report", "--unit", "vinh-phuc", "--year", "2022"], "report.html": ["report", "--unit", "vinh-phuc", "--year", "2022", "--format", "html"],
        "report.public.md": ["report", "--unit", "vinh-phuc", "--year", "2022", "--public"],
        "export.csv": ["export", "--year", "2022", "--format", "csv"], "export.json": ["export", "--year", "2022", "--format", "json"],
        "export.plain.csv": ["export", "--year", "2022", "--format", "csv", "--csv-dialect", "plain"],
        "stats.table": ["stats", "--year", "2022"], "stats.json": ["stats", "--year", "2022", "--format", "json"],
        "status.text": ["status", "--as-of", "2022-10-01"], "status.json": ["status", "--as-of", "2022-10-01", "--format", "json"],
    }.items():
        run = cli("-C", str(root), *args)
        assert run.code in (0, 1), (name, run.err[-500:])
        assert "Traceback" not in run.err and "Lỗi nội bộ" not in run.err, name
        out[name] = run.out
        out[name + ".stderr"] = run.err
    for name, args in {"export.xlsx": [], "scoring.xlsx": ["--scoring-sheet"]}.items():
        book = tmp / f"{root.name}-{name}"
        assert cli("-C", str(root), "export", "--year", "2022", *args, "--out", str(book), "--force").code in (0, 1)
        out[name] = book
    return out


def check(out: dict[str, str | Path]) -> None:
    for name, value in out.items():
        if isinstance(value, Path):
            wb = load_workbook(value)
            assert not [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"], name
            continue
        excel = name == "export.csv"  # the Excel dialect: semicolons, lines ended by CR LF
        if excel:
            assert "\r" not in value.replace("\r\n", ""), name
            value = value.replace("\r\n", "\n")
        assert not CONTROL.search(value), (name, CONTROL.search(value))
        if name.endswith((".json", ".sarif")):
            json.loads(value)
        if name.endswith((".md", ".html")):
            body = value.replace("<!-- giaoviec -->", "")
            assert "<script>" not in body and "<img" not in body and "<!--" not in body, name
        if name.endswith(".md"):
            assert not re.search(r"(?<!\\)\]\(javascript:", value) and "\n## Tiêu đề giả" not in value, name
            assert "@to-chuc" not in value and "#12" not in value and "http://example" not in value, name
        if name.endswith(".csv"):
            cells = [c for row in csv.reader(io.StringIO(value), delimiter=";" if excel else ",") for c in row if not row[0].startswith("# ")]
            assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], name


@pytest.mark.parametrize("shift", [0, 3, 7])
def test_accepted_hostile_text_comes_out_as_text_everywhere(cli, tmp_path, shift):
    root = hostile_repo(tmp_path, ACCEPTED, shift)
    check(outputs(cli, root, tmp_path))


def test_refused_characters_are_findings_and_reach_no_output(cli, tmp_path):
    root = hostile_repo(tmp_path, REFUSED, 0, config=False)
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code == 1 and "schema.text-characters" in {d["code"] for d in run.json()["diagnostics"]}
    check(outputs(cli, root, tmp_path))


def test_the_pull_request_comment_of_a_hostile_change(tmp_path):
    from conftest import subprocess_cli

    root = tmp_path / "pr"
    write(root, read_all(EXAMPLES / "vinh-phuc"))
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **ENV})
    hostile = hostile_repo(tmp_path, ACCEPTED, 0)
    for rel, _path in FIELDS:
        (root / rel).write_bytes((hostile / rel).read_bytes())
    for fmt in ("text", "md", "json"):
        run = subprocess_cli("-C", str(root), "diff", "main", "--format", fmt)
        assert run.code == 0 and "Traceback" not in run.err
        check({f"diff.{fmt}": run.out})


# -- the Markdown escaping, rendered by a real parser ---------------------------------------------

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def rendered_text(line: str) -> tuple[str, set[str]]:
    """The plain text a table cell holding `line` renders to, and the kinds of tokens it makes."""
    tokens = PARSER.parse(f"| a |\n|---|\n| {line} |\n")
    inline = [t for t in tokens if t.type == "inline"][-1]
    kinds = {c.type for c in inline.children or []}
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline")), kinds


@settings(max_examples=400, deadline=None)
@example("[bấm](javascript:alert(1))")
@example("<b>đậm</b> <!-- x")
@example("*nghiêng* _và_ **đậm** ~~gạch~~ `mã`")
@example("a | b \\| c")
@example("![ảnh](http://x/y.png) <http://x> www.x.vn")
@example("&amp; &#60; &lt;")
@example("\u200b")  # a zero-width space typed in the data: the comparison leaves it out on both sides
@example("\u2066 a\u202eb")  # bidi controls: shown as their codes, never obeyed
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]) | st.sampled_from(list("<>&[]()*_`|\\!#@~:/-=+")), max_size=80))
def test_escaped_markdown_renders_as_the_text_itself(text):
    shown, kinds = rendered_text(md(text))
    assert kinds <= {"text", "softbreak"}, kinds  # no link, no emphasis, no HTML, no code span
    from giaoviec.render.escape import visible

    typed = visible(text).replace(ZWSP, "")  # bidi controls shown as codes (\u2066); the zero-width spaces the escaping adds left out
    assert shown.replace(ZWSP, "") == " ".join(typed.split("\n")).strip() or shown.replace(ZWSP, "").strip() == typed.strip()


def _md_the_long_way(text):
    """escape.md without its shortcut: every step on every text."""
    from giaoviec.render import escape

    value = escape.visible("" if text is None else text).replace("\r", " ").replace("\n", " ")
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = escape._MD_SPECIAL.sub(r"\\\1", value)
    value = escape._MENTION.sub(lambda m: m.group(1) + ZWSP, value)
    return escape._md_block(value.replace("://", ":" + ZWSP + "//").replace("www.", "www" + ZWSP + "."))


@settings(max_examples=1500, derandomize=True)
@given(st.one_of(st.text(), st.text(alphabet="ab :/.w@#_*[]|~`\\&<>\r\n\t\x1b\u202e\ud800Hà=+-1)"), st.integers(), st.floats(), st.none()))
@example("www.")
@example("a://b")
@example("x\u2066y")
@example("\x85")
@example("# a")
@example("- a")
@example("1. a")
@example("==")
@example(" \tx")
def test_the_shortcut_of_md_changes_nothing(text):
    """A text with nothing md() would change is returned as it is; any other goes every step."""
    assert md(text) == _md_the_long_way(text)


@settings(max_examples=1500, derandomize=True)
@given(st.one_of(st.text(), st.text(alphabet="ab'\"&<>\r\n\t\x1b\u202e\u2066\ud800\x85Hà"), st.integers(), st.floats(), st.none()))
@example("\u2069")
def test_html_escapes_as_jinja_autoescape_did(text):
    """The report environment escapes with escape.html, not Jinja's autoescape: the same text as
    markupsafe's escape after visible(), for any value."""
    import markupsafe

    from giaoviec.render.escape import html, visible

    assert html(text) == str(markupsafe.escape(visible(text)))


def test_the_report_templates_build_no_markup_that_finalize_would_escape_again():
    """Escaping is the environment's finalize (render/jinja.py), not autoescape: markup a template
    built itself (a macro, a captured block, |safe, ~) would be escaped once more. None is used."""
    from importlib.resources import files

    for name in ("report.html.j2", "report.md.j2"):
        text = (files("giaoviec") / "templates" / "report" / name).read_text(encoding="utf-8")
        for construct in ("{% macro", "{% call", "{% set", "|safe", "| safe", " ~ ", "{% include", "{% import"):
            assert construct not in text, (name, construct)


# -- a file name is shown on its line; invisible characters refused; CSV lines fenced on GitHub --------

NL_FILE = "x\n::error::NLFILE\u2028y.yaml"  # a file system takes a line feed in a name; GitHub reads "::error::" as a command


def test_a_file_name_holding_a_line_feed_starts_no_line(cli, tmp_path, monkeypatch):
    root = tmp_path / "repo"
    write(root, json.loads(json.dumps(read_all(EXAMPLES / "vinh-phuc"))))
    (root / "assignments" / "2022" / NL_FILE).write_text("apiVersion: giaoviec/v1\nkind: Assignment\ncadre: nobody\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    runs = {
        "validate": ["validate", "--format", "text"], "validate.github": ["validate"], "score": ["score", "2022"],
        "score.csv": ["score", "2022", "--format", "csv"], "stats": ["stats", "--year", "2022"],
        "status": ["status", "--as-of", "2022-10-01"], "report.md": ["report", "--unit", "vinh-phuc", "--year", "2022"],
    }
    for name, args in runs.items():
        run = cli("-C", str(root), *args)
        assert run.code == 1, (name, run.err[-500:])
        both = run.out + run.err
        assert "NLFILE" in both, name  # the file is named …
        starts = [line for line in both.splitlines() if line.lstrip().startswith("::")]
        if name == "validate.github":  # … its annotations are the only workflow commands, the name percent-encoded
            assert all(re.match(r"::(error|warning) file=|::notice::", line) for line in starts), starts
            assert [line for line in starts if "NLFILE" in line and "x%0A%3A%3Aerror%3A%3ANLFILE" not in line] == []
        elif name == "score.csv":  # fenced (stop-commands) when the data could start a line
            assert [s for s in starts if "NLFILE" in s] == [], starts
        else:
            assert starts == [], (name, starts)
        if name != "validate.github":
            assert "x\\u000a::error::NLFILE\\u2028y.yaml" in both.replace("\\\\", "\\"), name
    folder = tmp_path / "a\n::error::b"
    run = cli("init", str(folder))
    assert [line for line in (run.out + run.err).splitlines() if line.startswith("::")] == [], run.err[-500:]
    assert "\\u000a::error::b" in run.err
    for args in (["-C", str(tmp_path / "no\n::error::X"), "validate"],  # a fatal error naming a path
                 ["-C", str(root), "export", "--year", "2022", "--format", "csv", "--out", str(tmp_path / "no\n::error::Y" / "a.csv")]):
        run = cli(*args)
        assert run.code in (2, 3) and "\\u000a::error::" in run.err, run.err
        assert [line for line in run.err.splitlines() if line.startswith("::")] == [], run.err


INVISIBLE = ["alm \u061c dấu", "lrm \u200e rlm \u200f", "dòng\u2028mới\u2029đoạn", "bom \ufeff giữa", "thẻ \U000e0041\U000e007f ẩn"]
SHOWN_AS_CODES = re.compile("[\u061c\u200e\u200f\u2028\u2029\ufeff\U000e0000-\U000e007f]")


@pytest.mark.parametrize("text", INVISIBLE)
def test_invisible_characters_are_refused_and_shown_as_codes(text):
    from giaoviec.model.common import _text
    from giaoviec.render.escape import csv_cell, docx, html, json_text, md, visible

    with pytest.raises(Exception, match="U\\+"):
        _text(text)
    for shown in (visible(text), md(text), html(text), docx(text), str(csv_cell(text)), md(text)):
        assert SHOWN_AS_CODES.search(shown) is None, shown
        assert "\\u" in shown or "\\U" in shown
    assert json.loads(json_text(json.dumps(text, ensure_ascii=False))) == text
    assert SHOWN_AS_CODES.search(json_text(json.dumps(text, ensure_ascii=False))) is None


@pytest.mark.parametrize("text", ["Nguyễn\u00adVăn", "a\u200bb", "ZWNJ\u200c ZWJ\u200d"])
def test_soft_hyphen_and_zero_width_joiners_are_kept(text):
    from giaoviec.model.common import _text
    from giaoviec.render.escape import visible

    assert _text(text) == text and visible(text) == text


def test_invisible_characters_in_the_data_are_findings_and_reach_no_output(cli, tmp_path):
    root = hostile_repo(tmp_path, INVISIBLE, 0, config=False)
    run = cli("-C", str(root), "validate", "--format", "json")
    found = [d for d in run.json()["diagnostics"] if d["code"] == "schema.text-characters"]
    assert run.code == 1 and len(found) >= len(INVISIBLE), found
    out = outputs(cli, root, tmp_path)
    for name, value in out.items():
        if isinstance(value, str):
            assert SHOWN_AS_CODES.search(value) is None, (name, SHOWN_AS_CODES.search(value))
    docx_file = tmp_path / "r.docx"
    assert cli("-C", str(root), "report", "--unit", "vinh-phuc", "--year", "2022", "--format", "docx", "--out", str(docx_file)).code in (0, 1)
    import zipfile

    with zipfile.ZipFile(docx_file) as z:
        assert not [n for n in z.namelist() if n.endswith(".xml") and SHOWN_AS_CODES.search(z.read(n).decode("utf-8"))]


def test_a_csv_on_github_actions_is_fenced_from_workflow_commands(cli, tmp_path, monkeypatch):
    files = json.loads(json.dumps(read_all(EXAMPLES / "vinh-phuc")))
    set_field(files["assignments/2022/nguyet-duc/nguyen-van-an.yaml"], ("tasks", 0, "what"), "Giải quyết 12 vụ\n::error::NOTE")
    root = tmp_path / "repo"
    write(root, files)
    plain = cli("-C", str(root), "export", "--year", "2022", "--format", "csv")
    assert "\n::error::NOTE" in plain.out and not plain.out.startswith("::")  # off GitHub: the CSV as it is
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    for args in (["export", "--year", "2022", "--format", "csv"], ["score", "2022", "--format", "csv"]):
        run = cli("-C", str(root), *args)
        lines = run.out.splitlines()
        token = lines[0].removeprefix("::stop-commands::")
        assert lines[0].startswith("::stop-commands::") and len(token) >= 16 and lines[-1] == f"::{token}::", lines[:2]
        assert next(row for row in csv.reader(io.StringIO("\n".join(lines[1:-1])), delimiter=";") if row)  # the CSV between
    run = cli("-C", str(root), "export", "--year", "2022", "--format", "csv")
    assert "\n::error::NOTE" in run.out
    book = tmp_path / "x.csv"
    cli("-C", str(root), "export", "--year", "2022", "--format", "csv", "--out", str(book))
    assert not book.read_text(encoding="utf-8-sig").startswith("::")  # a file is not the runner's log
