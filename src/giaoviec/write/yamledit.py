"""Byte-preserving edits of a YAML document at a path: set a value (replace it, or add the key or
the list item where it is missing), remove a key. Only the bytes of the edited value change: a
scalar is replaced in place (a comment after it stays), a missing key is added after its siblings
at their indentation, in the style of its mapping (block or flow). Every edit is checked by
reading the result back: the document must hold exactly the data asked for, and nothing else may
have changed (`apply` compares the whole document); a layout it cannot edit safely is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from giaoviec.i18n import N_
from giaoviec.load import yamlio
from giaoviec.write.yamlwrite import emit, scalar

Path = tuple[str | int, ...]
REMOVE = object()  # the value of an edit that removes its key


class Refused(Exception):
    """The file's layout does not allow this edit to be made safely; nothing is changed."""

    def __init__(self, path: Path, why: str):
        super().__init__(f"{'.'.join(map(str, path))}: {why}")
        self.path = path
        self.why = why


@dataclass(frozen=True)
class Change:
    path: Path
    value: Any  # a scalar, a list of scalars, a dict or a list of dicts (written as YAML), or REMOVE


def offset(lines: list[str], line: int, column: int) -> int:
    """The character offset of a (0-based) line and column."""
    return sum(len(x) for x in lines[:line]) + column


def last_line(node: Node) -> int:
    """The last line (0-based) that holds part of the node's content (scalars and brackets)."""
    if isinstance(node, ScalarNode) or node.flow_style:
        end = node.end_mark
        # a block scalar (| or >) ends at column 0 of the line after its text
        return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    children = [v for pair in node.value for v in pair] if isinstance(node, MappingNode) else list(node.value)
    return max((last_line(c) for c in children), default=node.start_mark.line)




def _entry(mapping: MappingNode, key: str) -> tuple[ScalarNode, Node] | None:
    for k, v in mapping.value:
        if isinstance(k, ScalarNode) and k.value == key:
            return k, v
    return None


def _walk(root: Node, path: Path) -> tuple[list[Node], Node | None]:
    """The nodes along `path` (the last one existing) and the node at `path`, or None."""
    trail: list[Node] = [root]
    node: Node | None = root
    for step in path:
        if isinstance(step, str) and isinstance(node, MappingNode):
            found = _entry(node, step)
            node = found[1] if found else None
        elif isinstance(step, int) and isinstance(node, SequenceNode):
            node = node.value[step] if 0 <= step < len(node.value) else None
        else:
            node = None
        if node is None:
            return trail, None
        trail.append(node)
    return trail, node


def _flow_text(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k, flow=True)}: {_flow_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow_text(v) for v in value) + "]"
    return scalar(value, flow=True)


def _in_flow(trail: list[Node]) -> bool:
    return any(getattr(n, "flow_style", False) for n in trail if not isinstance(n, ScalarNode))


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _block(key: Any, value: Any, indent: int, nl: str) -> str:
    return emit({key: value}, indent).replace("\n", nl)


def _set(text: str, index: int, path: Path, value: Any) -> str:
    root = yamlio.compose(text)[index]
    lines = text.splitlines(keepends=True)
    nl = _newline(text)
    trail, node = _walk(root, path)
    if value is REMOVE:
        return text if node is None else _remove(text, lines, trail[:-1], path)
    if node is not None:
        return _replace(text, lines, trail, path, node, value, nl)
    # the deepest existing node along the path, and what is missing below it
    parent = trail[-1]
    depth = len(trail) - 1
    missing = path[depth:]
    nested: Any = value
    for step in reversed(missing[1:]):
        if isinstance(step, int):
            raise Refused(path, N_("a list item inside a missing value"))
        nested = {step: nested}
    step = missing[0]
    if isinstance(parent, SequenceNode) and isinstance(step, int) and step == len(parent.value):
        return _append(text, lines, trail, path, parent, nested, nl)
    if not isinstance(parent, MappingNode) or not isinstance(step, str):
        raise Refused(path, N_("the place for it is not a mapping"))
    return _add_key(text, lines, trail, path, parent, step, nested, nl)


def _replace(text: str, lines: list[str], trail: list[Node], path: Path, node: Node, value: Any, nl: str) -> str:
    start = offset(lines, node.start_mark.line, node.start_mark.column)
    if isinstance(node, ScalarNode) and not isinstance(value, (dict, list, tuple)):
        end = offset(lines, node.end_mark.line, node.end_mark.column)
        new = scalar(value, flow=_in_flow(trail[:-1]))
        if node.style in ("|", ">"):  # a block scalar ends at the start of the line after it
            new = new + nl
            end = offset(lines, last_line(node) + 1, 0)
        return text[:start] + new + text[end:]
    if isinstance(node, (MappingNode, SequenceNode)) and node.flow_style:
        end = offset(lines, node.end_mark.line, node.end_mark.column)
        return text[:start] + _flow_text(value) + text[end:]
    if _in_flow(trail[:-1]):
        end = offset(lines, node.end_mark.line, node.end_mark.column)
        return text[:start] + _flow_text(value) + text[end:]
    # a block value, or a scalar becoming a collection: the whole entry "key: value" is written again
    parent = trail[-2]
    if not isinstance(parent, MappingNode) or not isinstance(path[-1], str):
        raise Refused(path, N_("a block list item cannot be replaced as a whole"))
    key_node, _value = _entry(parent, path[-1]) or (None, None)
    assert key_node is not None
    if not _starts_line(lines, key_node):
        raise Refused(path, N_("the key does not start its line"))
    begin = offset(lines, key_node.start_mark.line, 0)
    end = offset(lines, last_line(node) + 1, 0)
    return text[:begin] + _block(path[-1], value, key_node.start_mark.column, nl) + text[end:]


def _starts_line(lines: list[str], node: Node) -> bool:
    return lines[node.start_mark.line][: node.start_mark.column].strip() == ""


def _add_key(text: str, lines: list[str], trail: list[Node], path: Path, mapping: MappingNode, key: str, value: Any, nl: str) -> str:
    if mapping.flow_style or _in_flow(trail[:-1]):
        closing = offset(lines, mapping.end_mark.line, mapping.end_mark.column) - 1  # the "}"
        if text[closing] != "}":
            raise Refused(path, N_("the flow mapping does not end with }"))
        entry = f"{scalar(key, flow=True)}: {_flow_text(value)}"
        return text[:closing] + (", " if mapping.value else "") + entry + text[closing:]
    if not mapping.value:
        raise Refused(path, N_("an empty block mapping"))
    indent = mapping.value[0][0].start_mark.column
    at = offset(lines, last_line(mapping) + 1, 0)
    insertion = _block(key, value, indent, nl)
    if at >= len(text):
        at = len(text)
        if text and not text.endswith(("\n", "\r")):
            insertion = nl + insertion
    return text[:at] + insertion + text[at:]


def _append(text: str, lines: list[str], trail: list[Node], path: Path, seq: SequenceNode, item: Any, nl: str) -> str:
    if seq.flow_style or _in_flow(trail[:-1]):
        closing = offset(lines, seq.end_mark.line, seq.end_mark.column) - 1
        if text[closing] != "]":
            raise Refused(path, N_("the flow list does not end with ]"))
        return text[:closing] + (", " if seq.value else "") + _flow_text(item) + text[closing:]
    if not seq.value:
        raise Refused(path, N_("an empty block list"))
    last = seq.value[-1]
    dash = lines[last.start_mark.line][: last.start_mark.column]
    if dash.strip() != "-" and not dash.rstrip().endswith("-"):
        raise Refused(path, N_("the list items do not start with '- '"))
    dash_col = len(dash.rstrip()) - 1
    at = offset(lines, last_line(seq) + 1, 0)
    if isinstance(last, MappingNode) and not last.flow_style and isinstance(item, dict):
        body = emit(item, last.start_mark.column).replace("\n", nl).split(nl)
        insertion = " " * dash_col + "- " + body[0].lstrip() + nl + nl.join(body[1:])
        if not insertion.endswith(nl):
            insertion += nl
    else:
        insertion = " " * dash_col + "- " + _flow_text(item) + nl
    if at >= len(text):
        at = len(text)
        if text and not text.endswith(("\n", "\r")):
            insertion = nl + insertion
    return text[:at] + insertion + text[at:]


def _remove(text: str, lines: list[str], trail: list[Node], path: Path) -> str:
    parent = trail[-1]
    if not isinstance(parent, MappingNode) or not isinstance(path[-1], str):
        raise Refused(path, N_("only a key of a mapping can be removed"))
    found = _entry(parent, path[-1])
    assert found is not None
    key_node, value_node = found
    if parent.flow_style or _in_flow(trail[:-1]):
        pairs = parent.value
        i = next(n for n, (k, _v) in enumerate(pairs) if k is key_node)
        start = offset(lines, key_node.start_mark.line, key_node.start_mark.column)
        end = offset(lines, value_node.end_mark.line, value_node.end_mark.column)
        if i + 1 < len(pairs):  # "a: 1, b: 2" → "b: 2"
            end = offset(lines, pairs[i + 1][0].start_mark.line, pairs[i + 1][0].start_mark.column)
        elif i > 0:  # "a: 1, b: 2" → "a: 1"
            prev = pairs[i - 1][1]
            start = offset(lines, prev.end_mark.line, prev.end_mark.column)
        return text[:start] + text[end:]
    if len(parent.value) == 1:
        raise Refused(path, N_("the only key of its mapping"))
    if not _starts_line(lines, key_node):
        raise Refused(path, N_("the key does not start its line"))
    begin = offset(lines, key_node.start_mark.line, 0)
    end = offset(lines, last_line(value_node) + 1, 0)
    return text[:begin] + text[end:]


def _put(data: Any, path: Path, value: Any) -> Any:
    """`data` with `value` at `path` (a copy along the path; REMOVE deletes the key)."""
    if not path:
        return value
    step, rest = path[0], path[1:]
    if isinstance(step, int):
        items = list(data or [])
        if step == len(items):
            items.append(_put(None, rest, value))
        else:
            items[step] = _put(items[step], rest, value)
        return items
    out = dict(data or {})
    if value is REMOVE and not rest:
        out.pop(step, None)
    elif value is REMOVE and out.get(step) is None:
        return out  # nothing there to remove
    else:
        out[step] = _put(out.get(step), rest, value)
    return out


def apply(text: str, index: int, changes: Sequence[Change]) -> str:
    """`text` with every change made, checked: read back, the document equals the old one with
    exactly these changes (Refused otherwise, and on a layout it cannot edit)."""
    loaded = yamlio.load_precise("edit", text)
    if loaded.diagnostics or index >= len(loaded.documents):
        raise Refused((), N_("the file cannot be read"))
    expected = loaded.documents[index]
    after = text
    for change in changes:
        after = _set(after, index, change.path, change.value)
        expected = _put(expected, change.path, change.value)
    check = yamlio.load_precise("edit", after)
    if check.diagnostics or len(check.documents) != len(loaded.documents) or _plain(check.documents[index]) != _plain(expected):
        raise Refused(changes[0].path if changes else (), N_("the file would not read back as intended"))
    others = [i for i in range(len(loaded.documents)) if i != index]
    if any(_plain(check.documents[i]) != _plain(loaded.documents[i]) for i in others):
        raise Refused((), N_("another document of the file would change"))
    return after


def _plain(value: Any) -> Any:
    """Data compared the way a file means it: numbers by value (12 == 12.0), text as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return str(value) if not hasattr(value, "isoformat") else value.isoformat()
