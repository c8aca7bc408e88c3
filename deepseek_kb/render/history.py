"""`dskb timeline`: events grouped by year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepseek_kb.render.layout import MARK, footnotes, hang, label, prewrapped
from deepseek_kb.rows import EventRow
from deepseek_kb.values import format_value, pick

if TYPE_CHECKING:
    from rich.console import RenderableType


def timeline(
    events: list[EventRow], lang: str, width: int, details: bool = False
) -> list[RenderableType]:
    """Events grouped by year, dates at their own precision; descriptions with `details`."""
    from rich.text import Text

    date_width = max((len(e["date"]) for e in events), default=4)
    type_width = max((len(e["type"]) for e in events), default=4)
    indent = 2 + date_width + 2 + type_width + 2
    out = prewrapped()
    out.append(label(lang, "DeepSeek 大事记", "DeepSeek timeline") + "\n", style="bold")
    year = None
    for event in events:
        if event["date"][:4] != year:
            year = event["date"][:4]
            out.append(f"\n{year}\n", style="bold magenta")
        prefix = Text("  ")
        prefix.append(event["date"].ljust(date_width), style="cyan")
        prefix.append("  " + event["type"].ljust(type_width) + "  ", style="dim")
        body = Text(pick(event["title"], lang), style="bold")
        if event.get("superseded"):
            body.append(f" {MARK}")
        if details and event.get("description"):
            body.append("\n" + pick(event["description"], lang), style="dim")
        hang(out, prefix, body, indent, width)
    notes = []
    for event in events:
        for old in event.get("superseded", []):
            notes.append(
                f"{MARK} {pick(event['title'], lang)}: {event['date']} "
                f"({label(lang, '原文', 'the article said')} {format_value(old['value'], lang)}) — "
                f"{pick(old['reason'], lang)}"
            )
    return [out, footnotes(notes)]
