"""A day asked of a date the sources give only to the month or the year: "R1 的论文登上 Nature 是几月
几号" is not answered by "2025". The day is not stated; what the sources do say is shown beside it.
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
# A date kept to the month or the year only.
_COARSE = re.compile(r"\d{4}(?:-\d{2})?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def to_the_day(norm: str, found: Answer | NotStated | None) -> Answer | NotStated | None:
    """The answer, or "not stated" when the day is asked and the date found has none (with the
    month or year the sources give, cited)."""
    if not isinstance(found, Answer) or not _DAY_ASKED.search(norm):
        return found
    if not isinstance(found.value, str) or not _COARSE.fullmatch(found.value):
        return found
    if any(isinstance(c.value, str) and _DAY.fullmatch(c.value) for c in found.also):
        return found  # another date stated beside it gives the day (DeepSeek's two foundings)
    record, kind = found.record, found.kind
    given = Candidate(found.asking.key, kind, record, found.field, found.value, found.sources)
    return NotStated(kind, record, found.asking._replace(zh="具体哪一天", en="the day"), given)
