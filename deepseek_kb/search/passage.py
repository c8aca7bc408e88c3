"""One passage of the sources, and what it answers: an event's date when a date is asked, a
quote's speaker when who said it is asked, its record's own date when the passage says its year,
"not stated" for a record of where dskb looked and found nothing, else the passage itself, as
the sources put it (`passages.py` finds it, `weighed.py` and `quoted.py` weigh it).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import (
    COMPANY,
    Candidate,
    event_candidate,
    role_caveat,
    speaker_candidate,
)
from deepseek_kb.search.answered import Answer, NotStated, answer_from
from deepseek_kb.search.question import Question, vocabulary

# The bilingual texts a record says things in, and the lists of them.
TEXTS = ("text", "summary", "purpose", "description", "definition", "role")
LISTS = ("bio",)
# The facts that record where dskb looked and what the sources read do not give.
COVERAGE = "coverage"
# A passage's order is its record's place in reading order (the thing itself 0) times this.
PLACE = 100


class Passage(NamedTuple):
    """One text of one record: where it is, what it says in both languages, its place in
    reading order (the thing first, then its records, then the hits), and whether it is about
    the thing (else a hit, which answers only where it names the thing)."""

    record: Row
    kind: str
    field: str
    text: Row
    sources: list[Row]
    order: int
    about: bool = True


def broad(question: Question) -> bool:
    """Whether the question is about what every record is about: the company, a topic, or no
    thing named ("Meta's researchers" are not Anthropic's)."""
    if question.subject is None:
        return True
    kind, record = question.subject
    return kind == "topic" or record["id"] == COMPANY


def looked(record: Row) -> bool:
    """Whether the record says where dskb looked and found nothing."""
    return record.get("category") == COVERAGE


def answered_by(index: Index, question: Question, found: Passage) -> Answer | NotStated | None:
    """A date asked of an event is its date, a speaker asked of a quote its speaker; else the
    passage itself, as the sources put it."""
    record = found.record
    # When it happened is asked; till when something lasted is no such date.
    when = "date" in question.cues and "until" not in question.cues
    if found.kind == "event" and when:
        event = event_candidate(record)
        return answer_from(event, [event], record)
    if found.kind == "quote" and "name" in question.cues:
        speaker = speaker_candidate(index, record)
        return answer_from(speaker, [speaker], record) if speaker else None
    dated = _own_date(record, found) if when else None
    if dated is not None:  # "In May 2023 the team was spun off": DeepSeek's founding, 2023-05
        return answer_from(dated, [dated], record)
    if looked(record):
        # A record of where dskb looked and found nothing: the value is not stated.
        where = Candidate("asked", "fact", record, found.field, found.text, found.sources)
        thing = question.subject or (found.kind, record)
        return NotStated(thing[0], thing[1], vocabulary()["asked"], where)
    passage = Candidate(
        "said" if found.kind == "quote" else "passage",
        found.kind,
        record,
        found.field,
        found.text,
        found.sources,
        _caveat(record, found),
        record.get("title") if found.kind == "event" else None,
        _whose(index, question, record, found.kind),
    )
    return answer_from(passage, [passage], record)


def _own_date(record: Row, found: Passage) -> Candidate | None:
    """The date of the thing the passage is a text of (its founding, its release), when the
    passage itself says its year: the date a "when" question asks."""
    if found.field.startswith("claims"):
        return None  # a claim speaks of other things than its record's own date
    if record.get("founded"):
        key, field, date = "founded", "founded", str(record["founded"])
    elif isinstance(record.get("released"), dict):
        key, field, date = "released", "released.date", str(record["released"]["date"])
    else:
        return None
    if date[:4] not in str(found.text["zh"]) + str(found.text["en"]):
        return None
    return Candidate(key, found.kind, record, field, date, record.get("sources", []))


def _caveat(record: Row, found: Passage) -> Row | None:
    """The passage's caveat: the record's note, a claim's own (what the official files say of
    the article's "first to surpass GPT4-Turbo"), a role's doubt."""
    if found.field == "role":
        return role_caveat(record)
    claim = _CLAIM.fullmatch(found.field)
    if claim is not None:
        note = record["claims"][int(claim.group(1))].get("note")
        return note if isinstance(note, dict) else None
    return record.get("note")


_CLAIM = re.compile(r"claims\[(\d+)\]")


def _whose(index: Index, question: Question, record: Row, kind: str) -> Row | None:
    """Whom the passage answers about: a quote's speaker, else the thing asked about unless that
    is a topic or the company, which every record is about (Day 3 of Open-Source Week is
    DeepGEMM's text). A fact told of nothing named gets its subject in `answer.answer`."""
    wide = broad(question)
    subject = None if wide or question.subject is None else question.subject[1]
    if kind == "quote":
        spoken = index.get(str(record.get("speaker", "")))
        subject = spoken.row if spoken is not None else subject
    return subject if subject is not None and subject is not record else None
