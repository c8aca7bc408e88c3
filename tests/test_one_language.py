"""One language per run: a citation names the article's section in the reader's language
(`article §How to innovate L207` under --lang en, `§如何创新` under zh, both under both)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from deepseek_kb.values import SECTIONS_EN, cite

from .conftest import DATA, FIXTURES, run

CJK = re.compile(r"[\u3400-\u9fff]")


def _sections_cited() -> set[str]:
    """Every section of the article a citation in data/ names."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if value.get("source") == "article" and isinstance(value.get("section"), str):
                found.add(value["section"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in DATA.glob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def test_every_chinese_section_cited_has_an_english_heading() -> None:
    """A section the data cites in Chinese is in the catalogue, and its English is English."""
    chinese = {s for s in _sections_cited() if CJK.search(s)}
    assert chinese, "the data cites the article's sections"
    assert chinese <= set(SECTIONS_EN), chinese - set(SECTIONS_EN)
    assert not any(CJK.search(en) for en in SECTIONS_EN.values())


def test_the_catalogue_holds_only_the_articles_own_headings() -> None:
    """Each heading translated is a heading of the article, word for word."""
    article = (FIXTURES / "deepseek-article.md").read_text(encoding="utf-8")
    headings = {m.strip() for m in re.findall(r"^#+ (.+)$", article, flags=re.MULTILINE)}
    assert set(SECTIONS_EN) <= headings, set(SECTIONS_EN) - headings


def test_cite_picks_the_sections_language() -> None:
    """zh keeps the heading, en translates it, both gives the two, a name stays a name."""
    ref = {"source": "article", "section": "如何创新", "line": 207}
    assert cite(ref, "zh") == "article §如何创新 L207"
    assert cite(ref, "en") == "article §How to innovate L207"
    assert cite(ref, "both") == "article §如何创新 (How to innovate) L207"
    assert cite(ref) == "article §如何创新 L207"  # the data's own words, for JSON
    named = {"source": "article", "section": "DeepSeek V3", "line": 333}
    assert cite(named, "en") == cite(named, "both") == "article §DeepSeek V3 L333"


@pytest.mark.parametrize(
    "args",
    [
        ["quote", "创新"],
        ["models", "show", "V2"],
        ["people", "梁文锋"],
        ["explain", "MLA"],
        ["timeline", "--until", "2023"],
        ["projects", "show", "3FS"],
        ["quote", "创新", "-f", "markdown"],
        ["quote", "创新", "-f", "csv"],
    ],
)
def test_citations_read_in_english_under_lang_en(args: list[str]) -> None:
    """Under --lang en no citation names a Chinese section; under zh the Chinese is kept."""
    more = ["--limit", "40"] if args[0] == "quote" else []
    en = run(*args, *more, "--lang", "en")
    assert en.code == 0, en.stderr
    chinese = [f"§{s}" for s in SECTIONS_EN if f"§{s}" in en.stdout]
    assert not chinese, chinese


def test_quote_citations_follow_the_language_asked() -> None:
    """`quote 创新`: §How to innovate in English, §如何创新 in Chinese, both under both."""
    en = run("quote", "创新", "--lang", "en").stdout
    zh = run("quote", "创新", "--lang", "zh").stdout
    both = run("quote", "创新", "--lang", "both").stdout
    assert "article §How to innovate L184,207" in en and "如何创新" not in en
    assert "article §如何创新 L184,207" in zh and "How to innovate" not in zh
    assert "§如何创新 (How to innovate) L184,207" in " ".join(both.split())


def test_the_html_page_carries_the_section_in_each_language(tmp_path: Path) -> None:
    """The page's zh/en switch shows the section in the language chosen."""
    page = tmp_path / "kb.html"
    assert run("export", "-f", "html", "-o", str(page)).code == 0
    html = page.read_text(encoding="utf-8")
    assert '<span class="zh" lang="zh-CN">article §如何创新 L207</span>' in html
    assert '<span class="en">article §How to innovate L207</span>' in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_company_shows_whole_sentences_not_fragments(lang: str) -> None:
    """`dskb company`: a sentence the data holds in two facts, or over two lines, reads as one."""
    out = run("company", "--lang", lang, env={"COLUMNS": "1600"}).stdout
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    if lang == "en":
        fragments = [line for line in lines if line[:1].islower()]
        assert not fragments, fragments
        assert "a hundred billion and was called one of the" in out
        assert "A fact: unlike many big companies" in out
    else:
        assert "成立仅六年的幻方，抵达千亿规模，并被称为“量化四大天王”之一" in lines
        assert "事实：与很多大厂烧钱补贴不同，DeepSeek 有利润" in lines


def test_a_source_reads_in_one_language() -> None:
    """`sources v3-readme --lang zh`: kind, title and the kinds citing it in Chinese, the
    file's own English title labelled as its original."""
    zh = run("sources", "v3-readme", "--lang", "zh").stdout
    assert "类型: 仓库文件" in zh and "repository-file" not in zh
    assert "\n标题: deepseek-ai/DeepSeek-V3 仓库文件 README.md\n" in zh  # not zh / en
    assert "\n原标题: deepseek-ai/DeepSeek-V3: README.md\n" in zh  # its own, labelled
    assert "  模型 (3): " in zh and "model (" not in zh
    en = run("sources", "v3-readme", "--lang", "en").stdout
    assert "kind: repository-file" in en and "仓库文件" not in en
    listing = run("sources", "--lang", "zh").stdout
    assert "article  文章 · 2024-12-26" in listing and "web-page" not in listing


def test_search_hits_under_both_name_kind_and_field_in_both() -> None:
    """Under --lang both a hit reads 引语 quote · id · 正文 text.zh, as it reads 得分 score."""
    both = run("search", "护城河", "--lang", "both").stdout
    assert "引语 quote · liang-moat-closed-source · 正文 text." in both
