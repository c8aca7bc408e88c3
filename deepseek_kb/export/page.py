"""The knowledge base as one self-contained HTML page (drawn by `page`).

A title and intro, the main models side by side, every model, the timeline, the quotes by topic,
the people, DeepSeek's open-source projects, the glossary and the sources. Both languages are in
the page and a zh/en switch (radio inputs and CSS, no script) shows one, the language asked for
first; every fact carries its citations as small links. A search box finds any record in either
language as you type (`export.page_search`, an inline script). Nothing is fetched: the style and
the script are inline and there are no images.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from deepseek_kb import kinds
from deepseek_kb.export.generic import fields, heading, value_of
from deepseek_kb.export.markup import (
    Notes,
    cites,
    commit_date,
    earlier,
    esc,
    pair,
    pair_of,
    shown,
    text,
)
from deepseek_kb.export.page_lists import people, projects, quotes, sources, terms
from deepseek_kb.export.page_search import anchor, search_box, search_script
from deepseek_kb.export.page_style import STYLE
from deepseek_kb.kinds import SPEC_GROUPS, SPECS
from deepseek_kb.messages import texts

Data = dict[str, list[dict[str, Any]]]


class Section(NamedTuple):
    """One section of the page: its anchor, its title in both languages and what draws it."""

    anchor: str
    zh: str
    en: str
    draw: Callable[[Data], str]
    short: tuple[str, str]  # its label in the navigation bar (zh, en)
    kinds: tuple[str, ...] = ()  # the kinds of record it shows


def _dated(when: str, body: str, anchor: str = "") -> str:
    """One entry of a dated list: the date in its own column, then what happened."""
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f'<li{ident}><div class="when">{when}</div><div class="what">{body}</div></li>'


def _released(model: dict[str, Any]) -> str:
    released = model.get("released")
    if not released:
        return f'<span class="muted">{pair_of("page.date_not_given")}</span>'
    return f"<time>{esc(released['date'])}</time>{commit_date(released.get('basis'))}"


def _compare_head(models: list[dict[str, Any]]) -> str:
    heads = "".join(
        f'<th scope="col"><a href="#model-{esc(m["id"])}">{text(m["name"])}</a></th>'
        for m in models
    )
    return f'<thead><tr><th scope="col">{pair_of("page.spec")}</th>{heads}</tr></thead>'


def _release_row(models: list[dict[str, Any]], notes: Notes) -> str:
    cells = []
    for model in models:
        released = model.get("released")
        if not released:
            cells.append('<td class="none">—</td>')
            continue
        where = f"{text(model['name'])} · {pair_of('page.release_date')}"
        mark = notes.mark(where, released["date"], released)
        cells.append(f"<td>{_released(model)}{mark}{cites(released['sources'])}</td>")
    return f'<tr><th scope="row">{pair_of("page.released")}</th>{"".join(cells)}</tr>'


def _spec_rows(models: list[dict[str, Any]], notes: Notes) -> str:
    rows: list[str] = []
    group = ""
    for spec in SPECS:
        if not any(spec.field in m.get("specs", {}) for m in models):
            continue
        if spec.group != group:
            group = spec.group
            zh, en = SPEC_GROUPS[group]
            rows.append(
                f'<tr class="group"><th scope="rowgroup" colspan="{len(models) + 1}">'
                f"<span>{pair(zh, en)}</span></th></tr>"
            )
        cells = []
        for model in models:
            cell = model.get("specs", {}).get(spec.field)
            if not cell:
                cells.append('<td class="none">—</td>')
                continue
            where = f"{text(model['name'])} · {pair(spec.zh, spec.en)}"
            mark = notes.mark(where, cell["value"], cell)
            cells.append(f"<td>{shown(cell['value'])}{mark}{cites(cell['sources'])}</td>")
        rows.append(f'<tr><th scope="row">{pair(spec.zh, spec.en)}</th>{"".join(cells)}</tr>')
    return "".join(rows)


# The lines whose newest models lead the comparison: the general (language) and reasoning ones.
FLAGSHIP_KINDS = ("language", "reasoning")


def _leading(model: dict[str, Any]) -> tuple[bool, str]:
    """Flagship lines first, newest first within each group (sorted descending)."""
    released = model.get("released") or {}
    return model.get("kind") in FLAGSHIP_KINDS, str(released.get("date", ""))


def comparison(data: Data) -> str:
    """The main models side by side, the flagship lines' newest first (V3.2, R1, V3 on screen):
    release date, then every spec any of them has, grouped."""
    models = sorted((m for m in data["model"] if m.get("main")), key=_leading, reverse=True)
    if not models:
        return f'<p class="muted">{pair_of("page.no_main_models")}</p>'
    notes = Notes()
    cols = '<colgroup><col class="label">' + "<col>" * len(models) + "</colgroup>"
    body = _release_row(models, notes) + _spec_rows(models, notes)
    intro = pair_of("page.the_main_model_of_each")
    return (
        f'<p class="lead">{intro}</p>'
        f'<div class="scroll" tabindex="0" role="region" aria-label="{esc("Model comparison")}">'
        f'<table class="compare" style="--cols: {len(models)}">{cols}{_compare_head(models)}'
        f"<tbody>{body}</tbody></table></div>"
        f"{notes.html()}"
    )


def models(data: Data) -> str:
    """Every model: its release date, its name, what it is a variant of, its summary."""
    names = {m["id"]: text(m["name"]) for m in data["model"]}
    items = []
    for model in data["model"]:
        variant = ""
        if model.get("variant_of"):
            parent = names.get(model["variant_of"], esc(model["variant_of"]))
            variant = f' <span class="muted">· {pair_of("page.variant_of")} {parent}</span>'
        released = model.get("released") or {}
        body = (
            f'<h3 class="entry">{text(model["name"])}</h3>{variant}'
            f"<p>{text(model.get('summary'))}{cites(model['sources'])}</p>"
            f"{earlier(released)}"
        )
        items.append(_dated(_released(model), body, f"model-{model['id']}"))
    return f'<ol class="dated">{"".join(items)}</ol>'


def timeline(data: Data) -> str:
    """The events by date (stable within a date), marked where the date is a commit's."""
    items = []
    for event in sorted(data["event"], key=lambda e: str(e["date"])):
        when = f"<time>{esc(event['date'])}</time>{commit_date(event.get('basis'))}"
        body = (
            f'<h3 class="entry">{text(event["title"])}</h3>'
            f"<p>{text(event.get('description'))}{cites(event['sources'])}</p>"
            f"{earlier(event)}"
        )
        items.append(_dated(when, body, f"event-{event['id']}"))
    return f'<ol class="dated">{"".join(items)}</ol>'


def _said(key: str) -> tuple[str, str]:
    """The catalogue's words `key` (messages.words) as (zh, en)."""
    words = texts(key)
    return words.zh, words.en


def _title(kind: str) -> tuple[str, str]:
    """A kind's section title, as the registry names it."""
    return kinds.BY_NAME[kind].title


SECTIONS: tuple[Section, ...] = (
    Section("compare", *_said("page.compare"), comparison, _said("page.compare.short")),
    Section("models", *_said("page.models"), models, _title("model"), ("model",)),
    Section("timeline", *_title("event"), timeline, _title("event"), ("event",)),
    Section("quotes", *_title("quote"), quotes, _title("quote"), ("quote", "topic")),
    Section("people", *_title("person"), people, _title("person"), ("person",)),
    Section("projects", *_title("project"), projects, _said("page.projects.short"), ("project",)),
    Section("glossary", *_title("term"), terms, _title("term"), ("term",)),
    Section("sources", *_title("source"), sources, _title("source"), ("source",)),
)
# Kinds the page shows only in its search hits, with their text: the company's organizations
# and facts read better in `dskb company` and the Markdown document.
SEARCH_ONLY = ("organization", "fact")


def generic(kind: str) -> Callable[[Data], str]:
    """The section of a kind with none of its own: a card per record, its fields listed
    (export/generic.py) and cited."""
    prefix = anchor(kind)

    def draw(data: Data) -> str:
        records = data.get(kind, [])
        shown = fields(kind, records)
        every = {r["id"]: r for rows in data.values() for r in rows}
        cards = []
        for record in records:
            name = heading(record)
            values = [
                (f, *(value_of(kind, f, record, every, lang) for lang in ("zh", "en")))
                for f in shown
                if f in record
            ]
            rows = "".join(f"<dt>{esc(f)}</dt><dd>{pair(zh, en)}</dd>" for f, zh, en in values)
            cards.append(
                f'<article class="card" id="{esc(prefix + record["id"])}">'
                f'<h3 class="entry">{text(name) if name else esc(record["id"])}</h3>'
                f"<dl>{rows}</dl><p>{cites(record.get('sources', []))}</p></article>"
            )
        return f'<div class="cards">{"".join(cards)}</div>'

    return draw


def sections() -> list[Section]:
    """The hand-made sections, with a generic one for every other kind of the registry before
    the sources, which close the page."""
    shown = {kind for section in SECTIONS for kind in section.kinds} | set(SEARCH_ONLY)
    rest = [
        Section(kind.stem, *kind.title, generic(kind.name), kind.title, (kind.name,))
        for kind in kinds.KINDS
        if kind.name not in shown
    ]
    return [*SECTIONS[:-1], *rest, SECTIONS[-1]]


def _intro(data: Data) -> str:
    """What dskb is, that every fact is cited, and where the facts come from."""
    article = next((s for s in data["source"] if s.get("kind") == "article"), None)
    years = sorted(str(s["date"])[:4] for s in data["source"] if s.get("repo") and s.get("date"))
    month = str(article.get("date", ""))[:7] if article else ""
    count = sum(len(records) for records in data.values())
    intro = texts("page.intro", count=count)
    zh, en = intro.zh, intro.en
    drawn = []
    if article:
        drawn.append(texts("page.intro.article", month=month))
    if years:
        drawn.append(texts("page.intro.repositories", year=years[-1]))
    if drawn:
        joined = texts("page.intro.and")
        zh += texts("page.intro.draws_on", sources=joined.zh.join(d.zh for d in drawn)).zh
        en += texts("page.intro.draws_on", sources=joined.en.join(d.en for d in drawn)).en
    cited = pair_of("page.every_fact_is_cited_the")
    return f'<p class="lead">{pair(zh, en)}</p><p class="lead">{cited}</p>'


# The page's own words that are in both languages at once: the switch and the window title.
_SWITCH = " / ".join(reversed(_said("page.language")))  # Language / 语言
_CHINESE = _said("page.chinese")[0]  # the switch's label, in the language it switches to
_TITLE = " · ".join(reversed(_said("page.deepseek_knowledge_base")))


def _switch(lang: str) -> str:
    """The zh/en switch: two radio inputs with their labels, the language asked for checked;
    the stylesheet hides the other language (`body:has(#lang-zh:checked) .en`)."""
    zh = " checked" if lang == "zh" else ""
    en = "" if zh else " checked"
    return (
        f'<div class="switch" role="radiogroup" aria-label="{_SWITCH}">'
        f'<input class="lang" type="radio" name="lang" id="lang-en"{en}>'
        '<label for="lang-en">EN</label>'
        f'<input class="lang" type="radio" name="lang" id="lang-zh"{zh}>'
        f'<label for="lang-zh" lang="zh-CN">{_CHINESE}</label></div>'
    )


def _header(lang: str) -> str:
    links = "".join(f'<a href="#{s.anchor}">{pair(*s.short)}</a>' for s in sections())
    return (
        '<header class="bar"><a class="home" href="#top">dskb</a>'
        f'<nav aria-label="Sections">{links}</nav>{_switch(lang)}</header>'
    )


def page(data: Data, lang: str = "en") -> str:
    """The whole KB as one HTML page, opening in `lang` (zh; en or both open in English): same
    data, same bytes."""
    title = pair_of("page.deepseek_knowledge_base")
    parts = [
        "<!doctype html>\n",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_TITLE} (dskb)</title>\n",
        f"<style>{STYLE}</style>\n</head>\n<body>\n",
        _header(lang),
        f'\n<main id="top">\n<h1>{title}</h1>\n{_intro(data)}\n{search_box()}\n',
    ]
    for section in sections():
        parts.append(
            f'<section id="{section.anchor}">\n<h2>{pair(section.zh, section.en)}</h2>\n'
            f"{section.draw(data)}\n</section>\n"
        )
    parts.append(f"</main>\n{search_script(data)}</body>\n</html>\n")
    return "".join(parts)
