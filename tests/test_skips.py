"""Nothing is skipped in silence (spec/quality.md): every YAML file of the repository is read, or is
a located error; every output says what it left out, and the count it prints is true."""

from __future__ import annotations

import builtins
import io
import json

import pytest

from conftest import DATA, EXAMPLES, build_repo, copy_example

EVALUATION = "evaluations/2022/hd.yaml"
ASSIGNMENT = "assignments/2022/xa-a/can-bo-a.yaml"
BASE_EVALUATION = (DATA / "base" / EVALUATION).read_text(encoding="utf-8")
BASE_ASSIGNMENT = (DATA / "base" / ASSIGNMENT).read_text(encoding="utf-8")


COUNCIL = "evaluations/2022/hoi-dong-danh-gia-huyen-yen-lac.yaml"  # its scores move a cadre from 88.71 to 95.97 points


def _header_variants(text: str) -> dict[str, str]:
    import yaml

    head, body = text.split("apiVersion: giaoviec/v1\nkind: Evaluation\n")
    return {
        "double-quoted key": head + '"apiVersion": giaoviec/v1\n"kind": Evaluation\n' + body,
        "single-quoted key": head + "'apiVersion': 'giaoviec/v1'\nkind: Evaluation\n" + body,
        "quoted key, BOM": '\ufeff"apiVersion": "giaoviec/v1"\nkind: Evaluation\n' + body,
        "value on the next line": "apiVersion:\n  giaoviec/v1\nkind: Evaluation\n" + body,
        "space before the colon": "apiVersion : giaoviec/v1\nkind: Evaluation\n" + body,
        "indented mapping": "".join("  " + line + "\n" for line in text.splitlines()),
        "document start and comment": "--- # hội đồng\n# ghi chú\n" + text,
        "flow mapping (JSON)": json.dumps(yaml.safe_load(text), default=str, ensure_ascii=False),
        "tagged key": "!!str apiVersion: !!str giaoviec/v1\nkind: Evaluation\n" + body,
        "key spelt apiversion": "apiversion: giaoviec/v1\nkind: Evaluation\n" + body,
    }


VARIANTS = list(_header_variants((EXAMPLES / "vinh-phuc" / COUNCIL).read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", VARIANTS)
def test_a_council_file_is_read_however_its_header_keys_are_written(cli, tmp_path, name):
    """The council's scores never vanish because a key is quoted, a flow mapping, indented… (a key
    that is not the format's is an error at its place, never a file skipped)."""
    expected = cli("-C", str(copy_example(tmp_path / "a")), "score", "2022", "--format", "json").json()
    root = copy_example(tmp_path / "b")
    (root / COUNCIL).write_text(_header_variants((root / COUNCIL).read_text(encoding="utf-8"))[name], encoding="utf-8")
    run = cli("-C", str(root), "validate", "--format", "json")
    files = run.json()["summary"]["files"]
    assert files == cli("-C", str(tmp_path / "a"), "validate", "--format", "json").json()["summary"]["files"]
    errors = [(d["code"], d["path"], d["line"]) for d in run.json()["diagnostics"] if d["severity"] == "error"]
    if name == "key spelt apiversion":
        assert ("schema.unknown-field", COUNCIL, 1) in errors and run.code == 1
        return
    assert errors == [] and run.code == 0
    got = cli("-C", str(root), "score", "2022", "--format", "json").json()
    assert got == expected


def test_a_file_that_names_a_kind_without_api_version_is_an_error_at_its_place(cli, tmp_path):
    root = build_repo(tmp_path)
    (root / ASSIGNMENT).write_text(BASE_ASSIGNMENT.split("\n", 1)[1], encoding="utf-8")  # no apiVersion line
    run = cli("-C", str(root), "validate", "--format", "json")
    found = [(d["code"], d["path"], d["line"]) for d in run.json()["diagnostics"] if d["severity"] == "error"]
    assert ("schema.missing", ASSIGNMENT, 1) in found
    assert run.code == 1 and run.json()["summary"]["files"] == 5


def test_a_second_document_of_an_assignment_file_is_never_dropped(cli, tmp_path):
    """A file whose lines name only the kind Assignment is streamed; one whose other document names
    its kind in another way (quoted, in a flow mapping) must not lose that document."""
    expected = cli("-C", str(copy_example(tmp_path / "a")), "score", "2022", "--format", "json").json()
    root = copy_example(tmp_path / "b")
    council = (root / COUNCIL).read_text(encoding="utf-8").replace("kind: Evaluation", '"kind": Evaluation')
    (root / COUNCIL).unlink()
    host = root / "assignments/2022/yen-dong/hoang-van-em.yaml"
    host.write_text(host.read_text(encoding="utf-8") + "---\n" + council, encoding="utf-8")
    run = cli("-C", str(root), "validate", "--format", "json")
    assert [d for d in run.json()["diagnostics"] if d["severity"] == "error"] == []
    got = cli("-C", str(root), "score", "2022", "--format", "json").json()
    assert got["cadres"] == expected["cadres"]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16-le"])
def test_a_file_in_another_unicode_encoding_is_reported_not_skipped(cli, tmp_path, encoding):
    root = build_repo(tmp_path)
    text = "".join(f"# dòng chú thích {i}\n" for i in range(400)) + BASE_EVALUATION  # apiVersion far from the start
    (root / EVALUATION).write_bytes(text.encode(encoding))
    run = cli("-C", str(root), "validate", "--format", "json")
    found = [(d["code"], d["path"], d["line"], d["column"]) for d in run.json()["diagnostics"]]
    assert found == [("yaml.encoding", EVALUATION, 1, 1)], encoding
    assert ("UTF-32" if "32" in encoding else "UTF-16") in run.json()["diagnostics"][0]["message"]
    assert run.code == 1 and run.json()["summary"]["files"] == 5
    score = cli("-C", str(root), "score", "2022", "--format", "json")
    assert score.code == 1 and [i["path"] for i in score.json()["left_out"]] == [EVALUATION]


@pytest.mark.parametrize("content", [b"ghi chu: viec can lam\n", b"\x00\x01\x02binary", b"- a\n- b\n", b"cadre: can-bo-a\n",
                                     b"\xff\xfe#\x00 \x00x\x00", b"tasks: [\n"])
def test_a_yaml_file_in_a_data_folder_that_holds_no_giaoviec_data_is_an_error(cli, tmp_path, content):
    root = build_repo(tmp_path)
    rel = "assignments/2022/xa-a/ghi-chu.yaml"
    (root / rel).write_bytes(content)
    (root / ".github/workflows").mkdir(parents=True)
    (root / ".github/workflows/ci.yml").write_text("on: push\njobs: {}\n")  # outside the data folders: not data, not read
    run = cli("-C", str(root), "validate", "--format", "json")
    found = [(d["code"], d["path"], d["line"], d["column"]) for d in run.json()["diagnostics"] if d["severity"] == "error"]
    assert len(found) == 1 and found[0][1] == rel and found[0][2] >= 1 and found[0][3] >= 1, found
    assert run.code == 1
    score = cli("-C", str(root), "score", "2022", "--format", "json")
    assert score.code == 1 and [i["path"] for i in score.json()["left_out"]] == [rel]


def test_a_file_with_an_upper_case_extension_is_read(cli, tmp_path):
    root = build_repo(tmp_path)
    (root / EVALUATION).rename(root / "evaluations/2022/hd.YAML")
    expected = cli("-C", str(build_repo(tmp_path / "a")), "score", "2022", "--format", "json").json()
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.json()["summary"]["files"] == 5
    got = cli("-C", str(root), "score", "2022", "--format", "json").json()
    assert got["cadres"] == expected["cadres"]


# -- a file that cannot be read --------------------------------------------------------------------

@pytest.fixture
def unreadable(monkeypatch):
    """Opening a file whose path ends so fails as it would for a file of mode 000 (tests run as root,
    whom permissions do not stop)."""
    names: list[str] = []
    real = io.open

    def guarded(file, *args, **kwargs):
        if any(str(file).endswith(n) for n in names):
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr(io, "open", guarded)
    return names


COMMANDS = {
    "score": ("score", "2022", "--format", "json"),
    "stats": ("stats", "--year", "2022", "--format", "json"),
    "status": ("status", "--as-of", "2022-06-30", "--format", "json"),
    "export": ("export", "--year", "2022", "--format", "json"),
    "report": ("report", "--unit", "huyen-t", "--year", "2022"),
}


@pytest.mark.parametrize("rel", [ASSIGNMENT, EVALUATION, "org/cadres.yaml", "assignments/2022/xa-a/khac.yaml"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_output_counts_a_file_that_cannot_be_read(cli, tmp_path, unreadable, rel, command):
    root = build_repo(tmp_path)
    if not (root / rel).exists():
        (root / rel).write_text("apiVersion: giaoviec/v1\nkind: Assignment\n", encoding="utf-8")
    unreadable.append(rel)
    check = cli("-C", str(root), "validate", "--format", "json")
    assert ("file.unreadable", rel, 1, 1) in [(d["code"], d["path"], d["line"], d["column"]) for d in check.json()["diagnostics"]]
    run = cli("-C", str(root), *COMMANDS[command])
    assert run.code == 1, run.out + run.err
    if command == "report":
        assert rel in run.out and "file.unreadable" in run.out
    else:
        left = [(i["path"], i["code"]) for i in run.json()["left_out"]]
        assert (rel, "file.unreadable") in left, left
        if rel != "org/cadres.yaml":  # (without the cadres, the assignments naming them are left out too)
            assert left == [(rel, "file.unreadable")], left
    if command == "score" and rel != "org/cadres.yaml":
        table = cli("-C", str(root), "score", "2022")
        assert "bỏ qua 1 tệp" in table.err, table.err


def test_the_cache_of_validate_does_not_hide_a_file_that_became_unreadable(cli, tmp_path, unreadable):
    root = build_repo(tmp_path)
    assert cli("-C", str(root), "validate").code == 0
    assert cli("-C", str(root), "validate").code == 0
    unreadable.append(EVALUATION)
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code == 1 and [d["code"] for d in run.json()["diagnostics"]] == ["file.unreadable"]


def test_json_of_left_out_is_the_count_printed(cli, tmp_path, unreadable):
    root = build_repo(tmp_path)
    unreadable.append(EVALUATION)
    run = cli("-C", str(root), "score", "2022", "--format", "json")
    assert len({i["path"] for i in json.loads(run.out)["left_out"]}) == 1


@pytest.mark.parametrize("case", ["unknown kind", "not a mapping", "link outside"])
def test_every_output_counts_a_file_of_which_no_document_could_be_read(cli, tmp_path, case):
    root = build_repo(tmp_path)
    rel = "assignments/2022/xa-a/can-bo-b.yaml"
    if case == "link outside":
        (tmp_path / "elsewhere.yaml").write_text(BASE_ASSIGNMENT, encoding="utf-8")
        (root / rel).symlink_to(tmp_path / "elsewhere.yaml")
    else:
        (root / rel).write_text("apiVersion: giaoviec/v1\n" + ("kind: Asignment\n" if case == "unknown kind" else "- x\n"))
    for command in COMMANDS:
        run = cli("-C", str(root), *COMMANDS[command])
        assert run.code == 1, (command, run.out)
        if command == "report":
            assert rel in run.out, run.out
        else:
            assert [i["path"] for i in run.json()["left_out"]] == [rel], (command, run.out)


def test_a_ci_config_that_names_giaoviec_is_not_data_and_not_counted(cli, tmp_path):
    root = build_repo(tmp_path)
    (root / ".gitlab-ci.yml").write_text('validate:\n  script: ["giaoviec/v1 validate", "kind: Assignment"]\n')
    (root / "k8s.yaml").write_text("apiVersion: apps/v1\nkind: Deployment\n")
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code == 0 and run.json()["summary"] == {"files": 5, "errors": 0, "warnings": 0}


# -- profiles ----------------------------------------------------------------------------------------

PROFILE = """apiVersion: giaoviec/v1
kind: ScoringProfile
id: qd89-2017
title: Quy định 89 của tỉnh
source: Thử
components: {tasks: 100}
task_factors: {exceeded: 1.0, on_time: 1.0, late: 1.0}
tiers:
  - {tier: excellent, require: {done_share: 1.0}}
  - {tier: not-completed}
"""


@pytest.mark.parametrize("change", [("{tasks: 100}", "{tasks: -5}"), ("{tasks: 100}", "{tasks: 1e308}"),
                                    ("late: 1.0", "late: 1.0e9"), ("late: 1.0", "late: .nan"),
                                    ("done_share: 1.0", "done_share: 2"), ("title: Quy", "title: [Quy")])
def test_an_invalid_profile_is_a_located_error_and_never_replaced_by_the_built_in_one(cli, tmp_path, change):
    root = build_repo(tmp_path)
    (root / "profiles").mkdir()
    (root / "profiles/qd89.yaml").write_text(PROFILE.replace(*change), encoding="utf-8")
    run = cli("-C", str(root), "validate", "--format", "json")
    errors = [(d["path"], d["line"]) for d in run.json()["diagnostics"] if d["severity"] == "error"]
    assert errors and all(path == "profiles/qd89.yaml" and line >= 1 for path, line in errors), run.out
    assert run.code == 1
    for command in ("score", "stats", "export"):
        scored = cli("-C", str(root), *COMMANDS[command])
        assert scored.code == 3 and "qd89-2017" in scored.err and "profiles/qd89.yaml" in scored.err, (command, scored.out, scored.err)


def test_a_valid_profile_of_the_repository_still_replaces_the_built_in_one(cli, tmp_path):
    root = build_repo(tmp_path)
    (root / "profiles").mkdir()
    (root / "profiles/qd89.yaml").write_text(PROFILE, encoding="utf-8")
    assert cli("-C", str(root), "validate").code == 0
    run = cli("-C", str(root), "score", "2022", "--format", "json")
    assert run.code == 0 and run.json()["cadres"][0]["tier"] == "not-completed"


@pytest.mark.parametrize("field, value, code", [
    ("components", "{tasks: 1001}", "schema.at-most-maximum"), ("components", "{tasks: 70, general: -30}", "schema.at-least-minimum"),
    ("task_factors", "{exceeded: 11}", "schema.at-most-maximum"), ("task_factors", "{late_deduction: 1e308}", "schema.at-most-maximum"),
    ("exceeded_when", "{days_early: 100000000000}", "schema.at-most-maximum"), ("exceeded_when", "{ratio_above: -1}", "schema.at-least-minimum"),
    ("tiers", "[{tier: good, min_points: 150}, {tier: not-completed}]", "profile.tiers"),
    ("quota", "{tier: excellent, of: good, share: 1.5}", "schema.at-most-maximum"),
])
def test_the_numbers_of_a_profile_are_bounded(cli, tmp_path, field, value, code):
    root = build_repo(tmp_path)
    (root / "profiles").mkdir()
    text = PROFILE.replace("id: qd89-2017", "id: rieng")
    lines = [line for line in text.splitlines() if not line.startswith((field, "tiers", "  - {tier"))] + [f"{field}: {value}"]
    at = len(lines)
    if field != "tiers":
        lines += ["tiers:", "  - {tier: not-completed}"]
    (root / "profiles/rieng.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = cli("-C", str(root), "validate", "--format", "json")
    found = [(d["code"], d["path"], d["line"]) for d in run.json()["diagnostics"]]
    assert (code, "profiles/rieng.yaml", at) in found, found


@pytest.mark.parametrize("content", [b"", b"# ch\xc6\xb0a xong\n", b"---\n...\n"])
def test_an_empty_yaml_file_in_a_data_folder_holds_nothing_to_leave_out(cli, tmp_path, content):
    root = build_repo(tmp_path)
    (root / "assignments/2022/xa-a/trong.yaml").write_bytes(content)
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code == 0 and run.json()["summary"] == {"files": 5, "errors": 0, "warnings": 0}


def test_a_pipe_named_like_a_data_file_is_reported_and_counted(cli, tmp_path):
    import os

    root = build_repo(tmp_path)
    rel = "assignments/2022/xa-a/can-bo-b.yaml"
    os.mkfifo(root / rel)
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code == 1 and [(d["code"], d["path"]) for d in run.json()["diagnostics"]] == [("file.not-regular", rel)]  # never opened: a pipe would block the read
    score = cli("-C", str(root), "score", "2022", "--format", "json")
    assert score.code == 1 and [i["path"] for i in score.json()["left_out"]] == [rel]


def test_a_new_assignment_is_not_written_while_a_file_that_may_hold_one_cannot_be_read(cli, tmp_path, unreadable):
    root = build_repo(tmp_path)
    unreadable.append(ASSIGNMENT)
    run = cli("-C", str(root), "new", "assignment", "--cadre", "can-bo-a", "--period", "2022")
    assert run.code == 3 and ASSIGNMENT in run.err, run.out + run.err
    assert sorted(p.name for p in (root / "assignments/2022/xa-a").iterdir()) == ["can-bo-a.yaml"]


def test_a_folder_named_like_a_data_file_is_walked_not_skipped(cli, tmp_path):
    root = build_repo(tmp_path)
    folder = root / "evaluations/2022/hd.yaml.d.yaml"
    folder.mkdir()
    (root / EVALUATION).rename(folder / "hd.yaml")
    (root / "assignments/2022/trong.yaml").mkdir()  # an empty folder: nothing in it to read
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code == 0 and run.json()["summary"]["files"] == 5, run.out


def test_in_a_git_work_tree_an_upper_case_extension_is_listed_too(cli, tmp_path):
    import subprocess

    root = build_repo(tmp_path)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / EVALUATION).rename(root / "evaluations/2022/hd.YML")
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code == 0 and run.json()["summary"]["files"] == 5, run.out
