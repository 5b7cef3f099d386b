"""The words of the command line's own machinery (Typer and the copy of Click it carries): usage,
help and the errors of a mistyped command, as msgids of giaoviec's catalog. `localize` makes the
help of every command speak the run's language (the help texts are msgids too) through Click's own
hook: each command's `context_class` makes a help formatter of ours (`_Formatter`), which writes the
usage prefix, the section headings, the help option's text and a parameter's default and 'required'
in that language. `usage_error` writes a command-line mistake in that language, its message read by
its kind and shape. Nothing of Typer or Click is replaced: Typer's copy of Click has no catalog, and
Typer's own `_` is gettext's, which finds none of ours, so both write English that is said again
here."""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from typer._click.formatting import HelpFormatter

from giaoviec.i18n import N_

WORDS = (  # what Typer and its copy of Click print; each one translated in tools/vi_messages.py
    # written in English by typer.core (its `_` is gettext's, no catalog bound): said again by _Formatter or error_message
    N_("Options"), N_("Commands"), N_("Arguments"), N_("required"), N_("default: {default}"), N_("env var: {var}"), N_("(dynamic)"),
    N_("Aborted!"), N_("Missing command."), N_("No such command {name!r}."),
    # written by _Formatter, or by usage_error
    N_("Usage:"), N_("[OPTIONS]"), N_("COMMAND [ARGS]..."), N_("Show this message and exit."), N_("Missing argument"),
    N_("Missing option"), N_("Missing parameter"), N_("Invalid value for {param_hint}: {message}"), N_("Invalid value: {message}"),
    N_("Error: {message}"), N_("Try '{command} {option}' for help."), N_("No such option {name!r}."), N_("Did you mean {possibility}?"),
)
ARGUMENTS = {  # the usage line's name of each command's arguments (Typer would write the raw "{year}")
    "year": N_("YEAR"), "workbook": N_("WORKBOOK"), "base": N_("BASE"), "head": N_("HEAD"), "paths": N_("PATHS"),
    "folder": N_("FOLDER"),
}
class _Formatter(HelpFormatter):
    """Click's help formatter writing the machinery's own words in the run's language: the usage
    prefix and the arguments' names in it, the section headings, the help option's text and the
    bracket of a parameter's default and 'required' (Typer writes them in English: its `_` is
    gettext's, with no catalog of ours bound)."""

    def __init__(self, translate: Callable[[str], str], arguments: dict[str, str], **options: Any) -> None:
        super().__init__(**options)
        self._ = translate
        self.arguments = arguments  # Typer's name of an argument in the usage line → ours

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = " ".join(self.arguments.get(piece.removesuffix("..."), piece.removesuffix("...")) + "..." * piece.endswith("...")
                        for piece in args.split(" "))
        super().write_usage(prog, args, self._("Usage:") + " " if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(self._(name) if name in _HEADINGS else name):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, self._help(text)) for term, text in rows], col_max, col_spacing)

    def _help(self, text: str) -> str:
        if text == "Show this message and exit.":
            return self._(text)
        if not text.endswith("]"):
            return text
        head, bracket, extra = text.rpartition("[")
        if not bracket:
            return text
        parts = []
        for part in extra[:-1].split("; "):
            if part == "required":
                part = self._("required")
            elif part.startswith("default: "):
                value = part.removeprefix("default: ")
                part = self._("default: {default}").format(default=self._("(dynamic)") if value == "(dynamic)" else value)
            elif part.startswith("env var: "):
                part = self._("env var: {var}").format(var=part.removeprefix("env var: "))
            parts.append(part)
        return head + "[" + "; ".join(parts) + "]"


_HEADINGS = frozenset({"Options", "Commands", "Arguments"})


def localize(command: Any, _: Callable[[str], str]) -> None:
    """The command tree's help texts (msgids), and the machinery's own words, in the language of `_`:
    each command's contexts make `_Formatter`s (Click's `context_class`, set on our own command objects;
    no library is changed)."""
    from typer._click.core import Context

    class _Context(Context):
        def make_formatter(self) -> HelpFormatter:
            return _Formatter(_, _usage_names(self.command, _), width=self.terminal_width, max_width=self.max_content_width)

    _localize_tree(command, _, set(), _Context)


def _usage_names(command: Any, _: Callable[[str], str]) -> dict[str, str]:
    """The usage line's name of each of a command's arguments, as Typer writes it ('{year}', '[head]')
    → in the run's language (NĂM, [BẢN_SAU]; a metavar as it is)."""
    names = {}
    for param in command.params:
        if param.param_type_name == "argument":
            raw = param.metavar or param.name or ""
            said = param.metavar or _(ARGUMENTS.get(param.name or "", (param.name or "").upper()))
            names["{" + raw + "}" if param.required else "[" + raw + "]"] = said if param.required else f"[{said}]"
    return names


def _localize_tree(command: Any, _: Callable[[str], str], seen: set[int], context: type) -> None:
    if id(command) in seen:
        return
    seen.add(id(command))
    command.context_class = context
    for name in ("help", "short_help", "epilog"):
        value = getattr(command, name, None)
        if value:
            setattr(command, name, _(value))
    command.options_metavar = _("[OPTIONS]")
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = _("COMMAND [ARGS]...")
    for param in command.params:
        value = getattr(param, "help", None)
        if value:
            param.help = _(value)
    for sub in getattr(command, "commands", {}).values():
        _localize_tree(sub, _, seen, context)


SHAPES: tuple[tuple[str, str], ...] = (  # an English message of the machinery (a pattern) → its msgid; compiled at the first error
    (r"Input should be a valid integer.*", N_("a whole number is expected")),
    (r"Input should be a valid number.*", N_("a number is expected")),
    (r"(?P<value>'.*') is not one of (?P<choices>.*)\.", N_("{value} is not one of {choices}.")),
    (r"Value (?P<value>'.*') is not a valid (?P<kind>.*)\.", N_("{value} is not a valid {kind}.")),
    (r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", N_("Got unexpected extra arguments ({args})")),
    (r"Option (?P<name>'.*') requires an argument\.", N_("Option {name} requires an argument.")),
    (r"(?P<value>.*) is not in the range (?P<range>.*)\.", N_("{value} is not in the range {range}.")),
    (r"Missing command\.", N_("Missing command.")),
)
_NO_SUCH_COMMAND = r"No such command (?P<name>'.*'|\".*\")\."


@functools.cache
def _shapes() -> tuple[tuple[re.Pattern[str], str], ...]:
    """SHAPES compiled (at the first usage error: a run without one compiles none)."""
    return tuple((re.compile(pattern), msgid) for pattern, msgid in SHAPES)


def _said(message: str, _: Callable[[str], str]) -> str:
    message = message.removeprefix("Value error, ")  # pydantic's wording of a validator's error, in Typer's parameters
    for shape, msgid in _shapes():
        if m := shape.fullmatch(message):
            return _(msgid).format(**m.groupdict())
    return message


def _hint(exc: Any) -> str:
    """The parameter a usage error is about, as Click names it ('--format' / '-f')."""
    hint: Any = exc.param_hint if exc.param_hint is not None else exc.param.get_error_hint() if exc.param is not None else ""
    return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint or "")


def error_message(exc: Any, _: Callable[[str], str]) -> str:
    """The message of a command-line mistake, in the language of `_`."""
    from typer._click import exceptions as e

    if isinstance(exc, e.NoSuchOption):
        said = _("No such option {name!r}.").format(name=exc.option_name)
        if exc.possibilities:
            said += " " + _("Did you mean {possibility}?").format(possibility=", ".join(sorted(exc.possibilities)))
        return said
    if isinstance(exc, e.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
        hint = _hint(exc)
        return {"argument": _("Missing argument"), "option": _("Missing option")}.get(kind, _("Missing parameter")) + (f" {hint}." if hint else ".")
    if isinstance(exc, e.BadParameter):
        hint = _hint(exc)
        if not hint:
            return _("Invalid value: {message}").format(message=_said(exc.message, _))
        return _("Invalid value for {param_hint}: {message}").format(param_hint=hint, message=_said(exc.message, _))
    message = exc.format_message()
    head, _sep, tail = message.partition(" Did you mean ")  # "No such command 'scor'. Did you mean 'score'?"
    if not tail.endswith("?"):
        head, tail = message, ""
    if m := re.fullmatch(_NO_SUCH_COMMAND, head):
        head = _("No such command {name!r}.").format(name=ast.literal_eval(m.group("name")))
    else:
        head = _said(head, _)
    return head + " " + _("Did you mean {possibility}?").format(possibility=tail[:-1]) if tail else head


def usage_error(exc: Any, _: Callable[[str], str]) -> str:
    """What Click prints for a usage error (usage, how to get help, the error), in the language of `_`."""
    lines = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(_("Try '{command} {option}' for help.").format(command=ctx.command_path, option=ctx.help_option_names[0]))
        lines.append("")
    lines.append(_("Error: {message}").format(message=error_message(exc, _)))
    return "\n".join(lines)
