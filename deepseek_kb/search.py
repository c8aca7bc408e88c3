"""Ranked search over the index; the only module that knows RapidFuzz.

A query is cut into terms (Han runs, English words, numbers with units). Candidates come from
the full-text index; each is then scored on its own fields:

    exact name or text ........ 100    the whole query equals a name, alias or text
    phrase ..................... 92    the whole query appears inside a field
    all terms .................. 85    every term appears in one field
    some terms ............. 45–85    a share of the terms, scaled by that share
    name (fuzzy) ........... up to 80  a near miss of a name or alias (DeepSek V3)

A term that matches nothing is tried as a typo of an indexed word (Karpaty -> karpathy) and as
pinyin (chuangxin -> 创新); such matches count for less than direct ones. Scores are multiplied by
the field's weight (names 1.0, main text 0.95, side text 0.85, linked names 0.7), and hits below
the relevance floor are dropped, so nonsense finds nothing rather than noise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from deepseek_kb.formatting import Record
from deepseek_kb.index import NAME, Index
from deepseek_kb.tokens import (
    fts_literal,
    han_pieces,
    has_han,
    normalize,
    query_tokens,
    terms,
)

FLOOR = 55.0
CANDIDATES = 400
TYPO_PENALTY = 0.85
PINYIN_PENALTY = 0.8
COMMON_SHARE = 0.1
MAX_QUERY_TOKENS = 64
MAX_TERMS = 16
NAME_FUZZY = 85
ENTITY_TYPES = frozenset({"model", "person", "organization", "topic"})


@dataclass(frozen=True)
class Variant:
    """One way a query term may appear: itself, a corrected typo, or Han words for its pinyin."""

    text: str
    weight: float
    how: str


@dataclass(frozen=True)
class Term:
    """A query term and the variants it is looked up by."""

    text: str
    variants: tuple[Variant, ...]
    weight: float = 1.0
    known: bool = True


@dataclass(frozen=True)
class Hit:
    """A ranked result: the record, its score and why it scored so."""

    id: str
    type: str
    score: float
    field: str
    text: str
    match: str
    matched: tuple[str, ...]
    record: Record

    def as_json(self) -> Record:
        """The hit as scripts see it: id, type, score, the reason and the whole record."""
        return {
            "id": self.id,
            "type": self.type,
            "score": round(self.score, 1),
            "match": {"field": self.field, "how": self.match, "terms": list(self.matched)},
            "record": self.record,
        }


def search(
    index: Index,
    query: str,
    types: frozenset[str] | None = None,
    limit: int | None = 10,
    floor: float = FLOOR,
) -> list[Hit]:
    """Records matching the query, best first; an empty list when nothing clears the floor."""
    phrase = normalize(query)
    if not phrase:
        return []
    records = int(index.meta("count") or 1)
    query_terms = [_expand(index, t, records) for t in terms(query)[:MAX_TERMS]] or [
        Term(phrase, (Variant(phrase, 1.0, "direct"),))
    ]
    # Fuzzy name matching (and RapidFuzz) only when a word is unknown or nothing else matched.
    fuzzy = not all(t.known for t in query_terms)
    rowids = _candidates(index, query_terms, phrase, fuzzy)
    if not rowids and not fuzzy:
        fuzzy = True
        rowids = _candidates(index, query_terms, phrase, fuzzy)
    if not rowids:
        return []
    hits = _score_all(index, rowids, phrase, query_terms, types, floor, fuzzy)
    hits.sort(key=lambda h: (-h.score, _TYPE_ORDER.get(h.type, 9), h.id))
    return hits[:limit] if limit else hits


_TYPE_ORDER = {
    "model": 0,
    "person": 1,
    "organization": 2,
    "topic": 3,
    "event": 4,
    "quote": 5,
    "fact": 6,
    "source": 7,
}


def _expand(index: Index, term: str, records: int) -> Term:
    """Add typo corrections and pinyin readings for a term the index does not know as it is.

    A word found in more than a tenth of all records ("deepseek") says little about which
    record is meant, so it counts half.
    """
    variants = [Variant(term, 1.0, "direct")]
    if has_han(term) or not term[:1].isalpha():
        return Term(term, tuple(variants))
    known = index.query("SELECT df FROM vocab WHERE term = ?", (term,))
    if known:
        common = known[0][0] > COMMON_SHARE * records
        return Term(term, tuple(variants), 0.5 if common else 1.0)
    # An English word the index has never seen: a typo, pinyin, or a near miss of a name.
    readings = index.query("SELECT word, kind FROM pinyin WHERE key = ? LIMIT 20", (term,))
    for word, kind in readings:
        variants.append(Variant(word, PINYIN_PENALTY if kind != "initials" else 0.75, "pinyin"))
    if not readings and len(term) >= 5:
        variants.extend(Variant(w, PINYIN_PENALTY, "pinyin") for w in _pinyin_chains(index, term))
    if len(term) >= 4:
        variants.extend(_typos(index, term))
    return Term(term, tuple(variants), known=False)


def _pinyin_chains(index: Index, term: str, limit: int = 8) -> list[str]:
    """Han words for pinyin of three or more syllables: huchenghe -> 护城 + 城河 -> 护城河."""
    syllables = {
        row[0] for row in index.query("SELECT DISTINCT key FROM pinyin WHERE kind = 'char'")
    }
    words: list[str] = []
    for parts in _segment(term, syllables, 4):
        if len(parts) < 3:
            continue
        options = [
            [
                row[0]
                for row in index.query(
                    "SELECT word FROM pinyin WHERE key = ? AND kind = 'piece' LIMIT 12",
                    (parts[i] + parts[i + 1],),
                )
            ]
            for i in range(len(parts) - 1)
        ]
        chains = options[0]
        for pieces in options[1:]:
            chains = [c + p[1] for c in chains for p in pieces if c[-1] == p[0]][:limit]
        words.extend(chains)
    return list(dict.fromkeys(words))[:limit]


def _segment(text: str, syllables: set[str], limit: int) -> list[list[str]]:
    """Ways to cut a run of letters into known syllables, longest syllables first."""
    if not text:
        return [[]]
    found: list[list[str]] = []
    for size in range(min(6, len(text)), 0, -1):
        head = text[:size]
        if head in syllables:
            for rest in _segment(text[size:], syllables, limit - len(found)):
                found.append([head, *rest])
                if len(found) >= limit:
                    return found
    return found


def _typos(index: Index, term: str) -> list[Variant]:
    from rapidfuzz import fuzz, process

    first = term[0]
    vocab = [
        row[0]
        for row in index.query(
            "SELECT term FROM vocab WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?",
            (first, chr(ord(first) + 1), len(term) - 2, len(term) + 2),
        )
    ]
    found = process.extract(term, vocab, scorer=fuzz.ratio, score_cutoff=80, limit=3)
    return [Variant(word, TYPO_PENALTY * score / 100, "typo") for word, score, _ in found]


def _candidates(index: Index, query_terms: list[Term], phrase: str, fuzzy: bool) -> list[int]:
    tokens: list[str] = []
    for term in query_terms:
        for variant in term.variants:
            tokens.extend(query_tokens(variant.text))
    # A pasted paragraph would make an OR of thousands of terms; the first ones are plenty.
    tokens = [t for t in dict.fromkeys(tokens) if t][:MAX_QUERY_TOKENS]
    rowids: list[int] = []
    if tokens:
        expression = " OR ".join(fts_literal(t) for t in tokens)
        rowids = [
            row[0]
            for row in index.query(
                "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 4.0, 1.0) LIMIT ?",
                (expression, CANDIDATES),
            )
        ]
    if fuzzy:
        rowids.extend(_name_candidates(index, phrase))
    if len(phrase) == 1 and has_han(phrase):
        rowids.extend(
            row[0]
            for row in index.query(
                "SELECT rowid FROM docs WHERE fields LIKE ? LIMIT ?", (f"%{phrase}%", CANDIDATES)
            )
        )
    return list(dict.fromkeys(rowids))


def _name_candidates(index: Index, phrase: str) -> list[int]:
    """Records whose name or alias is a near miss of the whole query."""
    if len(phrase) > 60 or len(phrase) < 2:
        return []
    from rapidfuzz import fuzz, process, utils

    names = index.names()
    found = process.extract(
        phrase,
        [n[2] for n in names],
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=75,
        limit=10,
    )
    ids = list(dict.fromkeys(names[i][0] for _, _, i in found))
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return [
        row[0]
        for row in index.query(f"SELECT rowid FROM records WHERE id IN ({marks})", tuple(ids))
    ]


def _score_all(
    index: Index,
    rowids: list[int],
    phrase: str,
    query_terms: list[Term],
    types: frozenset[str] | None,
    floor: float,
    fuzzy: bool,
) -> list[Hit]:
    hits: list[Hit] = []
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = index.query(
            "SELECT r.id, r.type, r.json, d.fields FROM records r JOIN docs d"
            f" ON d.rowid = r.rowid WHERE r.rowid IN ({marks})",
            tuple(chunk),
        )
        for rid, rtype, text, fields in rows:
            if types and rtype not in types:
                continue
            hit = score_record(rtype, json.loads(fields), phrase, query_terms, fuzzy)
            if hit and hit[0] >= floor:
                score, fld, ftext, how, matched = hit
                hits.append(Hit(rid, rtype, score, fld, ftext, how, matched, json.loads(text)))
    return hits


def score_record(
    record_type: str,
    fields: list[list[Any]],
    phrase: str,
    query_terms: list[Term],
    fuzzy: bool = False,
) -> tuple[float, str, str, str, tuple[str, ...]] | None:
    """The best score of a record over its fields, with the field, its text and the match kind.

    A record whose fields only together hold every term (a name in one field, a figure in
    another) scores on that union too: a model, person or organisation by how much of the
    query its own name covers, other records a little below a single-field match.
    """
    total = sum(t.weight for t in query_terms)
    ratio = _name_ratio() if fuzzy and len(phrase) <= 40 else None
    best: tuple[float, str, str, str, tuple[str, ...]] | None = None
    union: dict[str, float] = {}
    union_words: dict[str, str] = {}
    name_coverage = 0.0
    name_precision = 0.0
    query_words = {t.text for t in query_terms}
    fields_hit = 0
    for label, text, weight, normalized, word_list in fields:
        norm = normalized or text
        words = set(word_list)
        credits = {t.text: (_credit(t, norm, words), t.weight) for t in query_terms}
        for key, ((credit, _, word), _) in credits.items():
            if credit > union.get(key, 0.0):
                union[key], union_words[key] = credit, word
        coverage = sum(c * w for (c, _, _), w in credits.values()) / total
        if weight == NAME:
            name_coverage = max(name_coverage, coverage)
            if words:
                name_precision = max(name_precision, len(words & query_words) / len(words))
        matched: tuple[str, ...]
        if norm == phrase:
            score, how, matched = 100.0, "exact", (text,)
        elif len(phrase) >= 2 and phrase in norm:
            score, how, matched = 92.0, "phrase", (phrase,)
        elif ratio and weight == NAME and (near := ratio(phrase, norm)) >= NAME_FUZZY:
            score, how, matched = 0.9 * near, "name-fuzzy", (text,)
        elif coverage <= 0:
            continue
        else:
            full = all(c > 0 for (c, _, _), _ in credits.values())
            kinds = {h for (_, h, _), _ in credits.values() if h and h != "direct"}
            exact_variant = len(query_terms) == 1 and any(
                w == norm for (_, _, w), _ in credits.values()
            )
            if exact_variant:
                score, how = 100.0 * coverage, "exact"
            elif full:
                score, how = 85.0 * coverage, "all-terms"
            else:
                score, how = 40.0 + 40.0 * coverage, "some-terms"
            if kinds:
                how += "+" + "+".join(sorted(kinds))
            matched = tuple(w for (_, _, w), _ in credits.values() if w)
        fields_hit += 1
        score *= weight
        if best is None or score > best[0]:
            best = (score, label, text, how, matched)
    if best is None:
        return None
    coverage = sum(union.get(t.text, 0.0) * t.weight for t in query_terms) / total
    found = tuple(w for w in union_words.values() if w)
    if record_type in ENTITY_TYPES and name_coverage > 0:
        score = 55.0 + 20.0 * coverage + 13.0 * name_coverage + 4.0 * name_precision
        if score > best[0]:
            best = (score, best[1], best[2], "name+fields", found)
    elif len(query_terms) > 1 and all(union.get(t.text) for t in query_terms):
        score = 75.0 * coverage
        if score > best[0]:
            best = (score, best[1], best[2], "all-terms-across-fields", found)
    bonus = min(4.0, 0.5 * (fields_hit - 1))
    return (min(100.0, best[0] + bonus), *best[1:])


def _name_ratio() -> Any:
    from rapidfuzz import fuzz

    return fuzz.ratio


def _credit(term: Term, norm: str, words: set[str]) -> tuple[float, str, str]:
    """How well one term is found in one field: 1.0 directly, less as typo, pinyin or in part.

    Returns the credit, how it was found, and the word that was found.
    """
    best, how, word = 0.0, "", ""
    for variant in term.variants:
        text = variant.text
        if has_han(text):
            if text in norm:
                found = 1.0
            else:
                pieces = han_pieces(text)
                share = sum(p in norm for p in pieces) / len(pieces)
                found = 0.6 * share if len(pieces) > 1 and share >= 0.5 else 0.0
        else:
            found = 1.0 if text in words else 0.0
        credit = found * variant.weight
        if credit > best:
            best, how, word = credit, variant.how, text
    return best, how, word


def resolve(index: Index, name: str, record_type: str) -> tuple[str | None, list[str]]:
    """The id a typed name means: exact, normalised, or an unambiguous near miss.

    When there is none, the ids of the nearest names come back as suggestions.
    """
    names = index.names(record_type)
    wanted = _squash(name)
    exact = {rid for rid, _, n in names if _squash(n) == wanted or _squash(rid) == wanted}
    if len(exact) == 1:
        return exact.pop(), []
    from rapidfuzz import fuzz, process

    scored = process.extract(
        wanted, [_squash(n) for _, _, n in names], scorer=fuzz.ratio, limit=12, score_cutoff=60
    )
    ranked: dict[str, float] = {}
    for _, score, i in scored:
        rid = names[i][0]
        ranked[rid] = max(ranked.get(rid, 0.0), score)
    order = sorted(ranked.items(), key=lambda kv: -kv[1])
    if order and order[0][1] >= 85 and (len(order) == 1 or order[0][1] - order[1][1] >= 5):
        return order[0][0], []
    return None, [rid for rid, _ in order[:5]]


def _squash(text: str) -> str:
    """Names compared without case, spaces, hyphens or dots: 'DeepSeek-V3' == 'deepseek v3'."""
    return "".join(ch for ch in normalize(text) if ch not in " -_·・.")
