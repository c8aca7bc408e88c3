"""`dskb timeline`: events filtered by date range, type and subject."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, cast

from deepseek_kb.errors import UsageError
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import EventType
from deepseek_kb.queries.common import resolve_entity
from deepseek_kb.queries.provenance import told_records
from deepseek_kb.values import date_bounds

if TYPE_CHECKING:
    from deepseek_kb.rows import EventRow

# YYYY, YYYY-M(M) or YYYY-M(M)-D(D), ASCII digits only (2024-5 is the article's own style).
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")
EVENT_TYPES = tuple(EventType)


def _check_date(option: str, value: str | None) -> str | None:
    """A date typed on the command line, at its own precision and zero-padded: 2024-5 -> 2024-05."""
    if value is None:
        return None
    value = value.strip()
    match = _DATE.match(value)
    if not match:
        raise UsageError.of("usage.not_a_date", option=option, value=value)
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise UsageError.of("usage.not_a_real_date", option=option, value=value) from None
    return "-".join([year, *(part.zfill(2) for part in (month, day) if part)])


def _checked_range(since: str | None, until: str | None) -> tuple[str, str]:
    """The dates --since and --until cover, from the first day of one to the last of the other."""
    since = _check_date("--since", since)
    until = _check_date("--until", until)
    low = date_bounds(since)[0] if since else "0000"
    high = date_bounds(until)[1] if until else "9999"
    if since and until and low > high:
        raise UsageError.of("usage.since_after_until", since=since, until=until)
    return low, high


def timeline(
    index: Index,
    since: str | None,
    until: str | None,
    event_type: str | None,
    about: str | None,
    tier: str | None = None,
) -> list[EventRow]:
    """Events in date order, filtered by date range (overlap), type and subject."""
    low, high = _checked_range(since, until)
    if event_type is not None and event_type not in EVENT_TYPES:
        raise UsageError.of(
            "usage.not_an_event_type",
            "usage.one_of",
            value=event_type,
            choices=", ".join(EVENT_TYPES),
        )
    about_id = resolve_entity(index, about) if about else None

    def wanted(event: EventRow) -> bool:
        start, end = date_bounds(event["date"])
        return (
            low <= end
            and start <= high
            and (not event_type or event["type"] == event_type)
            and (not about_id or about_id in event.get("about", []))
        )

    told = cast("list[EventRow]", told_records(index, "event", tier))
    ordered = sorted(told, key=lambda e: date_bounds(e["date"])[0]) if tier else told
    return [event for event in ordered if wanted(event)]
