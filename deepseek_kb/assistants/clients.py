"""`dskb mcp --print-config CLIENT`: the configuration that makes a client start `dskb mcp`.

Claude Desktop, Claude Code and Cursor read an `mcpServers` object; VS Code reads `servers`,
each with `type: stdio`. The command is the `dskb` installed next to the running Python, so a
desktop app that does not see the shell's PATH still finds it.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any


class Client(StrEnum):
    """An assistant whose MCP configuration dskb can print."""

    claude_desktop = "claude-desktop"
    claude_code = "claude-code"
    vscode = "vscode"
    cursor = "cursor"


# Where each client reads the configuration (said on stderr, so stdout stays pure JSON).
WHERE = {
    Client.claude_desktop: "claude_desktop_config.json (Settings → Developer → Edit Config); "
    "merge the mcpServers entry, then restart Claude Desktop",
    Client.claude_code: ".mcp.json at the root of the project (or: claude mcp add dskb -- "
    "{command})",
    Client.vscode: ".vscode/mcp.json in the workspace (or: MCP: Add Server… in the command "
    "palette)",
    Client.cursor: ".cursor/mcp.json in the project, or ~/.cursor/mcp.json for every project",
}


def dskb_command() -> str:
    """The `dskb` next to the running Python when there is one, else `dskb` on the PATH."""
    beside = Path(sys.executable).parent / ("dskb.exe" if sys.platform == "win32" else "dskb")
    return str(beside) if beside.exists() else "dskb"


def config(client: Client, command: str, args: list[str]) -> dict[str, Any]:
    """The client's configuration object with one server, dskb."""
    server: dict[str, Any] = {"command": command, "args": args}
    if client is Client.vscode:
        return {"servers": {"dskb": {"type": "stdio", **server}}}
    if client is Client.claude_code:
        return {"mcpServers": {"dskb": {"type": "stdio", **server, "env": {}}}}
    return {"mcpServers": {"dskb": server}}


def config_text(client: Client, data_dir: Path | None = None) -> tuple[str, str]:
    """The configuration as JSON text, and where the client reads it."""
    command = dskb_command()
    args = ["mcp"] if data_dir is None else ["--data-dir", str(data_dir.resolve()), "mcp"]
    text = json.dumps(config(client, command, args), ensure_ascii=False, indent=2) + "\n"
    where = WHERE[client].format(command=" ".join([command, *args]))
    return text, where
