"""The whole KB in other formats: JSON, CSV (a folder), Markdown, SQLite (datasette-ready)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

from deepseek_kb.errors import DskbError, UsageError
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import BY_NAME, NAMES
from deepseek_kb.rows import Row


def export(index: Index, fmt: str, output: Path | None) -> str | None:
    """Write the KB in `fmt`; returns the text when it goes to stdout, None when written."""
    data = {t: index.records(t) for t in NAMES}
    try:
        if fmt == "json":
            return _to(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        if fmt == "markdown":
            return _to(output, to_markdown(data))
        if output is None:
            raise UsageError(
                f"--format {fmt} needs --output",
                hint="csv writes a folder of files (-o kb-csv/), sqlite a database file (-o kb.db)",
            )
        if fmt == "csv":
            write_csv(data, output)
        else:
            write_sqlite(data, output)
    except OSError as error:
        raise DskbError(f"cannot write {output}: {error.strerror or error}") from None
    return None


def _to(output: Path | None, text: str) -> str | None:
    if output is None:
        return text
    output.write_text(text, encoding="utf-8")
    return None


def columns(record_type: str, records: list[Row]) -> list[str]:
    """The record type's fields in schema order, then any others the records carry."""
    from deepseek_kb.schema import RECORD_TYPES as MODELS

    names = list(MODELS[record_type].model_fields)
    for record in records:
        names.extend(k for k in record if k not in names)
    return names


def cell(value: Any) -> str | int | float | None:
    """A flat value: scalars as they are, nested values as compact JSON."""
    if value is None or isinstance(value, str | int | float):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_markdown(data: dict[str, list[Row]]) -> str:
    """One heading and one table per record type."""
    out = ["# dskb knowledge base", ""]
    for record_type, records in data.items():
        names = columns(record_type, records)
        out += [f"## {BY_NAME[record_type].stem} ({len(records)})", ""]
        out.append("| " + " | ".join(names) + " |")
        out.append("|" + "---|" * len(names))
        for record in records:
            cells = [_md(cell(record.get(n))) for n in names]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def _md(value: str | int | float | None) -> str:
    if value is None:
        return ""
    return str(value).replace("|", "\\|").replace("\n", "<br>")


def write_csv(data: dict[str, list[Row]], folder: Path) -> None:
    """One UTF-8 CSV file per record type in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for record_type, records in data.items():
        names = columns(record_type, records)
        with (folder / f"{BY_NAME[record_type].stem}.csv").open(
            "w", encoding="utf-8", newline=""
        ) as f:
            writer = csv.writer(f)
            writer.writerow(names)
            for record in records:
                writer.writerow(["" if (v := cell(record.get(n))) is None else v for n in names])


def write_sqlite(data: dict[str, list[Row]], path: Path) -> None:
    """One table per record type, fields as columns, nested values as JSON text."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        with conn:
            for record_type, records in data.items():
                names = columns(record_type, records)
                defs = ", ".join(
                    f'"{n}" TEXT PRIMARY KEY' if n == "id" else f'"{n}"' for n in names
                )
                table = BY_NAME[record_type].stem
                conn.execute(f'CREATE TABLE "{table}" ({defs})')
                marks = ", ".join("?" * len(names))
                conn.executemany(
                    f'INSERT INTO "{table}" VALUES ({marks})',
                    [[cell(r.get(n)) for n in names] for r in records],
                )
        conn.close()
        tmp.replace(path)
    finally:
        conn.close()
        tmp.unlink(missing_ok=True)
