"""`dskb timeline`: events grouped by year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepseek_kb.kinds import EVENT_WORDS
from deepseek_kb.render.layout import (
    COMMIT,
    MARK,
    footnotes,
    hang,
    legend,
    prewrapped,
    status_mark,
    word,
)
from deepseek_kb.values import cites, format_value, pick

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.rows import EventRow


def event_type_named(typed: str) -> str:
    """An event type as typed: its id (software-release) or the name shown for it, in either
    language (open source, open-source, 开源发布); anything else is left for the query to refuse."""
    key = " ".join(typed.replace("-", " ").replace("_", " ").split()).casefold()
    for kind, words in EVENT_WORDS.items():
        if key in {kind.replace("-", " "), *(w.casefold().replace("-", " ") for w in words)}:
            return kind
    return typed


def event_word(kind: str, lang: str) -> str:
    """An event type in the reader's language."""
    zh, en = EVENT_WORDS.get(kind, (kind, kind))
    return zh if lang == "zh" else en


def timeline(
    events: list[EventRow], lang: str, width: int, details: bool = False
) -> list[RenderableType]:
    """Events grouped by year, dates at their own precision (‡ for a commit's date), the kind
    of event, the title; descriptions with `details`."""
    from rich.cells import cell_len
    from rich.text import Text

    shown = "en" if lang == "both" else lang
    date_width = max((len(e["date"]) + len(status_mark(e)) for e in events), default=4)
    type_width = max((cell_len(event_word(e["type"], shown)) for e in events), default=4)
    narrow = width < 100  # the kind of event goes below the title, not beside it
    indent = 2 + date_width + 2 + (0 if narrow else type_width + 2)
    out = prewrapped()
    out.append(word(lang, "history.deepseek_timeline") + "\n", style="bold")
    year = None
    for event in events:
        if event["date"][:4] != year:
            year = event["date"][:4]
            out.append(f"\n{year}\n", style="bold magenta")
        prefix = Text("  ")
        date = event["date"] + status_mark(event)
        prefix.append(date.ljust(date_width) + "  ", style="cyan")
        kind = event_word(event["type"], shown)
        if not narrow:
            prefix.append(kind + " " * (type_width - cell_len(kind) + 2), style="dim")
        body = Text(pick(event["title"], lang), style="bold")
        if event.get("superseded"):
            body.append(f" {MARK}")
        if narrow:  # the kind stays whole on its line (open source, not open / source)
            body.append("  " + kind.replace(" ", "\u00a0"), style="dim")
        if details and event.get("description"):
            body.append("\n" + pick(event["description"], lang), style="dim")
        hang(out, prefix, body, indent, width)
    spaced = Text(out.plain.replace("\u00a0", " "), no_wrap=True, overflow="ignore")
    spaced.spans = out.spans  # wrapped: the no-break spaces are plain spaces again
    return [spaced, footnotes(_notes(events, lang))]


def _notes(events: list[EventRow], lang: str) -> list[str]:
    notes = []
    for event in events:
        for old in event.get("superseded", []):
            notes.append(
                f"{MARK} {pick(event['title'], lang)}: {event['date']} "
                f"({word(lang, 'history.stated_as')} {format_value(old['value'], lang)}, "
                f"{cites(old['sources'], lang)}) — {pick(old['reason'], lang)}"
            )
    marks = "".join(status_mark(e) for e in events)
    notes.extend(line for line in legend(marks, lang) if not line.startswith(COMMIT))
    if COMMIT in marks:
        notes.append(f"{COMMIT} " + word(lang, "history.a_git_commit_s_author"))
    return notes
