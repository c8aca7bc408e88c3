"""What others call a thing: "What nickname was DeepSeek given after V2?", "幻方在量化圈里被叫做
什么？". The sources give it in a record about the thing, a name in quotation marks after the
words that give it ("dubbed", "called one of", 被称为, 冠以…之称); the passage that says it
answers, as the sources put it. Two different names given, and the question's words do not say
which, is no answer; none given is "not stated"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import COMPANY
from deepseek_kb.search.answered import Answer, NotStated
from deepseek_kb.search.leftover import covered, leftover
from deepseek_kb.search.named import Hit, has, names_of
from deepseek_kb.search.passage import Passage, answered_by
from deepseek_kb.search.passages import passages_of
from deepseek_kb.search.question import CLEAR, Question, best_asked, vocabulary

# A name given in quotation marks, after the words that give it.
_GIVEN = re.compile(
    r"(?:dubbed|called|known as|nicknamed)\s+(?:one of\s+)?(?:the\s+)?[\"“]([^\"”]+)[\"”]"
    r"|(?:被称为|被叫做|被叫作|被称作|被誉为|冠以|戏称为?)\s*[“\"]([^”\"]+)[”\"]"
)


def nickname_answer(
    index: Index, question: Question, hits: Sequence[Hit]
) -> Answer | NotStated | None:
    """The passage that says what the thing asked about (else the company) is called by others;
    of several naming different things, the one that holds the question's other words."""
    if best_asked(question.rest, question.cues, ("nickname",))[1] < CLEAR:
        return None
    question = _of_company(index, question)
    if question.subject is None:
        return None  # "萤火三号被冠以什么之称": a thing the KB does not hold
    given = [found for found in passages_of(index, question, hits) if found.about and _named(found)]
    if not given:  # no record gives the thing another name
        kind, record = question.subject
        return NotStated(kind, record, vocabulary()["nickname"])
    if len({_named(found) for found in given}) > 1:  # which of them, the other words say
        words = leftover(question.rest)
        given = [found for found in given if covered(words, [_said(found)])]
    if len({_named(found) for found in given}) != 1:
        return None
    # A statement that it was named, before an event that names it in passing; the shortest.
    first = min(given, key=lambda found: (found.kind == "event", len(_said(found))))
    return answered_by(index, question, first)


def _of_company(index: Index, question: Question) -> Question:
    """A question naming no thing asks of the company, when it names it or calls it "ds"."""
    company = index.get(COMPANY)
    if question.subject is not None or company is None or not _names(question.norm, company.row):
        return question
    return question._replace(subject=(company.kind, company.row))


def _names(norm: str, company: Row) -> bool:
    """Whether the question names the company, or calls it "ds"."""
    return any(has(norm, normalize(name)) for name in [*names_of(company), "ds"])


def _named(found: Passage) -> str:
    """The name the passage gives, in English (the same name whichever record says it)."""
    match = _GIVEN.search(str(found.text["en"]))
    return normalize(next(g for g in match.groups() if g)) if match else ""


def _said(found: Passage) -> str:
    return normalize(f"{found.text['zh']} {found.text['en']}")
