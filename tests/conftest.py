"""Shared fixtures: a pinned terminal, an isolated cache, the real KB and a CLI runner."""

from __future__ import annotations

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
