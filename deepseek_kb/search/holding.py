"""Whether a passage holds a word of a question: a pair of Chinese characters as it is, a number
as a whole number, a Latin word by its stem, any word by a word that stands for it (`alike.py`:
硬盘 ~ 磁盘, 拉长 ~ 扩展; 主导 ~ lead, by its stem and a short ending), and what share of a whole
is asked by a percentage."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from deepseek_kb.analysis.text import stem
from deepseek_kb.search.alike import alike


def held_count(words: Sequence[str], text: str) -> int:
    """How many of the words the passage holds, a word said again counted again but looked for
    once (贵不贵 typed a hundred times is a hundred words, and one search)."""
    return sum(n for word, n in Counter(words).items() if holds(word, text))


def holds(word: str, text: str) -> bool:
    """Whether the passage holds a word of the question: a Chinese pair as it is, a number as a
    whole number, a Latin word as the start of a word, by its stem (hires ~ hired), a long one
    nearly whole (ProverBench is not Prover-V2)."""
    if word.isdigit():
        return re.search(rf"(?<![\w.]){word}(?![\w]|\.\d)", text) is not None
    if word in _SHARES and _PERCENT.search(text):
        return True  # what share: a percentage says it (87% code)
    if not word.isascii():
        # A Latin word standing for a Chinese one is held closely: 主导 is "lead", not the
        # start of "leaderboard".
        return any(word_in(w, text) if w.isascii() else w in text for w in alike(word))
    return any(_holds_one(w, text) for w in alike(word))


def word_in(word: str, text: str) -> bool:
    """A Latin word held by its stem and a short ending at most (hires ~ hired; net is not
    network, lead is not leaderboard)."""
    root = _pattern(stem(word))
    return re.search(rf"(?<![a-z0-9]){root}[a-z']{{0,3}}(?![a-z])", text) is not None


# The words that ask what share of a whole something is, and how a share is written.
_SHARES = frozenset(
    ["比例", "占比", "比重", "fraction", "share", "proportion", "percentage", "percent"]
)
_PERCENT = re.compile(r"\d\s?%|百分之")


def holds_pair(word: str, text: str) -> bool:
    """Whether the passage holds a word of Chinese characters nothing else explains: as it is or
    by one that stands for it (硬盘 ~ 磁盘), a share by a percentage."""
    return holds(word, text)


def _holds_one(word: str, text: str) -> bool:
    if not word.isascii():
        return word in text
    root = stem(word)
    root = root if len(root) <= 8 else root[:-2]
    return re.search(rf"(?<![a-z0-9]){_pattern(root)}", text) is not None


def _pattern(root: str) -> str:
    """A stem as a pattern: one ending in y also as it is spelled before -es and -ed (company ~
    companies, library ~ libraries)."""
    return (
        re.escape(root[:-1]) + "[yi]" if root.endswith("y") and len(root) > 3 else re.escape(root)
    )
