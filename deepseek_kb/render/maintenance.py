"""`dskb validate` and `dskb info`: what the data holds and where it came from.

Paths are shown whole (wrapped, never cut to a shared prefix) and with their control
characters as escapes (a folder named with ESC[2J cannot clear the screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deepseek_kb import __version__
from deepseek_kb.render.layout import styled, word
from deepseek_kb.render.terminal import visible

if TYPE_CHECKING:
    from rich.console import RenderableType

    from deepseek_kb.queries.maintenance import Report


def validation(report: Report, lang: str, width: int) -> list[RenderableType]:
    """A clean validation: records per type, where each file's records came from, overrides."""
    from rich.table import Table

    total = sum(report.counts.values())
    table = Table(title=f"dskb validate: ok, {total} records", title_justify="left")
    table.add_column(word(lang, "maintenance.layer"), justify="right")
    table.add_column(word(lang, "maintenance.file"), overflow="fold")  # each path whole
    table.add_column(word(lang, "maintenance.records"), justify="right")
    for layer, path, count in report.files:
        table.add_row(str(layer), styled(visible(path)), str(count))
    from deepseek_kb.paths import DATA_FILE_RULE

    parts: list[RenderableType] = [
        table,
        styled(count_line(report.counts), "dim"),
        styled(DATA_FILE_RULE[0].upper() + DATA_FILE_RULE[1:] + ".", "dim"),
    ]
    values = sum(report.statuses.values())
    by_status = " · ".join(f"{k} {v}" for k, v in sorted(report.statuses.items()) if k)
    share = f"{report.status_share:.0f} %"
    parts.append(
        styled(
            word(lang, "maintenance.values_with_a_status", values=values, share=share)
            + (f" ({by_status})" if by_status else ""),
            "dim",
        )
    )
    if report.replaced:
        lines = [visible(f"{rid}: {was} → {by}") for rid, was, by in report.replaced]
        parts.append(
            styled(word(lang, "maintenance.replaced_by_an_overlay") + ":\n" + "\n".join(lines))
        )
    return parts


def info_table(details: dict[str, Any], lang: str, width: int) -> list[RenderableType]:
    """`dskb info` as a two-column listing: version, data folders, cache, record counts."""
    from rich.table import Table

    table = Table(title=f"dskb {__version__}", title_justify="left", show_header=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")  # a long path wrapped whole, never cut
    for key, value in details.items():
        if isinstance(value, dict):
            value = count_line(value)
        elif not isinstance(value, str):
            value = "\n".join(value)
        table.add_row(key, styled(visible(value)))
    return [table]


def count_line(counts: dict[str, int]) -> str:
    """'48 sources, 22 topics, …' for one-line summaries."""
    return ", ".join(f"{n} {t}" for t, n in counts.items())
