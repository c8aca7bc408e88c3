"""`--from article|official`: the knowledge base as one kind of source tells it, claim by claim.

Every citation's source is either the article (and the pages it links) or DeepSeek's own files.
The rule lives in `told.py` and every record read from the index goes through it; these are
the queries' names for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepseek_kb.errors import NotFoundError
from deepseek_kb.index.store import Found, Index
from deepseek_kb.messages import texts
from deepseek_kb.told import Caveat, caveat, tell

if TYPE_CHECKING:
    from deepseek_kb.rows import Row

__all__ = ["Caveat", "as_told", "caveat", "told_found", "told_one", "told_records"]


def as_told(index: Index, kind: str, row: Row, tier: str | None) -> Row | None:
    """One record as one tier tells it (all of it when None), every value with its status."""
    told: Row | None = tell(kind, row, tier, index.source_info())
    return told


def told_records(index: Index, kind: str, tier: str | None) -> list[Row]:
    """All records of a kind, or what one tier tells of them."""
    return index.records(kind, tier)


def told_found(index: Index, found: list[Found], tier: str | None) -> list[Found]:
    """Records of any kind as one tier tells them; those it says nothing of are left out."""
    if not tier:
        return found
    told = ((kind, as_told(index, kind, row, tier)) for kind, row in found)
    return [Found(kind, row) for kind, row in told if row is not None]


def told_one(index: Index, kind: str, row: Row, tier: str | None) -> Row:
    """One record as one tier tells it, or NotFoundError when that tier says nothing of it."""
    told = as_told(index, kind, row, tier) if tier else row
    if told is None:
        teller = texts(f"teller.{tier}")  # who a tier is: "the article … says"
        raise NotFoundError.of(
            "nothing.told_about",
            "nothing.told.hint",
            teller=teller.en,
            teller_zh=teller.zh,
            id=row["id"],
        )
    return told
