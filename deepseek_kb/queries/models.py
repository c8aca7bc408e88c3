"""`dskb models`: which models to list or compare, and one model by name."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from deepseek_kb.index.store import Index
from deepseek_kb.queries.common import resolve_id
from deepseek_kb.queries.provenance import told_records
from deepseek_kb.values import date_bounds

if TYPE_CHECKING:
    from deepseek_kb.rows import ModelRow


def _release_key(model: ModelRow) -> tuple[str, int]:
    released = model.get("released")
    return (date_bounds(released["date"])[0] if released else "9999", 0)


def models_to_show(
    index: Index, names: list[str], main_only: bool, tier: str | None = None
) -> list[ModelRow]:
    """The named models in the order given, or all (or the main ones) in release order."""
    if names:
        ids = [resolve_id(index, n, "model", "model") for n in names]
        records = index.get_many(ids, tier)
        return cast("list[ModelRow]", [records[i].row for i in dict.fromkeys(ids) if i in records])
    models = cast("list[ModelRow]", told_records(index, "model", tier))
    if main_only:
        models = [m for m in models if m.get("main")]
    return sorted(models, key=_release_key)


def introductions(index: Index) -> dict[str, list[str]]:
    """What each model introduced, from the glossary: V2 -> MLA, DeepSeekMoE."""
    found: dict[str, list[str]] = {}
    for term in index.records("term"):
        short = term["aliases"][0] if term.get("aliases") else term["name"]["en"]
        for model_id in term.get("introduced_by", []):
            found.setdefault(model_id, []).append(short)
    return found
