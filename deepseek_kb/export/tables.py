"""The knowledge base as flat tables: a folder of CSV files, or one SQLite database.

One table per kind with the flat columns of `render.flat` in both languages (`name_zh`,
`name_en`; quantities as numbers with a unit column), a `citations` table linking every record
to every source it cites (with the deep link), and in SQLite a `records` table of every id, a
full-text table over all text in both languages, and datasette's metadata beside it, named
after the database (`kb.db` → `kb.metadata.json`), so no file the user did not name is touched.

A CSV text cell that a spreadsheet would run as a formula (one starting with =, +, -, @, a tab
or a carriage return) is written with a `'` before it, the OWASP rule (`render.flat.to_csv`).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from deepseek_kb.errors import WriteError
from deepseek_kb.export import fulltext
from deepseek_kb.kinds import BY_NAME
from deepseek_kb.render.destination import (
    check_file,
    replacing,
    write_bytes,
    write_files,
)
from deepseek_kb.render.flat import FlatTable, table, to_csv
from deepseek_kb.values import name_of

Data = dict[str, list[dict[str, Any]]]
CITATION_COLUMNS = ["record", "kind", "field", "source", "section", "line", "page", "quote", "url"]


def _citations(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every citation in a record with the field it supports ('' for the record itself)."""
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            if key == "sources" and isinstance(item, list):
                for ref in item:
                    yield path, ref
            else:
                yield from _citations(item, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _citations(item, f"{path}[{index}]")


def citations(data: Data) -> FlatTable:
    """One row per citation: which record (and which field of it) cites which source where."""
    rows = [
        [record["id"], kind, field, *(ref.get(c) for c in CITATION_COLUMNS[3:])]
        for kind, records in data.items()
        for record in records
        for field, ref in _citations(record)
    ]
    return FlatTable(CITATION_COLUMNS, rows)


def kind_tables(data: Data) -> dict[str, FlatTable]:
    """Each kind's records as one flat table in both languages: the kind's columns, id first,
    a quote's speaker by id and by name."""
    names = {r["id"]: r["name"] for r in data.get("person", [])}
    return {kind: table(records, "both", ("id",), kind, names) for kind, records in data.items()}


def write_csv(data: Data, into: Path, bom: bool) -> list[Path]:
    """One <kind>.csv per kind and citations.csv, UTF-8 (with a byte-order mark if asked)."""
    tables = {BY_NAME[k].stem: t for k, t in kind_tables(data).items()}
    tables["citations"] = citations(data)
    return write_files(
        into,
        {f"{stem}.csv": partial(_csv_bytes, flat, bom) for stem, flat in tables.items()},
    )


def _csv_bytes(flat: FlatTable, bom: bool) -> bytes:
    return to_csv(flat, bom).encode("utf-8")


def _column_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "INTEGER"
    if present and all(isinstance(v, int | float) for v in present):
        return "REAL"
    return "TEXT"


def _create(conn: sqlite3.Connection, name: str, flat: FlatTable, key: str | None) -> None:
    columns = [
        f'"{c}" {_column_type([row[i] for row in flat.rows])}'
        + (" PRIMARY KEY" if c == key else "")
        + (' REFERENCES "records"(id)' if c == "record" else "")
        + (' REFERENCES "sources"(id)' if c == "source" else "")
        for i, c in enumerate(flat.columns)
    ]
    conn.execute(f'CREATE TABLE "{name}" ({", ".join(columns)})')
    marks = ", ".join("?" * len(flat.columns))
    conn.executemany(f'INSERT INTO "{name}" VALUES ({marks})', flat.rows)


def write_sqlite(data: Data, path: Path) -> Path:
    """One database: a table per kind, records, citations, a full-text table; and datasette's
    metadata named after it."""
    sidecar = metadata_path(Path(path))
    check_file(sidecar)
    with replacing(path) as tmp, _database_errors(path):
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=OFF")  # a private file renamed in whole: no journal
            with conn:
                index = [
                    [r["id"], kind, name_of(r, "zh"), name_of(r, "en")]
                    for kind, records in data.items()
                    for r in records
                ]
                _create(
                    conn, "records", FlatTable(["id", "kind", "name_zh", "name_en"], index), "id"
                )
                for kind, flat in kind_tables(data).items():
                    _create(conn, BY_NAME[kind].stem, flat, "id")
                _create(conn, "citations", citations(data), None)
                fulltext.create(
                    conn, [(kind, r) for kind, records in data.items() for r in records]
                )
        finally:
            conn.close()
    write_bytes(sidecar, _metadata(data, Path(path).stem))
    return Path(path)


def metadata_path(database: Path) -> Path:
    """Where datasette's metadata for `database` goes: kb.db → kb.metadata.json."""
    return database.with_name(f"{database.stem}.metadata.json")


@contextlib.contextmanager
def _database_errors(path: Path) -> Iterator[None]:
    """SQLite's own failures to write (a read-only folder, a full disk) as exit 4."""
    try:
        yield
    except sqlite3.Error as error:
        raise WriteError.of("write.failed", path=path, reason=error) from None


def _metadata(data: Data, name: str) -> bytes:
    """datasette's metadata: titles, descriptions and where the facts come from."""
    tables: dict[str, Any] = {
        "records": {
            "description": "Every record by id and kind, with its name in both languages. "
            + fulltext.RECIPE,
            "fts_table": "words",
            "fts_pk": "rowid",
        },
        "citations": {
            "description": "Which record (and which field of it) cites which source, with the "
            "deep link to the line or page."
        },
        "search": {
            "description": "Full text of every record, Chinese and English (trigram: any "
            "substring of three or more characters)."
        },
        "words": {
            "description": "The word index behind records' search: Chinese as every piece of "
            "one to four characters, other text as words. Holds no text itself; a hit's rowid "
            "is its row in records."
        },
    }
    for kind in data:
        tables[BY_NAME[kind].stem] = {"description": f"One row per {kind}; flat columns."}
    article = next((s for s in data.get("source", []) if s["id"] == "article"), None)
    metadata = {
        "title": "dskb: DeepSeek, cited",
        "description": "DeepSeek's company and model history, every fact cited: the Chinese "
        "article it is built from (2024-12) and DeepSeek's official repositories.",
        "source": article["title"]["en"] if article else "dskb",
        "source_url": "https://github.com/deepseek-ai",
        "databases": {name: {"tables": tables}},
    }
    return (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
