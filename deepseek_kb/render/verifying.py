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

# verdict -> (style, zh, en)
HEADS = {
    "exact": ("bold green", "✓ 原文如此", "✓ Exact"),
    "close": ("bold yellow", "≈ 相近，但有出入", "≈ Close"),
    "contradicted": ("bold red", "✗ 与知识库所存不符", "✗ Contradicted"),
    "not-found": ("bold", "? 知识库中没有", "? Not in the KB"),
}
# why -> (zh, en)
WHY = {
    "verbatim": ("与所存原文一字不差。", "Word for word what the KB holds."),
    "translation": (
        "与本知识库对文章中文的英译一字不差（英文是译文，不是原话）。",
        "Word for word the KB's English translation of the article's Chinese (a translation, "
        "not the speaker's own English).",
    ),
    "wording": ("措辞不同，见下面的差异。", "The wording differs; the changes are below."),
    "rounded": ("数字是所存数值的约数。", "The figure rounds the stored one."),
    "date": ("日期与所存日期相差不远。", "The date is a little off the stored one."),
    "errata": (
        "这是被更好的来源更正过的数值（勘误），所存的是更正后的值。",
        "That value was corrected by a better source (the errata); the KB holds the correction.",
    ),
    "misattributed": ("这句话是别人说的。", "Someone else said it."),
    "another-record": (
        "这个数字属于另一条记录。",
        "That figure belongs to another record.",
    ),
    "different": ("所存的数值不同。", "The KB holds another value."),
    "not-stated": (
        "知识库没有记载这一项；这不等于说法是错的。",
        "The KB states no such value; that does not make the claim false.",
    ),
    "unknown": (
        "知识库中没有与之相近的引语或数值；这不等于说法是错的。",
        "Nothing the KB holds is near it; that does not make the claim false.",
    ),
}


def verdict_view(
    checked: Checked, citation: str | None, lang: str, width: int
) -> list[RenderableType]:
    """The verdict, why, the stored words or value with speaker, date and sources, the changes,
    and the citation ready to paste."""
    from rich.text import Text

    verdict = checked.verdict
    style, zh, en = HEADS[verdict.verdict]
    out: list[RenderableType] = [Text(label(lang, zh, en), style=style)]
    out.append(Text(label(lang, *WHY[verdict.why])))
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
        head = "最接近的：" if verdict.stored is None else "所存："
        head_en = "Nearest: " if verdict.stored is None else "Stored: "
        lines.append((label(lang, head, head_en) + _stored(checked, checked.stored, lang), ""))
        if verdict.claimed:
            lines.append((word(lang, "verifying.claimed") + verdict.claimed, ""))
        lines.append((_provenance(checked.stored, lang), "dim"))
    if checked.held is not None:
        whose = name_of(checked.held.candidate.record, shown)
        value = format_value(checked.held.candidate.value, shown)
        said = label(lang, f"所称数字是{whose}的：", f"The claimed figure is {whose}'s: ")
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
    tiers = {"article": ("文章", "the article"), "official": ("官方文件", "official files")}
    shown = "en" if lang == "both" else lang
    names = [tiers.get(t, (t, t))[0 if shown == "zh" else 1] for t in held.tiers]
    where = ("、" if shown == "zh" else ", ").join(names)
    date = held.date or ""
    if shown == "zh":
        return f"出自{where} · {held.sources} 个来源" + (f" · {date}" if date else "")
    noun = "source" if held.sources == 1 else "sources"
    return f"From {where} · {held.sources} {noun}" + (f" · {date}" if date else "")


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
