"""`dskb explain`: the glossary, in name order, and one term with the records it names."""

from __future__ import annotations

from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row


def terms_in_order(index: Index, tier: str | None = None) -> list[Row]:
    """Every term, by its English name (case ignored)."""
    return sorted(index.records("term", tier), key=lambda t: str(t["name"]["en"]).casefold())
