"""`dskb export -f timelinejs`: the events as Knight Lab's TimelineJS reads them.

The format is TimelineJS3's JSON (https://timeline.knightlab.com/docs/json-format.html; its
schema, written from that page, is tests/fixtures/timelinejs.schema.json): a `title` slide,
one slide per event (`start_date` at the precision the KB knows, `text` with a headline and
HTML, `group` the kind of event, `unique_id` the event's id) and `eras` for the model
generations. Each slide's text ends in a credit line naming every source of the event, linked
where an address is known (TimelineJS's own `credit` belongs to a `media` object, which needs a
media URL an event does not have).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from deepseek_kb.citations import unique, url
from deepseek_kb.index.store import Index
from deepseek_kb.messages import texts
from deepseek_kb.values import date_bounds, pick, section

Row = Mapping[str, Any]

# Model families whose first release (of a model that is no variant) opens an era.
_ERA_KINDS = frozenset({"language"})


def _word(key: str, lang: str, **fields: object) -> str:
    """The catalogue's words `key` (messages.words): one language, or both."""
    zh, en = _words(key, **fields)
    return zh if lang == "zh" else en if lang == "en" else f"{zh} / {en}"


def _words(key: str, **fields: object) -> tuple[str, str]:
    said = texts(key, **fields)
    return said.zh, said.en


def _text(value: Any, lang: str) -> str:
    return pick(value, lang) if isinstance(value, Mapping) else str(value or "")


def tl_date(date: str) -> dict[str, int]:
    """A KB date at its own precision: 2024 → {year}, 2024-05 → {year, month}, and so on."""
    parts = [int(p) for p in str(date).split("-")]
    return dict(zip(("year", "month", "day"), parts, strict=False))


def credit(refs: Sequence[Row], sources: Mapping[str, Row], lang: str) -> str:
    """Every source an event rests on, once each: its title, where in it, and its link."""
    items = []
    for ref in unique(refs):
        source = sources.get(str(ref["source"]))
        title = _text(source.get("title"), lang) if source else str(ref["source"])
        where = []
        if ref.get("section"):
            where.append(f"§{section(str(ref['section']), lang)}")
        for key in ("line", "page"):
            if ref.get(key):
                where.append(_word(f"timelinejs.{key}", lang, n=ref[key]))
        said = escape(title) + (f" ({escape(', '.join(where))})" if where else "")
        link = url(ref, source)
        items.append(f'<a href="{escape(link)}">{said}</a>' if link else said)
    head = _word("timelinejs.source" if len(items) == 1 else "timelinejs.sources", lang)
    return f'<p class="dskb-credit">{escape(head)}{"; ".join(dict.fromkeys(items))}</p>'


def slide(event: Row, sources: Mapping[str, Row], lang: str) -> dict[str, Any]:
    """One event as a TimelineJS slide."""
    body = "".join(
        f"<p>{escape(line)}</p>"
        for line in _text(event.get("description"), lang).splitlines()
        if line.strip()
    )
    zh, en = _words(
        f"timelinejs.group.{event['type']}"
    )  # its kind of event, as a row of the navigation
    return {
        "unique_id": str(event["id"]),
        "start_date": tl_date(str(event["date"])),
        "text": {
            "headline": escape(_text(event["title"], lang), quote=False),
            "text": body + credit(event["sources"], sources, lang),
        },
        "group": zh if lang == "zh" else en if lang == "en" else f"{zh} / {en}",
        "autolink": False,
    }


def eras(models: Sequence[Row], events: Sequence[Row], lang: str) -> list[dict[str, Any]]:
    """The model generations (DeepSeek LLM, V2, V3 …): each from its family's first
    release to the next one's, the last to the last event shown; only within the events."""
    firsts: dict[str, str] = {}
    for model in models:
        released = (model.get("released") or {}).get("date")
        if not model.get("variant_of") and model.get("kind") in _ERA_KINDS and released:
            family = str(model.get("family") or model["id"])
            firsts[family] = min(firsts.get(family, str(released)), str(released))
    if not events or not firsts:
        return []
    low = min(date_bounds(str(e["date"]))[0] for e in events)
    high = max(date_bounds(str(e["date"]))[1] for e in events)
    ordered = sorted(firsts.items(), key=lambda item: date_bounds(item[1])[0])
    out = []
    for number, (family, start) in enumerate(ordered):
        begin = date_bounds(start)[0]
        end = date_bounds(ordered[number + 1][1])[0] if number + 1 < len(ordered) else high
        begin, end = max(begin, low), min(end, high)
        if begin < end:
            out.append(
                {
                    "start_date": tl_date(begin),
                    "end_date": tl_date(end),
                    "text": {
                        "headline": escape(
                            _word("timelinejs.era", lang, family=family), quote=False
                        )
                    },
                }
            )
    return out


def timeline(
    events: Sequence[Row], models: Sequence[Row], sources: Sequence[Row], lang: str
) -> dict[str, Any]:
    """The TimelineJS document: a title slide, the events, the eras."""
    by_id = {str(s["id"]): s for s in sources}
    return {
        "title": {
            "text": {
                "headline": escape(_word("timelinejs.title", lang), quote=False),
                "text": f"<p>{escape(_word('timelinejs.intro', lang))}</p>",
            }
        },
        "events": [slide(event, by_id, lang) for event in events],
        "eras": eras(models, events, lang),
    }


def write(events: Sequence[Row], models: Sequence[Row], sources: Sequence[Row], lang: str) -> str:
    """The document as JSON text (UTF-8, Chinese as written)."""
    return json.dumps(timeline(events, models, sources, lang), ensure_ascii=False, indent=2) + "\n"


def timeline_text(
    index: Index,
    chosen: tuple[str | None, str | None, str | None],
    tier: str | None,
    lang: str,
) -> str:
    """The events `dskb timeline` would show (since, until, type; as a tier tells them) as a
    TimelineJS document."""
    from deepseek_kb.queries.history import timeline as find_events
    from deepseek_kb.queries.provenance import told_records

    since, until, event_type = chosen
    events = find_events(index, since, until, event_type, None, tier)
    return write(events, told_records(index, "model", tier), index.records("source"), lang)
