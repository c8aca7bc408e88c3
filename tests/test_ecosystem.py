"""Fits its ecosystem: completion from the data, paging, colour, version, info, pictures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deepseek_kb import __version__

from .conftest import in_a_terminal, run


def complete(line: str) -> list[str]:
    """What bash completion offers for the last word of `line`."""
    words = line.split(" ")
    env = {
        **os.environ,
        "_DSKB_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1),
    }
    result = subprocess.run(
        [sys.executable, "-m", "deepseek_kb"], env=env, capture_output=True, text=True, timeout=60
    )
    return result.stdout.splitlines()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("dskb models show DeepSeek-V", "DeepSeek-V3"),
        ("dskb models --compare deepseek-c", "deepseek-coder-v2"),
        ("dskb quote --speaker Karp", "Karpathy"),
        ("dskb quote --topic innov", "innovation"),
        ("dskb search V3 --type mo", "model"),
        ("dskb timeline --type model", "model-release"),
        ("dskb timeline --about fire", "fire-flyer-2"),
        ("dskb ti", "timeline"),
    ],
)
def test_completion_offers_values_from_the_data(line: str, expected: str) -> None:
    """Commands, options and values (models, speakers, topics, types) complete."""
    offered = complete(line)
    assert expected in offered, offered
    assert all(" " not in item for item in offered)


@pytest.mark.slow
@pytest.mark.parametrize("option", ["--install-completion", "--show-completion"])
def test_completion_options_complete_shell_names_not_commands(option: str) -> None:
    """`dskb --install-completion <TAB>` offers the shells, not the commands."""
    assert set(complete(f"dskb {option} ")) >= {"bash", "zsh", "fish", "powershell"}
    assert "models" not in complete(f"dskb {option} ")
    assert complete(f"dskb {option} z") == ["zsh"]


# Typer's --show-completion detects the shell from the parent processes; a test run need not
# have a shell among them (CI, a detached job), so the tests name the shell instead.
NAMED_SHELL = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}


@pytest.mark.slow
def test_install_and_show_completion_exist() -> None:
    """Typer's completion scripts are there for bash, zsh and fish, each in its own syntax."""
    for shell, mark in (
        ("bash", "COMPREPLY"),
        ("zsh", "#compdef dskb"),
        ("fish", "complete --command dskb"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "deepseek_kb", "--show-completion", shell],
            env={**os.environ, **NAMED_SHELL},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0 and "_DSKB_COMPLETE" in result.stdout.upper(), shell
        assert mark in result.stdout, shell


@pytest.mark.slow
def test_long_output_goes_through_the_pager_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal, long output is handed to $PAGER."""
    paged = tmp_path / "paged.txt"
    env = {"PAGER": f"cat > {paged}"}
    in_a_terminal(["timeline"], env, cols=100, rows=10)
    assert "DeepSeek timeline" in paged.read_text(encoding="utf-8")
    paged.unlink()
    in_a_terminal(["--no-pager", "timeline"], env, cols=100, rows=10)
    assert not paged.exists()


def test_piped_output_never_pages(tmp_path: Path) -> None:
    """--pager is ignored when stdout is not a terminal."""
    paged = tmp_path / "paged.txt"
    env = {**os.environ, "PAGER": f"cat > {paged}"}
    result = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "--pager", "timeline"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "DeepSeek timeline" in result.stdout and not paged.exists()


def test_colour_switch() -> None:
    """--color never and always override the terminal's guess."""
    assert "\x1b[" not in run("--color", "never", "models").stdout
    assert "\x1b[" in run("--color", "always", "models", env={"NO_COLOR": ""}).stdout


def test_version_and_info() -> None:
    """--version prints the version; info lists data, cache and counts."""
    assert run("--version").stdout.strip() == f"dskb {__version__}"
    info = json.loads(run("info", "--json").stdout)
    assert info["version"] == __version__
    assert info["cache"].endswith(".sqlite")
    assert info["records"]["model"] >= 24
    human = run("info").stdout
    assert "cache" in human and "records" in human


def test_timeline_chart_draws_years_and_dots() -> None:
    """timeline --chart: a year ruler and one dot per event."""
    out = run("timeline", "--chart").stdout
    events = json.loads(run("timeline", "--json").stdout)
    assert "2012" in out and "2024" in out
    assert out.count("●") == len(events)


def test_compare_chart_draws_bars_with_values() -> None:
    """models --compare --chart: bars with the figures beside them."""
    out = run("models", "--compare", "--chart").stdout
    assert "█" in out and "671B / 37B" in out and "14.8T" in out and "$5.576M" in out
