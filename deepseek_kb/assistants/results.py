"""What each assistant tool returns: structured data and the text a generic client shows.

One function per tool, on the same queries the commands use (`search_all` and its answer,
`any_record` and `record_citations` as `dskb cite`, `source_detail`, `timeline`,
`models_to_show`), so both read the KB the same way; a tool given an id (fetch, get_record)
takes only that id. Each returns a `Result` under `MAX_CHARS`; a list that was cut says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from deepseek_kb.assistants.cited import (
    MAX_CHARS,
    RECORD_URI,
    SOURCE_URI,
    at_path,
    citation_json,
    citations_of,
    clip,
    exact_record,
    first_url,
    link_of,
    names_of,
    record_card,
    record_words,
    said,
    shown,
    size,
    sources_block,
    title_of,
)
from deepseek_kb.index.store import Found, Index
from deepseek_kb.kinds import SPEC_BY_FIELD
from deepseek_kb.queries.citing import record_citations, source_detail
from deepseek_kb.queries.history import timeline as find_events
from deepseek_kb.queries.lookup import search_all
from deepseek_kb.queries.models import models_to_show
from deepseek_kb.render.citing import cite_output
from deepseek_kb.render.output import CiteFormat
from deepseek_kb.rows import Row
from deepseek_kb.values import cites, format_value, name_of, pick

if TYPE_CHECKING:
    from deepseek_kb.search.answer import Answer


class Result(NamedTuple):
    """A tool's result: the structured content (matching its output schema) and its text."""

    data: Row
    text: str


def _fitted(data: Row, key: str, render: Callable[[Row], str]) -> Result:
    """The result with as many items of `data[key]` as fit under MAX_CHARS (`truncated` says
    when some were left out)."""
    text = render(data)
    while size(data, text) > MAX_CHARS and data[key]:
        keep = max(0, min(len(data[key]) - 1, len(data[key]) * MAX_CHARS // size(data, text)))
        data[key] = data[key][:keep]
        data["truncated"] = True
        text = render(data)
    return Result(data, text)


# --- search and fetch (the pair ChatGPT deep research and others expect) -----------------------


def search(index: Index, query: str, limit: int, lang: str, tier: str | None) -> Result:
    """Records matching the words, best first, each as {id, title, text, url}; a question that
    dskb can answer gets its answer, cited, first."""
    found = search_all(index, query, None, limit, tier)
    names = names_of(index, [h.record for h in found.hits])
    results = []
    for hit in found.hits:
        record = Found(hit.type, hit.record)
        citations = record_citations(index, record)
        results.append(
            {
                "id": hit.id,
                "title": title_of(record, lang, names),
                "text": clip(record_words(index, record, lang), 600),
                "url": first_url(citations),
                "type": hit.type,
                "score": round(hit.score, 1),
                "cites": cites([c.ref for c in citations[:3]], shown(lang)),
            }
        )
    answer = _answer_data(index, found.answer, lang) if found.answer else None
    data = {
        "query": query,
        "answer": answer,
        "results": results,
        "total": found.total,
        "truncated": found.total > len(results),
    }
    return _fitted(data, "results", lambda d: _search_text(d, lang))


def _search_text(data: Row, lang: str) -> str:
    lines = []
    if data["answer"]:
        lines += [_answer_text(data["answer"], lang), ""]
    if not data["results"] and not data["answer"]:
        lines.append(said(lang, "mcp.nothing_matches"))
    for n, item in enumerate(data["results"], start=1):
        lines.append(f"{n}. {item['title']} ({item['type']} `{item['id']}`)")
        lines.append(f"   {item['text']}")
        link = f" · {item['url']}" if item["url"] else ""
        lines.append(f"   {said(lang, 'mcp.sources_2')}: {item['cites']}{link}")
    if data["truncated"]:
        lines.append(_more(lang, len(data["results"]), data["total"]))
    return "\n".join(lines) + "\n"


def _more(lang: str, shown_count: int, total: int) -> str:
    return said(lang, "mcp.more", shown=shown_count, total=total)


def fetch(index: Index, record_id: str, lang: str) -> Result:
    """One record in full as {id, title, text, url}: its words, specs and every source."""
    found = exact_record(index, record_id)
    card, text = record_card(index, found, lang)
    meta = {"type": found.kind, "uri": card["uri"], "citations": len(card["citations"])}
    data = {"id": card["id"], "title": card["title"], "text": text, "url": card["url"]}
    data["metadata"] = meta
    if size(data, text) > MAX_CHARS:
        cut = clip(text, (MAX_CHARS - size({**data, "text": ""}, "")) // 2 - 200)
        data["text"] = text = cut + "\n" + _cut_note(lang, found.row["id"])
    return Result(data, text)


def _cut_note(lang: str, record_id: str) -> str:
    return said(lang, "mcp.cut", id=record_id)


# --- answer and cite --------------------------------------------------------------------------


def answer(index: Index, question: str, lang: str) -> Result:
    """The value a question asks for, its caveat and its citations (as `dskb search` answers);
    when dskb holds no single value, the records nearest the question."""
    found = search_all(index, question, None, 5)
    if found.answer is not None:
        value = _answer_data(index, found.answer, lang)
        data = {"question": question, "answered": True, "answer": value, "hits": []}
        return Result(data, _answer_text(value, lang) + "\n")
    hits = [
        {"id": h.id, "type": h.type, "title": title_of(Found(h.type, h.record), lang, {})}
        for h in found.hits
    ]
    data = {"question": question, "answered": False, "answer": None, "hits": hits}
    lines = [said(lang, "mcp.dskb_holds_no_single_value")]
    if hits:
        lines.append(said(lang, "mcp.the_nearest_records"))
        lines += [f"- {h['title']} ({h['type']} `{h['id']}`)" for h in hits]
    return Result(data, "\n".join(lines) + "\n")


def _answer_data(index: Index, found: Answer, lang: str) -> Row:
    """An answer as data: the value, where it is held, its caveat, and each citation in full."""
    record = Found(found.kind, found.record)
    citations = citations_of(index, record, found.field, found.sources)
    return {
        "value": found.text(lang),
        "raw": found.value,
        "line": found.line(lang),
        "record": found.record["id"],
        "type": found.kind,
        "field": found.field,
        "about": found.subject["id"] if found.subject is not None else None,
        "caveat": _caveat(found.record, found.field, lang),
        "citations": [citation_json(c) for c in citations],
        "uri": RECORD_URI.format(id=found.record["id"]),
    }


def _caveat(record: Row, field: str, lang: str) -> str | None:
    """The note that goes with a value: on the value's own field, else on the one holding it."""
    for path in (field, field.rsplit(".", 1)[0]):
        held = at_path(record, path)
        if isinstance(held, dict) and isinstance(held.get("note"), dict):
            return pick(held["note"], shown(lang))
    return None


def _answer_text(data: Row, lang: str) -> str:
    lines = [said(lang, "mcp.answer") + data["line"]]
    held = f"{data['type']} `{data['record']}` · {data['field']} · {data['uri']}"
    lines.append(said(lang, "mcp.record") + held)
    if data["caveat"]:
        lines.append(said(lang, "mcp.caveat") + data["caveat"])
    lines += sources_block(data["citations"], lang)
    return "\n".join(lines)


def cite(index: Index, typed: str, fmt: str, field: str | None, lang: str) -> Result:
    """A citation ready to paste (text, markdown, bibtex, csl-json or json), as `dskb cite`."""
    from deepseek_kb.queries.citing import cite as cite_query
    from deepseek_kb.render.citing import record_words as cited_words

    whole = cite_query(index, typed, field)
    found, citations = whole.found, whole.citations
    words = cited_words(whole, lang)
    chosen = CiteFormat(fmt)
    data = {
        "id": found.row["id"],
        "type": found.kind,
        "format": chosen.value,
        "words": words,
        "citations": [citation_json(c) for c in citations],
        "truncated": False,
    }

    def render(d: Row) -> str:
        kept = dataclasses.replace(whole, citations=citations[: len(d["citations"])])
        refs = [
            whole.references[k]
            for k in dict.fromkeys(c.ref["source"] for c in kept.citations)
            if k in whole.references
        ]
        text = cite_output(kept, refs, chosen, lang)
        return text + (_cut_note(lang, d["id"]) + "\n" if d["truncated"] else "")

    return _fitted(data, "citations", render)


# --- records, sources, events, models ---------------------------------------------------------


def get_record(index: Index, record_id: str, lang: str) -> Result:
    """One record as stored (every field and citation), with its summary as Markdown."""
    found = exact_record(index, record_id)
    card, text = record_card(index, found, lang)
    data = {**card, "record": found.row, "omitted": [], "truncated": False}
    if size(data, text) > MAX_CHARS:
        data["record"] = _slim(found.row, lang)
        data["citations"] = []
        data["truncated"] = True
    while size(data, text) > MAX_CHARS and data["record"]:
        biggest = max(data["record"], key=lambda k: len(str(data["record"][k])))
        if biggest == "id":
            break
        data["omitted"].append(biggest)
        data["record"] = {k: v for k, v in data["record"].items() if k != biggest}
    if size(data, text) > MAX_CHARS:
        room = MAX_CHARS - size(data, "") - 200
        text = clip(text, max(room, 1000)) + "\n" + _cut_note(lang, found.row["id"])
    return Result(data, text)


def _slim(value: Any, lang: str) -> Any:
    """A record in one language, citations without their quotes (the `cite` tool has them)."""
    if isinstance(value, dict):
        if set(value) == {"zh", "en"} and lang != "both":
            return value[shown(lang)]
        return {
            k: _slim(v, lang) for k, v in value.items() if not (k == "quote" and "source" in value)
        }
    if isinstance(value, list):
        return [_slim(v, lang) for v in value]
    return value


def get_source(index: Index, source_id: str, lang: str) -> Result:
    """One source in full: its title, kind, address, and the records that cite it."""
    detail = source_detail(index, source_id)
    source = detail.source
    cited = [{"id": f.row["id"], "type": f.kind} for f in detail.cited_by]
    data = {
        "id": source["id"],
        "title": pick(source["title"], shown(lang)),
        "kind": source["kind"],
        "url": detail.link,
        "uri": SOURCE_URI.format(id=source["id"]),
        "source": source,
        "cited_by": cited,
        "truncated": False,
    }

    def render(d: Row) -> str:
        lines = [f"# {d['title']}", f"{d['kind']} · `{d['id']}` · {d['uri']}"]
        lines.append(d["url"] or said(lang, "mcp.no_address_is_known_2"))
        if source.get("note"):
            lines += ["", pick(source["note"], shown(lang))]
        lines += ["", said(lang, "mcp.cited_by")]
        lines += [f"- {c['type']} `{c['id']}`" for c in d["cited_by"]]
        return "\n".join(lines) + "\n"

    return _fitted(data, "cited_by", render)


def timeline(
    index: Index, since: str | None, until: str | None, event_type: str | None, args: Row
) -> Result:
    """Events in date order, filtered (about, from), each with its sources and link."""
    lang: str = args["lang"]
    events = find_events(index, since, until, event_type, args.get("about"), args.get("tier"))
    items = []
    for event in events[: args["limit"]]:
        refs = event["sources"]
        items.append(
            {
                "id": event["id"],
                "date": event["date"],
                "type": event["type"],
                "title": pick(event["title"], shown(lang)),
                "text": pick(event.get("description"), shown(lang)),
                "about": event.get("about", []),
                "cites": cites(refs, shown(lang)),
                "url": link_of(refs),
            }
        )
    data = {"events": items, "total": len(events), "truncated": len(events) > len(items)}

    def render(d: Row) -> str:
        lines = [
            f"- {e['date']} · {e['title']} ({e['type']} `{e['id']}`; {e['cites']}"
            + (f" · {e['url']})" if e["url"] else ")")
            for e in d["events"]
        ]
        if not lines:
            lines.append(said(lang, "mcp.no_events_match"))
        if d["truncated"]:
            lines.append(_more(lang, len(d["events"]), d["total"]))
        return "\n".join(lines) + "\n"

    return _fitted(data, "events", render)


def compare_models(index: Index, names: list[str], lang: str, tier: str | None) -> Result:
    """Models side by side (the main ones when none is named): each spec's value and source."""
    models = models_to_show(index, names, main_only=not names, tier=tier)
    items = []
    for model in models:
        specs = {}
        for field, spec in model.get("specs", {}).items():
            refs = spec.get("sources", [])
            specs[field] = {
                "value": format_value(spec["value"], shown(lang)),
                "cites": cites(refs, shown(lang)),
                "url": link_of(refs),
            }
        released = model.get("released")
        items.append(
            {
                "id": model["id"],
                "name": name_of(model, shown(lang)),
                "released": released["date"] if released else None,
                "specs": specs,
            }
        )
    data = {"models": items, "truncated": False}
    return _fitted(data, "models", lambda d: _compare_text(d["models"], lang))


def _compare_text(models: list[Row], lang: str) -> str:
    fields = list(dict.fromkeys(f for m in models for f in m["specs"]))
    lines = [
        " · ".join(f"{m['name']} ({m['released'] or '?'}, `{m['id']}`)" for m in models),
        "",
    ]
    for field in fields:
        info = SPEC_BY_FIELD.get(field)
        what = (info.zh if lang == "zh" else info.en) if info else field
        cells = []
        for m in models:
            spec = m["specs"].get(field)
            if spec:
                link = f" {spec['url']}" if spec["url"] else ""
                cells.append(f"{m['name']} {spec['value']} ({spec['cites']}{link})")
        lines.append(f"- **{what}**: " + "; ".join(cells))
    return "\n".join(lines) + "\n"
