"""Escaped pieces of HTML for the page: bilingual text, compact citations, superseded-value
notes. (Markdown's one escaping rule is `render.markdown`: `md_text`, `md_link`.)

Both languages are always in the markup; the page's zh/en switch hides one with CSS. A text
whose two languages read the same is written once, in no language class, so it always shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from deepseek_kb.citations import unique
from deepseek_kb.kinds import STATUS_WORDS
from deepseek_kb.messages import texts
from deepseek_kb.told import STATUS_MARKS, caveat
from deepseek_kb.values import Json, cite, format_value


def esc(text: object) -> str:
    """Text safe in element content and in a double-quoted attribute."""
    return escape(str(text), quote=True)


def pair(zh: str, en: str) -> str:
    """Two forms of one text: the switch shows one; written once when they are the same."""
    if zh == en:
        return esc(en)
    return f'<span class="zh" lang="zh-CN">{esc(zh)}</span><span class="en">{esc(en)}</span>'


def pair_of(key: str, /, **fields: object) -> str:
    """The catalogue's words `key` (messages.words) in both forms, for the switch."""
    said = texts(key, **fields)
    return pair(said.zh, said.en)


def text(value: Json | None) -> str:
    """A bilingual {zh, en} text of the data."""
    return pair(str(value["zh"]), str(value["en"])) if value else ""


def shown(value: Any) -> str:
    """A spec value (quantity, list, bilingual text or plain name) formatted in each language."""
    return pair(format_value(value, "zh"), format_value(value, "en"))


def commit_date(basis: str | None) -> str:
    """The mark of a date taken from a git commit rather than a stated release date."""
    return f' <span class="basis">{pair_of("markup.commit_date")}</span>' if basis else ""


def cites(refs: Sequence[Json]) -> str:
    """Citations as small links, each once: to the line, page or commit, else to the source."""
    links = []
    for ref in unique(refs):
        href = ref.get("url") or f"#src-{ref['source']}"
        title = f' title="{esc(ref["quote"])}"' if ref.get("quote") else ""
        links.append(f'<a href="{esc(href)}"{title}>{pair(cite(ref, "zh"), cite(ref, "en"))}</a>')
    return f' <span class="cites">{" ".join(links)}</span>' if links else ""


class Notes:
    """Footnotes for superseded values, numbered in the order the page marks them."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.caveats: list[str] = []
        self.statuses: set[str] = set()

    def mark(self, where: str, current: Any, holder: Mapping[str, Any]) -> str:
        """A † link to a new footnote per superseded value of `holder`, the mark of its status
        (see the legend) and a * link to its caveat; '' when it has none of them."""
        marks = [status_sup(holder)]
        self.statuses.add(caveat(holder).status)
        if holder.get("note"):
            number = len(self.caveats) + 1
            self.caveats.append(
                f'<li id="cv-{number}"><a class="back" href="#cvref-{number}">*{number}</a> '
                f"{where}: <b>{shown(current)}</b> — {text(holder['note'])}</li>"
            )
            marks.append(f'<sup><a id="cvref-{number}" href="#cv-{number}">*{number}</a></sup>')
        for old in holder.get("superseded", []):
            number = len(self.items) + 1
            now = shown(current)
            was = shown(old["value"])
            self.items.append(
                f'<li id="fn-{number}"><a class="back" href="#fnref-{number}">†{number}</a> '
                f"{where}: <b>{now}</b>; {pair_of('markup.earlier_2')} <s>{was}</s>"
                f"{cites(old['sources'])} — {text(old.get('reason'))}</li>"
            )
            marks.append(
                f'<sup class="dagger"><a id="fnref-{number}" href="#fn-{number}">†{number}</a></sup>'
            )
        return "".join(marks)

    def html(self) -> str:
        """The footnotes as ordered lists and the legend of status marks; '' when none."""
        out = legend_html(self.statuses)
        if self.caveats:
            heading = pair_of("markup.what_each_value_s_caveat")
            out += f'<h3>{heading}</h3><ol class="notes">{"".join(self.caveats)}</ol>'
        if self.items:
            heading = pair_of("markup.superseded_values_and_why")
            out += f'<h3>{heading}</h3><ol class="notes">{"".join(self.items)}</ol>'
        return out


def status_sup(holder: Mapping[str, Any]) -> str:
    """The mark of a value that is not stated verbatim by an official source, with its meaning
    as a tooltip; '' for a stated value."""
    found = caveat(holder)
    if not found.mark or found.status == "superseded":
        return ""
    zh, en = STATUS_WORDS[found.status]
    return f'<sup class="status" title="{esc(en)} / {esc(zh)}">{esc(found.mark)}</sup>'


def legend_html(statuses: set[str]) -> str:
    """What each status mark on the page means."""
    items = [
        f"<li><b>{esc(STATUS_MARKS[s])}</b> {pair(*STATUS_WORDS[s])}</li>"
        for s in STATUS_MARKS
        if s in statuses and s != "superseded"
    ]
    return f'<ul class="legend">{"".join(items)}</ul>' if items else ""


def earlier(holder: Mapping[str, Any]) -> str:
    """A holder's superseded values in place, each with its sources and the reason."""
    return "".join(
        f'<p class="was">{pair_of("markup.earlier")} <s>{shown(old["value"])}</s>'
        f"{cites(old['sources'])} — {text(old.get('reason'))}</p>"
        for old in holder.get("superseded", [])
    )
