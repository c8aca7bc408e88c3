"""The HTML page in a real browser (Playwright driving the system Chromium): search, language,
layout at phone and desktop widths, and axe-core's accessibility rules."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import run

# Every test here drives Chromium: seconds each, so none is in the fast tier.
pytestmark = pytest.mark.slow

BROWSER = next(
    (p for name in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(name))),
    None,
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium of the system's (never a downloaded one), or a skip saying why."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="no playwright: pip install -e .[dev]"
    )
    if BROWSER is None:
        pytest.skip("no chromium on this machine (apt-get install chromium): browser tests skipped")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=BROWSER, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The page exported in English and in Chinese."""
    folder = tmp_path_factory.mktemp("html")
    found = {}
    for lang in ("en", "zh"):
        found[lang] = folder / f"kb-{lang}.html"
        assert run("export", "-f", "html", "--lang", lang, "-o", str(found[lang])).code == 0
    return found


def _open(browser: Any, path: Path, width: int) -> Any:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(path.as_uri())
    return page


def _holding(word: str) -> int:
    """How many records hold a word in a text of either language (citations aside)."""

    def strings(value: Any) -> list[str]:
        if isinstance(value, dict):
            return [s for k, v in value.items() if k not in ("sources", "url") for s in strings(v)]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        return [value] if isinstance(value, str) else []

    data = json.loads(run("export").stdout)
    return sum(
        any(word.lower() in s.lower() for s in strings(r)) for rs in data.values() for r in rs
    )


def test_typing_in_the_search_box_filters_the_records(browser: Any, pages: dict[str, Path]) -> None:
    """护城河 lists exactly the records holding it, linked to their place; clearing hides the list."""
    page = _open(browser, pages["en"], 1280)
    page.fill("#q", "护城河")
    hits = page.locator("#hits li")
    assert hits.count() == _holding("护城河") > 0
    assert page.locator("#hits a[href='#topic-moat']").count() == 1
    page.fill("#q", "moat")
    assert hits.count() == _holding("moat")
    page.fill("#q", "")
    assert not page.locator("#hits").is_visible()
    page.close()


def test_the_chinese_export_opens_in_chinese(browser: Any, pages: dict[str, Path]) -> None:
    """--lang zh: the Chinese title shows, the English one is hidden; the switch turns it back."""
    page = _open(browser, pages["zh"], 1280)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert page.locator("h1 .zh").is_visible() and not page.locator("h1 .en").is_visible()
    page.click("label[for=lang-en]")
    assert page.locator("h1 .en").is_visible() and not page.locator("h1 .zh").is_visible()
    assert page.evaluate("document.documentElement.lang") == "en"
    page.close()


def test_the_comparison_leads_with_v3_and_r1_on_screen(
    browser: Any, pages: dict[str, Path]
) -> None:
    """At 1280 px the flagship models' columns are in view; the table scrolls in its own box."""
    page = _open(browser, pages["en"], 1280)
    for model in ("deepseek-v3", "deepseek-r1"):
        box = page.locator(f".compare thead a[href='#model-{model}']").bounding_box()
        assert box and box["x"] + box["width"] <= 1280, model
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 1280
    page.close()


def test_the_navigation_is_usable_on_a_phone(browser: Any, pages: dict[str, Path]) -> None:
    """At 390 px the section links sit on their own row, clear of the language switch, and the
    page itself never scrolls sideways."""
    page = _open(browser, pages["en"], 390)
    nav = page.locator(".bar nav").bounding_box()
    switch = page.locator(".switch").bounding_box()
    assert nav and switch and nav["y"] >= switch["y"] + switch["height"] - 1
    assert nav["width"] >= 340
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    page.click(".bar nav a[href='#timeline']")
    assert page.evaluate("location.hash") == "#timeline"
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axe_finds_no_serious_or_critical_violation(
    browser: Any, pages: dict[str, Path], width: int, lang: str, tmp_path: Path
) -> None:
    """axe-core (the copy axe-playwright-python ships) at desktop and phone widths."""
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text("utf-8")
    page = _open(browser, pages[lang], width)
    page.add_script_tag(content=script)
    violations = page.evaluate(
        "axe.run().then(r => r.violations.map(v => [v.id, v.impact, v.nodes.length]))"
    )
    page.screenshot(path=str(tmp_path / f"kb-{lang}-{width}.png"))
    page.close()
    assert [v for v in violations if v[1] in ("serious", "critical")] == []
    assert violations == [], violations  # none at all, as it stands
