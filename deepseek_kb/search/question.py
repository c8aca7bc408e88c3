"""A question read without a language model: the thing it names, and what it asks of it.

The thing (a model, project, person, organisation, term or topic) is found by its names and
aliases, or by a close spelling. What is left once the thing's name is taken out is ranked
against the words that ask for each field (`asking/`), in Chinese and English, with the
question's cues (when, who, how many) as a tie-breaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from deepseek_kb.analysis.text import normalize, spaced, stem, taken_out
from deepseek_kb.asking import ASKED, CUES, PARTS, SPEC_WORDS
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import BY_NAME, SPECS
from deepseek_kb.rows import Row
from deepseek_kb.search.alike import alike
from deepseek_kb.search.hanzi import read_pinyin, unknown_words
from deepseek_kb.search.informal import informal
from deepseek_kb.search.named import (
    Hit,
    against_ids,
    close_name,
    compared_last,
    has,
    named_in,
    names_of,
    numbered_unknown,
    own_size_out,
    size_said,
    sized_variant,
    without,
    without_against,
    without_close,
    without_names,
)
from deepseek_kb.search.versions import (
    first_version_dropped,
    later_edition,
    later_version,
    original_dropped,
    version_kept,
)

# Words that make a query a question, besides what it asks (cost, context …).
QUESTION_WORDS = ("what", "when", "who", "whom", "which", "where", "why", "how")
QUESTION_MARKS = ("多少", "什么", "何时", "哪", "谁", "怎么", "几", "吗", "?", "？")

# A field is asked for clearly when its words weigh this much (ctx, cost, 价格 …).
CLEAR = 3


class Asking(NamedTuple):
    """One thing a question can ask: its key (a spec field or an ASKED key), its label in both
    languages, the normalised words that ask it and the kind of value it holds."""

    key: str
    zh: str
    en: str
    words: tuple[str, ...]
    expects: str
    unless: tuple[str, ...] = ()

    def score(self, rest: str) -> int:
        """How clearly the words ask for this field: its phrases' weight, none when a word
        says another field is meant."""
        if any(has(rest, word) for word in self.unless):
            return 0
        return phrase_score(rest, self.words)

    def said_in(self, rest: str) -> list[str]:
        """The phrases of this field the question's words hold."""
        return [phrase for phrase in self.words if has(rest, phrase)]


@cache
def vocabulary() -> dict[str, Asking]:
    """Every field a question can ask for, by key: the model specs, then the rest."""
    found = {
        spec.field: Asking(
            spec.field,
            spec.zh,
            spec.en if spec.en[1:2].isupper() else spec.en[0].lower() + spec.en[1:],
            _phrases(SPEC_WORDS[spec.field].words, plural=True),
            SPEC_WORDS[spec.field].expects,
            _phrases(SPEC_WORDS[spec.field].unless),
        )
        for spec in SPECS
    }
    for asked in ASKED:
        found[asked.key] = Asking(
            asked.key,
            asked.zh,
            asked.en,
            _phrases(asked.words),
            asked.expects,
            _phrases(asked.unless),
        )
    return found


def _phrases(listed: str, plural: bool = False) -> tuple[str, ...]:
    """The phrases; a spec's Latin ones also in the plural ("number formats"). Not the other
    fields': "in the next 20 years" asks no year."""
    phrases = [normalize(w) for w in listed.split("|") if w.strip()]
    # Chinese runs against Latin words with or without a space: 每个 token, 每个token.
    phrases += [_HAN_LATIN.sub("", p) for p in phrases if _HAN_LATIN.search(p)]
    phrases += [spaced(p) for p in phrases if spaced(p) != p]  # 哪个lab: 哪个 lab, as it is read
    # "it" stands where the thing's name was, and the name is out: "how was [R1-Zero] trained".
    phrases += [_IT.sub(" ", p) for p in phrases if _IT.search(p)]
    plurals = [
        f"{p}s"
        for p in phrases
        if plural and p[-1:].isalpha() and p.isascii() and p[-1] not in "sy"
    ]
    return tuple(dict.fromkeys([*phrases, *plurals]))


_IT = re.compile(r"(?<=[a-z]) it (?=[a-z])")
_HAN_LATIN = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[a-z0-9])|(?<=[a-z0-9]) (?=[\u4e00-\u9fff])")


class Question(NamedTuple):
    """A query read as a question: the thing it names (kind, record), the words left once its
    name is taken out, and the kinds of value its own words ask for."""

    norm: str
    rest: str
    subject: tuple[str, Row] | None
    others: tuple[str, ...]
    cues: frozenset[str]
    also_named: tuple[tuple[str, str, str], ...] = ()
    unknown: bool = False
    against: tuple[str, ...] = ()


def is_question(query: str) -> bool:
    """Whether the query asks something (a question word, a figure) rather than names a thing."""
    norm = normalize(query)
    return (
        any(has(norm, word) for word in QUESTION_WORDS)
        or any(mark in norm for mark in QUESTION_MARKS)
        or any(c.isdigit() for c in norm)
        or best_asked(norm, frozenset())[1] > 0
    )


# Words that open a yes/no question ("does DeepSeek have …"), and in Chinese 吗, 是否 and a word
# asked as itself and its negation (有没有, 贵不贵, 开不开源).
YES_NO = ("does", "do", "did", "is", "are", "was", "can", "will", "has", "have", "should")
YES_NO_ZH = re.compile(r"吗|是否|([\u4e00-\u9fff])[不没]\1")


def asks(norm: str) -> bool:
    """Whether the words ask a question at all (a bare name or phrase does not)."""
    first = norm.split()[:1]
    return is_question(norm) or bool(first and first[0] in YES_NO) or bool(YES_NO_ZH.search(norm))


def yes_no(question: Question) -> bool:
    """Whether the question asks yes or no ("DeepSeek 员工用集群要审批吗", "is it profitable"):
    it asks for no value, so a field its words touch (员工, the head count) is not what it asks."""
    if question.cues & {"date", "name", "quantity", "what"}:
        return False
    first = question.norm.split()[:1]
    return bool(first and first[0] in YES_NO) or bool(YES_NO_ZH.search(question.norm))


def read(index: Index, query: str, hits: Sequence[Hit] = ()) -> Question:
    """The question a query asks: its subject (by name, else by a close spelling among the
    hits), what is left of it, and its cues; "at launch" (刚开源的时候) says when what is asked
    held, and asks no release of its own."""
    question = _read(index, query, hits)
    if "first" not in question.cues:
        return question
    rest = question.rest
    for phrase in CUES["first"]:
        rest = without(rest, phrase) if has(rest, phrase) else rest
    return question._replace(rest=" ".join(rest.split()))


def _read(index: Index, query: str, hits: Sequence[Hit]) -> Question:
    typed = read_pinyin(index, informal(normalize(query)))
    known = _known(index, typed)
    if known is None:
        return Question(typed, typed, None, (), cues_of(typed), unknown=True)
    norm, named = known
    named = compared_last(norm, named)
    if named:
        return _named(index, norm, named)
    latin = {w for w in norm.split() if w.isascii() and w.isalpha() and len(w) >= _TYPO}
    subject, rest = close_name(hits, typo=bool(unknown_words(index, latin))), norm
    if subject is not None:
        rest = without_close(norm, subject[1])
    return Question(norm, rest, subject, (), cues_of(norm))


def _named(index: Index, norm: str, named: list[tuple[str, str, str]]) -> Question:
    """The question about the first thing named, the others named beside it."""
    (name, record_id, kind), others = named[0], named[1:]
    # A name whose words all lie inside the thing's (DeepSeek V2 in DeepSeek Coder V2) is
    # not another thing named.
    others = [o for o in others if not set(o[0].split()) <= set(name.split())]
    subject, rest = _subject(index, without_against(norm, others), name, record_id)
    rest = _named_again(rest, others, record_id)
    other_ids = tuple(dict.fromkeys(i for _, i, k in others if i != record_id and k == kind))
    against = tuple(i for i in other_ids if i in against_ids(norm, others))
    other_ids = tuple(i for i in other_ids if i not in against)
    # Other things named, of other kinds: the same name on another kind of record
    # (DualPipe the term and the project) first, then the rest (Karpathy on DeepSeek V3).
    ordered = sorted(others, key=lambda o: o[0] != name)
    same_name = tuple(
        dict.fromkeys((k, i, n) for n, i, k in ordered if i != record_id and k != kind)
    )[:3]
    return Question(norm, rest, subject, other_ids, cues_of(norm), same_name, against=against)


def _named_again(rest: str, others: list[tuple[str, str, str]], record_id: str) -> str:
    """The words once the thing's other names are out: named twice, in both languages
    ("达摩院 DAMO Academy 的 parent company"), neither name is a word asked."""
    for again in {n for n, i, _ in others if i == record_id and n in rest}:
        rest = without(rest, again)
    return rest


def _subject(
    index: Index, norm: str, name: str, record_id: str
) -> tuple[tuple[str, Row] | None, str]:
    """The thing named and what is left of the question once its name is out of it; a size
    its names lack names the one variant of it that has it ("r1 的 32b 版")."""
    rest = without(norm, name)
    found = index.get(record_id)
    if found is None:
        return None, rest
    variant = sized_variant(index, norm, found.row) if found.kind == "model" else None
    if variant is not None:
        found, rest = variant, size_said(without_names(rest, variant.row))
    rest = own_size_out(rest, found.row)
    rest = first_version_dropped(norm, version_kept(rest, name, found.row), name)
    own = name in {normalize(n) for n in names_of(found.row)}
    return (found.kind, found.row), original_dropped(norm, rest, name, own)


def _known(index: Index, norm: str) -> tuple[str, list[tuple[str, str, str]]] | None:
    """The query as it names things the KB holds, with the names found; None when it names a
    version or a number of a thing that the KB has no record of."""
    named = named_in(index, norm)
    if later_version(norm, named):
        # "deepseek-coder v2" is DeepSeek-Coder-V2 typed half joined; "DeepEP V3" is a version
        # the KB has no name for, and not DeepEP itself.
        norm = norm.replace("-", " ")
        named = named_in(index, norm)
        if later_version(norm, named):
            return None
    return None if numbered_unknown(index, norm) or later_edition(norm, named) else (norm, named)


# "when" before a verb in -ing, or inside a question before its clause's subject, joins two
# clauses ("look for when hiring", "charge when the prompt is cached", "how accurate is it when
# text is compressed"); it asks no date.
_WHEN_DOING = re.compile(
    r"\bwhen (?=[a-z]+ing\b)|(?<=[a-z] )when (?=(?:the|a|an|it|its|you|i|we|they|he|she)\b"
    r"|[a-z0-9.-]+ (?:is|are|gets|get)\b)"
)


def cues_of(norm: str) -> frozenset[str]:
    """The kinds of value the question's own words ask for: a date, a name, a quantity."""
    norm = _WHEN_DOING.sub(" ", norm).replace("哪几", "哪些")  # which ones, not how many
    return frozenset(cue for cue, words in CUES.items() if any(has(norm, w) for w in words))


def weight(phrase: str) -> int:
    """How much a matched phrase says: its length, a Chinese character counting as two."""
    return sum(1 if ch.isascii() else 2 for ch in phrase if not ch.isspace())


def phrase_score(rest: str, phrases: Iterable[str]) -> int:
    """The weight of the phrases found in what the question asks, each counted once and not
    again inside a longer one that matched."""
    matched = [p for p in phrases if has(rest, p)]
    return sum(weight(p) for p in matched if not any(p != q and p in q for q in matched))


def cue_bonus(expects: str, cues: frozenset[str]) -> int:
    """A field whose kind of value the question's own words ask for ranks higher."""
    return 4 if expects in cues else 0


def best_asked(
    rest: str, cues: frozenset[str], keys: Iterable[str] = (), parts: bool = True
) -> tuple[str, int]:
    """The field the words ask for most clearly (of `keys`, else of all), and its score: its
    words' weight, and more when it holds the kind of value the question asks for (how many
    tokens were trained on, not what it was trained from); with `parts`, a part asked beside
    its whole instead of the whole."""
    words = vocabulary()
    chosen = tuple(keys) or tuple(words)
    scored = [(words[k].score(rest), k) for k in chosen]
    scored = [(s + cue_bonus(words[k].expects, cues) if s else 0, k) for s, k in scored]
    score, key = max(scored, key=lambda pair: pair[0])
    if score == 0:
        return key, 0
    asked = [(s, k) for s, k in scored if k in PARTS.get(key, ()) and s >= CLEAR]
    if parts and asked:  # "feed-forward architecture": the part, not the whole
        score, key = max(asked, key=lambda pair: pair[0])
    return key, score


def unasked(rest: str) -> str:
    """What is left of the words once every phrase that asks for a field is taken out, and every
    other form of a word of them ("activate" of "activated"): the words that can only say
    which of several labelled values is meant."""
    phrases = {p for asking in vocabulary().values() for p in asking.words if has(rest, p)}
    rest = taken_out(rest, phrases)
    roots = _field_roots()
    return " ".join(w for w in rest.split() if not (len(w) >= _ROOT and stem(w)[:_ROOT] in roots))


# The shortest Latin word read as a name's typo (tilekernal): shorter ones are too often
# abbreviations (ds, api).
_TYPO = 5

# How many letters of a stem make a word another form of a field word.
_ROOT = 5


@cache
def field_words() -> frozenset[str]:
    """Every Latin word of the phrases that ask for a field."""
    return frozenset(
        word
        for asking in vocabulary().values()
        for phrase in asking.words
        for word in phrase.split()
        if word.isascii() and word.isalpha()
    )


@cache
def _field_roots() -> frozenset[str]:
    """The first letters of the stem of every Latin word asking for a field."""
    return frozenset(stem(word)[:_ROOT] for word in field_words() if len(word) >= _ROOT)


def _versioned(word: str) -> bool:
    """A short word with a digit names a version or a size: v2, r1, 7b."""
    return len(word) == 2 and any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)


def label_score(rest: str, label: Row | None, alike_too: bool = False) -> int:
    """How much of a figure's or event's own label the question repeats (its Latin words, its
    pairs of Chinese characters), with `alike_too` in words that stand for them (day: daily)."""
    if not label:
        return 0
    pieces: set[str] = set()
    for text in (normalize(str(label["zh"])), normalize(str(label["en"]))):
        for word in _LABEL_BREAK.split(text):
            if word.isascii():
                if (len(word) >= 3 or _versioned(word)) and word not in _COMMON:
                    pieces.add(word)
            else:
                han = "".join(ch for ch in word if not ch.isascii())
                pieces.update(han[i : i + 2] for i in range(len(han) - 1))
    said = alike if alike_too else lambda piece: (piece,)
    return sum(weight(p) for p in pieces if any(has(rest, a) for a in said(p)))


# What parts a label's words: spaces, hyphens, brackets ("(cache miss)" is cache, miss).
_LABEL_BREAK = re.compile(r"[\s\-()\[\]]+")

# Words too common in labels to say which label is meant: function words, the company's name.
_COMMON_WORDS = (
    "the and of for in on to a an per with by at from as its it it's this that these those "
    "is are was were be been did does do has have had not any there their they than then or "
    "but into about can could would should will what which who whom whose when where why how "
    "much many deepseek model models"
)
_COMMON = frozenset(_COMMON_WORDS.split())


def kind_rank(kind: str) -> int:
    """Equal answers: the kind that ranks first in search."""
    return BY_NAME[kind].rank
