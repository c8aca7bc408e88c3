"""`dskb people`, `dskb company`, `dskb sources`: tables of who and where from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepseek_kb.citations import url
from deepseek_kb.render.layout import (
    colon,
    hang,
    kind_word,
    mentions_table,
    paragraphs,
    prewrapped,
    styled,
    word,
)
from deepseek_kb.render.lookup import quotes
from deepseek_kb.render.terminal import escape, visible
from deepseek_kb.rows import Row
from deepseek_kb.values import cites, format_value, name_of, pick

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from deepseek_kb.index.store import Found


def people_table(
    people: list[Row], quote_counts: dict[str, int], lang: str, width: int
) -> list[RenderableType]:
    """Everyone the KB names: name, id and how many quotes, then the article's description of
    them wrapped below (Chinese then English under both)."""
    out = prewrapped()
    out.append(word(lang, "directory.people") + "\n", "bold")
    for person in people:
        count = quote_counts.get(person["id"], 0)
        head = styled(pick(person["name"], lang), "bold")
        said = word(lang, "directory.quote_count", count=count, s="s" if count != 1 else "")
        head.append(f"  {person['id']} · {said}", "dim")
        out.append("\n")
        hang(out, styled(""), head, 2, width)
        for role in paragraphs(person["role"], lang):
            hang(out, styled("  "), styled(role), 2, width)
    return [out]


def person_detail(
    person: Row,
    names: dict[str, Row],
    said: list[Row],
    mentions: list[Found],
    lang: str,
    width: int,
) -> list[RenderableType]:
    """One person: role, affiliations, biography, their quotes and where they appear."""
    from rich.panel import Panel

    lines = [
        f"[bold]{escape(pick(person['name'], lang))}[/]  [dim]{person['id']}[/]",
        escape(pick(person["role"], lang)),
    ]
    if person.get("affiliations"):
        orgs = ", ".join(name_of(names.get(a, {"id": a}), lang) for a in person["affiliations"])
        lines.append(f"[dim]{word(lang, 'directory.affiliations')}:[/] {escape(orgs)}")
    for item in person.get("bio", []):
        lines.append("• " + escape(pick(item, lang)))
    lines.append(f"[dim]{escape(cites(person['sources'], lang))}[/]")
    parts: list[RenderableType] = [Panel("\n".join(lines), expand=False)]
    if said:
        parts.extend(quotes([(q, ()) for q in said], names, False, lang, width))
    others = [m for m in mentions if m.kind != "quote" or m.row.get("speaker") != person["id"]]
    if others:
        parts.append(mentions_table(others, lang, width))
    return parts


def company(sections: list[tuple[str, list[Found]]], lang: str, width: int) -> list[RenderableType]:
    """High-Flyer and DeepSeek: one titled block per section. An organisation or person is
    its name, then what it is and its figures below; a dated entry hangs under its date."""
    out = prewrapped()
    for section, rows in sections:
        out.append(word(lang, f"company.{section}") + "\n", "bold cyan")
        for kind, record, said in _sentences(rows):
            if kind in ("organization", "person"):
                _named_entry(out, record, lang, width)
            else:
                date = str(record.get("date") or "")
                prefix = styled(f"  {date} " if date else "  ", "cyan")
                hang(out, prefix, styled(pick(said, lang)), len(prefix.plain), width)
        out.append("\n")
    return [out]


def _sentences(rows: list[Found]) -> list[tuple[str, Row, Row]]:
    """Each row with its text as one flowing sentence: the lines of a text joined, and a fact
    that goes on the sentence before it (`and was called …`, cited from the same line of the
    same source) joined to it, as the article writes them."""
    out: list[tuple[str, Row, Row]] = []
    for kind, record in rows:
        text = record.get("title") or record.get("text") or {"zh": "", "en": ""}
        said = {"zh": _flowing(text["zh"], ""), "en": _flowing(text["en"], " ")}
        if out and kind == "fact" and _goes_on(out[-1], record, said["en"]):
            before = out[-1][2]
            joined = {
                "zh": _joined(before["zh"], said["zh"], "，"),
                "en": _joined(before["en"], said["en"], ", "),
            }
            out[-1] = (out[-1][0], out[-1][1], joined)
        else:
            out.append((kind, record, said))
    return out


def _flowing(text: str, space: str) -> str:
    """A text's lines as one line (`A fact:` / `unlike …` reads `A fact: unlike …`)."""
    return space.join(line.strip() for line in text.splitlines() if line.strip())


def _goes_on(before: tuple[str, Row, Row], record: Row, english: str) -> bool:
    """A fact that starts in lower case and is cited from a line the fact before it is."""
    if (
        before[0] != "fact"
        or not english[:1].islower()
        or before[1].get("date") != record.get("date")
    ):
        return False
    lines = {
        (r.get("source"), r.get("line")) for r in before[1].get("sources", []) if r.get("line")
    }
    return any((r.get("source"), r.get("line")) in lines for r in record.get("sources", []))


def _joined(before: str, after: str, comma: str) -> str:
    """Two parts of a sentence: a comma between them unless the first ends in punctuation or
    the second starts with a conjunction (`and was called …`)."""
    if not before or not before[-1].isalnum():
        return before + after
    return before + (" " if after.startswith(("and ", "but ", "or ")) else comma) + after


def _named_entry(out: Text, record: Row, lang: str, width: int) -> None:
    shown = "en" if lang == "both" else lang
    head = styled(pick(record["name"], lang), "bold")
    if record.get("founded"):
        head.append(f" ({record['founded']})", "cyan")
    hang(out, styled("  "), head, 4, width)
    about = record.get("description") or record.get("role")
    if about:
        hang(out, styled("    "), styled(pick(about, lang)), 4, width)
    for figure in record.get("figures", []):
        line = f"{pick(figure['label'], lang)}{colon(lang)}{format_value(figure['value'], shown)}"
        hang(out, styled("    "), styled(line, "dim"), 6, width)


def sources_table(sources: list[Row], lang: str, width: int) -> list[RenderableType]:
    """Every source as a block: id, kind and date; its title; its address on a line of its own,
    whole (never cut; the terminal folds it when it is wider than the screen)."""
    out = prewrapped()
    out.append(word(lang, "directory.sources") + "\n", "bold")
    for source in sources:
        head = styled(source["id"], "bold")
        head.append(
            f"  {kind_word(source['kind'], lang)}"
            + (f" · {source['date']}" if source.get("date") else ""),
            "dim",
        )
        out.append("\n")
        hang(out, styled(""), head, 0, width)
        hang(out, styled("  "), styled(pick(source["title"], lang)), 2, width)
        link = url({}, source) or source.get("permalink")
        if link:
            out.append("  ")
            out.append(link, f"dim link {link}" if link.startswith("http") else "dim")
            out.append("\n")
    return [out]


def paths_table(rows: list[tuple[str, str, int]], lang: str, width: int) -> list[RenderableType]:
    """Where each record came from: folder layer and record count, then the file, whole."""
    out = prewrapped()
    out.append(word(lang, "directory.data_files") + "\n\n", "bold")
    for layer, path, count in rows:
        out.append(f"  {visible(layer):<8} {count:>6}  ", "dim")
        out.append(visible(path) + "\n")
    return [out]
