"""What kind of value a question asks for (when, how many, who, what) and whether a value is
of that kind: a date does not answer "what", a name or a sentence with no number does not answer
"how many", but a text that states the one count asked ("1 MTP module") does."""

from __future__ import annotations

import re

from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.question import Question, vocabulary
from deepseek_kb.search.said import said_by


def kind_fits(question: Question, expects: str) -> bool:
    """Whether the kind of value asked for (when, how many, who) is the kind the field holds;
    "what …" is not asked of a date."""
    wanted = question.cues & {"date", "quantity", "name"}
    if wanted:
        return expects in wanted or (expects == "text" and "name" in wanted)
    if expects == "quantity" and _DIFFERENCE.search(question.rest) and not question.others:
        return False  # how one kind differs from another is no count (two models' may be)
    if expects == "quantity" and _CALLED.search(question.rest):
        return False  # what something is called is no figure (the Hugging Face repo: 685B)
    return not ("what" in question.cues and expects == "date")


# Words that ask how one thing differs from another (共享专家和普通专家有什么不一样).
_DIFFERENCE = re.compile(r"不一样|区别|不同|差别|差异|\bdiffer")
# Words that ask what something is called.
_CALLED = re.compile(r"叫什么|叫啥|\bcalled what\b|\bwhat(?:'s| is) (?:it|that|this) called\b")


def counts_in_words(question: Question, top: list[Candidate]) -> bool:
    """Whether "how many" is answered by a text that states the one count asked ("多预测几个
    token": 1 MTP module, prediction depth D = 1), a number of its own, not of a name (H800)."""
    if question.cues & {"date", "name"} or "quantity" not in question.cues:
        return False
    said = [said_by(c)[1] for c in top if vocabulary()[c.key].expects == "text"]
    return len(said) == len(top) and all(_COUNT.search(text) for text in said)


# A number standing alone: 1 of "1 MTP module", not 800 of H800, 8 of FP8 nor arXiv:2412.19437.
_COUNT = re.compile(r"(?<![\w.:/-])\d+(?:\.\d+)?(?![\w.:/-])")


def of_kind_asked(question: Question, top: list[Candidate]) -> bool:
    """Whether the best candidates hold the kind of value asked: "which year did he graduate" is
    not answered by where he studied, how long V3 took by a sentence with no number, "when" by
    an event's title holding the words ("API"), nor till when something lasted by its date."""
    expects = vocabulary()[top[0].key].expects
    if not kind_fits(question, expects) and not counts_in_words(question, top):
        return False
    stated = any(counted(c) or _numbered(c) for c in top)
    if "quantity" in question.cues and "date" not in question.cues and not stated:
        return False
    dated = top[0].key == "date" and "date" not in question.cues
    return not dated and not (expects == "date" and "until" in question.cues)


def counted(candidate: Candidate) -> bool:
    """Whether the candidate's value is a number (or numbers), not a sentence."""
    value = candidate.value
    return isinstance(value, list) or (isinstance(value, dict) and "value" in value)


def _numbered(candidate: Candidate) -> bool:
    """Whether the candidate's text states a number (685B), not a digit of a name (V3, H800),
    a year or a date (2024-05)."""
    return bool(_NUMBER.search(said_by(candidate)[1]))


# A number with its unit written on or not (685B, 79.8), not of a name, a year nor a date.
_NUMBER = re.compile(r"(?<![A-Za-z\d.:/-])(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?(?![\d.:/-])")
