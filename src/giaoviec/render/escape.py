"""One escaping function per kind of output, used by every renderer: text from a data file or from
a command-line option is shown, never interpreted — not as Markdown or HTML (a pull-request comment,
a report), not as a spreadsheet formula (a cell or a comment line), not as a terminal control
sequence or rich markup, not as a GitHub workflow command, not as a character XML refuses.

| output | function |
|---|---|
| a terminal (rich consoles are made with markup and emoji off: cli/app.py) | `terminal` (`visible`) |
| Markdown: a line, raw HTML inside it, a code span, a link given on the command line | `md`, `md_html`, `md_code`, `md_url` |
| HTML (the report's environment, the SVG charts) | `html` |
| CSV: a cell, a comment line | `csv_cell`, `csv_comment` |
| xlsx: a text cell (stored as text, never a formula: sheets/xlsx.py, sheets/rowsxml.py) | `xlsx` |
| JSON (json.dumps' text, whole or a piece) | `json_text` |
| GitHub workflow commands: a message, a property | `github` |
| docx (Word's XML) | `docx` |
"""

from __future__ import annotations

import re

from giaoviec.characters import REFUSED, SHOWN_AS_CODE, lazy, one_line, visible

__all__ = ["one_line", "visible"]  # beside the functions below

# what `visible` writes as its code (giaoviec.characters: the one definition the models refuse too)
_CONTROL = SHOWN_AS_CODE
_CODED = SHOWN_AS_CODE.pattern[1:-1]  # the same class's contents, for the patterns below
_MD_SPECIAL = lazy(r"([\\`*_\[\]|~])")
_MENTION = lazy(r"([@#])(?=[\w-])")  # @someone pings, #12 links an issue, when posted on a git host
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# whatever md() could change: without any of it, md() gives the text as it is (most values of a report)
_MD_TOUCHED = lazy("[\x00-\x1f" + _CODED + "&<>\\\\`*_\\[\\]|~@#]|://|www\\.|^[ \t#]|^[=+\\-](?:[ \t=+\\-]|$)|^[0-9]{1,9}[.)](?:[ \t]|$)")
# a line that starts with this would start a block (a list, a heading, a rule, an indented code block)
# wherever the value begins one: after "- ", "> " or on a line of its own
_MD_BLOCK = lazy(r"^(?:([=+\-])(?=[ \t=+\-]|$)|([0-9]{1,9})(?=[.)](?:[ \t]|$)))")
# whatever html() could change
_HTML_TOUCHED = lazy(f"[{_CODED}&<>\"']")
ZWSP = "\u200b"


def html(text: object) -> str:
    """Text for HTML, an element's content or a quoted attribute's value: `visible`, then & < > ' "
    written as entities, as markupsafe writes them (&amp; &lt; &gt; &#39; &#34;)."""
    value = str(text)
    if _HTML_TOUCHED.search(value) is None:  # most values: one search
        return value
    value = visible(value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace('"', "&#34;")


def text_ok(text: str) -> bool:
    """Whether text from the command line holds only characters a data file may hold."""
    return REFUSED.search(text) is None and "\r" not in text


def terminal(text: object) -> str:
    """Text for a terminal (keeps line feeds and tabs)."""
    return visible(text)


def md(text: object) -> str:
    """Text for one line of Markdown (a table cell, a list item, a heading), as GitHub renders it:
    no raw HTML or comment (<, >, & as entities), no Markdown markup (\\ ` * _ [ ] | ~ escaped),
    no line break, no mention or issue reference (a zero-width space after @ and #), no autolink."""
    value = "" if text is None else str(text)
    if _MD_TOUCHED.search(value) is None:
        return value
    value = visible(value).replace("\r", " ").replace("\n", " ")
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    value = _MENTION.sub(lambda m: m.group(1) + ZWSP, value)
    value = value.replace("://", ":" + ZWSP + "//").replace("www.", "www" + ZWSP + ".")
    return _md_block(value)


def _md_block(value: str) -> str:
    """No block from the value's start: leading spaces (an indented code block) dropped, a leading
    # (a heading), = + - (a list, a rule, a heading's underline), 1. or 1) (a numbered list) escaped."""
    value = value.lstrip(" \t")
    if value.startswith("#"):
        return "\\" + value
    return _MD_BLOCK.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\", value, count=1)


_URL = lazy(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def md_url(url: object) -> str:
    """An address given on the command line, in Markdown: a link when it is a plain http(s) address,
    else text (`md`)."""
    value = str(url)
    return f"<{value}>" if _URL.fullmatch(value) else md(value)


def md_html(text: object) -> str:
    """Text inside raw HTML of a Markdown document (a <summary>): entities for < > & and quotes,
    no mention, issue reference or autolink; GitHub renders no Markdown there."""
    value = visible("" if text is None else text).replace("\r", " ").replace("\n", " ")
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    value = _MENTION.sub(lambda m: m.group(1) + ZWSP, value)
    return value.replace("://", ":" + ZWSP + "//").replace("www.", "www" + ZWSP + ".")


def md_code(text: object) -> str:
    """Text as a Markdown code span (a file path): literal inside, unless it holds a backtick."""
    value = visible(text).replace("\r", " ").replace("\n", " ")
    return md(value) if "`" in value else f"`{value}`"


def csv_comment(text: object) -> str:
    """The text of a CSV comment line ("# …", what a table leaves out), on one line: a spreadsheet
    that splits it into cells at , ; tab or | finds no cell that starts a formula or a quote (an
    apostrophe put before it, as `csv_cell` does)."""
    value = visible(text).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    value = "'" + value if value.startswith(_FORMULA) or value.startswith('"') else value
    return _CSV_SPLIT.sub(lambda m: m.group(1) + "'" + m.group(2), value)


_CSV_SPLIT = lazy(r"([,;|][ ]*)([=+\-@\"])")


def json_text(text: str) -> str:
    """JSON text (json.dumps' with ensure_ascii off, whole or a piece) whose strings hold no raw
    control character, bidirectional override or lone surrogate: each written as its \\u escape, so
    the value read back is the same. (json writes those below U+0020 escaped already.)"""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(_json_code, text)


def _json_code(m: re.Match[str]) -> str:
    n = ord(m.group())
    if n <= 0xFFFF:
        return f"\\u{n:04x}"
    n -= 0x10000  # a tag character: JSON writes it as its surrogate pair
    return f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}"


def github(text: object, prop: bool = False) -> str:
    """Text in a GitHub workflow command (`::error file=…::message`): control characters made
    visible, then % CR LF (and in a property : ,) percent-encoded as the runner reads them."""
    value = visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def docx(text: object) -> str:
    """Text for a Word document: `visible` (XML 1.0 cannot hold most control characters; a bidi
    override would turn the text around); line feeds and tabs kept."""
    return visible(text)


def xlsx(text: object) -> str:
    """A workbook's text cell: `visible` (a workbook cannot hold control characters). The writers
    store it as text, never as a formula, whatever it starts with (`is_formula_like`)."""
    return visible(text)


def csv_cell(value: object) -> object:
    """A CSV cell: numbers as they are; text that a spreadsheet would take for a formula (it starts
    with = + - @, a tab or a carriage return) gets the customary leading apostrophe."""
    if not isinstance(value, str):
        return value
    text = visible(value)
    return "'" + text if text.startswith(_FORMULA) else text


def is_formula_like(text: str) -> bool:
    return text.startswith(_FORMULA)
