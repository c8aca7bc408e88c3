"""`dskb mcp` as a client sees it: started as a process, driven by the MCP SDK's stdio client."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio
import jsonschema
import pytest

from tests.conftest import imported, run

if TYPE_CHECKING:  # the SDK takes most of a second to import: only the tests that drive it do
    from mcp.client.session import ClientSession

Drive = Callable[["ClientSession"], Awaitable[Any]]


def _environment() -> dict[str, str]:
    """What the server needs from the test's environment (the SDK passes on only a few)."""
    keep = ("XDG_CACHE_HOME", "LANG", "NO_COLOR", "DSKB_DATA_DIR", "PYTHONPATH")
    return {k: os.environ[k] for k in keep if k in os.environ}


def drive(work: Drive, stdout_copy: Path | None = None) -> Any:
    """Start `dskb mcp` as a subprocess and run `work` on a session with it; with
    `stdout_copy`, every byte the server writes on stdout is also kept in that file."""
    from mcp.client.session import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    command = [sys.executable, "-m", "deepseek_kb", "mcp"]
    if stdout_copy is None:
        server = StdioServerParameters(command=command[0], args=command[1:], env=_environment())
    else:
        script = '"$0" -m deepseek_kb mcp | tee "$1"'
        server = StdioServerParameters(
            command="sh", args=["-c", script, sys.executable, str(stdout_copy)], env=_environment()
        )

    async def main() -> Any:
        async with (
            stdio_client(server) as (read, write),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            return await work(session)

    return anyio.run(main)


def _size(result: Any) -> int:
    text = "".join(block.text for block in result.content)
    return len(json.dumps(result.structured_content, ensure_ascii=False)) + len(text)


@pytest.mark.slow
def test_every_tool_is_read_only_closed_world_with_an_output_schema() -> None:
    """At least six tools, each annotated read-only, idempotent and closed-world, each
    publishing an output schema; the search tool takes `from`, as the CLI's --from."""

    async def work(session: ClientSession) -> Any:
        return (await session.list_tools()).tools

    tools = drive(work)
    assert len(tools) >= 6
    assert {"search", "fetch", "answer", "cite", "get_record", "timeline", "compare_models"} <= {
        t.name for t in tools
    }
    for tool in tools:
        hints = tool.annotations
        assert hints is not None, tool.name
        assert hints.read_only_hint is True and hints.idempotent_hint is True, tool.name
        assert hints.open_world_hint is False and hints.destructive_hint is False, tool.name
        assert tool.output_schema and tool.output_schema["type"] == "object", tool.name
        jsonschema.Draft202012Validator.check_schema(tool.output_schema)
    search = next(t for t in tools if t.name == "search")
    assert "from" in search.input_schema["properties"]


@pytest.mark.slow
def test_answer_gives_the_v3_training_cost_with_a_quote_that_holds_it() -> None:
    """answer("DeepSeek-V3 training cost") is $5.576M, cited by a quote containing it, in the
    structured content and in the text a generic client shows."""

    async def work(session: ClientSession) -> Any:
        tools = {t.name: t for t in (await session.list_tools()).tools}
        result = await session.call_tool("answer", {"question": "DeepSeek-V3 training cost"})
        return tools["answer"].output_schema, result

    schema, result = drive(work)
    assert result.is_error is False
    jsonschema.validate(result.structured_content, schema)
    answer = result.structured_content["answer"]
    assert answer["value"] == "$5.576M" and answer["record"] == "deepseek-v3"
    quoted = [c for c in answer["citations"] if "$5.576M" in (c.get("quote") or "")]
    assert quoted and quoted[0]["page"] == 5 and quoted[0]["url"].endswith("#page=5")
    text = result.content[0].text
    assert "$5.576M" in text and quoted[0]["url"] in text and "v3-paper p.5" in text
    assert "deepseek-v3" in text and answer["caveat"] and answer["caveat"] in text


# Fifty calls of every tool, the largest results included (the biggest record in full, every
# event, every main model side by side, a long search), and calls that must fail.
MIXED: list[tuple[str, dict[str, Any]]] = [
    ("search", {"query": "V3 training cost"}),
    ("search", {"query": "DeepSeek", "limit": 50}),
    ("search", {"query": "护城河", "lang": "zh"}),
    ("search", {"query": "V3", "from": "official", "limit": 5}),
    ("search", {"query": "liang wenfeng", "lang": "both"}),
    ("fetch", {"id": "deepseek-v3"}),
    ("fetch", {"id": "deepseek-v3", "lang": "both"}),
    ("fetch", {"id": "liang-wenfeng"}),
    ("fetch", {"id": "v3-paper"}),
    ("answer", {"question": "DeepSeek-V3 training cost"}),
    ("answer", {"question": "谁创办了深度求索", "lang": "zh"}),
    ("answer", {"question": "when was R1 released"}),
    ("answer", {"question": "what is MLA"}),
    ("answer", {"question": "the weather in Paris"}),
    ("cite", {"id_or_query": "deepseek-v3"}),
    ("cite", {"id_or_query": "deepseek-v3", "format": "bibtex"}),
    ("cite", {"id_or_query": "deepseek-v3", "format": "csl-json"}),
    ("cite", {"id_or_query": "V3", "field": "training_cost", "format": "text"}),
    ("cite", {"id_or_query": "liang-moat-closed-source", "format": "json"}),
    ("get_record", {"id": "deepseek-v3"}),
    ("get_record", {"id": "deepseek-v3", "lang": "both"}),
    ("get_record", {"id": "deepseek-v2", "lang": "zh"}),
    ("get_record", {"id": "liang-wenfeng"}),
    ("get_record", {"id": "mla"}),
    ("get_source", {"id": "article"}),
    ("get_source", {"id": "v3-paper"}),
    ("timeline", {}),
    ("timeline", {"limit": 500, "lang": "both"}),
    ("timeline", {"since": "2024", "type": "model-release"}),
    ("timeline", {"about": "V3"}),
    ("timeline", {"from": "official"}),
    ("compare_models", {}),
    ("compare_models", {"lang": "both"}),
    ("compare_models", {"models": ["V2", "V3", "R1"]}),
    ("compare_models", {"models": ["V3"], "from": "official"}),
    ("search", {"query": ""}),
    ("search", {"query": "x" * 2000}),
    ("search", {"query": "V3", "limit": 0}),
    ("search", {"query": "V3", "from": "blog"}),
    ("fetch", {"id": "no-such-record"}),
    ("get_record", {"id": "no-such-record"}),
    ("get_source", {"id": "no-such-source"}),
    ("cite", {"id_or_query": "deepseek-v3", "field": "no_such_field"}),
    ("cite", {"id_or_query": ""}),
    ("timeline", {"since": "yesterday"}),
    ("timeline", {"since": "2025", "until": "2024"}),
    ("compare_models", {"models": ["GPT-4"]}),
    ("answer", {"question": "   "}),
    ("answer", {"question": "V3 cost", "surprise": True}),
    ("no_such_tool", {}),
]
FAILING = 15  # the calls from ("search", {"query": ""}) on


@pytest.mark.slow
def test_fifty_mixed_calls_leave_nothing_but_protocol_on_stdout(tmp_path: Path) -> None:
    """Fifty calls: each bad one is a tool error (the server lives on), each result fits its
    schema and stays under 40,000 characters, and stdout holds only JSON-RPC messages."""
    copy = tmp_path / "stdout.bin"
    assert len(MIXED) == 50

    async def work(session: ClientSession) -> Any:
        schemas = {t.name: t.output_schema for t in (await session.list_tools()).tools}
        done = [(name, await session.call_tool(name, args)) for name, args in MIXED]
        return schemas, done

    schemas, done = drive(work, stdout_copy=copy)
    good, bad = done[: len(MIXED) - FAILING], done[len(MIXED) - FAILING :]
    for name, result in good:
        assert result.is_error is False, (name, result.content[0].text)
        jsonschema.validate(result.structured_content, schemas[name])
    for name, result in bad:
        assert result.is_error is True, name
        assert result.content[0].text and "Traceback" not in result.content[0].text
    sizes = sorted(_size(result) for _, result in done)
    assert sizes[-1] < 40_000, sizes[-5:]
    raw = copy.read_bytes()
    stray = [line for line in raw.splitlines() if not _is_protocol(line)]
    assert stray == [], stray[:3]
    assert raw.count(b"\n") > 50


def _is_protocol(line: bytes) -> bool:
    try:
        message = json.loads(line)
    except ValueError:
        return False
    return isinstance(message, dict) and message.get("jsonrpc") == "2.0"


@pytest.mark.slow
def test_an_unknown_id_says_what_to_try_and_names_the_nearest() -> None:
    """A near miss of an id is a tool error that names the records it may have meant."""

    async def work(session: ClientSession) -> Any:
        return await session.call_tool("get_record", {"id": "deepseek-v33"})

    result = drive(work)
    assert result.is_error is True
    assert "no record has the id 'deepseek-v33'" in result.content[0].text
    assert "deepseek-v3 (model)" in result.content[0].text


@pytest.mark.slow
def test_records_and_sources_are_resources_too() -> None:
    """dskb://record/{id} and dskb://source/{id} are listed templates that read as Markdown
    with sources and links; an unknown one is a protocol error, not a crash."""

    async def work(session: ClientSession) -> Any:
        templates = (await session.list_resource_templates()).resource_templates
        record = await session.read_resource("dskb://record/deepseek-v3")
        source = await session.read_resource("dskb://source/v3-paper")
        from mcp.shared.exceptions import MCPError

        with pytest.raises(MCPError):
            await session.read_resource("dskb://record/no-such-record")
        after = await session.call_tool("answer", {"question": "V3 parameters"})
        return templates, record, source, after

    templates, record, source, after = drive(work)
    assert {t.uri_template for t in templates} == {"dskb://record/{id}", "dskb://source/{id}"}
    text = record.contents[0].text
    assert "$5.576M" in text and "v3-paper p.5" in text and "#page=5" in text
    assert "deepseek-v3" in source.contents[0].text
    assert after.structured_content["answer"]["value"] == "671B"


@pytest.mark.parametrize(
    ("client", "top"),
    [
        ("claude-desktop", "mcpServers"),
        ("claude-code", "mcpServers"),
        ("cursor", "mcpServers"),
        ("vscode", "servers"),
    ],
)
def test_print_config_writes_each_clients_own_shape(client: str, top: str) -> None:
    """Pure JSON on stdout that starts `dskb mcp`; VS Code's has `servers` and type stdio."""
    result = run("mcp", "--print-config", client)
    assert result.code == 0, result.stderr
    server = json.loads(result.stdout)[top]["dskb"]
    assert server["args"][-1] == "mcp" and Path(server["command"]).name.startswith("dskb")
    assert (server.get("type") == "stdio") is (client in ("vscode", "claude-code"))
    assert "put this in" in result.stderr


def test_mcp_without_the_sdk_is_one_line_and_a_way_out() -> None:
    """Without the `mcp` package, `dskb mcp` says how to install it; no traceback."""
    probe = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, *a: None if name == 'mcp' else real(name, *a)\n"
        "from deepseek_kb.cli import main\n"
        "sys.argv = ['dskb', 'mcp']\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 4, done.stderr
    assert "pip install 'dskb[mcp]'" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


@pytest.mark.slow
def test_the_cli_never_imports_the_sdks(tmp_path: Path) -> None:
    """`dskb --help`, a lookup and --print-config import neither `mcp` nor `llm`."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for args in (["--help"], ["search", "V3 training cost"], ["mcp", "--print-config", "vscode"]):
        assert imported(args, ("mcp", "mcp_types", "llm"), env) == [], args


def _wait_until_reading_stdin(pid: int) -> None:
    """Until the server has a second thread: the SDK's worker that reads stdin (without /proc,
    three seconds, which is more than it takes to start)."""
    tasks = Path(f"/proc/{pid}/task")
    if not tasks.is_dir():
        time.sleep(3)
        return
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(tasks.iterdir())) < 2:
        time.sleep(0.02)


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_server_even_while_stdin_is_open(
    signum: int, code: int, tmp_path: Path
) -> None:
    """A client that signals without closing stdin still sees the server go, with its code
    (the SDK reads stdin in a thread no signal wakes, which kept the process waiting)."""
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "deepseek_kb", "mcp"],
            stdin=subprocess.PIPE,
            stdout=stdout,
            stderr=stderr,
        )
        try:
            _wait_until_reading_stdin(server.pid)
            server.send_signal(signum)
            server.wait(timeout=20)  # stdin still open: the client has not closed it
        finally:
            server.kill()
            server.communicate()
    assert server.returncode == code, err.read_text()
    assert out.read_bytes() == b"" and "Traceback" not in err.read_text()
