"""`dskb models --compare` (render/compare.py, render/charts.py): a comparison that fits."""

from __future__ import annotations

import json
import re

import pytest
from rich.cells import cell_len

from .conftest import run, stdout_at


def test_the_default_comparison_is_the_flagships_on_one_page_at_120() -> None:
    """V2, V3, R1 and the latest official flagship side by side, in one table at 120 columns."""
    out = stdout_at(120, "models", "--compare", "--lang", "en")
    assert "(1/" not in out
    head = next(line for line in out.splitlines() if line.lstrip().startswith("Spec"))
    assert head.split()[1:] == ["V2", "V3", "R1", "V3.2-Exp"]
    assert all(cell_len(line) <= 120 for line in out.splitlines())


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_v2_v3_and_r1_fit_side_by_side_at_80(lang: str) -> None:
    """At 80 columns V2, V3 and R1 are compared in one table, not spread over pages."""
    out = stdout_at(80, "models", "--compare", "V2", "V3", "R1", "--lang", lang)
    assert "(1/" not in out and "(2/" not in out
    assert all(cell_len(line) <= 80 for line in out.splitlines())


def test_long_texts_in_the_comparison_are_numbered_notes() -> None:
    """A licence takes a few words and a note number in its cell; the note below gives it whole."""
    out = stdout_at(80, "models", "--compare", "V2", "V3", "R1", "--lang", "en")
    row = next(line for line in out.splitlines() if line.lstrip().startswith("Model"))
    numbers = re.findall(r"\[(\d+)\]", row)
    assert len(numbers) == 3
    whole = "Model License (DeepSeek-V2 series, including Base and Chat, supports commercial use)"
    assert f"[{numbers[0]}] Model licence: {whole}" in " ".join(out.split())


def test_compare_all_is_a_long_table_one_row_per_model() -> None:
    """--compare --all: one row per model, no pages, every model named at the start of a row."""
    models = json.loads(run("models", "--compare", "--all", "--json").stdout)
    out = stdout_at(80, "models", "--compare", "--all", "--lang", "en")
    assert "(1/" not in out
    starts = [line[1:] for line in out.splitlines() if line.startswith(" ")]
    for model in models:
        assert any(s.startswith(model["name"]["en"]) for s in starts), model["id"]
    assert all(cell_len(line) <= 80 for line in out.splitlines())


def test_the_chart_tells_activated_from_total_without_colour() -> None:
    """Without colour, the activated part of a bar is solid and the rest of the total shaded."""
    out = stdout_at(100, "--color", "never", "models", "--compare", "--chart", "V3")
    bar = next(line for line in out.splitlines() if line.startswith("DeepSeek-V3"))
    assert "█" in bar and "▒" in bar
    assert "▒ the rest of the total" in out
