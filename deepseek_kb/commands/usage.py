"""Click's usage errors ("No such option", "Missing argument") in the reader's language.

Click words its messages through gettext, looking each up by its English text; while a run
parses its arguments, that lookup goes to the message catalogue (`messages.CLICK`) instead. A
usage error can come before `--lang` is read, so the language is taken from the arguments
themselves, then from DSKB_LANG and the locale.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache

import click.core
import click.exceptions
import click.parser
import click.types

from deepseek_kb.messages import click_text
from deepseek_kb.settings import LANGS, default_lang

# The modules of Click that word a usage error, each holding its own `_` and `ngettext`.
_WORDING = (click.core, click.exceptions, click.parser, click.types)


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

    saved = [(module, module._, module.ngettext) for module in _WORDING]
    for module in _WORDING:
        module._ = gettext  # type: ignore[attr-defined]
        module.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module, underscore, plural in saved:
            module._ = underscore  # type: ignore[attr-defined]
            module.ngettext = plural  # type: ignore[attr-defined]
