"""What a run writes (cli.py, render/terminal.py): closed pipes and full disks, encodings the
locale cannot carry, odd terminals and colour, Ctrl-C, and nothing found as data."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from deepseek_kb.errors import ExitCode

from .conftest import dskb, run

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
def test_ctrl_c_exits_130_without_a_traceback(
    tmp_path: Path, synthetic: Callable[..., Path]
) -> None:
    """SIGINT during a long first run (building a 20k-record index) exits 130 quietly."""
    folder = synthetic(20000, "yaml")
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


# --- stdout that cannot be written, and locales that cannot carry Chinese ----------------------


def _mknod(path: Path, major: int, minor: int) -> None:
    """A private device node (never the machine's own /dev files); skip where not allowed."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(major, minor))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make device nodes here")


def test_a_closed_stdout_is_exit_4_with_a_message() -> None:
    """`dskb --version >&-`: nothing can be written, so say so and exit 4."""
    result = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "--version"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
        timeout=60,
    )
    assert result.returncode == ExitCode.IO and "standard output is closed" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [["--help"], ["--show-completion", "bash"], ["timeline"], ["search", "V3", "--json"]]
)
def test_help_and_output_to_a_full_disk_are_exit_4(
    tmp_path: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A private /dev/full behind stdout: one message and exit 4, never an OSError."""
    # --show-completion bash takes the shell named, not one detected from the parent processes.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    _mknod(tmp_path / "full", 1, 7)
    with (tmp_path / "full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "deepseek_kb", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == ExitCode.IO, result.stderr
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr


def test_help_into_a_reader_that_quits_at_once_exits_0() -> None:
    """`dskb --help | head -c1` is a success."""
    result = subprocess.run(
        f"{sys.executable} -m deepseek_kb --help | head -c1",
        shell=True,
        capture_output=True,
        timeout=60,
        executable="/bin/bash",
        env={**os.environ, "PIPESTATUS_DUMMY": "1"},
    )
    status = subprocess.run(
        [
            "bash",
            "-c",
            f"{sys.executable} -m deepseek_kb --help | head -c1 >/dev/null; "
            "echo ${PIPESTATUS[0]}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and status.stdout.strip() == "0"


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args", [["--help"], ["timeline", "--help"], ["export"], ["export", "-f", "markdown"]]
)
def test_an_ascii_locale_never_raises_and_exports_lose_nothing(
    encoding: str, args: list[str]
) -> None:
    """Help is escaped, exports are written as UTF-8 bytes: every Chinese character survives."""
    result = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", *args],
        env={**os.environ, "PYTHONIOENCODING": encoding},
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    if args[0] == "export":
        assert "护城河".encode() in result.stdout or b"\\u62a4\\u57ce\\u6cb3" in result.stdout


@pytest.mark.parametrize(
    ("args", "empty"),
    [
        (["people", "nobody"], {}),
        (["models", "show", "V9"], {}),
        (["quote", "--topic", "x"], []),
        (["quote", "zzzqqq"], []),
        (["timeline", "--since", "2099"], []),
        (["search", "zzzqqq"], []),
    ],
)
def test_nothing_found_as_json_is_one_empty_value_and_exit_1(
    args: list[str], empty: object
) -> None:
    """Every way of finding nothing prints exactly one empty JSON value, a hint, and exits 1."""
    result = run(*args, "--json")
    assert result.code == ExitCode.NOT_FOUND
    assert json.loads(result.stdout) == empty
    assert result.stderr.startswith("error:")
