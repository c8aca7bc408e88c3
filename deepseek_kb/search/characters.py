"""Passages weighed by the characters of a Chinese question, when its pairs of characters miss
the words of the sources: "ds 赚不赚钱，利润有吗" (DeepSeek 有利润), "DeepSeek 被冠以什么之称"
(被迅速冠以“AI界拼多多”之称).

A Chinese question's words are cut by the characters that say nothing (过 of 融过资, 不 of 赚不赚钱),
and its pairs then match nothing. Read by the character instead (`labelled.terms_of`), each
weighing more the rarer it is among the passages of the thing, of the records about it and of the
hits (`passages.passages_of`): the passage of a fact, a term, a project or an organisation holding
three in four of them, by weight and by count (three at least), and weighing half as much again
as the best passage of any other record answers, when it holds the kind of value asked, every
Latin word and every number of the question (Kimi is no DeepSeek). Two alike, neither.
"""

from __future__ import annotations

from collections.abc import Sequence

from deepseek_kb.index.store import Index
from deepseek_kb.search.answered import Answer, NotStated
from deepseek_kb.search.labelled import NUMERALS, Term, asked_words, holds_term, terms_of
from deepseek_kb.search.named import Hit
from deepseek_kb.search.passage import Passage, answered_by
from deepseek_kb.search.passages import fits, passages_of, spoken, tags_of
from deepseek_kb.search.question import Question
from deepseek_kb.search.weighed import ranked_by

# The kinds of record whose passages are read by the character.
KINDS = ("fact", "term", "project", "organization")
# The share of the question's characters (by weight, and how many) the best must hold: as
# `passages.SHARE`, since characters match more readily than words.
SHARE = 0.75
# The fewest the best must hold.
LEAST = 3
# The best passage's weight over that of the next record's best, at least.
MARGIN = 1.5


def character_answer(
    index: Index, question: Question, hits: Sequence[Hit]
) -> Answer | NotStated | None:
    """The one passage that holds most of a Chinese question's characters, clearly more than
    any other record's; none when two are alike."""
    terms = terms_of(asked_words(question))
    if not any(not t.word.isascii() for t in terms) or "name" in question.cues:
        return None
    tags = tags_of(index)
    passages = [p for p in passages_of(index, question, hits) if p.about and p.kind in KINDS]
    ranked, rarity = ranked_by(passages, [spoken(p, tags) for p in passages], terms, holds_term)
    best = _clear(ranked, rarity)
    if best is None or not _fits(question, best) or not _names_held(terms, spoken(best, tags)):
        return None
    return answered_by(index, question, best)


def _clear(ranked: list[tuple[float, int, Passage]], rarity: dict[Term, float]) -> Passage | None:
    """The best passage, when it holds enough of the question and clearly outweighs the best
    of any other record."""
    if not ranked:
        return None
    weight, count, best = ranked[0]
    if weight < SHARE * sum(rarity.values()) or count < max(LEAST, SHARE * len(rarity)):
        return None
    runner = next((w for w, _, p in ranked[1:] if p.record["id"] != best.record["id"]), 0.0)
    return best if weight >= MARGIN * runner else None


def _names_held(terms: list[Term], text: str) -> bool:
    """Whether the passage holds every Latin word and number of the question, which name which
    thing is meant: Kimi is no DeepSeek."""
    return all(holds_term(t, text) for t in terms if t.word.isascii() or t.word in NUMERALS)


def _fits(question: Question, found: Passage) -> bool:
    said = [str(found.text["zh"]), str(found.text["en"])]
    return fits(question, found, said, None)
