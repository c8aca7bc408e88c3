"""A sentence checked before print: "my draft says V2 activates 2.1B per token, is that
right?", "稿子里我写了 R1 是 2024 年 11 月 20 日面世的，这个日期靠谱吗？". What is asked is the
true value of what the sentence speaks of, whatever the sentence says: the words that frame it
as a claim (my draft says, 这个数对吗) and the figures it claims ask nothing, and no answer
need repeat them."""

from __future__ import annotations

import re

from deepseek_kb.search.question import Question, cues_of, vocabulary

# Where the sentence checked was read or written: "my draft says", "the blog I'm quoting says",
# "稿子里我写了", "一篇公众号文章说".
_FRAME = re.compile(
    r"\b(?:my|our|the|a|an|this)\s+(?:[a-z']+\s+)?"
    r"(?:draft|piece|copy|article|blog|story|post|newsletter|slide|notes?|source)"
    r"(?:\s+i'?m\s+quoting)?\s+(?:says|said|claims|claimed|states|reads|has it)\b"
    r"|(?:我这篇|初稿|稿子|草稿)[^，,。？?]{0,10}?"
    r"(?:里|中|上)?我?(?:写了|写的是|写着|写|说|称)"
)
# The question whether it holds: "is that right", "这个数对吗", "没写错吧".
_CHECK = re.compile(
    r"\b(?:is (?:that|this|it) (?:still )?(?:right|correct|accurate|true|the number)|"
    r"right\?|correct\?|do i need to (?:fix|change) it)"
    r"|(?:这个(?:数字?|说法)?)?(?:对吗|对不对|没写错吧|写错了吗|有没有写错|需要改吗|要改吗|"
    r"靠谱吗|准确吗|属实吗|没错吧|是真的吗)"
    r"|(?:编辑)?让我核实一下|(?:帮我)?(?:核实|核对|核)一下|\bfact[- ]?check(?:\s*一下)?"
)
# A figure or a date the sentence claims: "2.1B", "$6 million", "2024 年 11 月 20 日", "3.7 天".
_CLAIMED = re.compile(
    r"(?<![a-z0-9.\-])\$?\d[\d.,]*\s*"
    r"(?:%|[kmbt]\b|million|billion|trillion|万|亿|天|days?\b|年|月|日)?"
    r"|\b\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b"
)


# A clause that tells what someone stated: "a wire story dates V3.1 to August 27, 2025",
# "原文说 R1 是 2024-11-20 出的", "我手上的说法是“不到 280 万”".
_STATED = re.compile(
    r"\b(?:says|said|claims|claimed|dates|dated|puts|reports|reported|writes|wrote|states|"
    r"i'?ve got|i have|i got)\b|说|写|称|报道"
)
# Where a question's clauses part: a sentence's end, a comma beside Chinese.
_CLAUSE = re.compile(
    r"(?<=[?？。!！；;，])|(?<=\.)\s+|(?<=[\u4e00-\u9fff],)|,(?=\s*[\u4e00-\u9fff])"
)


def claim_out(question: Question) -> Question:
    """The question without the words that frame a sentence as one to check, nor the figures
    that sentence claims: it asks for a value, not yes or no. Unchanged when it quotes no
    sentence ("V3 是 671B 对吗" checks a figure it names)."""
    if not _FRAME.search(question.rest):
        return _stated_out(question)
    rest = _CLAIMED.sub(" ", _CHECK.sub(" ", _FRAME.sub(" ", question.rest)))
    return question._replace(rest=" ".join(rest.split()), norm=_CHECK.sub(" ", question.norm))


def _stated_out(question: Question) -> Question:
    """ "A wire story dates V3.1 to August 27, 2025. When did the API switch to it?": a clause
    telling what someone stated, with the figure or date it states, beside a clause that asks
    (a question word, a question mark), is the claim checked, not what is asked."""
    clauses = [c for c in _CLAUSE.split(question.rest) if c.strip()]
    claims = [c for c in clauses if _STATED.search(c) and _CLAIMED.search(c) and not _asks(c)]
    if not claims or len(claims) == len(clauses):
        return question
    told = " ".join(_spoken_of(c) if c in claims else c for c in clauses)
    return question._replace(rest=" ".join(_CHECK.sub(" ", told).split()))


def _spoken_of(claim: str) -> str:
    """Of a claim, the words that ask for a field ("原文说 R1 是 2024-11-20 出的": 出的, it came
    out): not who stated it, what it states, nor where the asker read it."""
    said = _CLAIMED.sub(" ", claim)
    return " ".join(p for asking in vocabulary().values() for p in asking.said_in(said))


def _asks(clause: str) -> bool:
    """Whether a clause asks something: a question mark or a word asking what kind of value."""
    return any(mark in clause for mark in "?？") or bool(cues_of(clause))
