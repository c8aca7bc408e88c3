"""Pictures in the terminal: the timeline on a time axis, the models as bars."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from deepseek_kb.kinds import SPEC_BY_FIELD
from deepseek_kb.render.layout import DASH, cell_len_of, fit, label, word
from deepseek_kb.values import base_value, format_value, name_of, pick, scale_for

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.rows import EventRow, ModelRow, SpecRow


def _ordinal(date: str) -> float:
    """A partial date as a fractional year, at the middle of what it covers: '2023-05' -> 2023.37."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year + 0.5
    if len(parts) == 2:
        return year + (parts[1] - 0.5) / 12
    return year + (parts[1] - 1) / 12 + (parts[2] - 0.5) / 365


def _axis(events: list[EventRow], axis: int) -> tuple[float, float, list[tuple[float, str]]]:
    """The axis fitted to the events: from the month of the first to the month after the last,
    with a tick at each new year (every few years when they crowd) and at the start."""
    import math

    first = min(_ordinal(e["date"]) for e in events)
    last = max(_ordinal(e["date"]) for e in events)
    start = math.floor(first * 12) / 12
    end = max(math.ceil(last * 12) / 12, start + 1 / 12)
    years = list(range(math.ceil(start), math.floor(end) + 1))
    step = max(1, -(-len(years) * 6 // axis))  # a year label and its gap take 6 cells
    ticks = [(float(y), str(y)) for y in years if y % step == 0]
    if not years or years[0] != start:  # the axis starts within a year: say where
        year, month = int(start), round((start - int(start)) * 12) + 1
        ticks.insert(0, (start, f"{year}-{month:02d}"))
    return start, end, ticks


def timeline_chart(events: list[EventRow], lang: str, width: int) -> list[RenderableType]:
    """The history on a time axis fitted to the events shown: one row per event, a dot where
    it falls, years marked; titles as long as the width allows beside the axis."""
    from rich.text import Text

    longest = max(cell_len_of(pick(e["title"], lang)) for e in events)
    axis = max(30, (width - 2) * 9 // 20)
    label_width = max(12, min(longest, width - 2 - axis))
    axis = max(10, width - label_width - 2)
    start, end, marks = _axis(events, axis)

    def column(value: float) -> int:
        return max(0, min(axis - 1, int((value - start) / (end - start) * axis)))

    ruler = [" "] * axis
    ticks = [" "] * axis
    for value, tick in marks:  # a tick only where its label fits: no unnamed ┼ beside 2012-07
        at = column(value)
        if at + len(tick) <= axis and all(c == " " for c in ticks[max(0, at - 1) : at + len(tick)]):
            ruler[at] = "┼"
            ticks[at : at + len(tick)] = list(tick)
    line = "".join("─" if c == " " else c for c in ruler)
    out = Text(word(lang, "charts.deepseek_timeline_time_axis") + "\n\n", "bold")
    pad = " " * (label_width + 2)
    out.append(pad + "".join(ticks).rstrip() + "\n", "cyan")
    out.append(pad + line + "\n", "dim")
    for event in events:
        title = pick(event["title"], lang)
        row = [" "] * axis
        row[column(_ordinal(event["date"]))] = "●"
        out.append(
            fit(title, label_width) + "  ", "bold" if event["type"] == "model-release" else ""
        )
        out.append(
            "".join(row).rstrip() + "\n", "magenta" if event["type"] == "model-release" else "cyan"
        )
    out.append(pad + line + "\n", "dim")
    out.append(pad + "".join(ticks).rstrip() + "\n", "cyan")
    return [out]


# The metrics drawn, each headed by its spec's label (one heading of the catalogue's for two).
_CHART_METRICS = (
    ("total_params", "active_params"),
    ("training_tokens", None),
    ("training_cost", None),
)


def _heading(main: str, second: str | None, lang: str) -> str:
    """A metric's heading: its spec's label, or the catalogue's for two specs drawn as one."""
    spec = SPEC_BY_FIELD[main]
    return word(lang, "charts.parameters") if second else label(lang, spec.zh, spec.en)


class _Bar(NamedTuple):
    """One model's bar in a metric: the main quantity, the part of it drawn solid, the figures."""

    name: str
    first: float | None
    other: float | None
    figure: str


def _metric_bars(
    models: list[ModelRow], names: list[str], keys: list[str], lang: str
) -> list[_Bar] | None:
    """A metric's bars, one per model, on one scale; None when nothing has a bar to draw."""
    values = [[_quantity(m.get("specs", {}).get(key)) for key in keys] for m in models]
    known = [v for row in values for v in row if v is not None]
    if not known or max(known) <= 0:  # nothing to draw a bar against
        return None
    scale = scale_for(known)
    bars = []
    for name, model, row in zip(names, models, values, strict=True):
        figures = [
            format_value(model["specs"][key]["value"], lang, scale, bare=True)
            for key, value in zip(keys, row, strict=True)
            if value is not None
        ]
        first, other = row[0], row[1] if len(row) > 1 else None
        figure = " " + " / ".join(figures) if first is not None else ""
        bars.append(_Bar(name, first, other, figure))
    return bars


def compare_chart(models: list[ModelRow], lang: str, width: int) -> list[RenderableType]:
    """Bars: total vs activated parameters, training tokens and cost, on a shared scale each."""
    from rich.text import Text

    names = [name_of(m, lang) for m in models]
    label_width = min(24, max(cell_len_of(n) for n in names) + 1)
    room = max(10, width - label_width - 16)
    out = Text(word(lang, "charts.deepseek_models_compared_chart") + "\n", "bold")
    for main, second in _CHART_METRICS:
        bars = _metric_bars(models, names, [k for k in (main, second) if k], lang)
        if bars is None:
            continue
        top = max(v for bar in bars for v in (bar.first, bar.other) if v is not None)
        out.append(f"\n{_heading(main, second, lang)}\n", "bold cyan")
        for bar in bars:
            out.append(fit(bar.name, label_width) + " ")
            if bar.first is None:
                out.append(DASH + "\n", "dim")
                continue
            whole = max(1, round(max(bar.first, 0) / top * room))
            inner = 0
            if bar.other and bar.other > 0:
                inner = min(whole, max(1, round(bar.other / top * room)))
            out.append("█" * inner, "magenta")  # activated: solid; the rest of the total: shaded
            out.append(("▒" if inner else "█") * (whole - inner), "cyan")
            out.append(bar.figure + "\n", "dim")
    out.append(
        "\n" + word(lang, "charts.activated_the_rest_of_the") + "\n",
        "dim",
    )
    return [out]


def _quantity(spec: SpecRow | None) -> float | None:
    if not spec or not isinstance(spec["value"], dict) or "unit" not in spec["value"]:
        return None
    return base_value(spec["value"])
