"""The one output switch: a command's result goes out as a table for people or as data, to
stdout or to a file or folder, and the one place formats are named (lookups', cite's and
export's).

Commands build an `Output` (the data, how to draw it, the NotFoundError an empty result is, any
text or file forms of its own) and hand it to `emit` with the destination asked for (stdout, or
`--output`: written by `render.destination`'s rules); an empty result is raised like any other
"nothing found", and told in one place, `commands.common.report` (an empty JSON value on stdout,
the hint on stderr, exit 1).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from deepseek_kb.errors import DskbError, NotFoundError, UsageError, WriteError
from deepseek_kb.progress import Stage
from deepseek_kb.render.terminal import Terminal

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.render.flat import FlatTable

# A view draws for a person: (language, width) -> what to print.
View = Callable[[str, int], "list[RenderableType]"]
# The flat form of a result for CSV and Markdown: language -> columns and rows.
Flat = Callable[[str], "FlatTable"]


class OutputFormat(StrEnum):
    """How a lookup's result is written: a table for people, or data (JSON, JSON lines, CSV,
    Markdown)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"

    @classmethod
    def chosen(cls, json: bool, fmt: OutputFormat | None = None) -> OutputFormat:
        """The format asked for: --json is --format json."""
        return cls(chosen(json, fmt, cls.table))


class CiteFormat(StrEnum):
    """How `dskb cite` writes a citation: plain text to paste (its default, as `table` is the
    lookups'), or a bibliography format; json and markdown are the lookups' json and markdown."""

    text = "text"
    markdown = "markdown"
    bibtex = "bibtex"
    ris = "ris"
    csl_json = "csl-json"
    json = "json"


class ExportFormat(StrEnum):
    """What `dskb export` writes (export/run.py): json and markdown as above, for the whole KB."""

    json = "json"
    markdown = "markdown"
    html = "html"
    csv = "csv"
    sqlite = "sqlite"
    yaml = "yaml"
    timelinejs = "timelinejs"  # Knight Lab's TimelineJS JSON (export.timelinejs)


# The formats `emit` writes: a name means the same thing in each vocabulary.
Format = OutputFormat | CiteFormat | ExportFormat


def chosen(json: bool, fmt: Format | None, default: Format) -> Format:
    """The format asked for: --json is --format json, for every command alike."""
    if json and fmt not in (None, OutputFormat.json):
        raise UsageError.of("usage.two_formats", fmt=fmt)
    return OutputFormat.json if json else fmt or default


def nothing_value(fmt: Format, one: bool) -> Any:
    """What "nothing found" prints as JSON (an empty value); None where nothing is printed."""
    if fmt != OutputFormat.json:
        return None
    return {} if one else []


class Output(NamedTuple):
    """A command's result: the data scripts get, the view people get, the empty case, and any
    text forms of its own (`texts`: format name -> language -> text, e.g. cite's bibtex, the
    export's document) or forms that are a folder or a database (`files`: format name -> a
    writer given the path, e.g. the export's csv)."""

    data: Any
    view: View | None = None
    nothing: NotFoundError | None = None  # raised when `data` is empty
    notes: tuple[str, ...] = ()
    failure: DskbError | None = None
    flat: Flat | None = None  # default: one row per record of `data`
    texts: Mapping[str, Callable[[str], str]] = {}
    files: Mapping[str, Callable[[Path], None]] = {}
    protected: tuple[Path, ...] = ()  # folders nothing is written inside, onto or around


def _one_record(output: Output) -> bool:
    """A `show` command's result: one record, drawn as a section rather than a one-row table."""
    data = output.data
    return output.flat is None and isinstance(data, dict) and "id" in data and "sources" in data


def _raise_failure(terminal: Terminal, output: Output, fmt: Format) -> None:
    """Raise the result's failure (after writing its data as JSON, when JSON was asked for), or
    NotFoundError when the result is empty: the command layer then writes the empty JSON value
    for every "nothing found" alike."""
    if output.failure is not None:
        if fmt == OutputFormat.json:
            terminal.write_json(output.data)
            output.failure.told = True
        raise output.failure
    if output.nothing is not None and not output.data:
        raise output.nothing


def emit(terminal: Terminal, output: Output, fmt: Format, to: str | None = None) -> None:
    """Write the result in the format asked for, on stdout or into the file or folder `to`;
    raise its NotFoundError when it is empty (told in one place, `commands.common.report`, as
    every other "nothing found").

    A result that is itself a failure (`dskb validate` finding problems) is raised instead of
    drawn; as data it is written first, and the error then only sets the exit code.
    """
    for note in output.notes:
        terminal.note(note)
    _raise_failure(terminal, output, fmt)
    path = _destination(output, fmt, to)
    if fmt in output.files and path is not None:  # (`_destination` asks for a path)
        with terminal.progress() as report:
            report(Stage.writing, 0, 0)
            output.files[fmt](path)
        return
    if path is not None:
        from deepseek_kb.render.destination import write_bytes

        with terminal.progress() as report:
            report(Stage.writing, 0, 0)
            text = _text(output, fmt, terminal.settings.lang, terminal.settings.bom)
            write_bytes(path, text.encode())
        return
    if fmt == OutputFormat.table and output.view is not None and fmt not in output.texts:
        terminal.show(output.view(terminal.settings.lang, terminal.width))
    elif fmt == OutputFormat.json and fmt not in output.texts:
        terminal.write_json(output.data)
    else:
        terminal.write_text(_text(output, fmt, terminal.settings.lang, terminal.settings.bom))


def _destination(output: Output, fmt: Format, to: str | None) -> Path | None:
    """The file or folder to write into, checked against the data in use; None for stdout."""
    if to == "":
        either = "write.empty.either" if output.files else "write.empty.file"
        raise WriteError.of("write.empty", either)
    path = Path(to) if to is not None else None
    if path is not None and output.protected:
        from deepseek_kb.render.destination import keep_out

        keep_out(path, output.protected)
    if fmt in output.files and path is None:
        raise UsageError.of("usage.needs_output", fmt=fmt)
    return path


def _text(output: Output, fmt: Format, lang: str, bom: bool) -> str:
    """The result as text in a format that is text (all but the table and the files)."""
    # Only text output needs the flat and Markdown writers: a table for people does without.
    from deepseek_kb.render.flat import table, to_csv, to_markdown
    from deepseek_kb.render.markdown import record_section

    items = output.data if isinstance(output.data, list) else [output.data]
    if fmt in output.texts:
        return output.texts[fmt](lang)
    if fmt == OutputFormat.json:
        return json.dumps(output.data, ensure_ascii=False, indent=2) + "\n"
    if fmt == OutputFormat.jsonl:
        return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    if fmt == OutputFormat.markdown and _one_record(output):
        return record_section(output.data, lang)
    flat = output.flat(lang) if output.flat else table(items, lang)
    return to_csv(flat, bom) if fmt == OutputFormat.csv else to_markdown(flat)
