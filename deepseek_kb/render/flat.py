"""Records as flat rows: one row per record, readable columns, never JSON in a cell.

CSV, Markdown tables and the SQLite export share these rows. Every record of a kind has the
same columns (`render.flat_schema`: one flat schema per kind), whatever it holds. Text columns
follow the language asked for (`name`; with `both`, `name_zh` and `name_en`, for every text
field); every quantity is a number in its one canonical unit with the unit in a column beside
it (`total_params` and `total_params_unit`), several sizes in `_sizes` and named cases in their
own columns (`api_price_input_cache_hit`); a date is a full ISO day (the first of its month or
year) with its precision beside it (`date_precision`: day, month or year), so every tool parses
it; lists are joined with "; "; citations are short references (`v3-paper p.5`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from deepseek_kb.kinds import QUANTITY_SPECS, SPECS
from deepseek_kb.render.flat_schema import (
    CASES,
    FIELDS,
    NESTED,
    SIZED_SPECS,
    Shape,
    kind_of,
)
from deepseek_kb.values import Json, cite, format_value, number, pick

Cell = str | int | float | None
Names = Mapping[str, Json]  # record id -> its name {zh, en}


class FlatTable(NamedTuple):
    """Columns and rows of scalars."""

    columns: list[str]
    rows: list[list[Cell]]


# A text, possibly with its own citations and their status.
_TEXT_KEYS = {"zh", "en", "sources", "status"}
_PRECISION = {4: "year", 7: "month", 10: "day"}


def _is_text(value: Any) -> bool:
    return isinstance(value, Mapping) and {"zh", "en"} <= set(value) <= _TEXT_KEYS


def _is_quantity(value: Any) -> bool:
    return isinstance(value, Mapping) and "unit" in value and "value" in value


def _langs(lang: str) -> tuple[str, ...]:
    return ("zh", "en") if lang == "both" else (lang,)


def _text_cells(name: str, text: Any, lang: str) -> dict[str, Cell]:
    """A text in each language asked for; a plain name is the same in both."""
    if text is not None and not _is_text(text):
        text = {"zh": format_value(text, "zh"), "en": format_value(text, "en")}
    if lang == "both":
        return {
            f"{name}_zh": text["zh"] if text else None,
            f"{name}_en": text["en"] if text else None,
        }
    return {name: pick(text, lang) if text else None}


def _date_cells(name: str, date: Any) -> dict[str, Cell]:
    """A partial date as the first day it can be and its precision: 2024-05 is 2024-05-01, month."""
    text = str(date) if date is not None else ""
    precision = _PRECISION.get(len(text))
    full = text + "-01-01"[len(text) - 4 :] if precision else None
    return {name: full, f"{name}_precision": precision}


def _quantity_columns(name: str) -> dict[str, Cell]:
    """Every column a quantity spec has, empty: its value, its sizes, its named cases."""
    cells: dict[str, Cell] = {name: None}
    if name in SIZED_SPECS:
        cells[f"{name}_sizes"] = None
    for case in CASES.get(name, ()):
        cells[f"{name}_{case.replace('-', '_')}"] = None
    return cells


def _quantity_cells(name: str, value: Any) -> dict[str, Cell]:
    """A quantity spec: a number and its unit; several sizes in `_sizes`; named cases each in
    their own column. Every column of the spec is there, filled or not."""
    items = [] if value is None else value if isinstance(value, list) else [value]
    cells = _quantity_columns(name)
    cells[f"{name}_unit"] = "; ".join(sorted({q["unit"] for q in items})) or None
    cased = [q for q in items if q.get("case") in CASES.get(name, ())]
    for q in cased:
        cells[f"{name}_{q['case'].replace('-', '_')}"] = q["value"]
    rest = [q for q in items if q not in cased]
    if len(rest) == 1:
        cells[name] = rest[0]["value"]
    elif rest:  # several sizes; or several values this schema has no column for, kept as text
        column = f"{name}_sizes" if name in SIZED_SPECS else name
        cells[column] = "; ".join(number(q["value"]) for q in rest)
    return cells


def _caveat_cells(name: str, holder: Json | None, lang: str) -> dict[str, Cell]:
    """A cited value's status and its caveat (its note), the columns beside its value."""
    holder = holder or {}
    cells: dict[str, Cell] = {f"{name}_status": holder.get("status")}
    note = holder.get("note")
    for code in _langs(lang):
        column = f"{name}_note_{code}" if lang == "both" else f"{name}_note"
        cells[column] = note[code] if isinstance(note, Mapping) else None
    return cells


def _spec_cells(specs: Json | None, lang: str) -> dict[str, Cell]:
    """Every spec of kinds.SPECS as its columns, for every model alike."""
    cells: dict[str, Cell] = {}
    for spec in SPECS:
        holder = (specs or {}).get(spec.field)
        value = holder["value"] if holder else None
        if spec.field in QUANTITY_SPECS:
            cells.update(_quantity_cells(spec.field, value))
        else:
            cells.update(_text_cells(spec.field, value, lang))
        cells.update(_caveat_cells(spec.field, holder, lang))
    return cells


def _dated_cells(name: str, value: Any, lang: str) -> dict[str, Cell]:
    cells = {**_date_cells(name, value and value["date"])}
    cells[f"{name}_basis"] = value.get("basis") if value else None
    return {**cells, **_caveat_cells(name, value, lang)}


def _cited_cells(name: str, value: Any, lang: str) -> dict[str, Cell]:
    return {**_text_cells(name, value and value["value"], lang), **_caveat_cells(name, value, lang)}


def _texts_cells(name: str, value: Any, lang: str) -> dict[str, Cell]:
    return {
        (f"{name}_{code}" if lang == "both" else name): (
            " / ".join(t[code] for t in value) if value else None
        )
        for code in _langs(lang)
    }


# Each shape's columns: (field name, value, language, names of ids) -> cells.
_SHAPES: dict[Shape, Callable[[str, Any, str, Names], dict[str, Cell]]] = {
    Shape.text: lambda name, value, lang, _: _text_cells(name, value, lang),
    Shape.date: lambda name, value, _, __: _date_cells(name, value),
    Shape.dated: lambda name, value, lang, _: _dated_cells(name, value, lang),
    Shape.cited: lambda name, value, lang, _: _cited_cells(name, value, lang),
    Shape.specs: lambda _, value, lang, __: _spec_cells(value, lang),
    Shape.speaker: lambda name, value, lang, names: {
        f"{name}_id": value,
        **_text_cells(name, names.get(value or ""), lang),
    },
    Shape.items: lambda name, value, _, __: {
        name: "; ".join(str(v) for v in value) if value else None
    },
    Shape.texts: lambda name, value, lang, _: _texts_cells(name, value, lang),
    Shape.flag: lambda name, value, _, __: {name: None if value is None else int(bool(value))},
}


def _shaped(name: str, shape: Shape, value: Any, lang: str, names: Names) -> dict[str, Cell]:
    """One field of a record as the columns its shape gives it."""
    columns = _SHAPES.get(shape)
    return columns(name, value, lang, names) if columns else {name: value}


def _value_cells(name: str, value: Any, lang: str) -> dict[str, Cell]:
    """A field no kind's schema names (a listing's extra column) as one or more cells."""
    if _is_text(value):
        return _text_cells(name, value, lang)
    if _is_quantity(value):
        return {name: value["value"], f"{name}_unit": value["unit"]}
    if isinstance(value, list) and value and _is_text(value[0]):
        return _shaped(name, Shape.texts, value, lang, {})
    if isinstance(value, list):
        return {name: "; ".join(str(v) for v in value)}
    if isinstance(value, bool):
        return {name: int(value)}
    if isinstance(value, Mapping):
        return {name: format_value(value, "en" if lang == "both" else lang)}
    return {name: value}


def _sources_cell(refs: Any, lang: str) -> dict[str, Cell]:
    return {"sources": "; ".join(dict.fromkeys(cite(ref, lang) for ref in refs or []))}


def flatten(
    record: Json, lang: str, kind: str | None = None, names: Names | None = None
) -> dict[str, Cell]:
    """A record as named cells: its kind's columns, every one present, then any other field."""
    kind = kind or kind_of(set(record))
    fields = FIELDS.get(kind or "", ())
    cells: dict[str, Cell] = {}
    for name, shape in fields:
        cells.update(_shaped(name, shape, record.get(name), lang, names or {}))
    known = {name for name, _ in fields} | NESTED | {"sources"}
    for name, value in record.items():
        if name not in known:
            cells.update(_value_cells(name, value, lang))
    if "sources" in record or fields:
        cells.update(_sources_cell(record.get("sources"), lang))
    return cells


def table(
    records: Iterable[Json],
    lang: str,
    first: Sequence[str] = (),
    kind: str | None = None,
    names: Names | None = None,
) -> FlatTable:
    """Records as one table: their kind's columns (the union, for rows of several kinds), in
    order, `first` leading."""
    flat = [flatten(r, lang, kind, names) for r in records]
    columns = list(dict.fromkeys([*first, *(c for cells in flat for c in cells)]))
    return FlatTable(columns, [[cells.get(c) for c in columns] for cells in flat])


def _prefixed(prefix: Json, record: Json, lang: str, kind: str | None) -> dict[str, Cell]:
    return {**prefix, **flatten(record, lang, kind)}


def hits_table(hits: Iterable[Json], lang: str) -> FlatTable:
    """Search or quote hits: rank, score, the record's kind and how it matched, then the
    record's own columns (an event's `type` stays its type)."""
    rows = []
    for rank, hit in enumerate(hits, start=1):
        match = hit.get("match") or {}
        meta = {
            "rank": rank,
            "score": hit.get("score"),
            "record_kind": hit["type"],
            "match_field": match.get("field"),
        }
        rows.append(_prefixed(meta, hit["record"], lang, hit["type"]))
    columns = list(
        dict.fromkeys(["rank", "score", "record_kind", "id", *(c for r in rows for c in r)])
    )
    return FlatTable(columns, [[row.get(c) for c in columns] for row in rows])


def sections_table(sections: Mapping[str, Sequence[Json]], lang: str) -> FlatTable:
    """Records filed under sections (`dskb company`), the section as the first column."""
    rows = [
        _prefixed({"section": key}, record, lang, None)
        for key, records in sections.items()
        for record in records
    ]
    columns = list(dict.fromkeys(["section", "id", *(c for r in rows for c in r)]))
    return FlatTable(columns, [[row.get(c) for c in columns] for row in rows])


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
