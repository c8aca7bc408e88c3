"""Whether a question clearly asks for a field of the thing it names, and when it asks that field
of something more (训练语料里代码占比: the training data's share of code), the words it asks the
field by: a passage that says them, and every word the field does not explain, answers."""

from __future__ import annotations

from deepseek_kb.search.chosen import OPEN, keys_for
from deepseek_kb.search.fits import kind_fits
from deepseek_kb.search.leftover import leftover
from deepseek_kb.search.question import CLEAR, Question, best_asked, vocabulary

# Below this, a field's words are one short phrase (多大, size).
_FAINT = 5


def field_asked(question: Question) -> bool:
    """Whether the question clearly asks for a field of its own (a price, a hidden size): a
    passage that merely mentions it does not answer."""
    return _clearly(question, *_asked(question))


def qualified_by(question: Question) -> tuple[str, ...]:
    """The phrases a field clearly asked is asked by, when two words or more beside them say
    what more is asked of it (代码, 比例 beside 训练语料); none when the field's words are faint
    beside a number (price, beside "Claude 3.5 Sonnet": a thing the KB does not hold, which a
    sentence comparing V3 with it does not price), or when a date is asked: an event that speaks
    of it all is dated for what it is, not for all it names."""
    asked, score = _asked(question)
    if not _clearly(question, asked, score) or "date" in question.cues:
        return ()
    words = set(leftover(question.rest))
    numbered = any(any(ch.isdigit() for ch in word) for word in words)
    if (score <= _FAINT and numbered) or len(words) < 2:
        return ()
    return tuple(vocabulary()[asked].said_in(question.rest))


def _clearly(question: Question, asked: str, score: int) -> bool:
    """Whether the field is clearly what is asked, and asked as a value of its own."""
    # A field whose value is not of the kind asked is not what is asked: "which journal published
    # it" asks no date, though it says published; "how many samples … fine-tuned on" asks no base
    # model, though fine-tuned on says one.
    fits = kind_fits(question, vocabulary()[asked].expects)
    # One short word for a field among many it does not explain ("decode 阶段 expert
    # parallelism 开到多大": 多大 is no model's size) asks what a passage tells.
    faint = score < _FAINT and len(leftover(question.rest)) >= 3
    # "…主导开发的那个预训练模型叫什么名字": the name of what the words describe, which a
    # passage names, not the thing's own name.
    described = asked == "called" and len(leftover(question.rest)) >= 2
    return (
        score >= CLEAR
        and asked not in OPEN
        and asked != "said"
        and fits
        and not faint
        and not described
    )


def _asked(question: Question) -> tuple[str, int]:
    """The field the question asks for, of the fields of the thing it names, and how clearly;
    a topic is no thing, and any field asked of it counts."""
    keys: tuple[str, ...] = ()
    if question.subject is not None and question.subject[0] != "topic":
        keys = keys_for(question.subject[0])
    return best_asked(question.rest, question.cues, keys)
