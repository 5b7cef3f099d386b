"""The words of the command line's own machinery (Typer and the copy of Click it carries): usage,
help and the errors of a mistyped command, as msgids of giaoviec's catalog. `localize` makes the
help of every command speak the run's language (the help texts are msgids too); `usage_error`
writes a command-line mistake in that language. Typer's copy of Click has no catalog of its own:
its few user-facing words are replaced where they are made (the usage prefix, the help option), and
its error messages are read by their kind and shape."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from giaoviec.i18n import N_

WORDS = (  # what Typer and its copy of Click print; each one translated in tools/vi_messages.py
    # looked up by typer.core through its `_`
    N_("Options"), N_("Commands"), N_("Arguments"), N_("required"), N_("default: {default}"), N_("env var: {var}"), N_("(dynamic)"),
    N_("Aborted!"), N_("Missing command."), N_("No such command {name!r}."),
    # replaced where they are made (localize), or written by usage_error
    N_("Usage:"), N_("[OPTIONS]"), N_("COMMAND [ARGS]..."), N_("Show this message and exit."), N_("Missing argument"),
    N_("Missing option"), N_("Missing parameter"), N_("Invalid value for {param_hint}: {message}"), N_("Invalid value: {message}"),
    N_("Error: {message}"), N_("Try '{command} {option}' for help."), N_("No such option {name!r}."), N_("Did you mean {possibility}?"),
)
ARGUMENTS = {  # the usage line's name of each command's arguments (Typer would write the raw "{year}")
    "year": N_("YEAR"), "workbook": N_("WORKBOOK"), "base": N_("BASE"), "head": N_("HEAD"), "paths": N_("PATHS"),
    "folder": N_("FOLDER"),
}
_current: list[Callable[[str], str]] = [lambda message: message]  # the run's translator, read by the replaced functions


def _translate(message: str) -> str:
    return _current[0](message)


def localize(command: Any, _: Callable[[str], str]) -> None:
    """The command tree's help texts (msgids), and the machinery's own words, in the language of `_`."""
    import typer.core
    from typer._click import core, formatting

    _current[0] = _
    setattr(typer.core, "_", _translate)  # noqa: B010 - "Options", "Commands", "Arguments", "default: …", "No such command …"
    write_usage = formatting.HelpFormatter.write_usage
    if not getattr(write_usage, "localized", False):  # replaced once per process; they read the translator of the run
        def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
            write_usage(self, prog, args, _translate("Usage:") + " " if prefix is None else prefix)
        usage.localized = True  # type: ignore[attr-defined]
        formatting.HelpFormatter.write_usage = usage  # type: ignore[method-assign]
        get_help_option = core.Command.get_help_option

        def help_option(self: Any, ctx: Any) -> Any:
            option = get_help_option(self, ctx)
            if option is not None:
                option.help = _translate("Show this message and exit.")
            return option
        core.Command.get_help_option = help_option  # type: ignore[method-assign]

        def usage_name(self: Any) -> str:  # NĂM, [BẢN_SAU]: Click's usage, in the run's language, not Typer's "{year}"
            name = self.metavar or _translate(ARGUMENTS.get(self.name or "", (self.name or "").upper()))
            return (name if self.required else f"[{name}]") + ("..." if self.nargs != 1 else "")
        typer.core.TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]
    _localize_tree(command, _, set())


def _localize_tree(command: Any, _: Callable[[str], str], seen: set[int]) -> None:
    if id(command) in seen:
        return
    seen.add(id(command))
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
        _localize_tree(sub, _, seen)


SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (  # an English message of the machinery → its msgid
    (re.compile(r"Input should be a valid integer.*"), N_("a whole number is expected")),
    (re.compile(r"Input should be a valid number.*"), N_("a number is expected")),
    (re.compile(r"(?P<value>'.*') is not one of (?P<choices>.*)\."), N_("{value} is not one of {choices}.")),
    (re.compile(r"Value (?P<value>'.*') is not a valid (?P<kind>.*)\."), N_("{value} is not a valid {kind}.")),
    (re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)"), N_("Got unexpected extra arguments ({args})")),
    (re.compile(r"Option (?P<name>'.*') requires an argument\."), N_("Option {name} requires an argument.")),
    (re.compile(r"(?P<value>.*) is not in the range (?P<range>.*)\."), N_("{value} is not in the range {range}.")),
)


def _said(message: str, _: Callable[[str], str]) -> str:
    message = message.removeprefix("Value error, ")  # pydantic's wording of a validator's error, in Typer's parameters
    for shape, msgid in SHAPES:
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
    if " Did you mean " in message and message.endswith("?"):  # "No such command 'scor'. Did you mean 'score'?"
        head, _sep, tail = message.partition(" Did you mean ")
        return head + " " + _("Did you mean {possibility}?").format(possibility=tail[:-1])
    return _said(message, _)


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
