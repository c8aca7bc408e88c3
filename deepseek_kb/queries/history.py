"""`dskb timeline`: events filtered by date range, type and subject."""

from __future__ import annotations

import re
from typing import cast

from deepseek_kb.errors import UsageError
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import EventType
from deepseek_kb.queries.common import resolve_entity
from deepseek_kb.rows import EventRow
from deepseek_kb.values import date_bounds

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
EVENT_TYPES = tuple(EventType)


def _check_date(option: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise UsageError(
            f"{option} {value!r} is not a date", hint="write YYYY, YYYY-MM or YYYY-MM-DD"
        )
    return value


def timeline(
    index: Index, since: str | None, until: str | None, event_type: str | None, about: str | None
) -> list[EventRow]:
    """Events in date order, filtered by date range (overlap), type and subject."""
    since = _check_date("--since", since)
    until = _check_date("--until", until)
    if event_type is not None and event_type not in EVENT_TYPES:
        raise UsageError(
            f"--type {event_type!r} is not an event type", hint="one of: " + ", ".join(EVENT_TYPES)
        )
    about_id = resolve_entity(index, about) if about else None
    low = date_bounds(since)[0] if since else "0000"
    high = date_bounds(until)[1] if until else "9999"
    events = []
    for event in cast(list[EventRow], index.records("event")):
        start, end = date_bounds(event["date"])
        if end < low or start > high:
            continue
        if event_type and event["type"] != event_type:
            continue
        if about_id and about_id not in event.get("about", []):
            continue
        events.append(event)
    return events
