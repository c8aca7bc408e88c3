"""What every command shares: the app, the option types, settings and error handling.

A DskbError raised by the logic becomes a message on stderr and its exit code in one place,
`DskbGroup.invoke`. Settings are resolved once, by the app's callback, onto the Typer context.
"""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from deepseek_kb import __version__
from deepseek_kb.commands.groups import EXAMPLES, ListByDefault, TopGroup
from deepseek_kb.commands.usage import click_speaks
from deepseek_kb.errors import DataError, DskbError, NotFoundError
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import Tier
from deepseek_kb.messages import say, texts
from deepseek_kb.render.output import (
    Format,
    Output,
    OutputFormat,
    chosen,
    emit,
    nothing_value,
)
from deepseek_kb.render.terminal import Terminal
from deepseek_kb.settings import Settings, resolve

EXIT_CODES = (
    "Exit codes: 0 ok · 1 nothing found · 2 usage error · 3 problems in the data · "
    "4 file or cache error · 5 contradicted (dskb verify) · 130 interrupted (Ctrl-C) · "
    "143 terminated (SIGTERM)."
)


class DskbGroup(TopGroup):
    """The top-level group: the one place where a DskbError becomes a message and an exit code,
    and where Click's own usage errors are worded in the run's language."""

    def main(self, args: Any = None, *rest: Any, **options: Any) -> Any:
        argv = list(args) if args is not None else sys.argv[1:]
        with click_speaks(argv):
            return super().main(args, *rest, **options)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except DskbError as failure:
            settings = ctx.meta.get(_SETTINGS) or (
                ctx.obj if isinstance(ctx.obj, Settings) else resolve()
            )
            raise typer.Exit(report(Terminal(settings), failure, ctx.meta.get(_EMPTY))) from None


def report(terminal: Terminal, failure: DskbError, empty: Any = None) -> int:
    """Print an error for a person (every problem, for bad data) and return its exit code.

    Nothing found, wherever it was found (a name no record has, an empty result), goes out here
    alike: the empty JSON value on stdout when the run asked for JSON (`empty`), the message and
    its hint on stderr, exit code 1."""
    if isinstance(failure, NotFoundError) and empty is not None:
        terminal.write_json(empty)
    if failure.told:
        return int(failure.exit_code)
    if isinstance(failure, DataError):
        terminal.problems(failure.problems)
    lang = terminal.settings.lang
    message, hint = failure.said(lang)
    if isinstance(failure, NotFoundError) and failure.suggestions:
        names = ", ".join(failure.suggestions)
        message += say("label.did_you_mean", "zh" if lang == "zh" else "en", names=names)
    terminal.error(message, hint)
    return int(failure.exit_code)


app = typer.Typer(
    cls=DskbGroup,
    name="dskb",
    help=(
        "dskb: DeepSeek's company and model history, offline, cited and bilingual "
        "(中文 / English).\n\nThe options below go before or after the command "
        "(dskb quote 创新 --no-pager).\n\n" + EXIT_CODES
    ),
    epilog=EXAMPLES,
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    suggest_commands=False,  # Click already suggests; Typer would say it a second time
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


def complete_from(kind: str) -> Any:
    def complete(incomplete: str) -> list[str]:
        from deepseek_kb.queries.maintenance import completions

        return completions(kind, incomplete)

    return complete


def value_option(flag: str, help: str, completes: str | None = None) -> Any:
    """An optional filter taking one value, completed from the data when `completes` is set."""
    completion = complete_from(completes) if completes else None
    return typer.Option(flag, help=help, autocompletion=completion, show_default=False)


JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print JSON (UTF-8) on stdout instead of a table.")
]
FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table, json, jsonl (one record per line), csv or markdown (flat, one row each).",
        show_default=False,
    ),
]
LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of the text: zh, en or both. Default: DSKB_LANG, then the locale, else en.",
        show_default=False,
    ),
]
TierOpt = Annotated[
    Tier | None,
    typer.Option(
        "--from",
        help="Only what the article says (article) or what DeepSeek's own files say (official).",
        show_default=False,
    ),
]
LimitOpt = Annotated[
    int, typer.Option("--limit", "-n", min=1, max=10000, help="At most N results.")
]


models_app = typer.Typer(
    cls=ListByDefault,
    help="DeepSeek's models: a list, a side-by-side comparison, or everything about one.",
    epilog="Examples: dskb models · dskb models --compare · dskb models --compare V2 V3 · "
    "dskb models --compare --all · dskb models show V3",
)
app.add_typer(models_app, name="models")
projects_app = typer.Typer(
    cls=ListByDefault,
    help="DeepSeek's open-source software (FlashMLA, DeepEP, 3FS …): a list, or one in full.",
    epilog="Examples: dskb projects · dskb projects show FlashMLA · dskb projects --json",
)
app.add_typer(projects_app, name="projects")


# Where a command run that asked for JSON notes the value that means "nothing found", and
# where it keeps its own settings (its --lang) for the messages of its errors.
_EMPTY = "dskb.empty"
_SETTINGS = "dskb.settings"


class Session:
    """One command's run: its settings, its terminal, its output format, and the index once
    it is opened (a plain class: a dataclass costs a part of a millisecond of every run)."""

    def __init__(self, settings: Settings, terminal: Terminal, fmt: Format = OutputFormat.table):
        self.settings = settings
        self.terminal = terminal
        self.fmt = fmt
        self._index: Index | None = None

    @property
    def index(self) -> Index:
        """The index of the data in use; notes about the cache go to stderr."""
        if self._index is None:
            from deepseek_kb.queries.common import index_for

            with self.terminal.progress() as report:
                self._index = index_for(self.settings, report, self.terminal.note)
            for warning in self._index.warnings:
                self.terminal.note(warning)
        return self._index

    def emit(self, output: Output, to: str | None = None) -> None:
        """Write the result in the format the run asked for, on stdout or into `to`."""
        emit(self.terminal, output, self.fmt, to)


def session(
    ctx: typer.Context,
    lang: Lang | None = None,
    json: bool = False,
    one: bool = False,
    fmt: Format | None = None,
    default: Format = OutputFormat.table,
) -> Session:
    """The settings the app's callback resolved, with this command's own --lang and format.

    `one`: the command answers with one record, so "nothing found" as JSON is {} (else []).
    """
    settings = ctx.obj if isinstance(ctx.obj, Settings) else resolve()
    settings = settings.with_lang(lang.value if lang else None)
    fmt = chosen(json, fmt, default)
    ctx.meta[_EMPTY] = nothing_value(fmt, one)
    ctx.meta[_SETTINGS] = settings
    terminal = Terminal(settings)
    for warning in settings.warnings:
        terminal.note(warning)
    return Session(settings, terminal, fmt)


def _version(value: bool) -> None:
    if value:
        Terminal(resolve()).write_text(f"dskb {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
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
    bom: Annotated[
        bool,
        typer.Option("--bom", help="With -f csv: start with a byte-order mark, for Excel."),
    ] = False,
    lang: LangOpt = None,
) -> None:
    """dskb: DeepSeek's company and model history, offline, cited and bilingual."""
    ctx.obj = resolve(
        lang=lang.value if lang else None,
        color=color.value,
        pager=pager,
        data_dir=data_dir,
        bom=bom,
    )


def shown_of(shown: int, total: int, what: str, lang: str) -> tuple[str, ...]:
    """The note when a listing stops short: 'showing 10 of 84 hits; --limit N shows more'
    (`what`: the id of what is listed, `noun.hits`)."""
    if total <= shown:
        return ()
    noun = texts(what)
    said = texts("shown.of", shown=shown, total=total, what=noun.en, what_zh=noun.zh)
    return (said.zh if lang == "zh" else said.en,)


def told_nothing(tier: str | None, what: str) -> NotFoundError | None:
    """What to say when `--from` leaves nothing: 'DeepSeek's own files say nothing of people'
    (`what`: the id of what was asked for, `noun.people`)."""
    if not tier:
        return None
    teller, noun = texts(f"teller.{tier}"), texts(what)
    return NotFoundError.of(
        "nothing.told", teller=teller.en, teller_zh=teller.zh, what=noun.en, what_zh=noun.zh
    )


def quoted(query: str) -> str:
    """A query as it is echoed back: escaped, and shortened if someone pasted a page."""
    shown = repr(query[:60])
    return shown + ("…" if len(query) > 60 else "")
