"""A question's words spelt as the fields and the sources are: "paramters" is parameters,
"lisence" licence, "hirng" hiring.

Only a word the sources never use is put right: to the one word asking for a field that is a
letter off and starts with the same letter (five letters or more; two letters off for eight or
more), else to the one word of the sources a letter off (a word of the index's vocabulary, which
keeps stems, with the endings a stem takes: "hir" is hire, hires, hired, hiring). "trillion",
"nodes" and "Willison" are words of the sources and stay as typed.
"""

from __future__ import annotations

from deepseek_kb.analysis.text import stem
from deepseek_kb.index.store import Index
from deepseek_kb.search.alike import alike
from deepseek_kb.search.hanzi import unknown_words
from deepseek_kb.search.leftover import STOP
from deepseek_kb.search.question import field_words

# Words shorter than this are never put right: too many real words lie one letter apart.
SHORTEST = 5
# Words this long may be two letters off.
LONG = 8


def spelled(index: Index, rest: str) -> str:
    """The words of a question, each misspelt field word put right."""
    known = field_words()
    words = rest.split()
    odd = unknown_words(index, {w for w in words if _may_be_misspelt(w, known)})
    return " ".join(_put_right(index, w, known) if w in odd else w for w in words)


def _put_right(index: Index, word: str, known: frozenset[str]) -> str:
    """The field word, else the word of the sources, that the slip was meant as; none for a
    word of the same root as a word of the sources ("invented" beside "inventor" is no slip
    for "invested")."""
    if _kin(index, word):
        return word
    return _nearest(word, known) or _source_word(index, word) or word


# Letters a word must share with a word of the sources to be of its root.
_ROOT = 6


def _kin(index: Index, word: str) -> bool:
    """Whether words of the sources start as the word does and then go their own way
    ("inventor" for "invented"), none of them a letter off it ("criteria" for "criterai" is
    the word meant)."""
    from rapidfuzz.distance import DamerauLevenshtein

    if len(word) <= _ROOT:
        return False
    found = index.query(
        "SELECT term FROM vocab WHERE substr(term, 1, ?) = ?", (_ROOT, word[:_ROOT])
    )
    off = [DamerauLevenshtein.distance(w, term) for (term,) in found for w in (word, stem(word))]
    return bool(off) and min(off) > 1


# The endings a stem of the vocabulary is written with; the shortest stem put right to.
_ENDINGS = ("", "s", "es", "ed", "ing", "e", "er", "ers")
_STEM = 3


def _source_word(index: Index, word: str) -> str | None:
    """The one stem of the sources (with an ending it may take) a letter or two off the word,
    as written; none when the word is one of them or two stems are as near."""
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    stems = index.query(
        "SELECT term FROM vocab WHERE substr(term, 1, 1) = ? AND length(term) BETWEEN ? AND ?",
        (word[0], _STEM, len(word) + 2),
    )
    forms = {f: s for (s,) in stems for f in _inflected(s) if f.isalpha()}
    # A form the word begins or ends at is an inflection's trace ("splitt" of splitting for
    # "split"), not the word a slip was meant as.
    forms = {f: s for f, s in forms.items() if not (f.startswith(word) or word.startswith(f))}
    most = 2 if len(word) >= LONG else 1
    found = process.extract(
        word, list(forms), scorer=DamerauLevenshtein.distance, score_cutoff=most, limit=None
    )
    nearest = min((d for _, d, _ in found), default=0)
    meant = {forms[f] for f, d, _ in found if d == nearest}
    if nearest == 0 or len(meant) != 1:
        return None  # a word of the sources as typed ("hires" is hir + es), or no one word
    return str(next(f for f, d, _ in found if d == nearest))


def _inflected(stem: str) -> list[str]:
    """The forms a stem is written in, its last consonant doubled before an ending as English
    doubles it ("run": running, not "runing")."""
    forms = [stem + ending for ending in _ENDINGS]
    if stem[-1:] not in _VOWELS and stem[-2:-1] in _VOWELS:
        forms += [stem + stem[-1] + ending for ending in _DOUBLED]
    return forms


_VOWELS = frozenset("aeiou")
_DOUBLED = ("ing", "ed", "er", "ers")


def _may_be_misspelt(word: str, known: frozenset[str]) -> bool:
    """A Latin word long enough to hold a slip that is no field word, no function word and no
    word of the alike groups ("handle" is a word meant, not a slip for "hande")."""
    latin = len(word) >= SHORTEST and word.isascii() and word.isalpha()
    return latin and word not in known and word not in STOP and len(alike(word)) == 1


def _nearest(word: str, known: frozenset[str]) -> str | None:
    """The one field word a letter or two from the word; none when there are several."""
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    most = 2 if len(word) >= LONG else 1
    found = process.extract(
        word, known, scorer=DamerauLevenshtein.distance, score_cutoff=most, limit=3
    )
    found = [f for f in found if f[0][0] == word[0]]  # a slip of the hand keeps the first letter
    closest = [w for w, d, _ in found if d == min(d for _, d, _ in found)] if found else []
    return closest[0] if len(closest) == 1 else None
