"""What a person named said, when a question about them asks it: "what did Liang say about
hiring" (the quote of theirs that holds what it speaks of), "Karpathy on DeepSeek V3", "梁文锋
闭源 护城河" (a person and some words, nothing else asked)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from deepseek_kb.analysis.text import longest_first, normalize, stem
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.alike import alike
from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.answered import Answer, answer_from
from deepseek_kb.search.leftover import content, covered, leftover
from deepseek_kb.search.named import has, names_of, names_out
from deepseek_kb.search.question import CLEAR, Question, best_asked, vocabulary
from deepseek_kb.search.said import record_text


def quote_on(index: Index, question: Question, person: Row, keys: tuple[str, ...]) -> Answer | None:
    """ "Karpathy on DeepSeek V3", "梁文锋 闭源 护城河": a person and some words, nothing else
    asked, is what they said about it, when one of their quotes accounts for the words."""
    if question.cues or best_asked(question.rest, question.cues, keys)[1] >= CLEAR:
        return None  # a question (which city, when) is not answered by a quote
    pieces = leftover(question.rest)
    if not pieces:
        return None
    quotes = quotes_by(index, question, person, said_asked=False)
    if not quotes:
        return None
    text = [record_text(quotes[0].record)]
    # All the words, or all but one of three or more (a verb of the question: "write down").
    told = sum(covered([p], text) for p in pieces)
    if told == len(pieces) or (len(pieces) >= 3 and told >= len(pieces) - 1):
        return answer_from(quotes[0], quotes, person)
    return None


def quote_asked(
    index: Index, question: Question, person: Row, keys: tuple[str, ...]
) -> Answer | None:
    """ "what does Liang look for when hiring", "梁文锋招人最看重啥", "what did Liang's father do":
    a person asked what, and no field of theirs, is asked what they said. Of their quotes (on the
    one topic named, if one is), the one accounting for every other word, when any holds one
    (of all their quotes, only when one answer holds the most); else, when what they say of a
    topic named is asked and no other word, the first answering a question that names the topic
    itself (选人标准, the criteria for choosing people, of hiring)."""
    if question.cues - {"what"} or best_asked(question.rest, question.cues, keys)[1] >= CLEAR:
        return None
    topics = [t for t in index.records("topic") if _names(question.rest, t)]
    if len(topics) > 1:
        return None
    theirs, pieces = _on(index, question, person, topics)
    chosen = _holding(theirs, pieces, one_answer=not topics)
    if chosen is None and topics and not pieces and "what" in question.cues:
        chosen = next((q for q in theirs if _names(_words_of(q, said=False), topics[0])), None)
    if chosen is None:
        return None
    return answer_from(_said(chosen), _answered_with(index, person, chosen, pieces), person)


def _on(
    index: Index, question: Question, person: Row, topics: list[Row]
) -> tuple[list[Row], list[str]]:
    """The person's quotes on the topics named, and the question's words besides theirs."""
    theirs = [
        q
        for q in index.records("quote")
        if q.get("speaker") == person["id"] and all(t["id"] in q.get("topics", []) for t in topics)
    ]
    rest = names_out(question.rest, topics)
    # Each word once: a word typed twice asks once.
    pieces = dict.fromkeys(leftover(rest))
    return theirs, [p for p in pieces if not any(_names(p, t) for t in topics)]


def _holding(theirs: list[Row], pieces: Sequence[str], one_answer: bool) -> Row | None:
    """Of the quotes, the one holding every word, the one holding most of them first; none when
    none holds them all, or (`one_answer`) when two answers hold as many."""
    held = {q["id"]: _held(pieces, q) for q in theirs}
    telling = [
        q
        for q in theirs
        if held[q["id"]] != (0, 0) and covered(pieces, [_words_of(q)], strict=True)
    ]
    most = max((held[q["id"]] for q in telling), default=(0, 0))
    chosen = [q for q in telling if held[q["id"]] == most]
    if not chosen or (one_answer and len({str(q.get("context")) for q in chosen}) > 1):
        return None
    return chosen[0]


def _words_of(quote: Row, said: bool = True) -> str:
    """The question a quote answered and, unless `said` is false, its words, in both languages
    (not its topics)."""
    texts = [quote.get("context") or {}, *([quote["text"]] if said else [])]
    return normalize(" ".join(str(t) for text in texts for t in dict(text).values()))


def _names(text: str, topic: Row) -> bool:
    """Whether the words name the topic: its name or an alias, in either language, or a word
    that stands for one (hires ~ hiring)."""
    names = {normalize(n) for n in names_of(topic) if len(n) >= 2}
    return bool(names & _words_for(text)) or any(has(text, n) for n in names)


@lru_cache(maxsize=1024)
def _words_for(text: str) -> frozenset[str]:
    """The words of a text and the words that stand for them, read once for every topic."""
    return frozenset(a for w in content(text) for a in (*alike(w), *alike(stem(w))))


def quotes_by(
    index: Index, question: Question, person: Row, said_asked: bool = True
) -> list[Candidate]:
    """What the person said about what the question names: of their quotes search finds best,
    the one holding most of the words nothing else explains; else the one of all their quotes
    that holds most."""
    from deepseek_kb.search.rank import search

    said = vocabulary()["said"]
    if said_asked and not any(has(question.rest, phrase) for phrase in said.words):
        return []
    rest = _said_of(question.rest, said.words)
    if not rest:
        return []
    # Every word it says, a field's among them: "the cost of innovation" asks of cost.
    pieces = list(dict.fromkeys(content(rest)))  # each word once: a word typed twice asks once
    theirs = [
        hit.record
        for hit in search(index, rest, frozenset({"quote"}), None)
        if hit.record.get("speaker") == person["id"]
    ][:_READ]
    most = _held_most(index, person, pieces)
    held = {q["id"]: _held(pieces, q)[0] for q in theirs}
    if theirs and (not pieces or any(held.values())):
        quote = max(theirs, key=lambda q: held[q["id"]])
        if not most or held[quote["id"]] >= _held(pieces, most[0].record)[0]:
            return _answered_with(index, person, quote, pieces)
    return most


def _said_of(rest: str, said: Sequence[str]) -> str:
    """What the question asks they said something about: its words without those asking what
    they said, nor the words around them."""
    for phrase in longest_first(said):
        if has(rest, phrase):
            rest = rest.replace(phrase, " ")
    return " ".join(w for w in rest.split() if w not in _FILLER)


# How many of a person's best-matching quotes are weighed by the words they hold.
_READ = 3


def _held_most(index: Index, person: Row, pieces: Sequence[str]) -> list[Candidate]:
    """Of all their quotes, for when search finds none that holds as many of the words (a
    sentence longer than it reads: "why doesn't DeepSeek write down its culture"): the one that
    holds two of the words or more, the question it answered holding most; two answers to one
    question of the interview are one answer, in the order said."""
    theirs = [q for q in index.records("quote") if q.get("speaker") == person["id"]]
    held = {q["id"]: _held(pieces, q) for q in theirs}
    most = max(held.values(), default=(0, 0))
    best = [q for q in theirs if held[q["id"]] == most]
    if most[0] < 2 or len({str(q.get("context")) for q in best}) > 1:
        return []
    return [_said(q) for q in best]


def _answered_with(index: Index, person: Row, quote: Row, pieces: Sequence[str]) -> list[Candidate]:
    """The quote, and the others of theirs that answered the same question of the interview
    and hold as many of the words, in the order said."""
    asked, held = quote.get("context"), _held(pieces, quote)
    return [
        _said(q)
        for q in index.records("quote")
        if q["id"] == quote["id"]
        or (
            asked
            and q.get("speaker") == person["id"]
            and q.get("context") == asked
            and _held(pieces, q) == held
        )
    ]


def _said(quote: Row) -> Candidate:
    return Candidate("said", "quote", quote, "text", quote["text"], quote["sources"])


def _held(pieces: Sequence[str], quote: Row) -> tuple[int, int]:
    """How many of the words a quote holds, and how many the question it answered in the
    interview holds ("怎么让新人进入状态?" for "how does he bring new hires in")."""
    said = [record_text(quote)]  # read once for all the words
    asked = [str(t) for t in (quote.get("context") or {}).values()]
    return (
        sum(covered([p], said, strict=True) for p in pieces),
        sum(covered([p], asked, strict=True) for p in pieces),
    )


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
