"""Never crashes, never loses data: hostile data, hostile input, real terminals and pipes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deepseek_kb.errors import ExitCode
from deepseek_kb.progress import Report

from .conftest import dskb, imported, run

HAN = "深度求索"


# --- hostile data reaches every command, not only validate --------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("command", [["timeline"], ["search", "V3"], ["models", "--compare"]])
def test_broken_data_stops_every_command_with_file_and_line(
    data_copy: Path, command: list[str]
) -> None:
    """A syntax error in one file: every command names file and line and exits 3."""
    quotes = data_copy / "quotes.yaml"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("topics: [", "topics: ]", 1))
    result = run(*command, env={"DSKB_DATA_DIR": str(data_copy)})
    assert result.code == ExitCode.DATA
    assert "quotes.yaml:" in result.stderr and "YAML syntax error" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_a_file_of_several_megabytes_loads(tmp_path: Path) -> None:
    """Big files are fine as long as they are valid (here about 5 MB of quotes)."""
    from benchmarks.synthetic_kb import generate

    folder = tmp_path / "big"
    generate(folder, 20000, style="yaml")
    sizes = [p.stat().st_size for p in folder.rglob("*.yaml")]
    assert max(sizes) > 1_000_000
    result = run("info", "--json", env={"DSKB_DATA_DIR": str(folder)})
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["records"]["quote"] == 6000


def test_a_file_over_the_size_limit_is_refused_with_a_way_out(data_copy: Path) -> None:
    """Past 16 MiB one file is refused, and the message says how to split it."""
    big = data_copy / "facts.yaml"
    with big.open("ab") as handle:
        handle.write(b"#" * (17 * 1024 * 1024) + b"\n")
    result = run("validate", "--data-dir", str(data_copy))
    assert result.code == ExitCode.DATA
    assert "facts.yaml: file is 17" in result.stderr and "split it" in result.stderr


def test_unreadable_data_folder_is_an_io_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed gives exit code 4 and its reason."""

    def refuse(path: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("deepseek_kb.paths.os.scandir", refuse)
    result = run("timeline", env={"DSKB_DATA_DIR": str(tmp_path)})
    assert result.code == ExitCode.IO
    assert "cannot read data folder" in result.stderr and "Permission denied" in result.stderr


# --- hostile queries and options ------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "x" * 1000,
        HAN * 250,
        "\x1b[31mred\x1b[0m\x07",
        "🦄 V3 🚀",
        "'; DROP TABLE records; --",
        '"unbalanced OR NEAR(',
        ".*[a-z]+(?=x)",
        "*?[]{}",
        "100%",
        "a_b%c",
        "\u200b\u202e",
    ],
)
def test_any_query_gets_an_answer_or_nothing_found(query: str) -> None:
    """Odd queries never crash: results or exit 1, and the query is echoed escaped."""
    result = run("search", query)
    assert result.code in (ExitCode.OK, ExitCode.NOT_FOUND), result.stderr
    assert "\x1b[31m" not in result.stderr
    assert len(result.stderr) < 2000


@pytest.mark.parametrize("query", ["x" * 1001, HAN * 5000])
def test_a_query_over_the_length_cap_is_a_usage_error_that_says_the_cap(query: str) -> None:
    """A pasted page is refused at once with exit 2 and the cap, not searched for seconds."""
    result = run("search", query)
    assert result.code == ExitCode.USAGE
    assert "at most 1,000" in result.stderr and len(result.stderr) < 300


@pytest.mark.parametrize(
    "args",
    [
        ["search", "V3", "--limit", "-3"],
        ["search", "V3", "--limit", "lots"],
        ["quote", "创新", "--limit", "0"],
        ["timeline", "--since", "yesterday"],
        ["timeline", "--type", "; rm -rf /"],
        ["search", "V3", "--type", "planet"],
        ["models", "--compare", "--lang", "fr"],
        ["export", "--format", "pdf"],
    ],
)
def test_out_of_range_options_are_usage_errors(args: list[str]) -> None:
    """Bad option values exit 2 with a message, never a traceback."""
    result = run(*args)
    assert result.code == ExitCode.USAGE
    assert "Traceback" not in result.stderr and result.stderr.strip()


# --- pipes, encodings, terminals ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "reader"),
    [("dskb timeline", "head -n 1"), ("dskb search V3 --json", "head -c 10")],
)
def test_closed_pipe_is_quiet(command: str, reader: str, tmp_path: Path) -> None:
    """The reader going away ends dskb quietly: no traceback, no BrokenPipeError."""
    shell = command.replace("dskb", f"{sys.executable} -m deepseek_kb")
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"{shell} 2>{tmp_path / 'err'} | {reader}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout
    err = (tmp_path / "err").read_text(encoding="utf-8")
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert result.returncode == 0


def test_ascii_only_output_still_works() -> None:
    """PYTHONIOENCODING=ascii: tables degrade to '?', JSON escapes; nothing crashes."""
    env = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C"}
    table = dskb("quote", "护城河", "--lang", "zh", env=env)
    assert table.returncode == 0, table.stderr
    assert "?" in table.stdout
    data = dskb("quote", "护城河", "--json", env=env)
    assert data.returncode == 0
    assert data.stdout.isascii()
    assert "护城河" in json.loads(data.stdout)[0]["record"]["text"]["zh"]


@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "dumb"},
        {"COLUMNS": "20"},
        {"COLUMNS": "400"},
        {"NO_COLOR": "1"},
        {"LANG": "C", "LC_ALL": "C"},
    ],
)
def test_odd_terminals_render(env: dict[str, str]) -> None:
    """Narrow, wide, dumb and C-locale terminals all get the compare table."""
    result = run("models", "--compare", env=env)
    assert result.code == 0
    assert "671" in result.stdout


def test_forced_colour_leaves_json_plain() -> None:
    """FORCE_COLOR and --color always colour tables, never JSON."""
    coloured = run("--color", "always", "timeline", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[" in coloured.stdout
    plain = run("--color", "always", "timeline", "--json", env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.stdout
    json.loads(plain.stdout)


def test_no_color_wins_over_a_terminal() -> None:
    """NO_COLOR turns colour off for auto."""
    result = run("timeline", env={"NO_COLOR": "1", "FORCE_COLOR": ""})
    assert "\x1b[" not in result.stdout


def test_output_to_a_file_is_plain_utf8(tmp_path: Path) -> None:
    """Redirected output is UTF-8 text without escape codes."""
    target = tmp_path / "out.txt"
    with target.open("w", encoding="utf-8") as handle:
        subprocess.run(
            [sys.executable, "-m", "deepseek_kb", "quote", "护城河", "--lang", "both"],
            stdout=handle,
            check=True,
            env={**os.environ, "NO_COLOR": ""},
        )
    text = target.read_text(encoding="utf-8")
    assert "护城河" in text and "\x1b[" not in text


@pytest.mark.slow
def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    """SIGINT during a long first run (building a 20k-record index) exits 130 quietly."""
    from benchmarks.synthetic_kb import generate

    folder = tmp_path / "kb"
    generate(folder, 20000, style="yaml")
    env = {**os.environ, "DSKB_DATA_DIR": str(folder), "XDG_CACHE_HOME": str(tmp_path / "c")}
    process = subprocess.Popen(
        [sys.executable, "-m", "deepseek_kb", "search", "V3"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    building = tmp_path / "c" / "dskb"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(building.glob("*.tmp")):
        time.sleep(0.02)  # until the build has begun writing its index
    assert process.poll() is None, "the build ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == ExitCode.INTERRUPTED, err
    assert "interrupted" in err and "Traceback" not in err
    assert not list((tmp_path / "c").rglob("*.tmp"))


# --- the cache -----------------------------------------------------------------------------------


def _index_file(cache: Path) -> Path:
    (found,) = list((cache / "dskb").glob("index-*.sqlite"))
    return found


@pytest.mark.slow
def test_truncated_and_corrupt_index_are_rebuilt(tmp_path: Path) -> None:
    """A damaged cache file is replaced and the answer is still right."""
    cache = tmp_path / "cache"
    first = dskb("search", "V3", "--json", cache=cache)
    expected = [h["id"] for h in json.loads(first.stdout)]
    index = _index_file(cache)
    with index.open("r+b") as handle:
        handle.truncate(index.stat().st_size // 3)
    again = dskb("search", "V3", "--json", cache=cache)
    assert again.returncode == 0 and [h["id"] for h in json.loads(again.stdout)] == expected
    index.write_bytes(b"not a database at all" * 100)
    third = dskb("search", "V3", "--json", cache=cache)
    assert third.returncode == 0 and [h["id"] for h in json.loads(third.stdout)] == expected
    sqlite3.connect(index).execute("SELECT count(*) FROM records").fetchone()


def test_unwritable_cache_still_answers(tmp_path: Path) -> None:
    """A cache folder that cannot be created: answers come from memory, with a note."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = dskb("search", "V3", "--json", env={"XDG_CACHE_HOME": str(blocker / "cache")})
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["id"] == "deepseek-v3"
    assert "cannot write the index cache" in result.stderr


def test_full_disk_while_building_falls_back_to_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """If writing the index fails (disk full), the run still answers from memory."""
    import deepseek_kb.index.build as build

    real = build.build

    def full_disk(layout: object, key: str, target: str, report: Report) -> sqlite3.Connection:
        if target != ":memory:":
            raise sqlite3.OperationalError("database or disk is full")
        return real(layout, key, target, report)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "build", full_disk)
    result = run("search", "V3", "--json", env={"XDG_CACHE_HOME": str(tmp_path / "c")})
    assert result.code == 0
    assert json.loads(result.stdout)[0]["id"] == "deepseek-v3"
    assert "disk is full" in result.stderr


@pytest.mark.slow
def test_six_processes_on_an_empty_cache_all_succeed(tmp_path: Path) -> None:
    """Concurrent first runs share one build and all print the same answer."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "deepseek_kb", "search", "V3", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode == 0 for p in processes), [e for _, e in outputs]
    answers = {json.dumps([h["id"] for h in json.loads(out)]) for out, _ in outputs}
    assert len(answers) == 1
    assert len(list((tmp_path / "cache" / "dskb").glob("index-*.sqlite"))) == 1


@pytest.mark.slow
def test_a_data_change_is_seen_on_the_next_run(data_copy: Path, tmp_path: Path) -> None:
    """Editing a YAML file (even keeping its size) shows up at once."""
    env = {"DSKB_DATA_DIR": str(data_copy)}
    cache = tmp_path / "cache"
    before = dskb("search", "Liang Wenfeng", "--json", env=env, cache=cache)
    assert json.loads(before.stdout)[0]["id"] == "liang-wenfeng"
    people = data_copy / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8").replace("Liang Wenfeng}", "Liang Wenfenq}", 1),
        encoding="utf-8",
    )
    after = dskb("people", "liang-wenfeng", "--json", env=env, cache=cache)
    assert json.loads(after.stdout)["name"]["en"] == "Liang Wenfenq"


@pytest.mark.slow
def test_the_lookup_path_never_imports_yaml_or_pydantic(tmp_path: Path) -> None:
    """With a warm cache, lookups import neither the YAML parser nor pydantic."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    heavy = ("yaml", "pydantic", "pypinyin")
    imported(["info"], heavy, env)  # builds the index
    for args in (["timeline"], ["quote", "创新"], ["models", "--compare"], ["search", "V3"]):
        assert imported(args, heavy, env) == [], args
