"""The thing asked about when a question names a thing beside the one it came from, or names
a thing by the one it came from.

"when was DeepSeek spun out of High-Flyer", "深度求索是哪个月从幻方独立出来的": an organisation
named with its parent is the one asked about. "V3.2-Exp 在 V3.1-Terminus 之上又继续训了多少
token": a model named with the model it was trained from is the one asked about. Neither name is
asked for; both are taken out of the words. "In which city is the quant fund that incubated
DeepSeek based", "深度求索的母公司有多少张卡": the parent, named by what it is to the company, is
the one asked about.
"""

from __future__ import annotations

import re

from deepseek_kb.analysis.text import normalize, taken_out
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.chosen import OPEN, keys_for
from deepseek_kb.search.described import described
from deepseek_kb.search.named import has, names_of, names_out
from deepseek_kb.search.question import CLEAR, Question, best_asked, vocabulary


def child_meant(index: Index, question: Question) -> Question:
    """The question about the one of two things named (of one kind) that came from the other."""
    kind, record = question.subject or (None, None)
    if kind not in ("organization", "model") or record is None or len(question.others) != 1:
        return question
    other = index.get(question.others[0])
    if other is None or other.kind != kind:
        return question
    pair = [record, other.row]
    child = [r for r in pair if any(_came_from(r, o) for o in pair if o is not r)]
    came = _coming_asked(question, kind)
    if len(child) != 1 or came is None:
        return question
    # The model it was trained from is named: its base model is not asked.
    rest = taken_out(names_out(question.rest, pair), came)
    return question._replace(rest=" ".join(rest.split()), subject=(kind, child[0]), others=())


def _coming_asked(question: Question, kind: str) -> list[str] | None:
    """The words that ask of one thing as it came from the other, none when the question asks of
    both. Two models side by side (V3/R1 inference) are two things; one is built on the other
    only when the words say so (在 V3.1-Terminus 之上, continued from). An organisation named
    with its parent is asked when it came out of it, not what passed between them
    ("幻方给深度求索投了多少钱" is no question of DeepSeek's own figures)."""
    if kind == "organization":
        return [] if "date" in question.cues else None
    return vocabulary()["base_model"].said_in(question.rest) or None


def _came_from(record: Row, other: Row) -> bool:
    """Whether the record's parent (an organisation) or base model (a model) is the other."""
    if record.get("parent") == other["id"]:
        return True
    base = (record.get("specs") or {}).get("base_model") or {}
    value = base.get("value") if isinstance(base, dict) else None
    if not isinstance(value, str):
        return False
    return normalize(value) in {normalize(n) for n in names_of(other)}


# Words that name an organisation's parent by what it is to it (not "spun out of", which asks of
# the organisation itself).
PARENT_WORDS = (
    *("parent company", "parent firm", "parent", "that incubated", "which incubated"),
    *(
        "incubated",
        "backer",
        "behind",
        "母公司",
        "背后的公司",
        "背后的老板公司",
        "老板公司",
        "孵化",
    ),
    "背后",
)


# The people behind a thing ("the team behind DeepSeek", 背后的团队) are its own, not its parent.
_PEOPLE_BEHIND = re.compile(
    r"\b(?:team|people|staff|engineers|researchers|folks)\s+behind\b|背后的(?:团队|人)"
)


def parent_meant(index: Index, question: Question) -> Question:
    """The question about an organisation's parent, named by what it is to the organisation,
    when the words ask another field of it."""
    kind, record = question.subject or (None, None)
    if kind != "organization" or record is None or question.others:
        return question
    rest = _PEOPLE_BEHIND.sub(" ", question.rest)  # the team behind it is its own
    said = [w for w in PARENT_WORDS if has(rest, w)]
    parent = index.get(str(record.get("parent", "")))
    if not said or parent is None:
        return question
    rest = described(taken_out(question.rest, said), parent.row)
    asked, score = best_asked(rest, question.cues, keys_for("organization"))
    if score < CLEAR or asked in OPEN or asked == "parent":
        return question  # "DeepSeek 是谁孵化的", "what is its parent company": the parent asked
    return question._replace(rest=rest, subject=(kind, parent.row))
