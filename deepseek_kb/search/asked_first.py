"""Two values of one record asked in one question, a clause each: "ds公司总共才几个人啊，技术岗多少",
"DeepSeek 一共多少人？其中搞技术的几个". The first clause asked is answered first; what the whole
question found (or, when that is the same, what the clauses after it find) is read beside it
(`Answer.companions`), not put in its place.

A clause is a part of the question set off by a comma, a semicolon, a question mark or a space
between Chinese words; it asks when its own words ask for a kind of value (how many, when,
what). A first clause that asks nothing ("V3 has 671B params, how many are active?") or states
the value it would find is the context of what follows, not a question of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from deepseek_kb.analysis.text import normalize
from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.answered import Answer, NotStated
from deepseek_kb.search.question import Asking, cues_of
from deepseek_kb.values import format_value

# Where a clause ends: a comma (not one inside a number: 1,200), a semicolon, a question mark,
# a space between Chinese words (公司一共多少人 技术的有多少).
_CLAUSE_END = re.compile(r"[，；？。、]|[,;?](?!\d)|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")

Found = Answer | NotStated | None


def first_asked(query: str, found: Found, answer: Callable[[str], Found]) -> Found:
    """The answer to the question's first clause, with the whole question's beside it, when both
    are values of one record; else the whole question's answer."""
    clauses = _clauses(query)
    if not isinstance(found, Answer) or not clauses:
        return found
    first = answer(clauses[0])
    if not isinstance(first, Answer) or not _one_record(first, found):
        return found
    if _states(clauses[0], first):
        return found
    if first.field == found.field:  # the whole asks what the first clause does: ask the rest
        rest = answer(" ".join(clauses[1:]))
        if not isinstance(rest, Answer) or not _one_record(first, rest):
            return found
        found = rest
    return _read_with(first, found) if first.field != found.field else found


def _clauses(query: str) -> list[str]:
    """The question's clauses, when it has two or more and the first and the rest each ask."""
    clauses = [c.strip() for c in _CLAUSE_END.split(query) if c.strip()]
    if len(clauses) < 2 or not _asks(clauses[0]) or not _asks(" ".join(clauses[1:])):
        return []
    return clauses


def _one_record(first: Answer, other: Answer) -> bool:
    return bool(first.record["id"] == other.record["id"])


def _read_with(first: Answer, found: Answer) -> Answer:
    """The first answer with the other value read beside it and cited."""
    beside = Candidate(
        found.asking.key, found.kind, found.record, found.field, found.value, found.sources
    )
    also = tuple(a for a in first.also if a.field != found.field)  # read beside it, not again
    cited = [*first.sources, *(s for s in found.sources if s not in first.sources)]
    companions = (*first.companions, (_labelled(found), beside))
    return first._replace(also=also, companions=companions, sources=cited)


def _asks(clause: str) -> bool:
    return bool(cues_of(normalize(clause)))


def _states(clause: str, found: Answer) -> bool:
    """Whether the clause already gives the value it would be answered with."""
    norm = normalize(clause)
    return any(normalize(format_value(found.value, lang)) in norm for lang in ("zh", "en"))


def _labelled(found: Answer) -> Asking:
    """What the value read beside the first is called: its own label where it has one
    (技术人员 · Technical staff), else what was asked."""
    if found.label is None:
        return found.asking
    return found.asking._replace(zh=str(found.label["zh"]), en=str(found.label["en"]))
