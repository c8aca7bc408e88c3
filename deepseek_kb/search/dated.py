"""A model named by the day it came out: "how many parameters sit inside the mixture-of-experts
model DeepSeek open-sourced on 26 December 2024", "2024年5月6日发布的那个模型有多少层".

When the question names no model (a term, a topic, the company, or nothing), states one full
date, and asks a field of a model once the date and the words of its release are taken out, the
one model released that day (its family's main model, when several were) is the one asked about.
A date the question asks for, or a month alone, names no model.
"""

from __future__ import annotations

from deepseek_kb.analysis.text import taken_out
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import COMPANY
from deepseek_kb.search.chosen import keys_for
from deepseek_kb.search.claims import dates_in
from deepseek_kb.search.question import CLEAR, Question, best_asked, vocabulary

# The kinds of thing named that say nothing of which model is meant.
_UNSPECIFIC = ("topic", "term")


def dated_meant(index: Index, question: Question) -> Question:
    """The question about the model released on the day it states, when it asks a field of
    that model rather than the day."""
    kind, record = question.subject or (None, None)
    if record is not None and kind not in _UNSPECIFIC and record["id"] != COMPANY:
        return question
    dates, rest = dates_in(question.rest)
    days = {d.value for d in dates if len(d.value) == len("2024-12-26")}
    if len(dates) != 1 or len(days) != 1 or question.others:
        return question
    model = _released_on(index, days.pop())
    if model is None:
        return question
    rest = taken_out(rest, vocabulary()["released"].said_in(rest))
    asked, score = best_asked(rest, question.cues - {"date"}, keys_for("model"))
    if score < CLEAR or vocabulary()[asked].expects == "date":
        return question
    return question._replace(rest=" ".join(rest.split()), subject=("model", model))


def _released_on(index: Index, day: str) -> Row | None:
    """The one model released that day, or the one main model of those that were."""
    models = [m for m in index.records("model") if _day(m) == day]
    if len(models) > 1:
        models = [m for m in models if m.get("main")]
    return models[0] if len(models) == 1 else None


def _day(model: Row) -> str:
    released = model.get("released")
    return str(released.get("date", "")) if isinstance(released, dict) else ""
