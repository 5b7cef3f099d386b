"""The validate cache: same answer warm as cold, never stale, outside the repository, JSON only."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from conftest import DATA, build_repo
from giaoviec.app import validate as validation
from giaoviec.cli.app import Session
from giaoviec.cli.env import Environment


def validate(root, use_cache=False, **kw):
    """validate with the cache folder the environment gives (as the command line does)."""
    return validation.validate(root, cache_folder=Environment.read().cache_folder if use_cache else None, **kw)


def cache_folder():
    return Environment.read().cache_folder


def answers() -> list:
    """The cache's answer file (the registry's parsed documents are in a file of their own)."""
    return [p for p in cache_folder().glob("*.json") if not p.name.endswith("-registry.json")]


def findings(result):
    return [(d.path, d.line, d.column, d.code, d.message, d.args) for d in result.diagnostics]


def test_warm_answer_is_the_cold_answer(tmp_path):
    root = build_repo(tmp_path, DATA / "invalid" / "ref-kind")
    cold = validate(root, use_cache=True)
    (entry,) = answers()
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
    (entry,) = answers()
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
    (entry,) = answers()
    json.loads(entry.read_text(encoding="utf-8"))


def test_a_broken_or_forged_entry_is_ignored(tmp_path):
    root = build_repo(tmp_path, DATA / "invalid" / "ref-kind")
    validate(root, use_cache=True)
    (entry,) = answers()
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


CASES = sorted(p for p in (DATA / "invalid").iterdir() if (p / "files").is_dir())


def _assignment_files(root):
    return sorted(p for p in (root / "assignments").rglob("*.yaml"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_one_changed_file_reread_gives_the_cold_answer(tmp_path, case):
    """Every invalid case: fill the cache, change one assignment file, and the per-file path gives,
    finding for finding, what a cold run over the same files gives."""
    root = build_repo(tmp_path, case)
    validate(root, use_cache=True)
    files = _assignment_files(root)
    assert files
    changed = files[len(files) // 2]
    changed.write_bytes(changed.read_bytes() + "# sửa\n".encode())
    warm = validate(root, use_cache=True)
    cold = validate(root)
    assert findings(warm) == findings(cold) and warm.files == cold.files


def test_only_the_changed_file_is_read_again(tmp_path, monkeypatch):
    from giaoviec.app import checking

    root = build_repo(tmp_path)
    validate(root, use_cache=True)
    read = []
    real = checking.read_file
    monkeypatch.setattr(checking, "read_file", lambda root, rel, *a, **k: read.append(rel) or real(root, rel, *a, **k))
    one = _assignment_files(root)[0]
    one.write_bytes(one.read_bytes() + b"# x\n")
    validate(root, use_cache=True)
    assert read == [one.relative_to(root).as_posix()]


def test_a_changed_registry_file_checks_every_assignment_again(tmp_path):
    """The per-file findings depend on the registry: a cadre renamed in org/ is an unknown reference
    in every file that names it, though none of those files changed."""
    root = build_repo(tmp_path)
    assert validate(root, use_cache=True).diagnostics == []
    path = root / "org/cadres.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: can-bo-a", "id: can-bo-x"), encoding="utf-8")
    warm = validate(root, use_cache=True)
    assert findings(warm) == findings(validate(root)) and any(d.code == "ref.unknown" for d in warm.diagnostics)


def test_per_file_entries_are_not_trusted_across_versions_or_days(tmp_path, monkeypatch):
    from giaoviec.load import cache

    root = build_repo(tmp_path, DATA / "invalid" / "ref-kind")
    validate(root, use_cache=True)
    (entry,) = answers()
    data = json.loads(entry.read_text(encoding="utf-8"))
    (lines_file,) = cache_folder().glob("*-entries.jsonl")
    head, *lines = lines_file.read_text(encoding="utf-8").splitlines()
    entries = {json.loads(rel): json.loads(e) for rel, e in (line.split("\t", 1) for line in lines)}
    assert entries and all(len(e["digest"]) == 32 for e in entries.values())
    # a forged per-file entry under the right context would be believed; under another tool it is not
    for e in entries.values():
        e["diagnostics"] = []
    forged = "\n".join([head, *(json.dumps(rel) + "\t" + json.dumps(e) for rel, e in entries.items())]) + "\n"
    data["key"] = None
    entry.write_text(json.dumps(data), encoding="utf-8")
    lines_file.write_text(forged, encoding="utf-8")
    assert validate(root, use_cache=True).diagnostics == []  # the entries are what answers (forged here)
    assert [d.code for d in validate(root, use_cache=True, today=dt.date(2030, 1, 1)).diagnostics] == ["ref.kind"]
    entry.write_text(json.dumps(data), encoding="utf-8")
    lines_file.write_text(forged, encoding="utf-8")
    cache.tool_fingerprint.cache_clear()
    monkeypatch.setattr(cache, "__version__", "9.9.9")
    assert [d.code for d in validate(root, use_cache=True).diagnostics] == ["ref.kind"]
    cache.tool_fingerprint.cache_clear()


def _settle(entry, seconds=10):
    """As if the last scan had run `seconds` from now: every file's stamp then counts as settled."""
    import time

    data = json.loads(entry.read_text(encoding="utf-8"))
    data["seen_at"] = time.time_ns() + seconds * 1_000_000_000
    entry.write_text(json.dumps(data), encoding="utf-8")


def test_a_settled_unchanged_file_is_not_read_again(tmp_path, monkeypatch):
    import os
    import pathlib

    root = build_repo(tmp_path)
    validate(root, use_cache=True)
    (entry,) = answers()
    _settle(entry)
    read = []
    real = pathlib.Path.read_bytes
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    real_open = open
    monkeypatch.setattr("builtins.open", lambda f, *a, **k: (read.append(os.path.basename(f)) if isinstance(f, str) else None) or real_open(f, *a, **k))
    one = _assignment_files(root)[0]
    one.write_bytes(one.read_bytes() + b"# x\n")
    read.clear()
    assert findings(validate(root, use_cache=True)) == findings(validate(root))
    assignments = {p.name for p in _assignment_files(root)}
    assert {n for n in read if n in assignments} == {one.name}  # the others: known by their stamp


def test_a_file_rewritten_with_its_old_size_and_time_is_read_again(tmp_path):
    """The stamp holds the change time, which no program can set back: same size, same mtime, new content is seen."""
    import os

    root = build_repo(tmp_path)
    validate(root, use_cache=True)
    (entry,) = answers()
    _settle(entry)
    path = root / "assignments/2022/ubnd-xa-a/can-bo-a.yaml" if (root / "assignments/2022/ubnd-xa-a/can-bo-a.yaml").exists() \
        else _assignment_files(root)[0]
    text = path.read_text(encoding="utf-8")
    st = os.stat(path)
    changed = text.replace("cadre: ", "cadre: x", 1)[:-1] if text.endswith("\n") else text.replace("cadre: ", "cadre: x", 1)
    assert len(changed.encode()) == len(text.encode())
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(path).st_size == st.st_size and os.stat(path).st_mtime_ns == st.st_mtime_ns
    warm = validate(root, use_cache=True)
    assert findings(warm) == findings(validate(root)) and warm.diagnostics


def test_the_registry_is_read_back_from_its_models_unless_it_changed(tmp_path, monkeypatch):
    from giaoviec.load import repository

    root = build_repo(tmp_path, DATA / "invalid" / "ref-kind")
    cold = validate(root)
    validate(root, use_cache=True)
    (registry_file,) = list(cache_folder().glob("*-registry.json"))
    parsed = []
    real = repository.read_file
    monkeypatch.setattr(repository, "read_file", lambda root_, rel, *a, **k: parsed.append(rel) or real(root_, rel, *a, **k))
    one = _assignment_files(root)[0]
    one.write_bytes(one.read_bytes() + b"# x\n")
    assert findings(validate(root, use_cache=True)) == findings(cold) and parsed == []  # no registry file parsed
    cadres = root / "org/cadres.yaml"
    cadres.write_bytes(cadres.read_bytes() + b"# x\n")
    assert findings(validate(root, use_cache=True)) == findings(cold) and parsed == ["org/cadres.yaml"]
    data = json.loads(registry_file.read_text(encoding="utf-8"))
    for entry in data["files"].values():  # a forged document that the model refuses is parsed again
        entry["documents"] = [[index, kind, '{"kind": "Units", "units": [{"id": "X Y"}]}'] for index, kind, _text in entry["documents"]]
    registry_file.write_text(json.dumps(data), encoding="utf-8")
    parsed.clear()
    one.write_bytes(one.read_bytes() + b"# y\n")
    assert findings(validate(root, use_cache=True)) == findings(cold) and sorted(parsed) == sorted(data["files"])


def test_every_registry_document_reads_back_equal_from_its_json():
    """What the cache keeps of a registry file is its models' JSON: read back, the same models."""
    from conftest import EXAMPLES
    from giaoviec.load.documents import read_file
    from giaoviec.load.files import list_files
    from giaoviec.model import Assignment

    roots = [EXAMPLES / "vinh-phuc", *sorted(p for p in (DATA / "valid").iterdir() if p.is_dir())]
    seen = 0
    for root in roots:
        for rel in list_files(root):
            docs, found = read_file(root, rel)
            for d in docs:
                if not found and not isinstance(d.model, Assignment):
                    assert type(d.model).model_validate_json(d.model.model_dump_json(by_alias=True)) == d.model, (root, rel)
                    seen += 1
    assert seen >= 10


def shown(result, lang):
    """The findings as the user reads them (messages and hints filled and translated)."""
    from giaoviec.i18n import translator

    _ = translator(lang)
    return [(d.path, d.line, d.column, d.code, x.message, x.hint) for d in result.diagnostics for x in [d.localize(_)]]


@pytest.mark.parametrize("case", [*CASES, None], ids=[*(c.name for c in CASES), "examples"])
def test_a_cached_answer_reads_as_the_cold_one_in_every_language(tmp_path, case):
    """Dates, shares and numbers in a finding are written as the language writes them (30/11/2024 in
    Vietnamese), from the cache as from a cold run: the cache keeps their kind, not their text."""
    from conftest import EXAMPLES

    if case is None:
        root = tmp_path / "vp"
        shutil.copytree(EXAMPLES / "vinh-phuc", root)
    else:
        root = build_repo(tmp_path, case)
    cold = validate(root)
    validate(root, use_cache=True)
    whole = validate(root, use_cache=True)  # the whole answer, from the cache
    files = _assignment_files(root)
    files[0].write_bytes(files[0].read_bytes() + "# sửa\n".encode())
    per_file = validate(root, use_cache=True)  # the other files' findings, from the cache
    again = validate(root)
    for lang in ("vi", "en"):
        assert shown(whole, lang) == shown(cold, lang)
        assert shown(per_file, lang) == shown(again, lang)
