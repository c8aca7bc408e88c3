"""What a section says of any kind no export draws by hand: its fields, in its row type's order.

A kind added to the registry (`kinds.KINDS`) appears in the Markdown document and the HTML page
through these, until someone writes it a section of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from deepseek_kb import kinds
from deepseek_kb.rows import ROWS
from deepseek_kb.values import Json, format_value, name_of, pick

# Shown apart from the fields: the id and name as the entry's heading, the sources as its links.
_APART = frozenset({"id", "name", "title", "sources"})


def fields(kind: str, records: Sequence[Json]) -> list[str]:
    """The fields a kind's entries show: its row type's (rows.ROWS) in their order, then any
    other its records hold, each only if some record has it."""
    row = ROWS.get(kind)
    order = list(row.__annotations__) if row else []
    for record in records:
        order.extend(key for key in record if key not in order)
    return [f for f in order if f not in _APART and any(f in r for r in records)]


def heading(record: Json) -> Json | None:
    """A record's name (or title) as a bilingual text; None when it has only its id."""
    for key in ("name", "title"):
        value = record.get(key)
        if isinstance(value, dict) and "zh" in value:
            return value
    return None


def value_of(kind: str, field: str, record: Json, names: Mapping[str, Json], lang: str) -> str:
    """A field of a record as plain text; the ids of a link field (kinds.Link) by the names of
    the records they name."""
    value = record[field]
    links = {link.field for link in kinds.BY_NAME[kind].links}
    if field in links:
        ids = value if isinstance(value, list) else [value]
        return ", ".join(name_of(names[i], lang) if i in names else str(i) for i in ids)
    return plain(value, lang)


def plain(value: Any, lang: str) -> str:
    """A field's value as plain text in one language: a text picked, a quantity with its unit,
    a cited value or date by what it holds, a list joined."""
    if isinstance(value, list):
        return "; ".join(plain(v, lang) for v in value)
    if isinstance(value, dict):
        if "zh" in value and "en" in value:
            return pick(value, lang)
        if "unit" in value:
            return format_value(value, "en" if lang == "both" else lang)
        for key in ("date", "value", "text"):
            if key in value:
                return plain(value[key], lang)
        return ", ".join(f"{k}: {plain(v, lang)}" for k, v in value.items() if k != "sources")
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)
