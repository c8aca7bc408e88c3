"""The only place a Rich Console is built: colour, paging, closed pipes, messages on stderr.

Human output goes through Rich on stdout; messages for people go to stderr; machine formats
(JSON) are written plainly, never through Rich. Rich is imported only when something is drawn
for a person, so `--json` runs never pay for it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from deepseek_kb.errors import DskbError
from deepseek_kb.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from deepseek_kb.errors import Problem


class OutputClosed(BaseException):
    """The reader of stdout went away (`dskb timeline | head -n 1`); stop quietly."""


def _utf8(stream: Any) -> bool:
    encoding = (getattr(stream, "encoding", None) or "ascii").lower().replace("_", "-")
    try:
        "中—".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


@cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class QuietConsole(Console):
        """Rich exits with status 1 on a closed pipe; dskb stops quietly instead."""

        def on_broken_pipe(self) -> None:
            raise OutputClosed

    return QuietConsole


@contextmanager
def _guard() -> Iterator[None]:
    """Turn write failures into a quiet stop (reader gone) or a clear error (disk full)."""
    try:
        yield
    except BrokenPipeError:
        raise OutputClosed from None
    except OSError as error:
        raise DskbError(f"cannot write the output: {error.strerror or error}") from None


class Terminal:
    """stdout for results and stderr for people, drawn as the settings say."""

    def __init__(self, settings: Settings, console: Console | None = None) -> None:
        self.settings = settings
        self._console = console

    @property
    def console(self) -> Console:
        """The stdout console, built on first use."""
        if self._console is None:
            self._console = self._build(sys.stdout)
        return self._console

    @property
    def width(self) -> int:
        """The width views wrap to."""
        return self.console.width

    def _build(self, stream: Any) -> Console:
        console_class = _console_class()
        if not _utf8(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
        color = self.settings.color
        if color == "never" or (color == "auto" and self.settings.no_color):
            return console_class(
                file=stream, no_color=True, color_system=None, highlight=False, emoji=False
            )
        if color == "always":  # even TERM=dumb gets colour when asked for it explicitly
            import os

            truecolor = os.environ.get("COLORTERM") in ("truecolor", "24bit")
            depth: Literal["truecolor", "256"] = "truecolor" if truecolor else "256"
            return console_class(
                file=stream, force_terminal=True, color_system=depth, highlight=False, emoji=False
            )
        return console_class(file=stream, highlight=False, emoji=False)

    def show(self, renderables: Sequence[RenderableType]) -> None:
        """Print to stdout, through a pager when asked or when long output meets a terminal."""
        console = self.console
        with _guard():
            if self._use_pager(renderables):
                with console.pager(styles=console.color_system is not None):
                    for item in renderables:
                        console.print(item)
                return
            for item in renderables:
                if console.color_system is None and _is_prewrapped(item):
                    # Nothing to style and nothing to wrap: the text is the output.
                    console.file.write(item.plain + "\n")  # type: ignore[union-attr]
                else:
                    console.print(item)

    def _use_pager(self, renderables: Sequence[RenderableType]) -> bool:
        console = self.console
        pager = self.settings.pager
        if pager is False or not console.is_terminal or not sys.stdin.isatty():
            return False
        if pager:
            return True
        lines = sum(len(console.render_lines(r, pad=False)) for r in renderables)
        return lines > console.height

    def write_json(self, data: Any) -> None:
        """Plain UTF-8 JSON on stdout; escaped to ASCII only if stdout cannot carry Chinese."""
        text = json.dumps(data, ensure_ascii=not _utf8(sys.stdout), indent=2)
        self.write_text(text + "\n")

    def write_text(self, text: str) -> None:
        """Plain text on stdout, no markup (CSV, Markdown, completion scripts)."""
        with _guard():
            sys.stdout.write(text)
            sys.stdout.flush()

    def _errors(self) -> Console:
        return self._build(sys.stderr)

    def error(self, message: str, hint: str | None = None) -> None:
        """An error for a person, on stderr, with what to try next."""
        console = self._errors()
        console.print(f"[bold red]error:[/] {escape(message)}")
        if hint:
            console.print(f"[dim]hint:[/] {escape(hint)}")

    def note(self, message: str) -> None:
        """A side remark on stderr (a cache that could not be written, a slow first run)."""
        self._errors().print(f"[dim]note:[/] {escape(message)}")

    def problems(self, items: Iterable[Problem]) -> None:
        """Every problem of the data, one per line, on stderr."""
        console = self._errors()
        for problem in items:
            console.print(escape(str(problem)), soft_wrap=True)


def _is_prewrapped(item: RenderableType) -> bool:
    return getattr(item, "no_wrap", False) is True and hasattr(item, "plain")


def escape(text: str) -> str:
    """Text as Rich markup that prints as itself."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)
