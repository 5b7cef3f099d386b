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
    return _draft07(out)


def _draft07(node: Any) -> Any:
    """Keeps to what draft-07 editors understand: no `const`-only enums, numbers as numbers."""
    if isinstance(node, dict):
        node = {k: _draft07(v) for k, v in node.items()}
        if "const" in node and "enum" not in node:
            node["enum"] = [node["const"]]
        return node
    if isinstance(node, list):
        return [_draft07(v) for v in node]
    return node


def render_all() -> dict[str, str]:
    return {file_name(kind): json.dumps(schema_for(kind, model), ensure_ascii=False, indent=2) + "\n" for kind, model in KINDS.items()}
