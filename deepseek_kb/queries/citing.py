"""`dskb sources ID` and `dskb cite ID`: one source in full, and what a record rests on."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from deepseek_kb.citations import unique, url
from deepseek_kb.errors import NotFoundError
from deepseek_kb.index.store import Found, Index
from deepseek_kb.queries.common import checked_query
from deepseek_kb.rows import Row
from deepseek_kb.values import name_of


@dataclass(frozen=True)
class SourceDetail:
    """A source and the records that cite it."""

    source: Row
    cited_by: list[Found]

    @property
    def link(self) -> str | None:
        """The source's address at the commit it was read at (else the URL it gives)."""
        return url({}, self.source)

    def as_json(self) -> Row:
        """The source record, its address, and the ids and kinds of what cites it."""
        cited = [{"id": f.row["id"], "type": f.kind} for f in self.cited_by]
        return {**self.source, "link": self.link, "cited_by": cited}


@dataclass(frozen=True)
class Citation:
    """One source a record rests on: where in the record, which source, where in it, the link."""

    record: Row
    kind: str
    field: str
    ref: Row
    source: Row | None

    def as_json(self) -> Row:
        """A citation object: record, field, source (id, kind, title), line/page/quote, url."""
        out: dict[str, Any] = {
            "record": self.record["id"],
            "type": self.kind,
            "field": self.field,
            "source": self.ref["source"],
        }
        if self.source:
            out["source_kind"] = self.source["kind"]
            out["title"] = self.source["title"]
            out.update(
                {k: self.source[k] for k in ("date", "repo", "path", "commit") if k in self.source}
            )
        out.update(
            {k: self.ref[k] for k in ("section", "line", "page", "quote", "url") if k in self.ref}
        )
        return out


def source_detail(index: Index, typed: str) -> SourceDetail:
    """One source by its id (or the one id a near miss of it means)."""
    wanted = checked_query(typed, "source id", "give a source id; `dskb sources` lists them")
    ids = [row[0] for row in index.query("SELECT id FROM records WHERE type = 'source'")]
    if wanted not in ids:
        near = difflib.get_close_matches(wanted.lower(), ids, n=5, cutoff=0.6)
        if len(near) != 1 or difflib.SequenceMatcher(None, wanted.lower(), near[0]).ratio() < 0.9:
            raise NotFoundError(
                f"no source called {typed!r}",
                hint="`dskb sources` lists them all",
                suggestions=tuple(near),
            )
        wanted = near[0]
    found = index.get(wanted)
    assert found is not None
    return SourceDetail(found.row, index.citing(wanted))


def _walk(value: Any, path: str = "") -> Iterator[tuple[str, Row]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                for ref in item:
                    yield path or "record", ref
            else:
                yield from _walk(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")


def record_citations(index: Index, found: Found, field: str | None = None) -> list[Citation]:
    """Every citation in a record (or in one of its specs), each source once per line or page."""
    if field is not None:
        field = checked_query(field, "field", "give a field, e.g. training_cost")
    citations = [(where, ref) for where, ref in _walk(found.row) if not field or _in(where, field)]
    if field and not citations:
        raise NotFoundError(
            f"{name_of(found.row, 'en')} has no field {field!r} with sources",
            hint="a spec name such as total_params, training_cost, context_length",
        )
    kept = unique(ref for _, ref in citations)
    sources = index.get_many(list(dict.fromkeys(ref["source"] for ref in kept)))
    by_ref = {id(ref): where for where, ref in citations}
    return [
        Citation(
            found.row,
            found.kind,
            by_ref.get(id(ref), "record"),
            dict(ref),
            sources[ref["source"]].row if ref["source"] in sources else None,
        )
        for ref in kept
    ]


def _in(where: str, field: str) -> bool:
    """Whether a citation's place (specs.training_cost.superseded[0]) is in the field asked."""
    parts = where.replace("[", ".").split(".")
    return field in parts or where == field or where.startswith(f"specs.{field}")


def any_record(index: Index, typed: str) -> Found:
    """A record by id, or the one record a search for the words clearly means."""
    wanted = checked_query(typed, "record", "give a record id or a name")
    exact = index.get(wanted)
    if exact:
        return exact
    from deepseek_kb.search.rank import search

    hits = search(index, wanted, None, 5)
    if hits and (len(hits) == 1 or hits[0].score - hits[1].score >= 5 or hits[0].score >= 99.5):
        return Found(hits[0].type, hits[0].record)
    raise NotFoundError(
        f"{typed!r} does not name one record",
        hint="give a record id (`dskb search` shows them) or more words",
        suggestions=tuple(f"{h.id} ({h.type})" for h in hits),
    )
