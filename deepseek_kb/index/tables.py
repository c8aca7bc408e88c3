"""The index's tables: what a built index holds, its format version, and the checksums that
cover every table."""

from __future__ import annotations

import sqlite3
import zlib

INDEX_FORMAT = 8
# The meta key of every source's tier and kind (`told.source_info`), written by the build.
SOURCE_INFO = "sources"
# The meta key of the words that name one person alone (`analysis.text.family_words`).
FAMILY_WORDS = "family_words"
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, ord INTEGER NOT NULL,
    sort TEXT NOT NULL, layer INTEGER NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
    tiers TEXT NOT NULL DEFAULT '', json TEXT NOT NULL, crc INTEGER NOT NULL
);
CREATE TABLE docs (rowid INTEGER PRIMARY KEY, fields TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE names (
    id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, head TEXT NOT NULL
);
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

# What each table's checksum covers, read in a fixed order. A record's JSON and a document's
# search fields are covered by their own `crc` column (checked as each is read), and that
# column by the table's checksum; everything else is in the checksum itself. `fts` is the
# full-text index's own storage. The checksums are written last, into meta's `digests`.
DIGESTED = {
    "meta": "SELECT key, value FROM meta WHERE key != 'digests' ORDER BY key",
    "records": "SELECT rowid, id, type, ord, sort, layer, file, line, tiers, crc FROM records"
    " ORDER BY rowid",
    "docs": "SELECT rowid, crc FROM docs ORDER BY rowid",
    "names": "SELECT rowid, id, type, name, head FROM names ORDER BY rowid",
    "vocab": "SELECT term, df FROM vocab ORDER BY term",
    "pinyin": "SELECT rowid, key, word, kind FROM pinyin ORDER BY rowid",
    "fts": "SELECT id, block FROM fts_data ORDER BY id",
}


def digest(conn: sqlite3.Connection, table: str) -> int:
    """The CRC-32 of everything a table holds (as `DIGESTED` reads it)."""
    crc = 0
    for row in conn.execute(DIGESTED[table]):
        if table == "fts":  # (id, block): the block's bytes as they are
            crc = zlib.crc32(row[1], zlib.crc32(f"{row[0]}\x1f".encode(), crc))
            continue
        # each value's text and a separator, the row at once (CRC-32 runs on across pieces)
        crc = zlib.crc32(("\x1f".join(map(str, row)) + "\x1f").encode(), crc)
    return crc
