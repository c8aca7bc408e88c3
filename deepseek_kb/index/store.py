"""Read access to a built index: records by kind or id, names, mentions, counts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from deepseek_kb.kinds import LINK_FIELDS, NAMES
from deepseek_kb.paths import Layout
from deepseek_kb.rows import Row


class Found(NamedTuple):
    """A record with its kind."""

    kind: str
    row: Row


class Name(NamedTuple):
    """One name or alias of a named record."""

    id: str
    kind: str
    name: str


@dataclass
class Index:
    """Read access to the built index; a damaged file is rebuilt once, transparently."""

    conn: sqlite3.Connection
    layout: Layout
    path: Path | None
    rebuild: Callable[[], sqlite3.Connection]
    warnings: list[str] = field(default_factory=list)

    def query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run a read query; if the file turns out to be damaged, rebuild it and retry once."""
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.DatabaseError:
            self.conn = self.rebuild()
            return self.conn.execute(sql, args).fetchall()

    def records(self, record_type: str) -> list[Row]:
        """All records of one type in their natural order (events by date, others as filed)."""
        rows = self.query(
            "SELECT json FROM records WHERE type = ? ORDER BY sort, ord", (record_type,)
        )
        return [json.loads(row[0]) for row in rows]

    def get(self, record_id: str) -> Found | None:
        """One record by id, with its type."""
        rows = self.query("SELECT type, json FROM records WHERE id = ?", (record_id,))
        return Found(rows[0][0], json.loads(rows[0][1])) if rows else None

    def get_many(self, ids: list[str]) -> dict[str, Found]:
        """Several records by id."""
        found: dict[str, Found] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for rid, rtype, text in self.query(
                f"SELECT id, type, json FROM records WHERE id IN ({marks})", tuple(chunk)
            ):
                found[rid] = Found(rtype, json.loads(text))
        return found

    def names(self, record_type: str | None = None) -> list[Name]:
        """Every name and alias (of one kind), for name resolution and completion."""
        if record_type:
            rows = self.query("SELECT id, type, name FROM names WHERE type = ?", (record_type,))
        else:
            rows = self.query("SELECT id, type, name FROM names")
        return [Name(*r) for r in rows]

    def mentions(self, record_id: str) -> list[Found]:
        """Records whose fields refer to this id (about, speaker, variant_of…), in type order."""
        pattern = f'%"{record_id}"%'
        rows = self.query(
            "SELECT type, json FROM records WHERE id != ? AND json LIKE ? ORDER BY sort, ord",
            (record_id, pattern),
        )
        out = []
        for rtype, text in rows:
            record = json.loads(text)
            if record_id in _links(record):
                out.append(Found(rtype, record))
        return out

    def counts(self) -> dict[str, int]:
        """Records per type."""
        rows = self.query("SELECT type, count(*) FROM records GROUP BY type")
        found = {r[0]: r[1] for r in rows}
        return {t: found.get(t, 0) for t in NAMES}

    def meta(self, key: str) -> str | None:
        """A value from the index's own metadata."""
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None


def _links(record: Row) -> set[str]:
    linked: set[str] = set()
    for key in LINK_FIELDS:
        value = record.get(key)
        if isinstance(value, list):
            linked.update(value)
        elif value:
            linked.add(value)
    return linked
