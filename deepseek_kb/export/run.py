"""`dskb export`: the whole KB in one format, to stdout or to a file or folder.

| format   | writes                                                            | to              |
|----------|-------------------------------------------------------------------|-----------------|
| json     | {kind: [records]}, one shape per field (`dskb schema export`)      | stdout or file  |
| markdown | a document a person reads (`export.document`)                     | stdout or file  |
| html     | one self-contained page (`export.page`)                           | stdout or file  |
| csv      | a folder: one flat table per kind and citations.csv               | folder          |
| sqlite   | one database for sqlite3 or datasette, and <name>.metadata.json    | file            |
| yaml     | a data folder dskb loads again (`--data-dir`), nothing derived    | folder          |
| timelinejs | the events as TimelineJS JSON (`export.timelinejs`)             | stdout or file  |

What an export may replace, and how, is `export.destination`'s rules; the data folders in use
are never written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from deepseek_kb.errors import UsageError
from deepseek_kb.export.destination import WriteError, keep_out, write_bytes
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import NAMES
from deepseek_kb.progress import Report, Stage, quiet
from deepseek_kb.render.output import ExportFormat

Data = dict[str, list[dict[str, Any]]]


# Formats written into a folder or a database file: they need --output.
NEEDS_OUTPUT = {
    ExportFormat.csv: "a folder",
    ExportFormat.sqlite: "a file",
    ExportFormat.yaml: "a folder",
}


def collect(index: Index, tier: str | None = None, report: Report = quiet) -> Data:
    """Every record, kind by kind in the registry's order (as one tier tells it, when asked)."""
    from deepseek_kb.queries.provenance import told_records

    data: Data = {}
    for done, kind in enumerate(NAMES):
        report(Stage.collecting, done, len(NAMES))
        data[kind] = told_records(index, kind, tier)
    return data


def export_index(
    index: Index,
    fmt: ExportFormat,
    to: str | None,
    lang: str,
    bom: bool,
    tier: str | None,
    events: tuple[str | None, str | None, str | None] = (None, None, None),
    report: Report = quiet,
) -> str | None:
    """`dskb export`: the KB (or, for timelinejs, the events chosen by since, until and type)
    in `fmt`; the text when it goes to stdout, None when it was written."""
    if fmt is ExportFormat.timelinejs:
        from deepseek_kb.export.timelinejs import export_timeline

        return export_timeline(index, events, tier, lang, to)
    if any(events):
        raise UsageError(
            "--since, --until and --type select events for --format timelinejs",
            hint="dskb export -f timelinejs --since 2024 -o timeline.json",
        )
    data = collect(index, tier, report)
    report(Stage.writing, 0, 0)
    return export(data, fmt, to, lang, bom, index.layout.folders)


def export(
    data: Data,
    fmt: ExportFormat,
    to: str | None,
    lang: str,
    bom: bool = False,
    data_folders: tuple[Path, ...] = (),
) -> str | None:
    """Write the KB in `fmt`: the text when it goes to stdout, None when it was written.

    Nothing is written inside, onto or around one of `data_folders` (the data in use)."""
    if to == "":
        raise WriteError.of("write.empty", "write.empty.either")
    output = Path(to) if to is not None else None
    if output is not None:
        keep_out(output, data_folders)
    if fmt in NEEDS_OUTPUT and output is None:
        raise UsageError(
            f"--format {fmt} writes {NEEDS_OUTPUT[fmt]} and needs --output",
            hint="csv and yaml write a folder (-o kb-csv/), sqlite a database (-o kb.db)",
        )
    if fmt is ExportFormat.csv:
        from deepseek_kb.export.tables import write_csv

        assert output is not None
        write_csv(data, output, bom)
        return None
    if fmt is ExportFormat.sqlite:
        from deepseek_kb.export.tables import write_sqlite

        assert output is not None
        write_sqlite(data, output)
        return None
    if fmt is ExportFormat.yaml:
        from deepseek_kb.export.datafolder import write_data_folder

        assert output is not None
        write_data_folder(data, output)
        return None
    text = _text(data, fmt, lang)
    if output is None:
        return text
    write_bytes(output, text.encode("utf-8"))
    return None


def _text(data: Data, fmt: ExportFormat, lang: str) -> str:
    if fmt is ExportFormat.markdown:
        from deepseek_kb.export.document import document

        return document(data, lang)
    if fmt is ExportFormat.html:
        from deepseek_kb.export.page import page

        return page(data, lang)
    from deepseek_kb.schema.exported import normalize

    return json.dumps(normalize(data), ensure_ascii=False, indent=2) + "\n"
