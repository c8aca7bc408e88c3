"""Records as flat rows: one row per record, readable columns, never JSON in a cell.

CSV, Markdown tables and the SQLite export share these rows. Text columns follow the language
asked for (`name`; with `both`, `name_zh` and `name_en`); every quantity is a number in its
one canonical unit with the unit in a column beside it (`total_params` and
`total_params_unit`); lists are joined with "; "; citations are short references
(`v3-paper p.5`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from deepseek_kb.kinds import SPECS
from deepseek_kb.values import Json, cite, number, pick

Cell = str | int | float | None

# Fields not flattened into columns: nested detail that a flat row cannot hold readably.
_NESTED = frozenset({"claims", "superseded", "huggingface", "specs", "figures"})


class FlatTable(NamedTuple):
    """Columns and rows of scalars."""

    columns: list[str]
    rows: list[list[Cell]]


# A text, possibly with its own citations and their status.
_TEXT_KEYS = {"zh", "en", "sources", "status"}


def _is_text(value: Any) -> bool:
    return isinstance(value, Mapping) and {"zh", "en"} <= set(value) <= _TEXT_KEYS


def _is_quantity(value: Any) -> bool:
    return isinstance(value, Mapping) and "unit" in value and "value" in value


def _langs(lang: str) -> tuple[str, ...]:
    return ("zh", "en") if lang == "both" else (lang,)


def _text_cells(name: str, text: Json | None, lang: str) -> dict[str, Cell]:
    if lang == "both":
        return {
            f"{name}_zh": text["zh"] if text else None,
            f"{name}_en": text["en"] if text else None,
        }
    return {name: pick(text, lang) if text else None}


def _quantity_cells(name: str, value: Any) -> dict[str, Cell]:
    """A quantity as a number and its unit. A list of sizes (1B, 5.7B, 6.7B, 33B) goes in a
    `_sizes` column of its own, so the number column holds numbers only."""
    items = value if isinstance(value, list) else [value]
    unit = "; ".join(sorted({q["unit"] for q in items}))
    if len(items) == 1:
        return {name: items[0]["value"], f"{name}_unit": unit}
    sizes = "; ".join(number(q["value"]) for q in items)
    return {name: None, f"{name}_sizes": sizes, f"{name}_unit": unit}


def _spec_cells(name: str, value: Any, lang: str) -> dict[str, Cell]:
    if _is_quantity(value) or (isinstance(value, list) and value and _is_quantity(value[0])):
        return _quantity_cells(name, value)
    if _is_text(value):
        return _text_cells(name, value, lang)
    return {name: None if value is None else str(value)}


def _caveat_cells(name: str, holder: Json, lang: str) -> dict[str, Cell]:
    """A cited value's status and its caveat (its note), the columns beside its value."""
    cells: dict[str, Cell] = {f"{name}_status": holder.get("status")}
    note = holder.get("note")
    for code in _langs(lang):
        column = f"{name}_note_{code}" if lang == "both" else f"{name}_note"
        cells[column] = note[code] if isinstance(note, Mapping) else None
    return cells


def _value_cells(name: str, value: Any, lang: str) -> dict[str, Cell]:
    """One field of a record as one or more cells."""
    if name == "sources":
        return {"sources": "; ".join(dict.fromkeys(cite(ref) for ref in value))}
    if _is_text(value):
        return _text_cells(name, value, lang)
    if _is_quantity(value):
        return _quantity_cells(name, value)
    if isinstance(value, Mapping) and "date" in value:  # a dated value: released
        cells = {name: value["date"], f"{name}_basis": value.get("basis")}
        return {**cells, **_caveat_cells(name, value, lang)}
    if isinstance(value, Mapping) and "value" in value:  # a cited value: a project's licence
        return {**_spec_cells(name, value["value"], lang), **_caveat_cells(name, value, lang)}
    if isinstance(value, list) and value and _is_text(value[0]):  # a biography
        return {
            (f"{name}_{code}" if lang == "both" else name): " / ".join(t[code] for t in value)
            for code in _langs(lang)
        }
    if isinstance(value, list):
        return {name: "; ".join(str(v) for v in value)}
    if isinstance(value, bool):
        return {name: int(value)}
    return {name: value}


def flatten(record: Json, lang: str) -> dict[str, Cell]:
    """A record as named cells, in field order; a model's specs become columns of their own."""
    cells: dict[str, Cell] = {}
    for name, value in record.items():
        if name not in _NESTED and name != "sources":
            cells.update(_value_cells(name, value, lang))
    specs = record.get("specs")
    if isinstance(specs, Mapping):
        for spec in SPECS:
            if spec.field in specs:
                cells.update(_spec_cells(spec.field, specs[spec.field]["value"], lang))
                cells.update(_caveat_cells(spec.field, specs[spec.field], lang))
    if "sources" in record:
        cells.update(_value_cells("sources", record["sources"], lang))
    return cells


def table(records: Iterable[Json], lang: str, first: Sequence[str] = ()) -> FlatTable:
    """Records as one table: the union of their columns, `first` leading, in order seen."""
    flat = [flatten(r, lang) for r in records]
    columns = list(dict.fromkeys([*first, *(c for cells in flat for c in cells)]))
    return FlatTable(columns, [[cells.get(c) for c in columns] for cells in flat])


def hits_table(hits: Iterable[Json], lang: str) -> FlatTable:
    """Search or quote hits: rank, score and how they matched, then the record's own columns."""
    rows = []
    for rank, hit in enumerate(hits, start=1):
        match = hit.get("match") or {}
        rows.append(
            {
                "rank": rank,
                "score": hit.get("score"),
                "type": hit["type"],
                "match_field": match.get("field"),
                **hit["record"],
            }
        )
    return table(rows, lang, first=("rank", "score", "type", "id"))


def sections_table(sections: Mapping[str, Sequence[Json]], lang: str) -> FlatTable:
    """Records filed under sections (`dskb company`), the section as the first column."""
    rows = [{"section": key, **record} for key, records in sections.items() for record in records]
    return table(rows, lang, first=("section", "id"))


def to_csv(flat: FlatTable, bom: bool = False) -> str:
    """A CSV document with a header row; a byte-order mark first for Excel when asked. A text
    cell starting with = + - @, a tab or a carriage return is written after a ' (OWASP's rule
    against formula injection); numbers stay numbers."""
    import csv  # only when CSV is asked for

    # Rows end in \n; the writer is told \r\n so that a field holding either is quoted
    # (Python 3.11 quotes only the characters of its line terminator).
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    lines = []
    rows: list[list[Cell]] = [list(flat.columns), *flat.rows]
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_csv_cell(c) for c in row])
        lines.append(buffer.getvalue()[:-2] + "\n")
    return ("\ufeff" if bom else "") + "".join(lines)


# What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Cell) -> Cell:
    """A cell as CSV writes it: a text a spreadsheet would run as a formula gets a ' first."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _md_cell(value: Cell) -> str:
    if value is None:
        return ""
    text = number(value) if isinstance(value, float) else str(value)
    return text.replace("|", "\\|").replace("\n", "<br>")


def to_markdown(flat: FlatTable) -> str:
    """A Markdown (GFM) table."""
    lines = ["| " + " | ".join(flat.columns) + " |", "|" + "---|" * len(flat.columns)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in flat.rows]
    return "\n".join(lines) + "\n"
