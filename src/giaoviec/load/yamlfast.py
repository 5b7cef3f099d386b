"""The fast reader: rapidyaml parses in C and emits JSON, which json.loads reads in C.

It is used only where it cannot disagree with the precise reader (yamlio.load_precise, libyaml
with YAML 1.2 core semantics): a file holding anything whose meaning the two could read
differently — tabs, anchors, aliases, tags, merge keys, several documents, scalars that YAML 1.2
types but rapidyaml leaves as text (True, ~, 0x1F, 010, .inf…), non-text keys — or anything
rapidyaml or json.loads refuses, or a duplicate key, gets `None`, and the caller reads it with the
precise reader, which also gives the exact diagnostics. tests/test_yamlfast.py compares the two
readers on the test corpus, the examples and mutated files.
"""

from __future__ import annotations

import json
import os
import re
import threading
from typing import Any

from giaoviec.literal import Float, Int

try:  # an optional accelerator: without it every file takes the precise path
    import ryml
except ImportError:  # pragma: no cover
    ryml = None

MAX_DEPTH = 64

# Each rule: substrings without which it cannot match (tested first, in C, on a lower-cased copy: "true"
# stands for True, TRUE and true), then its patterns.
# Every pattern starts with one literal character, never a class or an alternation: the regex engine then
# scans for it several times faster (what must precede it is a fixed-width look-behind).
_WORD = r"(?:True|TRUE|False|FALSE|Null|NULL|~|0x[0-9a-fA-F]+|0o[0-7]+)"
_END = r"[ ]*(?:\r?$|[,\]}]|[ ]\#)"
_FLOW_OPEN = (r"\[", r"\{", ",")
_RULES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("\t",), (r"\t",)),                                          # tabs: the two parsers place them differently
    (("---", "..."), (r"\n---(?:[ \r\n]|$)", r"\n\.\.\.(?:[ \r\n]|$)", r"\[[ ]*(?:---|\.\.\.)", r"\{[ ]*(?:---|\.\.\.)",
                      r",[ ]*(?:---|\.\.\.)")),                     # several or explicit documents
    (("<<",), (r"<<[ ]*:",)),                                       # merge keys
    (("&", "*", "!", "@", "`", "%", "?"),                          # anchors, aliases, tags, reserved, explicit keys
     tuple(f"{re.escape(x)}(?<=[ \\n\\[{{,]{re.escape(x)}){tail}"  # the indicator first, what precedes it looked behind
           for x, tail in (("&", r"[^ \r\n,\[\]{}]"), ("*", r"[^ \r\n,\[\]{}]"), ("!", ""), ("@", ""), ("`", ""), ("%", ""),
                           ("?", "(?:[ ]|$)")))),
    (("|", ">"), (r"\n[ ]*[|>]", r": +[|>](?!(?:[+\-][1-9]?|[1-9][+\-]?)?[ ]*(?:\#[^\r\n]*)?\r?$)",
                  r"- +[|>](?!(?:[+\-][1-9]?|[1-9][+\-]?)?[ ]*(?:\#[^\r\n]*)?\r?$)")),  # block scalar headers
    ((" #",), (r"\[[^\r\n]*[ ]\#", r"\{[^\r\n]*[ ]\#")),            # a comment inside a flow collection
    (("true", "false", "null", "~", "0x", "0o"),  # typed words; keys that are not text
     tuple(f"{c}{_WORD}(?:{_END}|[ ]*:(?:[ \\r]|$))" for c in (":[ ]+", "-[ ]+", "\n[ ]*", *(f"{o}[ ]*" for o in _FLOW_OPEN)))
     + tuple(f"{c}[ ]*(?:[Tt]rue|[Ff]alse|[Nn]ull)[ ]*[:,}}]" for c in _FLOW_OPEN[1:])
     + (r"\n[ ]*(?:-[ ]+)*(?:[Tt]rue|[Ff]alse|[Nn]ull)[ ]*:(?:[ \r]|$)",)),
    # numbers rapidyaml reads differently: 010 and 00 stay text; .5 and 1. are rewritten as 0.5 and 1.0
    # (+1, 01.5 and the like come out as invalid JSON, so they fall back without a rule)
    ((), tuple(f"{c}-?(?:0[0-9]+|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[0-9]+\\.){_END}" for c in (":[ ]+", "-[ ]+", *(f"{o}[ ]*" for o in _FLOW_OPEN)))),
    ((".",), (r"\.[iInN][nNaA][fFnN]",)),                           # rapidyaml rewrites .Inf, .NaN
    (("nan", "inf"), (r"(?i)(?<![\w.])(?:nan|inf)(?![\w.])",)),      # and a key "nan" (quoted or not) becomes ".nan"
    ((":",), (r":[?\-:&*!|>'\"%@`#,\[\]{}]", r":[ ]+:", r"-[ ]+:")),  # a colon glued to an indicator; ":x" values
    (("]", "}", ","), (r":[ ]+[\]},]", r"-[ ]+[\]},]", r"\n[ ]*[\]},]")),  # a block value or key that starts with ] } ,
    (("]", "}"), (r"\][ ]*[^ \r\n#,\]}]", r"\}[ ]*[^ \r\n#,\]}]")),  # something after a closed flow collection
    ((), (r",[ ]*[:,}\]]", r"\{[ ]*:", r"\[[ ]*:", r"\n[ ]*:(?:[ \r\n]|$)")),  # empty flow entries, empty keys
)
_COMPILED = tuple((tuple(t.encode() for t in triggers), tuple(re.compile(p, re.MULTILINE) for p in patterns))
                  for triggers, patterns in _RULES)




def _long_line(text: str) -> bool:
    """A line longer than 1,024 characters: libyaml refuses such a key. A line that long holds a whole
    aligned block of 512 characters: when every block has a line break (most files), there is none,
    found without splitting the text into its lines (3.5 µs a file instead of 22)."""
    find = text.find
    for start in range(0, len(text), 512):
        if find("\n", start, start + 512) < 0:
            return max(map(len, text.split("\n"))) > 1024
    return False

_SURROGATE = re.compile(r"\\[uU]0*[dD][89a-fA-F]")  # an escaped surrogate: libyaml refuses it, rapidyaml takes it


def risky(text: str, data: bytes | None = None) -> bool:
    """Whether `text` (`data`: its UTF-8 bytes, when at hand) holds something the two readers could read differently."""
    if text.startswith(" ") or (len(text) > 1024 and _long_line(text)) or ("\\" in text and _SURROGATE.search(text)):
        return True
    scan = "\n" + text  # so that patterns anchored on a new line also see the first line
    # triggers are tested lower-cased: "true" stands for True, TRUE and true. Bytes lower only ASCII, and
    # several times faster; every trigger is ASCII, and no other character lowers into one of them.
    low = b"\n" + (data if data is not None else text.encode("utf-8", "surrogatepass")).lower()
    for triggers, patterns in _COMPILED:
        if triggers and not any(t in low for t in triggers):
            continue
        if any(p.search(scan) for p in patterns):
            return True
    return False


_DEEP_LINE = re.compile(r"\n[ \-]{" + str(MAX_DEPTH // 2) + ",}")  # a line prefix that deep may hold that many levels

_quiet = threading.Lock()
_devnull: int | None = None


class _Refused(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict:
    d = dict(pairs)
    if len(d) != len(pairs):
        raise _Refused("duplicate key")
    return d


def _constant(name: str) -> Any:
    raise _Refused(name)  # Infinity, NaN: text in YAML, numbers in JSON


def _int(text: str) -> Int:
    value = Int(text)
    value.src = text
    return value


def _float(text: str) -> Float:
    value = Float(text)
    value.src = text
    return value


def _shallow(text: str, data: bytes | None = None) -> bool:
    """True when the nesting cannot pass MAX_DEPTH (block levels, bounded by the line prefixes of
    spaces and dashes, plus flow levels, counted over the brackets alone: brackets inside quoted
    text only make the count larger) and no comment can sit inside a flow collection that spans
    lines (where the two parsers disagree); an unbalanced count leaves the doubt to the precise reader.

    The brackets are read as a skeleton of each line (the bytes kept but []{}, in C), and each distinct
    skeleton is walked once: a file has a handful (`[]`, `{}`, `{[]}`…) over hundreds of lines."""
    block = MAX_DEPTH // 2
    if _DEEP_LINE.search(text):
        return False
    skeleton = (data if data is not None else text.encode("utf-8", "surrogatepass")).translate(None, _NOT_BRACKETS)
    if not skeleton.strip(b"\n"):
        return True  # no bracket at all: block + 1 <= MAX_DEPTH
    lines = skeleton.split(b"\n")
    shapes = {line: _walk(line) for line in set(lines)}
    if all(low >= 0 and end == 0 for low, end, _high in shapes.values()):  # every line closes what it opens
        return block + max(high for _low, end, high in shapes.values()) + 1 <= MAX_DEPTH
    depth = deepest = 0
    spans_lines = False
    for n, line in enumerate(lines):
        low, end, high = shapes[line]
        if depth + low < 0:
            return False
        deepest = max(deepest, depth + high)
        depth += end
        spans_lines = spans_lines or (depth > 0 and n < len(lines) - 1)
    if spans_lines and "#" in text:
        return False
    return depth == 0 and block + deepest + 1 <= MAX_DEPTH


def _walk(line: bytes) -> tuple[int, int, int]:
    """(lowest, final, highest) depth over a line's brackets, from 0."""
    depth = low = high = 0
    for char in line:
        depth += 1 if char in b"[{" else -1
        low, high = min(low, depth), max(high, depth)
    return low, depth, high


_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}\n")


AVAILABLE = ryml is not None


def documents(text: str, agreed: set[bytes] | None = None) -> list[Any] | None:
    """The one document of `text`, or None when the precise reader must decide.

    `agreed`: the digests of the texts this reader took before (kept by the caller, who adds to it):
    one of them is read again without the risk scan, whose answer depends on the text alone (a
    report past the models it can keep reads each document twice)."""
    if ryml is None:
        return None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the precise reader explains
        return None
    key = None
    if agreed is not None:
        import hashlib  # here: --help and the settings' reading need no digest (4 ms of start-up)

        key = hashlib.sha256(data).digest()
    if (key is None or key not in agreed) and (risky(text, data) or not _shallow(text, data)):  # type: ignore[operator]
        return None
    try:
        # rapidyaml writes its parse errors on the C stderr before it raises; the interpreter lock is
        # held while it parses, so no other thread of the program can write while fd 2 is swapped
        with _quiet:
            global _devnull
            if _devnull is None:
                _devnull = os.open(os.devnull, os.O_WRONLY)
            saved = os.dup(2)
            os.dup2(_devnull, 2)
            try:
                tree = ryml.parse_in_arena(data)
                # into a buffer we own: ryml.emit_json's own buffer is never freed (~30 KB a file)
                emitted = bytearray(ryml.compute_json_length(tree, tree.root_id()))
                ryml.emit_json_in_place(tree, emitted)
            finally:
                os.dup2(saved, 2)
                os.close(saved)
        doc = json.loads(emitted, object_pairs_hook=_pairs, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except Exception:  # anything at all: the precise reader decides, and explains
        return None
    if not isinstance(doc, dict):  # every giaoviec document is a mapping
        return None
    if agreed is not None and key is not None:
        agreed.add(key)
    return [doc]
