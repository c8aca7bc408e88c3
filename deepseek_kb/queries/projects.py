"""`dskb projects`: DeepSeek's open-source software in the order it was released."""

from __future__ import annotations

from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.values import date_bounds


def projects_in_order(index: Index, tier: str | None = None) -> list[Row]:
    """Every project, first released first (those with no known date last)."""
    projects = index.records("project", tier)
    return sorted(
        projects,
        key=lambda p: date_bounds(p["released"]["date"])[0] if p.get("released") else "9999",
    )
