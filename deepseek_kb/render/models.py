"""`dskb models`: the list, the side-by-side comparison, one model in full."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from deepseek_kb.kinds import SPEC_BY_FIELD, SPEC_GROUPS, SPECS
from deepseek_kb.render.layout import (
    DASH,
    MARK,
    footnotes,
    hang,
    label,
    mentions_table,
    prewrapped,
    styled,
)
from deepseek_kb.render.terminal import escape
from deepseek_kb.rows import ClaimRow, DatedRow, ModelRow, SpecRow
from deepseek_kb.values import (
    base_value,
    cites,
    dimension,
    format_value,
    name_of,
    pick,
    scale_for,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.index.store import Found


def models_table(models: list[ModelRow], lang: str, width: int) -> list[RenderableType]:
    """One row per model: name, release date, size, context and what it introduced."""
    from rich.table import Table

    table = Table(title=label(lang, "DeepSeek 模型", "DeepSeek models"), title_justify="left")
    table.add_column(label(lang, "模型", "Model"), no_wrap=True)
    table.add_column(label(lang, "发布", "Released"), no_wrap=True)
    table.add_column(label(lang, "总参数", "Total"), justify="right")
    table.add_column(label(lang, "激活", "Active"), justify="right")
    table.add_column(label(lang, "上下文", "Context"), justify="right")
    table.add_column(label(lang, "主要贡献", "Introduced"), ratio=1)
    for model in models:
        specs = model.get("specs", {})
        released = model.get("released")
        table.add_row(
            styled(name_of(model, lang), "bold" if model.get("main") else ""),
            _date_cell(released),
            _spec_cell(specs.get("total_params"), lang),
            _spec_cell(specs.get("active_params"), lang),
            _spec_cell(specs.get("context_length"), lang),
            pick(model.get("summary"), lang),
        )
    return [table, footnotes(_superseded_notes(models, ("released",), lang))]


def _date_cell(released: DatedRow | None) -> str:
    if not released:
        return DASH
    return str(released["date"]) + (MARK if released.get("superseded") else "")


def _spec_cell(
    spec: SpecRow | None, lang: str, scale: tuple[float, str] | None = None, short: bool = False
) -> str:
    if not spec:
        return DASH
    # In the compare table the row label names the unit ("GPU hours", "Routed experts").
    text = format_value(spec["value"], lang if lang != "both" else "en", scale, bare=short)
    if short:
        text = _shorten(text)
    return text + (MARK if spec.get("superseded") else "")


_CUTS = (" (", "（", "; ", "；", ", ", "，", "：", ": ")


def _shorten(text: str, limit: int = 24) -> str:
    """A compare cell keeps the head of a long description: its acronym, or its first clause."""
    acronym = re.search(r"[(（]([A-Z][A-Za-z0-9+-]{1,7})[)）]", text)
    if acronym and len(text) > 12:
        return acronym.group(1)
    for cut in _CUTS:
        head = text.split(cut, 1)[0]
        if len(head) >= 3:
            text = head
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def compare_table(models: list[ModelRow], lang: str, width: int) -> list[RenderableType]:
    """Specs side by side: one column per model, one row per spec, grouped, units per row.

    A terminal too narrow for the columns gets the same specs stacked, model after model.
    """
    from rich import box
    from rich.table import Table

    if width < 22 + 9 * len(models):
        return _compare_stacked(models, lang, width)
    names = [name_of(m, lang) for m in models]
    if all(n.startswith("DeepSeek") for n in names):
        names = [n.removeprefix("DeepSeek").lstrip(" -") or n for n in names]
    rows: list[tuple[str, list[str]] | None] = [
        (label(lang, "发布日期", "Released"), [_date_cell(m.get("released")) for m in models])
    ]
    current_group = None
    for field, group, zh, en in SPECS:
        specs = [m.get("specs", {}).get(field) for m in models]
        if field in _DETAIL_ONLY or not any(specs):
            continue
        if group != current_group:
            current_group = group
            rows.extend([None, (label(lang, *SPEC_GROUPS[group]), [])])
        rows.append((label(lang, zh, en), _row_cells(specs, lang)))
    widths = _column_widths(names, rows, width)
    table = Table(
        title=label(lang, "DeepSeek 模型对比", "DeepSeek models compared"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    table.add_column(label(lang, "规格", "Spec"), style="bold", no_wrap=True, width=widths[0])
    for name, column_width in zip(names, widths[1:], strict=True):
        table.add_column(name, overflow="fold", width=column_width)
    for row in rows:
        if row is None:
            table.add_section()
        elif not row[1]:
            table.add_row(styled(row[0], "bold cyan"), *[""] * len(models))
        else:
            table.add_row(row[0], *row[1])
    notes = _superseded_notes(models, ("released", *SPEC_BY_FIELD), lang)
    return [table, footnotes(notes)]


def _compare_stacked(models: list[ModelRow], lang: str, width: int) -> list[RenderableType]:
    out = prewrapped()
    for model in models:
        out.append(name_of(model, lang) + "\n", style="bold")
        rows = [(label(lang, "发布日期", "Released"), _date_cell(model.get("released")))]
        for field, _, zh, en in SPECS:
            spec = model.get("specs", {}).get(field)
            if spec and field not in _DETAIL_ONLY:
                rows.append((label(lang, zh, en), _spec_cell(spec, lang, short=True)))
        for name, value in rows:
            hang(out, styled("  "), styled(f"{name}: {value}"), 2, width)
        out.append("\n")
    notes = _superseded_notes(models, ("released", *SPEC_BY_FIELD), lang)
    return [out, footnotes(notes)]


_DETAIL_ONLY = frozenset({"training_method"})


def _column_widths(
    names: list[str], rows: list[tuple[str, list[str]] | None], total: int
) -> list[int]:
    """Column widths worked out here, so Rich need not measure every cell: each column as wide
    as its widest cell, the widest narrowed first until the table fits the terminal."""
    from rich.cells import cell_len

    first = min(18, max(cell_len(r[0]) for r in rows if r))
    widths = [cell_len(name) for name in names]
    for row in rows:
        if row:
            for i, cell in enumerate(row[1]):
                widths[i] = max(widths[i], cell_len(cell))
    room = total - first - 3 * (len(names) + 1) - 1
    while sum(widths) > room and max(widths) > 6:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    return [first, *widths]


def _row_cells(specs: list[SpecRow | None], lang: str) -> list[str]:
    """One scale per row, so a row reads 4K … 128K rather than 4,096 … 128K."""
    quantities = [s["value"] for s in specs if s and isinstance(s["value"], dict)]
    quantities = [q for q in quantities if "unit" in q]
    dims = {dimension(q) for q in quantities}
    scale = scale_for([base_value(q) for q in quantities]) if len(dims) == 1 else None
    return [_spec_cell(spec, lang, scale, short=True) for spec in specs]


def _superseded_notes(models: list[ModelRow], fields: Iterable[str], shown: str) -> list[str]:
    lang = "en" if shown == "both" else shown
    notes = []
    for model in models:
        for field in fields:
            spec: DatedRow | SpecRow | None
            if field == "released":
                spec = model.get("released")
                what = label(shown, "发布日期", "release date")
                current = spec["date"] if spec else ""
            else:
                spec = model.get("specs", {}).get(field)
                info = SPEC_BY_FIELD[field]
                what = info.zh if lang == "zh" else info.en.lower()
                current = format_value(spec["value"], lang) if spec else ""
            for old in spec.get("superseded", []) if spec else []:
                notes.append(
                    f"{MARK} {name_of(model, lang)} {what}: {current} "
                    f"({label(shown, '原文', 'the article said')} {format_value(old['value'], lang)}; "
                    f"{cites(old['sources'])}) — {pick(old['reason'], lang)}"
                )
    return notes


def model_detail(
    model: ModelRow, mentions: list[Found], lang: str, width: int
) -> list[RenderableType]:
    """Everything about one model: specs with sources, claims, errata, events and quotes."""
    from rich.panel import Panel
    from rich.table import Table

    head = [
        f"[bold]{escape(name_of(model, lang))}[/]  [dim]{model['id']}[/]",
        escape(pick(model.get("summary"), lang)),
    ]
    if model.get("aliases"):
        head.append(
            f"[dim]{label(lang, '别名', 'aliases')}:[/] {escape(', '.join(model['aliases']))}"
        )
    released = model.get("released")
    if released:
        head.append(
            f"[dim]{label(lang, '发布', 'released')}:[/] {released['date']}  "
            f"[dim]{escape(cites(released['sources']))}[/]"
        )
    if model.get("variant_of"):
        head.append(f"[dim]{label(lang, '属于', 'variant of')}:[/] {model['variant_of']}")
    if model.get("note"):
        head.append(escape(pick(model["note"], lang)))
    parts: list[RenderableType] = [Panel("\n".join(head), expand=False)]

    specs = Table(title=label(lang, "规格", "Specifications"), title_justify="left", expand=False)
    specs.add_column(label(lang, "规格", "Spec"), no_wrap=True)
    specs.add_column(label(lang, "值", "Value"))
    specs.add_column(label(lang, "来源", "Source"), style="dim")
    for field, _, zh, en in SPECS:
        spec = model.get("specs", {}).get(field)
        if spec:
            specs.add_row(label(lang, zh, en), _spec_cell(spec, lang), cites(spec["sources"]))
    if model.get("huggingface"):
        for repo in model["huggingface"]:
            specs.add_row("Hugging Face", repo["repo"], cites(repo["sources"]))
    parts.append(specs)

    if model.get("claims"):
        claims = Table(title=label(lang, "要点", "Claims"), title_justify="left", show_header=False)
        claims.add_column()
        claims.add_column(style="dim")
        for claim in model["claims"]:
            text = pick(claim["text"], lang)
            if claim.get("superseded"):
                text += f" {MARK}"
            if claim.get("note"):
                text += f"\n[{pick(claim['note'], lang)}]"
            claims.add_row(text, cites(claim["sources"]))
        parts.append(claims)

    errata = list(_errata(model, lang))
    if errata:
        parts.append(
            styled(
                label(lang, "勘误（原文说法已被取代）", "Errata (the article's value, superseded)"),
                "bold",
            )
        )
        parts.extend(styled(line) for line in errata)

    if mentions:
        parts.append(mentions_table(mentions, lang))
    return parts


def _errata(model: ModelRow, lang: str) -> Iterator[str]:
    items: list[tuple[str, DatedRow | SpecRow | ClaimRow]] = []
    if model.get("released"):
        items.append((label(lang, "发布日期", "Release date"), model["released"]))
    for field, _, zh, en in SPECS:
        spec = model.get("specs", {}).get(field)
        if spec:
            items.append((label(lang, zh, en), spec))
    for claim in model.get("claims", []):
        items.append((pick(claim["text"], lang)[:60], claim))
    for what, holder in items:
        for old in holder.get("superseded", []):
            yield (
                f"{MARK} {what}: {label(lang, '原文', 'article')} «{format_value(old['value'], lang)}» "
                f"({cites(old['sources'])}) — {pick(old['reason'], lang)}"
            )
