"""A thing named by its place in a numbered line of its parent's: "High-Flyer's second compute
cluster" is Fire-Flyer 2, "幻方自己搭的第一代训练平台" Fire-Flyer 1.

When the question names an organisation and an ordinal (second, 2nd, 第二代) before a word that
says what kind of thing, and the organisation's children of one kind are numbered (Fire-Flyer 1,
Fire-Flyer 2), the child with that number is the one asked about; the ordinal, and the words that
say what kind of thing it is (a cluster, a training platform: its kind and description), are no
more asked. A model's generation named ("第二代 OCR", "the second gen of DeepSeek VL") is the
model of its family numbered so (DeepSeek-OCR 2, DeepSeek-VL2).
"""

from __future__ import annotations

import re

from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.described import described, what_it_is
from deepseek_kb.search.leftover import content, covered
from deepseek_kb.search.question import Question

_ORDINAL = re.compile(
    r"\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)(?:[- ]gen(?:eration)?)?\b"
    r"|第\s*([一二三四五1-5])\s*(?:代|套|台|号)"
)
_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_NUMBERS |= {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
_NUMBERS |= {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
# The number a thing's name ends with: Fire-Flyer 2.
_NUMBERED = re.compile(r"\s(\d+)$")


def numbered_meant(index: Index, question: Question) -> Question:
    """The question about the organisation's child its ordinal names, of a numbered line; the
    model of the generation named ("第二代 OCR" is DeepSeek-OCR 2)."""
    kind, record = question.subject or (None, None)
    if kind == "model" and record is not None:
        return _generation_meant(index, question, record)
    said = _ORDINAL.search(question.rest)
    if kind != "organization" or record is None or said is None:
        return question
    word = said.group(1) or said.group(2)
    chosen = _numbered(index, record, int(word) if word.isdigit() else _NUMBERS[word])
    # The word after the ordinal says what kind of thing it is ("second cluster", 第一代训练平台),
    # or the ordinal numbers something else (亚太第一个拿到 A100).
    after = [w for w in content(question.rest[said.end() :])[:1] if len(w) > 2 or not w.isascii()]
    if chosen is None or not after or not covered(after, [what_it_is(chosen)], strict=True):
        return question
    rest = described(question.rest.replace(said.group(), " "), chosen)
    return question._replace(rest=" ".join(rest.split()), subject=(kind, chosen))


def _numbered(index: Index, parent: Row, number: int) -> Row | None:
    """The parent's child with the number, of a line of numbered children of one kind."""
    children = [o for o in index.records("organization") if o.get("parent") == parent["id"]]
    line = [c for c in children if _number(c) is not None]
    chosen = [c for c in line if _number(c) == number]
    if len(chosen) != 1 or len({c.get("kind") for c in line}) != 1 or len(line) < 2:
        return None
    return chosen[0]


def _number(record: Row) -> int | None:
    found = _NUMBERED.search(str(dict(record.get("name") or {}).get("en", "")))
    return int(found.group(1)) if found else None


# A generation named: "second-generation", "2nd gen", "gen 2", 第二代.
_GENERATION = re.compile(
    r"\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)[- ]gen(?:eration)?\b"
    r"|\bgen(?:eration)?\s*([1-5])\b|第\s*([一二三四五1-5])\s*代"
)


def _generation_meant(index: Index, question: Question, record: Row) -> Question:
    """The model of the generation the question names, of the family of the one it names: the
    family's name numbered so ("DeepSeek-OCR 2", "DeepSeek-VL2", "DeepSeek-Coder-V2"), or the
    family's first model for the first; none of another family ("DeepSeek 第二代 R1")."""
    said = _GENERATION.search(question.rest)
    if said is None:
        return question
    word = said.group(1) or said.group(2) or said.group(3)
    number = int(word) if word.isdigit() else _NUMBERS[word]
    family = _spaced(str(record.get("family") or record["name"]["en"]))
    named = {f"{family} {number}", f"{family}{number}", f"{family} v{number}", f"{family}v{number}"}
    if number == 1:
        named.add(family)
    models = [m for m in index.records("model") if not m.get("variant_of")]
    chosen = [m for m in models if _spaced(str(m["name"]["en"])) in named]
    if len(chosen) != 1:
        return question
    rest = " ".join(question.rest.replace(said.group(), " ").split())
    return question._replace(rest=rest, subject=("model", chosen[0]))


def _spaced(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").split())
