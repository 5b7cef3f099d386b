"""The JSON Schemas (draft-07) of every kind, generated from the pydantic models."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel

from giaoviec.model import KINDS

DRAFT = "http://json-schema.org/draft-07/schema#"


def file_name(kind: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", kind).lower() + ".schema.json"


def schema_for(kind: str, model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, ref_template="#/definitions/{model}", mode="validation")
    defs = schema.pop("$defs", None)
    out: dict[str, Any] = {"$schema": DRAFT, "$id": f"https://giaoviec.vn/schemas/v1/{file_name(kind)}"}
    out.update(schema)
    if defs:
        out["definitions"] = defs
    out = _draft07(out)
    _for_hovers(out)
    return out


def _for_hovers(schema: dict[str, Any]) -> None:
    """What an editor shows on hover, once and in Vietnamese: an optional scalar is one schema that
    also allows null (not an anyOf whose two branches each repeat the title), and a definition takes
    the Vietnamese title and description of the field that holds it, not its class name."""
    definitions = schema.get("definitions", {})
    named: dict[str, tuple[str, str | None]] = {}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for prop in (node.get("properties") or {}).values():
                _one_schema(prop)
                ref = _ref_of(prop)
                if ref and "title" in prop:
                    named.setdefault(ref, (prop["title"], prop.get("description")))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(schema)
    for name, definition in definitions.items():
        if name in named and definition.get("title") == name:
            definition["title"], description = named[name]
            if description and "description" not in definition:
                definition["description"] = description


def _one_schema(prop: dict[str, Any]) -> None:
    """anyOf [a scalar schema, null] → that schema with null among its types."""
    branches = prop.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2 or {"type": "null"} not in branches:
        return
    (other,) = [b for b in branches if b != {"type": "null"}]
    if "$ref" in other or not isinstance(other.get("type"), str) or "anyOf" in other:
        return
    del prop["anyOf"]
    prop.update({k: v for k, v in other.items() if k not in prop})
    prop["type"] = [other["type"], "null"]


def _ref_of(prop: dict[str, Any]) -> str | None:
    """The definition a field holds (directly, as the non-null branch, as its items, or as the values
    of a map whose keys are ids)."""
    for candidate in (prop, *(prop.get("anyOf") or ()), prop.get("items") or {}, prop.get("additionalProperties") or {},
                      *(prop.get("patternProperties") or {}).values()):
        ref = candidate.get("$ref") if isinstance(candidate, dict) else None
        if ref:
            return str(ref).rsplit("/", 1)[-1]
    return None


def _draft07(node: Any) -> Any:
    """Keeps to what draft-07 editors understand: no `const`-only enums, numbers as numbers; a map
    keyed by ids refuses the keys that are not ids (as the tool does)."""
    if isinstance(node, dict):
        node = {k: _draft07(v) for k, v in node.items()}
        if "const" in node and "enum" not in node:
            node["enum"] = [node["const"]]
        if "patternProperties" in node and "properties" not in node:
            node.setdefault("additionalProperties", False)
        return node
    if isinstance(node, list):
        return [_draft07(v) for v in node]
    return node


def render_all() -> dict[str, str]:
    return {file_name(kind): json.dumps(schema_for(kind, model), ensure_ascii=False, indent=2) + "\n" for kind, model in KINDS.items()}
