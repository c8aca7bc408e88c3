"""`dskb quote` and `dskb search`: quotes and hits in the reader's language, matches marked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from deepseek_kb.analysis.fields import search_fields
from deepseek_kb.kinds import FIELD_WORDS, LINK_FIELDS
from deepseek_kb.render.layout import hang, kind_word, label, prewrapped, styled, word
from deepseek_kb.values import cites, name_of, pick

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.rows import Row
    from deepseek_kb.search.answer import Answer, NotStated
    from deepseek_kb.search.rank import Hit

# A long text is shown by the sentences that hold the match, never cut mid-sentence.
_LONG = 320


@cache
def _sentences() -> re.Pattern[str]:
    # Compiled when a text is long enough to need it.
    return re.compile(r"[^。！？!?；;]+[。！？!?；;]?|[^.]+(?:\.(?=\s)|$)")


def passage(text: str, words: Sequence[str], limit: int = _LONG) -> str:
    """A long text by its sentences that hold the words matched (else its first sentence)."""
    if len(text) <= limit:
        return text
    sentences = [s.strip() for s in _sentences().findall(text) if s.strip()]
    lowered = [w.casefold() for w in words if w]
    chosen = [s for s in sentences if any(w in s.casefold() for w in lowered)][:2]
    return " ".join(chosen or sentences[:1]) or text


def _speaker(record: Row, names: dict[str, Row], lang: str) -> str:
    speaker = names.get(record["speaker"], {"id": record["speaker"]})
    return pick(speaker.get("name"), lang) if speaker.get("name") else str(speaker["id"])


def quotes(
    items: Sequence[tuple[Row, Sequence[str]]],
    names: dict[str, Row],
    group: bool,
    lang: str,
    width: int,
    original: bool = False,
) -> list[RenderableType]:
    """Quotes in the reader's language (both: the Chinese, then the English; `original` adds
    the Chinese under an English reading), with speaker, date, context and source."""
    out = prewrapped()
    indent = styled("  ")
    current: str | None = None
    for record, words in items:
        if group and record["topics"][0] != current:
            current = record["topics"][0]
            heading = name_of(names.get(current, {"id": current}), "en" if lang == "both" else lang)
            out.append(heading + "\n\n", style="bold cyan")
        if lang in ("zh", "both") or original:
            hang(out, indent, styled(f"“{record['text']['zh']}”", "", words), 2, width)
        if lang in ("en", "both"):
            style = "italic" if lang == "both" or original else ""
            hang(out, indent, styled(f"“{record['text']['en']}”", style, words), 2, width)
        meta = [f"— {_speaker(record, names, lang)}"]
        if record.get("date"):
            meta.append(record["date"])
        meta.append(cites(record["sources"], lang))
        meta.append(record["id"])
        hang(out, indent, styled(" · ".join(meta), "dim"), 2, width)
        if record.get("context"):
            context = pick(record["context"], lang)
            asked = context.rstrip().endswith(("?", "？"))
            prefix = word(lang, "lookup.q") if asked else word(lang, "lookup.context")
            hang(out, indent, styled(prefix + context, "dim"), 2, width)
        out.append("\n")
    return [out]


def _heading(hit: Hit, lang: str, names: dict[str, Row]) -> str:
    """What a hit is, as a reader needs it: a quote by its speaker, an event by date and title,
    a fact by its first line, anything named by its name."""
    record, shown = hit.record, "en" if lang == "both" else lang
    if hit.type == "quote":
        who = _speaker(record, names, shown)
        return f"{who} · {record['date']}" if record.get("date") else who
    if hit.type == "event":
        return f"{record['date']} · {pick(record['title'], shown)}"
    if hit.type == "fact":
        first = passage(pick(record["text"], shown), (), 120)
        return f"{record['date']} · {first}" if record.get("date") else first
    return name_of(record, shown)


def named(hits: Sequence[Hit]) -> list[str]:
    """The linked records the hits view names, by id: a quote's speaker, and what a match on a
    link field (a quote's topic, a fact's subject) points to. Only these are read for it."""
    ids: list[str] = []
    for hit in hits:
        if hit.type == "quote":
            ids.append(hit.record["speaker"])
        base = hit.field.removesuffix(".zh").removesuffix(".en")
        if base in LINK_FIELDS:
            value = hit.record.get(base)
            ids.extend(i for i in (value if isinstance(value, list) else [value]) if i)
    return ids


def _matched(hit: Hit, lang: str, names: dict[str, Row]) -> list[str]:
    """The matched field in the reader's language (both: the Chinese and the English); a
    match on a linked record (a quote's topic, a fact's subject) shows that record's name."""
    base = hit.field.removesuffix(".zh").removesuffix(".en")
    if base in LINK_FIELDS:
        value = hit.record.get(base)
        linked = value if isinstance(value, list) else [value]
        shown = [name_of(names[i], "en" if lang == "both" else lang) for i in linked if i in names]
        return [", ".join(shown)] if shown else [hit.text]
    if base == hit.field:
        return [hit.text]
    texts = {label_: text for label_, text, _ in search_fields(hit.type, hit.record, {})}
    codes = ("zh", "en") if lang == "both" else (lang,)
    found = [texts[f"{base}.{code}"] for code in codes if f"{base}.{code}" in texts]
    if not found and f"{base}.zh" in texts:  # the same in both languages: stored once
        found = [texts[f"{base}.zh"]]
    return list(dict.fromkeys(found)) or [hit.text]


def _field(path: str, lang: str) -> str:
    """`text.zh` reads 正文 for a Chinese reader (正文 text.zh under both); other paths stay
    as they are."""
    zh = FIELD_WORDS.get(path.split(".")[0].split("[")[0])
    return label(lang, zh, path) if zh else path


def hits(
    results: list[Hit],
    lang: str,
    width: int,
    names: dict[str, Row] | None = None,
    answer: Answer | None = None,
    unstated: NotStated | None = None,
) -> list[RenderableType]:
    """Search results, best first: the answer when the query asked for a value (with its caveat
    and the other values stated), or that it is not stated, then what each hit is, the matching
    text in the reader's language with the match marked, and why."""
    out = prewrapped()
    for code in ("zh", "en") if lang == "both" else (lang,):
        if answer is not None:
            head = styled(word(code, "lookup.answer"), "bold green")
            head.append(answer.line(code), "bold")
            hang(out, styled(""), head, 2, width)
            for caveat in answer.caveats(code):
                hang(out, styled("  "), styled(caveat, "dim"), 2, width)
        if unstated is not None:
            head = styled(word(code, "lookup.not_stated"), "bold yellow")
            head.append(unstated.line(code))
            hang(out, styled(""), head, 2, width)
            for why in unstated.caveats(code):
                hang(out, styled("  "), styled(why, "dim"), 2, width)
    if answer is not None or unstated is not None:
        out.append("\n")
    gutter = len(str(len(results))) + 2
    indent = styled(" " * gutter)
    for number, hit in enumerate(results, start=1):
        heading = _heading(hit, lang, names or {})
        head = styled(f"{number}.".rjust(gutter - 1) + " ", "dim")
        hang(out, head, styled(heading, "bold"), gutter, width)
        for text in _matched(hit, lang, names or {}):
            shown = passage(text, hit.matched)
            if shown != heading:
                hang(out, indent, styled(shown, "", hit.matched), gutter, width)
        why = f"{kind_word(hit.type, lang)} · {hit.id} · {_field(hit.field, lang)} · "
        why += f"{word(lang, 'lookup.score')} {hit.score:.0f}"
        hang(out, indent, styled(why, "dim italic"), gutter, width)
    return [out]
