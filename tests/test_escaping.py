"""Text from the data or from a command-line option is never obeyed (spec/quality.md, Security).

A hostile string set — rich markup, OSC 8 and other terminal escapes, BEL, C1 controls, bidi
overrides, Markdown links, headings and list markers, table pipes, backticks, HTML, spreadsheet
formulas, XML-invalid characters — is put into every text field and option that reaches an output;
every command and format is run, and each output is checked by the rules of its kind: no crash, no
live markup, no raw control character, and the text shown as itself where it is shown.
"""

from __future__ import annotations

import csv
import html as htmllib
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from openpyxl import load_workbook

from conftest import EXAMPLES, subprocess_cli
from giaoviec.render.escape import ZWSP
from test_differential import read_all, write

# Accepted by the model (text a person could type): each holds a marker (RICH, MDX…) to find it by.
NASTY = [
    "RICH [link=http://e.vn]bấm[/link] [/bold] [bold red]đỏ :thumbs_up:",
    "# MDX [x](http://e.vn) ![i](http://e.vn/i.png) `mã` | ô",
    "- 1. LST > + * ~~gạch~~ ---",
    "HTM <script>alert(1)</script><img src=x onerror=alert(1)>",
    "=1+1;=cmd|' /C calc'!A0,+2,-3,@SUM(1) CSV",
    "@SUM(1) ATQ\tsau tab",
    "+84 PLS; -5 MNS",
]
# Characters no output may carry raw (refused in the data; escaped when they come from an option or a file name)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
HOSTILE_OPTION = "Số\x1b]8;;http://e.vn\x1b\\OSC\x1b]8;;\x1b\\ \x07 \x9b31m \u202e \x0b [/bold] # h =1+1"
HOSTILE_FILE = "a;=cmd [red] \x1b[31m\u202eb.yaml"  # a file name: anything a file system takes
MARKERS = [m for text in NASTY for m in re.findall(r"\b[A-Z]{3,4}\b", text)]
FORMULA = ("=", "+", "-", "@", "\t", "\r")

CADRES = ["nguyen-van-an", "tran-thi-binh", "le-van-cuong", "pham-thi-dung", "hoang-van-em", "vu-thi-giang", "ngo-thi-lan"]
AN = "assignments/2022/nguyet-duc/nguyen-van-an.yaml"


def hostile_repo(root: Path, shift: int = 0) -> Path:
    """The example repository with a hostile string in every text field a report, a table or a list shows."""
    files = json.loads(json.dumps(read_all(EXAMPLES / "vinh-phuc")))
    pick = iter(NASTY[(i + shift) % len(NASTY)] for i in range(1000))
    files["giaoviec.yaml"]["organization"] = next(pick)
    for doc in files["giaoviec.yaml"].get("documents", []):
        for key in ("superior", "issuer", "place"):
            doc[key] = next(pick)
        doc["signer"] = {"title": next(pick), "name": next(pick)}
        doc["recipients"] = [next(pick), next(pick)]
    for cadre in files["org/cadres.yaml"]["cadres"]:
        cadre["name"] = next(pick)
        for position in cadre.get("positions", []):
            position["title"] = next(pick)
    for unit in files["org/units.yaml"]["units"]:
        unit["name"] = next(pick)
    for doc in files.values():
        if doc.get("kind") == "Assignment":
            doc["position"] = next(pick)
            for amendment in doc.get("amendments", []):
                amendment["decision"], amendment["note"] = next(pick), next(pick)
            for task in doc.get("tasks", []):
                task["what"] = next(pick)
                for check in task.get("progress") or []:
                    check["note"] = next(pick)
                if task.get("cancelled"):
                    task["cancelled"]["decision"] = next(pick)
                outcome = task.get("outcome") or {}
                if outcome.get("evidence"):
                    outcome["evidence"] = [next(pick)]
                if (outcome.get("objective_cause") or {}).get("decision"):
                    outcome["objective_cause"]["decision"] = next(pick)
        if doc.get("kind") == "Evaluation":
            for entry in doc.get("evaluations", []):
                for score in (entry.get("tasks") or {}).values():
                    if isinstance(score, dict) and "note" in score:
                        score["note"] = next(pick)
    write(root, files)
    broken = root / "assignments/2022/nguyet-duc" / HOSTILE_FILE  # a file with errors: named in every "left out" list
    broken.write_text((root / AN).read_text(encoding="utf-8").replace("weight: 2", "weight: hai", 1), encoding="utf-8")
    return root


# -- the checks, one a kind of output ---------------------------------------------------------------


def no_control(name: str, text: str) -> None:
    found = CONTROL.search(text)
    assert found is None, (name, repr(found.group()), text[max(found.start() - 60, 0):found.end() + 20])


def shown(name: str, raw: str, seen: str) -> None:
    """Every hostile string whose marker the raw output holds is in the text a reader sees, whole."""
    flat = seen.replace(ZWSP, "")
    for text in NASTY:
        marker = re.findall(r"\b[A-Z]{3,4}\b", text)[-1]  # the last: the first may be another string's (SUM)
        if marker in raw:
            assert " ".join(text.split()) in " ".join(flat.split()), (name, text)


def check_terminal(name: str, text: str) -> None:
    no_control(name, text)
    for piece in ("[/bold]", "[link=http://e.vn]", "[/link]", ":thumbs_up:"):
        if "RICH" in text.replace("\n", " "):
            assert piece in text or name.endswith("table"), (name, piece)  # a table may fold a long cell
    assert "👍" not in text, name


MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def md_seen(text: str) -> tuple[str, list]:
    tokens = MD.parse(text)
    lines = text.splitlines()
    parts, bad = [], []

    def walk(ts):
        for t in ts:
            if t.type in ("link_open", "image", "s_open", "em_open", "strong_open", "code_inline", "code_block", "fence", "hr"):
                if t.type == "strong_open" and t.markup == "**":
                    continue  # the tool's own bold (**…**): data inside it is escaped
                if t.type == "hr":
                    if lines[t.map[0]] != "---":  # the report's own rule before its footer
                        bad.append(t)
                    continue
                if t.type == "code_inline" and not any(m in t.content for m in MARKERS):
                    parts.append(t.content)
                    continue
                bad.append(t)
            if t.type in ("html_inline", "html_block") and re.search(r"<(?!/?(details|summary|b)\b|!-- giaoviec -->)", t.content):
                bad.append(t)
            if t.type in ("text", "code_inline"):
                parts.append(t.content)
            if t.type in ("softbreak", "hardbreak"):
                parts.append(" ")
            if t.type in ("html_inline", "html_block"):
                parts.append(htmllib.unescape(re.sub(r"<[^>]*>", " ", t.content)))
            if t.type == "inline":
                parts.append(" ")
            if t.children:
                walk(t.children)

    walk(tokens)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    bad += [h for h in headings if h.startswith("MDX")]
    bad += [t for t in tokens if t.type == "ordered_list_open"]  # the outputs make none: one is the data's "1."
    return "".join(parts), bad


def check_md(name: str, text: str) -> None:
    no_control(name, text)
    seen, bad = md_seen(text)
    assert not bad, (name, bad[:3])
    shown(name, text, seen)


class _Html(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe") or any(k.startswith("on") or "e.vn" in (v or "") for k, v in attrs):
            self.bad.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def check_html(name: str, text: str) -> None:
    no_control(name, text)
    parser = _Html()
    parser.feed(text)
    assert not parser.bad, (name, parser.bad)
    shown(name, text, " ".join(parser.text))


def csv_cells(text: str, delimiter: str) -> list[str]:
    """Every cell a spreadsheet could make of the text: the rows with the table's separator, and the
    comment lines (what the table leaves out) with whichever separator a spreadsheet guesses."""
    lines = text.splitlines()
    comments = "\n".join(line for line in lines if line.startswith("#"))
    cells = [c for row in csv.reader(io.StringIO("\n".join(x for x in lines if not x.startswith("#"))), delimiter=delimiter) for c in row]
    for guess in (",", ";", "\t", "|"):
        cells += [c for row in csv.reader(io.StringIO(comments), delimiter=guess) for c in row]
    return cells


def check_csv(name: str, text: str) -> None:
    no_control(name, text.replace("\r\n", "\n").replace("\t", " "))
    delimiter = ";" if name == "export.csv" else ","
    formulas = [c for c in csv_cells(text, delimiter) if c.lstrip(" ").startswith(FORMULA) and c.strip() not in ("-", "")]
    assert not formulas, (name, formulas[:5])


def check_json(name: str, text: str) -> None:
    no_control(name, text)
    json.loads(text)


def check_github(name: str, text: str) -> None:
    no_control(name, text)
    for line in text.splitlines():
        assert re.fullmatch(r"::(error|warning|notice)( [^:]*)?::.*", line), (name, line)
        command, _sep, _data = line[2:].partition("::")
        assert "\n" not in _data and "%0A" not in command


def check_xlsx(name: str, path: Path) -> None:
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (name, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    no_control(name, cell.value)


def check_docx(name: str, path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            if part.endswith(".xml"):
                no_control(f"{name}:{part}", z.read(part).decode("utf-8"))


# -- the runs ---------------------------------------------------------------------------------------

RUNS = {
    "validate.text": (["validate"], check_terminal), "validate.json": (["validate", "-f", "json"], check_json),
    "validate.github": (["validate", "-f", "github"], check_github), "validate.sarif": (["validate", "-f", "sarif"], check_json),
    "score.table": (["score", "2022"], check_terminal), "score.explain": (["score", "2022", "--explain"], check_terminal),
    "score.json": (["score", "2022", "-f", "json"], check_json), "score.csv": (["score", "2022", "-f", "csv"], check_csv),
    "score.md": (["score", "2022", "-f", "md"], check_md),
    "report.md": (["report", "--unit", "vinh-phuc", "--year", "2022"], check_md),
    "report.html": (["report", "--unit", "vinh-phuc", "--year", "2022", "-f", "html"], check_html),
    "export.csv": (["export", "--year", "2022", "-f", "csv"], check_csv),
    "export.plain.csv": (["export", "--year", "2022", "-f", "csv", "--csv-dialect", "plain"], check_csv),
    "export.json": (["export", "--year", "2022", "-f", "json"], check_json),
    "stats.table": (["stats", "--year", "2022"], check_terminal), "stats.json": (["stats", "--year", "2022", "-f", "json"], check_json),
    "status.text": (["status", "--as-of", "2022-10-01"], check_terminal),
    "status.json": (["status", "--as-of", "2022-10-01", "-f", "json"], check_json),
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return hostile_repo(tmp_path_factory.mktemp("escaping") / "repo")


@pytest.mark.parametrize("name", sorted(RUNS))
def test_every_output_shows_hostile_data_as_text(cli, repo, name):
    args, check = RUNS[name]
    run = cli("-C", str(repo), *args)
    assert run.code in (0, 1), (name, run.code, run.err[-800:])
    check(name, run.out)
    check_terminal(name + ".stderr", run.err)


def test_hostile_data_reaches_the_outputs(cli, repo):
    """The corpus is not refused wholesale: the names are in the outputs (else the checks check nothing)."""
    out = cli("-C", str(repo), "score", "2022", "-f", "md").out + cli("-C", str(repo), "report", "--unit", "vinh-phuc", "--year", "2022").out
    assert {m for m in MARKERS if m in out} >= {"RICH", "MDX", "LST", "HTM", "CSV", "ATQ", "PLS"}
    assert "cmd" in cli("-C", str(repo), "validate", "-f", "json").out  # the hostile file name is listed


def test_the_score_table_does_not_obey_rich_markup(cli, repo):
    run = cli("-C", str(repo), "score", "2022")
    assert run.code in (0, 1), run.err
    assert "[/bold]" in run.out and "\x1b" not in run.out and "]8;;" not in run.out


@pytest.mark.parametrize("fmt", ["xlsx", "scoring"])
def test_workbooks_hold_no_formula_and_no_control_character(cli, repo, tmp_path, fmt):
    book = tmp_path / f"{fmt}.xlsx"
    run = cli("-C", str(repo), "export", "--year", "2022", "--out", str(book), *(["--scoring-sheet"] if fmt == "scoring" else []))
    assert run.code in (0, 1), run.err
    check_xlsx(fmt, book)


@pytest.mark.parametrize("fmt", ["docx", "html", "md"])
def test_report_with_hostile_options(cli, repo, tmp_path, fmt):
    """--signer and --number from the command line: escaped in every document, never a crash."""
    out = tmp_path / f"report.{fmt}"
    run = cli("-C", str(repo), "report", "--unit", "yen-lac", "--year", "2022", "-f", fmt, "--out", str(out),
              "--signer", HOSTILE_OPTION, "--number", HOSTILE_OPTION)
    assert run.code in (0, 1), run.err[-800:]
    check_terminal("stderr", run.err)
    if fmt == "docx":
        check_docx(fmt, out)
    else:
        (check_html if fmt == "html" else check_md)(fmt, out.read_text(encoding="utf-8"))


def test_docx_report_of_hostile_data(cli, repo, tmp_path):
    out = tmp_path / "r.docx"
    run = cli("-C", str(repo), "report", "--unit", "yen-lac", "--year", "2022", "-f", "docx", "--out", str(out))
    assert run.code in (0, 1), run.err[-800:]
    check_docx("docx", out)


@pytest.mark.parametrize("args", [
    ["score", "2022", "--unit", HOSTILE_OPTION], ["score", "2022", "--as-of", HOSTILE_OPTION],
    ["status", "--unit", HOSTILE_OPTION], ["report", "--unit", HOSTILE_OPTION, "--year", "2022"],
    ["export", "--year", "2022", "-f", "csv", "--unit", HOSTILE_OPTION], ["diff", HOSTILE_OPTION],
    ["score", "2022", "--format", HOSTILE_OPTION], ["validate", HOSTILE_OPTION],
])
def test_hostile_options_in_messages(cli, repo, args):
    run = cli("-C", str(repo), *args)
    assert run.code in (1, 2, 3), (args, run.code, run.err[-800:])
    check_terminal("stdout", run.out)
    check_terminal("stderr", run.err)


def test_a_csv_comment_line_is_inert(cli, repo):
    """The list of what a table leaves out (comment lines) names the hostile file: no cell of it is a formula."""
    for args in (["score", "2022", "-f", "csv"], ["export", "--year", "2022", "-f", "csv"]):
        out = cli("-C", str(repo), *args).out
        comments = [line for line in out.splitlines() if line.startswith("#")]
        assert any("cmd" in line for line in comments), (args, comments)
        check_csv(" ".join(args), "\n".join(comments))


ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **ENV})


def test_diff_of_a_hostile_change(tmp_path):
    root = tmp_path / "pr"
    write(root, read_all(EXAMPLES / "vinh-phuc"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    hostile = hostile_repo(tmp_path / "hostile")
    for rel in ["org/cadres.yaml", "org/units.yaml", "giaoviec.yaml",
                *(p.relative_to(hostile).as_posix() for p in (hostile / "assignments").rglob("*.yaml"))]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes((hostile / rel).read_bytes())
    for fmt, check in (("text", check_terminal), ("md", check_md), ("json", check_json)):
        run = subprocess_cli("-C", str(root), "diff", "main", "--format", fmt, "--full-at", HOSTILE_OPTION)
        assert run.code in (0, 1) and "Traceback" not in run.err, (fmt, run.err[-800:])
        check(f"diff.{fmt}", run.out)


# -- YAML tags: refused at the line, by both readers -------------------------------------------------

TAGGED = [
    ("name: !!binary G1s4OzsgaHR0cDovL2UudnYbXA==", "!!binary"),
    ("name: !!python/name:os.system x", "!!python/name:os.system"),
    ("name: !custom x", "!custom"),
    ("name: !!timestamp 2022-01-01", "!!timestamp"),
    ("name: !!set {a: null}", "!!set"),
]


@pytest.mark.parametrize("line, tag", TAGGED)
def test_a_yaml_tag_other_than_the_core_ones_is_refused_at_its_line(line, tag):
    from giaoviec.load import yamlfast
    from giaoviec.load.reader import FAST

    text = f"apiVersion: giaoviec/v1\nkind: Cadres\ncadres:\n  - id: a\n    {line}\n"
    loaded = FAST.load("org/cadres.yaml", text)
    codes = [(d.code, d.line, d.column) for d in loaded.diagnostics]
    assert codes and codes[0][0] == "yaml.tag" and codes[0][1] == 5, codes
    assert not loaded.documents
    assert yamlfast.documents(text) is None  # the fast reader leaves every tag to the precise one


@pytest.mark.parametrize("line", ["name: !!str text", "value: !!int 3", "x: !!float 1.5", "x: !!bool true", "x: !!null null",
                                  "x: !!seq [a]", "x: !!map {a: b}"])
def test_the_core_tags_are_read(line):
    from giaoviec.load.reader import FAST

    loaded = FAST.load("a.yaml", f"{line}\n")
    assert not loaded.diagnostics and loaded.documents


def test_a_tagged_value_in_a_repository_is_a_located_finding(cli, tmp_path):
    root = tmp_path / "repo"
    write(root, read_all(EXAMPLES / "vinh-phuc"))
    path = root / "org/cadres.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Nguyễn Văn An", "name: !!binary G1s4OzsgdGV4dBsbXA==", 1), encoding="utf-8")
    run = cli("-C", str(root), "validate", "-f", "json")
    assert run.code == 1
    found = [d for d in run.json()["diagnostics"] if d["code"] == "yaml.tag"]
    assert found and found[0]["path"] == "org/cadres.yaml" and found[0]["line"] > 1
    for args in (["score", "2022"], ["report", "--unit", "vinh-phuc", "--year", "2022", "-f", "html"], ["score", "2022", "-f", "json"]):
        run = cli("-C", str(root), *args)
        assert run.code in (1, 3) and "\x1b" not in run.out and "Traceback" not in run.err, (args, run.code, run.err[-300:])


# -- sizes: a pull-request comment takes 65,536 characters -----------------------------------------


def test_a_diff_of_700_registry_files_is_cut_to_a_comment_and_whole_in_the_job_summary(tmp_path):
    """700 changed files that are not assignments (each a line of its own: everyone's figures may
    rest on it) once made 81,202 characters: the comment is cut with a note, the job summary
    ($GITHUB_STEP_SUMMARY) gets the whole text, and `>> "$GITHUB_STEP_SUMMARY"` is never cut."""
    root = tmp_path / "kho"
    write(root, read_all(EXAMPLES / "vinh-phuc"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    for i in range(700):
        path = root / f"org/danh-muc/danh-muc-don-vi-va-can-bo-so-{i:04d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"apiVersion: giaoviec/v1\nkind: Units\nunits:\n  - {{id: don-vi-{i}, name: Đơn vị {i}, level: commune}}\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("### trước\n", encoding="utf-8")
    comment = subprocess_cli("-C", str(root), "diff", "main", "--format", "md", "--full-at", "https://example.test/run/1",
                             env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert comment.code == 0, comment.err[-500:]
    whole = subprocess_cli("-C", str(root), "diff", "main", "--format", "md", "--max-chars", "0", "--full-at", "https://example.test/run/1")
    assert len(whole.out) > 65_536 and whole.out.count("danh-muc-don-vi") == 700
    assert len(comment.out) <= 65_536 and 0 < comment.out.count("danh-muc-don-vi") < 700
    left = 700 - comment.out.count("danh-muc-don-vi")
    assert f"còn {left} thay đổi về đơn vị, cán bộ, bộ quy tắc hoặc cấu hình" in comment.out
    assert "Bản đầy đủ: <https://example.test/run/1>" in comment.out
    assert summary.read_text(encoding="utf-8") == "### trước\n" + whole.out  # the whole text, once
    with summary.open("a", encoding="utf-8") as out:  # the shell appends stdout to the summary itself: not cut, not twice
        proc = subprocess.run([sys.executable, "-m", "giaoviec", "-C", str(root), "diff", "main", "--format", "md",
                               "--full-at", "https://example.test/run/1"], stdout=out, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}, timeout=300)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert summary.read_text(encoding="utf-8") == "### trước\n" + whole.out + whole.out


def test_a_hostile_full_at_address_is_text():
    from giaoviec.render.escape import md_url

    assert md_url("https://example.test/run/1?a=b#c") == "<https://example.test/run/1?a=b#c>"
    for hostile in ("javascript:alert(1)", "https://e.vn/>x<script>", "[x](http://e.vn)", "https://e.vn/\x1b[31m"):
        _seen, bad = md_seen(f"> {md_url(hostile)}\n")
        assert not bad and "<script" not in md_url(hostile) and "\x1b" not in md_url(hostile), hostile


def test_the_program_in_brackets_is_shown_in_the_score_table(cli):
    """`[khoán sản phẩm]` after a name was read as a rich style tag, and vanished from the table."""
    out = cli("-C", str(EXAMPLES / "vinh-phuc"), "score", "2022").out
    assert "Trần Thị Bình [khoán sản phẩm]" in out and "Đỗ Văn Hải [việc đột phá]" in out


def test_validate_github_and_its_job_summary(cli, repo, tmp_path, monkeypatch):
    """The annotations (workflow commands) and the job summary's table name the hostile file: inert in both."""
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = cli("-C", str(repo), "validate", "-f", "github")
    assert run.code == 1, run.err[-500:]
    check_github("github", run.out)
    assert any("cmd" in line for line in run.out.splitlines())
    check_md("summary", summary.read_text(encoding="utf-8"))


def test_init_refuses_an_organization_holding_control_characters(cli, tmp_path):
    run = cli("init", str(tmp_path / "kho"), "--organization", "Đảng bộ \x1b[31m đỏ")
    assert run.code == 2 and "--organization" in run.err and "\x1b" not in run.err
    assert not (tmp_path / "kho").exists()


# -- the layer's functions, on their own ---------------------------------------------------------------

SAMPLES = [*NASTY, HOSTILE_OPTION, HOSTILE_FILE, "a\ud800b", "x\u2066y\u2069", "\x85\x9b\ufffe", '"; =1+1', "|=cmd", "Nguyễn Văn An"]


@pytest.mark.parametrize("text", SAMPLES)
def test_json_text_escapes_without_changing_the_value(text):
    from giaoviec.render.escape import json_text

    written = json_text(json.dumps({"k": text}, ensure_ascii=False))
    assert CONTROL.search(written) is None and json.loads(written) == {"k": text}


@pytest.mark.parametrize("text", SAMPLES)
def test_a_csv_comment_line_has_no_formula_whatever_the_separator(text):
    from giaoviec.render.escape import csv_comment

    line = "# " + csv_comment(text)
    assert "\n" not in line and "\r" not in line and CONTROL.search(line) is None
    check_csv("comment", line)


@pytest.mark.parametrize("text", SAMPLES)
def test_docx_and_github_texts_hold_no_control_character(text):
    from giaoviec.render.escape import docx, github

    assert CONTROL.search(docx(text)) is None
    for prop in (False, True):
        assert CONTROL.search(github(text, prop)) is None and "\n" not in github(text, prop)
