"""Words that say what the thing asked about is, not what is asked of it.

"What base model is DeepSeek's self-verifying math model, DeepSeekMath-V2, built on": the words
"self-verifying math model" say what DeepSeekMath-V2 is (its summary: towards self-verifiable
mathematical reasoning); only its base model is asked. "In which city is the quant fund that
incubated DeepSeek based": "quant fund" is what High-Flyer is. "Which model was trained with RL
only, no SFT": "no SFT" is what pure RL is, by its definition.
"""

from __future__ import annotations

from collections.abc import Sequence

from deepseek_kb.analysis.text import normalize, taken_out
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answered import Answer
from deepseek_kb.search.chosen import choose
from deepseek_kb.search.leftover import covered, leftover
from deepseek_kb.search.named import Hit
from deepseek_kb.search.question import Question

# The fields in which a record says what it is.
_WHAT_IT_IS = ("kind", "family", "summary", "description", "definition")
# What every model is, whatever its summary says ("how deep is the V3 network", "the final V3.2").
_EVERY_MODEL = "network neural llm 网络 神经网络 final"


def described_answer(
    index: Index, question: Question, kind: str, record: Row, hits: Sequence[Hit]
) -> Answer | None:
    """What the model (or term) holds for the question without the words that say what it is,
    when they are all it asks besides a field (no words the answer must account for remain)."""
    rest = described(question.rest, record, _EVERY_MODEL if kind == "model" else "")
    if rest == question.rest or leftover(rest):
        return None
    found = choose(index, question._replace(rest=rest), kind, record, hits)
    return found if isinstance(found, Answer) else None


def described(rest: str, record: Row, every: str = "") -> str:
    """The words without those the record's own kind and description say, or those that
    describe every thing of its kind."""
    said = what_it_is(record, every)
    gone = [piece for piece in leftover(rest) if covered([piece], [said], strict=True)]
    return " ".join(taken_out(rest, gone).split()) if gone else rest


def what_it_is(record: Row, every: str = "") -> str:
    """What the record says it is: its kind, family, summary and description, as one text."""
    told = [every, *(record.get(field) or "" for field in _WHAT_IT_IS)]
    return normalize(" ".join(t if isinstance(t, str) else " ".join(t.values()) for t in told))
