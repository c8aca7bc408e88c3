"""`dskb mcp`: a read-only MCP server over stdio, built on the official SDK's lowlevel Server.

The lowlevel Server lets each tool publish exactly its schemas (an argument called `from`, as
on the command line, which no Python parameter can be named) and return its own text block
next to the structured content. Tools run in a worker thread, each call on its own read-only
index connection (SQLite connections stay in the thread that opened them). A problem with the
question (an empty query, an unknown id) is a tool error the model can read and correct;
stdout carries only protocol messages, and logs go to stderr.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple

import anyio
import anyio.to_thread
import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server
from mcp.shared.exceptions import MCPError
from pydantic import BaseModel, ValidationError

from deepseek_kb import __version__
from deepseek_kb.assistants import results, shapes
from deepseek_kb.assistants.cited import RECORD_URI, SOURCE_URI, exact_record, record_card
from deepseek_kb.errors import DskbError, NotFoundError
from deepseek_kb.index.store import Index
from deepseek_kb.queries.common import index_for
from deepseek_kb.settings import Settings

log = logging.getLogger("dskb.mcp")

INSTRUCTIONS = (
    "dskb holds DeepSeek's company and model history as cited records, offline, in Chinese and "
    "English. Use `answer` for a value (a training cost, a release date, a founder), `search` "
    "to find records, `fetch` or `get_record` to read one, `cite` for a citation to paste, "
    "`timeline` for events and `compare_models` for specs side by side. Every value comes with "
    "its source, line or page and link: quote them when you use the value."
)

READ_ONLY = types.ToolAnnotations(
    read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False
)


def _lang(args: Any, settings: Settings) -> str:
    return str(args.lang or settings.lang)


def _tier(args: Any) -> str | None:
    return args.tier.value if args.tier else None


class Tool(NamedTuple):
    """One tool: its name and words, its argument and result models, and what it runs."""

    name: str
    title: str
    description: str
    inputs: type[BaseModel]
    outputs: type[BaseModel]
    run: Callable[[Index, Any, Settings], results.Result]

    def listed(self) -> types.Tool:
        """The tool as `tools/list` gives it: schemas published, annotated read-only."""
        return types.Tool(
            name=self.name,
            title=self.title,
            description=self.description,
            input_schema=self.inputs.model_json_schema(by_alias=True),
            output_schema=self.outputs.model_json_schema(),
            annotations=READ_ONLY,
        )


TOOLS = (
    Tool(
        "search",
        "Search dskb",
        "Search every record (models, people, quotes, facts, events, terms, sources) at once, "
        "best first, each as {id, title, text, url}; a question dskb can answer gets its cited "
        "answer first. `from` keeps only the article's or DeepSeek's own account.",
        shapes.SearchIn,
        shapes.SearchOut,
        lambda index, a, s: results.search(index, a.query, a.limit, _lang(a, s), _tier(a)),
    ),
    Tool(
        "fetch",
        "Fetch a record",
        "One record in full as {id, title, text, url}: its words, specs and every source with "
        "its line or page and link. Takes an id from `search`.",
        shapes.IdIn,
        shapes.FetchOut,
        lambda index, a, s: results.fetch(index, a.id, _lang(a, s)),
    ),
    Tool(
        "answer",
        "Answer a question",
        "The value a question asks for (a cost, a parameter count, a date, a founder), with its "
        "caveat and citations (source, line or page, quote, link): the same answering as "
        "`dskb search`. When dskb holds no single value, the nearest records.",
        shapes.AnswerIn,
        shapes.AnswerOut,
        lambda index, a, s: results.answer(index, a.question, _lang(a, s)),
    ),
    Tool(
        "cite",
        "Cite a record",
        "A citation ready to paste for a record (or one of its fields): text, markdown, "
        "bibtex, csl-json or json, each source with its deep link.",
        shapes.CiteIn,
        shapes.CiteOut,
        lambda index, a, s: results.cite(index, a.id_or_query, a.format, a.field, _lang(a, s)),
    ),
    Tool(
        "get_record",
        "Get a record",
        "One record as stored, every field and citation (also the resource dskb://record/{id}).",
        shapes.IdIn,
        shapes.RecordOut,
        lambda index, a, s: results.get_record(index, a.id, _lang(a, s)),
    ),
    Tool(
        "get_source",
        "Get a source",
        "One source in full: its title, kind, address (repository, commit, page) and the "
        "records that cite it (also the resource dskb://source/{id}).",
        shapes.IdIn,
        shapes.SourceOut,
        lambda index, a, s: results.get_source(index, a.id, _lang(a, s)),
    ),
    Tool(
        "timeline",
        "Timeline",
        "Company and model events in date order, filtered by date range, type and subject, "
        "each with its sources and link.",
        shapes.TimelineIn,
        shapes.TimelineOut,
        lambda index, a, s: results.timeline(
            index,
            a.since,
            a.until,
            a.type.value if a.type else None,
            {"about": a.about, "tier": _tier(a), "limit": a.limit, "lang": _lang(a, s)},
        ),
    ),
    Tool(
        "compare_models",
        "Compare models",
        "Models side by side (the main ones when none is named): each spec's value with its "
        "sources and link.",
        shapes.CompareIn,
        shapes.CompareOut,
        lambda index, a, s: results.compare_models(index, a.models, _lang(a, s), _tier(a)),
    ),
)
BY_NAME = {tool.name: tool for tool in TOOLS}


def _failed(message: str) -> types.CallToolResult:
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=message)], is_error=True
    )


def _said(failure: DskbError) -> str:
    """A DskbError as the model reads it: what, what to try, and the nearest names."""
    message = failure.message
    if isinstance(failure, NotFoundError) and failure.suggestions:
        message += "; did you mean: " + ", ".join(failure.suggestions) + "?"
    return message + (f" ({failure.hint})" if failure.hint else "")


def call(settings: Settings, name: str, arguments: dict[str, Any]) -> types.CallToolResult:
    """Run one tool call to its result; a bad question is a tool error, never an exception."""
    tool = BY_NAME.get(name)
    if tool is None:
        return _failed(f"no tool called {name!r}; the tools are: {', '.join(BY_NAME)}")
    try:
        args = tool.inputs.model_validate(arguments)
    except ValidationError as invalid:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'arguments'}: {e['msg']}"
            for e in invalid.errors()
        )
        return _failed(f"invalid arguments for {name}: {problems}")
    try:
        result = tool.run(index_for(settings), args, settings)
    except DskbError as failure:
        return _failed(_said(failure))
    tool.outputs.model_validate(result.data)
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=result.text)],
        structured_content=result.data,
    )


_RESOURCE = re.compile(r"^dskb://(record|source)/([^/?#]+)$")


def read(settings: Settings, uri: str) -> str:
    """A record or source as Markdown, by its `dskb://` address."""
    match = _RESOURCE.match(uri)
    if match is None:
        raise MCPError(types.INVALID_PARAMS, f"not a dskb resource: {uri}")
    kind, wanted = match.groups()
    index = index_for(settings)
    try:
        if kind == "source":
            return results.get_source(index, wanted, settings.lang).text
        found = exact_record(index, wanted)
        return record_card(index, found, settings.lang)[1]
    except DskbError as failure:
        raise MCPError(types.INVALID_PARAMS, _said(failure)) from None


def build(settings: Settings) -> Server[Any]:
    """The server: eight read-only tools and two resource templates."""

    async def list_tools(ctx: Any, params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=[tool.listed() for tool in TOOLS])

    async def call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        run = partial(call, settings, params.name, params.arguments or {})
        try:
            return await anyio.to_thread.run_sync(run)
        except Exception:
            log.exception("dskb mcp: the tool %s failed", params.name)
            return _failed(f"dskb could not run {params.name}: an internal error (see its log)")

    async def list_templates(ctx: Any, params: Any) -> types.ListResourceTemplatesResult:
        return types.ListResourceTemplatesResult(
            resource_templates=[
                types.ResourceTemplate(
                    name="record",
                    uri_template=RECORD_URI,
                    description="One dskb record as Markdown: its words, specs and sources.",
                    mime_type="text/markdown",
                ),
                types.ResourceTemplate(
                    name="source",
                    uri_template=SOURCE_URI,
                    description="One source: its address and the records that cite it.",
                    mime_type="text/markdown",
                ),
            ]
        )

    async def list_resources(ctx: Any, params: Any) -> types.ListResourcesResult:
        return types.ListResourcesResult(resources=[])

    async def read_resource(
        ctx: Any, params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        text = await anyio.to_thread.run_sync(partial(read, settings, str(params.uri)))
        contents = types.TextResourceContents(uri=params.uri, mime_type="text/markdown", text=text)
        return types.ReadResourceResult(contents=[contents])

    return Server(
        "dskb",
        version=__version__,
        title="dskb: DeepSeek's history, cited",
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        on_list_resources=list_resources,
        on_list_resource_templates=list_templates,
        on_read_resource=read_resource,
    )


def serve(settings: Settings) -> None:
    """Serve MCP on stdin and stdout until the client closes them."""
    server = build(settings)

    async def main() -> None:
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, server.create_initialization_options())

    try:
        anyio.run(main)
    except BaseException as stop:
        leaf = _stopped_by(stop)
        _exit_soon(int(getattr(leaf, "code", 1) or 1))
        if leaf is not stop:
            raise leaf from None  # reported as itself: the message and code of Ctrl-C
        raise


def _stopped_by(stop: BaseException) -> BaseException:
    """What stopped the server: a signal that came while the SDK started a worker thread
    reaches us wrapped in the task group's exception group; the interruption (or exit) inside
    it, not the group, says how to stop. Any other group stays as it is."""
    leaf = stop
    while isinstance(leaf, BaseExceptionGroup) and leaf.exceptions:
        leaf = leaf.exceptions[0]
    return leaf if hasattr(leaf, "code") else stop


def _exit_soon(code: int) -> None:
    """Exit with `code` in a moment, whatever still runs: the SDK reads stdin in a worker
    thread that no signal wakes, so after Ctrl-C or SIGTERM the process would otherwise wait
    for the client to close stdin before it could exit."""

    def leave() -> None:
        time.sleep(1.0)
        sys.stderr.flush()
        os._exit(code)

    threading.Thread(target=leave, daemon=True).start()
