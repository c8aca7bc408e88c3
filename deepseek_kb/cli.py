"""The dskb command line: the entry point, which loads the commands and runs the app.

The commands live in `deepseek_kb.commands`, one module per group; they parse arguments, call
the logic and hand the results to `render`. This module adds what only a real process needs:
Ctrl-C, a closed stdout, and building just the command a run invokes.
"""

from __future__ import annotations

import copy
import importlib
import os
import signal
import sys
from typing import Any

import typer

from deepseek_kb.commands.common import app as _app
from deepseek_kb.commands.common import report
from deepseek_kb.errors import DskbError, ExitCode
from deepseek_kb.render.terminal import OutputClosed, Terminal
from deepseek_kb.settings import resolve

__all__ = ["main"]

# Importing a command module registers its commands; this order is the order of `dskb --help`.
COMMAND_MODULES = ("models", "history", "lookup", "directory", "maintenance")
# The module of each top-level command, so a run imports only the one it invokes.
COMMANDS = {
    "models": "models",
    "timeline": "history",
    "quote": "lookup",
    "search": "lookup",
    "people": "directory",
    "company": "directory",
    "sources": "directory",
    "export": "maintenance",
    "validate": "maintenance",
    "schema": "maintenance",
    "info": "maintenance",
}


def load_commands(word: str | None = None) -> typer.Typer:
    """The app with the command `word` registered, or every command when `word` is None."""
    for module in [COMMANDS[word]] if word in COMMANDS else COMMAND_MODULES:
        importlib.import_module(f"deepseek_kb.commands.{module}")
    return _app


def __getattr__(name: str) -> Any:
    """`deepseek_kb.cli.app`: the whole app, every command registered (tests, docs)."""
    if name == "app":
        return load_commands()
    raise AttributeError(name)


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
        code = report(Terminal(resolve()), failure)
    except OutputClosed:
        code = ExitCode.OK
        _silence_stdout()
    except _Interrupted:
        Terminal(resolve()).error("interrupted")
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
        return load_commands()
    words = iter(argv)
    for word in words:
        if word in _VALUED_OPTIONS:
            next(words, None)
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
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
