"""`dskb models --compare`: specs side by side, at every width a comparison.

One column per model and one row per spec, grouped, with the unit in each value. Nothing is
cut: long values wrap at spaces, and a value that must stay whole (a date, a quantity with its
unit, an arXiv id) is never split, because no column is narrower than its widest such token.
When the models do not all fit side by side, they are compared in groups of as many as fit,
each group a table with the spec labels beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepseek_kb.kinds import SPEC_BY_FIELD, SPEC_GROUPS, SPECS
from deepseek_kb.render.layout import DASH, footnotes, grid, label, prewrapped, styled
from deepseek_kb.render.models import date_cell, spec_cell, superseded_notes
from deepseek_kb.rows import ModelRow, SpecRow
from deepseek_kb.values import base_value, dimension, name_of, scale_for

if TYPE_CHECKING:
    from rich.console import RenderableType

# Specs too long to compare side by side; `models show` has them.
_DETAIL_ONLY = frozenset({"training_method"})
# No column is wider than this; a longer value wraps.
_MAX_COLUMN = 32
# The gap after a column, and the margins at the table's two edges.
_PADDING = 3
_EDGES = 2
_LABEL = 18  # spec labels wrap beyond this width


def _row_label(lang: str, zh: str, en: str) -> str:
    return f"{zh}\n{en}" if lang == "both" else label(lang, zh, en)


def _rows(models: list[ModelRow], lang: str) -> list[tuple[str, list[str]] | None]:
    """The table's rows: (label, one cell per model), None between groups, groups titled."""
    rows: list[tuple[str, list[str]] | None] = [
        (_row_label(lang, "发布日期", "Released"), [date_cell(m.get("released")) for m in models])
    ]
    current = None
    for field, group, zh, en in SPECS:
        specs = [m.get("specs", {}).get(field) for m in models]
        if field in _DETAIL_ONLY or not any(specs):
            continue
        if group != current:
            current = group
            rows.extend([None, (_row_label(lang, *SPEC_GROUPS[group]), [])])
        rows.append((_row_label(lang, zh, en), _row_cells(specs, lang)))
    return rows


def _row_cells(specs: list[SpecRow | None], lang: str) -> list[str]:
    """One scale per row, so a row reads 4K … 128K rather than 4,096 … 128K."""
    quantities = [s["value"] for s in specs if s and isinstance(s["value"], dict)]
    quantities = [q for q in quantities if "unit" in q]
    dims = {dimension(q) for q in quantities}
    scale = scale_for([base_value(q) for q in quantities]) if len(dims) == 1 else None
    return [spec_cell(spec, lang, scale) for spec in specs]


def _whole(cell: str) -> int:
    """The width a cell needs to keep its unbreakable parts whole."""
    from rich.cells import cell_len

    if (cell and cell[0].isdigit()) or cell.startswith(("$", "¥", "~")):
        return cell_len(cell)  # a quantity or a date stays in one piece
    return max((cell_len(word) for word in cell.split()), default=1)


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


def compare_table(models: list[ModelRow], lang: str, width: int) -> list[RenderableType]:
    """Specs side by side, or in groups of models when they do not all fit; drawn as wrapped
    text with every column's width fixed here, so nothing is cropped."""
    from rich.cells import cell_len

    names = [name_of(m, "en" if lang == "both" else lang) for m in models]
    if len(names) > 1 and all(n.startswith("DeepSeek") for n in names):
        names = [n.removeprefix("DeepSeek").lstrip(" -") or n for n in names]
    rows = _rows(models, lang)
    # Labels wrap at spaces past this width, so narrow terminals keep more models side by side.
    longest = max(cell_len(part) for row in rows if row for part in row[0].split("\n"))
    word = max(cell_len(w) for row in rows if row for w in row[0].split())
    label_width = min(max(word, min(longest, _LABEL)), max(6, width // 2 - _PADDING))
    widths = _widths(names, rows)
    groups = _groups(widths, max(1, width - label_width - _EDGES))
    title = label(lang, "DeepSeek 模型对比", "DeepSeek models compared")
    out = prewrapped()
    for number, group in enumerate(groups, start=1):
        room = width - label_width - _EDGES - _PADDING * len(group)
        columns = [label_width, *_spread([widths[i] for i in group], room)]
        if number > 1:
            out.append("\n")
        out.append(title if len(groups) == 1 else f"{title} ({number}/{len(groups)})", "bold")
        out.append("\n\n")
        head = [styled(_row_label(lang, "规格", "Spec"), "bold")]
        grid(out, [*head, *(styled(names[i], "bold") for i in group)], columns)
        out.append(" " + "─" * (sum(columns) + _PADDING * len(group)) + "\n")
        for row in _shown(rows, group):
            if row is None:
                out.append("\n")
            elif not row[1]:
                out.append(" ")
                out.append(row[0].replace("\n", " "), "bold cyan")
                out.append("\n")
            else:
                cells = [styled(row[0], "bold"), *(styled(row[1][i]) for i in group)]
                grid(out, cells, columns)
    notes = superseded_notes(models, ("released", *SPEC_BY_FIELD), lang)
    return [out, footnotes(notes)] if notes else [out]
