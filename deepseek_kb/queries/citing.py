"""`dskb sources ID` and `dskb cite`: one source in full, what a record rests on, and the
citation record of every source (one per source, the same from every command)."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from deepseek_kb.citations import READ_DIRECTLY, Reference, reference, unique, url
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
        """The source record with `url` the link the screen shows, and what cites it."""
        cited = [{"id": f.row["id"], "type": f.kind} for f in self.cited_by]
        return {**shown_source(self.source), "link": self.link, "cited_by": cited}


def shown_source(source: Row) -> Row:
    """A source as `dskb sources` shows it: `url` is its link at the commit it was read at;
    the address the data file gives, where it differs (a main-branch link), is `listed_url`."""
    link = url({}, source)
    out = {key: value for key, value in source.items() if key != "url"}
    if link:
        out["url"] = link
    if source.get("url") and source["url"] != link:
        out["listed_url"] = source["url"]
    return out


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
    wanted = checked_query(typed, "noun.source_id", "give.source_id")
    ids = [row[0] for row in index.query("SELECT id FROM records WHERE type = 'source'")]
    if wanted not in ids:
        near = difflib.get_close_matches(wanted.lower(), ids, n=5, cutoff=0.6)
        if len(near) != 1 or difflib.SequenceMatcher(None, wanted.lower(), near[0]).ratio() < 0.9:
            raise NotFoundError.of("nothing.source", name=typed).suggesting(tuple(near))
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
        field = checked_query(field, "noun.field", "give.field")
    citations = [(where, ref) for where, ref in _walk(found.row) if not field or _in(where, field)]
    if field and not citations:
        raise NotFoundError.of(
            "nothing.field",
            name=name_of(found.row, "en"),
            name_zh=name_of(found.row, "zh"),
            field=field,
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


# Kinds whose words a citation can quote; a bare topic (a name and a line) is cited only when
# nothing that says something is as near.
SAYING = ("quote", "fact")
# How far below the best hit a quote or fact may score and still be preferred to it, and how
# close two may score before the words are ambiguous.
PREFER_WITHIN, AMBIGUOUS_WITHIN = 20.0, 5.0


@dataclass(frozen=True)
class Cited:
    """What `dskb cite` cites: a record (or one value of it, with the caveat on that value),
    the citations it rests on, and the citation record of each source they name."""

    found: Found
    citations: list[Citation]
    references: dict[str, Reference]
    field: str | None = None
    value: Any = None
    label: tuple[str, str] | None = None
    caveat: Row | None = None
    subject: Row | None = None
    names: dict[str, Row] = dataclasses.field(default_factory=dict)


def cite(index: Index, typed: str, field_asked: str | None = None) -> Cited:
    """What a record id, a source id, a question or some words cite."""
    wanted = checked_query(typed, "noun.record", "give.record_or_question")
    exact = index.get(wanted)
    if exact is not None and exact.kind == "topic":  # a topic is a word: cite what it files
        exact = None
    if exact is None and field_asked is None:
        answered = _answered(index, wanted)
        if answered is not None:
            return answered
    found = exact or _best_record(index, wanted)
    if found.kind == "source":
        return Cited(found, [], references(index, [found.row["id"]]))
    citations = record_citations(index, found, field_asked)
    spec = (found.row.get("specs") or {}).get(field_asked) if field_asked else None
    return Cited(
        found,
        citations,
        references(index, [c.ref["source"] for c in citations]),
        field=field_asked,
        value=spec["value"] if spec else None,
        caveat=spec.get("note") if spec else None,
        names=_names(index, found.row),
    )


def _answered(index: Index, query: str) -> Cited | None:
    """A question dskb answers cites its answer: the value, its caveat, its sources."""
    from deepseek_kb.queries.lookup import search_all

    answer = search_all(index, query, None, 1).answer
    if answer is None or answer.field == "text":
        return None  # a quote or fact answering with all it says is cited as that record
    found = Found(answer.kind, answer.record)
    refs = unique(answer.sources)
    sources = index.get_many(list(dict.fromkeys(r["source"] for r in refs)))
    citations = [
        Citation(answer.record, answer.kind, answer.field, dict(r), _row(sources, r["source"]))
        for r in refs
    ]
    return Cited(
        found,
        citations,
        references(index, [c.ref["source"] for c in citations]),
        field=answer.field,
        value=answer.value,
        label=(answer.asking.zh, answer.asking.en),
        caveat=caveat(answer.record, answer.field),
        subject=answer.subject,
        names=_names(index, answer.record),
    )


def caveat(record: Row, path: str) -> Row | None:
    """The note on the value at a path (specs.training_cost, released.date), if it has one."""
    node: Any = record
    note = None
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict) and node.get("note"):
            note = node["note"]
    return note


def _names(index: Index, record: Row) -> dict[str, Row]:
    from deepseek_kb.queries.common import names_for

    return names_for(index, [record])


def _row(found: dict[str, Found], source_id: str) -> Row | None:
    return found[source_id].row if source_id in found else None


def _best_record(index: Index, wanted: str) -> Found:
    """The record some words mean: a clear best hit, preferring what says something (a quote,
    a fact) to a bare topic; close rivals are listed instead (exit 1)."""
    from deepseek_kb.search.rank import search

    hits = search(index, wanted, None, 10)
    if hits:
        top = hits[0].score
        saying = [h for h in hits if h.type in SAYING and h.score >= top - PREFER_WITHIN]
        named = top >= 99.5 and hits[0].type != "topic"  # the words are its name or id
        pool = saying if saying and not named else hits
        if named or len(pool) == 1 or pool[0].score - pool[1].score >= AMBIGUOUS_WITHIN:
            return Found(pool[0].type, pool[0].record)
        hits = pool
    raise NotFoundError.of("nothing.not_one", query=wanted).suggesting(
        tuple(f"{h.id} ({h.type})" for h in hits[:5])
    )


def any_record(index: Index, typed: str) -> Found:
    """A record by id, or the one record some words clearly mean."""
    wanted = checked_query(typed, "noun.record", "give.record_or_name")
    return index.get(wanted) or _best_record(index, wanted)


# --- The citation record of each source ---------------------------------------------------


def references(index: Index, ids: list[str]) -> dict[str, Reference]:
    """The citation record of each source named, in the order named, once each."""
    wanted = list(dict.fromkeys(ids))
    found = index.get_many(wanted)
    papers = _papers(index)
    read = _read_dates(index)
    out = {}
    for source_id in wanted:
        if source_id in found:
            out[source_id] = _reference(found[source_id].row, papers, read)
    return out


def bibliography(index: Index) -> dict[str, Reference]:
    """Every source's citation record, by key (its id), in key order."""
    rows = sorted(index.records("source"), key=lambda row: str(row["id"]))
    papers, read = _papers(index), _read_dates(index)
    return {str(row["id"]): _reference(row, papers, read) for row in rows}


def _reference(source: Row, papers: dict[str, dict[str, str]], read: dict[str, str]) -> Reference:
    paper = papers.get(str(source.get("repo")), {}) if source["kind"] == "paper" else {}
    return reference(
        source,
        arxiv=paper.get("arxiv"),
        paper_title=paper.get("title"),
        accessed=_accessed(source, read),
    )


def _accessed(source: Row, read: dict[str, str]) -> str | None:
    """When the KB read the source: its own date, else that of the compilation it came in.
    A page the article links was read only through the article: it has none."""
    if source.get("accessed"):
        return str(source["accessed"])
    for ref in source.get("sources", []):
        through = ref if isinstance(ref, str) else ref.get("source")
        if through in read and through != "article":
            return read[through]
    return None


def _read_dates(index: Index) -> dict[str, str]:
    return {
        str(row["id"]): str(row["accessed"])
        for row in index.records("source")
        if row["kind"] in READ_DIRECTLY and row.get("accessed")
    }


def _papers(index: Index) -> dict[str, dict[str, str]]:
    """The paper each repository names (its arXiv id, or its title), from the models' `paper`
    values and the repository of the line that states them; a repository naming two is left out."""
    seen: dict[str, dict[str, set[str]]] = {}
    repos = {str(row["id"]): row.get("repo") for row in index.records("source")}
    for model in index.records("model"):
        paper = (model.get("specs") or {}).get("paper")
        if not paper:
            continue
        value = paper["value"] if isinstance(paper["value"], str) else None
        for ref in paper.get("sources", []):
            repo = repos.get(ref["source"])
            if repo and value:
                what = "arxiv" if value.startswith("arXiv:") else "title"
                seen.setdefault(str(repo), {}).setdefault(what, set()).add(value)
    return {
        repo: {what: next(iter(values)) for what, values in kinds.items() if len(values) == 1}
        for repo, kinds in seen.items()
    }
