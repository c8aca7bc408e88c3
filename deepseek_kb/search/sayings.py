"""A quote as it circulates, set against the quotes the KB holds: who it is attributed to, the
nearest stored words (the article's Chinese or the KB's English translation), and what differs.

Words are compared as tokens: a Latin word is one token, a Chinese character another, and
punctuation, spacing and case do not count. A claim is verbatim when its tokens run unbroken
inside a stored quote (a sentence of a longer quote is verbatim too); otherwise it is as near as
the share of its tokens found, in order, in runs of two or more.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.named import has

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"(?<=[。！？；])|(?<=[.!?;])(?=\s|$)")
_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"|「([^」]+)」|『([^』]+)』")
# Single quotes too, when they stand apart from the words around them (not the apostrophes of
# "DeepSeek's"): a question quotes as loosely as it is typed.
_QUOTED_LOOSELY = re.compile(_QUOTED.pattern + r"|(?:^|(?<=\s))'([^']+)'(?=[\s,.?!，。？]|$)")
# Words that introduce what someone said, after their name.
_SAID = re.compile(
    r"^\s*(?:(?:once |has |had )?(?:said|says|stated|wrote|remarked|told \w+|put it)"
    r"(?: that)?|曾?说(?:过|道)?|表示|称|认为|指出|:|：|,|，)+\s*",
    re.I,
)
# A claim this short (in tokens) is too short to be anyone's quote.
SHORTEST = 4


class Said(NamedTuple):
    """A claim read as a quote: the people it names as saying it, and the words said."""

    speakers: tuple[str, ...]
    words: str


class Change(NamedTuple):
    """One difference between the stored words and the claim's: what is stored, what is
    claimed (either empty for an omission or an addition)."""

    stored: str
    claimed: str


class Nearest(NamedTuple):
    """The stored quote nearest a claim: the record, the language matched, the share of the
    claim's tokens found in it, whether the claim runs verbatim inside it, and the changes."""

    quote: Row
    lang: str
    similarity: float
    verbatim: bool
    changes: tuple[Change, ...]


def tokens(text: str) -> list[str]:
    """Latin words and Chinese characters, case and width folded, punctuation dropped."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold().replace("’", "'"))


def quoted_parts(text: str, loosely: bool = False) -> list[str]:
    """The words the text quotes, each quoted part on its own; `loosely`: in single quotes too."""
    pattern = _QUOTED_LOOSELY if loosely else _QUOTED
    return [next(g for g in m.groups() if g) for m in pattern.finditer(text)]


def attribution(index: Index, claim: str) -> Said:
    """Who the claim says spoke (people of the KB named outside the quoted words) and the
    words themselves (the quoted part, else what follows 'X said')."""
    quoted = quoted_parts(claim)
    outside = _QUOTED.sub(" ", claim) if quoted else claim
    norm = normalize(outside)
    speakers: list[str] = []
    spans: list[str] = []
    for entry in index.names("person"):
        name = normalize(entry.name)
        if len(name) >= 2 and has(norm, name) and entry.id not in speakers:
            speakers.append(entry.id)
            spans.append(entry.name)
    if quoted:
        return Said(tuple(speakers), max(quoted, key=len))
    words = claim
    for name in sorted(spans, key=len, reverse=True):
        at = words.casefold().find(name.casefold())
        if at != -1 and at <= 2:
            words = _SAID.sub("", words[at + len(name) :], count=1)
            break
    return Said(tuple(speakers), words.strip())


def nearest(quotes: Sequence[Row], words: str) -> Nearest | None:
    """The stored quote (in either language) whose words are nearest the claim's."""
    claimed = tokens(words)
    if len(claimed) < SHORTEST:
        return None
    best: Nearest | None = None
    for quote in quotes:
        for lang in ("zh", "en"):
            stored, ends = sentences(str(quote["text"][lang]))
            found = _compare(quote, lang, claimed, stored, ends)
            if best is None or (found.verbatim, found.similarity) > (
                best.verbatim,
                best.similarity,
            ):
                best = found
    return best


def sentences(text: str) -> tuple[list[str], list[int]]:
    """The tokens of a text, and where each of its sentences ends (a token index)."""
    words: list[str] = []
    ends: list[int] = []
    for sentence in _SENTENCE_END.split(text):
        words.extend(tokens(sentence))
        ends.append(len(words))
    return words, ends


def _compare(
    quote: Row, lang: str, claimed: list[str], stored: list[str], ends: list[int]
) -> Nearest:
    matcher = SequenceMatcher(None, claimed, stored, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 2]
    matched = sum(b.size for b in blocks)
    share = matched / len(claimed)
    if blocks:
        span = blocks[-1].b + blocks[-1].size - blocks[0].b
        share = min(share, matched / span)
    verbatim = any(b.size == len(claimed) for b in blocks)
    changes: tuple[Change, ...] = ()
    if blocks and not verbatim:
        # The stored words the claim spans, reaching to the sentence's start or end where the
        # claim goes on past the matched runs (so "comes with waste" → "wasteful" is one change).
        first, last = blocks[0], blocks[-1]
        start, end = first.b, last.b + last.size
        if first.a:
            start = max((e for e in [0, *ends] if e <= start), default=0)
        if last.a + last.size < len(claimed):
            end = min((e for e in ends if e >= end), default=len(stored))
        changes = _changes(stored[start:end], claimed)
    return Nearest(quote, lang, round(share, 3), verbatim, changes)


def _changes(stored: list[str], claimed: list[str]) -> tuple[Change, ...]:
    """What differs between the stored words and the claim's, word by word (or character by
    character in Chinese)."""
    matcher = SequenceMatcher(None, stored, claimed, autojunk=False)
    return tuple(
        Change(join(stored[s1:s2]), join(claimed[c1:c2]))
        for op, s1, s2, c1, c2 in matcher.get_opcodes()
        if op != "equal"
    )


def join(words: Sequence[str]) -> str:
    """Tokens back into text: a space only between two Latin words."""
    out = ""
    for word in words:
        if out and out[-1].isascii() and word[0].isascii():
            out += " "
        out += word
    return out
