"""A day asked of a date the sources give only to the month or the year: "R1 的论文登上 Nature 是几月
几号" is not answered by "2025", nor is "几月发表的" (the month). What is asked is not stated; what
the sources do say is shown beside it.
"""

from __future__ import annotations

import re

from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.answered import Answer, NotStated

# Words that ask for the day itself, not the month or the year.
_DAY_ASKED = re.compile(
    r"几月几[号日]|哪一天|哪天|几号|具体日期|具体哪天"
    r"|\b(?:what|which|exact) (?:day|date)\b|\bon what date\b"
)
# Words that ask for the month.
_MONTH_ASKED = re.compile(r"几月|哪个月|哪一个月|\b(?:what|which) month\b")
# Each precision asked: the words, a date too coarse for it, one precise enough, and what is
# not stated.
_PRECISIONS = (
    (
        _DAY_ASKED,
        re.compile(r"\d{4}(?:-\d{2})?"),
        re.compile(r"\d{4}-\d{2}-\d{2}"),
        "具体哪一天",
        "the day",
    ),
    (
        _MONTH_ASKED,
        re.compile(r"\d{4}"),
        re.compile(r"\d{4}-\d{2}(?:-\d{2})?"),
        "几月",
        "the month",
    ),
)


def to_the_day(norm: str, found: Answer | NotStated | None) -> Answer | NotStated | None:
    """The answer, or "not stated" when the day (or the month) is asked and the date found has
    none (with the month or year the sources give, cited)."""
    if not isinstance(found, Answer) or not isinstance(found.value, str):
        return found
    for asked, coarse, precise, zh, en in _PRECISIONS:
        if not asked.search(norm):
            continue
        if not coarse.fullmatch(found.value):
            return found
        if any(isinstance(c.value, str) and precise.fullmatch(c.value) for c in found.also):
            return found  # another date stated beside it is precise (DeepSeek's two foundings)
        record, kind = found.record, found.kind
        given = Candidate(found.asking.key, kind, record, found.field, found.value, found.sources)
        return NotStated(kind, record, found.asking._replace(zh=zh, en=en), given)
    return found
