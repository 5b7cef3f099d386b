"""`giaoviec --help` (and `-h`, after `--lang vi|en` or not) answered before Typer is imported: the
main help is the command line's own texts (the main options' helps are these, cli/app.py uses them;
each command's name and help, held here, are compared with the registered commands' by
tests/test_quickhelp.py) laid out as Click's HelpFormatter lays out a group's help (the usage line,
the help's paragraphs, the options and the commands, each command's help cut as
`make_default_short_help` cuts it), at the same width (`shutil.get_terminal_size`, at most 80
columns). What this cannot lay out exactly (a word longer than its column, a usage line that would
wrap, a language read from giaoviec.yaml that the cache does not hold, a stream that is not UTF-8,
Click's shell completion asked for) returns None, and the command line answers as it always did.
tests/test_quickhelp.py compares stdout, stderr and the exit code, byte for byte, with
`giaoviec.cli.main` over argv, languages, widths and environments.

Buys: `benchmarks/ab.py --old int --files 1 --pairs 20 --only=--help` (7 December, load average about 2.4):
`--help` (ab.py's form, `-C repo`, cache off) 0.21 → 0.13 s wall (× 0.70), CPU 0.19 → 0.13 s (× 0.66);
`giaoviec --help` alone, 20 alternated runs, medians: 154 → 100 ms wall (CPU 152 → 97 ms), the console
script 93 ms: the bar of ≤ 150 ms (docs/performance.md, Devices).
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap

from giaoviec.i18n import N_

MAIN_HELP = N_("giaoviec: tasks assigned to cadres and judged by what they deliver — checks (validate), scores, reports.\n\n"
               "Example: giaoviec -C examples/vinh-phuc validate")
ROOT_HELP = N_("The data repository (default: the first folder holding giaoviec.yaml, from the current folder up).")
LANG_HELP = N_("Language: vi | en (messages, help and reports).")
DEBUG_HELP = N_("Print the traceback of an internal error.")
VERSION_HELP = N_("Print the version.")
OPTIONS: tuple[tuple[str, str], ...] = (  # the main options as the help lists them (Click's help record) and their helps
    ("-C, --root <path>", ROOT_HELP), ("--lang <vi|en>", LANG_HELP), ("--debug", DEBUG_HELP), ("--version", VERSION_HELP),
    ("-h, --help", "Show this message and exit."),
)
COMMANDS: tuple[tuple[str, str], ...] = (  # each command's name and help (a msgid), in the order the help lists them
    ('validate', N_('Check every file: YAML syntax, schema, the 5 rõ/6 rõ rules, references, dates.\n\nExample: giaoviec -C examples/vinh-phuc validate --format json')),
    ('rules', N_('List every diagnostic code and clarity rule, with a passing and a failing example.\n\nExample: giaoviec rules --lang en')),
    ('schema', N_('Write the JSON Schemas (draft-07, with descriptions in the chosen language) of every kind of document, for editors.\n\nExample: giaoviec schema --out schemas')),
    ('score', N_('Score and rate every assignment of YEAR under the scoring profile in force.\n\nExample: giaoviec -C examples/vinh-phuc score 2022 --explain')),
    ('report', N_("A unit's report on the tasks: Markdown, HTML (prints on A4), or a Word or PDF document in the prescribed form.\n\nExample: giaoviec -C examples/vinh-phuc report --unit yen-lac --year 2022 --format docx --out bao-cao.docx")),
    ('stats', N_('Figures: cadres, tasks, the four status groups, tiers, the share of commune secretaries and chairs who are not local.\n\nExample: giaoviec -C examples/vinh-phuc stats --year 2022 --unit yen-lac')),
    ('progress', N_('Add a check-in (or record the outcome) to a file, every other line kept as it is.\n\nExample: giaoviec progress assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml#01 --value 3 --note "Đã hợp nhất dữ liệu"')),
    ('init', N_('A new data repository: configuration, units, cadres, CI, pre-commit, CODEOWNERS, editor settings; git init where the folder is in no git repository, the new repository validated, the next steps printed.\n\nExample: giaoviec init kho-giao-viec --organization "Đảng bộ tỉnh Phú Thọ" --commit')),
    ('status', N_('The follow-up list: tasks overdue, due soon, or without a check-in this period.\n\nExample: giaoviec status --unit nguyet-duc-phu-tho --within 45')),
    ('diff', N_('What changed between two revisions, in the domain\'s words, and what it does to points and tiers.\n\nExample: giaoviec diff origin/main --format md >> "$GITHUB_STEP_SUMMARY"')),
    ('serve', N_('The repository in a browser: overview, units, cadres, tasks, problems, deadlines; check-ins from a form; deadlines as a calendar.\n\nExample: giaoviec -C examples/vinh-phuc serve --open')),
    ('export', N_("The tasks (their 5 rõ, status, points) as Excel, CSV or JSON; or the council's scoring sheet.\n\nExample: giaoviec -C examples/vinh-phuc export --year 2022 --unit yen-lac --out giao-viec-2022.xlsx")),
    ('import', N_("Assignments from a workbook (a row per task), or the council's scores from its scoring sheet.\n\nExample: giaoviec import giao-viec-2027.xlsx --dry-run")),
    ('new', N_('New files from a template.')),
)
_HELP = (["--help"], ["-h"])


def command_help(name: str) -> str:
    """A command's help (a msgid): the command line registers its commands with these texts, so the
    main help answered here and Typer's cannot drift apart."""
    return dict(COMMANDS)[name]


def line_language(args: list[str]) -> tuple[str | None, str | None] | None:
    """(-C's folder, --lang's value) of `[-C DIR | --root DIR | --root=DIR] [--lang vi|en | --lang=vi|en]
    --help|-h` (each None when not given); None for any other line."""
    if args[-1:] not in _HELP:
        return None
    head = args[:-1]
    root: str | None = None
    if head[:1] in (["-C"], ["--root"]) and len(head) > 1:
        root, head = head[1], head[2:]
    elif head[:1] and head[0].startswith("--root="):
        root, head = head[0].split("=", 1)[1], head[1:]
    if root == "":
        return None
    if not head:
        return root, None
    if len(head) == 2 and head[0] == "--lang" and head[1] in ("vi", "en"):
        return root, head[1]
    if len(head) == 1 and head[0] in ("--lang=vi", "--lang=en"):
        return root, head[0].split("=", 1)[1]
    return None


def answer(args: list[str]) -> str | None:
    """The main help as the command line prints it (with its newline), or None (the command line answers)."""
    line = line_language(args)
    if line is None or any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None
    if not all((getattr(stream, "encoding", None) or "").lower().replace("-", "") == "utf8" for stream in (sys.stdout, sys.stderr)):
        return None
    root, lang = line
    lang = lang or _language(root)
    if lang is None:
        return None
    from giaoviec.i18n import translator

    return _help(translator(lang))


def _language(root_option: str | None) -> str | None:
    """The help's language as cli/app.Session.lang chooses it; None when only the model could say it."""
    from pathlib import Path

    from giaoviec.load.environment import Environment
    from giaoviec.load.files import CONFIG_FILE, find_root

    env = Environment.read()
    if env.lang:
        return env.lang
    if root_option is not None:  # (Session.root: no giaoviec.yaml there, no configured language)
        root = Path(root_option).resolve() if (Path(root_option) / CONFIG_FILE).is_file() else None
    else:
        root = find_root(Path.cwd())
    if root is not None:
        from giaoviec.load import settings

        named = settings.kept_language(root, env.cache_folder) if env.cache_folder is not None else settings.language(root)
        return named  # (None: giaoviec.yaml's language is the model's to say, the command line's)
    return env.locale_lang or "vi"


def _help(_: object) -> str | None:
    assert callable(_)
    width = max(min(shutil.get_terminal_size().columns, 80) - 2, 50)
    out: list[str] = []
    prefix = _("Usage:") + " " + "giaoviec "
    usage = _("[OPTIONS]") + " " + _("COMMAND [ARGS]...")
    if len(prefix) + len(usage) > width or width < len(prefix) + 20:
        return None
    out.append(prefix + usage + "\n")
    out.append("\n")
    text = _fill(_(MAIN_HELP), width, "  ")
    if text is None:
        return None
    out.append(text + "\n")
    for heading, rows in ((_("Options"), [(term, _(help)) for term, help in OPTIONS]), (_("Commands"), _commands(_, width))):
        table = _rows(rows, width)
        if table is None:
            return None
        out.append("\n" + heading + ":\n" + table)
    return "".join(out).rstrip("\n") + "\n"


def _fill(text: str, width: int, indent: str) -> str | None:
    """click's wrap_text(preserve_paragraphs=True) of paragraphs with no indentation and no \\b."""
    paragraphs = [" ".join(p.splitlines()) for p in text.expandtabs().split("\n\n")]
    if any(not p or p[0].isspace() or "\b" in p or "\n" in p for p in paragraphs):
        return None
    wrapper = textwrap.TextWrapper(width, initial_indent=indent, subsequent_indent=indent, replace_whitespace=False)
    if any(len(word) > width - len(indent) for p in paragraphs for word in p.split()):
        return None  # (click breaks a long word its own way)
    return "\n\n".join(wrapper.fill(p) for p in paragraphs)


def _rows(rows: list[tuple[str, str]], width: int) -> str | None:
    """HelpFormatter.write_dl at indent 2 (col_max 30, col_spacing 2)."""
    first_col = min(max(len(term) for term, _ in rows), 30) + 2
    text_width = max(width - first_col - 2, 10)
    lines = []
    for term, help in rows:
        if len(term) > first_col - 2:
            return None
        wrapped = _fill(help, text_width, "") if help else ""
        if wrapped is None:
            return None
        parts = wrapped.splitlines()
        head = "  " + term + " " * (first_col - len(term))
        if not parts:
            lines.append("  " + term + "\n")
            continue
        lines.append(head + parts[0] + "\n")
        lines.extend(" " * (first_col + 2) + part + "\n" for part in parts[1:])
    return "".join(lines)


def _commands(_: object, width: int) -> list[tuple[str, str]]:
    assert callable(_)
    limit = width - 6 - max(len(name) for name, _h in COMMANDS)
    return [(name, short_help(_(help), limit)) for name, help in COMMANDS]


def short_help(help: str, max_length: int) -> str:
    """Click's make_default_short_help: the first paragraph, cut at a sentence's end or with '...'."""
    words = help.split("\n\n", 1)[0].split()
    if not words:
        return ""
    total = 0
    last = len(words) - 1
    for i, word in enumerate(words):
        total += len(word) + (i > 0)
        if total > max_length:
            break
        if word[-1] == ".":
            return " ".join(words[: i + 1])
        if total == max_length and i != last:
            break
    else:
        return " ".join(words)
    total += len("...")
    while i > 0:
        total -= len(words[i]) + (i > 0)
        if total <= max_length:
            break
        i -= 1
    return " ".join(words[:i]) + "..."
