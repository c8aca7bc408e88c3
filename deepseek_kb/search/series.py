"""A day of a series asked about by its number: "开源周第二天开源了什么", "Open-Source Week day 1
release", "what came out on the fifth day of open-source week", "the last day of open source week".

The series is a topic the question names (Open-Source Week); the day is the event whose title
names the series and that day ("Open-Source Week Day 2: DeepEP", "开源周第 2 天：DeepEP"). A
question asking when is answered by the event's date, one asking what came out by its title,
and one asking anything more (a licence, a figure) by neither.
"""

from __future__ import annotations

import re

from deepseek_kb.analysis.text import longest_first, normalize, ordinals
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate, event_candidate
from deepseek_kb.search.answered import Answer, answer_from
from deepseek_kb.search.claims import dates_in
from deepseek_kb.search.leftover import covered, leftover
from deepseek_kb.search.named import names_of
from deepseek_kb.search.question import CLEAR, Question, best_asked
from deepseek_kb.search.said import record_text

# "day 2", "day2", "day5发了啥", "第 2 天" (第二天 is written with a digit by `ordinals`).
_DAY = re.compile(r"\bday ?(\d{1,2})(?!\d)|第 ?(\d{1,2}) ?天")
# The first day, said in words of its own: 头一天, 首日; the last: "at the end of", 最后.
_FIRST_DAY = re.compile(r"(头一天|首日)")
_LAST_DAY = re.compile(r"(\bat the end of\b|最后一天|最后)")
_NTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_NTH_DAY = re.compile(rf"\b({'|'.join(_NTH)}|last|final) day\b")
# A title's day: "Open-Source Week Day 2: DeepEP", "开源周第 2 天：DeepEP".
_TITLE_DAY = re.compile(r"\bday (\d{1,2})\b|第 ?(\d{1,2}) ?天")
# How many days of a series are read to find its last.
_DAYS = 20


def day_answer(index: Index, question: Question) -> Answer | None:
    """The date or the title of the day of a series the question asks about; else none."""
    norm = ordinals(question.norm)
    said = _DAY.search(norm) or _NTH_DAY.search(norm) or _FIRST_DAY.search(norm)
    said = said or _LAST_DAY.search(norm)
    series = _series(index, question)
    if said is None or series is None:
        return None
    if "quantity" in question.cues and "what" not in question.cues and "哪几" not in norm:
        return None  # how many or how much of a day is no day's title ("day 6 的命中率是多少")
    day = _day(index, series, _number(said))
    if day is None:
        return None
    rest = norm.replace(said.group(), " ")
    for name in longest_first(_names(series)):
        rest = rest.replace(name, " ")
    rest = _dated_out(rest, day)
    if "date" in question.cues:
        event = event_candidate(day)
        return answer_from(event, [event], day)
    asked, score = best_asked(rest, question.cues)
    # What it was ("放的是啥") is what came out, as much as what was released.
    if (score >= CLEAR and asked not in ("released", "identity")) or not covered(
        leftover(rest), [record_text(day)]
    ):
        return None  # something more is asked of the day than what came out
    title = Candidate("identity", "event", day, "title", day["title"], day["sources"])
    return answer_from(title, [title], day)


def _dated_out(rest: str, day: Row) -> str:
    """The words without the dates they state that the day falls in ("its February 2025
    Open-Source Week"): they say which series is meant, no more."""
    dates, undated = dates_in(rest)
    if dates and all(str(day.get("date", "")).startswith(d.value) for d in dates):
        rest = undated
    return " ".join(rest.split())


def _series(index: Index, question: Question) -> Row | None:
    """The topic the question names, as the subject or beside it."""
    if question.subject is not None and question.subject[0] == "topic":
        return question.subject[1]
    for kind, record_id, _ in question.also_named:
        found = index.get(record_id) if kind == "topic" else None
        if found is not None:
            return found.row
    return None


def _names(series: Row) -> set[str]:
    return {normalize(n) for n in names_of(series) if len(n) >= 2}


def _number(said: re.Match[str]) -> int | None:
    """The day's number; None for the last."""
    word = said.group(1)
    if said.re is _FIRST_DAY:
        return 1
    if said.re is _LAST_DAY:
        return None
    if word in _NTH:
        return _NTH.index(word) + 1
    if word in ("last", "final"):
        return None
    return int(next(g for g in said.groups() if g))


def _day(index: Index, series: Row, number: int | None) -> Row | None:
    """The one event whose title names the series and the day (the last day: the highest)."""
    from deepseek_kb.search.rank import search

    names = _names(series)
    days: dict[int, list[Row]] = {}
    # The days' titles hold the series' name in both languages: the first name that finds
    # them finds them all.
    for name in longest_first(names):
        if days:
            break
        query = f"{name} day {number}" if number is not None else f"{name} day"
        for hit in search(index, query, frozenset({"event"}), _DAYS):
            title = hit.record.get("title") or {}
            text = normalize(f"{title.get('zh', '')} {title.get('en', '')}")
            found = _TITLE_DAY.search(text)
            if found is None or not any(n in text for n in names):
                continue
            day = int(next(g for g in found.groups() if g))
            if hit.record not in days.setdefault(day, []):
                days[day].append(hit.record)
    key = number if number is not None else max(days, default=None)
    found_days = days.get(key, []) if key is not None else []
    return found_days[0] if len(found_days) == 1 else None
