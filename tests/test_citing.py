"""Citations a journalist can paste: every reference resolves to a link, sources in full, cite."""

from __future__ import annotations

import json
import re

import pytest

from deepseek_kb.errors import ExitCode

from .conftest import run

COMMIT_LINK = re.compile(r"https://github\.com/deepseek-ai/[\w.-]+/blob/[0-9a-f]{40}/\S+")


@pytest.mark.parametrize(
    ("source", "shape"),
    [
        ("v3-readme", r"/DeepSeek-V3/blob/[0-9a-f]{40}/README\.md$"),
        ("v2-paper", r"/DeepSeek-V2/blob/[0-9a-f]{40}/deepseek-v2-tech-report\.pdf$"),
        ("v3-git-release", r"/DeepSeek-V3/commit/[0-9a-f]{40}$"),
    ],
)
def test_a_source_shows_its_whole_address_at_80_columns(source: str, shape: str) -> None:
    """The link is on one unbroken line, at the commit it was read at, even in 80 columns."""
    result = run("sources", source, env={"COLUMNS": "80"})
    assert result.code == 0
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("URL: ")]
    assert re.search(shape, line.removeprefix("URL: ")), line
    assert "cited by" in result.stdout


def test_the_article_shows_its_title_date_and_permalink_and_no_invented_host() -> None:
    """`dskb sources article`: title, date, permalink /deepseek, and says no host is known."""
    out = run("sources", "article").stdout
    assert "DeepSeek 深度求索" in out and "2024-12-26" in out and "/deepseek" in out
    assert "none known" in out and "http" not in out.split("cited by")[0]


def test_sources_json_stays_the_list_and_one_source_is_an_object() -> None:
    """`sources --json` is the array; `sources ID --json` the record with link and cited_by."""
    listing = json.loads(run("sources", "--json").stdout)
    assert isinstance(listing, list) and len(listing) > 100
    one = json.loads(run("sources", "v3-readme", "--json").stdout)
    assert one["id"] == "v3-readme" and COMMIT_LINK.match(one["link"])
    assert {"id": "deepseek-v3", "type": "model"} in one["cited_by"]


def test_an_unknown_source_suggests_the_nearest_ids() -> None:
    """A near miss is suggested, exit 1."""
    result = run("sources", "v3-readm")
    assert result.code in (0, ExitCode.NOT_FOUND)
    result = run("sources", "v9-paper")
    assert result.code == ExitCode.NOT_FOUND and "did you mean" in result.stderr


@pytest.mark.parametrize(
    ("record", "expect"),
    [
        ("deepseek-v3", r"/DeepSeek-V3/blob/[0-9a-f]{40}/README\.md#L\d+"),
        ("deepseek-r1", r"/DeepSeek-R1/blob/[0-9a-f]{40}/README\.md#L\d+"),
        ("v3-release", r"/DeepSeek-V3/commit/[0-9a-f]{40}"),
    ],
)
def test_cite_markdown_links_to_a_line_at_a_commit(record: str, expect: str) -> None:
    """The Markdown citation of a model or event links its official file at a commit."""
    out = run("cite", record, "--format", "markdown").stdout
    assert re.search(r"\]\(https://github\.com/deepseek-ai" + expect + r"\)", out), out


@pytest.mark.parametrize("record", ["deepseek-v3", "liang-moat-closed-source", "v3-release"])
def test_cite_bibtex_and_csl_are_entries(record: str) -> None:
    """BibTeX gives comment lines (what is cited), then @misc entries; CSL-JSON a list of items."""
    bib = run("cite", record, "--format", "bibtex").stdout
    assert bib.startswith("% ") and re.search(r"^@misc\{", bib, re.M)
    csl = json.loads(run("cite", record, "--format", "csl-json").stdout)
    assert csl and all(item["title"] and item["id"] for item in csl)


@pytest.mark.parametrize("record", ["deepseek-v3", "liang-moat-closed-source", "v3-release"])
def test_cite_json_items_carry_url_except_the_articles(record: str) -> None:
    """Every citation object of a linked source has its url; the article's have none."""
    items = json.loads(run("cite", record, "--format", "json").stdout)
    assert items
    for item in items:
        if item["source"] == "article":
            assert "url" not in item
        else:
            assert item["url"].startswith("https://"), item


def test_a_quote_citation_names_speaker_words_article_and_line() -> None:
    """Speaker, the words in the language asked, the article's title, date and line."""
    zh = run("cite", "liang-moat-closed-source", "--lang", "zh").stdout
    assert "梁文锋" in zh and "护城河" in zh and "DeepSeek 深度求索" in zh
    assert "2024-12-26" in zh and "第 68 行" in zh and "没有注明出自哪次访谈" in zh
    en = run("cite", "liang-moat-closed-source", "--lang", "en").stdout
    assert "moat" in en and "护城河" not in en and "line 68" in en
    assert "does not name the interview" in en


def test_cite_accepts_words_that_name_one_record_and_refuses_vague_ones() -> None:
    """`cite V3` is the model; words matching many records exit 1 with the candidates."""
    assert "DeepSeek-V3" in run("cite", "DeepSeek-V3").stdout
    vague = run("cite", "the")
    assert vague.code in (ExitCode.NOT_FOUND, ExitCode.USAGE)


def test_cite_one_spec() -> None:
    """--field narrows to one spec's sources: V3's training cost is the paper's page 5."""
    items = json.loads(run("cite", "deepseek-v3", "--field", "training_cost", "-f", "json").stdout)
    assert any(i["source"] == "v3-paper" and i["url"].endswith("#page=5") for i in items)
    assert all("training_cost" in i["field"] for i in items)


def test_export_json_links_every_repository_citation_with_a_line_or_page() -> None:
    """At least 95% (here all) citations of repository files with a line or page deep-link."""
    data = json.loads(run("export").stdout)
    repos = {s["id"] for s in data["source"] if s.get("repo")}
    total = linked = 0

    def walk(value: object) -> None:
        nonlocal total, linked
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "sources" and isinstance(item, list):
                    for ref in item:
                        if ref["source"] in repos and (ref.get("line") or ref.get("page")):
                            total += 1
                            end = f"#L{ref['line']}" if ref.get("line") else f"#page={ref['page']}"
                            linked += str(ref.get("url", "")).endswith(end)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    assert total > 800 and linked / total >= 0.95, (linked, total)


@pytest.mark.slow
def test_no_record_prints_the_same_citation_twice() -> None:
    """In every model's detail, no line lists one citation twice (v3-paper p.5, v3-paper p.5)."""
    for model in json.loads(run("models", "--json").stdout):
        out = run("models", "show", model["id"], env={"COLUMNS": "400"}).stdout
        for line in out.splitlines():
            cites = [c.strip(" │") for c in re.findall(r"[a-z0-9-]+ (?:§\S+ )?(?:L|p\.)\d+", line)]
            assert len(cites) == len(set(cites)), (model["id"], line)


def test_a_cited_spec_says_its_value_before_its_sources() -> None:
    """`cite V3 --field training_cost` starts with the figure it cites, in the reader's language."""
    en = run("cite", "deepseek-v3", "--field", "training_cost", "--lang", "en").stdout
    assert en.splitlines()[0] == "DeepSeek-V3 — Training cost: $5.576M"
    zh = run("cite", "deepseek-v3", "--field", "training_cost", "--lang", "zh").stdout
    assert zh.splitlines()[0].endswith("训练成本：557.6 万美元")


@pytest.mark.parametrize("args", [["deepseek-v3", "--field", "training_cost"], ["--all"]])
def test_cite_json_is_format_json_like_every_lookup(args: list[str]) -> None:
    """`cite --json` writes what `cite -f json` writes, through the one output switch."""
    flag = run("cite", *args, "--json")
    named = run("cite", *args, "-f", "json")
    assert flag.code == named.code == 0, flag.stderr
    assert flag.stdout == named.stdout and json.loads(flag.stdout)


def test_cite_json_with_another_format_or_nothing_found_behaves_like_a_lookup() -> None:
    """--json beside --format bibtex is refused (exit 2); a miss as JSON is [] and exit 1."""
    both = run("cite", "deepseek-v3", "--json", "-f", "bibtex")
    assert both.code == ExitCode.USAGE and "two formats" in both.stderr
    missing = run("cite", "nosuchthingzz", "--json")
    assert missing.code == ExitCode.NOT_FOUND and json.loads(missing.stdout) == []
