"""What someone said, found by what it speaks of: "梁文锋觉得新人进来以后该怎么带", "what did
liang say about VCs and research", "贾扬清怎么评价 DeepSeek 团队", "who compared Chinese LLMs to
drones".

A question that names a person and asks no field of theirs is answered by one of their quotes;
one that asks who said something, by the speaker of a quote. Each quote is weighed by the
question's words it speaks of (in its words, the question it answers, the names of the topics it
is filed under), each word counted by how rare it is among the quotes weighed (a word every
quote holds says nothing). The best quote answers when it speaks of a third of the question's
words at least, and clearly more than the next (of another speaker, when the speaker is asked):
when two speak of it about equally, neither is asserted. A quote answering a question about a
thing (a model) names it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import NamedTuple

from deepseek_kb.analysis.text import normalize, stem
from deepseek_kb.index.store import Index
from deepseek_kb.search.alike import alike
from deepseek_kb.search.answerables import COMPANY
from deepseek_kb.search.answered import Answer, NotStated
from deepseek_kb.search.leftover import content
from deepseek_kb.search.passages import (
    _NUMBER,
    _YEAR,
    Passage,
    answered_by,
    holds,
    names_it,
    tags_of,
)
from deepseek_kb.search.question import CLEAR, Question, best_asked

# The best quote's weight over the next one's, at least: a clear winner, not a coin toss.
MARGIN = 1.5
# The share of the question's words (by weight, and how many) the best quote must speak of.
ENOUGH = 0.33
# The share of its words a question asking who said them must find in the quote.
QUOTED = 0.5
# The share when it asks who did or told something rather than who said it.
ALL_QUOTED = 0.75


class Weighed(NamedTuple):
    """A passage and how much of the question it speaks of (by weight, and how many)."""

    weight: float
    held: int
    passage: Passage


def said_answer(index: Index, question: Question) -> Answer | NotStated | None:
    """What a person named said of what the question speaks of (or a line of their life that
    does), or who said the words it quotes; none unless one passage clearly speaks of it most."""
    people = _people(question)
    by_speaker = "name" in question.cues and not people
    if not (people or by_speaker) or _other_field(question):
        return None
    quotes = [q for q in index.records("quote") if not people or q.get("speaker") in people]
    passages = [Passage(q, "quote", "text", q["text"], q["sources"], 0) for q in quotes]
    if question.subject is not None and question.subject[0] == "person" and not by_speaker:
        person = question.subject[1]
        passages += [
            Passage(person, "person", f"bio[{n}]", line, person["sources"], 0)
            for n, line in enumerate(person.get("bio", []))
        ]
    # Who said words is asked by the words themselves, the names in them included.
    words = sorted(set(content(question.norm if by_speaker else question.rest)))
    found = quote_of(passages, words, tags_of(index), _share(question) if by_speaker else ENOUGH)
    if found is None or not _of_thing(question, found) or not _fits(question, found):
        return None
    return answered_by(index, question, found)


def _share(question: Question) -> float:
    """The share of its words a question asking who said them must find in one quote: half
    when it asks who said or whose words they are, else ("who told film directors …", where
    "who got A100 cards first" asks no speaker) nearly all."""
    said = best_asked(question.norm, question.cues, ("said", "speaker"))[1] >= CLEAR
    return QUOTED if said else ALL_QUOTED


def _other_field(question: Question) -> bool:
    """Whether the question clearly asks a person for something other than what they said
    (when they were born, which city they are from) and nothing of what they said."""
    if question.subject is None or question.subject[0] != "person":
        return False
    if best_asked(question.rest, question.cues, ("said", "speaker"))[1] >= CLEAR:
        return False
    asked, score = best_asked(question.rest, question.cues)
    return score >= CLEAR and asked != "identity"


def _fits(question: Question, found: Passage) -> bool:
    """Whether the passage holds the kind of value asked: a number for how many, a year for
    when."""
    said = str(found.text["zh"]) + str(found.text["en"])
    if "date" in question.cues:
        return _YEAR.search(said) is not None
    return "quantity" not in question.cues or _NUMBER.search(said) is not None


def _of_thing(question: Question, found: Passage) -> bool:
    """Whether the passage speaks of the thing the question names, when that is no person,
    topic or the company: Karpathy on V3 is not Karpathy on R1."""
    if question.subject is None:
        return True
    kind, record = question.subject
    if kind in ("person", "topic") or record["id"] == COMPANY:
        return True
    said = " ".join(normalize(str(found.text[lang])) for lang in ("zh", "en"))
    return record["id"] in found.record.get("about", []) or names_it(question, said)


def _people(question: Question) -> frozenset[str]:
    """The people the question names."""
    people = {i for k, i, _ in question.also_named if k == "person"}
    if question.subject is not None and question.subject[0] == "person":
        people.add(question.subject[1]["id"])
    return frozenset(people)


def quote_of(
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
    texts = [_text(p, tags) for p in passages]
    rarity: dict[str, float] = {}
    for word in words:
        held = sum(_holds(word, t) for t in texts)
        rarity[word] = math.log((len(texts) + 1) / (held + 0.5)) if held else 0.0
    ranked = []
    for passage, text in zip(passages, texts, strict=True):
        held_words = [w for w in words if _holds(w, text)]
        ranked.append(Weighed(sum(rarity[w] for w in held_words), len(held_words), passage))
    return sorted(ranked, key=lambda r: -r.weight), sum(rarity.values())


def _holds(word: str, text: str) -> bool:
    """Whether a quote holds a word of the question: as a passage does, a Latin word by its stem
    and a short ending at most (hires ~ hiring; net is not network)."""
    if not word.isascii() or word.isdigit():
        return holds(word, text)
    for alike_word in alike(word):
        root = stem(alike_word)
        if re.search(rf"(?<![a-z0-9]){re.escape(root)}[a-z']{{0,3}}(?![a-z])", text):
            return True
    return False


def _text(found: Passage, tags: dict[str, list[str]]) -> str:
    """What a passage speaks of: its words and, of a quote, the question it answers and its
    topics' names."""
    said = [found.text, found.record.get("context") if found.kind == "quote" else None]
    texts = [str(t[lang]) for t in said if isinstance(t, dict) for lang in ("zh", "en")]
    if found.kind == "quote":
        texts += [n for topic in found.record.get("topics", []) for n in tags.get(topic, [])]
    return " ".join(normalize(t) for t in texts)
