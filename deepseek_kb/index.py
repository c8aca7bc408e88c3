"""The derived, cached form of the KB that every query reads: one SQLite file per data folder set.

YAML stays the only source of truth. The index is rebuilt when any data file, the package
version or the index format changes, and whenever it is missing, truncated or corrupt. It is
written to a temporary file and moved into place, so readers never see half an index and several
processes starting at once on an empty cache all succeed. Opening it costs a few stat calls and
one small query; YAML and pydantic are imported only to rebuild.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deepseek_kb import __version__
from deepseek_kb.formatting import Record
from deepseek_kb.locate import TYPE_STEMS, Layout, cache_dir, discover

INDEX_FORMAT = 3
RECORD_TYPES = tuple(TYPE_STEMS.values())

# Field weights used by search: names outrank main texts, which outrank side texts.
NAME, MAIN, SIDE, RELATED = 1.0, 0.95, 0.85, 0.7

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, ord INTEGER NOT NULL,
    sort TEXT NOT NULL, layer INTEGER NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE docs (rowid INTEGER PRIMARY KEY, fields TEXT NOT NULL);
CREATE TABLE names (id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE vocab (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE pinyin (key TEXT NOT NULL, word TEXT NOT NULL, kind TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(
    names, body, content='', tokenize="unicode61 remove_diacritics 0 tokenchars '.%'"
);
"""
INDEXES = """
CREATE INDEX records_by_type ON records (type, sort, ord);
CREATE INDEX names_by_type ON names (type);
CREATE INDEX pinyin_by_key ON pinyin (key);
"""


class IndexUnavailable(Exception):
    """The index file cannot be used (missing, stale, truncated, corrupt); it is rebuilt."""


@dataclass
class Index:
    """Read access to the built index; a damaged file is rebuilt once, transparently."""

    conn: sqlite3.Connection
    layout: Layout
    path: Path | None
    warnings: list[str] = field(default_factory=list)

    def query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run a read query; if the file turns out to be damaged, rebuild it and retry once."""
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.DatabaseError:
            fresh = _rebuild(self.layout, fingerprint(self.layout), self.path, self.warnings)
            self.conn = fresh.conn
            return self.conn.execute(sql, args).fetchall()

    def records(self, record_type: str) -> list[Record]:
        """All records of one type in their natural order (events by date, others as filed)."""
        rows = self.query(
            "SELECT json FROM records WHERE type = ? ORDER BY sort, ord", (record_type,)
        )
        return [json.loads(row[0]) for row in rows]

    def get(self, record_id: str) -> tuple[str, Record] | None:
        """One record by id, with its type."""
        rows = self.query("SELECT type, json FROM records WHERE id = ?", (record_id,))
        return (rows[0][0], json.loads(rows[0][1])) if rows else None

    def get_many(self, ids: list[str]) -> dict[str, tuple[str, Record]]:
        """Several records by id."""
        found: dict[str, tuple[str, Record]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for rid, rtype, text in self.query(
                f"SELECT id, type, json FROM records WHERE id IN ({marks})", tuple(chunk)
            ):
                found[rid] = (rtype, json.loads(text))
        return found

    def names(self, record_type: str | None = None) -> list[tuple[str, str, str]]:
        """(id, type, name) for every name and alias, for name resolution and completion."""
        if record_type:
            return [
                (r[0], r[1], r[2])
                for r in self.query(
                    "SELECT id, type, name FROM names WHERE type = ?", (record_type,)
                )
            ]
        return [(r[0], r[1], r[2]) for r in self.query("SELECT id, type, name FROM names")]

    def mentions(self, record_id: str) -> list[tuple[str, Record]]:
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
                out.append((rtype, record))
        return out

    def counts(self) -> dict[str, int]:
        """Records per type."""
        rows = self.query("SELECT type, count(*) FROM records GROUP BY type")
        found = {r[0]: r[1] for r in rows}
        return {t: found.get(t, 0) for t in RECORD_TYPES}

    def meta(self, key: str) -> str | None:
        """A value from the index's own metadata."""
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None


def _links(record: Record) -> set[str]:
    linked: set[str] = set()
    for key in ("about", "topics", "affiliations"):
        linked.update(record.get(key) or [])
    for key in ("speaker", "variant_of", "parent"):
        if record.get(key):
            linked.add(record[key])
    return linked


_INDEX_CODE = ("build.py", "index.py", "tokens.py", "loader.py", "schema.py", "formatting.py")


def fingerprint(layout: Layout) -> str:
    """What the index depends on: the package version, the index format and every data file."""
    parts: list[Any] = [__version__, INDEX_FORMAT, [str(f) for f in layout.folders]]
    for module in _INDEX_CODE:  # a source checkout's edits change the index without a release
        with contextlib.suppress(OSError):
            st = (Path(__file__).parent / module).stat()
            parts.append((module, st.st_size, st.st_mtime_ns))
    for path in [f.path for f in layout.files] + list(layout.strays):
        try:
            st = path.stat()
            parts.append((str(path), st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            parts.append((str(path), None))
    return repr(parts)


def index_path(layout: Layout) -> Path:
    """The cache file for this set of data folders; DSKB_DATA_DIR gets its own."""
    key = zlib.crc32(repr([str(f.resolve()) for f in layout.folders]).encode())
    return cache_dir() / f"index-{key:08x}.sqlite"


def open_index(layout: Layout | None = None) -> Index:
    """The index for the data in use, rebuilt first if it is missing, stale or damaged."""
    layout = layout or discover()
    key = fingerprint(layout)
    path = index_path(layout)
    conn = _open_existing(path, key)
    if conn is not None:
        return Index(conn, layout, path)
    return _rebuild(layout, key, path, [])


def _open_existing(path: Path, key: str) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    conn = None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("fingerprint") != key:
            conn.close()
            return None
        (count,) = conn.execute("SELECT count(*) FROM records").fetchone()
        if str(count) != meta.get("count"):
            conn.close()
            return None
        return conn
    except (sqlite3.DatabaseError, ValueError):
        if conn is not None:
            conn.close()
        return None


def _rebuild(layout: Layout, key: str, path: Path | None, warnings: list[str]) -> Index:
    """Build under a lock when the cache folder allows it; in memory when it does not."""
    if path is None:
        return Index(_build(layout, key, ":memory:"), layout, None, warnings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _lock(path):
            conn = _open_existing(path, key)
            if conn is not None:
                return Index(conn, layout, path, warnings)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            try:
                _build(layout, key, str(tmp)).close()
                tmp.replace(path)
            finally:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        conn = _open_existing(path, key)
        if conn is not None:
            return Index(conn, layout, path, warnings)
    except (OSError, sqlite3.OperationalError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        warnings.append(
            f"cannot write the index cache in {path.parent} ({reason}); "
            "working from memory, so every run rebuilds it"
        )
    return Index(_build(layout, key, ":memory:"), layout, None, warnings)


@contextlib.contextmanager
def _lock(path: Path) -> Iterator[None]:
    """An exclusive lock beside the index, so concurrent first runs build it once."""
    try:
        import fcntl
    except ImportError:  # Windows: builds may race, but os.replace keeps every result whole
        yield
        return
    with path.with_name(path.name + ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build(layout: Layout, key: str, target: str) -> sqlite3.Connection:
    from deepseek_kb.build import build

    return build(layout, key, target)
