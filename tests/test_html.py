"""`dskb export --format html`: one self-contained, bilingual, cited page that renders well."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from deepseek_kb.export.page import page

from .conftest import run

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
VOID = {"meta", "input", "br", "col", "link", "img", "hr", "wbr"}


def _html() -> str:
    result = run("export", "--format", "html")
    assert result.code == 0, result.stderr
    return result.stdout


def _data() -> dict[str, list[dict[str, Any]]]:
    result = run("export", "--format", "json")
    assert result.code == 0, result.stderr
    data: dict[str, list[dict[str, Any]]] = json.loads(result.stdout)
    return data


class _Balance(HTMLParser):
    """Every element opened is closed, in order (void elements excepted)."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def test_the_page_is_one_self_contained_document() -> None:
    """One <html>, UTF-8, a phone viewport, and nothing fetched from anywhere."""
    html = _html()
    assert html.startswith("<!doctype html>")
    assert html.count("<html") == 1
    assert '<meta charset="utf-8">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    for fetch in ("<script src", '<link rel="stylesheet"', "@import", "url(http", 'src="http'):
        assert fetch not in html, fetch


def test_the_page_is_well_formed() -> None:
    """Every element the page opens it closes, in order."""
    parser = _Balance()
    parser.feed(_html())
    assert parser.problems == []
    assert parser.open == []


def test_the_page_names_every_model() -> None:
    """Every model's English name is on the page, the main ones in the comparison too."""
    html = _html()
    models = _data()["model"]
    assert models
    for model in models:
        assert escape(model["name"]["en"]) in html, model["id"]
        assert f'id="model-{model["id"]}"' in html
    for model in (m for m in models if m["main"]):
        assert f'href="#model-{model["id"]}"' in html


def test_the_page_holds_both_languages_of_a_record() -> None:
    """DeepSeek-V3's summary is on the page in Chinese and in English."""
    html = _html()
    v3 = next(m for m in _data()["model"] if m["id"] == "deepseek-v3")
    assert escape(v3["summary"]["zh"]) in html
    assert escape(v3["summary"]["en"]) in html


def test_the_page_switches_language_and_defaults_to_english() -> None:
    """Two radio inputs switch zh/en with CSS alone; English is checked; --lang zh opens in
    Chinese (another file, not the same bytes)."""
    html = _html()
    assert '<html lang="en">' in html
    assert 'id="lang-en" checked>' in html
    assert '<input class="lang" type="radio" name="lang" id="lang-zh">' in html
    assert 'for="lang-en"' in html and 'for="lang-zh"' in html
    assert (
        "body:has(#lang-en:checked) .zh, body:has(#lang-zh:checked) .en { display: none; }" in html
    )
    chinese = run("export", "--format", "html", "--lang", "zh").stdout
    assert '<html lang="zh-CN">' in chinese and 'id="lang-zh" checked>' in chinese
    assert chinese != html


def test_the_only_script_is_inline_and_the_data_cannot_close_it() -> None:
    """One inline script and two JSON blocks; a record holding </script> stays inside its block."""
    data = copy.deepcopy(_data())
    data["model"][0]["summary"] = {"zh": "</script><script>alert(1)</script>", "en": "x"}
    html = page(data)
    assert html.count("<script") == 3 and "<script src" not in html
    assert "</script><script>alert(1)" not in html


def test_names_that_read_the_same_are_shown_once() -> None:
    """A name the same in both languages is written once, outside the switch."""
    html = _html()
    assert '<h3 class="entry">DeepSeekMoE 16B</h3>' in html
    assert (
        '<span class="zh" lang="zh-CN">DeepSeek V3</span><span class="en">DeepSeek-V3</span>'
        in html
    )


def test_superseded_values_have_a_dagger_and_a_footnote() -> None:
    """V2's activated parameters are marked † and the footnote gives the old value and why."""
    html = _html()
    assert 'href="#fn-1">†1</a></sup>' in html
    assert '<li id="fn-1">' in html
    assert "<s>2.1B</s>" in html
    assert "apparently a misplaced decimal point" in html


def test_commit_dates_are_marked_in_both_languages() -> None:
    """A date read from a git commit says so: (commit date) and （提交日期）."""
    html = _html()
    assert "(commit date)" in html
    assert "（提交日期）" in html


def test_citations_link_to_their_line_or_their_source() -> None:
    """A citation with a URL links there; the article's, which has none, link to its source entry."""
    html = _html()
    assert (
        'href="https://github.com/deepseek-ai/DeepSeek-V3/blob/'
        '9b4e9788e4a3a731f7567338ed15d3ec549ce03b/README.md#L47"'
    ) in html
    assert '<a href="#src-article">article §DeepSeek V3 L330</a>' in html
    assert '<li id="src-article">' in html


def test_every_text_is_escaped() -> None:
    """Markup in the data is shown as text, never run."""
    data = copy.deepcopy(_data())
    data["model"][0]["summary"] = {"zh": "<b>粗</b>", "en": "<script>alert(1)</script>"}
    html = page(data)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;粗&lt;/b&gt;" in html


def test_the_same_data_gives_the_same_bytes() -> None:
    """The page is deterministic: drawing it twice gives the same text."""
    data = _data()
    assert page(data) == page(copy.deepcopy(data))


def test_output_file_matches_stdout(tmp_path: Path) -> None:
    """-o FILE writes exactly the bytes stdout would have carried."""
    target = tmp_path / "kb.html"
    result = run("export", "--format", "html", "-o", str(target))
    assert result.code == 0, result.stderr
    assert result.stdout == ""
    assert target.read_bytes() == _html().encode("utf-8")


def _browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


@pytest.mark.slow
@pytest.mark.parametrize("width", [390, 1280])
def test_the_page_renders_in_a_headless_browser(tmp_path: Path, width: int) -> None:
    """Headless Chromium draws the page at phone and desktop widths into a real screenshot."""
    browser = _browser()
    if browser is None:
        pytest.skip(f"no browser found ({', '.join(BROWSERS)}): cannot take a screenshot")
    target = tmp_path / "kb.html"
    assert run("export", "--format", "html", "-o", str(target)).code == 0
    shot = tmp_path / f"kb-{width}.png"
    subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--window-size={width},2400",
            f"--screenshot={shot}",
            target.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert shot.exists()
    assert shot.stat().st_size > 20_000
