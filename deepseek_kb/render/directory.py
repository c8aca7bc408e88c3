"""`dskb people`, `dskb company`, `dskb sources`: tables of who and where from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepseek_kb.render.layout import DASH, label, mentions_table
from deepseek_kb.render.lookup import quotes
from deepseek_kb.render.terminal import escape
from deepseek_kb.rows import Row
from deepseek_kb.values import cites, format_value, name_of, pick

if TYPE_CHECKING:
    from rich.console import RenderableType

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
        f"[bold]{escape(pick(person['name'], 'both'))}[/]  [dim]{person['id']}[/]",
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
    """High-Flyer and DeepSeek: one titled block per section, each line cited."""
    from rich.table import Table

    parts: list[RenderableType] = []
    for zh, en, rows in sections:
        table = Table(
            title=label(lang, zh, en), title_justify="left", show_header=False, expand=True
        )
        table.add_column(ratio=1)
        table.add_column(style="dim", no_wrap=True)
        for rtype, record in rows:
            table.add_row(_company_line(rtype, record, lang), record["id"])
        parts.append(table)
    return parts


def _company_line(rtype: str, record: Row, lang: str) -> str:
    if rtype == "organization":
        line = f"[bold]{escape(pick(record['name'], 'both'))}[/]"
        if record.get("founded"):
            line += f" ({record['founded']})"
        if record.get("description"):
            line += " " + escape(pick(record["description"], lang))
        for figure in record.get("figures", []):
            line += (
                f"\n  {escape(pick(figure['label'], lang))}: {format_value(figure['value'], lang)}"
            )
        return line
    if rtype == "person":
        return (
            f"[bold]{escape(pick(record['name'], 'both'))}[/] {escape(pick(record['role'], lang))}"
        )
    if rtype == "event":
        return f"[cyan]{record['date']}[/] {escape(pick(record['title'], lang))}"
    body = escape(pick(record.get("text"), lang))
    if record.get("date"):
        body = f"[cyan]{record['date']}[/] " + body
    return body


def sources_table(sources: list[Row], lang: str, width: int) -> list[RenderableType]:
    """Every source: the article, the links it cites, the official files."""
    from rich.table import Table

    table = Table(title=label(lang, "来源", "Sources"), title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column(label(lang, "类型", "Kind"), style="dim", no_wrap=True)
    table.add_column(label(lang, "标题", "Title"), ratio=1)
    table.add_column(label(lang, "日期", "Date"), no_wrap=True)
    for source in sources:
        title = pick(source["title"], lang)
        if source.get("url"):
            title += f"\n[dim]{source['url']}[/]"
        table.add_row(source["id"], source["kind"], title, source.get("date", DASH))
    return [table]


def paths_table(rows: list[tuple[str, str, int]], lang: str, width: int) -> list[RenderableType]:
    """Where each data file came from: folder layer, file, record count."""
    from rich.table import Table

    table = Table(title=label(lang, "数据文件", "Data files"), title_justify="left")
    table.add_column(label(lang, "层", "Layer"), justify="right")
    table.add_column(label(lang, "文件", "File"))
    table.add_column(label(lang, "记录", "Records"), justify="right")
    for layer, path, count in rows:
        table.add_row(layer, path, str(count))
    return [table]
