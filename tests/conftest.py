"""Shared fixtures: a pinned terminal, an isolated cache, the real KB and a CLI runner."""

from __future__ import annotations

import fcntl
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pexpect
import pytest
import typer.main
from click.testing import CliRunner

from deepseek_kb.cli import app
from deepseek_kb.loader.records import KB, load_kb

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parent.parent / "data"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject.toml's addopts): a pytest-xdist worker per core while other work
    leaves at least half a core idle; on a machine already busy, none (the tests run in this
    one process), since workers could only share the cores others hold and each adds its own
    start-up (an import and a collection). Measured on this 2-core machine under a load of
    5: the fast tier took 110 s with two workers against 84–96 s in one process."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = cores or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:  # no load average on this system
        busy = 0.0
    return cores if cores >= 2 and cores - busy >= 0.5 else 0


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


def dskb(
    *args: str, env: dict[str, str] | None = None, cache: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """dskb as a real process, as a user's shell would run it."""
    full = {**os.environ, **(env or {})}
    if cache is not None:
        full["XDG_CACHE_HOME"] = str(cache)
    return subprocess.run(
        [sys.executable, "-m", "deepseek_kb", *args],
        env=full,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
    )


@cache
def _click_app() -> Any:
    """The app as Click runs it, built once: Typer's test runner builds it anew from the
    functions' signatures on every run, which is half the time of a short in-process run."""
    return typer.main.get_command(app)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run dskb in-process through Typer's test runner; stdout and stderr kept apart."""
    result = CliRunner().invoke(_click_app(), list(args), env=env, catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


def first_hit(*args: str) -> dict[str, Any]:
    """The first hit `dskb search ARGS --json` gives (the answer's record when one is asserted,
    its `match` saying how)."""
    result = run("search", *args, "--json")
    assert result.code == 0, result.stderr
    hits = json.loads(result.stdout)
    assert isinstance(hits, list) and hits
    first = hits[0]
    assert isinstance(first, dict)
    return first


def asserted_answer(query: str) -> dict[str, Any] | None:
    """The answer `dskb search --json` asserts first (its value, text, field asked, the record's
    id and field), or None when it asserts none."""
    result = run("search", query, "--json")
    assert result.code in (0, 1), result.stderr
    hits = json.loads(result.stdout) if result.code == 0 else []
    match = hits[0]["match"] if hits else {}
    if match.get("how") != "answer":
        return None
    return dict(match["answer"], id=hits[0]["id"], field=match["field"])


def stdout_at(width: int, *args: str) -> str:
    """What a successful run prints on a terminal `width` columns wide."""
    result = run(*args, env={"COLUMNS": str(width)})
    assert result.code == 0, result.stderr
    return result.stdout


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
    until: str | None = None,
    seconds: float = 300,
) -> Screen:
    """Run dskb on a pseudo-terminal of cols × rows in a fresh shell's environment (plus
    `env`) to its end. With `until` (a regular expression), type `keys` as soon as the screen
    shows it (q leaves a pager: give `until` to every run that pages with less). `seconds`
    only bounds a run that hangs: the wait ends as soon as the pattern shows or the run ends."""
    fresh = {k: v for k, v in os.environ.items() if k not in _SHELL_SETTINGS}
    fresh.update({"TERM": "xterm-256color", **(env or {})})
    screen = io.BytesIO()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "deepseek_kb", *args],
        env=fresh,
        dimensions=(rows, cols),
        timeout=seconds,
    )
    child.logfile_read = screen
    try:
        if until is not None:
            child.expect(until.encode())
            child.send(keys)
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    code = child.exitstatus if child.exitstatus is not None else -(child.signalstatus or 0)
    return Screen(screen.getvalue().decode("utf-8", "replace"), code)


@pytest.fixture(scope="session")
def kb() -> KB:
    """The bundled knowledge base, loaded and validated once."""
    return load_kb()


def copied_data(tmp: Path) -> Path:
    """A private copy of the bundled data folder under `tmp` (made once), for tests that break
    it."""
    target = tmp / "data"
    if not target.exists():
        shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("schema"))
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A private copy of the bundled data folder, for tests that break it."""
    yield copied_data(tmp_path)


def alive(pid: int) -> bool:
    """Whether a process is running (not gone, not a zombie)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


_IMPORT_PROBE = (
    "import sys\n"
    "from deepseek_kb.cli import main\n"
    "roots = set(sys.argv[1].split(','))\n"
    "sys.argv = ['dskb'] + sys.argv[2:]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "found = sorted(m for m in sys.modules if m.split('.')[0] in roots)\n"
    "sys.stderr.write('IMPORTED=' + ','.join(found))\n"
)


def imported(args: list[str], roots: tuple[str, ...], env: dict[str, str]) -> list[str]:
    """The modules under `roots` (yaml, pydantic, mcp …) that one fresh `dskb ARGS` imports."""
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE, ",".join(roots), *args],
        env=env,
        capture_output=True,
        text=True,
    )
    found = done.stderr.rsplit("IMPORTED=", 1)[1]
    return found.split(",") if found else []


# --- work done once per run and shared read-only: the same inputs, not the same checks ---------


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder `make` fills once for the whole run and every test then only reads. Under
    pytest-xdist the workers share it: the first to ask makes it (the others wait on a lock)."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder, done = root / "made-once" / name, root / "made-once" / f"{name}.done"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with (root / "made-once" / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """`synthetic(records, style)`: benchmarks/synthetic_kb.py's data folder of that many
    records, generated once per run (20,000 records in block YAML take seconds) and never
    written to by a test (a test's index goes to its own cache)."""

    def folder(records: int, style: str = "json") -> Path:
        from benchmarks.synthetic_kb import generate

        def make(out: Path) -> None:
            generate(out, records, style=style)

        return made_once(tmp_path_factory, f"synthetic-{records}-{style}", make)

    return folder


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data's index file as a first `dskb info` (a real process) builds it, made
    once per run for the tests that damage or inspect a copy of it (see `with_index`)."""

    def make(cache: Path) -> None:
        # The developer's own settings must not change which data is indexed.
        env = {k: v for k, v in os.environ.items() if not k.startswith("DSKB_")}
        env["XDG_CACHE_HOME"] = str(cache)
        done = subprocess.run(
            [sys.executable, "-m", "deepseek_kb", "info"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr

    cache = made_once(tmp_path_factory, "built-index", make)
    return next((cache / "dskb").glob("index-*.sqlite"))


def with_index(index: Path, cache: Path) -> Path:
    """A cache folder holding a copy of a built index (its lock and notes left to the next
    run), as a first run would have left it; returns the copy."""
    (cache / "dskb").mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(index, cache / "dskb" / index.name))
