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

import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from deepseek_kb.analysis.fields import StoredField, prepare, search_fields
from deepseek_kb.analysis.text import (
    fts_literal,
    has_han,
    longest_first,
    normalize,
    query_tokens,
    terms,
)
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import BY_NAME
from deepseek_kb.search.expand import Term, Variant, expand, spaced_pinyin
from deepseek_kb.search.score import Query, make_query, score_record

if TYPE_CHECKING:
    from deepseek_kb.rows import Row

FLOOR = 55.0
CANDIDATES = 400
MAX_QUERY_TOKENS = 64
MAX_TERMS = 16


class Hit:
    """A ranked result: the record, its score and why it scored so. The record is read from
    the index when first asked for: a search of 80 candidates shows 10.

    A plain class (a frozen dataclass took most of a millisecond of every search to define);
    nothing compares hits or changes one."""

    __slots__ = ("_record", "field", "id", "load", "match", "matched", "score", "text", "type")

    def __init__(
        self,
        id: str,
        type: str,
        score: float,
        field: str,
        text: str,
        match: str,
        matched: tuple[str, ...],
        load: Callable[[], Row],
    ) -> None:
        self.id = id
        self.type = type
        self.score = score
        self.field = field
        self.text = text
        self.match = match
        self.matched = matched
        self.load = load
        self._record: Row | None = None

    def __repr__(self) -> str:
        return f"Hit({self.id!r}, {self.type!r}, {self.score!r}, {self.field!r}, {self.match!r})"

    @property
    def record(self) -> Row:
        """The whole record (as the --from view tells it, when one was asked for)."""
        if self._record is None:
            self._record = self.load()
        return self._record

    def as_json(self) -> Row:
        """The hit as scripts see it: id, type, score, the reason and the whole record."""
        return {
            "id": self.id,
            "type": self.type,
            "score": round(self.score, 1),
            "match": {"field": self.field, "how": self.match, "terms": list(self.matched)},
            "record": self.record,
        }


# A view of records: a record as some sources tell it (--from), or None where they say nothing.
Told = Callable[[str, "Row"], "Row | None"]  # (kind, record) -> what one tier tells of it


def search(
    index: Index,
    query: str,
    types: frozenset[str] | None = None,
    limit: int | None = 10,
    floor: float = FLOOR,
    told: Told | None = None,
) -> list[Hit]:
    """Records matching the query, best first; an empty list when nothing clears the floor.

    With `told`, each candidate is scored on what that view of it says, not on all it holds.
    """
    phrase = normalize(query)
    if not phrase:
        return []
    records = int(index.meta("count") or 1)
    pinyin = spaced_pinyin(index, phrase, records)
    query_terms = (
        [pinyin]
        if pinyin
        else [expand(index, t, records) for t in terms(_names_apart(index, query))[:MAX_TERMS]]
        or [Term(phrase, (Variant(phrase, 1.0, "direct"),))]
    )
    # Fuzzy name matching (and RapidFuzz) only when a word is unknown or nothing else matched.
    fuzzy = not all(t.known for t in query_terms)
    rowids = _candidates(index, query_terms, phrase, fuzzy)
    if not rowids and not fuzzy:
        fuzzy = True
        rowids = _candidates(index, query_terms, phrase, fuzzy)
    if not rowids:
        return []
    rows = _Records(index)
    scoring = make_query(phrase, query_terms, fuzzy, topics=not types or "topic" in types)
    hits = _score_all(index, rowids, scoring, types, floor, told, rows)
    hits.sort(key=lambda h: (-h.score, BY_NAME[h.type].rank, h.id))
    hits = hits[:limit] if limit else hits
    rows.ranked([h.id for h in hits])
    return hits


def _names_apart(index: Index, query: str) -> str:
    """Chinese typed without spaces, with the Chinese names it holds set apart as words of their
    own: "梁文锋对闭源的态度" is looked up as 梁文锋, 闭源, 的态度, not as one run no text holds."""
    if not has_han(query):
        return query
    held = {e.name for e in index.names_in(None, query)}
    names = longest_first(n for n in held if has_han(n) and len(n) >= 2 and n in query)
    if not names:
        return query
    apart = re.sub("|".join(re.escape(n) for n in names), lambda m: f" {m.group()} ", query)
    # A character left alone between two names (对 in 梁文锋对闭源) is a function word.
    return " ".join(w for w in apart.split() if not (len(w) == 1 and has_han(w)))


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


class _Records:
    """The hits' records, read from the index when the first is asked for, a batch at a time
    in rank order: showing 100 quotes reads the index 10 times, not 100 times, and showing the
    first 10 of 99 hits (search's default) reads those 10 records, not 99."""

    BATCH = 10

    def __init__(self, index: Index) -> None:
        self.index = index
        self.order: list[str] = []
        self.rows: dict[str, Row] = {}

    def ranked(self, ids: list[str]) -> None:
        self.order = ids

    def row(self, record_id: str) -> Row:
        if record_id not in self.rows:
            at = self.order.index(record_id) if record_id in self.order else len(self.order)
            batch = [i for i in self.order[at : at + self.BATCH] if i not in self.rows]
            found = self.index.get_many(batch or [record_id])
            self.rows.update((i, f.row) for i, f in found.items())
            if record_id not in self.rows:  # not in the ranked list: read alone
                one = self.index.get(record_id)
                assert one is not None  # the candidate came from this index
                self.rows[record_id] = one.row
        return self.rows[record_id]


def _same(row: Row) -> Row:
    return row


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
    scoring: Query,
    types: frozenset[str] | None,
    floor: float,
    told: Told | None,
    records: _Records,
) -> list[Hit]:
    hits: list[Hit] = []
    for candidate in index.candidates(rowids, types):  # of those types only, when given
        load = partial(records.row, candidate.id)
        stored: list[StoredField] | list[list[Any]]
        if told is None:
            stored = candidate.fields  # as stored: a field scoring can pass over stays a list
        else:
            view = told(candidate.kind, load())
            if view is None:
                continue
            load = partial(_same, view)
            stored = prepare(search_fields(candidate.kind, view, {})).fields
        found = score_record(candidate.kind, stored, scoring)
        if found and found.score >= floor:
            hits.append(Hit(candidate.id, candidate.kind, *found, load))
    return hits
