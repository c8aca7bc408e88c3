"""`dskb quote` and `dskb search`: quotes and hits with their matches highlighted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from deepseek_kb.render.layout import hang, label, prewrapped, snippet, styled
from deepseek_kb.rows import Row
from deepseek_kb.values import cites, name_of, pick

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.search.rank import Hit


def quotes(
    items: Sequence[tuple[Row, Sequence[str]]],
    names: dict[str, Row],
    group: bool,
    lang: str,
    width: int,
) -> list[RenderableType]:
    """Quotes with speaker, date, context and source; the Chinese original always first."""
    out = prewrapped()
    indent = styled("  ")
    current: str | None = None
    for record, words in items:
        if group and record["topics"][0] != current:
            current = record["topics"][0]
            heading = name_of(names.get(current, {"id": current}), lang)
            out.append(heading + "\n\n", style="bold cyan")
        hang(out, indent, styled(f"“{record['text']['zh']}”", "", words), 2, width)
        if lang != "zh":
            hang(out, indent, styled(record["text"]["en"], "italic", words), 2, width)
        speaker = names.get(record["speaker"], {"id": record["speaker"]})
        meta = [f"— {pick(speaker.get('name'), lang) if speaker.get('name') else speaker['id']}"]
        if record.get("date"):
            meta.append(record["date"])
        meta.append(cites(record["sources"]))
        meta.append(record["id"])
        hang(out, indent, styled(" · ".join(meta), "dim"), 2, width)
        if record.get("context"):
            context = pick(record["context"], lang)
            asked = context.rstrip().endswith(("?", "？"))
            prefix = label(lang, "问：", "Q: ") if asked else label(lang, "背景：", "Context: ")
            hang(out, indent, styled(prefix + context, "dim"), 2, width)
        out.append("\n")
    return [out]


def hits(results: list[Hit], lang: str, width: int) -> list[RenderableType]:
    """Search results: type, the best-matching text with the match highlighted, id and score."""
    out = prewrapped()
    gutter = len(str(len(results))) + 2
    indent = styled(" " * gutter)
    for number, hit in enumerate(results, start=1):
        shown = snippet(hit.text, hit.matched)
        named = hit.record.get("name") or hit.record.get("title")
        title = name_of(hit.record, lang) if named else ""
        head = styled(f"{number}.".rjust(gutter - 1) + " ", "dim")
        line = styled(title, "bold") if title and title != shown else styled("")
        line.append(("  " if line.plain else "") + f"{hit.id} ({hit.type})", style="dim")
        hang(out, head, line, gutter, width)
        hang(out, indent, styled(shown, "", hit.matched), gutter, width)
        why = f"{hit.field} · {hit.match} · {label(lang, '得分', 'score')} {hit.score:.0f}"
        hang(out, indent, styled(why, "dim italic"), gutter, width)
    return [out]
