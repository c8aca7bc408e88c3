"""Citations ready to paste (`dskb cite`) and one source in full (`dskb sources ID`).

`cite` writes plain text, Markdown, BibTeX, CSL-JSON or JSON: the record's own words, then
each source it rests on with its deep link. A quote is cited by its speaker, its words in the
language asked and the article's title, date and line; the article has no known address (only
its permalink), and it does not say which interview a quote comes from: both are said.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from deepseek_kb.kinds import SPEC_BY_FIELD
from deepseek_kb.render.layout import colon, hang, kind_word, label, prewrapped, styled, word
from deepseek_kb.render.output import CiteFormat, Output
from deepseek_kb.render.terminal import escape
from deepseek_kb.rows import Row
from deepseek_kb.values import format_value, name_of, pick, section

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.citations import Reference
    from deepseek_kb.queries.citing import Citation, Cited, SourceDetail


def _shown(lang: str) -> str:
    return "en" if lang == "both" else lang


def record_words(cited: Cited, lang: str) -> str:
    """What is cited, in a line or two: a value (DeepSeek-V3 — Training cost: $5.576M), a
    quote with its speaker (its English marked as a translation), a fact, a model's summary."""
    record, kind, shown = cited.found.row, cited.found.kind, _shown(lang)
    if cited.field and cited.value is not None:
        what = _field_label(cited, lang)
        whose = name_of(cited.subject or record, shown)
        return f"{whose} — {what}{colon(lang)}{format_value(cited.value, shown)}"
    if kind == "quote":
        speaker = cited.names.get(record["speaker"])
        who = name_of(speaker, shown) if speaker else record["speaker"]
        return f"“{pick(record['text'], lang)}” — {who}{_translated(lang)}"
    if kind == "event":
        return f"{record['date']}: {pick(record['title'], lang)}"
    if kind == "source":
        return name_of(record, shown)
    for field in ("text", "definition", "summary", "role", "title", "description"):
        if record.get(field):
            body = pick(record[field], lang)
            named = record.get("name")
            return f"{pick(named, lang)}: {body}" if named and field != "title" else body
    return name_of(record, shown)


def _field_label(cited: Cited, lang: str) -> str:
    if cited.label:
        return label(lang, *cited.label)
    name = str(cited.field).removeprefix("specs.")
    info = SPEC_BY_FIELD.get(name)
    return label(lang, info.zh, info.en) if info else name


def _translated(lang: str) -> str:
    """The quotes are the article's Chinese; their English is this KB's translation."""
    if lang == "zh":
        return ""
    return " (English translated from the article's Chinese)"


def caveat_line(cited: Cited, lang: str) -> str | None:
    """The caveat on the value cited (V3's $5.576M: final run only, $2 per GPU hour)."""
    if not cited.caveat:
        return None
    return word(lang, "citing.note") + pick(cited.caveat, lang)


def where(ref: Row, lang: str, source: Row | None = None) -> str:
    """Which part of the source: a line (of the saved copy, for a page DeepSeek publishes,
    whose live version has no line numbers), a page, a section."""
    parts = []
    if ref.get("section"):
        parts.append(f"§{section(str(ref['section']), lang)}")
    if ref.get("line") and (source or {}).get("kind") == "official-page":
        parts.append(word(lang, "citing.saved_copy_line", line=ref["line"]))
    elif ref.get("line"):
        parts.append(word(lang, "citing.line", line=ref["line"]))
    if ref.get("page"):
        parts.append(word(lang, "citing.page", page=ref["page"]))
    return ", ".join(parts)


def _source_line(citation: Citation, reference: Reference | None, lang: str) -> str:
    source = citation.source or {"id": citation.ref["source"]}
    title = pick(source.get("title"), lang) or source["id"]
    extra = [reference.date] if reference and reference.date else []
    if source.get("commit"):
        extra.append(word(lang, "citing.commit", commit=source["commit"][:7]))
    if reference and reference.arxiv:
        extra.append(f"arXiv:{reference.arxiv}")
    at = where(citation.ref, lang, citation.source)
    head = f"{title} ({', '.join(extra)})" if extra else title
    return f"{head}, {at}" if at else head


def _no_address(citation: Citation, lang: str) -> str:
    source = citation.source or {}
    notes = []
    if source.get("permalink"):
        notes.append(word(lang, "citing.permalink_no_host", permalink=source["permalink"]))
    if citation.kind == "quote" and source.get("kind") == "article":
        notes.append(word(lang, "citing.the_article_does_not_name"))
    return "; ".join(notes) or word(lang, "citing.no_address_is_known")


def head_lines(cited: Cited, lang: str) -> list[str]:
    """What is cited and the caveat on it."""
    return [line for line in (record_words(cited, lang), caveat_line(cited, lang)) if line]


def as_text(cited: Cited, lang: str, markdown: bool) -> str:
    """What is cited, its caveat, then its sources, numbered, each with its link (or why none)."""
    lines = [*head_lines(cited, lang), "", word(lang, "citing.sources")]
    citations = cited.citations or _self_citation(cited)
    for number, citation in enumerate(citations, start=1):
        reference = cited.references.get(citation.ref["source"])
        line = _source_line(citation, reference, lang)
        url = citation.ref.get("url") or citing_url(citation)
        if markdown:
            shown = f"[{line}]({url})" if url else f"{line} ({_no_address(citation, lang)})"
            lines.append(f"{number}. {shown}")
        else:
            lines.append(f"[{number}] {line}")
            lines.append(f"    {url}" if url else f"    ({_no_address(citation, lang)})")
    return "\n".join(lines) + "\n"


def _self_citation(cited: Cited) -> list[Citation]:
    """A source cited by its id cites itself."""
    from deepseek_kb.queries.citing import Citation

    row = cited.found.row
    return [Citation(row, "source", "record", {"source": row["id"]}, row)]


def citing_url(citation: Citation) -> str | None:
    """The deep link of a citation (its line or page), where an address is known."""
    from deepseek_kb.citations import url

    return url(citation.ref, citation.source)


def locator(ref: Row) -> str | None:
    """The place in a source as a citation's postnote: `p. 5`, `line 333`."""
    if ref.get("page"):
        return f"p.~{ref['page']}"
    if ref.get("line"):
        return f"line {ref['line']}"
    return None


def _cite_commands(cited: Cited) -> str:
    r"""`\cite[p.~5]{v3-paper}`, one per place cited."""
    seen: list[str] = []
    for citation in cited.citations or _self_citation(cited):
        where_in = locator(citation.ref)
        command = f"\\cite[{where_in}]{{{citation.ref['source']}}}" if where_in else None
        command = command or f"\\cite{{{citation.ref['source']}}}"
        if command not in seen:
            seen.append(command)
    return ", ".join(seen)


def _record_notes(cited: Cited, lang: str) -> dict[str, list[str]]:
    """Per source, what the record cites it for (words, caveat, place): RIS N1, CSL note."""
    head = "; ".join(head_lines(cited, "en" if lang == "both" else lang))
    out: dict[str, list[str]] = {}
    for citation in cited.citations:
        place = where(citation.ref, "en", citation.source)
        out.setdefault(citation.ref["source"], []).append(
            f"Cited for {head}" + (f" ({place})" if place else "")
        )
    return out


def cite_data(cited: Cited | None, refs: Sequence[Reference]) -> Any:
    """The citation as data (`--json`): each citation with its source's key and the caveat; the
    whole bibliography, with no record, as CSL items."""
    from deepseek_kb.render import bibliography

    if cited is None:
        return [bibliography.csl_item(ref) for ref in refs]
    return [
        {
            **c.as_json(),
            "key": c.ref["source"],
            **({"caveat": cited.caveat} if cited.caveat else {}),
        }
        for c in cited.citations or _self_citation(cited)
    ]


def cite_output(cited: Cited | None, refs: Sequence[Reference], fmt: CiteFormat, lang: str) -> str:
    """The citation (or, with no record, the whole bibliography) as the text to write."""
    from deepseek_kb.render import bibliography

    notes = _record_notes(cited, lang) if cited else {}
    if fmt is CiteFormat.bibtex:
        comments = [*head_lines(cited, "en"), f"Cite as: {_cite_commands(cited)}"] if cited else []
        return bibliography.bibtex(refs, comments)
    if fmt is CiteFormat.ris:
        return bibliography.ris(refs, notes)
    if fmt is CiteFormat.csl_json:
        items = [
            bibliography.csl_item(ref, " | ".join(notes.get(ref.key, [])) or None) for ref in refs
        ]
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if fmt is CiteFormat.json:
        return json.dumps(cite_data(cited, refs), ensure_ascii=False, indent=2) + "\n"
    if cited is None:
        return as_bibliography_text(refs, fmt is CiteFormat.markdown)
    return as_text(cited, lang, markdown=fmt is CiteFormat.markdown)


def cite_result(cited: Cited | None, refs: Sequence[Reference]) -> Output:
    """`dskb cite`'s result for the one output switch: its data for --json, and each of its
    text formats (text, markdown, bibtex, ris, csl-json) as text to write."""
    texts = {
        fmt.value: partial(cite_output, cited, refs, fmt)
        for fmt in CiteFormat
        if fmt is not CiteFormat.json
    }
    return Output(cite_data(cited, refs), texts=texts)


def as_bibliography_text(refs: Sequence[Reference], markdown: bool) -> str:
    """Every source as one line (author, year, title, where, URL)."""
    from deepseek_kb.render import bibliography

    lines = []
    for ref in refs:
        who = ", ".join(ref.authors) or (ref.publisher or "")
        when = f"({ref.date})" if ref.date else "(n.d.)"
        parts = [p for p in (who, when, ref.title, bibliography.where_published(ref)) if p]
        line = ". ".join(parts)
        if ref.url:
            line += f". {ref.url}" if not markdown else f". <{ref.url}>"
        lines.append(f"- {line} [{ref.key}]" if markdown else f"[{ref.key}] {line}")
    return "\n".join(lines) + "\n"


def _original_title(source: Row, lang: str) -> str | None:
    """The title in the source's own language when the reader reads the other one: the
    article and the pages it links title themselves in Chinese, DeepSeek's files in English
    (as `citations.reference` reads them)."""
    title = source["title"]
    if lang == "both" or title["zh"] == title["en"]:
        return None
    official = source.get("repo") or source["kind"] in ("compilation", "git-commit")
    own = "en" if official else "zh"
    return str(title[own]) if own != lang else None


def source_detail(detail: SourceDetail, lang: str, width: int) -> list[RenderableType]:
    """One source in full; its address printed whole (and clickable where the terminal can)."""
    from rich.text import Text

    source = detail.source
    rows: list[tuple[str, str]] = [
        (word(lang, "citing.kind"), kind_word(source["kind"], lang)),
        (word(lang, "citing.title"), pick(source["title"], lang)),
    ]
    original = _original_title(source, lang)
    if original:
        rows.append((word(lang, "citing.original_title"), original))
    for key in ("date", "repo", "path", "commit", "permalink", "publisher"):
        if source.get(key):
            rows.append((word(lang, f"citing.field.{key}"), str(source[key])))
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
                word(lang, "citing.url_none_known_only_a"),
                style="dim",
            )
        )
    if source.get("note"):
        out.append(Text(pick(source["note"], lang)))
    cited = detail.cited_by
    out.append(
        Text(
            word(lang, "citing.cited_by", count=len(cited)),
            style="bold",
        )
    )
    by_kind: dict[str, list[str]] = {}
    for found in cited:
        by_kind.setdefault(found.kind, []).append(found.row["id"])
    listed = prewrapped()
    for kind, ids in by_kind.items():
        head = styled(f"  {kind_word(kind, lang)} ({len(ids)}): ")
        hang(listed, head, styled(", ".join(ids)), 4, width)
    listed.rstrip()  # the last line ends the view
    out.append(listed)
    return out
