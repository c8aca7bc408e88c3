"""`dskb export`, `validate`, `schema`, `info`: the KB as a whole."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from deepseek_kb import __version__, queries, render
from deepseek_kb.commands.common import (
    ExportFormat,
    JsonOpt,
    app,
    complete_from,
    open_kb,
    set_lang,
)
from deepseek_kb.errors import DataError, ExitCode


@app.command(
    epilog="Examples: dskb export --format json > kb.json · dskb export --format sqlite -o kb.db · dskb export --format csv -o kb-csv/"
)
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="json or markdown (a file or stdout), csv (a folder, one file per type), sqlite (a file).",
        ),
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write; json and markdown default to stdout.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Export the whole KB: JSON, CSV, Markdown or SQLite (datasette-ready)."""
    from deepseek_kb import export as exporter

    set_lang(None)
    index = open_kb()
    text = exporter.export(index, fmt.value, output)
    if text is not None:
        render.write_text(text)


@app.command(
    epilog="Examples: dskb validate · dskb validate --data-dir ./my-data · dskb validate --json"
)
def validate(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir", help="Check this folder instead of the data in use.", show_default=False
        ),
    ] = None,
    json: JsonOpt = False,
) -> None:
    """Check the data: syntax, types, dates, unique ids, references and sources."""
    set_lang(None)
    report = queries.validate(data_dir)
    if json:
        render.write_json(report.as_json())
        if report.problems:
            raise typer.Exit(ExitCode.DATA)
        return
    if report.problems:
        raise DataError(report.problems)
    render.validation(report.counts, report.files, report.replaced)


@app.command(
    epilog="Examples: dskb schema · dskb schema quotes · dskb schema --output-dir data/schema"
)
def schema(
    record_type: Annotated[
        str | None,
        typer.Argument(
            help="One data file's schema (quotes, models, …); none prints all.",
            show_default=False,
            autocompletion=complete_from("file"),
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            help="Write <file>.schema.json files into this folder.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """The JSON Schema of the data files, for editors and CI validators."""
    from deepseek_kb import schema_export

    set_lang(None)
    result = schema_export.schemas(record_type, output_dir)
    if isinstance(result, dict):
        render.write_json(result)
    else:
        for path in result:
            render.note(f"wrote {path}")


@app.command(epilog="Examples: dskb info · dskb info --json")
def info(json: JsonOpt = False) -> None:
    """Version, data folders, cache location and record counts."""
    set_lang(None)
    index = open_kb()
    details = queries.info(index)
    if json:
        render.write_json(details)
    else:
        render.key_values(
            f"dskb {__version__}",
            [
                (
                    k,
                    v
                    if isinstance(v, str)
                    else render.count_line(v)
                    if isinstance(v, dict)
                    else "\n".join(v),
                )
                for k, v in details.items()
            ],
        )
