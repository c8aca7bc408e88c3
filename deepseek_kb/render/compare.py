"""`dskb models --compare`: specs side by side, at every width a comparison.

One column per model and one row per spec, grouped, with the unit in each value. Nothing is
cut: a long text (a licence, an architecture in a sentence) shows its first words and a note
number, and the note below gives it whole; other values wrap at spaces, and no word (a date, a
number with its unit, an arXiv id) is ever split, because no column is narrower than its widest
word. When the models do not all fit side by side, they are compared in groups of as many as
fit, each group a table with the spec labels beside it. `long_table` is the other shape, for
many models: one row per model and a column per chosen spec.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepseek_kb.kinds import SPEC_BY_FIELD, SPEC_GROUPS, SPECS
from deepseek_kb.messages import texts
from deepseek_kb.render.layout import (
    DASH,
    colon,
    footnotes,
    grid,
    label,
    prewrapped,
    styled,
    value_marks,
    widest_piece,
    word,
)
from deepseek_kb.render.models import date_cell, spec_cell, superseded_notes
from deepseek_kb.values import base_value, dimension, name_of, scale_for

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from deepseek_kb.rows import ModelRow, SpecRow

# Specs too long to compare side by side; `models show` has them.
_DETAIL_ONLY = frozenset({"training_method"})
# No column is wider than this; a longer value wraps.
_MAX_COLUMN = 32
# The gap after a column, and the margins at the table's two edges.
_PADDING = 3
_EDGES = 2
_LABEL = 18  # spec labels wrap beyond this width
_NARROW_LABEL = 12  # … and beyond this one on a terminal narrower than _NARROW
_NARROW = 100
# A text longer than this (in cells) is shown by its first words and given whole in a note.
_LONG = 26


def _words(key: str) -> tuple[str, str]:
    """The catalogue's words `key` as (zh, en), for a label of two lines under both."""
    said = texts(key)
    return said.zh, said.en


def _row_label(lang: str, zh: str, en: str) -> str:
    return f"{zh}\n{en}" if lang == "both" else label(lang, zh, en)


def _rows(models: list[ModelRow], notes: _Notes) -> list[tuple[str, list[str]] | None]:
    """The table's rows: (label, one cell per model), None between groups, groups titled."""
    lang = notes.lang
    rows: list[tuple[str, list[str]] | None] = [
        (
            _row_label(lang, *_words("compare.released")),
            [date_cell(m.get("released")) for m in models],
        )
    ]
    current = None
    for field, group, zh, en, _ in SPECS:
        specs = [m.get("specs", {}).get(field) for m in models]
        if field in _DETAIL_ONLY or not any(specs):
            continue
        if group != current:
            current = group
            rows.extend([None, (_row_label(lang, *SPEC_GROUPS[group]), [])])
        what = label(lang, zh, en)
        rows.append((_row_label(lang, zh, en), [notes.cell(s, what, _scale(specs)) for s in specs]))
    return rows


def _scale(specs: list[SpecRow | None]) -> tuple[float, str] | None:
    """One scale per row, so a row reads 4K … 128K rather than 4,096 … 128K."""
    quantities = [s["value"] for s in specs if s and isinstance(s["value"], dict)]
    quantities = [q for q in quantities if "unit" in q]
    dims = {dimension(q) for q in quantities}
    return scale_for([base_value(q) for q in quantities]) if len(dims) == 1 else None


def _whole(cell: str) -> int:
    """The width a cell needs to keep its words whole (a date, 671B, $5.576M, an arXiv id)."""
    return widest_piece(cell)


def _quantity(cell: str) -> bool:
    return bool(cell) and (cell[0].isdigit() or cell.startswith(("$", "¥", "~")))


def _head(text: str) -> str:
    """The first words of a long text: up to its first bracket or clause, else what fits."""
    from rich.cells import cell_len

    for stop in (" (", "（", "; ", "；", ", ", "，", ": ", "："):
        head = text.split(stop, 1)[0].strip()
        if head != text and 0 < cell_len(head) <= _LONG:
            return head
    words: list[str] = []
    for piece in text.split():
        if cell_len(" ".join([*words, piece])) > _LONG:
            break
        words.append(piece)
    return " ".join(words) + "…" if words else text


class _Notes:
    """Long texts replaced by their first words and a note number [n]; the same text in
    several cells shares one note."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.numbers: dict[str, int] = {}
        self.lines: list[str] = []

    def cell(self, spec: SpecRow | None, what: str, scale: tuple[float, str] | None) -> str:
        from rich.cells import cell_len

        cell = spec_cell(spec, self.lang, scale)
        mark = value_marks(spec)
        text = cell.removesuffix(mark) if mark else cell
        if not spec or _quantity(text) or cell_len(text) <= _LONG:
            return cell
        if text not in self.numbers:
            self.numbers[text] = len(self.numbers) + 1
            self.lines.append(f"[{self.numbers[text]}] {what}{colon(self.lang)}{text}")
        return f"{_head(text)}{mark} [{self.numbers[text]}]"


def _widths(names: list[str], rows: list[tuple[str, list[str]] | None]) -> list[tuple[int, int]]:
    """(narrowest, widest) for each model's column."""
    from rich.cells import cell_len

    out = []
    for i, name in enumerate(names):
        cells = [row[1][i] for row in rows if row and row[1]]
        narrow = max([_whole(name), *(_whole(c) for c in cells)])
        wide = max([cell_len(name), *(cell_len(c) for c in cells)])
        out.append((min(narrow, _MAX_COLUMN), max(min(wide, _MAX_COLUMN), narrow)))
    return out


def _groups(widths: list[tuple[int, int]], room: int) -> list[list[int]]:
    """Models split into consecutive groups whose narrowest columns fit in `room`."""
    groups: list[list[int]] = [[]]
    used = 0
    for i, (narrow, _) in enumerate(widths):
        need = narrow + _PADDING
        if groups[-1] and used + need > room:
            groups.append([])
            used = 0
        groups[-1].append(i)
        used += need
    return groups


def _spread(widths: list[tuple[int, int]], room: int) -> list[int]:
    """Each column's width: its narrowest, plus a share of the spare room up to its widest,
    so the table is exactly as wide as it may be and Rich has nothing left to crop."""
    fixed = [narrow for narrow, _ in widths]
    spare = room - sum(fixed)
    while spare > 0:
        growing = [i for i, (_, wide) in enumerate(widths) if fixed[i] < wide]
        if not growing:
            break
        share = max(1, spare // len(growing))
        for i in growing:
            step = min(share, widths[i][1] - fixed[i], spare)
            fixed[i] += step
            spare -= step
    return fixed


def _shown(
    rows: list[tuple[str, list[str]] | None], group: list[int]
) -> list[tuple[str, list[str]] | None]:
    """The rows a group of models has something in, with the headings of those rows' groups."""
    kept: list[tuple[str, list[str]] | None] = []
    pending: list[tuple[str, list[str]] | None] = []
    for row in rows:
        if row is None or not row[1]:
            pending = [row] if row is None else [*pending, row]
        elif any(row[1][i] != DASH for i in group):
            kept.extend(pending)
            kept.append(row)
            pending = []
    return kept


def _short_names(models: list[ModelRow], lang: str) -> list[str]:
    """Column headings: the models' names, without a 'DeepSeek' that all of them share."""
    names = [name_of(m, "en" if lang == "both" else lang) for m in models]
    if len(names) > 1 and all(n.startswith("DeepSeek") for n in names):
        names = [n.removeprefix("DeepSeek").lstrip(" -") or n for n in names]
    return names


def _label_width(rows: list[tuple[str, list[str]] | None], width: int) -> int:
    """The spec labels' column: labels wrap at spaces past it, so narrow terminals keep more
    models side by side, but never inside a word."""
    from rich.cells import cell_len

    labels = [row[0] for row in rows if row]
    longest = max(cell_len(part) for text in labels for part in text.split("\n"))
    word = max(cell_len(w) for text in labels for w in text.split())
    most = _LABEL if width >= _NARROW else _NARROW_LABEL
    return min(max(word, min(longest, most)), max(6, width // 2 - _PADDING))


def _draw_group(
    out: Text,
    rows: list[tuple[str, list[str]] | None],
    head: list[str],
    group: list[int],
    columns: list[int],
) -> None:
    """One table: the heading row, a rule, and the rows the group's models have values in."""
    grid(out, [styled(text, "bold") for text in head], columns)
    out.append(" " + "─" * (sum(columns) + _PADDING * len(group)) + "\n")
    for row in _shown(rows, group):
        if row is None:
            out.append("\n")
        elif not row[1]:
            out.append(" ")
            out.append(row[0].replace("\n", " "), "bold cyan")
            out.append("\n")
        else:
            grid(out, [styled(row[0], "bold"), *(styled(row[1][i]) for i in group)], columns)


def compare_table(models: list[ModelRow], lang: str, width: int) -> list[RenderableType]:
    """Specs side by side, or in groups of models when they do not all fit; drawn as wrapped
    text with every column's width fixed here, so nothing is cropped."""
    names = _short_names(models, lang)
    notes = _Notes(lang)
    rows = _rows(models, notes)
    label_width = _label_width(rows, width)
    widths = _widths(names, rows)
    groups = _groups(widths, max(1, width - label_width - _EDGES))
    title = word(lang, "compare.deepseek_models_compared")
    out = prewrapped()
    for number, group in enumerate(groups, start=1):
        room = width - label_width - _EDGES - _PADDING * len(group)
        columns = [label_width, *_spread([widths[i] for i in group], room)]
        if number > 1:
            out.append("\n")
        out.append(title if len(groups) == 1 else f"{title} ({number}/{len(groups)})", "bold")
        out.append("\n\n")
        head = [_row_label(lang, *_words("compare.spec")), *(names[i] for i in group)]
        _draw_group(out, rows, head, group, columns)
    marks = superseded_notes(models, ("released", *SPEC_BY_FIELD), lang)
    return [out, footnotes(notes.lines + marks)] if notes.lines or marks else [out]


# The specs of the long table, one column each, in this order, headed by their short labels.
_LONG_TABLE = ("total_params", "active_params", "context_length", "training_tokens")


def long_table(models: list[ModelRow], lang: str, width: int) -> list[RenderableType]:
    """Many models as a long table: one row per model (released in order), a column per chosen
    spec; `models show` has the rest. Rows wrap inside their cells, so it reads at any width."""
    notes = _Notes(lang)
    names = [name_of(m, "en" if lang == "both" else lang) for m in models]
    head = [word(lang, "compare.model"), word(lang, "compare.released")]
    columns: list[list[str]] = [names, [date_cell(m.get("released")) for m in models]]
    for field in _LONG_TABLE:
        info = SPEC_BY_FIELD[field]
        short = info.short or (info.zh, info.en)
        specs = [m.get("specs", {}).get(field) for m in models]
        what = label(lang, info.zh, info.en)
        head.append(label(lang, short[0], short[1].capitalize()))
        columns.append([notes.cell(s, what, _scale(specs)) for s in specs])
    widths = _fitted([[h, *c] for h, c in zip(head, columns, strict=True)], width)
    out = prewrapped()
    out.append(word(lang, "compare.deepseek_models_all") + "\n\n", "bold")
    grid(out, [styled(h, "bold") for h in head], widths, gap=2)
    out.append(" " + "─" * (sum(widths) + 2 * (len(widths) - 1)) + "\n")
    for i in range(len(models)):
        cells = [styled(names[i], "bold"), *(styled(c[i]) for c in columns[1:])]
        grid(out, cells, widths, gap=2)
    out.append("\n")
    marks = superseded_notes(models, ("released", *_LONG_TABLE), lang)
    lines = notes.lines + marks
    return [out, footnotes(lines)] if lines else [out]


def _fitted(columns: list[list[str]], width: int) -> list[int]:
    """Each column's width: its widest word at least, the spare room shared up to its widest
    cell, so the table is as wide as the terminal allows."""
    from rich.cells import cell_len

    bounds = [
        (max(_whole(c) for c in column), max(cell_len(c) for c in column)) for column in columns
    ]
    room = width - _EDGES - 2 * (len(columns) - 1)
    return _spread(bounds, max(room, sum(narrow for narrow, _ in bounds)))
