"""What someone said, found by what it speaks of: "贾扬清咋评价ds团队的", "what did liang say
abt VCs n research", "who told young film directors to be madly ambitious".

The last answer before none. A question that names a person and asks no other field of theirs
(or asks what they said) is answered by one of their quotes or a line of their life; one that
asks who said something, by the speaker of the quote of anyone holding its words. The passages
are weighed as `weighed.py` weighs them (a quote with the question it answers and its topics'
names): the best answers when it holds a third of the question's words (two at least; half of
them when the question asks who said them, three in four when it asks who told or did
something) and weighs half as much again as the next; two alike, neither. It must hold the kind
of value asked (a year for when, a number for how many) and, when the question is about a thing
other than a person, a topic or the company, name it (Karpathy on V3 is not Karpathy on R1).
"""

from __future__ import annotations

import re

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.search.answerables import COMPANY
from deepseek_kb.search.answered import Answer, NotStated
from deepseek_kb.search.leftover import content
from deepseek_kb.search.passage import Passage, answered_by
from deepseek_kb.search.passages import _NUMBER, _YEAR, names_it, people_named, tags_of
from deepseek_kb.search.question import CLEAR, Question, best_asked
from deepseek_kb.search.sayings import quoted_parts, tokens
from deepseek_kb.search.weighed import ENOUGH, best_of

# The share of its words a question asking who said them must find in the quote.
QUOTED = 0.5
# The share when it asks who did or told something rather than who said it.
ALL_QUOTED = 0.75


def said_answer(index: Index, question: Question) -> Answer | NotStated | None:
    """What a person named said of what the question speaks of (or a line of their life that
    does), or who said the words it quotes; none unless one passage clearly speaks of it most."""
    people = people_named(question)
    by_speaker = "name" in question.cues and not people
    if not (people or by_speaker) or _other_field(question):
        return None
    passages = _spoken(index, question, people)
    # Who said words is asked by the words themselves, the names in them included; by the words
    # quoted, when the question quotes them beside more ("the line quoted when … was founded").
    quoted = _quoted(question.norm) if by_speaker else None
    if quoted:
        passages = _verbatim(quoted, passages)
    words = sorted(set(content(quoted or (question.norm if by_speaker else question.rest))))
    found = best_of(passages, words, tags_of(index), _share(question) if by_speaker else ENOUGH)
    if found is None or not _of_thing(question, found):
        return None
    # Whose quoted words they are is a speaker asked, whatever clause follows ("… quoted when
    # DeepSeek was founded" asks no date of the quote).
    if not quoted and not _fits(question, found):
        return None
    return answered_by(index, question, found)


def _quoted(norm: str) -> str:
    """The words the question quotes, or nothing; a word or two in quotes ("四大") is a name
    for something, not words said."""
    return " ".join(part for part in quoted_parts(norm, loosely=True) if len(part) >= _SAID)


# The fewest characters of words quoted as said.
_SAID = 4


def _verbatim(quoted: str, passages: list[Passage]) -> list[Passage]:
    """The passages holding the quoted words as they run ("there are no unfathomable
    geniuses" is not "hired a group of unfathomable geniuses"), or all when none does."""
    said = " ".join(tokens(quoted))
    held = [p for p in passages if any(said in " ".join(tokens(str(t))) for t in p.text.values())]
    return held or passages


def _spoken(index: Index, question: Question, people: frozenset[str]) -> list[Passage]:
    """The quotes of the people named (of anyone when none is), and the lines of the life of
    the person asked about."""
    quotes = [q for q in index.records("quote") if not people or q.get("speaker") in people]
    passages = [Passage(q, "quote", "text", q["text"], q["sources"], 0) for q in quotes]
    if question.subject is not None and question.subject[0] == "person" and people:
        person = question.subject[1]
        passages += [
            Passage(person, "person", f"bio[{n}]", line, person["sources"], 0)
            for n, line in enumerate(person.get("bio", []))
        ]
    return passages


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
    said = best_asked(question.rest, question.cues, ("said", "speaker"))[1]
    if said >= CLEAR:
        return False
    asked, score = best_asked(question.rest, question.cues)
    # Who they are is asked beside what they said ("梁文锋说创新是什么"), unless nothing of it is.
    return score >= CLEAR and (asked != "identity" or not said)


# When, said without a year: "within our lifetime", "有生之年", "within ten years".
_SPAN = re.compile(r"\blifetime\b|有生之年|\bwithin (?:\w+ ){0,2}(?:years?|decades?)\b|\d+\s*年内")


def _fits(question: Question, found: Passage) -> bool:
    """Whether the passage holds the kind of value asked: a number for how many, a year (or a
    span of time) for when."""
    said = str(found.text["zh"]) + str(found.text["en"])
    if "date" in question.cues:
        return _YEAR.search(said) is not None or _SPAN.search(said) is not None
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
