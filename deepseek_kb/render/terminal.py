"""The only place a Rich Console is built: colour, paging, closed pipes, messages on stderr.

Human output goes through Rich on stdout; messages for people go to stderr; machine formats
(JSON) are written plainly, never through Rich. Rich is imported only when something is drawn
for a person, so `--json` runs never pay for it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache, partial
from typing import TYPE_CHECKING, Any, Literal

from deepseek_kb.errors import DskbError
from deepseek_kb.messages import say
from deepseek_kb.progress import Report, Stage, quiet
from deepseek_kb.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.progress import Progress, TaskID

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
        raise DskbError.of("run.cannot_write", reason=error.strerror or error) from None


# The width views are drawn to on a pipe: wide enough that no line is wrapped.
PIPE_WIDTH = 1000
# Work shorter than this shows no progress bar.
PROGRESS_DELAY = 1.0


class _Bar:
    """A Rich progress bar started only once the work has lasted `delay` seconds."""

    def __init__(self, console: Callable[[], Console], delay: float, lang: str) -> None:
        self._console = console
        self._lang = lang
        self._started = time.monotonic()
        self._delay = delay
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._what: Stage | None = None

    def report(self, what: Stage, done: int, total: int) -> None:
        if self._bar is None:
            if time.monotonic() - self._started < self._delay:
                return
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),  # a stage of unknown size pulses: it is moving, not stuck
                TextColumn("{task.fields[count]}"),  # done/total, only when the total is known
                TimeElapsedColumn(),
                console=self._console(),
                transient=True,
            )
            self._bar.start()
        if self._task is None or self._what != what:  # a new stage, with its own total
            if self._task is not None:
                self._bar.remove_task(self._task)
            shown = say(what, self._lang)
            count = f"{done:,}/{total:,}" if total else ""
            self._task = self._bar.add_task(shown, total=total or None, count=count)
            self._what = what
        count = f"{done:,}/{total:,}" if total else ""
        self._bar.update(self._task, completed=done, total=total or None, count=count)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


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
        # On a pipe or in a file, lines are written whole, as gh writes them (COLUMNS, when
        # set, still decides); on a terminal, its width.
        width = PIPE_WIDTH if not _is_tty(stream) and not os.environ.get("COLUMNS") else None
        if not _utf8(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
        color = self.settings.color
        build = partial(console_class, file=stream, highlight=False, emoji=False, width=width)
        if color == "never" or (color == "auto" and self.settings.no_color):
            return build(no_color=True, color_system=None)
        if color == "always":  # even TERM=dumb gets colour when asked for it explicitly
            truecolor = os.environ.get("COLORTERM") in ("truecolor", "24bit")
            depth: Literal["truecolor", "256"] = "truecolor" if truecolor else "256"
            return build(force_terminal=True, color_system=depth)
        return build()

    def show(self, renderables: Sequence[RenderableType]) -> None:
        """Print to stdout, through a pager when asked or when long output meets a terminal."""
        console = self.console
        with _guard():
            if self._may_page():
                with console.capture() as capture:
                    for item in renderables:
                        console.print(item)
                text = capture.get()
                if self.settings.pager or text.count("\n") > console.height:
                    self._page(text)
                else:
                    console.file.write(text)
                return
            for item in renderables:
                if console.color_system is None and _is_prewrapped(item):
                    # Nothing to style and nothing to wrap: the text is the output.
                    console.file.write(item.plain + "\n")  # type: ignore[union-attr]
                else:
                    console.print(item)

    def _may_page(self) -> bool:
        """Paging is for a person at a terminal, and only with a pager to page through."""
        command = self.settings.pager_command
        if self.settings.pager is False or not command or command == "cat":
            return False
        return self.console.is_terminal and _is_tty(sys.stdin)

    def _page(self, text: str) -> None:
        """Through the pager; with LESS unset, as git and gh do, LESS=FRX: colours shown as
        colours, the answer left on screen after q, and no paging of what fits. A pager that
        cannot be started is reported and the text printed as it is, never lost."""
        env = dict(os.environ)
        env["LESS"] = less_options(self.settings.less)
        encoding = self.console.encoding or "utf-8"
        if encoding.lower().replace("-", "") == "utf8" and not (
            env.get("LESSCHARSET") or env.get("LESSCHARDEF")
        ):  # the text is UTF-8 whatever the locale says (LANG=C, a missing en_US.UTF-8)
            env["LESSCHARSET"] = "utf-8"
        command = self.settings.pager_command
        try:  # through the shell, as git and pydoc run a pager ("less -R", "cat > file")
            pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
        except OSError as error:
            pager = None
            reason = str(error)
        if pager is not None:
            with _pager_owns_ctrl_c():
                _feed(pager, text.encode(encoding, "replace"))
            if pager.returncode not in (126, 127):  # the shell could not run the command
                return
            reason = f"exit status {pager.returncode}"
        self.note(say("run.pager_failed", self.settings.lang, command=command, reason=reason))
        self.console.file.write(text)

    @contextmanager
    def progress(self, delay: float = PROGRESS_DELAY) -> Iterator[Report]:
        """A Report that draws a progress bar on stderr (what, how far, how long) once the work
        has lasted `delay` seconds, when stderr is a terminal; else one that reports nothing.
        The bar is cleared when the work ends, so the answer follows on a clean screen."""
        if not _is_tty(sys.stderr):
            yield quiet
            return
        bar = _Bar(self._errors, delay, self.settings.lang)
        try:
            yield bar.report
        finally:
            bar.stop()

    def write_json(self, data: Any) -> None:
        """Plain UTF-8 JSON on stdout; escaped to ASCII only if stdout cannot carry Chinese."""
        text = json.dumps(data, ensure_ascii=not _utf8(sys.stdout), indent=2)
        self.write_text(text + "\n")

    def write_text(self, text: str) -> None:
        """Plain text on stdout, no markup (CSV, Markdown, completion scripts), always UTF-8:
        where the locale cannot carry Chinese the bytes are written as they are, so a file
        exported through a pipe loses nothing."""
        with _guard():
            buffer = getattr(sys.stdout, "buffer", None)
            if _utf8(sys.stdout) or buffer is None:
                sys.stdout.write(text)
            else:
                sys.stdout.flush()
                buffer.write(text.encode("utf-8"))
            sys.stdout.flush()

    def _errors(self) -> Console:
        return self._build(sys.stderr)

    def error(self, message: str, hint: str | None = None) -> None:
        """An error for a person, on stderr, with what to try next."""
        console = self._errors()
        wrap = not console.is_terminal  # one line per message when read by a program
        lang = "zh" if self.settings.lang == "zh" else "en"  # one label, even for both
        label, hint_label = say("label.error", lang), say("label.hint", lang)
        console.print(f"[bold red]{label}[/]{escape(message)}", soft_wrap=wrap)
        if hint:
            console.print(f"[dim]{hint_label}[/]{escape(hint)}", soft_wrap=wrap)

    def note(self, message: str) -> None:
        """A side remark on stderr (a cache that could not be written, a slow first run)."""
        console = self._errors()
        note = say("label.note", "zh" if self.settings.lang == "zh" else "en")
        console.print(f"[dim]{note}[/]{escape(message)}", soft_wrap=not console.is_terminal)

    def problems(self, items: Iterable[Problem]) -> None:
        """Every problem of the data, one per line, on stderr."""
        console = self._errors()
        for problem in items:
            console.print(escape(problem.said(self.settings.lang)), soft_wrap=True)


def less_options(less: str | None) -> str:
    """LESS for the pager: FRX when unset, as git and gh run less; else what the reader set,
    with -R added so colours are colours, not ESC[1m (LESS=-i is a common setting)."""
    if less is None:
        return "FRX"
    flags = "".join(word.lstrip("-") for word in less.split() if not word.startswith("--"))
    if "R" in flags or "r" in flags or "--RAW-CONTROL-CHARS" in less:
        return less
    return f"{less} -R".strip()


@contextmanager
def _pager_owns_ctrl_c() -> Iterator[None]:
    """While the pager runs, Ctrl-C is the pager's (less stops a search with it): dskb ignores
    it, as git does, and waits for the pager to end, so the terminal is always handed back."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: nothing to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _feed(pager: subprocess.Popen[bytes], data: bytes) -> None:
    """The text into the pager, then wait until it quits (early, if the reader pressed q)."""
    assert pager.stdin is not None
    with contextlib.suppress(BrokenPipeError, OSError):
        pager.stdin.write(data)
    with contextlib.suppress(BrokenPipeError, OSError):
        pager.stdin.close()
    pager.wait()


def _is_tty(stream: Any) -> bool:
    try:
        return stream is not None and bool(stream.isatty())
    except (ValueError, OSError):  # a closed stream
        return False


def _is_prewrapped(item: RenderableType) -> bool:
    return getattr(item, "no_wrap", False) is True and hasattr(item, "plain")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Control characters shown as escapes (\\x1b), so no text can drive the terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def escape(text: str) -> str:
    """Text as Rich markup that prints as itself, control characters made visible."""
    from rich.markup import escape as rich_escape

    return rich_escape(visible(text))
