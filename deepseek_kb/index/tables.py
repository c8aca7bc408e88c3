"""The index's tables: what a built index holds, and its format version."""

from __future__ import annotations

INDEX_FORMAT = 5
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, ord INTEGER NOT NULL,
    sort TEXT NOT NULL, layer INTEGER NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
    tiers TEXT NOT NULL DEFAULT '', json TEXT NOT NULL, crc INTEGER NOT NULL
);
CREATE TABLE docs (rowid INTEGER PRIMARY KEY, fields TEXT NOT NULL, crc INTEGER NOT NULL);
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
