"""Shared fixtures: a pinned terminal, an isolated cache, the real KB and a CLI runner."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deepseek_kb.cli import app
from deepseek_kb.loader.records import KB, load_kb

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(autouse=True)
def pinned_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Same width, language, colour and cache for every test, whatever the developer's shell says."""
    for var in (
        "DSKB_LANG",
        "DSKB_DATA_DIR",
        "DSKB_PATH",
        "FORCE_COLOR",
        "PAGER",
        "LC_ALL",
        "LC_MESSAGES",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("LINES", "40")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


@dataclass(frozen=True)
class Result:
    """What one dskb run printed and returned."""

    code: int
    stdout: str
    stderr: str


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run dskb in-process through Typer's test runner; stdout and stderr kept apart."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


# What a fresh shell does not set: dskb must behave for a new user without any of it.
_SHELL_SETTINGS = ("LESS", "PAGER", "DSKB_PAGER", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")
_ANSI = re.compile(
    r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>()][0-9A-Za-z]?"
)


@dataclass(frozen=True)
class Screen:
    """What a run on a pseudo-terminal wrote there: raw, without escape codes, and its status."""

    raw: str
    code: int

    @property
    def text(self) -> str:
        """The screen's text with colour and cursor codes removed (a pager's literal ESC[ stays)."""
        return _ANSI.sub("", self.raw).replace("\r", "")


def in_a_terminal(
    args: list[str],
    env: dict[str, str] | None = None,
    cols: int = 80,
    rows: int = 24,
    keys: bytes = b"q",
    seconds: float = 60,
) -> Screen:
    """Run dskb on a pseudo-terminal of cols × rows in a fresh shell's environment (plus
    `env`); once the output settles, type `keys` (q leaves a pager)."""
    fresh = {k: v for k, v in os.environ.items() if k not in _SHELL_SETTINGS}
    fresh.update({"TERM": "xterm-256color", **(env or {})})
    pid, fd = pty.fork()
    if pid == 0:  # the child: dskb with the pty as its terminal
        try:
            os.execvpe(sys.executable, [sys.executable, "-m", "deepseek_kb", *args], fresh)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    out, typed, started, quiet_since = b"", False, time.monotonic(), time.monotonic()
    while time.monotonic() - started < seconds:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            quiet_since = time.monotonic()
        elif not typed and out and time.monotonic() - quiet_since > 1.0:
            os.write(fd, keys)
            typed = True
    else:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return Screen(out.decode("utf-8", "replace"), os.waitstatus_to_exitcode(status))


@pytest.fixture(scope="session")
def kb() -> KB:
    """The bundled knowledge base, loaded and validated once."""
    return load_kb()


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A private copy of the bundled data folder, for tests that break it."""
    import shutil

    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("schema"))
    yield target
