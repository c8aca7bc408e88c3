"""`--from article|official`: the knowledge base as one kind of source tells it.

Every citation's source is either the article (and the pages it links) or DeepSeek's own files.
As the article tells it, a value the official files corrected is the article's value again (R1
released 2024-11-20, V2 with 2.1B activated parameters), and what only the official files say is
left out. As the official files tell it, what only the article says (its claims, its errata) is
left out. A record neither tells is not shown at all.
"""

from __future__ import annotations

from typing import Any

from deepseek_kb.index.store import Index
from deepseek_kb.kinds import source_tier
from deepseek_kb.rows import Row


def source_tiers(index: Index) -> dict[str, str]:
    """The tier of every source: article or official."""
    return {s["id"]: source_tier(s["kind"], s.get("repo")).value for s in index.records("source")}


def as_told(row: Row, tier: str, tiers: dict[str, str]) -> Row:
    """A record as sources of one tier tell it (see the module's docstring). The article's
    view has no notes: they are this knowledge base's own reconciliations with the files."""
    told = _told(row, tier, tiers, top=True)
    assert isinstance(told, dict)
    return _without_notes(told) if tier == "article" else told


def _without_notes(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_notes(v) for k, v in value.items() if k != "note"}
    if isinstance(value, list):
        return [_without_notes(v) for v in value]
    return value


def told_records(index: Index, kind: str, tier: str | None) -> list[Row]:
    """All records of a kind, or those one tier tells, as that tier tells them."""
    if tier is None:
        return index.records(kind)
    tiers = source_tiers(index)
    return [as_told(row, tier, tiers) for row in index.records(kind, tier)]


def _tiers_of(refs: list[Any], tiers: dict[str, str]) -> set[str]:
    return {tiers.get(r["source"], "") for r in refs if isinstance(r, dict)}


def _replaced_field(item: dict[str, Any]) -> str:
    """Which field a superseded value stood in for: a spec's value, a date, a claim's text."""
    if "value" in item:
        return "value"
    if "text" in item and "title" not in item:
        return "text"
    return "date"


def _told(value: Any, tier: str, tiers: dict[str, str], top: bool = False) -> Any:
    if isinstance(value, list):
        return [t for t in (_told(v, tier, tiers) for v in value) if t is not None]
    if not isinstance(value, dict):
        return value
    out = {
        key: told
        for key, item in value.items()
        if key not in ("sources", "superseded") and (told := _told(item, tier, tiers)) is not None
    }
    if "sources" not in value:
        return out
    superseded = value.get("superseded", [])
    if tier in _tiers_of(value["sources"], tiers):
        kept = [s for s in superseded if tier in _tiers_of(s["sources"], tiers)]
        return {**out, "sources": value["sources"], **({"superseded": kept} if kept else {})}
    older = [s for s in superseded if tier in _tiers_of(s["sources"], tiers)]
    if older:  # the value this tier stated before the other corrected it
        return {**out, _replaced_field(value): older[0]["value"], "sources": older[0]["sources"]}
    return {**out, "sources": value["sources"]} if top else None
