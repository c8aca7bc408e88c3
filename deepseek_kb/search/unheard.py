"""A question about a thing the sources never speak of: "智谱有多少员工" asks another company's
head count, which DeepSeek's is not, and "MiniMax 有多少张 GPU" no cluster's GPUs.

Chinese puts what it asks about first, so the question's opening word is read: Latin letters,
or Chinese up to the first character that asks (有, 是, 的 …). It names an unknown thing when
the sources never use it (a Latin word of four letters or more), or, of its first eight
characters (a name is short), never hold the first pair nor half of the pairs or more; not when
it is a word that asks a field (员工 of "员工有多少"), nor when it is all the question says.
"""

from __future__ import annotations

import re

from deepseek_kb.index.store import Index
from deepseek_kb.search.hanzi import read_pinyin, unknown_words
from deepseek_kb.search.question import best_asked


def unheard(index: Index, norm: str) -> bool:
    """Whether the question opens with a name the sources never speak of."""
    text = read_pinyin(index, norm)
    opening = _OPENING.match(text)
    if opening is None or not text[opening.end() :].strip():
        return False
    word = opening.group()
    if best_asked(word, frozenset())[1]:
        return False  # a word that asks a field (员工), not a name
    if word.isascii():
        return len(word) >= _SHORTEST and bool(unknown_words(index, {word}))
    word = word[:_LONGEST]  # a name is short: what runs on is the rest of the question
    pairs = {word[at : at + 2] for at in range(len(word) - 1)}
    if not pairs or _used(index, word[:2]):
        return False  # it starts as the sources' words do: 中国一共几家 names no one new
    unused = [pair for pair in pairs if not _used(index, pair)]
    return len(unused) * 2 >= len(pairs)


def _used(index: Index, pair: str) -> bool:
    """Whether any record's text holds the pair of characters."""
    found = index.query("SELECT 1 FROM records WHERE instr(json, ?) > 0 LIMIT 1", (pair,))
    return bool(list(found))


# The question's first word: Latin letters, or Chinese up to the first character that asks.
_OPENING = re.compile(
    r"[a-z]+(?![a-z0-9])|[\u4e00-\u9fff]+?(?=[有是的在用什多几哪谁吗呢]|[^\u4e00-\u9fff]|$)"
)
# A Latin word this short is too often an abbreviation (ds, os) to tell a name.
_SHORTEST = 4
# The most Chinese characters of the opening read as a name (月之暗面手上: six).
_LONGEST = 8
