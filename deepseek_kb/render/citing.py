"""Citations ready to paste (`dskb cite`) and one source in full (`dskb sources ID`).

`cite` writes plain text, Markdown, BibTeX, CSL-JSON or JSON: the record's own words, then
each source it rests on with its deep link. A quote is cited by its speaker, its words in the
language asked and the article's title, date and line; the article has no known address (only
its permalink), and it does not say which interview a quote comes from: both are said.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from deepseek_kb.kinds import SPEC_BY_FIELD
from deepseek_kb.render.layout import colon, label
from deepseek_kb.render.terminal import escape
from deepseek_kb.values import Json, format_value, name_of, pick

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.queries.citing import Citation, SourceDetail


class CiteFormat(StrEnum):
    """How `dskb cite` writes a citation."""

    text = "text"
    markdown = "markdown"
    bibtex = "bibtex"
    csl_json = "csl-json"
    json = "json"


def record_words(
    record: Json, kind: str, lang: str, names: dict[str, str], field: str | None = None
) -> str:
    """What a record says, in a line or two: a quote with its speaker, a model and its summary;
    with a spec asked for, that spec's value (DeepSeek-V3 — training cost: $5.576M)."""
    spec = (record.get("specs") or {}).get(field) if field else None
    if spec:
        info = SPEC_BY_FIELD.get(str(field))
        what = label(lang, info.zh, info.en) if info else str(field)
        shown = "en" if lang == "both" else lang
        value = format_value(spec["value"], shown)
        return f"{name_of(record, shown)} — {what}{colon(lang)}{value}"
    if kind == "quote":
        speaker = names.get(record["speaker"], record["speaker"])
        return f"“{pick(record['text'], lang)}” — {speaker}"
    if kind == "event":
        return f"{record['date']}: {pick(record['title'], lang)}"
    for field in ("text", "definition", "summary", "role", "title", "description"):
        if record.get(field):
            body = pick(record[field], lang)
            named = record.get("name")
            return f"{pick(named, lang)}: {body}" if named and field != "title" else body
    return name_of(record, "en" if lang == "both" else lang)


def _where(citation: Citation, lang: str) -> str:
    """Which part of the source: a line, a page, a section."""
    ref = citation.ref
    parts = []
    if ref.get("section"):
        parts.append(f"§{ref['section']}")
    if ref.get("line") and (citation.source or {}).get("kind") == "official-page":
        # The live page has no line numbers; the line counts lines of the saved copy.
        parts.append(label(lang, f"保存副本第 {ref['line']} 行", f"saved copy, line {ref['line']}"))
    elif ref.get("line"):
        parts.append(label(lang, f"第 {ref['line']} 行", f"line {ref['line']}"))
    if ref.get("page"):
        parts.append(label(lang, f"第 {ref['page']} 页", f"page {ref['page']}"))
    return ", ".join(parts)


def _source_line(citation: Citation, lang: str) -> str:
    source = citation.source or {"id": citation.ref["source"]}
    title = pick(source.get("title"), lang) or source["id"]
    extra = [source["date"]] if source.get("date") else []
    if source.get("commit"):
        extra.append(label(lang, f"提交 {source['commit'][:7]}", f"commit {source['commit'][:7]}"))
    where = _where(citation, lang)
    head = f"{title} ({', '.join(extra)})" if extra else title
    return f"{head}, {where}" if where else head


def _no_address(citation: Citation, lang: str) -> str:
    source = citation.source or {}
    notes = []
    if source.get("permalink"):
        notes.append(
            label(
                lang,
                f"永久链接 {source['permalink']}，网站地址不详",
                f"permalink {source['permalink']}; no host is known",
            )
        )
    if citation.kind == "quote" and source.get("kind") == "article":
        notes.append(
            label(lang, "文章没有注明出自哪次访谈", "the article does not name the interview")
        )
    return "; ".join(notes) or label(lang, "没有已知的网址", "no address is known")


def as_text(citations: Sequence[Citation], words: str, lang: str, markdown: bool) -> str:
    """The record's words, then its sources, numbered, each with its link (or why none)."""
    lines = [words, "", label(lang, "来源：", "Sources:")]
    for number, citation in enumerate(citations, start=1):
        line = _source_line(citation, lang)
        url = citation.ref.get("url")
        if markdown:
            shown = f"[{line}]({url})" if url else f"{line} ({_no_address(citation, lang)})"
            lines.append(f"{number}. {shown}")
        else:
            lines.append(f"[{number}] {line}")
            lines.append(f"    {url}" if url else f"    ({_no_address(citation, lang)})")
    return "\n".join(lines) + "\n"


def _bib(text: str) -> str:
    return text.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")


def as_bibtex(citations: Sequence[Citation], lang: str) -> str:
    """One @misc entry per source and place cited."""
    entries = []
    for citation in citations:
        ref, source = citation.ref, citation.source or {}
        key = "-".join(str(p) for p in (ref["source"], ref.get("line") or ref.get("page")) if p)
        fields: dict[str, str] = {"title": _bib(pick(source.get("title"), lang) or ref["source"])}
        if source.get("date"):
            fields["year"] = str(source["date"])[:4]
        if ref.get("url"):
            fields["howpublished"] = f"\\url{{{ref['url']}}}"
        note = [f"cited for {citation.record['id']} ({citation.field})"]
        if _where(citation, "en"):
            note.append(_where(citation, "en"))
        if not ref.get("url"):
            note.append(_no_address(citation, "en"))
        fields["note"] = _bib("; ".join(note))
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        entries.append(f"@misc{{{key},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"


_CSL_TYPES = {
    "article": "post-weblog",
    "web-page": "webpage",
    "official-page": "webpage",
    "interview": "interview",
}


def as_csl(citations: Sequence[Citation], lang: str) -> list[dict[str, Any]]:
    """CSL-JSON items (for Zotero, pandoc), one per source and place cited."""
    items = []
    for citation in citations:
        ref, source = citation.ref, citation.source or {}
        item: dict[str, Any] = {
            "id": "-".join(
                str(p) for p in (ref["source"], ref.get("line") or ref.get("page")) if p
            ),
            "type": _CSL_TYPES.get(str(source.get("kind")), "document"),
            "title": pick(source.get("title"), lang) or ref["source"],
        }
        if source.get("date"):
            item["issued"] = {"date-parts": [[int(p) for p in str(source["date"]).split("-")]]}
        if ref.get("url"):
            item["URL"] = ref["url"]
        if source.get("repo"):
            item["publisher"] = f"GitHub, {source['repo']}"
        item["note"] = "; ".join(
            p
            for p in (
                _where(citation, "en"),
                ref.get("quote"),
                None if ref.get("url") else _no_address(citation, "en"),
            )
            if p
        )
        items.append(item)
    return items


def cite_output(citations: Sequence[Citation], words: str, fmt: CiteFormat, lang: str) -> str:
    """The citation in the format asked for, as the text to write."""
    if fmt is CiteFormat.json:
        return json.dumps([c.as_json() for c in citations], ensure_ascii=False, indent=2) + "\n"
    if fmt is CiteFormat.csl_json:
        return json.dumps(as_csl(citations, lang), ensure_ascii=False, indent=2) + "\n"
    if fmt is CiteFormat.bibtex:
        return as_bibtex(citations, lang)
    return as_text(citations, words, lang, markdown=fmt is CiteFormat.markdown)


def source_detail(detail: SourceDetail, lang: str, width: int) -> list[RenderableType]:
    """One source in full; its address printed whole (and clickable where the terminal can)."""
    from rich.text import Text

    source = detail.source
    rows: list[tuple[str, str]] = [
        (label(lang, "类型", "kind"), source["kind"]),
        (label(lang, "标题", "title"), pick(source["title"], "both")),
    ]
    for key, zh, en in (
        ("date", "日期", "date"),
        ("repo", "仓库", "repository"),
        ("path", "路径", "path"),
        ("commit", "提交", "commit"),
        ("permalink", "永久链接", "permalink"),
        ("publisher", "发布者", "publisher"),
    ):
        if source.get(key):
            rows.append((label(lang, zh, en), str(source[key])))
    out: list[RenderableType] = [Text(f"{source['id']}", style="bold")]
    for name, value in rows:
        out.append(Text.from_markup(f"[dim]{escape(name)}:[/] {escape(value)}"))
    url = detail.link
    if url:  # one unbroken line, so it can be copied whole; the terminal folds it if it must
        line = Text.from_markup(f"[dim]URL:[/] [link={url}]{escape(url)}[/link]")
        line.no_wrap, line.overflow = True, "ignore"
        out.append(line)
    elif source.get("kind") == "article":
        out.append(
            Text(
                label(lang, "网址：不详（只有永久链接）", "URL: none known (only a permalink)"),
                style="dim",
            )
        )
    if source.get("note"):
        out.append(Text(pick(source["note"], lang)))
    cited = detail.cited_by
    out.append(
        Text(
            label(lang, f"被 {len(cited)} 条记录引用：", f"cited by {len(cited)} records:"),
            style="bold",
        )
    )
    by_kind: dict[str, list[str]] = {}
    for found in cited:
        by_kind.setdefault(found.kind, []).append(found.row["id"])
    for kind, ids in by_kind.items():
        out.append(Text(f"  {kind} ({len(ids)}): " + ", ".join(ids)))
    return out
