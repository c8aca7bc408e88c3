"""A figure a question names by its label, in a fact or event that speaks of all it asks.

"V3/R1 推理服务理论成本利润率", "what did a day of serving V3 and R1 cost": the value is one of
several labelled figures of a record (a day of DeepSeek's inference service: peak nodes, daily
cost, revenue, margin), not a field of the thing asked about. A fact or event about the thing,
or among the best hits, whose text holds three in four of the question's words, offers its
figures; the one whose label the question repeats most clearly answers, when no figure with
another value is repeated as clearly. A date or a name asked is no figure.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import COMPANY, Candidate, figures_of
from deepseek_kb.search.answered import Answer, answer_from, same_value
from deepseek_kb.search.holding import held_count
from deepseek_kb.search.leftover import content
from deepseek_kb.search.named import Hit
from deepseek_kb.search.passage import TEXTS
from deepseek_kb.search.passages import SHARE, names_it
from deepseek_kb.search.question import CLEAR, Question, label_score

# The kinds of record whose labelled figures may answer.
KINDS = ("fact", "event")


def figure_answer(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | None:
    """The labelled figure the question names, of a record that speaks of all it asks."""
    words = content(question.rest)
    if len(words) < 2 or question.cues & {"date", "name"}:
        return None
    scored = [
        (label_score(question.rest, figure.label, alike_too=True), figure)
        for figure in _offered(index, question, hits, words)
    ]
    best = max((score for score, _ in scored), default=0)
    top = [figure for score, figure in scored if score == best]
    if best < CLEAR or len({same_value(f.value) for f in top}) != 1:
        return None
    return answer_from(top[0], top, top[0].record)


def _offered(
    index: Index, question: Question, hits: Sequence[Hit], words: list[str]
) -> Iterator[Candidate]:
    """The figures of the records that hold three in four of the question's words and name the
    thing asked about (the company or a topic is what every record speaks of; another model's
    figure is not V3's)."""
    subject = question.subject[1] if question.subject is not None else None
    broad = subject is None or (question.subject is not None and question.subject[0] == "topic")
    broad = broad or (subject is not None and subject["id"] == COMPANY)
    for kind, record in _records(index, question, hits):
        text = normalize(_told(record))
        if held_count(words, text) < SHARE * len(words):
            continue
        if broad or names_it(question, text):
            yield from figures_of(kind, record, subject or record)


def _told(record: Row) -> str:
    """What the record says, in both languages: its date, texts, title and figures' labels (not
    its note nor its sources' quotes, which speak of more than the figures)."""
    said = [record.get(key) for key in (*TEXTS, "title")]
    said += [figure["label"] for figure in record.get("figures", [])]
    texts = [f"{t['zh']} {t['en']}" for t in said if isinstance(t, dict)]
    return " ".join([str(record.get("date", "")), *texts])


def _records(index: Index, question: Question, hits: Sequence[Hit]) -> Iterator[tuple[str, Row]]:
    """The facts and events about the thing asked, then those among the best hits; each once."""
    found: list[tuple[str, Row]] = []
    if question.subject is not None:
        found += [(f.kind, f.row) for f in index.mentions(question.subject[1]["id"])]
    found += [(h.type, h.record) for h in hits]
    seen: set[str] = set()
    for kind, record in found:
        if kind in KINDS and record["id"] not in seen:
            seen.add(record["id"])
            yield kind, record
