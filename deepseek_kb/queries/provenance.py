"""`--from article|official`: the knowledge base as one kind of source tells it, claim by claim.

Every citation's source is either the article (and the pages it links) or DeepSeek's own files.
The rule lives in `told.py` and every record read from the index goes through it; these are
the queries' names for it.
"""

from __future__ import annotations

from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.told import Caveat, caveat, tell

__all__ = ["Caveat", "as_told", "caveat", "told_records"]


def as_told(index: Index, kind: str, row: Row, tier: str | None) -> Row | None:
    """One record as one tier tells it (all of it when None), every value with its status."""
    told: Row | None = tell(kind, row, tier, index.source_info())
    return told


def told_records(index: Index, kind: str, tier: str | None) -> list[Row]:
    """All records of a kind, or what one tier tells of them."""
    return index.records(kind, tier)
