"""The dskb command line: the entry point, which loads the commands and runs the app.

The commands live in `deepseek_kb.commands`, one module per group; they parse arguments, call
the logic and hand the results to `render`. This module adds what only a real process needs:
Ctrl-C, a closed stdout, and building just the command a run invokes.
"""

from __future__ import annotations

import copy
import gc
import importlib
import os
import signal
import sys
from pathlib import Path
from typing import Any

import typer

from deepseek_kb.commands.common import app as _app
from deepseek_kb.commands.common import report
from deepseek_kb.commands.groups import with_examples
from deepseek_kb.commands.usage import lang_of
from deepseek_kb.errors import DskbError, ExitCode
from deepseek_kb.messages import say
from deepseek_kb.render.terminal import OutputClosed, Terminal
from deepseek_kb.settings import resolve

__all__ = ["main"]

# Importing a command module registers its commands; this order is the order of `dskb --help`.
COMMAND_MODULES = (
    "models",
    "projects",
    "history",
    "lookup",
    "glossary",
    "directory",
    "maintenance",
    "assistants",
    "helping",
)
# The module of each top-level command, so a run imports only the one it invokes.
COMMANDS = {
    "models": "models",
    "projects": "projects",
    "timeline": "history",
    "quote": "lookup",
    "explain": "glossary",
    "search": "lookup",
    "verify": "lookup",
    "people": "directory",
    "company": "directory",
    "sources": "directory",
    "cite": "directory",
    "export": "maintenance",
    "validate": "maintenance",
    "schema": "maintenance",
    "info": "maintenance",
    "mcp": "assistants",
    "help": "helping",
}


def load_commands(word: str | None = None) -> typer.Typer:
    """The app with the command `word` registered, or every command when `word` is None."""
    for module in [COMMANDS[word]] if word in COMMANDS else COMMAND_MODULES:
        importlib.import_module(f"deepseek_kb.commands.{module}")
    with_examples(_app)
    return _app


def __getattr__(name: str) -> Any:
    """`deepseek_kb.cli.app`: the whole app, every command registered (tests, docs)."""
    if name == "app":
        return load_commands()
    raise AttributeError(name)


class _Interrupted(BaseException):
    """Ctrl-C or a termination request: raised from the signal handler, so no library prints
    its own message and every `finally` (a half-built index's temporary file) still runs."""

    def __init__(self, code: ExitCode, what: str) -> None:
        super().__init__(what)
        self.code = code
        self.what = what  # the id of its message


def _on_signal(signum: int, frame: Any) -> None:
    if signum == signal.SIGINT:
        raise _Interrupted(ExitCode.INTERRUPTED, "run.interrupted")
    raise _Interrupted(ExitCode.TERMINATED, "run.terminated")


class _OutputFailed(BaseException):
    """stdout cannot be written (a full disk, a closed descriptor): a message and exit 4."""


class _Stdout:
    """stdout as every library writes it: a reader that went away stops the run quietly, and any
    other failure to write is one message, not a traceback from whichever library was writing."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:
            raise _OutputFailed("standard output is closed")
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            raise OutputClosed from None
        except OSError as error:
            raise _OutputFailed(error.strerror or str(error)) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise OutputClosed from None
        except OSError as error:
            raise _OutputFailed(error.strerror or str(error)) from None

    def isatty(self) -> bool:
        return self._stream is not None and bool(self._stream.isatty())

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise _OutputFailed("standard output is closed")
        return getattr(self._stream, name)


def _prepare_streams() -> None:
    """Text for people that the locale cannot encode is escaped, not a UnicodeEncodeError; a
    closed stdin or stderr reads as empty and writes nowhere; stdout is guarded (`_Stdout`)."""
    for name in ("stdin", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, Path(os.devnull).open("r" if name == "stdin" else "w"))  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    sys.stdout = _Stdout(sys.stdout)


def main() -> None:
    """Run the CLI; every failure becomes a message on stderr and a documented exit code."""
    # One run is short and makes few cycles: what the imports loaded is never garbage, and
    # young objects are collected seldom (a warm search at 100,000 records spent 3 ms of its
    # run in 39 collections; a build sets its own thresholds and restores these).
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    _prepare_streams()
    code: int = ExitCode.OK
    if _shell_named(sys.argv[1:]) or "_DSKB_COMPLETE" in os.environ:
        # Typer's own switch: --install-completion and --show-completion take the shell named
        # instead of guessing it from the parent process (zsh named in bash means zsh); while
        # completing, they take a shell too, so `--install-completion <TAB>` offers the shells.
        os.environ["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"
    try:
        only_the_command_invoked(sys.argv[1:])(prog_name="dskb")
        sys.stdout.flush()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        code = _flushed(code)
    except DskbError as failure:  # raised outside a command, e.g. by shell completion
        code = report(_terminal(), failure)
    except OutputClosed:
        code = ExitCode.OK
        _silence_stdout()
    except _OutputFailed as failure:
        _cannot_write(failure)
        code = ExitCode.IO
    except _Interrupted as stop:
        terminal = _terminal()
        terminal.error(say(stop.what, terminal.settings.lang))
        code = stop.code
    # The run is over and its output flushed: what is left goes with the process. Frozen, it is
    # passed over by the full collections the interpreter runs as it shuts down (10-15 ms of
    # a warm lookup, more than its full-text query).
    gc.freeze()
    sys.exit(code)


def _flushed(code: int) -> int:
    """The exit code once stdout is flushed: a vanished reader is not a failure."""
    try:
        sys.stdout.flush()
    except OutputClosed:
        _silence_stdout()
        return ExitCode.OK
    except _OutputFailed as failure:
        _cannot_write(failure)
        return code or ExitCode.IO
    return code


def _terminal() -> Terminal:
    """A terminal for a message outside a command, in the language the run asked for."""
    return Terminal(resolve(lang=lang_of(sys.argv[1:])))


def _cannot_write(failure: BaseException) -> None:
    """Say that stdout cannot be written, plainly: stderr is all there is left."""
    lang = "zh" if lang_of(sys.argv[1:]) == "zh" else "en"
    said = say("run.cannot_write", lang, reason=failure)
    sys.stderr.write(f"{say('label.error', lang)}{said}\n")


_SHELLS = frozenset({"bash", "zsh", "fish", "powershell", "pwsh"})


def _shell_named(argv: list[str]) -> bool:
    """Whether --install-completion or --show-completion is given a shell by name."""
    for at, word in enumerate(argv):
        after = argv[at + 1] if at + 1 < len(argv) else ""
        option, _, value = word.partition("=")
        if option in ("--install-completion", "--show-completion") and (value or after) in _SHELLS:
            return True
    return False


# Global options that take a value, so the command name can be found after them.
_VALUED_OPTIONS = frozenset({"--color", "--data-dir", "--lang"})


def only_the_command_invoked(argv: list[str]) -> typer.Typer:
    """The app with just the subcommand this run invokes, when that is clear.

    Typer turns every registered command into a Click command at start-up, about 1 ms per
    command; a lookup needs only its own. Help, completion and anything unrecognised get the
    whole app, so what the user sees never changes.
    """
    if "_DSKB_COMPLETE" in os.environ:
        return load_commands()
    words = iter(argv)
    for word in words:
        if word in _VALUED_OPTIONS:
            next(words, None)
        elif word == "help":  # `dskb help models` shows another command's help
            return load_commands()
        elif not word.startswith("-"):
            app = load_commands(word) if word in COMMANDS else load_commands()
            commands = [c for c in app.registered_commands if _command_name(c) == word]
            groups = [g for g in app.registered_groups if g.name == word]
            if not commands and not groups:
                return app
            pruned = copy.copy(app)
            pruned.registered_commands = commands
            pruned.registered_groups = groups
            return pruned
        elif word.startswith(("--help", "-h", "--version", "--install", "--show")):
            return load_commands()
    return load_commands()


def _command_name(info: Any) -> str:
    return str(info.name or info.callback.__name__.replace("_", "-"))


def _silence_stdout() -> None:
    """After the reader has gone, point stdout at /dev/null so exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError):
        pass
