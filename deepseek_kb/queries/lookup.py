"""`dskb quote` and `dskb search`: ranked lookups, filtered."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from deepseek_kb.errors import UsageError
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import BY_NAME, BY_STEM, NAMES
from deepseek_kb.queries.common import checked_query, names_for, resolve_id
from deepseek_kb.queries.provenance import as_told

if TYPE_CHECKING:
    from deepseek_kb.rows import Row
    from deepseek_kb.search.answer import Answer, NotStated
    from deepseek_kb.search.rank import Hit


class QuoteResult:
    """Quotes to show, the words to highlight in each, and the names they refer to (a plain
    class: a dataclass costs a part of a millisecond of every quote to define)."""

    def __init__(
        self,
        items: list[tuple[Row, tuple[str, ...]]],
        names: dict[str, Row],
        hits: list[Hit] | None = None,
        hint: str = "nothing.quotes.hint",  # what to try when nothing is found (a message id)
        total: int = 0,
    ) -> None:
        self.items = items
        self.names = names
        self.hits: list[Hit] = [] if hits is None else hits
        self.hint = hint
        self.total = total

    def as_json(self) -> list[Row]:
        """An array of hits, best first; without a query the score is null."""
        if self.hits:
            return [h.as_json() for h in self.hits]
        return [{"id": r["id"], "type": "quote", "score": None, "record": r} for r, _ in self.items]


def find_quotes(
    index: Index,
    query: str | None,
    speaker: str | None,
    topic: str | None,
    limit: int,
    tier: str | None = None,
) -> QuoteResult:
    """Quotes matching a query (ranked) or all of them (grouped by topic), filtered, as one
    tier tells them when given."""
    speaker_id = resolve_id(index, speaker, "person", "person") if speaker else None
    topic_id = resolve_id(index, topic, "topic", "topic") if topic else None

    def keep(record: Row) -> bool:
        return (not speaker_id or record["speaker"] == speaker_id) and (
            not topic_id or topic_id in record["topics"]
        )

    hint = "nothing.quotes.hint"
    if query is not None:
        from deepseek_kb.search.rank import search

        query = checked_query(query, hint="give.words_or_none")
        told = _teller(index, tier)
        hits = search(index, query, frozenset({"quote"}), None, told=told)
        if speaker_id or topic_id:  # else every hit is kept, and read only when shown
            hits = [h for h in hits if keep(h.record)]
        total = len(hits)
        hits = hits[:limit]
        items = [(h.record, h.matched) for h in hits]
        if not hits:
            hint = search_hint(query) + ".quotes"
    else:
        hits = []
        order = {t["id"]: i for i, t in enumerate(index.records("topic"))}
        quotes = [q for q in index.records("quote", tier) if keep(q)]
        quotes.sort(key=lambda q: order.get(q["topics"][0], len(order)))
        total = len(quotes)
        items = [(q, ()) for q in quotes[:limit]]
    names = names_for(index, [r for r, _ in items])
    return QuoteResult(items, names, hits, hint, total)


class SearchResult(NamedTuple):
    """The answer (when the query asks a question dskb can answer), the hits shown, and how
    many hits there were in all."""

    hits: list[Hit]
    total: int
    answer: Answer | None = None
    unstated: NotStated | None = None

    def as_json(self) -> list[Row]:
        """The hits as scripts see them; an answer is the first, with match.how = answer (or
        not-stated: the thing asked about, whose sources do not state what was asked)."""
        hits = [h.as_json() for h in self.hits]
        first = self.answer or self.unstated
        if first is None:
            return hits
        terms = [t for h in self.hits[:1] for t in h.matched]
        return [first.as_json(terms), *hits]


def kind_named(typed: str) -> str:
    """A kind as typed: `model`, `models` or `Models` are all the model kind."""
    word = typed.strip().lower()
    kind = BY_NAME.get(word) or BY_STEM.get(word)
    if kind is None:
        raise UsageError.of(
            "usage.not_a_record_type", "usage.one_of", value=typed, choices=", ".join(NAMES)
        )
    return kind.name


def search_all(
    index: Index, query: str, record_type: str | None, limit: int, tier: str | None = None
) -> SearchResult:
    """Every record type at once, ranked; --type narrows, --from keeps one tier's records."""
    query = checked_query(query, hint="give.words_name_number")
    types = frozenset({kind_named(record_type)}) if record_type is not None else None
    from deepseek_kb.search.rank import search

    told = _teller(index, tier)
    hits = search(index, query, types, None, told=told)
    found, unstated = _answered(index, query, hits, told is None)
    said = found or unstated
    if said is not None and types is not None and said.kind not in types:
        found = unstated = said = None
    if said is not None:
        hits = [h for h in hits if h.id != said.record["id"]]
    if unstated is not None:
        if unstated.why is not None:  # the record of where dskb looked is said once, above
            hits = [h for h in hits if h.id != unstated.why.record["id"]]
        return SearchResult(hits[:limit], len(hits), None, unstated)
    return SearchResult(hits[:limit], len(hits), found)


def _answered(
    index: Index, query: str, hits: list[Hit], everything: bool
) -> tuple[Answer | None, NotStated | None]:
    """The answer to the query read as a question, or what it asks that the sources do not
    state; neither for a name alone, or when one tier's view is searched."""
    if not everything or _name_alone(index, query):
        return None, None
    # Reading a question is only for search: `quote` and `search V3` do without its modules.
    from deepseek_kb.search.answer import NotStated, answer

    found = answer(index, query, hits)
    return (None, found) if isinstance(found, NotStated) else (found, None)


# The kinds of thing whose name alone asks nothing: its hits are the answer. A term's name
# asks its definition, a topic's ("training cost") what it names.
_NAMES_ASKING_NOTHING = frozenset({"model", "project", "person", "organization"})


def _name_alone(index: Index, query: str) -> bool:
    """Whether the query is the name of a thing and nothing more (V3, DeepSeek, 梁文锋)."""
    from deepseek_kb.analysis.text import normalize

    typed = normalize(query)
    kinds = {e.kind for e in index.names_in(None, typed) if normalize(e.name) == typed}
    return bool(kinds) and kinds <= _NAMES_ASKING_NOTHING


def _teller(index: Index, tier: str | None) -> Callable[[str, Row], Row | None] | None:
    """What search calls to see a hit as one tier tells it (None: everything as it is)."""
    if not tier:
        return None

    def told(kind: str, row: Row) -> Row | None:
        return as_told(index, kind, row, tier) if tier in row.get("provenance", ()) else None

    return told


def search_hint(query: str) -> str:
    """What to try when a query found nothing, as the id of its message."""
    words = query.split()
    if len(words) > 2:
        return "nothing.fewer_words"
    return "nothing.other_spelling"
