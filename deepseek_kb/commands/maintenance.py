"""`dskb export`, `validate`, `schema`, `info`: the KB as a whole."""

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from deepseek_kb.commands.common import (
    JsonOpt,
    LangOpt,
    TierOpt,
    app,
    complete_from,
    session,
    value_option,
)
from deepseek_kb.errors import DataError
from deepseek_kb.queries import maintenance as queries
from deepseek_kb.render import maintenance as views
from deepseek_kb.render.output import ExportFormat, Output


@app.command(
    epilog="Examples: dskb export -f markdown -o kb.md · dskb export -f sqlite -o kb.db · dskb export -f csv -o kb-csv/ --bom · dskb export -f html -o kb.html · dskb export -f yaml -o my-data/ · dskb export -f timelinejs --since 2024 -o timeline.json"
)
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="json, markdown or html (a file or stdout); csv or yaml (a folder); sqlite (a file, with <name>.metadata.json for datasette); timelinejs (the events, for Knight Lab's TimelineJS).",
        ),
    ] = ExportFormat.json,
    output: Annotated[
        str | None,  # a str, not a Path: Path("") would quietly be the current folder
        typer.Option(
            "--output",
            "-o",
            help="Where to write; json, markdown and html default to stdout.",
            show_default=False,
        ),
    ] = None,
    bom: Annotated[
        bool,
        typer.Option("--bom", help="CSV: start each file with a byte-order mark, for Excel."),
    ] = False,
    since: Annotated[
        str | None, value_option("--since", "timelinejs: events from this date on.")
    ] = None,
    until: Annotated[
        str | None, value_option("--until", "timelinejs: events up to this date.")
    ] = None,
    event_type: Annotated[
        str | None, value_option("--type", "timelinejs: only this type of event.", "event-type")
    ] = None,
    tier: TierOpt = None,
    lang: LangOpt = None,
) -> None:
    """Export the whole KB: JSON, Markdown, HTML, CSV, SQLite (datasette), a data folder, or
    the timeline for Knight Lab's TimelineJS."""
    from deepseek_kb.export.run import export_result

    run = session(ctx, lang, fmt=fmt)
    index = run.index
    with run.terminal.progress() as report:
        result = export_result(index, fmt, tier, (since, until, event_type), bom, report)
    run.emit(result, to=output)


@app.command(
    epilog="Examples: dskb validate · dskb validate --data-dir ./my-data · dskb validate --json"
)
def validate(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir", help="Check this folder instead of the data in use.", show_default=False
        ),
    ] = None,
    json: JsonOpt = False,
) -> None:
    """Check the data: syntax, types, dates, unique ids, references and sources."""
    run = session(ctx, json=json)
    report = queries.validate(run.settings, data_dir)
    failure = DataError(report.problems) if report.problems else None
    run.emit(Output(report.as_json(), partial(views.validation, report), failure=failure))


@app.command(
    epilog="Examples: dskb schema · dskb schema quotes · dskb schema --output-dir data/schema"
)
def schema(
    ctx: typer.Context,
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
    from deepseek_kb.schema import jsonschema as schema_export

    run = session(ctx)
    result = schema_export.schemas(record_type, output_dir)
    if isinstance(result, dict):
        run.terminal.write_json(result)
    else:
        for path in result:
            run.terminal.note(f"wrote {path}")


@app.command(epilog="Examples: dskb info · dskb info --json")
def info(ctx: typer.Context, json: JsonOpt = False) -> None:
    """Version, data folders, cache location and record counts."""
    run = session(ctx, json=json)
    details = queries.info(run.index, run.settings)
    run.emit(Output(details, partial(views.info_table, details)))
