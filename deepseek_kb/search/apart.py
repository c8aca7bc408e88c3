"""Chinese typed without spaces, set apart where no source joins two characters: "梁文锋说创新是
贵还是便宜" is read as 说 创新, "挑人最看重什么" as 挑人 最 看重, "喂了多少数据训练的" as 数据 训练.

A question's Chinese is compared with the sources two characters at a time. A pair that straddles
two words (说创 of 说创新, 人最 of 挑人最看重) is held by no source, so no answer could ever account
for it, and it would stand in the way of the one that speaks of everything else. A pair no source
holds is cut where it touches a pair that is a word: one the sources hold, or one inside a phrase
the answering code knows (the words asking for a field, the alike words, the cues). A pair no
source holds among others alike (博士, 出生 where no source speaks of them) stays whole: that is a
word the sources lack, and what tells that nothing answers.
"""

from __future__ import annotations

import re
from functools import cache

from deepseek_kb.analysis.text import fts_literal, spaced
from deepseek_kb.asking import CUES
from deepseek_kb.index.store import Index
from deepseek_kb.search.alike import han_words
from deepseek_kb.search.leftover import STOP_HAN
from deepseek_kb.search.question import vocabulary

_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")


def apart(index: Index, rest: str) -> str:
    """The question's words, a Latin word set apart from the Chinese it touches (对kpi啥态度), and
    each run of Chinese characters set apart at the pairs that straddle two words."""
    return _RUN.sub(lambda run: _cut(index, run.group()), spaced(rest))


def _cut(index: Index, run: str) -> str:
    pairs = [run[i : i + 2] for i in range(len(run) - 1)]
    worded = _worded(run)
    # A pair with a function character (生的, 的博) is no word: the character parts them anyway.
    # Nor is one counted or asked (第二代, 一万张, 哪本期刊): a numeral or a question character
    # is bound to the word after it.
    said = [not (set(pair) & STOP_HAN) and pair[0] not in _BOUND for pair in pairs]
    known = [said[i] and (worded[i] or _held(index, pair)) for i, pair in enumerate(pairs)]
    cut = [said[i] and not known[i] and _touches(known, i) for i in range(len(pairs))]
    return "".join(ch + (" " if i < len(cut) and cut[i] else "") for i, ch in enumerate(run))


def _touches(known: list[bool], at: int) -> bool:
    """Whether the pair at `at` shares a character with a pair that is a word."""
    return (at > 0 and known[at - 1]) or (at + 1 < len(known) and known[at + 1])


def _worded(run: str) -> list[bool]:
    """For each pair of the run, whether it lies inside a phrase the answering code knows."""
    inside = [False] * (len(run) - 1)
    for phrase in _phrases():
        start = run.find(phrase)
        while start != -1:
            for i in range(start, start + len(phrase) - 1):
                inside[i] = True
            start = run.find(phrase, start + 1)
    return inside


@cache
def _phrases() -> tuple[str, ...]:
    """The Chinese phrases of two characters or more that ask for a field, stand for each other
    or cue a kind of value."""
    words = [w for asking in vocabulary().values() for w in (*asking.words, *asking.unless)]
    words += [*han_words(), *(w for cue in CUES.values() for w in cue)]
    return tuple(sorted({w for w in words if len(w) >= 2 and _RUN_OF_TWO.fullmatch(w)}))


_BOUND = frozenset("第一二两三四五六七八九十百千万亿几哪多每各本")
_RUN_OF_TWO = re.compile(r"[\u4e00-\u9fff]{2,}")


def _held(index: Index, pair: str) -> bool:
    """Whether any source's text holds the pair."""
    found = index.query("SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1", (fts_literal(pair),))
    return bool(found)
