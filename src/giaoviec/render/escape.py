"""One escaping function per kind of output, used by every renderer: text from a data file is
shown, never interpreted — not as Markdown or HTML (a pull-request comment, a report), not as a
spreadsheet formula, not as a terminal control sequence."""

from __future__ import annotations

import re

# control characters (but tab and line feed), lone surrogates, bidirectional overrides
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MENTION = re.compile(r"([@#])(?=[\w-])")  # @someone pings, #12 links an issue, when posted on a git host
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# whatever md() could change: without any of it, md() gives the text as it is (most values of a report)
_MD_TOUCHED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069&<>\\\\`*_\\[\\]|~@#]|://|www\\.")
# whatever html() could change
_HTML_TOUCHED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069&<>\"']")
ZWSP = "\u200b"


def visible(text: object) -> str:
    """The text with every control character, lone surrogate and bidirectional override written
    as its code (\\u001b): nothing reaches a terminal or a document that acts instead of showing."""
    value = str(text)
    if _CONTROL.search(value) is None:  # most texts: one search, half the time of a substitution
        return value
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


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
    return _CONTROL.search(text.replace("\t", " ").replace("\n", " ")) is None


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
    return value.replace("://", ":" + ZWSP + "//").replace("www.", "www" + ZWSP + ".")


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


def csv_cell(value: object) -> object:
    """A CSV cell: numbers as they are; text that a spreadsheet would take for a formula (it starts
    with = + - @, a tab or a carriage return) gets the customary leading apostrophe."""
    if not isinstance(value, str):
        return value
    text = visible(value)
    return "'" + text if text.startswith(_FORMULA) else text


def is_formula_like(text: str) -> bool:
    return text.startswith(_FORMULA)
