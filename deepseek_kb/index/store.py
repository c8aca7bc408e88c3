"""Read access to a built index: records by kind or id, names, mentions, counts.

Every table is covered by a checksum (`index.tables.DIGESTED`), checked the first time a
process reads the table, unless the file is as it was when a build or an earlier run checked
that table (a note beside it names the tables checked and the file's inode, size, mtime and
ctime, which any write changes): at 100,000 records reading a table whole costs more than the
lookup. Every record and search field read is checked against the checksum written beside it,
always. Damage (a bad page, a changed byte, one flipped bit in a name) makes
the index rebuild into a new file and the read run again, so a damaged cache costs one
rebuild, never a wrong answer or a traceback.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from deepseek_kb.index.tables import DIGESTED, FAMILY_WORDS, SOURCE_INFO, digest
from deepseek_kb.kinds import LINK_FIELDS, NAMES
from deepseek_kb.paths import Layout
from deepseek_kb.told import SourceInfo, status_hook, tell

if TYPE_CHECKING:
    from deepseek_kb.rows import Row

T = TypeVar("T")


class Damaged(Exception):
    """What the index holds is not what was written (a checksum or the JSON does not match)."""


class Found(NamedTuple):
    """A record with its kind."""

    kind: str
    row: Row


class Name(NamedTuple):
    """One name or alias of a named record."""

    id: str
    kind: str
    name: str


class Scored(NamedTuple):
    """A search candidate: its id, kind and stored search fields (the record itself is read
    only for the hits shown: `Index.get`)."""

    id: str
    kind: str
    fields: list[list[Any]]


def file_state(path: Path) -> list[int] | None:
    """What any write to the file changes: device, inode, size, mtime and ctime (ns)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _checked_note(path: Path) -> Path:
    return path.with_name(f"{path.name}.checked")


def checked_before(path: Path | None, state: list[int] | None) -> set[str]:
    """The tables already checked on this file as it stands (none if it changed since)."""
    if path is None or state is None:
        return set()
    try:
        note = json.loads(_checked_note(path).read_text(encoding="utf-8"))
        if note["state"] == state:
            return {t for t in note["tables"] if t in DIGESTED}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return set()


def note_checked(path: Path, state: list[int], tables: Iterable[str]) -> None:
    """Note that these tables of the file as it stands match their checksums (best effort:
    a cache folder that cannot be written only means the next run checks again)."""
    write_note(_checked_note(path), {"state": state, "tables": sorted(tables)})


def write_note(note: Path, value: object) -> None:
    """Write a note beside the index whole or not at all (best effort)."""
    tmp = note.with_name(f"{note.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(value), encoding="utf-8")
        tmp.replace(note)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


# Stored JSON is read as its UTF-8 bytes, the bytes its checksum is of (`decode`).
_RECORDS = "SELECT type, CAST(json AS BLOB), crc FROM records"
_JSON = json.JSONDecoder().decode


def decode(data: bytes | str, crc: int, parse: Callable[[str], Any] = _JSON) -> Any:
    """A stored JSON text, verified against its checksum (read by `parse`). Selected as a
    blob (`CAST(json AS BLOB)`), its bytes are checked as SQLite holds them, not decoded and
    encoded again (1 ms of the 9 that reading 400 search candidates takes)."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    if zlib.crc32(raw) != crc:
        raise Damaged("checksum mismatch")
    try:
        return parse(raw.decode("utf-8") if isinstance(data, bytes) else data)
    except ValueError:  # UnicodeDecodeError too
        raise Damaged("not JSON") from None


class Index:
    """Read access to the built index; a damaged file is rebuilt once, transparently.

    A plain class, not a dataclass: making one costs most of a millisecond of every run."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        layout: Layout,
        path: Path | None,
        rebuild: Callable[[], sqlite3.Connection],
        warnings: list[str] | None = None,
        state: list[int] | None = None,
    ) -> None:
        self.conn = conn
        self.layout = layout
        self.path = path
        self.rebuild = rebuild
        self.warnings: list[str] = [] if warnings is None else warnings
        self.verified: set[str] = set()
        self.state = state  # the file as it was opened (`file_state`)
        self._sources: SourceInfo | None = None
        self._mentioned: dict[str, list[Found]] = {}
        self._named: dict[str, list[Name]] = {}  # names_in(None, norm), by norm
        self._statuses: Callable[[str], Any] | None = None

    def checked(self, read: Callable[[], T]) -> T:
        """Run a read; if the index turns out to be damaged, rebuild it and read once more."""
        try:
            return read()
        except (sqlite3.DatabaseError, Damaged):
            self.conn = self.rebuild()
            self.verified.clear()
            self._mentioned.clear()
            self._named.clear()
            self.state = None  # the new file is checked table by table as it is read
            return read()

    def verify(self, sql: str) -> None:
        """Check the checksum of every table `sql` reads, once per table and process, and
        once per file state: tables checked before on this very file are not read again."""
        tables = [t for t in _TABLES.findall(sql) if t not in self.verified]
        if not tables:
            return
        before = checked_before(self.path, self.state)
        for table in tables:
            if table not in before:
                self._check(table)
            self.verified.add(table)
        if not before.issuperset(tables) and self.path is not None and self.state is not None:
            note_checked(self.path, self.state, before | self.verified)

    def _check(self, table: str) -> None:
        rows = self.conn.execute("SELECT value FROM meta WHERE key = 'digests'").fetchall()
        try:
            expected = json.loads(rows[0][0]).get(table) if rows else None
        except (ValueError, AttributeError):
            raise Damaged("the checksums are damaged") from None
        if expected != digest(self.conn, table):
            raise Damaged(f"the {table} table does not match its checksum")

    def query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run a read query on verified tables (rebuilding once if the file is damaged)."""

        def read() -> list[tuple[Any, ...]]:
            self.verify(sql)
            return self.conn.execute(sql, args).fetchall()

        return self.checked(read)

    def source_info(self) -> SourceInfo:
        """Every source's tier and kind, read once (the build wrote them into meta)."""
        if self._sources is None:
            self._sources = self.checked(self._source_info)
        return self._sources

    def _source_info(self) -> SourceInfo:
        sql = "SELECT value FROM meta WHERE key = ?"
        self.verify(sql)
        rows = self.conn.execute(sql, (SOURCE_INFO,)).fetchall()
        try:
            return {key: (tier, kind) for key, (tier, kind) in json.loads(rows[0][0]).items()}
        except (IndexError, ValueError, TypeError, AttributeError):
            raise Damaged("the sources' tiers are missing or damaged") from None

    def _rows(self, sql: str, args: tuple[Any, ...] = (), tier: str | None = None) -> list[Found]:
        """(kind, record) rows of a query selecting type, json and crc, verified; each record
        as `tier` tells it (all of it when None), every value with its status (`told.tell`)."""

        info = self.source_info()
        # All of a record: its statuses are given as its JSON is read (a source has none).
        statused = self._statused() if tier is None else json.loads

        def read() -> list[Found]:
            self.verify(sql)
            rows = self.conn.execute(sql, args).fetchall()
            return [
                Found(kind, decode(text, crc, _JSON if kind == "source" else statused))
                for kind, text, crc in rows
            ]

        if tier is None:
            return self.checked(read)
        told = ((kind, tell(kind, row, tier, info)) for kind, row in self.checked(read))
        return [Found(kind, row) for kind, row in told if row is not None]

    def _statused(self) -> Callable[[str], Any]:
        """Reads a record's JSON with a status on every holder (`told.status_hook`)."""
        if self._statuses is None:
            self._statuses = json.JSONDecoder(object_hook=status_hook(self.source_info())).decode
        return self._statuses

    def records(self, record_type: str, tier: str | None = None) -> list[Row]:
        """All records of one kind in their natural order (events by date, others as filed),
        optionally as one tier (article or official) tells them."""
        sql = f"{_RECORDS} WHERE type = ?"
        args: tuple[Any, ...] = (record_type,)
        if tier:
            sql += " AND instr(',' || tiers || ',', ?)"
            args += (f",{tier},",)
        return [found.row for found in self._rows(sql + " ORDER BY sort, ord", args, tier)]

    def get(self, record_id: str) -> Found | None:
        """One record by id, with its type."""
        rows = self._rows(f"{_RECORDS} WHERE id = ?", (record_id,))
        return rows[0] if rows else None

    def get_many(self, ids: list[str], tier: str | None = None) -> dict[str, Found]:
        """Several records by id (as one tier tells them, when given)."""
        found: dict[str, Found] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for item in self._rows(f"{_RECORDS} WHERE id IN ({marks})", tuple(chunk), tier):
                found[item.row["id"]] = item
        return found

    def tiers(self, ids: list[str]) -> dict[str, tuple[str, ...]]:
        """Where each record's facts come from: ('article',), ('official',) or both."""
        found: dict[str, tuple[str, ...]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for rid, tiers in self.query(
                f"SELECT id, tiers FROM records WHERE id IN ({marks})", tuple(chunk)
            ):
                found[rid] = tuple(t for t in tiers.split(",") if t)
        return found

    def candidates(self, rowids: list[int], kinds: Iterable[str] | None = None) -> list[Scored]:
        """Search candidates by rowid with their stored fields, verified; only those of `kinds`
        when given (the others' fields are never read: `quote 创新` at 100,000 records)."""
        wanted = tuple(sorted(kinds)) if kinds else ()
        out: list[Scored] = []
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            out.extend(self.checked(partial(self._candidates, chunk, wanted)))
        return out

    def _candidates(self, chunk: list[int], kinds: tuple[str, ...]) -> list[Scored]:
        marks = ",".join("?" * len(chunk))
        sql = (
            "SELECT r.id, r.type, CAST(d.fields AS BLOB), d.crc FROM records r JOIN docs d"
            f" ON d.rowid = r.rowid WHERE r.rowid IN ({marks})"
        )
        if kinds:
            sql += f" AND r.type IN ({','.join('?' * len(kinds))})"
        self.verify(sql)
        rows = self.conn.execute(sql, (*chunk, *kinds)).fetchall()
        return [Scored(rid, kind, decode(fields, crc)) for rid, kind, fields, crc in rows]

    def names(self, record_type: str | None = None) -> list[Name]:
        """Every name and alias (of one kind), for name resolution and completion."""
        if record_type:
            rows = self.query("SELECT id, type, name FROM names WHERE type = ?", (record_type,))
        else:
            rows = self.query("SELECT id, type, name FROM names")
        return [Name(*r) for r in rows]

    def names_in(self, record_type: str | None, norm: str) -> list[Name]:
        """The names and aliases (of one kind, else of every kind) that may be in a normalised
        query: those whose head (`analysis.text.name_head`) it holds, in the order `names`
        gives them (the table's). Read once per query and process: a question reads them for
        each kind of thing it may name, twice (13 scans of the table at 100,000 records)."""
        if norm not in self._named:
            sql = "SELECT id, type, name FROM names WHERE instr(?, head) > 0 ORDER BY rowid"
            self._named[norm] = [Name(*r) for r in self.query(sql, (norm,))]
        found = self._named[norm]
        return list(found) if record_type is None else [e for e in found if e.kind == record_type]

    def family_words(self) -> list[tuple[str, str]]:
        """The words that name one person alone, with the person (`analysis.text.family_words`)."""

        def read() -> list[tuple[str, str]]:
            sql = "SELECT value FROM meta WHERE key = ?"
            self.verify(sql)
            rows = self.conn.execute(sql, (FAMILY_WORDS,)).fetchall()
            try:
                return [(str(word), str(owner)) for word, owner in json.loads(rows[0][0])]
            except (IndexError, ValueError, TypeError):
                raise Damaged("the family words are missing or damaged") from None

        return self.checked(read)

    def mentions(self, record_id: str) -> list[Found]:
        """Records whose fields refer to this id (about, speaker, variant_of…), in type order;
        read once per id and process (a question reads them for its candidates, its figures
        and its passages: a scan of every record on a large KB)."""
        if record_id not in self._mentioned:
            rows = self._rows(
                f"{_RECORDS} WHERE id != ? AND json LIKE ? ORDER BY sort, ord",
                (record_id, f'%"{record_id}"%'),
            )
            self._mentioned[record_id] = [f for f in rows if record_id in _links(f.row)]
        return list(self._mentioned[record_id])

    def citing(self, source_id: str) -> list[Found]:
        """Records that cite this source anywhere inside them, in kind order."""
        rows = self._rows(
            f"{_RECORDS} WHERE id != ? AND json LIKE ? ORDER BY sort, ord",
            (source_id, f'%"source":"{source_id}"%'),
        )
        return [found for found in rows if source_id in cited_sources(found.row)]

    def counts(self) -> dict[str, int]:
        """Records per type."""
        rows = self.query("SELECT type, count(*) FROM records GROUP BY type")
        found = {r[0]: r[1] for r in rows}
        return {t: found.get(t, 0) for t in NAMES}

    def meta(self, key: str) -> str | None:
        """A value from the index's own metadata."""
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None


# The tables a query reads, by name (the full-text table's storage is checked as `fts`).
_TABLES = re.compile(r"\b(" + "|".join(DIGESTED) + r")\b")


def cited_sources(value: Any) -> set[str]:
    """The ids of every source cited anywhere in a record's JSON form."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                found.update(ref["source"] for ref in item if isinstance(ref, dict))
            elif isinstance(item, dict | list):  # a plain value cites nothing: no call for it
                found |= cited_sources(item)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict | list):
                found |= cited_sources(item)
    return found


def _links(record: Row) -> set[str]:
    linked: set[str] = set()
    for key in LINK_FIELDS:
        value = record.get(key)
        if isinstance(value, list):
            linked.update(value)
        elif value:
            linked.add(value)
    return linked
