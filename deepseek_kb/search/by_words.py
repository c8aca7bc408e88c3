"""A question that names no thing, or whose thing holds no answer: the first hits (a quote, an
event, a fact) whose whole text accounts for the question's words answer who said it, when it
was, what came out, or the fact's figure."""

from __future__ import annotations

from collections.abc import Sequence

from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate, event_candidate, figures_of, speaker_candidate
from deepseek_kb.search.answered import Answer, answer_from
from deepseek_kb.search.leftover import covered, leftover
from deepseek_kb.search.named import Hit, names_of
from deepseek_kb.search.passages import names_it
from deepseek_kb.search.question import Question, best_asked
from deepseek_kb.search.said import record_text, said_by, title_of


def found_by_words(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | None:
    """No thing named, or nothing it holds answers: the first hits (a quote, an event, a fact)
    whose whole text accounts for the question's words answer who said it, when it was, what it
    was, or its figure. Of two events that do, the one whose title says more of the words is
    what is asked about: DSpark's checkpoints, not the release that speaks of its draft models."""
    pieces = leftover(question.rest)
    asked, _ = best_asked(question.rest, question.cues)
    told = [
        hit
        for hit in hits[:5]
        if hit.type in ("quote", "event", "fact") and covered(pieces, _told_of(index, hit.record))
    ]
    for hit in _by_title(pieces, told):
        found = _from_record(index, question, hits, hit, asked)
        if found is not None:
            return found
    return None


def _by_title(pieces: list[str], told: list[Hit]) -> list[Hit]:
    """The hits, the first event's place taken by the event whose title says most of the
    question's words (the first of them when as many)."""
    events = [hit for hit in told if hit.type == "event"]
    if len(events) < 2:
        return told
    said = [sum(covered([p], [title_of(e.record)], strict=True) for p in pieces) for e in events]
    best = events[said.index(max(said))]
    first = told.index(events[0])
    return [*told[:first], best, *(h for h in told[first:] if h is not best)]


def _told_of(index: Index, record: Row) -> list[str]:
    """What a record says, with the names of the things it is about (the interview filed under
    梁文锋 that names only its interviewer)."""
    about = [index.get(str(i)) for i in record.get("about", [])]
    return [record_text(record), *(n for f in about if f is not None for n in names_of(f.row))]


def _titled(question: Question, event: Row) -> bool:
    """Whether the event's title names the model asked about, when one is named: its date is
    that model's date, not one of an event that only mentions it."""
    if question.subject is None or question.subject[0] != "model":
        return True
    return names_it(question, title_of(event))


def _from_record(
    index: Index, question: Question, hits: Sequence[Hit], hit: Hit, asked: str
) -> Answer | None:
    """Who said a quote, when an event was or what came out, a fact's figure."""
    if hit.type == "quote" and (asked == "speaker" or _theirs(question, hit.record)):
        return _speaker(index, hits, hit)
    if hit.type == "event":
        return _event(question, hit.record, asked)
    if hit.type == "fact" and "quantity" in question.cues:
        return _figure(question, hit.record, asked)
    return None


def _theirs(question: Question, quote: Row) -> bool:
    """Whether "who" is asked of the person who said the quote, named in the question ("liang:
    can only people who've done it do it?"); "who paid for Fire-Flyer 2" is not asked of
    whoever spoke of it."""
    subject = question.subject[1]["id"] if question.subject else None
    return "name" in question.cues and subject is not None and subject == quote.get("speaker")


def _speaker(index: Index, hits: Sequence[Hit], hit: Hit) -> Answer | None:
    record = hit.record
    rivals = [h for h in hits[:3] if h.type == "quote" and h.score >= hit.score - 1]
    if any(h.record.get("speaker") != record.get("speaker") for h in rivals):
        return None  # the same words said by two people
    found = speaker_candidate(index, record)
    return answer_from(found, [found], record) if found else None


def _event(question: Question, record: Row, asked: str) -> Answer | None:
    if "date" in question.cues and not _titled(question, record):
        return None  # DeepSpec's release, which speaks of V4's preview, is not V4's date
    if "until" in question.cues:
        return None  # till when it lasted is no date of when it happened
    if "date" in question.cues:
        event = event_candidate(record)
        return answer_from(event, [event], record)
    if "what" in question.cues and asked == "released":
        title = Candidate("identity", "event", record, "title", record["title"], record["sources"])
        return answer_from(title, [title], record)
    return None


def _figure(question: Question, record: Row, asked: str) -> Answer | None:
    figures = [c for c in figures_of("fact", record, record) if c.key in (asked, "figure")]
    named = [c for c in figures if covered(leftover(question.rest), said_by(c))]
    if len(named) == 1:
        return answer_from(named[0], figures, record)
    if len(figures) == 1 or (figures and figures[0].key == asked):
        return answer_from(figures[0], figures, record)
    return None
