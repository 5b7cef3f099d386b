"""The precise YAML reader (libyaml, PyYAML's C parser, under a YAML 1.2 core schema), and the
line and column of a location. `yamlio` reads through it what the fast reader leaves, and a file
with findings is composed again here to place them; PyYAML is loaded only then.

`true`/`false` are the only booleans, `yes`/`no`/`on`/`off` stay text, there are no implicit
timestamps (dates are `YYYY-MM-DD` text that the model parses), duplicate keys are errors, and a
number remembers the text it was written as so that `id: 01` is the id "01".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from giaoviec.diagnostics import N_, Diagnostic, Loc, Where, finding
from giaoviec.i18n import Phrase
from giaoviec.literal import Float, Int, as_text

MAX_NODES = 1_000_000  # values after alias expansion; far above any real file (~2,000)
MAX_DEPTH = 64
_NOT_YAML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")  # outside YAML's printable set
MAX_DIGITS = 40  # digits of a number read as a number (Python refuses ints past 4,300 digits)

_LIBYAML = getattr(yaml, "CSafeLoader", None) is not None
_Parser = yaml.cyaml.CParser if _LIBYAML else None


class _Core12Resolver(BaseResolver):
    pass


_R = _Core12Resolver.add_implicit_resolver
_R("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_R(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
_R(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
_R("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_R("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])


class DuplicateKey(ConstructorError):
    pass


class UnknownTag(ConstructorError):
    """A tag other than the core schema's (!!binary, !!timestamp, !!set, !custom…): refused where it is
    written. A !!binary value would bring bytes past every check of text (control characters)."""


class _Core12Constructor(SafeConstructor):
    def construct_mapping(self, node, deep=False):
        if not isinstance(node, MappingNode):
            return super().construct_mapping(node, deep=deep)
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = key_node.value if isinstance(key_node, ScalarNode) else id(key_node)
            if key in seen:
                raise DuplicateKey(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        self.flatten_mapping(node)  # merge keys (<<) first, as PyYAML's SafeConstructor does
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            # keys here are field names and ids: a number is read as written (`01:` is "01"),
            # before it enters the mapping, so that 001 and +1 stay two keys
            key = as_text(key) if isinstance(key, (Int, Float)) else key
            try:
                hash(key)
            except TypeError:
                raise ConstructorError("while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark) from None
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_bool(self, node):
        return node.value in ("true", "True", "TRUE")

    def construct_yaml_int(self, node):
        text = node.value
        if len(text) > MAX_DIGITS:
            return text  # no figure has that many digits: kept as text, the schema says "a number is expected"
        if text.startswith("0o"):
            value = Int(int(text[2:], 8))
        elif text.startswith("0x"):
            value = Int(int(text[2:], 16))
        else:
            value = Int(int(text))
        value.src = text
        return value

    def construct_yaml_float(self, node):
        text = node.value
        if len(text) > MAX_DIGITS:
            return text
        lowered = text.lower()
        if lowered.endswith(".inf"):
            value = Float("-inf" if text.startswith("-") else "inf")
        elif lowered == ".nan":
            value = Float("nan")
        else:
            value = Float(text)
        value.src = text
        return value


_C = _Core12Constructor
_C.add_constructor("tag:yaml.org,2002:bool", _C.construct_yaml_bool)
_C.add_constructor("tag:yaml.org,2002:int", _C.construct_yaml_int)
_C.add_constructor("tag:yaml.org,2002:float", _C.construct_yaml_float)
CORE_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))


def _unknown_tag(_self: Any, node: Node) -> Any:
    raise UnknownTag(None, None, node.tag, node.start_mark)


# the YAML 1.2 core schema's tags only; any other is refused (SafeConstructor also builds binary, timestamp, set…)
_C.yaml_constructors = {tag: f for tag, f in _C.yaml_constructors.items() if tag in CORE_TAGS} | {None: _unknown_tag}


if _LIBYAML:

    class Loader(_Parser, _Core12Constructor, _Core12Resolver):  # type: ignore[misc, valid-type]
        def __init__(self, stream):
            _Parser.__init__(self, stream)  # type: ignore[misc]
            _Core12Constructor.__init__(self)
            _Core12Resolver.__init__(self)

else:  # pragma: no cover - libyaml ships in PyYAML's wheels

    class Loader(  # type: ignore[no-redef]
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
        _Core12Constructor, _Core12Resolver,
    ):
        def __init__(self, stream):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Core12Constructor.__init__(self)
            _Core12Resolver.__init__(self)


def read(path: str, text: str) -> tuple[tuple[Any, ...], tuple[Diagnostic, ...]]:
    """All documents of a file with libyaml, YAML 1.2 core semantics, or the diagnostic that stopped it."""
    loader = Loader(text)
    documents: list[Any] = []
    try:
        while loader.check_data():
            data = loader.get_data()
            problem = _too_large(data)
            if problem:
                return (), (_too_large_diag(path, len(documents), problem),)
            documents.append(data)
    except DuplicateKey as exc:
        mark = exc.problem_mark
        return (), (finding(
            path, None, "yaml.duplicate-key", N_("Duplicate key {key}: the second one would silently replace the first."),
            hint=N_("Remove or rename one of the two keys."),
            line=mark.line + 1, column=mark.column + 1, key=exc.problem.split(" ", 2)[2],
        ),)
    except UnknownTag as exc:
        mark = exc.problem_mark
        return (), (finding(
            path, None, "yaml.tag", N_("The tag {tag} is not allowed: a value is written as text, a number, true/false, a list or a mapping."),
            hint=N_("Remove the tag (the word starting with '!') and write the value itself."),
            line=mark.line + 1, column=mark.column + 1, tag=_tag_name(exc.problem or ""),
        ),)
    except yaml.MarkedYAMLError as exc:
        return (), (_syntax(path, exc, text),)
    except yaml.YAMLError as exc:  # reader errors: a character YAML does not allow (libyaml's offset is not always its own)
        bad = _NOT_YAML.search(text)
        offset = bad.start() if bad else (getattr(exc, "position", None) or 0)
        before = text[:offset]
        line = before.count("\n") + 1
        char = bad.group() if bad else getattr(exc, "character", "")
        return (), (finding(
            path, None, "yaml.syntax", N_("The file cannot be read as YAML: it holds the character U+{char}, which YAML does not allow."),
            hint=N_("Remove the invisible character (often pasted from another program along with the text)."),
            line=line, column=offset - (before.rfind("\n") + 1) + 1,
            char=f"{ord(char):04X}" if isinstance(char, str) and len(char) == 1 else "?",
        ),)
    except RecursionError:
        return (), (_too_large_diag(path, len(documents), "depth"),)
    finally:
        loader.dispose()
    return tuple(documents), ()


def _tag_name(tag: str) -> str:
    """A tag as it was written: !!binary for tag:yaml.org,2002:binary; shown visibly, never obeyed."""
    name = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
    return name.encode("ascii", "backslashreplace").decode("ascii")[:80]


# libyaml's words for the usual mistakes, said for people who do not write YAML every day
PROBLEMS = {
    "did not find expected key": N_("this line is not a key at the indentation of the lines above it"),
    "mapping values are not allowed in this context": N_("a ':' here would start a mapping where none may start (wrong indentation, or text holding ': ' not in quotes)"),
    "found character that cannot start any token": N_("a character that cannot start a value here (a tab, or '@' or '`' at the start of text)"),
    "found undefined alias": N_("an alias (*name) whose anchor (&name) is not defined above it"),
    "did not find expected ',' or '}'": N_("a '{ … }' that is not closed, or that holds text with ':' or '{' not in quotes"),
    "did not find expected ',' or ']'": N_("a '[ … ]' that is not closed, or that holds text with ':' or '[' not in quotes"),
    "found unexpected end of stream": N_("the file ends inside a quote or a bracket that was opened here"),
    "did not find expected '-' indicator": N_("a line that is not a list item ('- ') where the list goes on"),
    "second occurrence": N_("the anchor (&name) is defined twice"),
    "could not find expected ':'": N_("a key without its ':'"),
}


def _syntax(path: str, exc: yaml.MarkedYAMLError, text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    raw = exc.problem or exc.context or "syntax error"
    if "end of stream" in raw and exc.context_mark is not None:
        mark = exc.context_mark  # an unclosed quote or bracket: point where it opens, not at the end
    problem: object = Phrase(PROBLEMS[raw]) if raw in PROBLEMS else raw
    hint = N_("Check the indentation and the ':' after each key; quote text that holds ': ' or '#'.")
    lines = text.splitlines()
    if "tab" in raw or (mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t"):
        hint = N_("YAML does not allow tab characters for indentation: use spaces.")
    return finding(
        path, None, "yaml.syntax", N_("YAML syntax error: {problem}."), hint=hint,
        line=(mark.line + 1) if mark else 1, column=(mark.column + 1) if mark else 1, problem=problem,
    )


def _too_large_diag(path: str, doc: int, what: str) -> Diagnostic:
    return finding(
        path, Where(doc, (), "parent"), "yaml.too-large",
        N_("The document is too large or too deeply nested once its aliases are expanded ({what})."),
        hint=N_("Aliases (*name) may repeat a block a few times, not build a structure of millions of values."),
        line=1, column=1, what=what,
    )


def _too_large(data: Any) -> str | None:
    """Counts values as a reader that expands aliases would see them; stops at the limits."""
    budget = MAX_NODES
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        budget -= 1
        if budget < 0:
            return f"> {MAX_NODES:,} values"
        if depth > MAX_DEPTH:
            return f"> {MAX_DEPTH} levels"
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
            budget -= len(value)
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return None


# -- positions --------------------------------------------------------------------------------


def compose(text: str) -> list[Node | None]:
    """The node trees of every document (marks carry 0-based line and column)."""
    loader = Loader(text)
    try:
        nodes = []
        while loader.check_node():
            nodes.append(loader.get_node())
        return nodes
    finally:
        loader.dispose()


def _children(node: MappingNode) -> Iterator[tuple[Node, Node]]:
    """Key/value pairs of a mapping, explicit keys first, then those brought in by merge keys."""
    merged: list[Node] = []
    for key, value in node.value:
        if key.tag == "tag:yaml.org,2002:merge":
            merged.extend(value.value if isinstance(value, SequenceNode) else [value])
        else:
            yield key, value
    for source in merged:
        if isinstance(source, MappingNode):
            yield from _children(source)


def node_at(root: Node | None, loc: Loc) -> tuple[Node | None, Node | None, bool]:
    """(key node, value node, complete) for `loc`; when a step is missing, the deepest node found."""
    key_node: Node | None = None
    node = root
    for step in loc:
        child = None
        if isinstance(node, MappingNode):
            for k, v in _children(node):
                if isinstance(k, ScalarNode) and k.value == str(step):
                    key_node, child = k, v
                    break
        elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            key_node, child = None, node.value[step]
        if child is None:
            return key_node, node, False
        node = child
    return key_node, node, True


def position(nodes: list[Node | None], where: Where) -> tuple[int, int]:
    root = nodes[where.doc] if 0 <= where.doc < len(nodes) else None
    if root is None:
        return 1, 1
    key, value, complete = node_at(root, where.loc)
    if not complete:
        target = value  # the deepest mapping that exists: where the missing key belongs
    elif where.anchor == "parent":
        target = node_at(root, where.loc[:-1])[1]
    elif where.anchor == "key" and key is not None:
        target = key
    else:
        target = value
    mark = target.start_mark if target is not None else None
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def locate(diagnostics: list[Diagnostic], text: str) -> list[Diagnostic]:
    """Fills in line and column for the diagnostics of one file that still need them, and the
    source line of every one that has a line (the excerpt the text output shows)."""
    pending = [d for d in diagnostics if d.where is not None and d.line == 0]
    try:
        nodes = compose(text) if pending else []
    except yaml.YAMLError:  # cannot happen for a file the readers accepted; never a crash if it does
        nodes = []
    lines = text.splitlines()
    out = []
    for d in diagnostics:
        if d.where is not None and d.line == 0:
            line, column = position(nodes, d.where)
            d = replace(d, line=line, column=column)
        if 0 < d.line <= len(lines) and d.excerpt is None:
            d = replace(d, excerpt=lines[d.line - 1])
        out.append(d)
    return out
