"""Where a citation leads: the deep link of a line, a PDF page or a commit, from its source.

A citation names a source and, for a file, the line or page it quotes. A source that is a file
of a GitHub repository read at a commit links to that commit (`blob/<commit>/<path>#L<line>`,
`#page=<page>` for a PDF); a commit links to itself; a web page the article cites links to its
URL. The article has no known address (its permalink is a path without a host), so its
citations carry no URL; they say so rather than invent one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

GITHUB = "https://github.com"


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
    if ref.get("line") and source.get("kind") != "paper":
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


def linked(value: Any, sources: Mapping[str, Mapping[str, Any]]) -> Any:
    """A record's JSON form with a `url` added to every citation that has one, at any depth."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                out[key] = [_with_url(ref, sources) for ref in item]
            else:
                out[key] = linked(item, sources)
        return out
    if isinstance(value, list):
        return [linked(item, sources) for item in value]
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
