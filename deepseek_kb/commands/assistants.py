"""`dskb mcp`: dskb for AI assistants, as a read-only MCP server on stdin and stdout."""

import importlib.util
from typing import Annotated

import typer

from deepseek_kb.assistants.clients import Client, config_text
from deepseek_kb.commands.common import LangOpt, app, session
from deepseek_kb.errors import DskbError


@app.command(
    epilog="Examples: dskb mcp · dskb mcp --print-config claude-desktop · dskb mcp --print-config vscode > .vscode/mcp.json"
)
def mcp(
    ctx: typer.Context,
    print_config: Annotated[
        Client | None,
        typer.Option(
            "--print-config",
            help="Print the configuration for claude-desktop, claude-code, vscode or cursor.",
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Serve dskb to AI assistants over MCP (stdio): search, answer, cite, read-only."""
    run = session(ctx, lang)
    if print_config is not None:
        text, where = config_text(print_config, run.settings.data_dir)
        run.terminal.write_text(text)
        run.terminal.note(f"put this in {where}")
        return
    if importlib.util.find_spec("mcp") is None:
        raise DskbError.of("usage.mcp_missing")
    from deepseek_kb.assistants.server import serve

    run.index  # noqa: B018 - open (or build) the index now: bad data stops here, exit 3
    serve(run.settings)
