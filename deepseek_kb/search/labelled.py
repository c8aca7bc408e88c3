"""A figure found by what its record and its label speak of, when the question words them
otherwise: "新用户注册送多少钱" (新用户赠送10元), "how many technical people does ds have"
(50 of the company's 60), "what does it take just to get started on your own large model".

The last figure answer before none, for a question that asks how many or how much. Every record
holding labelled figures (a fact, an event, an organisation) that speaks of the thing asked
(any, when it is the company, a topic or nothing named) is a small document: its texts and its
figures' labels. The question's words are weighed by how rare they are among those documents (a
Latin word by its stem and the words that stand for it, a Chinese character as it is, or by a
word that stands for the pair it is in: 公司 ~ 企业). The record holding two in three of them,
by weight and by count, and weighing half as much again as any record that would give another
value, offers its figures; the one whose label the question repeats most answers (its only one
needs no label). Two alike, neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from deepseek_kb.analysis.text import normalize
from deepseek_kb.asking import CUES
from deepseek_kb.index.store import Found, Index
from deepseek_kb.kinds import Unit
from deepseek_kb.rows import Row
from deepseek_kb.search.alike import alike
from deepseek_kb.search.answerables import COMPANY, Candidate, figures_of
from deepseek_kb.search.answered import Answer, NotStated, answer_from, same_value
from deepseek_kb.search.fits import kind_fits
from deepseek_kb.search.leftover import STOP_HAN, content
from deepseek_kb.search.named import has, names_of
from deepseek_kb.search.passage import TEXTS, Passage, answered_by
from deepseek_kb.search.passages import names_it
from deepseek_kb.search.question import CLEAR, Question, best_asked, vocabulary
from deepseek_kb.search.unheard import unheard
from deepseek_kb.search.weighed import held, ranked_by

# The kinds of record whose labelled figures are read.
KINDS = ("fact", "event", "organization")
# The share of the question's words (by weight, and how many) the record must hold.
SHARE = 2 / 3
# The best record's weight over that of any record giving another value, at least.
MARGIN = 1.5


class Term(NamedTuple):
    """A word of the question: a Latin word, or a Chinese character with the pairs it is in."""

    word: str
    pairs: tuple[str, ...]


class Offer(NamedTuple):
    """A record with figures, what it says, and how much of the question it speaks of."""

    weight: float
    held: int
    record: Row
    figure: Candidate | None


def labelled_answer(index: Index, question: Question) -> Answer | NotStated | None:
    """The figure of the one record that speaks of most of what a question asking how many or
    how much says, the one its label names; none when two records speak of it alike."""
    if not _counted(question) or question.cues & {"date", "name"}:
        return None
    terms = terms_of(asked_words(question))
    if len(terms) < 2:
        return None
    if question.subject and question.subject[0] == "topic" and unheard(index, question.norm):
        return None  # "MiniMax 有多少张 GPU": of a thing the sources never speak of
    offers, rarity = _weighed(list(_records(index, question)), question, terms)
    if offers and not offers[0].record.get("figures"):
        return None  # a record with no figure speaks of the question best
    best = _clear([o for o in offers if o.record.get("figures")], rarity, _clearly_asked(question))
    if best is None or best.figure is None:
        return None
    if not _of_field(question, best.figure) or not _numbers_held(index, terms, best.record):
        return None
    return _said(index, question, best.record, best.figure)


def _counted(question: Question) -> bool:
    """Whether the question asks how many or how much, or clearly for a field that is a figure
    ("what does deepseek-chat charge per million output tokens": a price)."""
    if "quantity" in question.cues:
        return True
    asked, score = best_asked(question.norm, question.cues)
    return score >= CLEAR and vocabulary()[asked].expects == "quantity"


def _clearly_asked(question: Question) -> str:
    asked, score = best_asked(question.rest, question.cues)
    return asked if score >= CLEAR else ""


def _clear(offers: list[Offer], rarity: dict[Term, float], asked: str) -> Offer | None:
    """The best record, when it names a figure, holds enough of the question (a word no record
    holds says nothing) and clearly outweighs any record giving another value of what is asked
    (a count of start-ups is no rival to the money a question asks for)."""
    best = offers[0] if offers else None
    if best is None or best.figure is None:
        return None
    known = sum(weight > 0 for weight in rarity.values())
    if best.weight < SHARE * sum(rarity.values()) or best.held < max(2, SHARE * known):
        return None
    rivals = [o for o in offers[1:] if _rival(best.figure, o.figure, asked)]
    return None if rivals and best.weight < MARGIN * rivals[0].weight else best


def _rival(best: Candidate, other: Candidate | None, asked: str) -> bool:
    """Whether another record's figure would give another value of what is asked."""
    if other is None:
        return True
    if asked and best.key == asked and other.key != asked:
        return False
    return same_value(other.value) != same_value(best.value)


def _weighed(
    records: list[tuple[str, Row]], question: Question, terms: list[Term]
) -> tuple[list[Offer], dict[Term, float]]:
    """The records by how much of the question they speak of, the most first (each with the
    figure its label names), and each word's weight: the rarer among them, the more."""
    texts = [_told(record) for _, record in records]
    ranked, rarity = ranked_by(records, texts, terms, holds_term)
    offers = [
        Offer(weight, count, record, _figure(kind, record, question, terms, rarity))
        for weight, count, (kind, record) in ranked
    ]
    return offers, rarity


def _said(
    index: Index, question: Question, record: Row, figure: Candidate
) -> Answer | NotStated | None:
    """The figure; a bare count, which says nothing of what it counts, as the sentence stating
    it ("no more than 5 companies")."""
    if figure.value.get("unit") == Unit.number and isinstance(record.get("text"), dict):
        said = Passage(record, figure.kind, "text", record["text"], record["sources"], 0)
        return answered_by(index, question, said)
    return answer_from(figure, [figure], record)


def asked_words(question: Question) -> str:
    """The words the question asks with: without the thing's name, but a topic's name, which
    says what is asked (技术 of "技术人员"), kept."""
    if question.subject is None or question.subject[0] == "topic":
        return question.norm
    return question.rest


def terms_of(text: str) -> list[Term]:
    """The question's Latin words that say something, and its Chinese characters that do (each
    with the pairs it is in), the words asking what kind of value aside."""
    latin = [Term(w, ()) for w in dict.fromkeys(content(text)) if w.isascii()]
    for words in CUES.values():
        for word in words:
            if not word.isascii() and has(text, word):
                text = text.replace(word, " ")
    han: dict[str, set[str]] = {}
    for run in "".join(c if _is_han(c) else " " for c in text).split():
        for i, char in enumerate(run):
            pairs = han.setdefault(char, set())
            pairs.update(run[j : j + 2] for j in (i - 1, i) if 0 <= j < len(run) - 1)
    return latin + [Term(c, tuple(sorted(p))) for c, p in han.items()]


def _is_han(char: str) -> bool:
    return not char.isascii() and char.isalnum() and char not in STOP_HAN


@lru_cache(maxsize=8192)
def holds_term(term: Term, text: str) -> bool:
    """Whether a text holds a word of the question: a Latin word by its stem or a word that
    stands for it, a character as it is or by a word that stands for a pair it is in."""
    if term.word.isascii():
        return held(term.word, text)
    if any(w in text for w in alike(term.word)):
        return True
    return any(w in text for pair in term.pairs for w in alike(pair) if w != pair)


def _labels(term: Term, label: str) -> bool:
    """Whether a figure's label holds a word of the question: a Chinese character only within
    a pair of the question's (理 of 推理 is not 理 of 理论), and never alone (率 of 命中率 is not
    率 of 利润率)."""
    if term.word.isascii():
        return holds_term(term, label)
    return any(w in label for pair in term.pairs for w in alike(pair))


def _records(index: Index, question: Question) -> Iterator[tuple[str, Row]]:
    """The records holding labelled figures that speak of the thing asked: about it, naming it,
    or any when the thing is the company, a topic or nothing named."""
    subject = question.subject[1] if question.subject is not None else None
    broad = subject is None or subject["id"] == COMPANY
    broad = broad or (question.subject is not None and question.subject[0] == "topic")
    for found in _figured(index):
        record = found.row
        if record.get("figures") and (broad or _speaks_of(question, subject, record)):
            yield found.kind, record
    if subject is not None and not broad:
        # A record about the thing with no figure may speak of the question best (幻方, one of
        # the "four kings" of quant, is no count of its GPUs): then no figure answers.
        for found in index.mentions(subject["id"]):
            if found.kind == "fact" and not found.row.get("figures"):
                yield found.kind, found.row


def _figured(index: Index) -> list[Found]:
    """The records of the kinds read that may hold labelled figures, in reading order (the
    index is asked for those whose figures are not empty, not every record read)."""
    marks = ",".join("?" * len(KINDS))
    rows = index.query(
        f"SELECT id FROM records WHERE type IN ({marks}) AND json LIKE ? ORDER BY rowid",
        (*KINDS, '%"figures":[{%'),
    )
    found = index.get_many([str(row[0]) for row in rows])
    return [found[str(row[0])] for row in rows if str(row[0]) in found]


def _speaks_of(question: Question, subject: Row | None, record: Row) -> bool:
    """Whether the record is the thing, is about it or names it."""
    if subject is None:
        return True
    about = record.get("about", [])
    return (
        record["id"] == subject["id"] or subject["id"] in about or names_it(question, _told(record))
    )


def _told(record: Row) -> str:
    """What the record says, in both languages: its texts, title and figures' labels."""
    said = [record.get(key) for key in (*TEXTS, "title")]
    said += [figure["label"] for figure in record.get("figures", [])]
    return normalize(" ".join(f"{t['zh']} {t['en']}" for t in said if isinstance(t, dict)))


def _figure(
    kind: str, record: Row, question: Question, terms: list[Term], rarity: dict[Term, float]
) -> Candidate | None:
    """The record's figure whose label the question repeats most (by weight); its only one
    needs none; none when two are repeated alike."""
    subject = question.subject[1] if question.subject is not None else record
    figures = list(figures_of(kind, record, subject))
    if len(figures) == 1:
        return figures[0]
    scored = []
    for figure in figures:
        said = figure.label or {}
        label = normalize(" ".join(str(said.get(lang, "")) for lang in ("zh", "en")))
        scored.append((sum(rarity[t] for t in terms if _labels(t, label)), figure))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or scored[0][0] <= 0:
        return None
    if len(scored) > 1 and scored[1][0] >= scored[0][0]:
        return None
    return scored[0][1]


def _of_field(question: Question, figure: Candidate) -> bool:
    """Whether the figure is of the field the question clearly asks for, if it asks one (a
    price asked is no head count), or of a field the same words ask for (多少钱 asks a training
    cost as much as the money given to new users)."""
    asked, score = best_asked(question.rest, question.cues)
    words = vocabulary()
    if score < CLEAR or figure.key in (asked, "figure"):
        return True
    if not kind_fits(question, words[asked].expects):
        return True  # "how much … to get started" asks no date of founding
    said = words[asked].said_in(question.rest)
    return figure.key in words and all(phrase in words[figure.key].words for phrase in said)


# Chinese numerals: a number in the question names which thing is meant (萤火三号).
NUMERALS = frozenset("二两三四五六七八九十百千万亿")


def _numbers_held(index: Index, terms: list[Term], record: Row) -> bool:
    """Whether the record, or the name of a thing it is about, holds every number the question
    names (Fire-Flyer 3 is not 2; the day 6 of a fact about Open-Source Week Day 6)."""
    about = [index.get(str(i)) for i in record.get("about", [])]
    names = [_named(f.row) for f in about if f is not None]
    text = " ".join([_told(record), *names])
    numbers = [t for t in terms if t.word in NUMERALS or any(c.isdigit() for c in t.word)]
    return all(holds_term(t, text) or _count_held(t.word, text) for t in numbers)


# A number with its unit written on ("24h", "128k"): the number, whatever the unit is spelt.
_COUNT_UNIT = re.compile(r"(\d+)[a-z]+")


def _count_held(word: str, text: str) -> bool:
    """Whether the text holds the number of a number written with its unit (24 of "24h")."""
    counted = _COUNT_UNIT.fullmatch(word)
    return counted is not None and re.search(rf"(?<![\d.]){counted[1]}(?![\d.])", text) is not None


def _named(record: Row) -> str:
    """A thing's names and title, in both languages."""
    title = record.get("title")
    titles = [str(t) for t in title.values()] if isinstance(title, dict) else []
    return normalize(" ".join([*names_of(record), *titles]))
