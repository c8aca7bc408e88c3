"""The one output switch: a command's result goes out as a table for people or as data.

Commands build an `Output` (the data, how to draw it, the NotFoundError an empty result is)
and hand it to `emit`; an empty result is raised like any other "nothing found", and told in
one place, `commands.common.report` (an empty JSON value on stdout, the hint on stderr, exit 1).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from deepseek_kb.errors import DskbError, NotFoundError, UsageError
from deepseek_kb.render.flat import FlatTable, table, to_csv, to_markdown
from deepseek_kb.render.markdown import record_section
from deepseek_kb.render.terminal import Terminal

if TYPE_CHECKING:
    from rich.console import RenderableType

# A view draws for a person: (language, width) -> what to print.
View = Callable[[str, int], "list[RenderableType]"]
# The flat form of a result for CSV and Markdown: language -> columns and rows.
Flat = Callable[[str], FlatTable]


class OutputFormat(StrEnum):
    """How a result is written: a table for people, or data (JSON, JSON lines, CSV, Markdown)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"

    @classmethod
    def chosen(cls, json: bool, fmt: OutputFormat | None = None) -> OutputFormat:
        """The format asked for: --json is --format json."""
        if json and fmt not in (None, cls.json):
            raise UsageError.of("usage.two_formats", fmt=fmt)
        return cls.json if json else fmt or cls.table

    def nothing(self, one: bool) -> Any:
        """What "nothing found" prints as JSON (an empty value); None where nothing is printed."""
        if self is not OutputFormat.json:
            return None
        return {} if one else []


class Output(NamedTuple):
    """A command's result: the data scripts get, the view people get, the empty case."""

    data: Any
    view: View
    nothing: NotFoundError | None = None  # raised when `data` is empty
    notes: tuple[str, ...] = ()
    failure: DskbError | None = None
    flat: Flat | None = None  # default: one row per record of `data`


def _one_record(output: Output) -> bool:
    """A `show` command's result: one record, drawn as a section rather than a one-row table."""
    data = output.data
    return output.flat is None and isinstance(data, dict) and "id" in data and "sources" in data


def emit(terminal: Terminal, output: Output, fmt: OutputFormat) -> None:
    """Write the result in the format asked for; raise its NotFoundError when it is empty.

    A result that is itself a failure (`dskb validate` finding problems) is raised instead of
    drawn; as data it is written first, and the error then only sets the exit code.
    """
    empty = output.nothing is not None and not output.data
    for note in output.notes:
        terminal.note(note)
    if output.failure is not None:
        if fmt is OutputFormat.json:
            terminal.write_json(output.data)
            output.failure.told = True
        raise output.failure
    if empty and output.nothing is not None:
        raise output.nothing
    lang = terminal.settings.lang
    items = output.data if isinstance(output.data, list) else [output.data]
    if fmt is OutputFormat.table:
        terminal.show(output.view(lang, terminal.width))
    elif fmt is OutputFormat.json:
        terminal.write_json(output.data)
    elif fmt is OutputFormat.jsonl:
        terminal.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items))
    elif fmt is OutputFormat.markdown and _one_record(output):
        terminal.write_text(record_section(output.data, lang))
    else:
        flat = output.flat(lang) if output.flat else table(items, lang)
        bom = terminal.settings.bom
        terminal.write_text(to_csv(flat, bom) if fmt is OutputFormat.csv else to_markdown(flat))
