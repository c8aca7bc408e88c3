"""What came after a thing: "A week after R1, what did DeepSeek release next?", "V3.1-Terminus
之后，下一个上线的是哪个模型？", "A few days after DeepSeek-OCR came out, upstream vLLM officially
supported it. On what date?".

The thing named is a day on the timeline (a model's or a project's release, an event); the
answer is an event that followed it and whose words account for all else the question says: the
first such event, or, when the question says how long after (a week, ten days, 几天), the one
nearest that long after; "before V3", "V3 之前" the same way back. A question asking when is
answered by its date, one asking what came by its title; one asking anything else of what
followed (a nickname given after V2) by neither.
"""

from __future__ import annotations

import re
from datetime import date

from deepseek_kb.analysis.text import taken_out
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate, event_candidate
from deepseek_kb.search.answered import Answer, answer_from
from deepseek_kb.search.leftover import covered, leftover
from deepseek_kb.search.named import has, named_in, names_out
from deepseek_kb.search.question import CLEAR, Question, best_asked
from deepseek_kb.search.said import record_text

# The clause naming what came before: "after R1", "after the release of V2", "v2出来以后"; or
# what came after ("before V3", "V3 之前").
_AFTER = re.compile(r"\bafter\b[^,;?？，。]*|[^,;?？，。]*(?:之后|以后|过后|(?:天|周|星期|月)后)")
_BEFORE = re.compile(r"\bbefore\b[^,;?？，。]*|[^,;?？，。]*(?:之前|以前)")
# How long after: "a week", "ten days", "a few days", "一周", "十天", "几天", "两个月".
_GAP = re.compile(
    r"\b(a|one|two|three|four|five|ten|a few|few|several|a couple of|couple of|\d+)\s+"
    r"(day|days|week|weeks|month|months)\b|([一二两三四五六七八九十几\d]+)\s*(天|周|个星期|星期|个月)"
)
_COUNTS = {"a": 1, "one": 1, "一": 1, "two": 2, "两": 2, "二": 2, "three": 3, "三": 3}
_COUNTS |= {"four": 4, "四": 4, "five": 5, "五": 5, "ten": 10, "十": 10}
_DAYS_IN = {"day": 1, "days": 1, "天": 1, "week": 7, "weeks": 7, "周": 7, "个星期": 7}
_DAYS_IN |= {"星期": 7, "month": 30, "months": 30, "个月": 30}
# Words that ask what came next, besides a field asking what was released.
_CAME = (
    *("next", "came", "come", "followed", "happened", "下一个", "接下来", "紧接着", "发生"),
    *("previous", "preceded", "上一个", "前一个"),
)
# Words that say a model is asked for: only a model's release answers; what was released is
# a model or software, not a price list or an interview.
_A_MODEL = ("model", "models", "模型", "llm")
_MODELS = ("model-release",)
_RELEASES = ("model-release", "software-release")


def following_answer(index: Index, question: Question) -> Answer | None:
    """The event that came after the thing asked about, as the question says; else none."""
    kind, record = question.subject or (None, None)
    after = _AFTER.search(question.rest)
    clause = after or _BEFORE.search(question.rest)
    when = _day_of(record) if record is not None and kind != "topic" else None
    if clause is None or when is None or "quantity" in question.cues:
        return None
    gap = _GAP.search(question.rest)
    outside = _outside(index, question, clause.group(), gap.group() if gap else "")
    if outside is None:
        return None
    rest, types = outside
    rest = taken_out(rest, [w for w in _CAME if has(rest, w)])
    found = _followed(index, when, 1 if after else -1, _days(gap), leftover(rest), types)
    return _told(question, found) if found is not None else None


def _told(question: Question, found: Row) -> Answer:
    """The event that followed: its date when the question asks when, else its title."""
    if "date" in question.cues:
        event = event_candidate(found)
        return answer_from(event, [event], found)
    title = Candidate("identity", "event", found, "title", found["title"], found["sources"])
    return answer_from(title, [title], found)


def _outside(
    index: Index, question: Question, clause: str, gap: str
) -> tuple[str, tuple[str, ...]] | None:
    """What the question asks, said outside the clause naming what came before ("after the
    release of V2", "v2出来以后") and how long after, and the kinds of event that answer it;
    none when it names another model, which is what it asks about ("after the V3.2-Exp
    experiment, when did the final V3.2 land"), or asks something else of what followed ("what
    nickname after V2")."""
    rest = question.rest.replace(clause, " ")
    rest = names_out(rest.replace(gap, " ") if gap else rest, _named(index, question))
    if any(kind == "model" for _, _, kind in named_in(index, rest)):
        return None
    types = _asked_of(rest, question)
    return (rest, types) if types is not None else None


def _asked_of(rest: str, question: Question) -> tuple[str, ...] | None:
    """The kinds of event that may answer (any, when none is said): a model, a release; none
    when the words ask neither when nor what came."""
    asked, score = best_asked(rest, question.cues)
    released = score >= CLEAR and asked == "released"
    if not ("date" in question.cues or released or any(has(rest, w) for w in _CAME)):
        return None
    if any(has(rest, w) for w in _A_MODEL):
        return _MODELS
    return _RELEASES if released else ()


def _named(index: Index, question: Question) -> list[Row]:
    """The thing asked about and the others named beside it."""
    others = [index.get(i) for i in question.others]
    subject = [question.subject[1]] if question.subject else []
    return [*subject, *(f.row for f in others if f is not None)]


def _day_of(record: Row) -> date | None:
    """The day the thing came out or happened, when the sources give the day."""
    released = record.get("released")
    said = released.get("date") if isinstance(released, dict) else record.get("date")
    try:
        return date.fromisoformat(str(said))
    except ValueError:
        return None  # a year or a month: nothing is known to come after it by days


def _days(gap: re.Match[str] | None) -> tuple[int, int] | None:
    """How many days after, as the fewest and the most the words allow; none when not said."""
    if gap is None:
        return None
    count, unit = (gap.group(1), gap.group(2)) if gap.group(1) else (gap.group(3), gap.group(4))
    if count.isdigit():
        number = int(count)
    elif count in _COUNTS:
        number = _COUNTS[count]
    else:
        return (1, 7 * _DAYS_IN[unit])  # a few, several, 几: more than one, fewer than many
    days = number * _DAYS_IN[unit]
    return (max(1, days * 2 // 3), days * 3 // 2 + 1)


def _followed(
    index: Index,
    when: date,
    way: int,
    gap: tuple[int, int] | None,
    pieces: list[str],
    types: tuple[str, ...],
) -> Row | None:
    """The first event after the day (`way` 1; before it, -1) whose words account for the
    pieces, or the one nearest the gap after it; none when none does, or two do."""
    later: list[tuple[int, Row]] = []
    for event in index.records("event"):
        day = _day_of(event)
        if day is None or (day - when).days * way <= 0:
            continue
        if types and event.get("type") not in types:
            continue
        if covered(pieces, [record_text(event)]):
            later.append(((day - when).days * way, event))
    if gap is not None:
        middle = sum(gap) // 2
        later = [(abs(days - middle), e) for days, e in later if gap[0] <= days <= gap[1]]
    nearest = [e for days, e in later if days == min(d for d, _ in later)]
    return nearest[0] if len(nearest) == 1 else None  # two things that day: which is unclear
