"""A CLI that behaves like gh: a comparison that fits, options anywhere, --from on every record
command, help and completion without gaps, timeline types by their shown names, whole lines
on a pipe and -R for the reader's LESS."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from deepseek_kb.commands.groups import hoisted
from deepseek_kb.render.terminal import less_options

from .conftest import in_a_terminal, run
from .test_ecosystem import complete


def _at(width: int, *args: str) -> str:
    result = run(*args, env={"COLUMNS": str(width)})
    assert result.code == 0, result.stderr
    return result.stdout


def _sources(value: Any) -> set[str]:
    """Every source id cited anywhere inside a JSON value."""
    if isinstance(value, dict):
        found = {value["source"]} if isinstance(value.get("source"), str) else set()
        return found.union(*(_sources(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_sources(v) for v in value))
    return set()


# --- models --compare -------------------------------------------------------------------------


def test_the_default_comparison_is_the_flagships_on_one_page_at_120() -> None:
    """V2, V3, R1 and the latest official flagship side by side, in one table at 120 columns."""
    out = _at(120, "models", "--compare", "--lang", "en")
    assert "(1/" not in out
    head = next(line for line in out.splitlines() if line.lstrip().startswith("Spec"))
    assert head.split()[1:] == ["V2", "V3", "R1", "V3.2-Exp"]
    assert all(cell_len(line) <= 120 for line in out.splitlines())


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_v2_v3_and_r1_fit_side_by_side_at_80(lang: str) -> None:
    """At 80 columns V2, V3 and R1 are compared in one table, not spread over pages."""
    out = _at(80, "models", "--compare", "V2", "V3", "R1", "--lang", lang)
    assert "(1/" not in out and "(2/" not in out
    assert all(cell_len(line) <= 80 for line in out.splitlines())


def test_long_texts_in_the_comparison_are_numbered_notes() -> None:
    """A licence takes a few words and a note number in its cell; the note below gives it whole."""
    out = _at(80, "models", "--compare", "V2", "V3", "R1", "--lang", "en")
    row = next(line for line in out.splitlines() if line.lstrip().startswith("Model"))
    numbers = re.findall(r"\[(\d+)\]", row)
    assert len(numbers) == 3
    whole = "Model License (DeepSeek-V2 series, including Base and Chat, supports commercial use)"
    assert f"[{numbers[0]}] Model licence: {whole}" in " ".join(out.split())


def test_compare_all_is_a_long_table_one_row_per_model() -> None:
    """--compare --all: one row per model, no pages, every model named at the start of a row."""
    models = json.loads(run("models", "--compare", "--all", "--json").stdout)
    out = _at(80, "models", "--compare", "--all", "--lang", "en")
    assert "(1/" not in out
    starts = [line[1:] for line in out.splitlines() if line.startswith(" ")]
    for model in models:
        assert any(s.startswith(model["name"]["en"]) for s in starts), model["id"]
    assert all(cell_len(line) <= 80 for line in out.splitlines())


def test_the_chart_tells_activated_from_total_without_colour() -> None:
    """Without colour, the activated part of a bar is solid and the rest of the total shaded."""
    out = _at(100, "--color", "never", "models", "--compare", "--chart", "V3")
    bar = next(line for line in out.splitlines() if line.startswith("DeepSeek-V3"))
    assert "█" in bar and "▒" in bar
    assert "▒ the rest of the total" in out


# --- options anywhere, --from everywhere --------------------------------------------------------


def test_global_options_are_taken_after_the_command() -> None:
    """`quote 创新 --no-pager` and `models --color never` work as they do before the command."""
    after = run("quote", "创新", "--no-pager", "-n", "1", "--color", "never")
    before = run("--no-pager", "--color", "never", "quote", "创新", "-n", "1")
    assert after.code == 0, after.stderr
    assert after.stdout == before.stdout
    assert run("models", "show", "V3", "--color=never", "--json").code == 0


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


@pytest.mark.parametrize(
    "args",
    [
        ["models", "show", "V3"],
        ["explain", "MLA"],
        ["company"],
    ],
)
def test_from_official_leaves_out_the_article(args: list[str]) -> None:
    """Every record command takes --from: official shows no citation of the article."""
    everything = json.loads(run(*args, "--json").stdout)
    official = json.loads(run(*args, "--from", "official", "--json").stdout)
    assert "article" in _sources(everything)
    assert official and "article" not in _sources(official)


@pytest.mark.parametrize(
    "args", [["quote"], ["people"], ["people", "梁文锋"], ["explain"], ["models", "show", "R1"]]
)
def test_from_article_keeps_only_the_article_and_its_pages(args: list[str]) -> None:
    """--from article on quote, people and explain: every citation is the article's tier."""
    sources = json.loads(run("sources", "--json").stdout)
    official = {s["id"] for s in sources if s.get("provenance") == ["official"]}
    assert official
    told = json.loads(run(*args, "--from", "article", "--json").stdout)
    assert told and not (_sources(told) & official)


def test_from_a_tier_that_says_nothing_of_a_record_exits_1() -> None:
    """A model the article never names, asked --from article: exit 1 and what to do."""
    result = run("models", "show", "V3.2", "--from", "article")
    assert result.code == 1
    assert "says nothing about deepseek-v3.2" in result.stderr and "--from" in result.stderr
    assert run("models", "show", "V3.2", "--from", "article", "--json").stdout.strip() == "{}"


# --- help ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 100, 120, 160])
def test_top_level_help_reads_at_every_width(width: int) -> None:
    """Nothing cut, summaries whole, examples at the end, no line wider than the terminal."""
    out = _at(width, "--help")
    assert (
        "..." not in out.split("\n", 1)[1]
        and "[auto|always|never]" in out
        and "--install-completion" in out
    )
    assert "Examples:\n  $ dskb models --compare\n" in out
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


# --- timeline -----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["open-source", "open source", "Open-Source", "开源发布"])
def test_timeline_type_by_its_shown_name(typed: str) -> None:
    """--type takes the name a row shows, in either language, as well as the id."""
    by_id = run("timeline", "--type", "software-release", "--json").stdout
    assert json.loads(by_id)
    assert run("timeline", "--type", typed, "--json").stdout == by_id


def test_timeline_type_badge_is_never_split_at_80() -> None:
    """At 80 columns `open source` stays on one line."""
    lines = _at(80, "timeline", "--lang", "en").splitlines()
    for above, below in itertools.pairwise(lines):
        assert not (above.endswith("open") and below.strip().startswith("source")), above


def test_timeline_chart_axis_fits_the_events_shown() -> None:
    """--since 2025: the axis starts at 2025, and titles are not cut short at 100 columns."""
    out = _at(100, "timeline", "--chart", "--since", "2025", "--lang", "en")
    assert "2012" not in out and "2024" not in out and "2025" in out
    assert "DeepSeek-R1 paper published in Nature" in out


# --- pipes and pagers ---------------------------------------------------------------------------


def test_piped_output_is_not_wrapped() -> None:
    """On a pipe (COLUMNS unset) lines are whole, as gh prints them, with no trailing spaces."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    result = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "--lang", "en", "sources", "--paths"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) > 80 or all(
        "/" not in line or line.count("/") == line.strip().count("/") for line in lines
    )
    assert not any(line != line.rstrip() for line in lines)
    timeline = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "--lang", "en", "timeline", "--details"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.splitlines()
    assert max(cell_len(line) for line in timeline) > 120


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


def test_a_wrong_character_in_a_chinese_name_still_finds_the_person() -> None:
    """`people 梁文峰` (峰 for 锋) shows Liang Wenfeng, as `people Karpaty` shows Karpathy."""
    assert json.loads(run("people", "梁文峰", "--json").stdout)["id"] == "liang-wenfeng"
    assert json.loads(run("people", "Karpaty", "--json").stdout)["id"] == "andrej-karpathy"
    assert run("people", "梁文x峰锋", "--json").code == 1


def test_search_hits_name_their_kind_and_field_in_the_readers_language() -> None:
    """Under --lang zh a hit reads 引语 · id · 正文, not quote · id · text.zh; English stays."""
    zh = run("search", "护城河", "--lang", "zh").stdout
    assert "引语 · liang-moat-closed-source · 正文 · 得分" in zh
    assert "quote ·" not in zh and "text.zh" not in zh
    en = run("search", "moat", "--lang", "en").stdout
    assert "quote · liang-moat-closed-source · text.en · score" in en


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_csv_listing_starts_with_a_byte_order_mark_when_asked(where: str) -> None:
    """`dskb --bom timeline -f csv` and `dskb timeline -f csv --bom`: Excel reads the UTF-8."""
    args = ["timeline", "-f", "csv"]
    args = ["--bom", *args] if where == "before" else [*args, "--bom"]
    out = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", *args], capture_output=True, check=True
    ).stdout
    assert out.startswith(b"\xef\xbb\xbfid,")
    plain = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "timeline", "-f", "csv"],
        capture_output=True,
        check=True,
    ).stdout
    assert plain.startswith(b"id,")
