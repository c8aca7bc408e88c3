"""Where a citation leads: the deep link of a line, a PDF page or a commit, from its source.

A citation names a source and, for a file, the line or page it quotes. A source that is a file
of a GitHub repository read at a commit links to that commit (`blob/<commit>/<path>#L<line>`,
`#page=<page>` for a PDF); a commit links to itself; a web page the article cites links to its
URL, and a saved copy of a DeepSeek page links to that page, without a line anchor. The
article has no known address (its permalink is a path without a host), so its
citations carry no URL; they say so rather than invent one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GITHUB = "https://github.com"
# Sources whose lines have no anchor of their own: a PDF (pages instead), and a saved copy of a
# web page (its line numbers count lines of the copy, not of the live page).
_NO_LINE_ANCHORS = ("paper", "official-page")


def url(ref: Mapping[str, Any], source: Mapping[str, Any] | None) -> str | None:
    """The URL a citation resolves to, or None where no address is known."""
    if source is None:
        return None
    repo, commit, path = source.get("repo"), source.get("commit"), source.get("path")
    if source.get("kind") == "git-commit" and repo and commit:
        return f"{GITHUB}/{repo}/commit/{commit}"
    base: str | None = source.get("url")
    if repo and commit and path:
        base = f"{GITHUB}/{repo}/blob/{commit}/{path}"
    if not base:
        return None
    if ref.get("line") and source.get("kind") not in _NO_LINE_ANCHORS:
        return f"{base}#L{ref['line']}"
    if ref.get("page"):
        return f"{base}#page={ref['page']}"
    return str(base)


def unique(refs: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Citations with repeats removed (same source, section, line and page), order kept."""
    seen: dict[tuple[Any, ...], Mapping[str, Any]] = {}
    for ref in refs:
        key = (ref["source"], ref.get("section"), ref.get("line"), ref.get("page"))
        seen.setdefault(key, ref)
    return list(seen.values())


def linked(
    value: Any, sources: Mapping[str, Mapping[str, Any]], cited: set[str] | None = None
) -> Any:
    """A record's JSON form with a `url` added to every citation that has one, at any depth;
    the ids of the sources cited are added to `cited` when given (the index build needs both,
    and one walk costs half of two)."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                out[key] = [_with_url(ref, sources) for ref in item]
                if cited is not None:
                    cited.update(ref["source"] for ref in item if isinstance(ref, dict))
            elif isinstance(item, dict | list):  # a plain value is itself: no call for it
                out[key] = linked(item, sources, cited)
            else:
                out[key] = item
        return out
    if isinstance(value, list):
        return [
            linked(item, sources, cited) if isinstance(item, dict | list) else item
            for item in value
        ]
    return value


def _with_url(ref: Any, sources: Mapping[str, Mapping[str, Any]]) -> Any:
    if not isinstance(ref, dict):
        return ref
    found = url(ref, sources.get(ref["source"]))
    return {**ref, "url": found} if found else ref


# The key of a record's derived provenance: the tiers ("article", "official") of its sources.
PROVENANCE = "provenance"


# The statuses a data file may state (kinds.EXPLICIT_STATUSES); the others are inferred on read.
_STATED_STATUSES = ("derived", "transcribed")


def bare(record: Any) -> Any:
    """A record as its data file holds it: no derived URLs, provenance or inferred statuses."""
    if isinstance(record, dict):
        record = {k: v for k, v in record.items() if k != PROVENANCE}
    return _without_inferred(unlinked(record))


def _without_inferred(value: Any) -> Any:
    if isinstance(value, list):
        return [_without_inferred(v) for v in value]
    if not isinstance(value, dict):
        return value
    return {
        k: _without_inferred(v)
        for k, v in value.items()
        if not (k == "status" and v not in _STATED_STATUSES)
    }


def unlinked(value: Any) -> Any:
    """The JSON form without the derived URLs: the data as its files hold it."""
    if isinstance(value, dict):
        return {
            key: [_without_url(r) for r in item] if key == "sources" else unlinked(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [unlinked(item) for item in value]
    return value


def _without_url(ref: Any) -> Any:
    return {k: v for k, v in ref.items() if k != "url"} if isinstance(ref, dict) else ref


# --- One citation record per source --------------------------------------------------------
# The bibliographic facts of a source, the same from every command: `cite ID`, `cite QUERY`
# and `cite --all` give one entry per source under one key (its id); where in the source a
# record rests (a line, a page) goes in the citation text, never in a new key.

# The organisation that publishes a GitHub owner's repositories, as its papers name it.
ORGANISATIONS = {"deepseek-ai": "DeepSeek-AI"}
# Sources the KB read itself; every other source was read through one of them (its `sources`).
READ_DIRECTLY = ("article", "compilation")
# Characters a URL may not hold unencoded (RFC 3986); encoding them keeps the same address and
# keeps a URL from closing a BibTeX field or a LaTeX group.
_URL_UNSAFE = {c: f"%{ord(c):02X}" for c in ' "<>\\^`{|}'}
_COMMIT_SUBJECT = re.compile(r'commit ([0-9a-f]{7,40}): "(.*)"$')
_ARXIV = re.compile(r"^(?:arXiv:)?(\d{2})(\d{2})\.\d{4,5}(?:v\d+)?$")


@dataclass(frozen=True)
class Reference:
    """What a reference manager needs of one source: who, what, when, where, when read."""

    key: str
    kind: str
    title: str
    translated_title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    url: str | None = None
    accessed: str | None = None
    arxiv: str | None = None
    container: str | None = None
    publisher: str | None = None
    version: str | None = None
    language: str | None = None
    via: str | None = None

    @property
    def year(self) -> str | None:
        """The year the source is dated, if it is dated."""
        return self.date[:4] if self.date else None


def safe_url(address: str) -> str:
    """The same address with the characters a URL may not hold percent-encoded."""
    return "".join(_URL_UNSAFE.get(c, c) for c in address)


def arxiv_month(arxiv: str) -> str | None:
    """The year and month an arXiv id was assigned (2412.19437 -> 2024-12), from its scheme."""
    found = _ARXIV.match(arxiv)
    return f"20{found.group(1)}-{found.group(2)}" if found else None


def reference(
    source: Mapping[str, Any],
    *,
    arxiv: str | None = None,
    paper_title: str | None = None,
    accessed: str | None = None,
) -> Reference:
    """The citation record of a source; arXiv id, paper title and access date come from the
    records that state them (a model's `paper`, the compilation the source was read in)."""
    repo, path = source.get("repo"), source.get("path")
    owner = str(repo).split("/")[0] if repo else None
    title, translated, language = _titles(source, paper_title)
    date = str(source["date"]) if source.get("date") else None
    if date is None and arxiv:
        date = arxiv_month(arxiv)
    address = url({}, source)
    return Reference(
        key=str(source["id"]),
        kind=str(source["kind"]),
        title=title,
        translated_title=translated,
        authors=(ORGANISATIONS[owner],) if owner in ORGANISATIONS else (),
        date=date,
        url=safe_url(address) if address else None,
        accessed=accessed,
        arxiv=arxiv.removeprefix("arXiv:") if arxiv else None,
        container=str(repo) if repo else None,
        publisher="GitHub" if repo else source.get("publisher"),
        version=str(source["commit"])[:7] if source.get("commit") and path else None,
        language=language,
        via=None if repo or source["kind"] in READ_DIRECTLY else "article",
    )


def _titles(source: Mapping[str, Any], paper_title: str | None) -> tuple[str, str | None, str]:
    """The title as the source titles itself, its English where that differs, its language."""
    title = source["title"]
    if source["kind"] == "git-commit":
        found = _COMMIT_SUBJECT.search(title["en"])
        if found:
            return f"{found.group(2)} (commit {found.group(1)})", None, "en"
    if paper_title:
        return paper_title, None, "en"
    if source.get("path"):
        return str(source["path"]), None, "en"
    if source.get("repo") or source["kind"] == "compilation":
        return title["en"], None, "en"
    # The article and the pages it links are Chinese; their Chinese title is their own.
    if title["zh"] == title["en"]:
        return title["en"], None, "en"
    return title["zh"], title["en"], "zh"
