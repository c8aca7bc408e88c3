"""The derived, cached form of the KB that every query reads: one SQLite file per data folder set.

YAML stays the only source of truth. The index is rebuilt when any data file, the package
version or the index format changes, and whenever it is missing, truncated or corrupt. It is
written to a temporary file and moved into place, so readers never see half an index and several
processes starting at once on an empty cache all succeed. Opening it costs a few stat calls and
one small query; YAML and pydantic are imported only to rebuild.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deepseek_kb import __version__
from deepseek_kb.formatting import SPEC_FIELDS, Record, format_quantity, number
from deepseek_kb.locate import Layout, cache_dir, discover
from deepseek_kb.tokens import has_han, index_tokens

INDEX_FORMAT = 3
RECORD_TYPES = ("source", "topic", "organization", "person", "model", "event", "quote", "fact")

# Field weights used by search: names outrank main texts, which outrank side texts.
NAME, MAIN, SIDE, RELATED = 1.0, 0.95, 0.85, 0.7

_SCHEMA = """
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
_INDEXES = """
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

    def origin(self, record_id: str) -> tuple[str, int, int] | None:
        """(file, line, layer) a record was read from."""
        rows = self.query("SELECT file, line, layer FROM records WHERE id = ?", (record_id,))
        return (rows[0][0], rows[0][1], rows[0][2]) if rows else None

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


_INDEX_CODE = ("index.py", "tokens.py", "loader.py", "schema.py", "formatting.py")


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
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def index_path(layout: Layout) -> Path:
    """The cache file for this set of data folders; DSKB_DATA_DIR gets its own."""
    key = hashlib.sha256(repr([str(f.resolve()) for f in layout.folders]).encode()).hexdigest()
    return cache_dir() / f"index-{key[:16]}.sqlite"


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
    """Load and validate the YAML, then write records, search texts and lookup tables."""
    from deepseek_kb.loader import iter_records

    conn = sqlite3.connect(target)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        with conn:
            for ord_, loaded in enumerate(iter_records(layout)):
                data = loaded.record.model_dump(mode="json", exclude_none=True)
                sort = data.get("date", "") if loaded.type == "event" else ""
                conn.execute(
                    "INSERT OR REPLACE INTO records (id, type, ord, sort, layer, file, line, json)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        data["id"],
                        loaded.type,
                        ord_,
                        sort,
                        loaded.file.layer,
                        loaded.file.display,
                        loaded.line,
                        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                    ),
                )
            _build_search_tables(conn)
            count = conn.execute("SELECT count(*) FROM records").fetchone()[0]
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("fingerprint", key),
                    ("count", str(count)),
                    ("version", __version__),
                    ("folders", json.dumps([str(f) for f in layout.folders])),
                ],
            )
        conn.executescript(_INDEXES)
        return conn
    except BaseException:
        conn.close()
        raise


def _build_search_tables(conn: sqlite3.Connection) -> None:
    labels: dict[str, list[str]] = {}
    for rid, text in conn.execute(
        "SELECT id, json FROM records WHERE type IN ('person', 'organization', 'model', 'topic')"
    ):
        record = json.loads(text)
        labels[rid] = [record["name"]["zh"], record["name"]["en"]]
    vocab: dict[str, int] = {}
    han_words: set[str] = set()
    rows = conn.execute("SELECT rowid, type, json FROM records").fetchall()
    for rowid, rtype, text in rows:
        record = json.loads(text)
        fields = search_fields(rtype, record, labels)
        name_text = " ".join(t for _, t, w in fields if w == NAME)
        body_text = " ".join(t for _, t, w in fields if w != NAME)
        name_tokens = index_tokens(name_text)
        body_tokens = index_tokens(body_text)
        conn.execute(
            "INSERT INTO fts (rowid, names, body) VALUES (?, ?, ?)",
            (rowid, " ".join(name_tokens), " ".join(body_tokens)),
        )
        conn.execute(
            "INSERT INTO docs (rowid, fields) VALUES (?, ?)",
            (rowid, json.dumps(fields, ensure_ascii=False, separators=(",", ":"))),
        )
        for token in set(name_tokens) | set(body_tokens):
            if token.isascii() and token[:1].isalpha():
                vocab[token] = vocab.get(token, 0) + 1
            elif not token.isascii() and len(token) == 2:
                han_words.add(token)
        if rtype in ("person", "organization", "model", "topic"):
            names = [record["name"]["zh"], record["name"]["en"], *record.get("aliases", [])]
            conn.executemany(
                "INSERT INTO names VALUES (?, ?, ?)",
                [(record["id"], rtype, n) for n in dict.fromkeys(names)],
            )
    conn.executemany("INSERT INTO vocab VALUES (?, ?)", sorted(vocab.items()))
    conn.executemany("INSERT INTO pinyin VALUES (?, ?, ?)", _pinyin_rows(han_words, conn))


def _pinyin_rows(han_words: set[str], conn: sqlite3.Connection) -> Iterator[tuple[str, str, str]]:
    """Toneless pinyin for every two-character piece, and full and initial forms for names."""
    from pypinyin import lazy_pinyin

    cache: dict[str, str] = {}

    def syllable(char: str) -> str:
        if char not in cache:
            cache[char] = lazy_pinyin(char)[0]
        return cache[char]

    chars: set[str] = set()
    for word in sorted(han_words):
        chars.update(word)
        yield "".join(syllable(c) for c in word), word, "piece"
    for char in sorted(chars):
        yield syllable(char), char, "char"
    for (name,) in conn.execute("SELECT DISTINCT name FROM names"):
        if not has_han(name) or len(name) > 12:
            continue
        syllables = [s for s in lazy_pinyin(name) if s.isascii() and s.isalpha()]
        if syllables:
            yield "".join(syllables).lower(), name, "name"
            yield "".join(s[0] for s in syllables).lower(), name, "initials"


def search_fields(
    record_type: str, record: Record, labels: dict[str, list[str]]
) -> list[tuple[str, str, float]]:
    """The texts a record can be found by: (field, text, weight), names first."""
    out: list[tuple[str, str, float]] = []

    def text(label: str, value: Any, weight: float) -> None:
        if isinstance(value, dict) and "zh" in value:
            out.append((f"{label}.zh", str(value["zh"]), weight))
            if value["en"] != value["zh"]:
                out.append((f"{label}.en", str(value["en"]), weight))
        elif isinstance(value, str) and value:
            out.append((label, value, weight))

    def superseded(label: str, items: list[Record]) -> None:
        for i, item in enumerate(items):
            text(f"{label}.superseded[{i}].value", format_both(item["value"]), SIDE)
            text(f"{label}.superseded[{i}].reason", item["reason"], SIDE)

    text("name", record.get("name"), NAME)
    for i, alias in enumerate(record.get("aliases", [])):
        text(f"aliases[{i}]", alias, NAME)
    if record_type in ("person", "organization", "model", "topic"):
        text("id", record["id"].replace("-", " "), NAME)
    for key in ("title", "text"):
        text(key, record.get(key), MAIN)
    for key in ("summary", "role", "context", "description", "location", "note"):
        text(key, record.get(key), SIDE if key in ("note", "location") else MAIN)
    for i, item in enumerate(record.get("bio", [])):
        text(f"bio[{i}]", item, MAIN)
    for key in ("publisher", "url", "repo", "path", "date", "family"):
        text(key, record.get(key), SIDE)
    for i, figure in enumerate(record.get("figures", [])):
        text(f"figures[{i}]", _figure_text(figure), SIDE)
    superseded("", record.get("superseded", []))
    if record.get("released"):
        text("released", record["released"]["date"], SIDE)
        superseded("released", record["released"].get("superseded", []))
    for name, spec in (record.get("specs") or {}).items():
        _, zh_label, en_label = SPEC_FIELDS.get(name, ("", name, name))
        value = format_both(spec["value"])
        if isinstance(value, dict):
            value = {"zh": f"{zh_label} {value['zh']}", "en": f"{en_label} {value['en']}"}
        else:
            value = {"zh": f"{zh_label} {value}", "en": f"{en_label} {value}"}
        text(f"specs.{name}", value, SIDE)
        superseded(f"specs.{name}", spec.get("superseded", []))
    for i, claim in enumerate(record.get("claims", [])):
        text(f"claims[{i}]", claim["text"], SIDE)
        for j, figure in enumerate(claim.get("figures", [])):
            text(f"claims[{i}].figures[{j}]", _figure_text(figure), SIDE)
        superseded(f"claims[{i}]", claim.get("superseded", []))
    for i, repo in enumerate(record.get("huggingface", [])):
        text(f"huggingface[{i}]", repo["repo"], SIDE)
    for key in ("speaker", "variant_of", "parent"):
        for label in labels.get(record.get(key) or "", []):
            text(key, label, RELATED)
    for key in ("topics", "about", "affiliations"):
        for target in record.get(key, []):
            for label in labels.get(target, []):
                text(key, label, RELATED)
    return out


def format_both(value: Any) -> Record | str:
    """A spec value as bilingual text, quantities in both their written and their short form."""
    if isinstance(value, dict) and "unit" in value:
        zh = format_quantity(value, lang="zh")
        en = format_quantity(value, lang="en")
        return {"zh": zh, "en": f"{en} ({number(value['value'])} {value['unit']})"}
    return value  # type: ignore[no-any-return]


def _figure_text(figure: Record) -> Record:
    value = format_both(figure["value"])
    assert isinstance(value, dict)
    return {
        "zh": f"{figure['label']['zh']} {value['zh']}",
        "en": f"{figure['label']['en']} {value['en']}",
    }
