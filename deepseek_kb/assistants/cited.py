"""Records and citations as an assistant reads them: each value with its source, place and link.

A generic client shows only a tool's text, so the text states what the data holds: the value,
the source it rests on, the line or page, the quote where there is one, and the deep link (or
that no address is known, as for the article, which has only a permalink).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from deepseek_kb.errors import NotFoundError
from deepseek_kb.index.store import Found, Index
from deepseek_kb.kinds import SPEC_BY_FIELD
from deepseek_kb.messages import texts
from deepseek_kb.queries.citing import Citation, record_citations
from deepseek_kb.queries.common import checked_query, names_for
from deepseek_kb.render.citing import record_words as cited_words
from deepseek_kb.rows import Row
from deepseek_kb.values import cite, cites, format_value, name_of, pick

# Every result stays under this many characters (structured content and text together), so
# one call never floods a model's context; lists are cut and say so (`truncated`).
MAX_CHARS = 38_000

RECORD_URI = "dskb://record/{id}"
SOURCE_URI = "dskb://source/{id}"


def shown(lang: str) -> str:
    """The one language a line is written in (both: English, with the Chinese in the data)."""
    return "en" if lang == "both" else lang


def say(lang: str, zh: str, en: str) -> str:
    """Words in the reader's language."""
    return zh if lang == "zh" else en


def said(lang: str, key: str, /, **fields: object) -> str:
    """The catalogue's words `key` (messages.words) in the reader's language."""
    words = texts(key, **fields)
    return say(lang, words.zh, words.en)


def size(data: Any, text: str) -> int:
    """How many characters a result takes: its structured content and its text."""
    return len(json.dumps(data, ensure_ascii=False)) + len(text)


def clip(text: str, limit: int) -> str:
    """A text no longer than `limit`, cut at a word where it can be, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut) + "…"


def citations_of(index: Index, found: Found, field: str, refs: Sequence[Row]) -> list[Citation]:
    """These references (an answer's, a spec's) as citations, each with its source record."""
    sources = index.get_many(list(dict.fromkeys(str(ref["source"]) for ref in refs)))
    return [
        Citation(
            found.row,
            found.kind,
            field,
            dict(ref),
            sources[ref["source"]].row if ref["source"] in sources else None,
        )
        for ref in refs
    ]


def citation_json(citation: Citation) -> Row:
    """A citation as data: the source, where in it, the quote, and the link (None if unknown)."""
    return {"url": None, **citation.as_json()}


def citation_line(citation: Row, lang: str) -> str:
    """`v3-paper p.5 · DeepSeek-V3: DeepSeek_V3.pdf · “… $5.576M.” · https://…#page=5`, from a
    citation as data (`citation_json`)."""
    parts = [cite(citation, shown(lang))]
    if citation.get("title"):
        parts.append(pick(citation["title"], shown(lang)))
    if citation.get("quote"):
        parts.append(f"“{citation['quote']}”")
    url = citation.get("url")
    parts.append(str(url) if url else said(lang, "mcp.no_address_is_known"))
    return " · ".join(parts)


def sources_block(citations: Sequence[Row], lang: str) -> list[str]:
    """`Sources:` and one numbered line per citation (as data)."""
    if not citations:
        return []
    lines = [said(lang, "mcp.sources")]
    lines += [f"{n}. {citation_line(c, lang)}" for n, c in enumerate(citations, start=1)]
    return lines


def names_of(index: Index, rows: list[Row]) -> dict[str, str]:
    """The display names of what these records link to (speakers, topics, subjects)."""
    return {
        rid: pick(row.get("name"), "both") or rid for rid, row in names_for(index, rows).items()
    }


def record_words(index: Index, found: Found, lang: str) -> str:
    """A record in a line or two, as `dskb cite` words it (a quote with its speaker, a value)."""
    from deepseek_kb.queries.citing import Cited

    cited = Cited(found, [], {}, names=names_for(index, [found.row]))
    return cited_words(cited, lang)


def title_of(found: Found, lang: str, names: dict[str, str]) -> str:
    """What a record is, in a few words: a name, a quote's speaker and date, an event's title."""
    row, lang = found.row, shown(lang)
    if found.kind == "quote":
        who = str(names.get(row["speaker"], row["speaker"]))
        return f"{who} · {row['date']}" if row.get("date") else who
    if found.kind == "event":
        return f"{row['date']} · {pick(row['title'], lang)}"
    if row.get("name") or row.get("title"):
        return name_of(row, lang)
    return clip(name_of(row, lang), 100)


def exact_record(index: Index, typed: str) -> Found:
    """A record by its id; an unknown id is NotFoundError naming the nearest records (an
    assistant that asks for an id means that id, not the best guess a search makes of it)."""
    wanted = checked_query(typed, "noun.record_id", "give.record_id")
    found = index.get(wanted.strip())
    if found is not None:
        return found
    from deepseek_kb.queries.lookup import search_all

    near = search_all(index, wanted, None, 5).hits
    near_ids = tuple(f"{h.id} ({h.type})" for h in near)
    raise NotFoundError.of("nothing.record_id", id=typed).suggesting(near_ids)


def link_of(refs: Sequence[Mapping[str, Any]]) -> str | None:
    """The deep link of the first reference that has one (the index adds them where known)."""
    return next((str(ref["url"]) for ref in refs if ref.get("url")), None)


def first_url(citations: Sequence[Citation]) -> str | None:
    """The deep link of the first citation that has one."""
    return next((str(c.ref["url"]) for c in citations if c.ref.get("url")), None)


def record_card(index: Index, found: Found, lang: str) -> tuple[Row, str]:
    """A record's summary as data (id, title, text, url, citations) and as Markdown text."""
    names = names_of(index, [found.row])
    citations = record_citations(index, found)
    title = title_of(found, lang, names)
    words = record_words(index, found, lang)
    uri = (SOURCE_URI if found.kind == "source" else RECORD_URI).format(id=found.row["id"])
    card = {
        "id": found.row["id"],
        "type": found.kind,
        "title": title,
        "text": words,
        "url": first_url(citations),
        "uri": uri,
    }
    lines = [f"# {title}", f"{found.kind} · `{found.row['id']}` · {uri}", "", words]
    specs = spec_lines(found.row, lang)
    if specs:
        lines += ["", *specs]
    if found.row.get("note"):
        lines += ["", said(lang, "mcp.note") + pick(found.row["note"], shown(lang))]
    card["citations"] = [citation_json(c) for c in citations]
    lines += ["", *sources_block(card["citations"], lang)]
    return card, "\n".join(lines).rstrip() + "\n"


def spec_lines(record: Row, lang: str) -> list[str]:
    """A model's specs, one line each: the value, its sources and the first link."""
    lines = []
    for field, spec in (record.get("specs") or {}).items():
        info = SPEC_BY_FIELD.get(field)
        what = (info.zh if lang == "zh" else info.en) if info else field
        value = format_value(spec["value"], shown(lang))
        refs = spec.get("sources", [])
        link = link_of(refs)
        lines.append(
            f"- **{what}**: {value} ({cites(refs, shown(lang))}{' ' + link if link else ''})"
        )
    return lines


def at_path(record: Row, path: str) -> Any:
    """The value at a field path of a record (`specs.training_cost`, `bio[0]`), or None."""
    value: Any = record
    for part in path.replace("]", "").replace("[", ".").split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value
