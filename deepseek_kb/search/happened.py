"""Of equally good dates, the ones that answer: when a thing happened, not when it was announced
(unless that is asked); the thing's own, not an event titled by another thing whose name holds
its name (V3.1-Terminus's release, for V3.1); those of the events whose titles say what else is
asked (梁文锋的采访: his interviews, not AlexNet's impact, which a note of his material dates)."""

from __future__ import annotations

from deepseek_kb.analysis.text import normalize
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.holding import held_count
from deepseek_kb.search.leftover import leftover
from deepseek_kb.search.named import has, names_of
from deepseek_kb.search.passages import names_it
from deepseek_kb.search.question import Question
from deepseek_kb.search.said import title_of

# Words that ask when something was announced, not when it happened.
_ANNOUNCED = ("announce", "announced", "announcement", "预告", "宣布", "官宣")


def happened(question: Question, top: list[Candidate]) -> list[Candidate]:
    """The candidates that date what the question asks, of those scored equally."""
    if any(has(question.rest, word) for word in _ANNOUNCED):
        return top
    kept = _announcements_asked(leftover(question.rest), top)
    happened = [c for c in top if not _announced(c) or c in kept]
    own = [c for c in happened if c.kind != "event" or not _named_longer(question, c.record)]
    return _titled_as_asked(question, own or happened or top)


def _announcements_asked(pieces: list[str], top: list[Candidate]) -> list[Candidate]:
    """The announcements whose titles say all the question's words, when no event that
    happened says them (the week, of its days): "the service switched to V3" is dated by
    "Service fully upgraded to DeepSeek V3"."""
    if any(c.kind == "event" and not _announced(c) and _titled(pieces, c.record) for c in top):
        return []
    return [c for c in top if _announced(c) and _titled(pieces, c.record)]


def _announced(candidate: Candidate) -> bool:
    return candidate.kind == "event" and candidate.record.get("type") == "announcement"


def _titled(pieces: list[str], event: Row) -> bool:
    """Whether the event's title says all the question's words."""
    return bool(pieces) and held_count(pieces, title_of(event)) == len(pieces)


def _named_longer(question: Question, event: Row) -> bool:
    """Whether the event's title names the thing asked about only inside a longer name."""
    if question.subject is None:
        return False
    title = title_of(event)
    names = {normalize(n) for n in names_of(question.subject[1]) if len(n) >= 2}
    return any(has(title, n) for n in names) and not names_it(question, title)


def _titled_as_asked(question: Question, top: list[Candidate]) -> list[Candidate]:
    pieces = leftover(question.rest)
    titled = [c for c in top if c.kind == "event" and _titled(pieces, c.record)]
    return titled or top
