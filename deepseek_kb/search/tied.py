"""Of candidates that answer equally well, the one that does: the one whose label the question
repeats most ("缓存未命中" says which of the cache prices), the value most of them state (the
earliest of dates), and of those the one a record mainly about the thing states first."""

from __future__ import annotations

from collections import Counter

from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.answered import same_value
from deepseek_kb.search.question import Question, label_score


def most_labelled(question: Question, top: list[Candidate]) -> list[Candidate]:
    """Of one record's labelled values tied on the words that ask for them and their labels'
    other words, those whose label the question's whole words repeat most: "缓存未命中" asks for
    the price, and says which of the price table's cache-hit and cache-miss prices."""
    if not top or any(c.label is None for c in top):
        return top  # a value of its own field is no less asked than one labelled
    if len({c.record["id"] for c in top}) > 1:
        return top  # labels of one record tell its values apart, not one record from another
    said = [label_score(question.rest, c.label) for c in top]
    return [c for c, s in zip(top, said, strict=True) if s == max(said)]


def agreed(top: list[Candidate]) -> Candidate | None:
    """Of equally good candidates, the value most of them state (the earliest date when they
    are dates), and of those the one stated first by a record mainly about the thing; none when
    different fields tie."""
    if len({c.key for c in top}) > 1:
        return None
    if isinstance(top[0].value, str) and top[0].key in ("date", "founded", "released"):
        return min(top, key=lambda c: str(c.value))
    counts = Counter(same_value(c.value) for c in top)
    most = max(counts.values())
    group = [c for c in top if counts[same_value(c.value)] == most]
    return min(group, key=_precedence)


def _precedence(candidate: Candidate) -> tuple[bool, bool]:
    """A record mainly about the thing before one that mentions it; its first figure first."""
    about = candidate.record.get("about") or [None]
    mainly = candidate.subject is None or about[0] == candidate.subject["id"]
    return (not mainly, not candidate.field.endswith("[0]"))
