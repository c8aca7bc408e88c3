"""A question read without a language model: the thing it names, and what it asks of it.

The thing (a model, project, person, organisation, term or topic) is found by its names and
aliases, or by a close spelling. What is left once the thing's name is taken out is ranked
against the words that ask for each field (`asking.py`), in Chinese and English, with the
question's cues (when, who, how many) as a tie-breaker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple, Protocol

from deepseek_kb.analysis.text import normalize
from deepseek_kb.asking import ASKED, SPEC_WORDS
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import BY_NAME, SPECS
from deepseek_kb.rows import Row


class Hit(Protocol):
    """What the reader needs of a search hit (search.rank.Hit): its kind, field, score, record."""

    @property
    def type(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def record(self) -> Row: ...


# Words that make a query a question, besides what it asks (cost, context …).
QUESTION_WORDS = ("what", "when", "who", "whom", "which", "where", "why", "how")
QUESTION_MARKS = ("多少", "什么", "何时", "哪", "谁", "怎么", "几", "吗", "?", "？")

# The kind of value a question's own words ask for.
CUES: dict[str, tuple[str, ...]] = {
    "date": (
        "when",
        "what year",
        "which year",
        "what date",
        "which day",
        "what day",
        "what month",
        "什么时候",
        "何时",
        "哪天",
        "哪年",
        "哪一年",
        "几月",
        "几号",
        "日期",
        "date",
        "时间",
        "哪一天",
    ),
    "name": ("who", "whom", "whose", "谁"),
    "quantity": ("how many", "how much", "how big", "how large", "how long", "多少", "几个", "几"),
    "what": ("what", "which", "什么", "哪个", "哪些", "啥"),
}
# Things a question may name, most specific first: a model before the company in "DeepSeek V3".
SUBJECT_KINDS = ("model", "project", "term", "person", "organization", "topic")
# A close spelling of a name (Karpaty, deepsek v3) is taken when its hit scores this much.
FUZZY_NAME = 85.0


class Asking(NamedTuple):
    """One thing a question can ask: its key (a spec field or an ASKED key), its label in both
    languages, the normalised words that ask it and the kind of value it holds."""

    key: str
    zh: str
    en: str
    words: tuple[str, ...]
    expects: str


@cache
def vocabulary() -> dict[str, Asking]:
    """Every field a question can ask for, by key: the model specs, then the rest."""
    found = {
        spec.field: Asking(
            spec.field,
            spec.zh,
            spec.en if spec.en[1:2].isupper() else spec.en[0].lower() + spec.en[1:],
            _phrases(SPEC_WORDS[spec.field].words),
            SPEC_WORDS[spec.field].expects,
        )
        for spec in SPECS
    }
    for asked in ASKED:
        found[asked.key] = Asking(
            asked.key, asked.zh, asked.en, _phrases(asked.words), asked.expects
        )
    return found


def _phrases(listed: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalize(w) for w in listed.split("|") if w.strip()))


class Question(NamedTuple):
    """A query read as a question: the thing it names (kind, record), the words left once its
    name is taken out, and the kinds of value its own words ask for."""

    norm: str
    rest: str
    subject: tuple[str, Row] | None
    others: tuple[str, ...]
    cues: frozenset[str]
    also_named: tuple[tuple[str, str, str], ...] = ()


def is_question(query: str) -> bool:
    """Whether the query asks something (a question word, a figure) rather than names a thing."""
    norm = normalize(query)
    return (
        any(has(norm, word) for word in QUESTION_WORDS)
        or any(mark in norm for mark in QUESTION_MARKS)
        or any(c.isdigit() for c in norm)
        or best_asked(norm, frozenset())[1] > 0
    )


# Words that open a yes/no question: "does DeepSeek have …", "DeepSeek 有没有 …".
YES_NO = ("does", "do", "did", "is", "are", "was", "can", "will", "has", "have", "should")
YES_NO_ZH = ("吗", "有没有", "是否", "会不会", "能不能", "是不是")


def asks(norm: str) -> bool:
    """Whether the words ask a question at all (a bare name or phrase does not)."""
    first = norm.split()[:1]
    return (
        is_question(norm)
        or bool(first and first[0] in YES_NO)
        or any(mark in norm for mark in YES_NO_ZH)
    )


def read(index: Index, query: str, hits: Sequence[Hit] = ()) -> Question:
    """The question a query asks: its subject (by name, else by a close spelling among the
    hits), what is left of it, and its cues."""
    norm = normalize(query)
    named = _named(index, norm)
    if named:
        (name, record_id, kind), others = named[0], named[1:]
        rest = _without(norm, name)
        found = index.get(record_id)
        subject = (found.kind, found.row) if found else None
        other_ids = tuple(dict.fromkeys(i for _, i, k in others if i != record_id and k == kind))
        # Other things named, of other kinds: the same name on another kind of record
        # (DualPipe the term and the project) first, then the rest (Karpathy on DeepSeek V3).
        ordered = sorted(others, key=lambda o: o[0] != name)
        same_name = tuple(
            dict.fromkeys((k, i, n) for n, i, k in ordered if i != record_id and k != kind)
        )[:3]
    else:
        subject, rest, other_ids, same_name = _close_name(hits), norm, (), ()
        if subject is not None:
            rest = _without_close(norm, subject[1])
    cues = frozenset(cue for cue, words in CUES.items() if any(has(norm, w) for w in words))
    return Question(norm, rest, subject, other_ids, cues, same_name)


def _named(index: Index, norm: str) -> list[tuple[str, str, str]]:
    """Every name or alias found in the query as whole words, most specific kind first and
    longest first: (normalised name, record id, kind)."""
    found = []
    for kind in SUBJECT_KINDS:
        entries = [(normalize(e.name), e.id) for e in index.names(kind)]
        if kind == "person":
            entries += _family_names(index)
        for name, record_id in entries:
            # "fire flyer 2" names Fire-Flyer 2: a hyphen in a name may be typed as a space.
            for form in dict.fromkeys((name, name.replace("-", " "))):
                if len(form) >= 2 and has(norm, form, also_joins=".-"):
                    found.append((form, record_id, kind))
    rank = {kind: n for n, kind in enumerate(SUBJECT_KINDS)}
    # The longest name decides among the kinds it contains: "deepseek v3" over "deepseek".
    found.sort(key=lambda f: (-len(f[0]), rank[f[2]]))
    kept: list[tuple[str, str, str]] = []
    for item in found:
        if not any(item[0] in longer[0] and item[1] != longer[1] for longer in kept):
            kept.append(item)
    kept.sort(key=lambda f: (rank[f[2]], -len(f[0])))
    return kept


def _family_names(index: Index) -> list[tuple[str, str]]:
    """A person by one word of their English name ("Liang", "Karpathy") when no one else has it."""
    owners: dict[str, set[str]] = {}
    for person in index.records("person"):
        for word in normalize(str(person["name"]["en"])).split():
            if len(word) >= 4:
                owners.setdefault(word, set()).add(str(person["id"]))
    return [(word, next(iter(ids))) for word, ids in owners.items() if len(ids) == 1]


def _close_name(hits: Sequence[Hit]) -> tuple[str, Row] | None:
    """A thing named with a typo: the first hit, when it is a thing and matched on its name."""
    for hit in hits[:1]:
        named = hit.field.startswith(("name", "aliases"))
        if hit.type in SUBJECT_KINDS and named and hit.score >= FUZZY_NAME:
            return hit.type, hit.record
    return None


def _without(norm: str, name: str) -> str:
    return " ".join(norm.replace(name, " ").split())


def _without_close(norm: str, record: Row) -> str:
    """The query without the words that spelled the thing's name closely."""
    names = [normalize(str(n)) for n in _names_of(record)]
    tokens = set(" ".join(names).split())
    kept = [w for w in norm.split() if w not in tokens and not _near_any(w, tokens)]
    return " ".join(kept)


def _names_of(record: Row) -> Iterable[str]:
    name = record.get("name")
    if isinstance(name, dict):
        yield from (str(name["zh"]), str(name["en"]))
    yield from record.get("aliases", [])


def _near_any(word: str, tokens: set[str]) -> bool:
    """A word one letter off a name's word (karpaty ~ karpathy)."""
    if len(word) < 4:
        return False
    return any(abs(len(word) - len(t)) <= 2 and word[:3] == t[:3] for t in tokens)


def has(norm: str, word: str, also_joins: str = "") -> bool:
    """Whether `word` is in the query; a Latin word only as a whole word (`cost` is not in
    `costume`). Plain string search: a regular expression per word would cost more to compile
    than the whole lookup."""
    if not word:
        return False
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


def best_asked(rest: str, cues: frozenset[str], keys: Iterable[str] = ()) -> tuple[str, int]:
    """The field the words ask for most clearly (of `keys`, else of all), and its score."""
    words = vocabulary()
    chosen = tuple(keys) or tuple(words)
    scored = [(phrase_score(rest, words[k].words), k) for k in chosen]
    score, key = max(scored, key=lambda pair: pair[0])
    if score == 0:
        return key, 0
    return key, score + cue_bonus(words[key].expects, cues)


def unasked(rest: str) -> str:
    """What is left of the words once every phrase that asks for a field is taken out: the
    words that can only say which of several labelled values is meant."""
    phrases = {p for asking in vocabulary().values() for p in asking.words if has(rest, p)}
    for phrase in sorted(phrases, key=len, reverse=True):
        rest = rest.replace(phrase, " ")
    return " ".join(rest.split())


def label_score(rest: str, label: Row | None) -> int:
    """How much of a figure's or event's own label the question repeats: its Latin words and
    its pairs of Chinese characters."""
    if not label:
        return 0
    pieces: set[str] = set()
    for text in (normalize(str(label["zh"])), normalize(str(label["en"]))):
        for word in text.replace("-", " ").split():
            if word.isascii():
                if len(word) >= 3 and word not in _COMMON:
                    pieces.add(word)
            else:
                han = "".join(ch for ch in word if not ch.isascii())
                pieces.update(han[i : i + 2] for i in range(len(han) - 1))
    return sum(weight(p) for p in pieces if has(rest, p))


# Words too common in labels to say which label is meant.
_COMMON = frozenset(
    [
        "the",
        "and",
        "of",
        "for",
        "in",
        "on",
        "to",
        "a",
        "an",
        "per",
        "with",
        "deepseek",
        "model",
        "models",
        "its",
        "by",
        "at",
        "from",
        "as",
    ]
)


def kind_rank(kind: str) -> int:
    """Equal answers: the kind that ranks first in search."""
    return BY_NAME[kind].rank
