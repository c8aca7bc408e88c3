"""Click's usage errors ("No such option", "Missing argument") and help in the reader's language.

Click (and Typer) word their messages through gettext, looking each up by its English text;
while a run parses its arguments, that lookup goes to the message catalogue (`messages.CLICK`)
instead. A usage error or `--help` can come before `--lang` is read, so the language is taken
from the arguments themselves, then from DSKB_LANG and the locale; `help_lang` tells the help
pages (`commands.groups`) which it is.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types
import typer.core

from deepseek_kb.messages.click import click_text
from deepseek_kb.settings import LANGS, default_lang

# The modules of Click and Typer that word a usage error or a help page, each holding its own
# `_` (and, some, `ngettext`).
_WORDING = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.types,
    typer.core,
)
# The language of the run being parsed, asked only when something is said.
_SPEAKING: ContextVar[Callable[[], str]] = ContextVar("speaking")


def help_lang() -> str:
    """The language help is printed in: the run's (zh, en, both); en outside a run."""
    lang = _SPEAKING.get(None)
    return lang() if lang is not None else "en"


def lang_of(argv: Sequence[str]) -> str:
    """The language a run asks for: its last valid --lang, else DSKB_LANG and the locale."""
    chosen = None
    for at, word in enumerate(argv):
        if word == "--":
            break
        value = argv[at + 1] if word == "--lang" and at + 1 < len(argv) else None
        if word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGS:
            chosen = value
    return chosen or default_lang(os.environ)


@contextmanager
def click_speaks(argv: Sequence[str]) -> Iterator[None]:
    """While parsing, Click's messages in the run's language (decided only if one is said)."""
    lang = cache(lambda: lang_of(argv))

    def gettext(message: str) -> str:
        return click_text(message, lang())

    def ngettext(singular: str, plural: str, count: int) -> str:
        return click_text(singular if count == 1 else plural, lang())

    saved = [(module, module._, getattr(module, "ngettext", None)) for module in _WORDING]
    for module in _WORDING:
        module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    speaking = _SPEAKING.set(lang)
    try:
        yield
    finally:
        _SPEAKING.reset(speaking)
        for module, underscore, plural in saved:
            module._ = underscore  # type: ignore[attr-defined]
            if plural is not None:
                module.ngettext = plural  # type: ignore[attr-defined]
