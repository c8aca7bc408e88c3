"""`dskb help [COMMAND]…`: the help of dskb or of one of its commands, as `git help` gives it."""

from typing import Annotated, Any

import typer

from deepseek_kb.commands.common import app, session
from deepseek_kb.errors import UsageError


def _command(ctx: typer.Context, words: list[str]) -> tuple[Any, typer.Context]:
    """The command the words name, from the top, with a context whose path is theirs."""
    context: typer.Context = ctx.find_root()  # type: ignore[assignment]
    command: Any = context.command
    for word in words:
        found = command.get_command(context, word) if hasattr(command, "get_command") else None
        if found is None:
            raise UsageError.of("usage.not_a_command", words=" ".join(["dskb", *words]))
        context = typer.Context(found, info_name=word, parent=context)
        command = found
    return command, context


def _complete(ctx: typer.Context, args: list[str], incomplete: str) -> list[str]:
    """The commands (or subcommands) that can follow the words typed after `help`."""
    words = list(ctx.params.get("words") or [])
    try:
        command, context = _command(ctx, words)
    except UsageError:
        return []
    names = command.list_commands(context) if hasattr(command, "list_commands") else []
    return [str(n) for n in names if str(n).startswith(incomplete)]


@app.command(
    "help", epilog="Examples: dskb help · dskb help models · dskb help models show · dskb help cite"
)
def help(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[COMMAND]...",
            help="A command, and a subcommand: models, models show, quote.",
            show_default=False,
            autocompletion=_complete,
        ),
    ] = None,
) -> None:
    """The help of dskb, or of one command (dskb help models show is dskb models show --help)."""
    run = session(ctx)
    command, context = _command(ctx, words or [])
    run.terminal.write_text(command.get_help(context) + "\n")
