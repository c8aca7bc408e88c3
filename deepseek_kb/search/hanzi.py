"""Chinese typed as pinyin in a question, read as the Chinese it stands for: "huanfang 是做什么的"
is 幻方是做什么的, "yinghuo erhao gpu count" 萤火二号 gpu count, "touzi duoshao" 投资 多少.

A run of one to three Latin words that the sources never use in English is read as the one
name whose pinyin it is (joined: yinghuo erhao -> yinghuoerhao -> 萤火二号); failing that, one
such word alone as the one two-character word of the sources with that pinyin (touzi -> 投资).
A reading shared by several words (shi: 是, 事, 时 …) is no reading, and a word of the sources
("long", "fang") stays as it is typed.

A pair of Chinese characters that no text of the sources holds (理集 of 推理集群, across two
words) is no word a passage must hold (`read_words`).
"""

from __future__ import annotations

import re

from deepseek_kb.analysis.text import stem
from deepseek_kb.index.store import Index

# Pinyin of a word this short is too often an English word or one of many Chinese ones.
SHORTEST = 4
# The most words a name's pinyin is typed in ("liang wen feng").
LONGEST = 3


def read_pinyin(index: Index, norm: str) -> str:
    """The question with each run of pinyin replaced by the Chinese it reads as (pinyin typed
    against Chinese, "huanfang是做什么的", too)."""
    words = _GLUED.sub(" ", norm).split()
    latin = [w.isascii() and w.isalpha() and len(w) >= 2 for w in words]
    if not any(latin):
        return norm
    unknown = unknown_words(index, {w for w, ok in zip(words, latin, strict=True) if ok})
    out: list[str] = []
    at = 0
    while at < len(words):
        taken = _reading(index, words, at, unknown)
        if taken is None:
            out.append(words[at])
            at += 1
        else:
            han, size = taken
            out.append(han)
            at += size
    return _joined(out) if out != words else norm


def _joined(words: list[str]) -> str:
    """The words with a space between them, none between two Chinese ones: "yinghuo 一号" reads
    as 萤火一号, one name."""
    text = words[0] if words else ""
    for word in words[1:]:
        glued = _HAN.match(text[-1:]) and _HAN.match(word[:1])
        text += word if glued else f" {word}"
    return text


_HAN = re.compile(r"[\u4e00-\u9fff]")


# Where Latin letters and Chinese characters meet inside one word.
_GLUED = re.compile(r"(?<=[a-z])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[a-z])")


def _reading(index: Index, words: list[str], at: int, unknown: set[str]) -> tuple[str, int] | None:
    """The Chinese of the longest run of pinyin starting at `at`, and how many words it takes."""
    for size in range(min(LONGEST, len(words) - at), 0, -1):
        run = words[at : at + size]
        key = "".join(run)
        if len(key) < SHORTEST or not all(w in unknown for w in run):
            continue
        found = _word_for(index, key, ("name",) if size > 1 else ("name", "piece"))
        if found is not None:
            return found, size
    return None


def _word_for(index: Index, key: str, kinds: tuple[str, ...]) -> str | None:
    """The one Chinese word (or the name all the others hold: 深度求索 in 深度求索 V3) whose
    pinyin is the key, of the first kind that has any; none when they differ."""
    for kind in kinds:
        found = {
            str(row[0])
            for row in index.query(
                "SELECT word FROM pinyin WHERE key = ? AND kind = ? LIMIT 8", (key, kind)
            )
        }
        if found:
            shortest = min(found, key=lambda word: (len(word), word))
            return shortest if all(shortest in f for f in found) else None
    return None


def unknown_words(index: Index, words: set[str]) -> set[str]:
    """The words the sources never use, as typed or by their stem (the index keeps "node", and
    "yangq" of Jia Yangqing)."""
    if not words:
        return words
    forms = tuple(sorted(words | {stem(w) for w in words}))
    marks = ",".join("?" * len(forms))
    used = {r[0] for r in index.query(f"SELECT term FROM vocab WHERE term IN ({marks})", forms)}
    return {w for w in words if w not in used and stem(w) not in used}


def read_words(index: Index, words: list[str]) -> list[str]:
    """The words, without the pairs of Chinese characters no text of the sources holds (理集 of
    推理集群, across two words) when three words or more are left to say enough."""
    pairs = tuple(sorted({w for w in words if len(w) == 2 and not w.isascii()}))
    if not pairs:
        return words
    marks = ",".join("?" * len(pairs))
    held = index.query(f"SELECT word FROM pinyin WHERE kind = 'piece' AND word IN ({marks})", pairs)
    unread = set(pairs) - {str(row[0]) for row in held}
    read = [w for w in words if w not in unread]
    return read if len(read) >= _ENOUGH else words


# The fewest words that say enough without the pairs no text holds.
_ENOUGH = 3
