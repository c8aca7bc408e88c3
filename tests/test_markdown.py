"""The Markdown export as readers and tools take it: markdownlint, CommonMark and Python-Markdown."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote

import pytest

from .conftest import run

LANGS = ["en", "zh", "both"]
_BLOCKS = {"h1", "h2", "h3", "h4", "li", "td", "th", "pre", "blockquote", "ul", "ol", "table", "tr"}
_INLINE = {"a", "code", "strong", "em", "s", "del", "img", "script"}


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    """The exported document in each language."""
    found = {}
    for lang in LANGS:
        result = run("export", "--format", "markdown", "--lang", lang)
        assert result.code == 0, result.stderr
        found[lang] = result.stdout
    return found


class _Shape(HTMLParser):
    """The blocks of a rendered page, the inline elements in them, their text and links."""

    def __init__(self) -> None:
        super().__init__()
        self.shape: list[tuple[str, str]] = []
        self.links: list[str] = []
        self._text: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.shape.append(("text", text))
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()
            self.shape.append(("open", tag))
        elif tag in _INLINE:
            self.shape.append(("inline", tag))
        if tag == "a":
            self.links.append(unquote(dict(attrs).get("href") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()
            self.shape.append(("close", tag))

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def _shape(html: str) -> tuple[list[tuple[str, str]], list[str]]:
    parser = _Shape()
    parser.feed(html)
    parser.close()
    return parser.shape, parser.links


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_markdownlint_passes(documents: dict[str, str], lang: str) -> None:
    """pymarkdown (markdownlint's rules) finds nothing but long lines, which a document may have."""
    from pymarkdown.api import PyMarkdownApi

    result = PyMarkdownApi().disable_rule_by_identifier("md013").scan_string(documents[lang])
    problems = [f"{f.line_number}: {f.rule_id} {f.rule_description}" for f in result.scan_failures]
    assert problems == []


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_commonmark_and_python_markdown_render_the_same(
    documents: dict[str, str], lang: str
) -> None:
    """markdown-it (CommonMark with tables) and Python-Markdown (MkDocs' tables, fenced_code):
    the same blocks in the same order, the same text in each, the same links."""
    import markdown
    from markdown_it import MarkdownIt

    text = documents[lang]
    commonmark = MarkdownIt("commonmark").enable("table").render(text)
    python_markdown = markdown.markdown(text, extensions=["tables", "fenced_code"])
    shape, links = _shape(commonmark)
    assert shape == _shape(python_markdown)[0]
    assert links == _shape(python_markdown)[1] and len(links) > 500
    assert ("open", "table") in shape and ("open", "blockquote") in shape


@pytest.mark.slow
def test_code_quoted_from_the_article_stays_code(documents: dict[str, str]) -> None:
    """Each code fact is a fenced block holding its lines exactly, and no heading comes of it."""
    from markdown_it import MarkdownIt

    data = json.loads(run("export").stdout)
    code = [f for f in data["fact"] if f.get("code")]
    tokens = MarkdownIt("commonmark").enable("table").parse(documents["en"])
    fences = [t.content.rstrip("\n") for t in tokens if t.type == "fence"]
    assert code and [f["text"]["en"] for f in code] == fences
    headings = [t for t in tokens if t.type == "heading_open" and t.tag == "h1"]
    assert len(headings) == 1


def test_text_is_escaped_only_where_it_would_change_the_rendering(
    documents: dict[str, str],
) -> None:
    """api_key, ~2.8B, '# LLM Params' and '49 -> 47' read as they are written in the data."""
    text = documents["en"]
    for plain in ("base_url", "~2.8B", '"# LLM Params"', "49 -> 47", "config_v3.1.json"):
        assert plain in text, plain
    assert "api\\_key" not in text and "vocab\\_size" not in text and "\\~" not in text


def test_a_show_command_gives_a_section_with_a_spec_list() -> None:
    """`models show V3 -f markdown`: a heading, the summary, one list item per spec."""
    result = run("models", "show", "V3", "-f", "markdown")
    lines = result.stdout.splitlines()
    assert result.code == 0 and lines[0] == "## DeepSeek-V3"
    assert "- **Total parameters**: 671B" in result.stdout
    assert not [line for line in lines if line.startswith("|")]
    assert max(len(line) for line in lines if not line.startswith("- ")) < 400


@pytest.mark.slow
def test_the_attacks_still_render_as_text(documents: dict[str, str]) -> None:
    """A summary holding HTML and a heading renders as that text in both engines."""
    import markdown
    from markdown_it import MarkdownIt

    from deepseek_kb.export.document import document

    data: dict[str, Any] = json.loads(run("export").stdout)
    attack = "<img src=x onerror=alert(1)> *a* _b_ [c](javascript:x) ~~d~~ | e\n# f"
    data["model"][0]["summary"] = {"zh": attack, "en": attack}
    text = document(data, "en")
    for html in (
        MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text),
        markdown.markdown(text, extensions=["tables", "fenced_code"]),
    ):
        assert "<img" not in html and "<em>" not in html and "<del>" not in html
        assert "javascript:" not in "".join(re.findall(r'href="([^"]*)"', html))
        assert " ".join(attack.split()) in unescape(re.sub(r"<[^>]+>", "", html))
