"""What every query shares: opening the index and resolving typed names to ids."""

from __future__ import annotations

import json

from deepseek_kb.errors import NotFoundError, UsageError
from deepseek_kb.index.cache import open_index
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import BY_NAME, LINK_FIELDS, SUBJECTS
from deepseek_kb.paths import discover
from deepseek_kb.progress import Note, Report, quiet, stderr_note
from deepseek_kb.rows import Row
from deepseek_kb.settings import Settings
from deepseek_kb.values import name_of, pick

# The longest query or name read: longer input is refused (exit 2), so every lookup is bounded.
MAX_QUERY_CHARS = 1000


def clean_text(typed: str) -> str:
    """What was typed, as text: bytes that were not valid in the locale's encoding are read
    as UTF-8 where they are (LC_ALL=C with a Chinese query), else replaced with U+FFFD."""
    raw = typed.encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "replace")


def checked_query(typed: str, what: str = "query", hint: str = "give some words") -> str:
    """A query or name made safe to look up: cleaned, not empty, not longer than the cap."""
    text = clean_text(typed)
    if not text.strip():
        raise UsageError(f"the {what} is empty", hint=hint, zh="查询是空的")
    if len(text) > MAX_QUERY_CHARS:
        raise UsageError(
            f"the {what} is {len(text):,} characters long; dskb reads at most {MAX_QUERY_CHARS:,}",
            hint="give the key words, a name or a number",
            zh=f"查询有 {len(text):,} 个字符；dskb 最多读 {MAX_QUERY_CHARS:,} 个",
            hint_zh="请给出关键词、名字或数字",
        )
    return text


def index_for(settings: Settings, report: Report = quiet, note: Note = stderr_note) -> Index:
    """The index of the data in use (built on first use, telling `report` how far it is and
    `note` when it waits for another dskb building it)."""
    return open_index(discover(settings.folders, settings.bundled), report, note)


def resolve_id(index: Index, name: str, record_type: str, what: str) -> str:
    """The id a typed name means, or NotFoundError with the nearest names."""
    name = checked_query(name, f"{what} name", f"give a {what}'s name")
    from deepseek_kb.search.resolve import resolve, squash

    found, near, how = resolve(index, name, record_type)
    if found and how == "exact":
        return found
    gap = coverage_gap(index, squash(name))
    if gap is not None:
        raise NotFoundError(
            f"the official files read hold no record of {name!r}: {pick(gap['text'], 'en')}",
            hint=f"`dskb cite {gap['id']}` shows what was read; `dskb sources official-2025`",
            zh=f"所读官方文件对 {name!r} 没有记录：{pick(gap['text'], 'zh')}",
            hint_zh=f"`dskb cite {gap['id']}` 列出读过的文件；`dskb sources official-2025`",
        )
    if found:
        return found
    labels = tuple(_display_names(index, near))
    command = BY_NAME[record_type].command
    hint_zh = None
    if command:
        hint = f"`dskb {command}` lists them all"
        hint_zh = f"`dskb {command}` 列出全部"
    else:
        every = sorted({n.id for n in index.names(record_type)})
        hint = "one of: " + ", ".join(every[:24]) + (", …" if len(every) > 24 else "")
    raise NotFoundError(
        f"no {what} called {name!r}",
        hint=hint,
        suggestions=labels,
        zh=f"没有叫 {name!r} 的{BY_NAME[record_type].word[0]}",
        hint_zh=hint_zh,
    )


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

    name = checked_query(name, "name", "give a model's, person's or organisation's name")
    for record_type in SUBJECTS:
        found, _, _ = resolve(index, name, record_type)
        if found:
            return found
    near: list[str] = []
    for record_type in SUBJECTS:
        near.extend(resolve(index, name, record_type)[1][:2])
    raise NotFoundError(
        f"nothing called {name!r} among models, people and organisations",
        hint="`dskb models`, `dskb people` and `dskb company` list the names",
        suggestions=tuple(_display_names(index, near)),
    )


def names_for(index: Index, *groups: list[Row]) -> dict[str, Row]:
    """The records these records link to (speakers, topics, subjects …), by id."""
    wanted: list[str] = []
    for records in groups:
        for record in records:
            for key in sorted(LINK_FIELDS):
                value = record.get(key)
                wanted.extend(value if isinstance(value, list) else [value] if value else [])
    found = index.get_many(list(dict.fromkeys(wanted)))
    return {rid: record for rid, (_, record) in found.items()}
