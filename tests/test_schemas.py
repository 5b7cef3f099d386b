"""The committed JSON Schemas match the models, are draft-07, speak Vietnamese, and a real peer
(check-jsonschema) accepts the examples with them and refuses a broken file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, PROJECT
from giaoviec.model import KINDS
from giaoviec.render import schemas

SCHEMAS = PROJECT / "schemas"
CHECK = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")


def test_committed_schemas_are_up_to_date():
    rendered = schemas.render_all()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert committed == rendered, "run: giaoviec schema --out schemas"


def test_schemas_are_draft07_with_vietnamese_descriptions():
    for kind in KINDS:
        doc = json.loads((SCHEMAS / schemas.file_name(kind)).read_text(encoding="utf-8"))
        assert doc["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert "$defs" not in json.dumps(doc)
    text = (SCHEMAS / "assignment.schema.json").read_text(encoding="utf-8")
    assert "Rõ thời gian" in text and "Hạn hoàn thành" in text


def _check(schema: str, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([CHECK, "--schemafile", str(SCHEMAS / schema), *map(str, files)], capture_output=True, text=True, timeout=120)


KIND_FILES = {
    "Config": "config.schema.json", "Units": "units.schema.json", "Cadres": "cadres.schema.json",
    "Assignment": "assignment.schema.json", "Evaluation": "evaluation.schema.json", "ScoringProfile": "scoring-profile.schema.json",
}


def _by_kind(folder: Path) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for path in sorted(folder.rglob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("kind: "):
                out.setdefault(line.split(": ", 1)[1].strip(), []).append(path)
                break
    return out


@pytest.mark.parametrize("folder", [EXAMPLES / "vinh-phuc", PROJECT / "src" / "giaoviec" / "profiles"], ids=["examples", "profiles"])
def test_check_jsonschema_accepts_the_examples(folder):
    for kind, files in _by_kind(folder).items():
        result = _check(KIND_FILES[kind], files)
        assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_refuses_a_broken_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    source = (EXAMPLES / "vinh-phuc/assignments/2022/tam-hong/pham-thi-dung.yaml").read_text(encoding="utf-8")
    bad.write_text(source.replace("program: focus", "program: focuss"), encoding="utf-8")
    result = _check("assignment.schema.json", [bad])
    assert result.returncode == 1


def test_hovers_show_each_vietnamese_title_once():
    """An editor's hover on any field shows its Vietnamese title: no definition keeps its class name
    as title, and no optional scalar is an anyOf whose branches would each repeat the title."""
    import json as _json

    from giaoviec.render.schemas import render_all

    for name, text in render_all().items():
        schema = _json.loads(text)
        for ident, definition in schema.get("definitions", {}).items():
            assert definition.get("title") != ident, (name, ident)

        def visit(node, where="", name=name):
            if isinstance(node, dict):
                for key, prop in (node.get("properties") or {}).items():
                    assert prop.get("title"), (name, where, key)
                    branches = prop.get("anyOf") or []
                    assert not (len(branches) == 2 and {"type": "null"} in branches and all("$ref" not in b for b in branches)), (name, key)
                for key, value in node.items():
                    visit(value, f"{where}/{key}")
            elif isinstance(node, list):
                for value in node:
                    visit(value, where)

        visit(schema)


def test_schema_out_checks_every_target_before_writing_any(cli, tmp_path):
    from giaoviec.render import schemas

    names = list(schemas.render_all())
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / names[3]).write_text("{\"mine\": true}\n", encoding="utf-8")  # a file giaoviec did not make
    run = cli("schema", "--out", str(folder))
    assert run.code == 2 and names[3] in run.err
    assert sorted(p.name for p in folder.iterdir()) == [names[3]]  # nothing written, not 3 of 6
    assert (folder / names[3]).read_text(encoding="utf-8") == "{\"mine\": true}\n"
    (folder / names[3]).unlink()
    assert cli("schema", "--out", str(folder)).code == 0 and sorted(p.name for p in folder.iterdir()) == sorted(names)
    assert cli("schema", "--out", str(folder)).code == 0  # its own schemas are replaced
