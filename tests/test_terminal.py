"""What a person sees on a real terminal: the pager in a fresh shell, and progress on stderr.

Each test runs dskb on a pseudo-terminal of a given size with the environment of a fresh shell
(no LESS, PAGER, DSKB_PAGER, NO_COLOR, COLUMNS), as a new user's would be.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from deepseek_kb.render.terminal import less_options

from .conftest import alive, in_a_terminal

needs_less = pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
# What the company page shows first: typed q once it is on screen, a pager leaves.
_COMPANY = "High-Flyer and DeepSeek"


@pytest.mark.slow
@needs_less
def test_paging_in_a_fresh_shell_shows_colours_not_escape_codes_and_keeps_the_answer() -> None:
    """LESS unset: dskb runs less with FRX, so no raw ESC[ on screen, no alternate screen
    (the answer stays after q), and the comparison is there."""
    screen = in_a_terminal(
        ["models", "--compare"], cols=80, rows=24, until="DeepSeek models compared"
    )
    assert screen.code == 0
    assert "ESC[" not in screen.text
    assert "\x1b[?1049h" not in screen.raw  # the alternate screen would take the answer away
    assert "\x1b[" in screen.raw  # colours reach the terminal as colours
    assert "DeepSeek models compared" in screen.text
    assert "<E2>" not in screen.text  # UTF-8 shown as text whatever the locale


@pytest.mark.slow
@needs_less
def test_chinese_pages_as_chinese_in_a_c_locale() -> None:
    """LANG=C: dskb still writes UTF-8, and tells less so (LESSCHARSET=utf-8)."""
    screen = in_a_terminal(
        ["timeline", "--lang", "zh"], {"LANG": "C", "LC_ALL": "C"}, until="DeepSeek 大事记"
    )
    assert "<E" not in screen.text and "DeepSeek 大事记" in screen.text


def _marking_pager(tmp_path: Path) -> tuple[dict[str, str], Path]:
    marker = tmp_path / "paged.txt"
    return {"DSKB_PAGER": f'echo "LESS=$LESS" > {marker}; cat > /dev/null'}, marker


@pytest.mark.slow
def test_output_that_fits_is_not_paged_and_long_output_is(tmp_path: Path) -> None:
    """A short answer is printed; a long one goes through the pager."""
    env, marker = _marking_pager(tmp_path)
    short = in_a_terminal(["explain", "GRPO", "--lang", "en"], env, cols=160, rows=50)
    assert short.code == 0 and "Group Relative Policy Optimization" in short.text
    assert not marker.exists()
    in_a_terminal(["timeline"], env, cols=80, rows=24)
    assert marker.exists()


@pytest.mark.slow
def test_a_set_less_gets_r_and_an_unset_one_becomes_frx(tmp_path: Path) -> None:
    """LESS=S is kept, with -R added (colours as colours); no LESS gives LESS=FRX, as git and
    gh do; a LESS that has R already is left as it is."""
    env, marker = _marking_pager(tmp_path)
    in_a_terminal(["timeline"], env)
    assert marker.read_text(encoding="utf-8").strip() == "LESS=FRX"
    in_a_terminal(["timeline"], {**env, "LESS": "S"})
    assert marker.read_text(encoding="utf-8").strip() == "LESS=S -R"
    in_a_terminal(["timeline"], {**env, "LESS": "-SR"})
    assert marker.read_text(encoding="utf-8").strip() == "LESS=-SR"


@pytest.mark.slow
def test_dskb_pager_comes_before_pager(tmp_path: Path) -> None:
    """DSKB_PAGER wins over PAGER; --no-pager over both."""
    env, marker = _marking_pager(tmp_path)
    other = tmp_path / "other.txt"
    in_a_terminal(["timeline"], {**env, "PAGER": f"cat > {other}"})
    assert marker.exists() and not other.exists()
    marker.unlink()
    in_a_terminal(["--no-pager", "timeline"], env)
    assert not marker.exists()


@pytest.mark.slow
def test_a_pager_that_cannot_run_is_reported_and_nothing_is_lost() -> None:
    """PAGER=/nonexistent: a note, then the whole output printed; exit 0."""
    screen = in_a_terminal(["timeline"], {"PAGER": "/nonexistent/pager"}, cols=100, rows=24)
    assert screen.code == 0
    assert "cannot run the pager" in screen.text
    assert "DeepSeek timeline" in screen.text
    assert "2024-12" in screen.text  # the last lines too


@pytest.fixture(scope="module")
def large_kb(synthetic: Callable[..., Path]) -> Path:
    """A synthetic data folder big enough that building its index takes seconds."""
    return synthetic(30000)


@pytest.mark.slow
def test_a_long_build_shows_progress_on_a_terminal_and_clears_it(
    large_kb: Path, tmp_path: Path
) -> None:
    """Building a 30,000-record index takes seconds: stderr on a terminal shows what is being
    done, how far and how long; the bar is gone before the answer."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    screen = in_a_terminal(["--data-dir", str(large_kb), "company"], env, cols=100, rows=40)
    assert screen.code == 0, screen.text
    assert "indexing for search" in screen.text
    assert "/" in screen.text.split("indexing for search")[1].splitlines()[0]  # done/total
    assert "/?" not in screen.text and " 0/0" not in screen.text  # no count without a total
    assert "\x1b[2K" in screen.raw  # the bar's line is erased when the work ends


@pytest.mark.slow
def test_no_progress_when_stderr_is_not_a_terminal(large_kb: Path, tmp_path: Path) -> None:
    """The same build with stderr to a pipe: no bar, no stage, no escape code on stderr."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "--data-dir", str(large_kb), "company"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for stage in ("reading the data", "indexing for search", "pinyin readings", "\x1b", "\r"):
        assert stage not in result.stderr, result.stderr


@pytest.mark.slow
def test_a_quick_run_shows_no_progress() -> None:
    """A lookup on a built index takes well under a second: no bar."""
    in_a_terminal(["company"], until=_COMPANY)  # builds the index of the bundled data if needed
    screen = in_a_terminal(["company"], cols=100, rows=60, until=_COMPANY)
    assert "indexing" not in screen.text and "reading the data" not in screen.text


@pytest.mark.slow
def test_progress_reads_in_chinese_under_lang_zh(large_kb: Path, tmp_path: Path) -> None:
    """The stages are named in the reader's language."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    screen = in_a_terminal(["--lang", "zh", "--data-dir", str(large_kb), "company"], env)
    assert "建立搜索索引" in screen.text and "indexing" not in screen.text


def test_piped_output_is_not_wrapped() -> None:
    """On a pipe (COLUMNS unset) lines are whole, as gh prints them, with no trailing spaces."""
    lines = _piped("sources", "--paths")
    assert max(cell_len(line) for line in lines) > 80 or all(
        "/" not in line or line.count("/") == line.strip().count("/") for line in lines
    )
    assert not any(line != line.rstrip() for line in lines)
    timeline = _piped("timeline", "--details")
    assert max(cell_len(line) for line in timeline) > 120


def _piped(*args: str) -> list[str]:
    """The lines an English command prints into a pipe, with COLUMNS unset."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "--lang", "en", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.splitlines()


@pytest.mark.parametrize(
    ("less", "expected"),
    [(None, "FRX"), ("-i", "-i -R"), ("i", "i -R"), ("-iR", "-iR"), ("-r", "-r"), ("", "-R")],
)
def test_r_is_added_to_the_readers_less(less: str | None, expected: str) -> None:
    """LESS unset gives FRX; a LESS without -R gets it; one with -R or -r is left alone."""
    assert less_options(less) == expected


@pytest.mark.slow
def test_less_with_dash_i_shows_colours_not_escape_codes() -> None:
    """With LESS=-i (a common setting), less shows bold text, never a literal ESC[1m."""
    screen = in_a_terminal(
        ["timeline"], {"LESS": "-i"}, cols=100, rows=20, until="DeepSeek timeline"
    )
    assert screen.code == 0
    assert "DeepSeek timeline" in screen.text
    assert "ESC[" not in screen.text


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[-1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _drain(fd: int, seconds: float, until: bytes | None = None) -> bytes:
    """What the terminal shows for `seconds`, or until it ends; with `until` (a regular
    expression), only until the screen shows it (`seconds` then only bounds a hang)."""
    out, end = b"", time.monotonic() + seconds
    while time.monotonic() < end and not (until and re.search(until, out)):
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


def _exit_within(pid: int, seconds: float) -> tuple[int, int]:
    """The child's (pid, status) once it has exited, waiting up to `seconds`; (0, 0) if not."""
    end = time.monotonic() + seconds
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done or time.monotonic() > end:
            return done, status
        time.sleep(0.05)


def _children_named(pid: int, name: str) -> list[int]:
    """Descendants of `pid` whose command is `name` (less runs under a shell)."""
    found, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            todo.append(child)
            try:
                if Path(f"/proc/{child}/comm").read_text().strip() == name:
                    found.append(child)
            except OSError:
                continue
    return found


# less's prompt on the bottom line once it shows the first screen (":" then erase to the end).
_LESS_PROMPT = rb"\n:\x1b\[K"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("less") is None, reason="needs less")
def test_ctrl_c_while_the_pager_is_open_waits_for_the_pager() -> None:
    """Ctrl-C goes to less, not to dskb: dskb waits until q, exits 0, and less is gone."""
    fresh = {
        k: v for k, v in os.environ.items() if k not in ("LESS", "PAGER", "DSKB_PAGER", "NO_COLOR")
    }
    fresh.update({"TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"})
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvpe(
                sys.executable,
                [sys.executable, "-m", "deepseek_kb", "timeline", "--lang", "both"],
                fresh,
            )
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        shown = _drain(fd, 60, until=_LESS_PROMPT)
        assert shown, "nothing was shown"
        pagers = _children_named(pid, "less")
        os.write(fd, b"\x03")
        _drain(fd, 2)
        waiting = os.waitpid(pid, os.WNOHANG) == (0, 0)
        os.write(fd, b"q")
        _drain(fd, 5)
    finally:
        done, status = _exit_within(pid, 30)  # a loaded machine may take seconds to reap it
        if not done:
            os.kill(pid, signal.SIGKILL)
            done, status = os.waitpid(pid, 0)
        os.close(fd)
    assert pagers, "less was not started"
    assert waiting, "dskb left after Ctrl-C with the pager still open"
    assert os.waitstatus_to_exitcode(status) == 0
    assert not [p for p in pagers if alive(p)]
