"""Values that stand in for the field asked: a figure whose label says all the question asks
("V3 词表大小" asks the vocabulary's size, not the model's), and a text field that tells what a
missing one would ("OCR 2 的编码器用哪个模型初始化": no base model, but the architecture says what
its encoder is built from)."""

from __future__ import annotations

import json
import re

from deepseek_kb.analysis.text import normalize
from deepseek_kb.asking import UNIT_ASKED
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.answered import Answer, answer_from, same_value
from deepseek_kb.search.leftover import STOP_HAN, beside, content, covered, leftover, untyped
from deepseek_kb.search.named import has
from deepseek_kb.search.question import Asking, Question, vocabulary
from deepseek_kb.search.said import record_text, said_by


def told_in_another(
    question: Question, record: Row, asking: Asking, found: list[Candidate]
) -> Answer | None:
    """A text field the thing lacks, asked of a part the question names ("OCR 2 的编码器用哪个
    模型初始化" has no base model, but its architecture tells what its encoder is built from):
    the one other text spec whose value says every word left."""
    if asking.expects != "text":
        return None
    pieces = leftover(untyped(question.rest))  # "哪个小模型": the answer names one
    told = [
        c
        for c in found
        if c.field.startswith("specs.")
        and vocabulary()[c.key].expects == "text"
        and covered(pieces, said_by(c), strict=True)
    ]
    return answer_from(told[0], told, record) if len(told) == 1 else None


def figure_told(
    question: Question, record: Row, asking: Asking, found: list[Candidate]
) -> Answer | None:
    """A field the thing lacks, asked with more words ("V2 比 67B 省了多少训练成本"): the
    figures whose label speaks of the field and whose line says the rest (42.5 % of training
    cost saved, compared with DeepSeek 67B), when they agree on one value."""
    pieces = leftover(question.rest)
    told = [
        c
        for c in figure_for(asking, question, found)
        if _labelled(c)
        and covered(
            pieces, [*said_by(c), *(str(s.get("quote", "")) for s in c.sources)], strict=True
        )
    ]
    told = _one_value(told)
    return answer_from(told[0], told, record) if told else None


def figure_named(question: Question, found: list[Candidate], asking: Asking) -> list[Candidate]:
    """The figures whose label says everything the question asks when the field asked leaves
    a word unexplained ("V3 词表大小" asks the vocabulary size, not the model's size; "V3 预训练
    GPU hours" the pre-training's, not the whole training's), the shortest labels first, when
    they agree on one value; else none."""
    if not leftover(question.rest) and not beside(question.rest, asking.said_in(question.rest)):
        return []
    named = [
        c
        for c in found
        if _labelled(c) and c.label and _label_says_it(question, c, c.label, asking)
    ]
    # The figure's own label before a claim's whole sentence that happens to hold the words.
    shortest = min((len(str(c.label["en"])) for c in named if c.label), default=0)
    return _one_value([c for c in named if c.label and len(str(c.label["en"])) == shortest])


def _label_says_it(question: Question, figure: Candidate, label: Row, asking: Asking) -> bool:
    """Whether the figure's label says every word the question asks besides the terms that set
    its scene, and the words ask more than the field (else the field's own value answers, not a
    figure that repeats it: "how many shared experts in every MoE layer")."""
    rest = _context_out(question, figure)
    return _says_all(rest, [label["zh"], label["en"]]) and bool(beside(rest, asking.said_in(rest)))


def _context_out(question: Question, candidate: Candidate) -> str:
    """The question without the terms it names that the figure's cited lines speak of: the
    setting it is told in ("under V2's device-limited routing, how many devices at most")."""
    said = normalize(" ".join(str(s.get("quote", "")) for s in candidate.sources))
    said += " " + said.replace("-", " ")  # device-limited routing, typed without its hyphen
    rest = question.rest
    for kind, _, name in question.also_named:
        if kind == "term" and has(said, name):
            rest = rest.replace(name, " ")
    return rest


def told_otherwise(
    question: Question, record: Row, asking: Asking, found: list[Candidate]
) -> tuple[bool, Answer | None]:
    """Whether the thing tells a field its kind cannot hold otherwise, and the answer that
    tells it: a figure of it in the field's unit or labelled in the words asked (2048 GPUs in
    V3's cluster); what it is, a text asked in words its description says ("smallpond is built
    on DuckDB"); none, though told, when its words say it elsewhere."""
    labelled = figure_for(asking, question, found)
    if labelled:
        return True, answer_from(labelled[0], labelled, record)
    asked = asking.said_in(question.rest)
    said = normalize(record_text(record))
    if not asked or not all(has(said, phrase) for phrase in asked):
        return False, None
    told = [
        c
        for c in found
        if c.key == "identity"
        and all(has(normalize(" ".join(said_by(c))), phrase) for phrase in asked)
    ]
    if asking.expects == "text" and len(told) == 1:
        return True, answer_from(told[0], told, record)
    return True, None


# A code a value is written in: letters and digits in one word (FP8, BF16, H800, A100).
_CODE = re.compile(r"\b[a-z]+\d+[a-z\d]*\b")


def models_holding(index: Index, key: str) -> list[Row]:
    """The models that state a value for the spec."""
    holders = index.query(
        "SELECT json FROM records WHERE type = 'model' AND json LIKE ?", (f'%"{key}":{{"value"%',)
    )
    return [json.loads(text) for (text,) in holders]


def value_told(index: Index, record: Row, key: str) -> bool:
    """Whether the thing's words, or those of a record about it, name a code the field takes on
    the models that hold it (FP8, a training precision, in DeepGEMM's "FP8 GEMM kernels"; H800
    in FlashMLA's Day 1): the field is told there, though the thing holds no such field."""
    codes = {
        code
        for model in models_holding(index, key)
        for code in _CODE.findall(normalize(json.dumps(model["specs"][key]["value"])))
    }
    about = [f.row for f in index.mentions(record["id"]) if record["id"] in f.row.get("about", [])]
    said = normalize(" ".join(record_text(r) for r in [record, *about]))
    return any(has(said, code) for code in codes)


def figure_for(asking: Asking, question: Question, found: list[Candidate]) -> list[Candidate]:
    """The figures of the field asked, where this kind of thing has no such field of its own
    ("how many engineers worked on V3": a model has no head count, but a fact about it gives
    one), or whose own label says what the question asks, when they agree on one value."""
    asked = asking.said_in(question.rest)
    named = [
        c
        for c in found
        if c.key == asking.key
        or (c.key == "figure" and _unit_asks(c) == asking.key)  # 2048 GPUs in V3's cluster
        or (
            asked
            and ".figures[" in f".{c.field}"  # a labelled figure, of a field or none
            and c.label
            and all(_in_label(c.label, p) for p in asked)
        )
    ]
    return _one_value(named)


def _in_label(label: Row, phrase: str) -> bool:
    """Whether a figure's label says the phrase, or its plural (GPU: "NVIDIA A100 GPUs")."""
    said = normalize(f"{label['zh']} {label['en']}")
    phrase = _ASKING.sub("", phrase).strip() or phrase  # 什么卡: the cards, 显卡
    if not phrase.isascii():
        return phrase in said
    return has(said, phrase) or has(said, f"{phrase}s")


# The question words a field's phrase may start with ("什么卡", "which gpus").
_ASKING = re.compile(r"^(?:什么|哪种|哪款|哪个|what kind of|what|which)\s*")


def _labelled(candidate: Candidate) -> bool:
    """Whether it is a figure with a label of its own, not a claim's whole sentence."""
    return candidate.key == "figure" and ".figures[" in f".{candidate.field}"


def _one_value(named: list[Candidate]) -> list[Candidate]:
    """The candidates, when they agree on one value; else none."""
    return named if len({same_value(c.value) for c in named}) == 1 else []


def _unit_asks(candidate: Candidate) -> str | None:
    """The field a figure's unit answers (GPUs: how many GPUs), if any."""
    unit = candidate.value.get("unit") if isinstance(candidate.value, dict) else None
    return _UNIT_ASKED.get(str(unit))


_UNIT_ASKED = {unit.value: key for unit, key in UNIT_ASKED.items()}


# A stage named as such ("预训练阶段", "the pre-training stage"): the stage's own name says it.
_STAGE = re.compile(r"阶段|期间|过程中|环节|\b(?:stage|stages|phase|phases)\b")


def _says_all(rest: str, texts: list[str]) -> bool:
    """Whether the texts hold every Latin word of the question (by its stem) and every Chinese
    character that is no function word: stricter than `covered`, for a label to stand in for
    the field asked ("训练时用的是什么卡" is not asking the training days)."""
    said = normalize(" ".join(texts))
    texts = [*texts, said.replace("-", "")]  # pre-training is pretraining
    rest = _STAGE.sub(" ", rest)
    han = [ch for ch in rest if not ch.isascii() and ch.isalnum() and ch not in STOP_HAN]
    return covered(content(rest), texts) and all(ch in said for ch in han)
