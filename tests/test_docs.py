"""Docs come from the code: the README's command reference is regenerated and must match."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import run

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_readme_command_reference_is_current() -> None:
    """The reference section equals what `python docs/generate.py` would write now."""
    generator = _generator()
    assert generator.updated_readme() == (ROOT / "README.md").read_text(encoding="utf-8"), (
        "README.md is stale: run `python docs/generate.py`"
    )


def test_every_command_is_in_the_reference() -> None:
    """Each command and subcommand has its own help section in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in _generator().command_paths():
        assert f"### `dskb {' '.join(path)}`" in readme


def test_arguments_show_their_help() -> None:
    """Argument help is printed (it silently vanishes with Click 8.5 under Typer 0.25)."""
    assert "Words, names, numbers or pinyin" in run("search", "--help").stdout
    assert "A model: V3" in run("models", "show", "--help").stdout


def test_screenshots_exist_for_the_readme() -> None:
    """Every picture the README shows is in the repository."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _generator().SCREENSHOTS:
        assert (ROOT / "docs" / "img" / name).is_file()
    assert "docs/img/compare.svg" in readme
