"""Questions answered without a language model: a thing and what is asked of it, both named.

`V3 training cost`, `DeepSeek-V3 的训练成本是多少`, `how many employees`, `when was DeepSeek
founded`: the thing (a model, a project, an organisation, a person) is found by its names and
aliases; what is asked (cost, GPU hours, parameters, context, release date, experts, head
count, founder, education …) by words in Chinese or English. When both are found and the
record states it, the answer is that value with the record, the field and its sources. A
question that names what is asked but no thing is answered when only one record can hold it
(only V3 states a training cost) or when the company is meant (head count, founder).
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from deepseek_kb.index.store import Index
from deepseek_kb.kinds import SUBJECTS
from deepseek_kb.rows import Row
from deepseek_kb.search.text import normalize
from deepseek_kb.values import cites, format_value, name_of, pick

# Words that make a query a question, besides what it asks (cost, context …).
QUESTION_WORDS = ("what", "when", "who", "whom", "which", "where", "why", "how")
QUESTION_MARKS = ("多少", "什么", "何时", "哪", "谁", "怎么", "几", "吗", "?", "？")


class Attribute(NamedTuple):
    """Something a question can ask of a record: its words, where it is held, its label."""

    key: str
    words: tuple[str, ...]
    zh: str
    en: str
    spec: str | None = None


def _words(listed: str) -> tuple[str, ...]:
    return tuple(listed.split("|"))


# Longer words win over shorter ones (activated parameters over parameters).
ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute(
        "training_cost",
        _words("training cost|cost to train|train cost|cost|训练成本|成本|花了多少钱|花费"),
        "训练成本",
        "training cost",
        "training_cost",
    ),
    Attribute(
        "gpu_hours",
        _words("gpu hours|gpu-hours|h800 hours|gpu 小时|gpu小时|卡时|gpu时"),
        "GPU 小时",
        "GPU hours",
        "gpu_hours",
    ),
    Attribute(
        "active_params",
        _words(
            "activated parameters|active parameters|activated params|active params|activated|激活参数|激活"
        ),
        "激活参数",
        "activated parameters",
        "active_params",
    ),
    Attribute(
        "total_params",
        _words("parameters|params|parameter count|how big|size|参数量|参数|多大|规模"),
        "总参数",
        "parameters",
        "total_params",
    ),
    Attribute(
        "context_length",
        _words("context length|context window|context|上下文长度|上下文|窗口"),
        "上下文长度",
        "context length",
        "context_length",
    ),
    Attribute(
        "training_tokens",
        _words("training tokens|trained on|tokens|训练数据|训练 token|token"),
        "训练 token",
        "training tokens",
        "training_tokens",
    ),
    Attribute("layers", _words("layers|层数|多少层"), "层数", "layers", "layers"),
    Attribute(
        "routed_experts", _words("experts|专家"), "路由专家", "routed experts", "routed_experts"
    ),
    Attribute(
        "api_price_input",
        _words("api price|price|pricing|价格|定价|收费"),
        "API 输入价格",
        "API input price",
        "api_price_input",
    ),
    Attribute(
        "license_model", _words("license|licence|许可|协议"), "许可", "licence", "license_model"
    ),
    Attribute("paper", _words("paper|arxiv|论文"), "论文", "paper", "paper"),
    Attribute(
        "definition",
        _words(
            "what is|what's|what are|what does|meaning of|define|definition|explain|是什么|什么是|是啥|啥是|含义|意思|定义|解释"
        ),
        "定义",
        "definition",
    ),
    Attribute(
        "released",
        _words("release date|released|release|launch|when|什么时候|何时|发布|哪天|哪年"),
        "发布日期",
        "release date",
    ),
    Attribute("founded", _words("founded|founding|established|成立|创立|创办"), "成立", "founded"),
    Attribute(
        "headcount",
        _words(
            "how many employees|employees|headcount|head count|team size|staff|how many people|researchers|engineers|研究员|研究人员|工程师|员工|人数|多少人|团队规模"
        ),
        "人数",
        "head count",
    ),
    Attribute(
        "founder",
        _words("founder|founded by|who founded|who started|ceo|创始人|谁创办|谁创立"),
        "创始人",
        "founder",
    ),
    Attribute(
        "education",
        _words("education|studied|university|degree|学历|毕业|大学|读书"),
        "教育",
        "education",
    ),
)
# What a question about no particular thing asks of the company.
COMPANY = "deepseek"


class Answer(NamedTuple):
    """A value found for a question: the record holding it (with its kind), which field, the
    value, its sources, and the thing asked about when another record holds the value (the
    company whose head count a fact states)."""

    kind: str
    record: Row
    field: str
    attribute: Attribute
    value: Any
    sources: list[Row]
    subject: Row | None = None

    def text(self, lang: str) -> str:
        """The value as read in one language ($5.576M, 128K, 2023-05, 梁文锋)."""
        return format_value(self.value, "en" if lang == "both" else lang)

    def line(self, lang: str) -> str:
        """`DeepSeek-V3 · training cost · $5.576M · v3-paper p.5`."""
        shown = "en" if lang == "both" else lang
        what = self.attribute.zh if shown == "zh" else self.attribute.en
        whose = name_of(self.subject or self.record, shown)
        return " · ".join((whose, what, self.text(lang), cites(self.sources)))

    def as_json(self, terms: list[str]) -> Row:
        """The answer as the first search hit: how = answer, field = the path of the value."""
        answer = {"value": self.value, "text": self.text("en"), "cites": cites(self.sources)}
        if self.subject is not None:
            answer["about"] = self.subject["id"]
        return {
            "id": self.record["id"],
            "type": self.kind,
            "score": 100.0,
            "match": {"field": self.field, "how": "answer", "terms": terms, "answer": answer},
            "record": self.record,
        }


def is_question(query: str) -> bool:
    """Whether the query asks something (a question word, a figure) rather than names a thing."""
    norm = normalize(query)
    return (
        any(_has(norm, word) for word in QUESTION_WORDS)
        or any(mark in norm for mark in QUESTION_MARKS)
        or any(c.isdigit() for c in norm)
        or _attribute(norm) is not None
    )


def _has(norm: str, word: str, also_joins: str = "") -> bool:
    """Whether `word` is in the query; a Latin word only as a whole word (`cost` is not in
    `costume`). Plain string search: a regular expression per word would cost more to compile
    than the whole lookup."""
    if not (word[0].isascii() and word[0].isalnum()):
        return word in norm
    start = norm.find(word)
    while start != -1:
        end = start + len(word)
        before = norm[start - 1] if start else " "
        after = norm[end : end + 2]
        if not _joins(before, also_joins) and not (
            after and (_joins(after[0], "") or (after[0] in also_joins and _joins(after[1:2], "")))
        ):
            return True
        start = norm.find(word, start + 1)
    return False


def _joins(char: str, extra: str) -> bool:
    """Whether a character continues a Latin word (a letter, a digit, or one of `extra`)."""
    return bool(char) and ((char.isascii() and char.isalnum()) or char in extra)


def _attribute(norm: str) -> Attribute | None:
    found = [(len(w), a) for a in ATTRIBUTES for w in a.words if _has(norm, w)]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _subject(index: Index, norm: str, kinds: tuple[str, ...]) -> tuple[str, Row] | None:
    """The named thing a query mentions: the longest name or alias of a record of these kinds
    found in it as whole words."""
    best: tuple[int, str, str] | None = None
    for kind in kinds:
        for entry in index.names(kind):
            name = normalize(entry.name)
            if len(name) < 2 or (best and len(name) <= best[0]):
                continue
            if _has(norm, name, also_joins=".-"):  # R1 is not in R1-0528, V3 not in V3.1
                best = (len(name), entry.id, kind)
    if best is None:
        return None
    found = index.get(best[1])
    return (found.kind, found.row) if found else None


def answer(index: Index, query: str) -> Answer | None:
    """The value a question asks for, when the thing and what is asked are both clear."""
    norm = normalize(query)
    attribute = _attribute(norm)
    if attribute is None:
        return None
    kinds = ("term",) if attribute.key == "definition" else SUBJECTS
    subject = _subject(index, norm, kinds) or _only_holder(index, attribute)
    if subject is None:
        return None
    kind, record = subject
    return _value(index, kind, record, attribute)


def _only_holder(index: Index, attribute: Attribute) -> tuple[str, Row] | None:
    """The one model stating a spec (only V3 states a training cost), or the company."""
    if attribute.spec:
        holders = index.query(
            "SELECT json FROM records WHERE type = 'model' AND json LIKE ?",
            (f'%"{attribute.spec}":{{"value"%',),
        )
        if len(holders) == 1:
            return "model", json.loads(holders[0][0])
        return None
    company = index.get(COMPANY)
    if company and attribute.key in ("headcount", "founder", "founded"):
        return company.kind, company.row
    return None


def _value(index: Index, kind: str, record: Row, attribute: Attribute) -> Answer | None:
    """The answer the record holds for what is asked, if it holds one."""
    if kind == "model" and attribute.spec and attribute.spec in record.get("specs", {}):
        spec = record["specs"][attribute.spec]
        field = f"specs.{attribute.spec}"
        return Answer(kind, record, field, attribute, spec["value"], spec["sources"])
    if attribute.key in ("released", "founded"):
        return _date(kind, record, attribute)
    if kind == "term" and attribute.key == "definition":
        return Answer(
            kind, record, "definition", attribute, record["definition"], record["sources"]
        )
    if kind == "project" and attribute.key == "license_model" and record.get("license"):
        licence = record["license"]
        return Answer(kind, record, "license", attribute, licence["value"], licence["sources"])
    if kind == "organization" and attribute.key == "headcount":
        return _headcount(index, record, attribute)
    if kind == "organization" and attribute.key == "founder":
        return _founder(index, record, attribute)
    if kind == "person" and attribute.key == "education":
        return _education(record, attribute)
    return None


def _date(kind: str, record: Row, attribute: Attribute) -> Answer | None:
    released = record.get("released")
    if released:
        date = released["date"]
        return Answer(kind, record, "released.date", attribute, date, released["sources"])
    if record.get("founded"):
        return Answer(kind, record, "founded", attribute, record["founded"], record["sources"])
    return None


def _headcount(index: Index, org: Row, attribute: Attribute) -> Answer | None:
    """The first fact about the organisation that counts people (60 people)."""
    for fact in index.records("fact"):
        if org["id"] not in fact.get("about", []):
            continue
        for number, figure in enumerate(fact.get("figures", [])):
            if figure["value"]["unit"] == "people":
                field = f"figures[{number}]"
                value = figure["value"]
                return Answer("fact", fact, field, attribute, value, fact["sources"], org)
    return None


def _founder(index: Index, org: Row, attribute: Attribute) -> Answer | None:
    """The person whose role says they founded the organisation."""
    for person in index.records("person"):
        role = pick(person["role"], "both").casefold()
        if org["id"] in person.get("affiliations", []) and ("founder" in role or "创始人" in role):
            return Answer(
                "person", person, "name", attribute, person["name"], person["sources"], org
            )
    return None


def _education(person: Row, attribute: Attribute) -> Answer | None:
    """The line of a person's biography that names a university or a degree."""
    for number, item in enumerate(person.get("bio", [])):
        text = pick(item, "both").casefold()
        if any(w in text for w in ("university", "大学", "学院", "degree", "学位")):
            return Answer("person", person, f"bio[{number}]", attribute, item, person["sources"])
    return None
