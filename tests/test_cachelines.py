"""validate's per-file entries in a file of their own, a line each (load/cachelines.py): read back as
written, whatever a path holds; written back as read for the files not checked again; a line or a file
that does not read is no entry (its file is checked again: the answer is the cold one)."""

from __future__ import annotations

import shutil

from conftest import DATA, build_repo
from giaoviec.app import validate as validation
from giaoviec.cli.env import Environment
from giaoviec.load import cachelines


def validate(root, use_cache=True):
    return validation.validate(root, cache_folder=Environment.read().cache_folder if use_cache else None)


def findings(result):
    return [(d.path, d.line, d.column, d.code, d.message, d.args) for d in result.diagnostics]


def entries_file():
    (found,) = Environment.read().cache_folder.glob("*-entries.jsonl")
    return found


NAMES = ["a.yaml", "tab\there.yaml", 'quote"d.yaml', "back\\slash.yaml", "line\nbreak.yaml", "nhiệm vụ/cán bộ.yaml", "\u2028x.yaml"]


def test_every_name_and_entry_reads_back_as_written(tmp_path):
    path = tmp_path / "e.jsonl"
    written = {name: {"digest": str(i) * 32, "summaries": [[0, "c\t\n\"", {"01": 1.5}]], "diagnostics": []}
               for i, name in enumerate(NAMES)}
    cachelines.write_entries(path, 5, "tool", "ctx", written)
    read = cachelines.read_entries(path, 5, "tool", "ctx")
    assert list(read) == NAMES
    import json

    assert {rel: json.loads(text) for rel, text in read.items()} == written
    cachelines.write_entries(tmp_path / "again.jsonl", 5, "tool", "ctx", read)  # taken as read: the same bytes
    assert (tmp_path / "again.jsonl").read_bytes() == path.read_bytes()
    for other in ((4, "tool", "ctx"), (5, "other", "ctx"), (5, "tool", "other")):
        assert cachelines.read_entries(path, *other) == {}
    assert cachelines.read_entries(tmp_path / "none.jsonl", 5, "tool", "ctx") == {}


def _two_files(tmp_path):
    root = build_repo(tmp_path, DATA / "invalid" / "ref-kind")
    first = next((root / "assignments").rglob("*.yaml"))
    second = first.with_name("can-bo-z.yaml")
    shutil.copy(first, second)
    return root, first, second


def _lines():
    return dict(line.split("\t", 1) for line in entries_file().read_text(encoding="utf-8").splitlines()[1:])


def test_one_file_checked_again_writes_the_others_lines_as_they_were(tmp_path):
    root, first, _second = _two_files(tmp_path)
    validate(root)
    before = _lines()
    first.write_text(first.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    warm = validate(root)
    after = _lines()
    assert findings(warm) == findings(validate(root, use_cache=False))
    changed = [rel for rel in after if after[rel] != before.get(rel)]
    assert len(after) == len(before) and len(changed) == 1 and first.name in changed[0]


def test_a_line_or_a_file_that_does_not_read_is_no_entry(tmp_path):
    root, first, second = _two_files(tmp_path)
    cold = findings(validate(root, use_cache=False))
    validate(root)
    path = entries_file()
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) - 40], encoding="utf-8")  # the last line cut
    first.write_text(first.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert findings(validate(root)) == cold
    for broken in ("", "not json\n", text.replace("\t", " ")):
        path.write_text(broken, encoding="utf-8")
        second.write_text(second.read_text(encoding="utf-8") + "#\n", encoding="utf-8")
        assert findings(validate(root)) == cold
    path.unlink()
    assert findings(validate(root)) == cold  # the whole answer needs no entry
