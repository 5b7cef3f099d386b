"""One edit at a time (hypothesis): the figures change only for the cadre the edit touches, a broken
file or council entry changes nobody else's, and every output agrees after every edit."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, EXAMPLES
from giaoviec.load.files import list_files
from giaoviec.load.reader import FAST
from giaoviec.write.yamlwrite import emit
from test_agreement import agree, repository

SETTINGS = settings(max_examples=int(__import__('os').environ.get('HYP_N', '12')), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def write(root: Path, files: dict[str, dict]) -> None:
    for rel, doc in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(emit(doc), encoding="utf-8")


def read_all(root: Path) -> dict[str, dict]:
    """Every document of a repository as data (one document a file), to edit and write back."""
    out = {}
    for rel in list_files(root):
        loaded = FAST.load(rel, (root / rel).read_text(encoding="utf-8-sig"))
        if loaded.documents and isinstance(loaded.documents[0], dict) and "apiVersion" in loaded.documents[0]:
            out[rel] = _plain(loaded.documents[0])
    return out


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def figures(cli, root: Path, year: int) -> dict:
    doc = cli("-C", str(root), "score", str(year), "--format", "json").json()
    return {(c["cadre"], c["program"]): (c["points"], c["provisional_points"], c["tier"],
                                         tuple((t["id"], t["status"], t["points"]) for t in c["tasks"])) for c in doc["cadres"]}


@st.composite
def edit(draw, files: dict[str, dict]):
    """One edit of one cadre's data: (description, cadre, files after)."""
    assignments = sorted(rel for rel, d in files.items() if d.get("kind") == "Assignment" and d.get("tasks"))
    rel = draw(st.sampled_from(assignments))
    doc = files[rel]
    cadre = doc["cadre"]
    i = draw(st.integers(0, len(doc["tasks"]) - 1))
    task = doc["tasks"][i]
    kind = draw(st.sampled_from(["outcome-value", "due", "check-in", "no-outcome", "weight", "council", "break-file", "break-council"]))
    new = dict(files)
    changed = dict(doc, tasks=list(doc["tasks"]))
    t = dict(task)
    if kind == "outcome-value":
        t["outcome"] = {**(t.get("outcome") or {}), "value": draw(st.integers(0, 30))}
        if not ((t.get("result") or {}).get("measure")):
            t["result"] = {**(t.get("result") or {}), "product": "Biên bản nghiệm thu", "measure": {"indicator": "Số", "unit": "hồ sơ", "target": 10}}
    elif kind == "due":
        start, end = str(doc["period"]["from"]), str(doc["period"]["to"])
        t["when"] = {**(t.get("when") or {}), "due": f"{end[:4]}-{draw(st.integers(3, 12)):02d}-15"}
        if start > t["when"]["due"]:
            t["when"].pop("start", None)
        t["when"].pop("checkpoints", None)
    elif kind == "check-in":
        day = f"{str(doc['period']['to'])[:4]}-06-30"
        t["progress"] = [*(t.get("progress") or []), {"date": day, "value": draw(st.integers(0, 30))}]
    elif kind == "no-outcome":
        t.pop("outcome", None)
    elif kind == "weight":
        t["weight"] = draw(st.sampled_from([1, 2, 4, 7]))
    elif kind == "break-file":
        t["weight"] = 0  # schema.above-minimum: the whole file is left out
    elif kind in ("council", "break-council"):
        sessions = sorted(r for r, d in files.items() if d.get("kind") == "Evaluation")
        if not sessions:
            return "none", None, files
        ev_rel = draw(st.sampled_from(sessions))
        ev = dict(files[ev_rel])
        entries = list(ev["evaluations"])
        mine = [k for k, e in enumerate(entries) if e.get("cadre") == cadre and e.get("program") in (None, doc["program"])]
        score = -1 if kind == "break-council" else min(float(t.get("weight", 1)), draw(st.sampled_from([0, 0.5, 1])))
        if mine:
            entries[mine[0]] = {**entries[mine[0]], "tasks": {**(entries[mine[0]].get("tasks") or {}), t["id"]: {"score": score}}}
        else:
            entries.append({"cadre": cadre, "program": doc["program"], "tasks": {t["id"]: {"score": score}}})
        new[ev_rel] = {**ev, "evaluations": entries}
        return kind, cadre, new
    changed["tasks"][i] = t
    new[rel] = changed
    return kind, cadre, new


def check_one_edit(cli, tmp: Path, files: dict[str, dict], data, years: list[int], unit: str) -> None:
    root = tmp / "repo"
    write(root, files)
    before = {y: figures(cli, root, y) for y in years}
    kind, cadre, after_files = data.draw(edit(files))
    if cadre is None:
        return
    shutil.rmtree(root)
    root.mkdir()
    write(root, after_files)
    for y in years:
        after = figures(cli, root, y)
        for key in set(before[y]) | set(after):
            if key[0] != cadre:
                assert before[y].get(key) == after.get(key), (kind, cadre, key, y)
        agree(cli, root, y, unit, tmp)


@SETTINGS
@given(repo=repository(), data=st.data())
def test_one_edit_of_a_random_repository_touches_only_its_cadre(cli, tmp_path_factory, repo, data):
    files, _ = repo
    base = read_all(DATA / "base")
    files = {"giaoviec.yaml": base["giaoviec.yaml"], **files}
    check_one_edit(cli, tmp_path_factory.mktemp("edit"), files, data, [2022], "huyen-t")


EXAMPLE_FILES = read_all(EXAMPLES / "vinh-phuc")


@SETTINGS
@given(data=st.data())
def test_one_edit_of_the_example_touches_only_its_cadre(cli, tmp_path_factory, data):
    check_one_edit(cli, tmp_path_factory.mktemp("edit"), EXAMPLE_FILES, data, [2022, 2024], "vinh-phuc")


def test_the_example_written_back_scores_the_same(cli, tmp_path):
    root = tmp_path / "repo"
    write(root, EXAMPLE_FILES)
    written, shipped = (cli("-C", str(r), "validate", "--format", "json") for r in (root, EXAMPLES / "vinh-phuc"))
    def findings(run):  # the positions differ: the file is written back in another layout
        return [(d["path"], d["code"], d["message"]) for d in run.json()["diagnostics"]]

    assert written.code == 0 and findings(written) == findings(shipped)
    for year in (2022, 2024, 2025, 2026):
        assert figures(cli, root, year) == figures(cli, EXAMPLES / "vinh-phuc", year)
