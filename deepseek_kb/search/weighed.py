"""Passages weighed by the question's words they hold, each word by how rare it is among them:
the last answer before none, for questions worded unlike their answer ("幻方被叫做什么四大天王",
"Coder-V2 能看懂多少种 programming languages", "what did liang say abt VCs n research").

A word every passage holds says nothing of which is meant; one few hold says much; one none
holds, nothing. A Latin word is held by its stem and a short ending at most ("hires" ~
"hired", but "net" is not "network"), a Chinese pair as it is, any word by the words that stand
for it (`alike.py`). The best passage answers only when it holds the share of the words asked,
a third of their weight, and weighs half as much again as the next: two alike, neither.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeVar

from deepseek_kb.index.store import Index
from deepseek_kb.search.alike import alike
from deepseek_kb.search.answered import Answer, NotStated
from deepseek_kb.search.holding import holds, word_in
from deepseek_kb.search.leftover import content, leftover, untyped
from deepseek_kb.search.named import Hit
from deepseek_kb.search.passage import Passage, answered_by
from deepseek_kb.search.passages import fits, passages_of, speakers_of, spoken, tags_of
from deepseek_kb.search.question import Question

# The best passage's weight over the next one's, at least: a clear winner, not a coin toss.
MARGIN = 1.5
# The share of the question's words (by weight, and how many) the best must hold at least.
ENOUGH = 0.33
# The share of its words a passage of the thing or the hits must hold (a person's quotes and
# lines of life, fewer and all theirs, need a third).
RANKED = 0.67


class Weighed(NamedTuple):
    """A passage and how much of the question it speaks of (by weight, and how many)."""

    weight: float
    held: int
    passage: Passage


def best_of(
    passages: list[Passage], words: Sequence[str], tags: dict[str, list[str]], share: float
) -> Passage | None:
    """The one passage that speaks of the question's words clearly more than any other,
    holding this share of them at least; none when none does or two do alike."""
    ranked, total = weigh(passages, words, tags)
    if not ranked or not words:
        return None
    best = ranked[0]
    least = max(min(2, len(words)), share * len(words))
    if total <= 0 or best.weight < ENOUGH * total or best.held < least:
        return None
    runner = ranked[1].weight if len(ranked) > 1 else 0.0
    return best.passage if best.weight >= MARGIN * runner else None


def weigh(
    passages: list[Passage], words: Sequence[str], tags: dict[str, list[str]]
) -> tuple[list[Weighed], float]:
    """The passages by how much of the question they speak of, the most first, and what all
    the question's words weigh. A word weighs more the rarer it is among the passages (a word
    every one holds says nothing of which is meant; one none holds, nothing at all)."""
    ranked, rarity = ranked_by(passages, [spoken(p, tags) for p in passages], words, held)
    return [Weighed(*r) for r in ranked], sum(rarity.values())


Word = TypeVar("Word")
Item = TypeVar("Item")


def ranked_by(
    items: Sequence[Item],
    texts: Sequence[str],
    words: Sequence[Word],
    holds_it: Callable[[Word, str], bool],
) -> tuple[list[tuple[float, int, Item]], dict[Word, float]]:
    """The items by the weight of the question's words their texts hold (and how many), the
    most first, and what each word weighs (`rarities`)."""
    rarity = rarities(words, texts, holds_it)
    ranked = []
    for item, text in zip(items, texts, strict=True):
        held_words = [w for w in words if holds_it(w, text)]
        ranked.append((sum(rarity[w] for w in held_words), len(held_words), item))
    return sorted(ranked, key=lambda r: -r[0]), rarity


def rarities(
    words: Sequence[Word], texts: Sequence[str], holds_it: Callable[[Word, str], bool]
) -> dict[Word, float]:
    """What each word of the question weighs among the texts it may be found in: the fewer
    hold it, the more (log (n + 1) / (count + 1/2)); a word none holds weighs nothing."""
    rarity: dict[Word, float] = {}
    for word in words:
        count = sum(holds_it(word, text) for text in texts)
        rarity[word] = math.log((len(texts) + 1) / (count + 0.5)) if count else 0.0
    return rarity


def held(word: str, text: str) -> bool:
    """Whether a passage holds a word of the question: as `holding.holds` does, but a Latin
    word by its stem and a short ending at most (hires ~ hired; net is not network)."""
    if not word.isascii() or word.isdigit():
        return holds(word, text)
    return any(word_in(alike_word, text) for alike_word in alike(word))


def ranked_answer(
    index: Index, question: Question, hits: Sequence[Hit]
) -> Answer | NotStated | None:
    """The one passage of the thing, of the records about it or of the hits (when it is the
    company, a topic or nothing named) that holds two in three of the question's words, the
    words nothing else explains among them, and outweighs any other; none when two are alike."""
    if "name" in question.cues and "quantity" in question.cues:
        return None
    tags = tags_of(index)
    speakers = speakers_of(question)
    # Of the kind of value asked (a number for "how many"), each text once: the same sentence
    # on four distilled models is one passage, not four alike.
    found: dict[str, Passage] = {}
    for passage in passages_of(index, question, hits):
        said = [str(passage.text["zh"]), str(passage.text["en"])]
        if passage.about and fits(question, passage, said, speakers):
            found.setdefault(said[1], passage)
    rest = untyped(question.rest)  # "which journal": the answer names one, not the word
    best = best_of(list(found.values()), sorted(set(content(rest))), tags, RANKED)
    if best is None or not _explains(leftover(rest), spoken(best, tags)):
        return None
    return answered_by(index, question, best)


def _explains(needed: list[str], text: str) -> bool:
    """Whether the passage holds the words nothing else explains, all but one in three."""
    return sum(not held(w, text) for w in needed) <= len(needed) // 3
