"""Turns pydantic's validation errors into `schema.*` diagnostics, in the domain's words."""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from giaoviec.characters import one_line
from giaoviec.diagnostics import N_, Anchor, Diagnostic, Where, finding

MESSAGES: dict[str, str] = {
    "missing": N_("Required field '{field}' is missing."),
    "extra_forbidden": N_("Unknown field '{field}'."),
    "literal_error": N_("'{value}' is not allowed here; expected one of: {expected}."),
    "bool_type": N_("Expected true or false, found '{value}'."),
    "date_format": N_("'{value}' is not a date written YYYY-MM-DD."),
    "date_from_datetime_parsing": N_("'{value}' is a date that does not exist in the calendar."),
    "date_parsing": N_("'{value}' is not a valid date."),
    "string_pattern_mismatch": N_("'{value}' is not a valid identifier."),
    "string_type": N_("Expected text, found '{value}'."),
    "string_too_short": N_("'{field}' must not be empty."),
    "too_short": N_("'{field}' must have at least one item."),
    "float_type": N_("Expected a number, found '{value}'."),
    "int_type": N_("Expected a whole number, found '{value}'."),
    "greater_than": N_("'{field}' must be greater than {limit}, found {value}."),
    "greater_than_equal": N_("'{field}' must be at least {limit}, found {value}."),
    "less_than_equal": N_("'{field}' must be at most {limit}, found {value}."),
    "finite_number": N_("'{field}' must be a finite number, found '{value}'."),
    "text_characters": N_("'{field}' holds the character U+{char} at position {position}, which cannot be shown or stored."),
    "model_type": N_("'{field}' must be a mapping of fields (key: value)."),
    "dict_type": N_("'{field}' must be a mapping (key: value)."),
    "tuple_type": N_("'{field}' must be a list (items starting with '- ')."),
}
HINTS: dict[str, str] = {
    "bool_type": N_("YAML 1.2 is read here: write true or false; yes, no, on and off are text."),
    "date_format": N_("Write dates as YYYY-MM-DD, for example 2022-09-30."),
    "date_from_datetime_parsing": N_("Check the day and month: the date does not exist in the calendar."),
    "date_parsing": N_("Check the day and month: the date does not exist in the calendar."),
    "finite_number": N_(".inf and .nan are not figures: write the number reached (or leave the field out)."),
    "text_characters": N_("Remove the invisible character (often pasted from another program along with the text)."),
    "string_pattern_mismatch": N_("Identifiers use lowercase letters without diacritics, digits and hyphens, e.g. nguyen-van-an."),
    "missing": N_("Add '{field}:' to this mapping."),
}
FALLBACK = N_("Invalid value for '{field}' (the check that failed: {kind}).")  # pydantic's own sentence would be English in any language
CODES: dict[str, str] = {  # pydantic's error type → the stable code of the finding (pydantic's names are not ours to keep)
    "missing": "schema.missing", "extra_forbidden": "schema.unknown-field", "literal_error": "schema.not-in-list",
    "bool_type": "schema.boolean", "date_format": "schema.date-format", "date_from_datetime_parsing": "schema.date-invalid",
    "date_parsing": "schema.date-out-of-range", "string_pattern_mismatch": "schema.identifier", "string_type": "schema.text",
    "string_too_short": "schema.empty-text", "too_short": "schema.empty-list", "float_type": "schema.number",
    "int_type": "schema.whole-number", "greater_than": "schema.above-minimum", "greater_than_equal": "schema.at-least-minimum",
    "less_than_equal": "schema.at-most-maximum", "finite_number": "schema.finite-number", "text_characters": "schema.text-characters",
    "model_type": "schema.mapping-of-fields", "dict_type": "schema.mapping", "tuple_type": "schema.list",
}
SUGGEST = N_("Did you mean '{suggestion}'?")
DECIMAL_COMMA = N_("A number takes a decimal point, not a comma: write {written}.")
SPLIT_NUMBER = N_("The comma of {number} splits it inside {{ … }}: '{field}' is read as a new field.")
_DECIMAL = re.compile(r"-?\d+,\d+")
FLOW_COMMA = N_("Inside {{ … }} a comma starts a new field: put text that holds a comma in quotes, e.g. note: \"Đã rà soát, lập hồ sơ\".")


@cache
def _known_fields() -> tuple[str, ...]:
    from giaoviec.model import KINDS

    names: set[str] = set()
    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            for arg in _model_args(info.annotation):
                walk(arg)

    for model in KINDS.values():
        walk(model)
    return tuple(sorted(names))


def _model_args(annotation: Any) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        found += _model_args(arg)
    return found


def _real_loc(data: Any, loc: tuple, missing: bool) -> tuple:
    """The loc without pydantic's union/validator steps, as it exists in the data."""
    out: list[str | int] = []
    node = data
    for i, step in enumerate(loc):
        if isinstance(node, dict) and step in node:
            out.append(step)
            node = node[step]
        elif isinstance(node, dict) and str(step) in {str(k) for k in node}:
            key = next(k for k in node if str(k) == str(step))
            out.append(str(step))
            node = node[key]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            out.append(step)
            node = node[step]
        elif missing and i == len(loc) - 1 and isinstance(node, dict):
            out.append(step)
        # anything else is a step pydantic adds (union members, validators): skipped
    return tuple(out)


def _shown(value: Any) -> str:
    value = getattr(value, "src", value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "{…}" if isinstance(value, dict) else "[…]"
    text = one_line(value)  # inside a one-line message: a line feed or a bidi control shown as its code
    return text if len(text) <= 60 else text[:57] + "…"


def schema_diagnostics(path: str, index: int, model: type[BaseModel], data: dict) -> tuple[BaseModel | None, list[Diagnostic]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    out: list[Diagnostic] = []
    seen: set[tuple] = set()
    for err in errors:
        kind = err["type"]
        if kind == "too_short" and isinstance(err.get("input"), str):
            kind = "string_too_short"  # pydantic names an empty text "too_short", as an empty list
        loc = _real_loc(data, err["loc"], kind == "missing")
        if loc in seen:
            continue  # a union reports each of its members: one diagnostic per place is enough
        seen.add(loc)
        field = next((str(s) for s in reversed(loc) if isinstance(s, str)), kind)
        ctx = err.get("ctx") or {}
        limit = next((ctx[k] for k in ("gt", "ge", "le", "lt", "min_length") if k in ctx), "")
        anchor: Anchor = "parent" if kind == "missing" else "key" if kind == "extra_forbidden" else "value"
        hint = HINTS.get(kind)
        args: dict[str, Any] = {}
        if kind == "extra_forbidden" and (" " in field.strip() or not field.isascii()):
            hint = FLOW_COMMA
        elif kind == "extra_forbidden":
            close = difflib.get_close_matches(field, _known_fields(), n=1, cutoff=0.7)
            if close:
                hint, args["suggestion"] = SUGGEST, close[0]
        if kind == "bool_type" and isinstance(err["input"], str):
            hint = HINTS["bool_type"]
        message = MESSAGES.get(kind, FALLBACK)
        if kind in ("float_type", "int_type") and isinstance(err["input"], str) and _DECIMAL.fullmatch(err["input"].strip()):
            hint, args["written"] = DECIMAL_COMMA, err["input"].strip().replace(",", ".")  # 12,5: Vietnamese writes a decimal comma
        elif kind == "extra_forbidden" and field.isdigit():
            before = _number_before(data, loc)
            if before is not None:  # {target: 12,5}: YAML reads target: 12 and a field '5'
                message, hint, args["number"], args["written"] = SPLIT_NUMBER, DECIMAL_COMMA, f"{before},{field}", f"{before}.{field}"
        out.append(finding(
            path, Where(index, loc, anchor), CODES.get(kind, "schema.value"), message, hint=hint,
            field=field, value=_shown(err.get("input")), expected=str(ctx.get("expected", "")),
            char=ctx.get("code", ""), position=ctx.get("position", ""),
            limit=limit, kind=kind, **args,
        ))
    return None, out


def _number_before(data: Any, loc: tuple) -> str | None:
    """The whole number written just before the key at `loc` in its mapping (the key a decimal comma made), if any."""
    node = data
    for step in loc[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(node, dict):
        return None
    keys = [str(k) for k in node]
    at = keys.index(str(loc[-1])) if str(loc[-1]) in keys else 0
    if at == 0:
        return None
    value = list(node.values())[at - 1]
    text = str(getattr(value, "src", value))
    return text if isinstance(value, (int, float)) and not isinstance(value, bool) and re.fullmatch(r"-?\d+", text) else None


def wrong_document(path: str, index: int, what: str, kind: Any = None) -> Diagnostic:
    if what == "mapping":
        return finding(
            path, Where(index, (), "value"), "schema.document",
            N_("A giaoviec document must be a mapping that starts with apiVersion and kind."), line=0,
        )
    return finding(
        path, Where(index, ("kind",) if kind is not None else (), "value" if kind is not None else "parent"),
        "schema.kind", N_("Unknown kind '{kind}'; expected one of: {expected}."),
        hint=N_("The kind decides what the document holds: Config, Units, Cadres, Assignment, Evaluation or ScoringProfile."),
        kind=_shown(kind), expected="Config, Units, Cadres, Assignment, Evaluation, ScoringProfile",
    )
