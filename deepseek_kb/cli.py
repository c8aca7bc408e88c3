"""The dskb command line: parse arguments, call the logic, hand the results to render.

No logic lives here. Errors raised below (the DskbError family) are turned into a message on
stderr and their exit code in one place, `main`.
"""

from __future__ import annotations

import copy
import os
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from deepseek_kb import __version__, queries, render
from deepseek_kb.errors import DataError, DskbError, ExitCode, NotFoundError
from deepseek_kb.index import Index

EXIT_CODES = (
    "Exit codes: 0 ok · 1 nothing found · 2 usage error · 3 problems in the data · "
    "4 file or cache error · 130 interrupted."
)


class _DskbGroup(TyperGroup):
    """The top-level group: the one place where a DskbError becomes a message and an exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except DskbError as failure:
            raise typer.Exit(report(failure)) from None


def report(failure: DskbError) -> int:
    """Print an error for a person (every problem, for bad data) and return its exit code."""
    if isinstance(failure, DataError):
        render.problems(failure.problems)
    message = failure.message
    if isinstance(failure, NotFoundError) and failure.suggestions:
        message += "; did you mean: " + ", ".join(failure.suggestions) + "?"
    render.error(message, failure.hint)
    return int(failure.exit_code)


app = typer.Typer(
    cls=_DskbGroup,
    name="dskb",
    help=(
        "dskb: DeepSeek's company and model history, offline, cited and bilingual "
        "(中文 / English).\n\n" + EXIT_CODES
    ),
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


class Lang(StrEnum):
    """The language of printed text."""

    zh = "zh"
    en = "en"
    both = "both"


class Color(StrEnum):
    """When to use colour."""

    auto = "auto"
    always = "always"
    never = "never"


class ExportFormat(StrEnum):
    """What `dskb export` writes."""

    json = "json"
    csv = "csv"
    markdown = "markdown"
    sqlite = "sqlite"


def _complete(kind: str) -> Any:
    def complete(incomplete: str) -> list[str]:
        return queries.completions(kind, incomplete)

    return complete


JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print JSON (UTF-8) on stdout instead of a table.")
]
LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of the text: zh, en or both. Default: DSKB_LANG, then the locale, else en.",
        show_default=False,
    ),
]
LimitOpt = Annotated[
    int, typer.Option("--limit", "-n", min=1, max=10000, help="At most N results.")
]


class _ModelsGroup(TyperGroup):
    """`dskb models …` runs `list` unless the first word is another subcommand (`show`)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["list", *args]
        return super().parse_args(ctx, args)


models_app = typer.Typer(
    cls=_ModelsGroup,
    help="DeepSeek's models: a list, a side-by-side comparison, or everything about one.\n\n"
    "dskb models · dskb models --compare · dskb models --compare V2 V3 · dskb models show V3",
)
app.add_typer(models_app, name="models")


def _lang(lang: Lang | None) -> str:
    chosen = queries.default_lang() if lang is None else lang.value
    render.configure(render.Options(chosen, _state["color"], _state["pager"]))
    return chosen


_state: dict[str, Any] = {"color": "auto", "pager": None}


def _version(value: bool) -> None:
    if value:
        render.write_text(f"dskb {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = None,
    color: Annotated[
        Color,
        typer.Option(
            "--color", help="Colour: auto (only on a terminal, never with NO_COLOR), always, never."
        ),
    ] = Color.auto,
    pager: Annotated[
        bool | None,
        typer.Option(
            "--pager/--no-pager",
            help="Page long output (default: only on a terminal).",
            show_default=False,
        ),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="DSKB_DATA_DIR",
            help="Use this data folder instead of the bundled data (also DSKB_DATA_DIR).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """dskb: DeepSeek's company and model history, offline, cited and bilingual."""
    _state["color"] = color.value
    _state["pager"] = pager
    if data_dir is not None:
        os.environ["DSKB_DATA_DIR"] = str(data_dir)
    render.configure(render.Options(queries.default_lang(), color.value, pager))


def _open() -> Index:
    index = queries.open_kb()
    for warning in index.warnings:
        render.note(warning)
    return index


def _quoted(query: str) -> str:
    """A query as it is echoed back: escaped, and shortened if someone pasted a page."""
    shown = repr(query[:60])
    return shown + ("…" if len(query) > 60 else "")


def _not_found(json: bool, message: str, hint: str, suggestions: tuple[str, ...] = ()) -> NoReturn:
    if json:
        render.write_json([])
    raise NotFoundError(message, hint, suggestions)


# --- models ---------------------------------------------------------------------------------------


@models_app.command(
    "list",
    epilog="Examples: dskb models · dskb models --compare · dskb models --compare V2 V3 Coder-V2",
)
def models_list(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Models to show or compare (V3, deepseek v3, Coder V2, an id).",
            show_default=False,
            autocompletion=_complete("model"),
        ),
    ] = None,
    compare: Annotated[bool, typer.Option("--compare", help="Side-by-side spec table.")] = False,
    chart: Annotated[
        bool, typer.Option("--chart", help="Draw bars: parameters, training tokens, cost.")
    ] = False,
    all_models: Annotated[
        bool, typer.Option("--all", help="Compare every model and variant, not only the main ones.")
    ] = False,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """List the models, or compare their specs side by side."""
    _lang(lang)
    index = _open()
    models = queries.pick_models(
        index, names or [], main_only=compare and not names and not all_models
    )
    if json:
        render.write_json(models)
    elif chart:
        render.compare_chart(models)
    elif compare:
        render.compare_table(models)
    else:
        render.models_table(models)


@models_app.command(
    "show", epilog="Examples: dskb models show V3 · dskb models show 'deepseek coder v2' --lang zh"
)
def models_show(
    name: Annotated[
        str,
        typer.Argument(
            help="A model: V3, DeepSeek-V3, deepseek v3, Coder V2, an id.",
            autocompletion=_complete("model"),
        ),
    ],
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Everything about one model: specs with sources, claims, errata, events and quotes."""
    _lang(lang)
    index = _open()
    model = queries.one_model(index, name)
    if json:
        render.write_json(model)
        return
    render.model_detail(model, index.mentions(model["id"]))


# --- timeline, quote, search ----------------------------------------------------------------------


@app.command(
    epilog="Examples: dskb timeline · dskb timeline --since 2024 --type model-release · dskb timeline --about V3 --lang en"
)
def timeline(
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.", show_default=False
        ),
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Up to this date (inclusive).", show_default=False)
    ] = None,
    event_type: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="Only events of this type (model-release, founding, …).",
            autocompletion=_complete("event-type"),
            show_default=False,
        ),
    ] = None,
    about: Annotated[
        str | None,
        typer.Option(
            "--about",
            help="Only events about this model, person or organisation.",
            autocompletion=_complete("entity"),
            show_default=False,
        ),
    ] = None,
    details: Annotated[
        bool, typer.Option("--details", "-d", help="Show each event's description too.")
    ] = False,
    chart: Annotated[bool, typer.Option("--chart", help="Draw the events on a time axis.")] = False,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Company and model history in date order, grouped by year."""
    _lang(lang)
    index = _open()
    events = queries.timeline(index, since, until, event_type, about)
    if not events:
        _not_found(json, "no events match", "widen --since/--until, or drop --type/--about")
    if json:
        render.write_json(events)
    elif chart:
        render.timeline_chart(events)
    else:
        render.timeline(events, details)


@app.command(
    epilog="Examples: dskb quote 创新 · dskb quote moat --lang both · dskb quote --speaker Karpathy · dskb quote --topic hiring"
)
def quote(
    query: Annotated[
        str | None,
        typer.Argument(
            help="Words to look for (中文 or English); none lists every quote by topic.",
            show_default=False,
        ),
    ] = None,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            help="Only this person's words (name, alias or id).",
            autocompletion=_complete("person"),
            show_default=False,
        ),
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic",
            help="Only quotes on this topic (创新, innovation, hiring…).",
            autocompletion=_complete("topic"),
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=1, max=100000, help="At most N quotes."),
    ] = 100,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Quotes ranked by how well they match; the Chinese original always shown."""
    _lang(lang)
    index = _open()
    found = queries.find_quotes(index, query, speaker, topic, limit)
    if not found.items:
        _not_found(
            json, f"no quote matches {_quoted(query)}" if query else "no quote matches", found.hint
        )
    if found.total > len(found.items):
        render.note(f"showing {len(found.items)} of {found.total} quotes; --limit N shows more")
    if json:
        render.write_json(found.as_json())
    else:
        render.quotes(found.items, found.names, group=query is None)


@app.command(
    epilog="Examples: dskb search V3 · dskb search 护城河 · dskb search '671B' --type model · dskb search chuangxin"
)
def search(
    query: Annotated[
        str, typer.Argument(help="Words, names, numbers or pinyin, in Chinese or English.")
    ],
    record_type: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="Only this record type (model, person, quote, fact, event, …).",
            autocompletion=_complete("type"),
            show_default=False,
        ),
    ] = None,
    limit: LimitOpt = 10,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Search every record type at once, best match first."""
    _lang(lang)
    index = _open()
    hits = queries.search_all(index, query, record_type, limit)
    if not hits:
        _not_found(json, f"nothing matches {_quoted(query)}", queries.search_hint(query))
    if json:
        render.write_json([h.as_json() for h in hits])
    else:
        render.hits(hits)


# --- people, company, sources ---------------------------------------------------------------------


@app.command(epilog="Examples: dskb people · dskb people 梁文锋 · dskb people karpathy --json")
def people(
    name: Annotated[
        str | None,
        typer.Argument(
            help="One person (name, alias or id); none lists everyone.",
            autocompletion=_complete("person"),
            show_default=False,
        ),
    ] = None,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """The people the article names: the founder, researchers, commentators."""
    _lang(lang)
    index = _open()
    if name is None:
        listing = index.records("person")
        if json:
            render.write_json(listing)
        else:
            render.people_table(listing, queries.quote_counts(index))
        return
    person = queries.one_person(index, name)
    if json:
        render.write_json(person)
        return
    said = [q for q in index.records("quote") if q["speaker"] == person["id"]]
    render.person_detail(
        person, queries.names_for(index, [person], said), said, index.mentions(person["id"])
    )


@app.command(epilog="Examples: dskb company · dskb company --lang zh · dskb company --json")
def company(json: JsonOpt = False, lang: LangOpt = None) -> None:
    """High-Flyer and DeepSeek: founding, compute, people, money and culture."""
    _lang(lang)
    index = _open()
    sections = queries.company(index)
    if json:
        render.write_json({key: [r for _, r in rows] for key, _, rows in sections})
    else:
        render.company([(zh, en, rows) for _, (zh, en), rows in sections])


@app.command(epilog="Examples: dskb sources · dskb sources --paths · dskb sources --json")
def sources(
    paths: Annotated[
        bool, typer.Option("--paths", help="Show the data folders and files in use instead.")
    ] = False,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Where the facts come from: the article, its links, DeepSeek's official files."""
    _lang(lang)
    index = _open()
    if paths:
        rows = queries.data_files(index)
        if json:
            render.write_json(
                [{"layer": layer, "file": path, "records": n} for layer, path, n in rows]
            )
        else:
            render.paths_table(rows)
        return
    listing = index.records("source")
    if json:
        render.write_json(listing)
    else:
        render.sources_table(listing)


# --- export, validate, schema, info -------------------------------------------------------------


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

    _lang(None)
    index = _open()
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
    _lang(None)
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
            autocompletion=_complete("file"),
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

    _lang(None)
    result = schema_export.schemas(record_type, output_dir)
    if isinstance(result, dict):
        render.write_json(result)
    else:
        for path in result:
            render.note(f"wrote {path}")


@app.command(epilog="Examples: dskb info · dskb info --json")
def info(json: JsonOpt = False) -> None:
    """Version, data folders, cache location and record counts."""
    _lang(None)
    index = _open()
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


# --- entry point ------------------------------------------------------------------------------------


class _Interrupted(BaseException):
    """Ctrl-C: raised from the signal handler, so no library prints its own message."""


def _on_sigint(signum: int, frame: Any) -> None:
    raise _Interrupted


def main() -> None:
    """Run the CLI; every failure becomes a message on stderr and a documented exit code."""
    signal.signal(signal.SIGINT, _on_sigint)
    code: int = ExitCode.OK
    try:
        only_the_command_invoked(sys.argv[1:])(prog_name="dskb")
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except DskbError as failure:  # raised outside a command, e.g. by shell completion
        code = report(failure)
    except render.OutputClosed:
        code = ExitCode.OK
        _silence_stdout()
    except _Interrupted:
        render.error("interrupted")
        code = ExitCode.INTERRUPTED
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as error:  # e.g. a full disk behind a redirect
        sys.stderr.write(f"error: cannot write the output: {error.strerror}\n")
        _silence_stdout()
        code = code or ExitCode.IO
    sys.exit(code)


# Global options that take a value, so the command name can be found after them.
_VALUED_OPTIONS = frozenset({"--color", "--data-dir"})


def only_the_command_invoked(argv: list[str]) -> typer.Typer:
    """The app with just the subcommand this run invokes, when that is clear.

    Typer turns every registered command into a Click command at start-up, about 1 ms per
    command; a lookup needs only its own. Help, completion and anything unrecognised get the
    whole app, so what the user sees never changes.
    """
    if "_DSKB_COMPLETE" in os.environ:
        return app
    words = iter(argv)
    for word in words:
        if word in _VALUED_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            commands = [c for c in app.registered_commands if _command_name(c) == word]
            groups = [g for g in app.registered_groups if g.name == word]
            if not commands and not groups:
                return app
            pruned = copy.copy(app)
            pruned.registered_commands = commands
            pruned.registered_groups = groups
            return pruned
        elif word.startswith(("--help", "-h", "--version", "--install", "--show")):
            return app
    return app


def _command_name(info: Any) -> str:
    return str(info.name or info.callback.__name__.replace("_", "-"))


def _silence_stdout() -> None:
    """After the reader has gone, point stdout at /dev/null so exit does not complain."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
