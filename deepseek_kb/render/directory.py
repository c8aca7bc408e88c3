"""`dskb people`, `dskb company`, `dskb sources`: tables of who and where from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepseek_kb.citations import url
from deepseek_kb.render.layout import hang, label, mentions_table, prewrapped, styled
from deepseek_kb.render.lookup import quotes
from deepseek_kb.render.terminal import escape
from deepseek_kb.rows import Row
from deepseek_kb.values import cites, format_value, name_of, pick

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from deepseek_kb.index.store import Found


def people_table(
    people: list[Row], quote_counts: dict[str, int], lang: str, width: int
) -> list[RenderableType]:
    """Everyone the KB names, with the article's description of them."""
    from rich.table import Table

    table = Table(title=label(lang, "人物", "People"), title_justify="left")
    table.add_column(label(lang, "姓名", "Name"), no_wrap=True)
    table.add_column(label(lang, "身份", "Role"), ratio=1)
    table.add_column(label(lang, "引语", "Quotes"), justify="right")
    table.add_column("id", style="dim", no_wrap=True)
    for person in people:
        name = pick(person["name"], lang)
        table.add_row(
            name, pick(person["role"], lang), str(quote_counts.get(person["id"], 0)), person["id"]
        )
    return [table]


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
        lines.append(f"[dim]{label(lang, '所属', 'affiliations')}:[/] {escape(orgs)}")
    for item in person.get("bio", []):
        lines.append("• " + escape(pick(item, lang)))
    lines.append(f"[dim]{escape(cites(person['sources']))}[/]")
    parts: list[RenderableType] = [Panel("\n".join(lines), expand=False)]
    if said:
        parts.extend(quotes([(q, ()) for q in said], names, False, lang, width))
    others = [m for m in mentions if m.kind != "quote" or m.row.get("speaker") != person["id"]]
    if others:
        parts.append(mentions_table(others, lang))
    return parts


def company(
    sections: list[tuple[str, str, list[Found]]], lang: str, width: int
) -> list[RenderableType]:
    """High-Flyer and DeepSeek: one titled block per section, each entry wrapped below it."""
    out = prewrapped()
    for zh, en, rows in sections:
        out.append(label(lang, zh, en) + "\n", "bold cyan")
        for kind, record in rows:
            for number, line in enumerate(_company_lines(kind, record, lang)):
                hang(out, styled("  " if number == 0 else "    "), line, 4 if number else 2, width)
        out.append("\n")
    return [out]


def _company_lines(kind: str, record: Row, lang: str) -> list[Text]:
    """An entry as lines: an organisation with its figures, a person, a dated event or fact."""
    shown = "en" if lang == "both" else lang
    if kind in ("organization", "person"):
        line = styled(pick(record["name"], lang), "bold")
        if record.get("founded"):
            line.append(f" ({record['founded']})", "cyan")
        about = record.get("description") or record.get("role")
        if about:
            line.append(" " + pick(about, lang))
        figures = [
            styled(f"{pick(f['label'], lang)}: {format_value(f['value'], shown)}", "dim")
            for f in record.get("figures", [])
        ]
        return [line, *figures]
    date = record.get("date")
    line = styled(f"{date} " if date else "", "cyan")
    line.append(pick(record.get("title") or record.get("text"), lang))
    return [line]


def sources_table(sources: list[Row], lang: str, width: int) -> list[RenderableType]:
    """Every source as a block: id, kind and date; its title; its address on a line of its own,
    whole (never cut; the terminal folds it when it is wider than the screen)."""
    out = prewrapped()
    out.append(label(lang, "来源", "Sources") + "\n", "bold")
    for source in sources:
        head = styled(source["id"], "bold")
        head.append(
            f"  {source['kind']}" + (f" · {source['date']}" if source.get("date") else ""), "dim"
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
    out.append(label(lang, "数据文件", "Data files") + "\n\n", "bold")
    for layer, path, count in rows:
        out.append(f"  {layer:<8} {count:>6}  ", "dim")
        out.append(path + "\n")
    return [out]
