"""A model named as the first of its kind: "when did the company's first code model come out",
"DeepSeek 最早的代码模型是哪个月推出的", "ds 第一个视觉模型有多大".

When the question names no model (the company, a topic, a term, or nothing) and says first,
earliest or 最早 just before a kind of model (code, math, reasoning, vision), the model of that
kind released first (not a variant of another) is the one asked about; none when a model of that
kind has no release date, for then which came first is not known, and the question is then
left unanswered rather than answered by the first dated thing its words touch.
"""

from __future__ import annotations

import re

from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import COMPANY
from deepseek_kb.search.dated import released_day
from deepseek_kb.search.question import Question

# The words of each kind of model, as the models' `kind` field names it.
_KINDS = {
    "code": "code|coding|coder|代码|编程",
    "math": "math|maths|mathematics|数学",
    "reasoning": "reasoning|推理",
    "vision-language": "vision|visual|vision-language|视觉|图像",
}
# First, then the kind within a few words: "first code model", "最早的代码模型", "第一个推理模型".
_FIRST = re.compile(
    r"(?:\b(?:first|earliest|very first)\b|最早的?|第一个|第一款|首个|首款)\s*"
    r"(?:(?:open[- ]source|open|public|开源的?)\s*)?(?P<kind>"
    + "|".join(f"(?P<{k.replace('-', '_')}>{w})" for k, w in _KINDS.items())
    + ")"
)


def first_meant(index: Index, question: Question) -> Question:
    """The question about the first model of the kind it names, when it names no model."""
    kind, record = question.subject or (None, None)
    if kind == "model" or (
        record is not None and kind == "organization" and record["id"] != COMPANY
    ):
        return question
    said = _FIRST.search(question.rest)
    if said is None:
        return question
    asked = next(k for k in _KINDS if said.group(k.replace("-", "_")))
    first = _first_of(index, asked)
    if first is None:
        return question._replace(unknown=True)
    rest = question.rest[: said.start()] + " " + question.rest[said.end() :]
    return question._replace(rest=" ".join(rest.split()), subject=("model", first))


def _first_of(index: Index, kind: str) -> Row | None:
    """The model of the kind released first, of those no other is the variant of."""
    models = [m for m in index.records("model") if m.get("kind") == kind]
    dated = [(released_day(m), m) for m in models if not m.get("variant_of")]
    if not dated or any(not day for day, _ in dated):
        return None
    dated.sort(key=lambda pair: pair[0])
    return dated[0][1] if len(dated) == 1 or dated[0][0] != dated[1][0] else None
