"""The command line as gh reads: global options anywhere, help that reads at any width with
examples, and completion that offers a group's subcommands beside its values."""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable
from typing import Any

from typer.core import TyperCommand, TyperGroup

from deepseek_kb.commands.usage import help_lang

# The app's own options, which gh and git take anywhere on the line, and how many values each
# takes. Given after the command they are moved before it (unless the command has its own
# option of that name, as `validate --data-dir` does, and as every record command keeps its
# own --lang).
GLOBAL_OPTIONS = {
    "--pager": 0,
    "--no-pager": 0,
    "--color": 1,
    "--data-dir": 1,
    "--bom": 0,
    "--lang": 1,
}

EXAMPLES = (
    "Examples: dskb models --compare · dskb models show V3 · dskb search 'V3 training cost' · "
    "dskb search 深度求索有多少员工 · dskb quote 创新 --lang both · dskb explain MLA · "
    "dskb timeline --since 2025 --type open-source · dskb cite deepseek-v3 --field training_cost"
    " · dskb help models show"
)

# The commands of `dskb --help`, in sections and in this order; any other comes last.
SECTIONS = (
    (
        "Records",
        (
            "models",
            "projects",
            "timeline",
            "search",
            "quote",
            "explain",
            "people",
            "company",
            "sources",
            "cite",
            "verify",
        ),
    ),
    ("Data and tools", ("export", "validate", "schema", "info", "mcp", "help")),
)


def hoisted(args: list[str], own: Callable[[str], frozenset[str]]) -> list[str]:
    """The arguments with global options given after the command moved before it.

    `own(command)` names the options the command (and its subcommands) define themselves."""
    words = list(args)
    at = _command_at(words)
    if at is None:
        return words
    mine = own(words[at])
    moved: list[str] = []
    rest: list[str] = []
    i = at + 1
    while i < len(words):
        word = words[i]
        name = word.split("=", 1)[0]
        if word == "--":
            rest.extend(words[i:])
            break
        if name in GLOBAL_OPTIONS and name not in mine:
            takes = GLOBAL_OPTIONS[name] if "=" not in word else 0
            moved.extend(words[i : i + 1 + takes])
            i += 1 + takes
            continue
        rest.append(word)
        i += 1
    return [*words[:at], *moved, words[at], *rest]


def _command_at(words: list[str]) -> int | None:
    """Where the command's name is: the first word that is not an option or an option's value."""
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--":
            return None
        if not word.startswith("-"):
            return i
        name = word.split("=", 1)[0]
        valued = GLOBAL_OPTIONS.get(name, 0)
        i += 1 + (valued if "=" not in word else 0)
    return None


def options_of(command: Any) -> frozenset[str]:
    """Every option name a command or its subcommands define."""
    names = {opt for param in command.params for opt in param.opts}
    for sub in getattr(command, "commands", {}).values():
        names |= options_of(sub)
    return frozenset(names)


def said(text: str) -> str:
    """A help text or heading (in English, as the code has it) in the language of the run's
    help: its Chinese from the catalogue (`messages.help`) under --lang zh."""
    text = " ".join(text.split())
    if help_lang() != "zh":
        return text
    from deepseek_kb.messages.click import click_text
    from deepseek_kb.messages.help import HELP

    return HELP.get(text) or click_text(text, "zh")  # Click's own (--help), if built earlier


def summary(command: Any) -> str:
    """A command's summary for a list of commands: the first paragraph of its help, whole."""
    return said(command.short_help or (command.help or "").split("\n\n")[0])


def write_examples(formatter: Any, epilog: str | None) -> None:
    """'Examples: a · b' as gh prints them: a heading, then one command a line, never wrapped."""
    if not epilog:
        return
    head, colon, rest = epilog.partition(":")
    if not colon or head.strip() not in ("Examples", "Example"):
        formatter.write_paragraph()
        formatter.write_text(epilog)
        return
    with formatter.section(said(head)):
        for example in (e.strip() for e in rest.split(" · ")):
            if example:
                formatter.write(f"{'':>{formatter.current_indent}}$ {example}\n")


def _lines(text: str, width: int) -> list[str]:
    """A paragraph wrapped in terminal cells (a Chinese character takes two)."""
    from deepseek_kb.render.layout import wrap_offsets

    text = " ".join(text.split())
    cuts = [0, *wrap_offsets(text, width), len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(cuts)]


def write_rows(formatter: Any, rows: list[tuple[str, str]], widest: int = 30) -> None:
    """Names (commands, options) and their texts in two columns, the texts wrapped in terminal
    cells so no line is wider than the help; a name wider than `widest` stands on its own."""
    column = min(widest, max(len(name) for name, _ in rows)) + 2
    indent = formatter.current_indent
    room = max(20, formatter.width - indent - column)
    for name, text in rows:
        lines = _lines(text, room) if text else []
        if len(name) > column - 2:
            formatter.write(f"{'':>{indent}}{name}\n")
            head = [" " * column]
        else:
            head = [name.ljust(column)]
        for number, line in enumerate(lines or [""]):
            first = head[0] if number == 0 else " " * column
            formatter.write(f"{'':>{indent}}{first}{line}".rstrip() + "\n")


def write_help(command: Any, ctx: Any, formatter: Any) -> None:
    """A command's help text, its paragraphs wrapped in terminal cells."""
    text = inspect.cleandoc(command.help or "").partition("\f")[0]
    if not text:
        return
    formatter.write_paragraph()
    indent = formatter.current_indent + 2
    for number, paragraph in enumerate(text.split("\n\n")):
        if number:
            formatter.write("\n")
        for line in _lines(said(paragraph), max(20, formatter.width - indent)):
            formatter.write(f"{'':>{indent}}{line}\n")


def write_options(command: Any, ctx: Any, formatter: Any) -> None:
    """Arguments, then options, as Typer lists them, wrapped in terminal cells."""
    kinds: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is not None and param.param_type_name in kinds:
            names, text = record
            if param.help:  # the text is the help and what Click adds: [default: …]
                text = text.replace(param.help, said(param.help), 1)
            kinds[param.param_type_name].append((names, text))
    for title, rows in (("Arguments", kinds["argument"]), ("Options", kinds["option"])):
        if rows:
            with formatter.section(said(title)):
                write_rows(formatter, rows)


class HelpfulCommand(TyperCommand):
    """A command whose help reads at any width and ends with its examples, one a line."""

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        write_help(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        write_options(self, ctx, formatter)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        write_examples(formatter, self.epilog)


def with_examples(app: Any) -> None:
    """Every command of the app (and of its groups) ends its help with its examples."""
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = HelpfulCommand
    for group in app.registered_groups:
        if group.typer_instance is not None:
            with_examples(group.typer_instance)


class HelpfulGroup(TyperGroup):
    """A group whose help lists its commands in sections with whole summaries, then examples."""

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        write_help(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        write_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        order = [n for _, section in SECTIONS for n in section]
        return sorted(names, key=lambda n: order.index(n) if n in order else len(order))

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, summary(command)))
        placed = {n for _, section in SECTIONS for n in section}
        sections = [(title, [r for r in rows if r[0] in names]) for title, names in SECTIONS]
        sections.append(("Commands", [r for r in rows if r[0] not in placed]))
        for title, section_rows in sections:
            if section_rows:
                with formatter.section(said(title)):
                    write_rows(formatter, section_rows)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        write_examples(formatter, self.epilog)


class TopGroup(HelpfulGroup):
    """The app: global options are read wherever they stand."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        def own(name: str) -> frozenset[str]:
            command = self.commands.get(name)
            return options_of(command) if command is not None else frozenset(GLOBAL_OPTIONS)

        return super().parse_args(ctx, hoisted(args, own))


class ListByDefault(HelpfulGroup):
    """`dskb models …` and `dskb projects …` run `list` unless the first word is `show`;
    completing the first word offers the subcommands and the values `list` takes."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        completing_first_word = ctx.resilient_parsing and not args
        if not completing_first_word and (
            not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names)
        ):
            args = ["list", *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        offered = list(super().shell_complete(ctx, incomplete))
        listing = self.commands.get("list")
        if listing is None or incomplete.startswith("-"):
            return offered
        for param in listing.params:
            if param.param_type_name == "argument":
                offered.extend(param.shell_complete(ctx, incomplete))
        return offered
