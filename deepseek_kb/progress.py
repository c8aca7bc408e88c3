"""Progress of long work (an index build, an export), reported without knowing who shows it.

The work calls a `Report` now and then; the terminal module decides whether anyone sees it (a
progress bar on stderr when stderr is a terminal and the work has lasted a second).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum


class Stage(StrEnum):
    """A stage of long work, named by its id in the message catalogue (deepseek_kb.messages),
    where the progress bar finds its words in the reader's language."""

    reading = "stage.reading"
    indexing = "stage.indexing"
    pinyin = "stage.pinyin"
    collecting = "stage.collecting"
    writing = "stage.writing"


# What is being done, how much of it is done, of how much (0: not known).
Report = Callable[[Stage, int, int], None]


def quiet(what: Stage, done: int, total: int) -> None:
    """Report nothing: scripts, pipes and tests."""


# A remark for the person waiting (another process holds the index lock): said at once.
Note = Callable[[str], None]


def stderr_note(message: str) -> None:
    """A note on stderr, for callers without a terminal of their own."""
    print(f"note: {message}", file=sys.stderr, flush=True)
