"""What a person named said, when a question about them asks it: "what did Liang say about
hiring" (the quote of theirs that holds what it speaks of), "Karpathy on DeepSeek V3", "梁文锋
闭源 护城河" (a person and some words, nothing else asked)."""

from __future__ import annotations

from deepseek_kb.analysis.text import longest_first
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate, record_text
from deepseek_kb.search.answered import Answer, answer_from
from deepseek_kb.search.leftover import covered, leftover
from deepseek_kb.search.named import has
from deepseek_kb.search.question import CLEAR, Question, best_asked, vocabulary


def quote_on(index: Index, question: Question, person: Row, keys: tuple[str, ...]) -> Answer | None:
    """ "Karpathy on DeepSeek V3", "梁文锋 闭源 护城河": a person and some words, nothing else
    asked, is what they said about it, when one of their quotes accounts for the words."""
    if question.cues or best_asked(question.rest, question.cues, keys)[1] >= CLEAR:
        return None  # a question (which city, when) is not answered by a quote
    pieces = leftover(question.rest)
    if not pieces:
        return None
    quotes = quotes_by(index, question, person, said_asked=False)
    if quotes and covered(pieces, [record_text(quotes[0].record)]):
        return answer_from(quotes[0], quotes, person)
    return None


def quotes_by(
    index: Index, question: Question, person: Row, said_asked: bool = True
) -> list[Candidate]:
    """What the person said about what the question names: of their quotes search finds best,
    the one holding most of the words nothing else explains."""
    from deepseek_kb.search.rank import search

    said = vocabulary()["said"]
    if said_asked and not any(has(question.rest, phrase) for phrase in said.words):
        return []
    rest = question.rest
    for phrase in longest_first(said.words):
        if has(rest, phrase):
            rest = rest.replace(phrase, " ")
    rest = " ".join(w for w in rest.split() if w not in _FILLER)
    if not rest:
        return []
    theirs = [
        hit.record
        for hit in search(index, rest, frozenset({"quote"}), None)
        if hit.record.get("speaker") == person["id"]
    ][:_READ]
    if not theirs:
        return []
    pieces = leftover(question.rest)
    quote = max(
        theirs, key=lambda q: sum(covered([p], [record_text(q)], strict=True) for p in pieces)
    )
    return [Candidate("said", "quote", quote, "text", quote["text"], quote["sources"])]


# How many of a person's best-matching quotes are weighed by the words they hold.
_READ = 3


# Words around "what did X say about Y" that name nothing.
_FILLER = frozenset(
    [
        "what",
        "did",
        "does",
        "do",
        "about",
        "on",
        "of",
        "the",
        "a",
        "an",
        "regarding",
        "关于",
        "对",
        "的",
        "了",
        "什么",
    ]
)
