"""The validate cache: same answer warm as cold, never stale, outside the repository, JSON only."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from conftest import DATA, build_repo
from giaoviec.app import validate as validation
from giaoviec.cli.app import Session
from giaoviec.cli.env import Environment


def validate(root, use_cache=False, **kw):
    """validate with the cache folder the environment gives (as the command line does)."""
    return validation.validate(root, cache_folder=Environment.read().cache_folder if use_cache else None, **kw)


def cache_folder():
    return Environment.read().cache_folder


def findings(result):
    return [(d.path, d.line, d.column, d.code, d.message, d.args) for d in result.diagnostics]


def test_warm_answer_is_the_cold_answer(tmp_path):
    root = build_repo(tmp_path, DATA / "invalid" / "ref-kind")
    cold = validate(root, use_cache=True)
    (entry,) = list(cache_folder().glob("*.json"))
    stamp = entry.stat().st_mtime_ns
    warm = validate(root, use_cache=True)
    assert entry.stat().st_mtime_ns == stamp  # the second came from the cache: nothing stored again
    assert findings(warm) == findings(cold) and warm.files == cold.files and warm.language == cold.language


def test_any_change_of_content_misses(tmp_path):
    root = build_repo(tmp_path)
    assert validate(root, use_cache=True).diagnostics == []
    path = root / "org/cadres.yaml"  # a referenced file, not the one holding the reference
    path.write_text(path.read_text(encoding="utf-8").replace("id: can-bo-a", "id: can-bo-x"), encoding="utf-8")
    again = validate(root, use_cache=True)
    assert {d.code for d in again.diagnostics} >= {"ref.unknown"}


def test_a_new_file_or_a_new_day_misses(tmp_path):
    root = build_repo(tmp_path)
    validate(root, use_cache=True)
    (entry,) = list(cache_folder().glob("*.json"))
    first = json.loads(entry.read_text(encoding="utf-8"))["key"]
    validate(root, use_cache=True, today=dt.date(2030, 1, 1))
    second = json.loads(entry.read_text(encoding="utf-8"))["key"]
    shutil.copy(root / "evaluations/2022/hd.yaml", root / "evaluations/2022/hd-2.yaml")
    validate(root, use_cache=True, today=dt.date(2030, 1, 1))
    third = json.loads(entry.read_text(encoding="utf-8"))["key"]
    assert len({first, second, third}) == 3


def test_the_cache_lives_outside_the_repository_and_is_json(tmp_path):
    root = build_repo(tmp_path)
    validate(root, use_cache=True)
    assert not any(p.name.endswith(".json") for p in root.rglob("*"))
    (entry,) = list(cache_folder().glob("*.json"))
    json.loads(entry.read_text(encoding="utf-8"))


def test_a_broken_or_forged_entry_is_ignored(tmp_path):
    root = build_repo(tmp_path, DATA / "invalid" / "ref-kind")
    validate(root, use_cache=True)
    (entry,) = list(cache_folder().glob("*.json"))
    entry.write_text("{not json", encoding="utf-8")
    assert [d.code for d in validate(root, use_cache=True).diagnostics] == ["ref.kind"]
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["key"] = "0" * 64  # a forged entry for another key
    data["diagnostics"] = []
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert [d.code for d in validate(root, use_cache=True).diagnostics] == ["ref.kind"]


def test_no_cache_under_ci(tmp_path, monkeypatch):
    folder = cache_folder()
    monkeypatch.setenv("CI", "true")
    assert Environment.read().cache_folder is None
    root = build_repo(tmp_path)
    validate(root, use_cache=True)
    assert not list(folder.glob("*.json"))


def test_translatable_arguments_survive_the_cache(tmp_path, cli):
    root = build_repo(tmp_path, DATA / "invalid" / "ref-kind")
    cold = cli("-C", str(root), "validate")
    warm = cli("-C", str(root), "validate")
    assert "là đơn vị" in cold.out and warm.out == cold.out


def test_progress_is_reported_per_assignment_file(tmp_path):
    root = build_repo(tmp_path)
    seen = []
    validate(root, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 1)]  # one file holds only Assignments; the others are the registry


def test_no_progress_bar_off_a_terminal_or_under_ci(monkeypatch):
    with Session(Environment.read()).progress() as update:  # pytest captures stderr: not a terminal
        assert update is None
    monkeypatch.setenv("CI", "true")
    with Session(Environment.read()).progress() as update:
        assert update is None
