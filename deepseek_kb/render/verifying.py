"""`dskb verify`: the verdict first, then what the KB holds, what differs, and the citation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deepseek_kb.render.citing import as_text
from deepseek_kb.render.layout import colon, label, word
from deepseek_kb.values import format_value, name_of, pick

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.queries.verifying import Checked, Held
    from deepseek_kb.render.flat import FlatTable

# verdict -> its style; its words are `verifying.verdict.<verdict>`, why `verifying.why.<why>`.
STYLES = {
    "exact": "bold green",
    "close": "bold yellow",
    "contradicted": "bold red",
    "not-found": "bold",
}


def verdict_view(
    checked: Checked, citation: str | None, lang: str, width: int
) -> list[RenderableType]:
    """The verdict, why, the stored words or value with speaker, date and sources, the changes,
    and the citation ready to paste."""
    from rich.text import Text

    verdict = checked.verdict
    head = word(lang, f"verifying.verdict.{verdict.verdict}")
    out: list[RenderableType] = [Text(head, style=STYLES[verdict.verdict])]
    out.append(Text(word(lang, f"verifying.why.{verdict.why}")))
    out.extend(Text(line, style=look) for line, look in _evidence(checked, lang))
    for change in verdict.changes:
        out.append(Text(f"  − {change.stored or '∅'}  + {change.claimed or '∅'}"))
    if citation:
        out.append(Text(""))
        for line in citation.rstrip("\n").split("\n"):
            text = Text(line)
            if line.startswith("    http"):  # one unbroken line, so it can be copied whole
                text.no_wrap, text.overflow = True, "ignore"
            out.append(text)
    return out


def _evidence(checked: Checked, lang: str) -> list[tuple[str, str]]:
    """The lines under the verdict (each with its style): what is stored and where it comes
    from, whose the claimed figure is, whom the quote was attributed to."""
    verdict = checked.verdict
    shown = "en" if lang == "both" else lang
    lines: list[tuple[str, str]] = []
    if checked.stored is not None:
        head = word(lang, "verifying.nearest" if verdict.stored is None else "verifying.stored")
        lines.append((head + _stored(checked, checked.stored, lang), ""))
        if verdict.claimed:
            lines.append((word(lang, "verifying.claimed") + verdict.claimed, ""))
        lines.append((_provenance(checked.stored, lang), "dim"))
    if checked.held is not None:
        whose = name_of(checked.held.candidate.record, shown)
        value = format_value(checked.held.candidate.value, shown)
        said = word(lang, "verifying.whose_figure", whose=whose)
        lines.append((said + value, ""))
    if verdict.why == "misattributed":
        said_by = ", ".join(
            name_of(checked.names[s], shown) for s in verdict.speakers if s in checked.names
        )
        lines.append((word(lang, "verifying.attributed_to") + said_by, ""))
    return lines


def _stored(checked: Checked, held: Held, lang: str) -> str:
    candidate = held.candidate
    shown = "en" if lang == "both" else lang
    if candidate.kind == "quote":
        speaker = checked.names.get(str(candidate.record.get("speaker")))
        who = name_of(speaker, shown) if speaker else str(candidate.record.get("speaker"))
        return f"“{pick(candidate.record['text'], lang)}” — {who}"
    whose = name_of(candidate.subject or candidate.record, shown)
    what = candidate.field
    if candidate.label:
        what = pick(candidate.label, shown)
    elif held.cited.label:
        what = label(shown, *held.cited.label)
    return f"{whose} · {what}{colon(shown)}{format_value(candidate.value, shown)}"


def _provenance(held: Held, lang: str) -> str:
    shown = "en" if lang == "both" else lang
    names = [word(shown, f"verifying.tier.{t}") for t in held.tiers]
    where = ("、" if shown == "zh" else ", ").join(names)
    date = held.date or ""
    s = "" if held.sources == 1 else "s"
    said = word(shown, "verifying.from", where=where, count=held.sources, s=s)
    return said + (f" · {date}" if date else "")


def citation_text(checked: Checked, lang: str) -> str | None:
    """The citation of the stored value or quote, as `dskb cite` writes it."""
    if checked.stored is None or checked.verdict.stored is None:
        return None
    return as_text(checked.stored.cited, lang, markdown=False)


def verdict_row(data: dict[str, Any], lang: str) -> FlatTable:
    """The verdict as one flat row for CSV and Markdown."""
    from deepseek_kb.render.flat import FlatTable

    stored = data.get("stored") or data.get("nearest") or {}
    text = stored.get("text")
    if isinstance(text, dict):
        text = pick(text, lang)
    row = {
        "claim": data["claim"],
        "verdict": data["verdict"],
        "why": data["why"],
        "claimed": data.get("claimed"),
        "stored_id": stored.get("id"),
        "stored_field": stored.get("field"),
        "stored": text,
        "tiers": "; ".join(stored.get("tiers", [])),
        "sources": stored.get("sources"),
        "cites": stored.get("cites"),
        "exit_code": data["exit_code"],
    }
    return FlatTable(list(row), [list(row.values())])
