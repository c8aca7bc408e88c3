"""`dskb projects`: the list of DeepSeek's open-source software, and one project in full."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepseek_kb.render.layout import (
    DASH,
    dated,
    hang,
    mentions_table,
    prewrapped,
    styled,
    word,
)
from deepseek_kb.render.terminal import escape
from deepseek_kb.rows import Row
from deepseek_kb.values import cites, format_value, pick

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.index.store import Found


def _released(project: Row, lang: str) -> str:
    released = project.get("released")
    return dated(released["date"], released.get("basis"), lang) if released else DASH


def _licence(project: Row, lang: str) -> str:
    licence = project.get("license")
    return format_value(licence["value"], lang) if licence else DASH


def projects_table(projects: list[Row], lang: str, width: int) -> list[RenderableType]:
    """One block per project: name, first release and licence, then what it is, wrapped."""
    out = prewrapped()
    out.append(word(lang, "projects.deepseek_open_source_projects") + "\n", "bold")
    for project in projects:
        head = styled(pick(project["name"], "en"), "bold")
        head.append(f"  {_released(project, lang)} · {_licence(project, lang)}", "dim")
        out.append("\n")
        hang(out, styled(""), head, 0, width)
        hang(out, styled("  "), styled(pick(project["summary"], lang)), 2, width)
    return [out]


def project_detail(
    project: Row, mentions: list[Found], lang: str, width: int
) -> list[RenderableType]:
    """Everything about one project: what it is for, release, licence, repository, models."""
    from rich.panel import Panel

    lines = [
        f"[bold]{escape(pick(project['name'], 'en'))}[/]  [dim]{project['id']}[/]",
        escape(pick(project["summary"], lang)),
    ]
    if project.get("purpose"):
        lines.append(escape(pick(project["purpose"], lang)))
    lines.append(
        f"[dim]{word(lang, 'projects.first_release')}:[/] {escape(_released(project, lang))}"
    )
    lines.append(f"[dim]{word(lang, 'projects.licence')}:[/] {escape(_licence(project, lang))}")
    lines.append(
        f"[dim]{word(lang, 'projects.repository')}:[/] [link={project['url']}]{escape(project['url'])}[/link]"
    )
    if project.get("used_by"):
        lines.append(
            f"[dim]{word(lang, 'projects.used_by')}:[/] {escape(', '.join(project['used_by']))}"
        )
    if project.get("note"):
        lines.append(escape(pick(project["note"], lang)))
    lines.append(f"[dim]{escape(cites(project['sources'], lang))}[/]")
    parts: list[RenderableType] = [Panel("\n".join(lines), expand=False)]
    if mentions:
        parts.append(mentions_table(mentions, lang, width))
    return parts
