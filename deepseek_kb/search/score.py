"""Scoring one candidate record: signals, each a small function, tried in a fixed order.

A field signal looks at one stored field and may claim it (the first that does wins for that
field); the best field, times its weight, is the record's score. A record signal then looks at
all fields together and may beat it (a name in one field and a figure in another). A new signal
is one function here and one line in `FIELD_SIGNALS` or `RECORD_SIGNALS`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cache, partial
from typing import Any, NamedTuple

from deepseek_kb.analysis.fields import NAME, StoredField
from deepseek_kb.analysis.text import bigrams
from deepseek_kb.kinds import NAMED
from deepseek_kb.search.expand import Term, Variant

NAME_FUZZY = 85


class Credit(NamedTuple):
    """How well one term is found in one field: the credit, how it was found, the word found."""

    credit: float
    how: str
    word: str


class Match(NamedTuple):
    """What a signal found: a score before the field's weight, how, and the words matched."""

    score: float
    how: str
    matched: tuple[str, ...]


class Scored(NamedTuple):
    """A record's score with the field it was found in and why."""

    score: float
    field: str
    text: str
    how: str
    matched: tuple[str, ...]


class Query(NamedTuple):
    """The parts of a query every signal reads."""

    phrase: str
    terms: list[Term]
    ratio: Callable[[str, str], float] | None
    total: float
    words: frozenset[str]
    # Whether it asks a question (a question word, a figure, something asked: cost, when …),
    # worked out when a topic is scored: most searches score none and never read it.
    question: Callable[[], bool] = lambda: False
    # What a field must hold for any term to be credited in it: a Latin variant among its
    # words, or one of these strings (a Han piece, a compound's two words) in its text.
    latin: frozenset[str] = frozenset()
    probes: tuple[str, ...] = ()


class FieldView(NamedTuple):
    """One stored field as the field signals see it."""

    stored: StoredField
    norm: str
    credits: dict[str, tuple[Credit, float]]
    coverage: float


class RecordView:
    """What the record signals see: the kind and the best credit of each term over all fields
    (a plain class: one is made for every candidate, and a dataclass costs a part of a
    millisecond to define)."""

    __slots__ = ("kind", "name_coverage", "name_precision", "union")

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.union: dict[str, Credit] = {}
        self.name_coverage = 0.0
        self.name_precision = 0.0


def exact(query: Query, view: FieldView) -> Match | None:
    """The whole query equals the field's text: 100."""
    return Match(100.0, "exact", (view.stored.text,)) if view.norm == query.phrase else None


def phrase(query: Query, view: FieldView) -> Match | None:
    """The whole query appears inside the field: 92."""
    if len(query.phrase) >= 2 and query.phrase in view.norm:
        return Match(92.0, "phrase", (query.phrase,))
    return None


def name_fuzzy(query: Query, view: FieldView) -> Match | None:
    """A near miss of a name or alias (DeepSek V3): up to 90."""
    if query.ratio is None or view.stored.weight != NAME:
        return None
    near = query.ratio(query.phrase, view.norm)
    return Match(0.9 * near, "name-fuzzy", (view.stored.text,)) if near >= NAME_FUZZY else None


def terms_found(query: Query, view: FieldView) -> Match | None:
    """Some or all terms in the field, scaled by the share of the query they cover."""
    if view.coverage <= 0:
        return None
    credits = [credit for credit, _ in view.credits.values()]
    exact_variant = len(query.terms) == 1 and any(c.word == view.norm for c in credits)
    if exact_variant:
        score, how = 100.0 * view.coverage, "exact"
    elif all(c.credit > 0 for c in credits):
        score, how = 85.0 * view.coverage, "all-terms"
    else:
        score, how = 40.0 + 40.0 * view.coverage, "some-terms"
    kinds = sorted({c.how for c in credits if c.how and c.how != "direct"})
    if kinds:
        how += "+" + "+".join(kinds)
    return Match(score, how, tuple(c.word for c in credits if c.word))


FIELD_SIGNALS: tuple[Callable[[Query, FieldView], Match | None], ...] = (
    exact,
    phrase,
    name_fuzzy,
    terms_found,
)


def _coverage(query: Query, credits: dict[str, float]) -> float:
    return sum(credits.get(t.text, 0.0) * t.weight for t in query.terms) / query.total


def name_and_fields(query: Query, record: RecordView) -> Match | None:
    """A named record (model, person…) by how much of the query its own name covers."""
    if record.kind not in NAMED or record.name_coverage <= 0:
        return None
    coverage = _coverage(query, {k: c.credit for k, c in record.union.items()})
    score = 55.0 + 20.0 * coverage + 13.0 * record.name_coverage + 4.0 * record.name_precision
    return Match(score, "name+fields", tuple(c.word for c in record.union.values() if c.word))


def all_terms_across_fields(query: Query, record: RecordView) -> Match | None:
    """Every term somewhere in the record, a little below a single-field match."""
    if len(query.terms) < 2 or not all(record.union.get(t.text) for t in query.terms):
        return None
    coverage = _coverage(query, {k: c.credit for k, c in record.union.items()})
    words = tuple(c.word for c in record.union.values() if c.word)
    return Match(75.0 * coverage, "all-terms-across-fields", words)


# The first record signal that applies may beat the best single field.
RECORD_SIGNALS: tuple[Callable[[Query, RecordView], Match | None], ...] = (
    name_and_fields,
    all_terms_across_fields,
)


def make_query(phrase: str, terms: list[Term], fuzzy: bool, topics: bool = True) -> Query:
    """The query as signals read it; the fuzzy ratio (RapidFuzz) only when asked for; whether
    it asks a question only where a topic may be ranked (`facts_over_topics`: a search of quotes
    does without reading it)."""
    ratio = _name_ratio() if fuzzy and len(phrase) <= 40 else None
    words = frozenset(t.text for t in terms)
    variants = [v for t in terms for v in t.variants]
    latin = frozenset(v.text for v in variants if not v.pieces and " " not in v.text)
    total = sum(t.weight for t in terms)
    query = Query(phrase, terms, ratio, total, words, latin=latin, probes=_probes(variants))
    return query._replace(question=cache(partial(_asks, phrase))) if topics else query


def _probes(variants: list[Variant]) -> tuple[str, ...]:
    """What a field must hold for a variant to be in it: a Chinese pair, a compound's words
    together or hyphened."""
    probes = [p for v in variants for p in v.pieces]
    probes += [
        form for v in variants if " " in v.text for form in (v.text, v.text.replace(" ", "-"))
    ]
    return tuple(dict.fromkeys(probes))


def _asks(phrase: str) -> bool:
    from deepseek_kb.search.question import is_question

    return is_question(phrase)


def _may_match(query: Query, stored: Sequence[Any]) -> bool:
    """Whether any signal could fire on this field (a `StoredField`, or the list it is stored
    as); most fields of a candidate hold nothing of the query, and are skipped before any
    credit is worked out, or any StoredField made of them."""
    norm = stored[3] or stored[1]  # normalized, else text
    if query.phrase in norm or not query.latin.isdisjoint(stored[4]):  # words
        return True
    if query.ratio is not None and stored[2] == NAME:  # weight
        return True
    return any(probe in norm for probe in query.probes)


# A question wants a figure or a statement: a topic named exactly (100) steps back behind a
# statement holding the whole query (92 × 0.95), yet stays in the top three by its name.
TOPIC_STEP_BACK = 0.88


def facts_over_topics(query: Query, kind: str, score: float) -> float:
    """A question wants a figure or a statement: a bare topic (Price war) steps back."""
    return score * TOPIC_STEP_BACK if kind == "topic" and query.question() else score


# Adjustments of a record's final score, applied in order.
ADJUSTMENTS: tuple[Callable[[Query, str, float], float], ...] = (facts_over_topics,)


def score_record(
    kind: str, fields: Sequence[StoredField | Sequence[Any]], query: Query
) -> Scored | None:
    """The best score of a record over its fields (StoredFields, or the lists the index stores
    them as), with the field, its text and the match kind."""
    record = RecordView(kind)
    best: Scored | None = None
    fields_hit = 0
    for raw in fields:
        if not _may_match(query, raw):
            continue
        stored = raw if isinstance(raw, StoredField) else StoredField(*raw)
        view = _view(query, stored, record)
        for signal in FIELD_SIGNALS:  # the first signal that claims the field
            if (match := signal(query, view)) is not None:
                break
        else:
            continue
        fields_hit += 1
        score = match.score * stored.weight
        if best is None or score > best.score:
            best = Scored(score, stored.field, stored.text, match.how, match.matched)
    if best is None:
        return None
    how, matched = best.how, best.matched
    score = best.score
    across = next((m for signal in RECORD_SIGNALS if (m := signal(query, record))), None)
    if across is not None and across.score > score:
        score, how, matched = across
    score = min(100.0, score + min(4.0, 0.5 * (fields_hit - 1)))
    for adjust in ADJUSTMENTS:
        score = adjust(query, kind, score)
    # Made whole, not by `_replace` twice (a microsecond each, for each of 400 candidates).
    return Scored(score, best.field, best.text, how, matched)


def _view(query: Query, stored: StoredField, record: RecordView) -> FieldView:
    """Credit every term in one field, and fold the credits into the record's view."""
    norm = stored.normalized or stored.text
    words = stored.words  # distinct already: a set is made only for a name's precision
    credits = {t.text: (credit(t, norm, words), t.weight) for t in query.terms}
    union = record.union
    covered = 0.0
    for key, (found, weight) in credits.items():
        if found.credit > union.get(key, _NO_CREDIT).credit:
            union[key] = found
        covered += found.credit * weight
    coverage = covered / query.total
    if stored.weight == NAME:
        record.name_coverage = max(record.name_coverage, coverage)
        if words:
            distinct = set(words)
            share = len(distinct & query.words) / len(distinct)
            record.name_precision = max(record.name_precision, share)
    return FieldView(stored, norm, credits, coverage)


_NO_CREDIT = Credit(0.0, "", "")


def _name_ratio() -> Callable[[str, str], float]:
    from rapidfuzz import fuzz

    return fuzz.ratio


# A run of Chinese characters this long (in pairs), most of whose pairs a field holds, is found
# by the share it holds: a question typed without spaces rarely appears word for word.
_LONG_RUN, _MOST = 6, 0.7


def credit(term: Term, norm: str, words: Collection[str]) -> Credit:
    """How well one term is found in one field: 1.0 directly, less as typo, pinyin or in part."""
    best = Credit(0.0, "", "")
    for variant in term.variants:
        text = variant.text
        if variant.pieces:
            if text in norm:
                found = 1.0
            else:
                pieces = variant.pieces
                share = len(pieces & bigrams(norm)) / len(pieces)
                found = 0.6 * share if len(pieces) > 1 and share >= 0.5 else 0.0
                if len(pieces) >= _LONG_RUN and share >= _MOST:
                    found = share  # a long question run, most of it said: 电费…硬件造价
        elif " " in text:  # a compound's two words (opensource -> open source), together
            found = 1.0 if text in norm or text.replace(" ", "-") in norm else 0.0
        else:
            found = 1.0 if text in words else 0.0
        if found * variant.weight > best.credit:
            best = Credit(found * variant.weight, variant.how, text)
    return best
