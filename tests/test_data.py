"""The bundled data, tested like code: clean, cited, bilingual, verbatim, complete, errata kept."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from deepseek_kb import schema
from deepseek_kb.loader.records import KB
from deepseek_kb.schema import Model, Record, SourceRef, Superseded, Text

from .conftest import FIXTURES

HAN = re.compile(r"[\u4e00-\u9fff]")


@cache
def article_lines() -> list[str]:
    """The article, line by line, cleaned as the data rules say: markdown marks and list markers gone."""
    out = []
    for raw in (FIXTURES / "deepseek-article.md").read_text(encoding="utf-8").splitlines():
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", raw)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = line.replace("**", "").replace("`", "").strip()
        line = re.sub(r"^(?:[-*>] )+", "", line).strip()
        out.append(line)
    return out


OFFICIAL_FILES = ("official-model-facts.yaml", "official-2025.yaml", "official-2025-extra.yaml")
# Saved copies of DeepSeek's web pages (its API docs, its deepseek-ai Hugging Face pages), byte for
# byte as official-2025-extra.yaml was checked against: JSON with the page's url and the excerpt.
CAPTURES = FIXTURES / "official-2025-extra-captures"


@cache
def captured_pages() -> dict[str, list[str]]:
    """Each saved page copy's lines (1-based line n is item n-1), by the page's URL."""
    pages = {}
    for path in sorted(CAPTURES.glob("*.json")):
        capture = json.loads(path.read_text(encoding="utf-8"))
        pages[capture["url"]] = capture["excerpt"].splitlines()
    return pages


def page_sources(kb: KB) -> dict[str, schema.Source]:
    """The sources that are saved copies of DeepSeek's own pages, by id."""
    return {
        s.id: s
        for s in kb.records["source"]
        if isinstance(s, schema.Source) and s.kind == "official-page"
    }


def page_citations(kb: KB) -> Iterator[tuple[str, str, SourceRef]]:
    """Every citation of a saved page anywhere in the KB: record id, path, citation."""
    pages = page_sources(kb)
    for record in kb.all():
        for path, value in walk(record):
            if isinstance(value, SourceRef) and value.source in pages:
                yield record.id, path, value


@cache
def official_quotes() -> dict[tuple[str, str, int | None], frozenset[str]]:
    """Every verbatim quote the reference files record, by (source, "line"|"page", number).

    Commit subjects are recorded under the commit's source with no number.
    """
    found: dict[tuple[str, str, int | None], set[str]] = {}

    def add(key: tuple[str, str, int | None], quote: str) -> None:
        found.setdefault(key, set()).add(quote.strip())

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("quote"), str) and node.get("source"):
                if node.get("line"):
                    add((node["source"], "line", int(node["line"])), node["quote"])
                elif node.get("pdf_page"):
                    add((node["source"], "page", int(node["pdf_page"])), node["quote"])
                else:
                    add((node["source"], "", None), node["quote"])
            if isinstance(node.get("commit_subject"), str) and node.get("id"):
                add((node["id"], "", None), node["commit_subject"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for name in OFFICIAL_FILES:
        walk(_reference_file(name))
    return {key: frozenset(quotes) for key, quotes in found.items()}


def _reference_file(name: str) -> Any:
    """A reference file's records. official-2025-extra.yaml's header line `checker: ... (git): 67
    passed` is not valid YAML (an unquoted ': '); the copy stays byte for byte, so its records
    are read from its `sources:` key on."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    if name == "official-2025-extra.yaml":
        text = text[text.index("\nsources:\n") :]
    return yaml.safe_load(text)


def reference_key(ref: SourceRef) -> tuple[str, str, int | None]:
    """Where a citation says its quote stands: a line, a PDF page, or a commit subject."""
    if ref.line:
        return (ref.source, "line", ref.line)
    if ref.page:
        return (ref.source, "page", ref.page)
    return (ref.source, "", None)


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every nested value of a record with its dotted path."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")


def article_refs(refs: list[SourceRef]) -> list[SourceRef]:
    return [r for r in refs if r.source == "article" and r.line]


def test_bundled_data_loads_clean_with_a_realistic_number_of_records(kb: KB) -> None:
    """The real data/ folder validates and holds 400–600 records, some of every type."""
    counts = {t: len(r) for t, r in kb.records.items()}
    assert all(counts.values()), counts
    assert 400 <= sum(counts.values()) <= 600, counts


def test_ids_are_unique_across_the_whole_kb(kb: KB) -> None:
    """No two records share an id, whatever their type."""
    ids = [r.id for r in kb.all()]
    assert len(ids) == len(set(ids))


def test_every_record_and_every_spec_cites_a_defined_source(kb: KB) -> None:
    """Each record has sources, and every citation anywhere names a source record."""
    source_ids = {s.id for s in kb.records["source"]}
    for record in kb.all():
        assert record.sources, record.id
        for path, value in walk(record):
            if isinstance(value, SourceRef):
                assert value.source in source_ids, (record.id, path)


def test_every_text_is_bilingual_with_a_real_translation(kb: KB) -> None:
    """zh and en are both present, and the English holds no Chinese at all."""
    for record in kb.all():
        for path, value in walk(record):
            if isinstance(value, Text):
                assert value.zh.strip() and value.en.strip(), (record.id, path)
                assert not HAN.search(value.en), (record.id, path, value.en)


def _verbatim_texts(record: Record) -> Iterator[tuple[str, Text, list[SourceRef]]]:
    """The texts that must be the article's own words: main texts of article-cited records."""
    record_refs = article_refs(record.sources)
    texts = [(name, getattr(record, name, None)) for name in ("text", "description")]
    texts += [(f"bio[{i}]", bio) for i, bio in enumerate(getattr(record, "bio", []))]
    for name, value in texts:
        if isinstance(value, Text):  # a text with its own citations answers to those alone
            refs = article_refs(value.sources) if value.sources else record_refs
            if refs:
                yield name, value, refs
    for path, value in walk(record):
        if isinstance(value, Superseded) and isinstance(value.value, Text):
            old_refs = article_refs(value.sources)
            if old_refs:
                yield f"{path}.value", value.value, old_refs
    if isinstance(record, Model):
        for i, claim in enumerate(record.claims):
            refs = article_refs(claim.sources)
            if refs:
                yield f"claims[{i}].text", claim.text, refs


def test_chinese_text_from_the_article_is_verbatim_and_on_the_cited_line(kb: KB) -> None:
    """Every line of such a zh text occurs in the cleaned article; the first on a cited line."""
    lines = article_lines()
    whole = "\n".join(lines)
    checked = 0
    for record in kb.all():
        for path, text, refs in _verbatim_texts(record):
            pieces = [p for p in text.zh.split("\n") if p.strip()]
            for piece in pieces:
                assert piece in whole, f"{record.id} {path}: not verbatim: {piece!r}"
            cited = [lines[r.line - 1] for r in refs if r.line and r.line <= len(lines)]
            assert any(pieces[0] in line for line in cited), (
                f"{record.id} {path}: first line not on cited lines {[r.line for r in refs]}"
            )
            checked += 1
    assert checked > 100


def test_source_records_that_cite_an_article_line_find_their_link_there(kb: KB) -> None:
    """A linked source's URL (or title) is on the article line it says it was found on."""
    raw = (FIXTURES / "deepseek-article.md").read_text(encoding="utf-8").splitlines()
    for source in kb.records["source"]:
        assert isinstance(source, schema.Source)
        for ref in article_refs(source.sources):
            if source.id == "article":
                continue
            line = raw[ref.line - 1]  # type: ignore[operator]
            needle = (source.url or "").removeprefix("https://")
            path = source.path or source.title.zh
            assert needle in line or path in line, (source.id, ref.line)


@pytest.mark.slow
def test_quotes_from_official_files_are_verbatim_on_their_line_or_page(kb: KB) -> None:
    """Every `quote` of an official file is what the reference files record at that line or page."""
    quotes = official_quotes()
    checked = 0
    for record in kb.all():
        for path, value in walk(record):
            if isinstance(value, SourceRef) and value.quote and value.source != "article":
                if value.source in page_sources(kb):
                    continue  # checked against the saved page itself, below
                key = reference_key(value)
                assert value.quote.strip() in quotes.get(key, ()), (record.id, path, key)
                checked += 1
    assert checked > 400


def test_every_official_page_source_has_its_saved_copy(kb: KB) -> None:
    """Each official-page source's URL is the URL of one saved copy in tests/fixtures."""
    pages = captured_pages()
    for source in page_sources(kb).values():
        assert source.url in pages, (source.id, source.url)
        assert source.note is not None, source.id  # what the copy holds, and its date or none


def test_quotes_from_saved_pages_are_verbatim_on_their_line(kb: KB) -> None:
    """Every citation of a saved page has a line and a quote, an exact substring of that line."""
    pages = captured_pages()
    urls = {s.id: s.url for s in page_sources(kb).values()}
    checked = 0
    for record_id, path, ref in page_citations(kb):
        assert ref.line and ref.quote, (record_id, path, ref.source)
        lines = pages[urls[ref.source] or ""]
        assert ref.line <= len(lines), (record_id, path, ref.source, ref.line)
        assert ref.quote in lines[ref.line - 1], (record_id, path, ref.source, ref.line, ref.quote)
        checked += 1
    assert checked > 80


def test_the_page_check_refuses_a_quote_on_the_wrong_line() -> None:
    """The Change Log's 2025-12-01 date is on its line 2, not line 3, and not as 2025-12-02."""
    lines = captured_pages()["https://api-docs.deepseek.com/updates"]
    assert "Date: 2025-12-01" in lines[1]
    assert "Date: 2025-12-01" not in lines[2]
    assert "Date: 2025-12-02" not in "\n".join(lines)


# A listing line Hugging Face writes itself under a repository id on a deepseek-ai page: its size,
# "Updated" date, download and like counts ("Text Generation • 685B • Updated Mar 27, 2025 • 288k").
_HF_LISTING = re.compile(r"•\s*(?:\d[\d.]*[BMk]\b|Updated\b)|^\s*\d[\d.]*[BMk] •")
# Hugging Face's relative times and update dates, wherever they stand ("063f2b7 3 days ago").
_HF_TIME = re.compile(r"\bago\b|\bUpdated\b", re.IGNORECASE)
# Hugging Face's one-line AI summary above a paper's abstract.
_HF_SUMMARIES = {("https://huggingface.co/papers/2510.18234", 2)}


def test_nothing_rests_on_hugging_face_metadata(kb: KB) -> None:
    """No citation quotes a line Hugging Face generated, and 685B is never a parameter count:
    only the V3 README's own statement of its size on Hugging Face gives it."""
    pages = captured_pages()
    urls = {s.id: s.url or "" for s in page_sources(kb).values()}
    for record_id, path, ref in page_citations(kb):
        assert ref.line is not None
        line = pages[urls[ref.source]][ref.line - 1]
        assert not _HF_LISTING.search(line), (record_id, path, line)
        assert not _HF_TIME.search(ref.quote or ""), (record_id, path, ref.quote)
        assert (urls[ref.source], ref.line) not in _HF_SUMMARIES, (record_id, path)
    size = schema.Quantity(value=685, unit="B params")
    for record in kb.all():
        for path, value in walk(record):
            if isinstance(value, schema.Spec) and path.endswith("_params"):
                assert value.value != size, (record.id, path)
            if isinstance(value, schema.Claim) and any(f.value == size for f in value.figures):
                # DeepSeek's own word on the 685B: the V3 README's sizes on Hugging Face.
                assert {(r.source, r.line) for r in value.sources} == {("v3-readme", 99)}, path


def test_the_quote_check_refuses_a_quote_on_the_wrong_line() -> None:
    """A real quote cited at a neighbouring line, or with one character changed, is refused."""
    quotes = official_quotes()
    (source, how, number), found = next((k, q) for k, q in quotes.items() if k[2])
    assert number is not None
    quote = next(iter(found))
    assert quote in quotes[(source, how, number)]
    assert quote not in quotes.get((source, how, number + 1), frozenset())
    assert quote[:-1] + "#" not in quotes[(source, how, number)]


def test_article_errata_are_kept_as_superseded_claims(kb: KB) -> None:
    """The article's wrong values stay in the KB beside the official ones, with reasons."""
    models = {m.id: m for m in kb.records["model"] if isinstance(m, Model)}
    v2 = models["deepseek-v2"]
    assert v2.specs.active_params is not None
    assert v2.specs.active_params.value == schema.Quantity(value=21, unit="B params")
    (old,) = v2.specs.active_params.superseded
    assert old.value == schema.Quantity(value=2.1, unit="B params")
    assert old.reason.en and article_refs(old.sources)
    r1 = models["deepseek-r1"]
    assert r1.released is not None and r1.released.date == "2025-01-20"
    assert [s.value for s in r1.released.superseded] == ["2024-11-20"]
    assert v2.released is not None and v2.released.date == "2024-05-06"
    assert [s.value for s in v2.released.superseded] == ["2024-05-07"]
    superseded_texts = [
        s.value.zh
        for m in models.values()
        for c in m.claims
        for s in c.superseded
        if isinstance(s.value, Text)
    ]
    assert any("3.7天" in t for t in superseded_texts)
    assert any("5%-13%" in t for t in superseded_texts)


def test_main_models_are_the_flagships(kb: KB) -> None:
    """`models --compare` defaults to V2, V3, R1 and V3.2-Exp: the latest official flagship
    with a spec sheet (V3.1, V3.1-Terminus, V3.2 and R1-0528 state at most two specs)."""
    main = {m.id for m in kb.records["model"] if isinstance(m, Model) and m.main}
    assert main == {"deepseek-v2", "deepseek-v3", "deepseek-r1", "deepseek-v3.2-exp"}


def test_the_founder_has_well_over_thirty_quotes(kb: KB) -> None:
    """The vision points, interview answers and culture statements are separate quotes."""
    liang = [q for q in kb.records["quote"] if getattr(q, "speaker", None) == "liang-wenfeng"]
    assert len(liang) > 35


# Lines the KB deliberately does not carry: front matter, headings, link-only lines, pictures,
# empty bullets and the sample API code (recorded as facts about the API, not line by line).
_NOT_FACTS = re.compile(
    r"^(---|layout:|title:|date:|categories:|tags:|excerpt:|mathjax:|permalink:|\* content|\{:toc\}"
    r"|#|```|梁文锋：$|注$|模型结构$|特点$|事实：$|成见：$|默认版本:|联网搜索版本:)"
)


def test_every_line_of_the_article_is_in_the_kb(kb: KB) -> None:
    """Nothing the article says is dropped: each content line is cited or quoted by a record."""
    lines = article_lines()
    cited: set[int] = set()
    texts: list[str] = []
    for record in kb.all():
        for _, value in walk(record):
            if isinstance(value, SourceRef) and value.source == "article" and value.line:
                cited.add(value.line)
            elif isinstance(value, Text):
                texts.append(value.zh)
    corpus = "\n".join(texts)
    raw = (FIXTURES / "deepseek-article.md").read_text(encoding="utf-8").splitlines()
    code = False
    missing = []
    for number, line in enumerate(lines, start=1):
        if raw[number - 1].startswith("```"):
            code = not code
            continue
        if code or not line or _NOT_FACTS.match(line):
            continue
        core = line[:12]
        if number not in cited and core not in corpus:
            missing.append(f"{number}: {line[:60]}")
    assert not missing, "article lines not in the KB:\n" + "\n".join(missing)
