"""Progress of long work (an index build, an export), reported without knowing who shows it.

The work calls a `Report` now and then; the terminal module decides whether anyone sees it (a
progress bar on stderr when stderr is a terminal and the work has lasted a second).
"""

from __future__ import annotations

from collections.abc import Callable

# What is being done, how much of it is done, of how much (0: not known).
Report = Callable[[str, int, int], None]


def quiet(what: str, done: int, total: int) -> None:
    """Report nothing: scripts, pipes and tests."""
