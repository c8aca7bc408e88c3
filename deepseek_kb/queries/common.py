"""What every query shares: opening the index and resolving typed names to ids."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from deepseek_kb.errors import NotFoundError, UsageError
from deepseek_kb.index.cache import open_index
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import BY_NAME, LINK_FIELDS, SUBJECTS
from deepseek_kb.messages import texts
from deepseek_kb.paths import discover
from deepseek_kb.progress import Note, Report, quiet, stderr_note
from deepseek_kb.settings import Settings
from deepseek_kb.values import name_of, pick

if TYPE_CHECKING:
    from deepseek_kb.rows import Row

# The longest query or name read: longer input is refused (exit 2), so every lookup is bounded.
MAX_QUERY_CHARS = 1000


def clean_text(typed: str) -> str:
    """What was typed, as text: bytes that were not valid in the locale's encoding are read
    as UTF-8 where they are (LC_ALL=C with a Chinese query), else replaced with U+FFFD."""
    raw = typed.encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "replace")


def checked_query(
    typed: str, what: str = "noun.query", hint: str = "give.words", **fields: str
) -> str:
    """A query or name made safe to look up: cleaned, not empty, not longer than the cap.

    `what` names it and `hint` says what to give, both as ids of the message catalogue (their
    `fields` filled in)."""
    text = clean_text(typed)
    noun = texts(what, **fields)
    if not text.strip():
        raise UsageError.of("usage.empty", hint, what=noun.en, what_zh=noun.zh, **fields)
    if len(text) > MAX_QUERY_CHARS:
        raise UsageError.of(
            "usage.too_long", what=noun.en, what_zh=noun.zh, length=len(text), most=MAX_QUERY_CHARS
        )
    return text


def index_for(settings: Settings, report: Report = quiet, note: Note = stderr_note) -> Index:
    """The index of the data in use (built on first use, telling `report` how far it is and
    `note` when it waits for another dskb building it)."""
    return open_index(discover(settings.folders, settings.bundled), report, note)


def resolve_id(index: Index, name: str, record_type: str, what: str) -> str:
    """The id a typed name means, or NotFoundError with the nearest names."""
    kind_zh = BY_NAME[record_type].word[0]
    name = checked_query(name, "noun.kind_name", "give.name", kind=what, kind_zh=kind_zh)
    from deepseek_kb.search.resolve import resolve, squash

    found, near, how = resolve(index, name, record_type)
    if found and how == "exact":
        return found
    gap = coverage_gap(index, squash(name))
    if gap is not None:
        raise NotFoundError.of(
            "nothing.not_covered",
            name=name,
            text=pick(gap["text"], "en"),
            text_zh=pick(gap["text"], "zh"),
            id=gap["id"],
        )
    if found:
        return found
    labels = tuple(_display_names(index, near))
    command = BY_NAME[record_type].command
    choices = ""
    if not command:
        every = sorted({n.id for n in index.names(record_type)})
        choices = ", ".join(every[:24]) + (", …" if len(every) > 24 else "")
    raise NotFoundError.of(
        "nothing.called",
        "nothing.called.hint" if command else "usage.one_of",
        what=what,
        what_zh=kind_zh,
        name=name,
        command=command or "",
        choices=choices,
    ).suggesting(labels)


def coverage_gap(index: Index, squashed: str) -> Row | None:
    """The coverage fact that says the official files hold nothing about this name, if any."""
    from deepseek_kb.search.resolve import squash

    rows = index.query(
        "SELECT json FROM records WHERE type = 'fact' AND json LIKE '%\"category\":\"coverage\"%'"
    )
    for (text,) in rows:
        fact = json.loads(text)
        if any(squash(subject) == squashed for subject in fact.get("subjects", [])):
            return dict(fact)
    return None


def _display_names(index: Index, ids: list[str]) -> list[str]:
    records = index.get_many(ids)
    return [name_of(records[i][1], "en") if i in records else i for i in ids]


def one(index: Index, name: str, kind: str, tier: str | None = None) -> Row:
    """One record of a kind by any of its names (as one tier tells it, when given)."""
    from deepseek_kb.queries.provenance import told_one

    found = index.get(resolve_id(index, name, kind, kind))
    assert found is not None
    return told_one(index, kind, found[1], tier)


def resolve_entity(index: Index, name: str) -> str:
    """A model, person or organisation id from any of their names."""
    from deepseek_kb.search.resolve import resolve

    name = checked_query(name, "noun.name", "give.entity")
    for record_type in SUBJECTS:
        found, _, _ = resolve(index, name, record_type)
        if found:
            return found
    near: list[str] = []
    for record_type in SUBJECTS:
        near.extend(resolve(index, name, record_type)[1][:2])
    raise NotFoundError.of("nothing.entity", name=name).suggesting(
        tuple(_display_names(index, near))
    )


def names_for(index: Index, *groups: list[Row]) -> dict[str, Row]:
    """The records these records link to (speakers, topics, subjects …), by id."""
    wanted: list[str] = []
    for records in groups:
        for record in records:
            for key in sorted(LINK_FIELDS):
                value = record.get(key)
                wanted.extend(value if isinstance(value, list) else [value] if value else [])
    return by_id(index, wanted)


def by_id(index: Index, ids: list[str]) -> dict[str, Row]:
    """These records (each once), by id."""
    found = index.get_many(list(dict.fromkeys(ids)))
    return {rid: record for rid, (_, record) in found.items()}
