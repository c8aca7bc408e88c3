"""dskb for AI assistants: a read-only MCP server (`dskb mcp`) and an `llm` plugin.

`cited` turns records, answers and citations into what an assistant reads: structured data and
a text block that states each value with its source, line or page and link. `results` holds one
function per tool, built on the same queries as the commands. `server` speaks MCP through the
official SDK; `llm_plugin` plugs the same results into simonw's `llm`; `clients` writes each
client's configuration. Only `server` imports `mcp` and only `llm_plugin` imports `llm`, and the
CLI imports neither until `dskb mcp` runs.
"""
