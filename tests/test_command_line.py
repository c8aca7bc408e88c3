"""The command line as gh reads (commands/groups.py): options anywhere, help that reads at any
width, completion without gaps, usage errors said once (an unknown command, a bad option)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from deepseek_kb.commands.groups import hoisted
from deepseek_kb.errors import ExitCode

from .conftest import dskb, in_a_terminal, run
from .test_ecosystem import complete

# --- options anywhere ---------------------------------------------------------------------------


def test_global_options_are_taken_after_the_command() -> None:
    """`quote 创新 --no-pager` and `models --color never` work as they do before the command."""
    after = run("quote", "创新", "--no-pager", "-n", "1", "--color", "never")
    before = run("--no-pager", "--color", "never", "quote", "创新", "-n", "1")
    assert after.code == 0, after.stderr
    assert after.stdout == before.stdout
    assert run("models", "show", "V3", "--color=never", "--json").code == 0


@pytest.mark.parametrize("args", [["help", "models"], ["info"], ["schema"]])
def test_lang_is_taken_after_a_command_without_its_own(args: list[str]) -> None:
    """`dskb help models --lang zh` runs as `dskb --lang zh help models` does."""
    after = run(*args, "--lang", "zh")
    assert after.code == 0, after.stderr
    assert after.stdout == run("--lang", "zh", *args).stdout


def test_a_command_keeps_its_own_option_of_a_global_name() -> None:
    """`validate --data-dir DIR` is validate's option; `quote --data-dir DIR` is the app's."""
    keep = frozenset({"--data-dir"})
    assert hoisted(["validate", "--data-dir", "d"], lambda _: keep) == [
        "validate",
        "--data-dir",
        "d",
    ]
    assert hoisted(
        ["quote", "x", "--data-dir", "d", "--", "--no-pager"], lambda _: frozenset()
    ) == [
        "--data-dir",
        "d",
        "quote",
        "x",
        "--",
        "--no-pager",
    ]


def test_validate_data_dir_after_the_command_checks_that_folder(tmp_path: Path) -> None:
    """`dskb validate --data-dir MISSING` reports that folder, exit 4."""
    result = run("validate", "--data-dir", str(tmp_path / "missing"))
    assert result.code == 4 and "missing" in result.stderr


# --- help ---------------------------------------------------------------------------------------


def _help_at(width: int, *args: str) -> str:
    """Help as a terminal of `width` columns gets it (Click's test runner pins help to 80)."""
    env = {**os.environ, "COLUMNS": str(width)}
    done = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", *args], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("width", [80, 100, 120, 160])
def test_top_level_help_reads_at_every_width(width: int) -> None:
    """Nothing cut, summaries whole, examples at the end, no line wider than the terminal,
    and the room used: at 120 columns no summary breaks with half a line free."""
    out = _help_at(width, "--help")
    if width >= 120:
        assert (
            "  people    The people the article names: the founder, researchers, commentators.\n"
            in out
        )
    assert (
        "..." not in out.split("\n", 1)[1]
        and "[auto|always|never]" in out
        and "--install-completion" in out
    )
    assert "Examples:\n  $ dskb models --compare\n" in out
    assert "\nCommands:\n" not in out, "every command in a named section (verify in Records)"
    assert all(cell_len(line) <= width for line in out.splitlines())
    flat = " ".join(out.split())
    assert "what is MLA) gets its answer, cited, above the hits." in flat


def test_help_command_shows_any_commands_help() -> None:
    """`dskb help models show` is `dskb models show --help`; an unknown command exits 2."""
    assert run("help").stdout.startswith("Usage: dskb [OPTIONS] COMMAND")
    assert run("help", "models", "show").stdout == run("models", "show", "--help").stdout
    assert run("help", "timeline").stdout == run("timeline", "--help").stdout
    missing = run("help", "nope")
    assert missing.code == 2 and "'dskb nope' is not a command" in missing.stderr


# --- completion ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected", "absent"),
    [
        ("dskb models sh", "show", "list"),
        ("dskb projects sh", "show", "list"),
        ("dskb models DeepSeek-V3", "DeepSeek-V3", "show"),
        ("dskb help models s", "show", "search"),
        ("dskb help ti", "timeline", "models"),
        ("dskb timeline --type op", "open-source", "software-release"),
        ("dskb timeline --type 开", "开源发布", "open-source"),
        ("dskb timeline --type ", "software-release", "open-source"),
    ],
)
def test_completion_offers_subcommands_beside_values(line: str, expected: str, absent: str) -> None:
    """A group's first word completes to its subcommands and to the names `list` takes."""
    offered = complete(line)
    assert expected in offered and absent not in offered, offered


def test_speaker_completion_offers_one_word_per_person() -> None:
    """With nothing typed, --speaker offers ids only, not ids and names mixed."""
    offered = complete("dskb quote --speaker ")
    assert "liang-wenfeng" in offered and "andrej-karpathy" in offered
    assert "梁文锋" not in offered and "Karpathy" not in offered
    assert len(offered) == len(set(offered))


def test_install_completion_honours_the_shell_named(tmp_path: Path) -> None:
    """`--install-completion zsh` run from bash installs zsh completion, not bash's."""
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    env.pop("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", None)
    result = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "--install-completion", "zsh"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".zfunc" / "_dskb").is_file()
    assert not (tmp_path / ".bashrc").exists()


# --- usage errors -------------------------------------------------------------------------------


def test_an_unknown_command_is_suggested_once() -> None:
    """`dskb compare` suggests `company` once, not twice."""
    result = dskb("compare", "V2", "V3")
    assert result.returncode == ExitCode.USAGE
    assert result.stderr.count("Did you mean") == 1


def test_an_unknown_dskb_lang_is_warned_about_once() -> None:
    """DSKB_LANG=xx is not silently ignored."""
    result = run("people", "--json", env={"DSKB_LANG": "xx"})
    assert result.code == 0 and result.stderr.count("DSKB_LANG='xx'") == 1


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


@pytest.mark.slow
def test_pager_and_colour_options_after_the_command_on_a_real_terminal(tmp_path: Path) -> None:
    """On a terminal, `quote 创新 --no-pager --color never` prints straight to the screen
    without colour; without them the same run is handed to the pager."""
    paged = tmp_path / "paged.txt"
    env = {"DSKB_PAGER": f"sh -c 'cat > {paged}'"}
    plain = in_a_terminal(["quote", "创新", "--no-pager", "--color", "never"], env, 100, 20)
    assert plain.code == 0 and "liang-innovation-not-arranged" in plain.text
    assert not paged.exists()
    assert "\x1b[1m" not in plain.raw and "\x1b[2m" not in plain.raw
    assert in_a_terminal(["quote", "创新"], env, 100, 20).code == 0
    assert "liang-innovation-not-arranged" in paged.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(("cols", "args"), [(120, []), (80, ["V2", "V3", "R1"])])
def test_the_comparison_is_one_table_on_a_real_terminal(cols: int, args: list[str]) -> None:
    """In a real terminal of 120 columns the flagships, at 80 V2/V3/R1, are one table."""
    screen = in_a_terminal(["models", "--compare", *args, "--no-pager", "--lang", "en"], None, cols)
    assert screen.code == 0
    head = next(line for line in screen.text.splitlines() if line.lstrip().startswith("Spec"))
    assert head.split()[1:] == (args or ["V2", "V3", "R1", "V3.2-Exp"])
    assert "(1/" not in screen.text and "Model licence" in screen.text
    shown = screen.text.split("DeepSeek models compared", 1)[1]  # after any index build's bar
    assert all(cell_len(line) <= cols for line in shown.splitlines())


# --- the end of a run ---------------------------------------------------------------------------


@pytest.mark.slow
def test_a_real_run_ends_with_its_output_whole(tmp_path: Path) -> None:
    """A run leaves what it made to the process's end (`cli.main` freezes it, sparing the
    interpreter's closing collections): what it wrote, on a pipe or into a file, is whole."""
    piped = dskb("export", "--format", "markdown")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == run("export", "--format", "markdown").stdout
    target = tmp_path / "kb.md"
    written = dskb("export", "--format", "markdown", "--output", str(target))
    assert written.returncode == 0, written.stderr
    assert target.read_text(encoding="utf-8") == piped.stdout
