"""A model named by the day it came out: "how many parameters sit inside the mixture-of-experts
model DeepSeek open-sourced on 26 December 2024", "2024年5月6日发布的那个模型有多少层".

When the question names no model (a term, a topic, the company, or nothing), states one full
date, and asks a field of a model once the date and the words of its release are taken out, the
one model released that day (its family's main model, when several were) is the one asked about.
A month names one with words that say what it is ("the January 2025 reasoning model", "the small
7B theorem prover from April 2025"): the one model of the month whose own description holds
them (a variant only by a size its name holds). A date the question asks for, or a month alone,
names no model.
"""

from __future__ import annotations

from collections.abc import Iterable

from deepseek_kb.analysis.text import normalize, taken_out
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import COMPANY
from deepseek_kb.search.chosen import keys_for
from deepseek_kb.search.claims import dates_in
from deepseek_kb.search.described import described, what_it_is
from deepseek_kb.search.holding import holds
from deepseek_kb.search.leftover import content, leftover
from deepseek_kb.search.named import SIZE_IN, name_words, names_of, size_said
from deepseek_kb.search.question import CLEAR, Question, best_asked, vocabulary

# The kinds of thing named that say nothing of which model is meant.
_UNSPECIFIC = ("topic", "term")


def dated_meant(index: Index, question: Question) -> Question:
    """The question about the model released on the day it states, when it asks a field of
    that model rather than the day, or in the month it states, of the kind it says."""
    kind, record = question.subject or (None, None)
    if record is not None and kind not in _UNSPECIFIC and record["id"] != COMPANY:
        return question
    dates, _ = dates_in(question.rest)
    dated = [d for d in dates if len(d.value) >= len("2024-12")]  # a year alone: AIME 2024
    if len(dated) != 1 or question.others:
        return question
    date, rest = dated[0].value, " ".join(question.rest.replace(dated[0].text, " ").split())
    if len(date) == len("2024-12-26"):
        return _on_day(index, question, date, rest)
    # A term named ("the May 2024 MoE model") says what the model is.
    told = f"{rest} {' '.join(names_of(record))}" if record is not None else rest
    model = _described_in(index, date, normalize(told))
    if model is None:
        return question
    # Described, it is asked what a named one would be (how it did on AIME, when it came out).
    rest = _released_out(_undescribed(index, rest, model))
    return question._replace(rest=rest, subject=("model", model))


def _on_day(index: Index, question: Question, day: str, rest: str) -> Question:
    """The question about the model released that day, when it asks a field of it, not the
    day."""
    model = _released_on(index, day)
    if model is None:
        return question
    rest = _released_out(rest)
    asked, score = best_asked(rest, question.cues - {"date"}, keys_for("model"))
    if score < CLEAR or vocabulary()[asked].expects == "date":
        return question
    return question._replace(rest=rest, subject=("model", model))


def _released_out(rest: str) -> str:
    return " ".join(taken_out(rest, vocabulary()["released"].said_in(rest)).split())


def _released_on(index: Index, day: str) -> Row | None:
    """The one model released that day, or the one main model of those that were."""
    return _main(m for m in index.records("model") if released_day(m) == day)


def released_day(model: Row) -> str:
    """The date the model was released, as the data gives it (2023-11, 2024-05-06), or ''."""
    released = model.get("released")
    return str(released.get("date", "")) if isinstance(released, dict) else ""


# The words of what kind of model it is that also ask for fields (推理成本 is inference cost).
_KINDS = frozenset({"推理", "代码", "数学", "视觉", "多模", "reasoning", "code", "coding", "math"})


def _undescribed(index: Index, rest: str, model: Row) -> str:
    """The question without its words of what the model is, its size and what a size says."""
    return described(size_said(rest), model, _told(index, model))


def _told(index: Index, model: Row) -> str:
    """What the model is, by its own description and its family's main model's."""
    main = index.get(str(model["variant_of"])) if model.get("variant_of") else None
    return what_it_is(model) + (" " + what_it_is(main.row) if main is not None else "")


def _described_in(index: Index, month: str, rest: str) -> Row | None:
    """The one model released in the month whose description holds the question's words of
    what it is; of a family, its main model, or the variant whose name holds the size asked."""
    words = _describing(rest)
    models = [m for m in index.records("model") if released_day(m).startswith(month)]
    described = [m for m in models if any(holds(w, _told(index, m)) for w in words)]
    sizes = {m.group() for m in SIZE_IN.finditer(rest)}
    sized = [m for m in described if sizes and sizes <= name_words(m)]
    return _one(sized) if sized else _main(m for m in described if not m.get("variant_of"))


def _one(models: list[Row]) -> Row | None:
    return models[0] if len(models) == 1 else None


def _main(models: Iterable[Row]) -> Row | None:
    """The one model, or the one main model among them."""
    found = list(models)
    return _one(found if len(found) < 2 else [m for m in found if m.get("main")])


def _describing(rest: str) -> list[str]:
    """The words that may say what the model is: those no field explains, and the kinds."""
    kinds = [w for w in content(rest) if w in _KINDS]
    return [w for w in leftover(rest) if not w.isdigit()] + kinds
