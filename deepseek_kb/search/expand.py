"""A query's terms and the variants each is looked up by: itself, typo fixes, pinyin readings."""

from __future__ import annotations

from typing import NamedTuple

from deepseek_kb.analysis.text import han_pieces, has_han, stem
from deepseek_kb.index.store import Index

TYPO_PENALTY = 0.85
PINYIN_PENALTY = 0.8
SPLIT_PENALTY = 0.95
COMMON_SHARE = 0.1


class Variant:
    """One way a query term may appear: itself, a corrected typo, or Han words for its pinyin.

    Equal by its text, weight and how, like the frozen dataclass it was (a plain class: that
    took most of a millisecond of every search to define)."""

    __slots__ = ("how", "pieces", "text", "weight")

    def __init__(self, text: str, weight: float, how: str) -> None:
        self.text = text
        self.weight = weight
        self.how = how
        # Han text: its two-character pieces, worked out once per query rather than per field.
        self.pieces = frozenset(han_pieces(text)) if has_han(text) else frozenset()

    def _key(self) -> tuple[str, float, str]:
        return (self.text, self.weight, self.how)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Variant) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Variant(text={self.text!r}, weight={self.weight!r}, how={self.how!r})"


class Term(NamedTuple):
    """A query term and the variants it is looked up by."""

    text: str
    variants: tuple[Variant, ...]
    weight: float = 1.0
    known: bool = True


def expand(index: Index, term: str, records: int) -> Term:
    """Add typo corrections and pinyin readings for a term the index does not know as it is.

    A word found in more than a tenth of all records ("deepseek") says little about which
    record is meant, so it counts half.
    """
    variants = [Variant(term, 1.0, "direct")]
    if has_han(term) or not term[:1].isalpha():
        return Term(term, tuple(variants))
    if 6 <= len(term) <= MAX_PINYIN:
        variants.extend(_split(index, term))
    known = index.query("SELECT df FROM vocab WHERE term = ?", (term,))
    if known:
        common = known[0][0] > COMMON_SHARE * records
        return Term(term, tuple(variants), 0.5 if common else 1.0)
    # An English word the index has never seen: a typo, pinyin, or a near miss of a name.
    readings = index.query("SELECT word, kind FROM pinyin WHERE key = ? LIMIT 20", (term,))
    for word, kind in readings:
        variants.append(Variant(word, PINYIN_PENALTY if kind != "initials" else 0.75, "pinyin"))
    if not readings and len(term) >= 5:
        variants.extend(Variant(w, PINYIN_PENALTY, "pinyin") for w in _pinyin_chains(index, term))
    if len(term) >= 4:
        variants.extend(_typos(index, term))
    return Term(term, tuple(variants), known=False)


def _known(index: Index, words: set[str]) -> set[str]:
    """Which of these words the index's vocabulary holds."""
    ordered = sorted(words)
    marks = ",".join("?" * len(ordered))
    return {
        row[0]
        for row in index.query(f"SELECT term FROM vocab WHERE term IN ({marks})", tuple(ordered))
    }


def _split(index: Index, term: str) -> list[Variant]:
    """A compound written as one word that the texts write as two: opensource -> open source."""
    cuts = [(term[:i], stem(term[i:])) for i in range(3, len(term) - 2)]
    known = _known(index, {w for cut in cuts for w in cut})
    return [
        Variant(f"{a} {b}", SPLIT_PENALTY, "split") for a, b in cuts if a in known and b in known
    ]


def spaced_pinyin(index: Index, phrase: str, records: int) -> Term | None:
    """`hu cheng he`, `liang wen feng`: pinyin typed a syllable or a word at a time, read as
    one run (huchenghe -> 护城河) when that run has a Chinese reading and some word of it is
    not an English word the index knows."""
    words = phrase.split()
    if not 2 <= len(words) <= 8 or not all(w.isascii() and w.isalpha() for w in words):
        return None
    joined = "".join(words)
    if len(joined) > MAX_PINYIN:
        return None
    known = _known(index, set(words))
    if all(w in known for w in words):
        return None
    term = expand(index, joined, records)
    return term if any(v.how == "pinyin" for v in term.variants) else None


# Pinyin runs longer than this are not read as pinyin (no name in the KB is that long).
MAX_PINYIN = 48


def _pinyin_chains(index: Index, term: str, limit: int = 8) -> list[str]:
    """Han words for pinyin of three or more syllables: huchenghe -> 护城 + 城河 -> 护城河."""
    if len(term) > MAX_PINYIN:
        return []
    syllables = {
        row[0] for row in index.query("SELECT DISTINCT key FROM pinyin WHERE kind = 'char'")
    }
    words: list[str] = []
    for parts in segment(term, syllables, 4):
        if len(parts) < 3:
            continue
        options = [
            [
                row[0]
                for row in index.query(
                    "SELECT word FROM pinyin WHERE key = ? AND kind = 'piece' LIMIT 12",
                    (parts[i] + parts[i + 1],),
                )
            ]
            for i in range(len(parts) - 1)
        ]
        chains = options[0]
        for pieces in options[1:]:
            chains = [c + p[1] for c in chains for p in pieces if c[-1] == p[0]][:limit]
        words.extend(chains)
    return list(dict.fromkeys(words))[:limit]


def segment(text: str, syllables: set[str], limit: int) -> list[list[str]]:
    """Up to `limit` ways to cut a run of letters into known syllables, longest syllables first.

    Which suffixes can be cut at all is worked out first (dynamic programming, right to left),
    so the search below only enters cuts that complete: its work is bounded by limit × length,
    and a run that cannot be cut costs one pass, however long.
    """
    n = len(text)
    completes = [False] * n + [True]
    for start in range(n - 1, -1, -1):
        completes[start] = any(
            completes[start + size] and text[start : start + size] in syllables
            for size in range(1, min(6, n - start) + 1)
        )
    found: list[list[str]] = []
    stack: list[tuple[int, list[str]]] = [(0, [])] if completes[0] else []
    while stack and len(found) < limit:
        start, parts = stack.pop()
        if start == n:
            found.append(parts)
            continue
        for size in range(1, min(6, n - start) + 1):  # pushed shortest first: longest pops first
            head = text[start : start + size]
            if completes[start + size] and head in syllables:
                stack.append((start + size, [*parts, head]))
    return found


def _typos(index: Index, term: str) -> list[Variant]:
    from rapidfuzz import fuzz, process

    first = term[0]
    vocab = [
        row[0]
        for row in index.query(
            "SELECT term FROM vocab WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?",
            (first, chr(ord(first) + 1), len(term) - 2, len(term) + 2),
        )
    ]
    found = process.extract(term, vocab, scorer=fuzz.ratio, score_cutoff=80, limit=3)
    return [Variant(word, TYPO_PENALTY * score / 100, "typo") for word, score, _ in found]
