"""Article citations a journalist can paste: every cited line holds the record's words."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from deepseek_kb.loader.records import KB, load_kb
from deepseek_kb.schema import Record, SourceRef, Text

from .conftest import FIXTURES
from .test_data import article_lines, walk

HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
LATIN_WORD = re.compile(r"[A-Za-z][\w.+-]*[A-Za-z0-9]")
MAIN_TEXTS = ("text", "description")


@pytest.fixture(scope="module")
def bundled_kb() -> Iterator[KB]:
    """The bundled data through the real loader, whatever DSKB_DATA_DIR / DSKB_PATH say."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DSKB_DATA_DIR", raising=False)
        patch.delenv("DSKB_PATH", raising=False)
        yield load_kb()


def _raw_lines() -> list[str]:
    return (FIXTURES / "deepseek-article.md").read_text(encoding="utf-8").splitlines()


def _article_citations(record: Record) -> Iterator[tuple[str, int]]:
    """Every article citation with a line, anywhere in the record, with its dotted path."""
    for path, value in walk(record):
        if isinstance(value, SourceRef) and value.source == "article" and value.line:
            yield path, value.line


def _record_strings(record: Record) -> list[str]:
    """The record's own words: every zh and en text, and every other string it holds."""
    found: list[str] = []
    for _, value in walk(record):
        if isinstance(value, Text):
            found += [value.zh, value.en]
        elif isinstance(value, str):
            found.append(value)
    return found


def _shares_text(line: str, raw: str, strings: list[str]) -> bool:
    """A Chinese character pair of the line, or a 3+ letter word of its raw form, is the record's."""
    joined = "\n".join(strings)
    if any(pair in joined for pair in HAN_PAIR.findall(line)):
        return True
    lower = joined.lower()
    return any(word.lower() in lower for word in LATIN_WORD.findall(raw) if len(word) >= 3)


def test_every_cited_article_line_is_non_blank_and_shares_text_with_the_record(
    bundled_kb: KB,
) -> None:
    """Each article `line` anywhere in a record is a real, non-blank line holding some of its words."""
    lines, raw = article_lines(), _raw_lines()
    bad: list[str] = []
    checked = 0
    for record in bundled_kb.all():
        strings = _record_strings(record)
        for path, number in _article_citations(record):
            checked += 1
            if number > len(lines) or not lines[number - 1]:
                bad.append(f"{record.id} {path}: line {number} is blank or past the end")
            elif not _shares_text(lines[number - 1], raw[number - 1], strings):
                bad.append(
                    f"{record.id} {path}: line {number} shares no text: {lines[number - 1]!r}"
                )
    assert checked > 250
    assert not bad, "\n".join(bad)


def _main_texts(record: Record) -> Iterator[tuple[str, Text]]:
    for name in MAIN_TEXTS:
        value = getattr(record, name, None)
        if isinstance(value, Text):
            yield name, value
    for i, bio in enumerate(getattr(record, "bio", [])):
        yield f"bio[{i}]", bio


def test_every_multi_line_text_cites_every_line_it_is_taken_from(bundled_kb: KB) -> None:
    """A main zh text not whole on one cited line is whole in its cited lines joined in order."""
    lines = article_lines()
    bad: list[str] = []
    multi = 0
    for record in bundled_kb.all():
        for name, text in _main_texts(record):
            own = text.sources or record.sources  # a text with its own citations: those
            refs = {r.line for r in own if r.source == "article" and r.line}
            numbers = sorted(n for n in refs if n <= len(lines))
            if not numbers:
                continue
            cited = [lines[n - 1] for n in numbers if lines[n - 1]]
            if any(text.zh in line for line in cited):
                continue
            multi += 1
            if text.zh not in "\n".join(cited):
                bad.append(f"{record.id} {name}: not on its cited lines {numbers}")
    assert multi > 10
    assert not bad, "\n".join(bad)
