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

An export is a result like any lookup's: `export_result` gives an `Output` whose texts (json,
markdown, html, timelinejs) and file writers (csv, sqlite, yaml) the one output switch,
`render.output.emit`, writes to stdout or to `--output`. What may be replaced there, and how, is
`render.destination`'s rules; the data folders in use are never written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from deepseek_kb.errors import UsageError
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import NAMES
from deepseek_kb.progress import Report, Stage, quiet
from deepseek_kb.render.output import ExportFormat, Output

Data = dict[str, list[dict[str, Any]]]


def collect(index: Index, tier: str | None = None, report: Report = quiet) -> Data:
    """Every record, kind by kind in the registry's order (as one tier tells it, when asked)."""
    from deepseek_kb.queries.provenance import told_records

    data: Data = {}
    for done, kind in enumerate(NAMES):
        report(Stage.collecting, done, len(NAMES))
        data[kind] = told_records(index, kind, tier)
    return data


def export_result(
    index: Index,
    fmt: ExportFormat,
    tier: str | None,
    events: tuple[str | None, str | None, str | None] = (None, None, None),
    bom: bool = False,
    report: Report = quiet,
) -> Output:
    """`dskb export`: the KB (or, for timelinejs, the events chosen by since, until and type)
    as an `Output` that `emit` writes in `fmt`, to stdout or to a file or folder."""
    folders = index.layout.folders
    if fmt is ExportFormat.timelinejs:
        from deepseek_kb.export.timelinejs import timeline_text

        text = partial(timeline_text, index, events, tier)
        return Output(None, texts={ExportFormat.timelinejs: text}, protected=folders)
    if any(events):
        raise UsageError.of("usage.events_for_timelinejs")
    return kb_output(collect(index, tier, report), bom, folders)


def kb_output(data: Data, bom: bool = False, data_folders: tuple[Path, ...] = ()) -> Output:
    """The whole KB as a result: its texts by format and, for the formats that are a folder or
    a database, their writers. Nothing is written inside, onto or around `data_folders`."""
    texts: dict[str, Callable[[str], str]] = {
        ExportFormat.json: partial(_json, data),
        ExportFormat.markdown: partial(_document, data),
        ExportFormat.html: partial(_page, data),
    }
    files: dict[str, Callable[[Path], None]] = {
        ExportFormat.csv: partial(_csv, data, bom),
        ExportFormat.sqlite: partial(_sqlite, data),
        ExportFormat.yaml: partial(_yaml, data),
    }
    return Output(data, texts=texts, files=files, protected=data_folders)


def _json(data: Data, lang: str) -> str:
    from deepseek_kb.schema.exported import normalize

    return json.dumps(normalize(data), ensure_ascii=False, indent=2) + "\n"


def _document(data: Data, lang: str) -> str:
    from deepseek_kb.export.document import document

    return document(data, lang)


def _page(data: Data, lang: str) -> str:
    from deepseek_kb.export.page import page

    return page(data, lang)


def _csv(data: Data, bom: bool, into: Path) -> None:
    from deepseek_kb.export.tables import write_csv

    write_csv(data, into, bom)


def _sqlite(data: Data, path: Path) -> None:
    from deepseek_kb.export.tables import write_sqlite

    write_sqlite(data, path)


def _yaml(data: Data, into: Path) -> None:
    from deepseek_kb.export.datafolder import write_data_folder

    write_data_folder(data, into)
