"""The page's list sections: quotes by topic, people, projects, the glossary and the sources."""

from __future__ import annotations

from typing import Any

from deepseek_kb.export.markup import cites, esc, pair_of, text

Data = dict[str, list[dict[str, Any]]]


def _names(data: Data, kind: str) -> dict[str, str]:
    return {r["id"]: text(r["name"]) for r in data[kind]}


def _quote(quote: dict[str, Any], speakers: dict[str, str]) -> str:
    """The Chinese original always; the English translation under it when English is shown."""
    zh, en = str(quote["text"]["zh"]), str(quote["text"]["en"])
    translation = "" if zh == en else f'<p class="en translation">{esc(en)}</p>'
    speaker = speakers.get(quote.get("speaker") or "", esc(quote.get("speaker") or ""))
    context = text(quote.get("context"))
    context = f'<br><span class="muted">{context}</span>' if context else ""
    return (
        f'<figure class="quote" id="quote-{esc(quote["id"])}">'
        f'<blockquote><p lang="zh-CN">{esc(zh)}</p>{translation}</blockquote>'
        f"<figcaption>— <b>{speaker}</b>{cites(quote['sources'])}"
        f"{context}</figcaption></figure>"
    )


def quotes(data: Data) -> str:
    """The quotes grouped by their first topic, topics in the data's order."""
    speakers = _names(data, "person")
    topics = _names(data, "topic")
    groups: dict[str, list[dict[str, Any]]] = {t: [] for t in topics}
    for quote in data["quote"]:
        groups.setdefault((quote.get("topics") or ["other"])[0], []).append(quote)
    out = []
    for topic, members in groups.items():
        if members:
            heading = topics.get(topic) or pair_of("page_lists.other")
            figures = "".join(_quote(q, speakers) for q in members)
            out.append(
                f'<h3 id="topic-{esc(topic)}">{heading}</h3><div class="cards">{figures}</div>'
            )
    return "".join(out)


def people(data: Data) -> str:
    """Each person: name, role, affiliations and short biography, cited."""
    orgs = _names(data, "organization")
    cards = []
    for person in data["person"]:
        where = ", ".join(orgs.get(a, esc(a)) for a in person.get("affiliations", []))
        bio = "".join(f"<li>{text(line)}</li>" for line in person.get("bio", []))
        where = f'<p class="muted">{where}</p>' if where else ""
        bio = f"<ul>{bio}</ul>" if bio else ""
        cards.append(
            f'<article class="card" id="person-{esc(person["id"])}">'
            f'<h3 class="entry">{text(person["name"])}</h3>'
            f"<p>{text(person.get('role'))}{cites(person['sources'])}</p>"
            f"{where}{bio}</article>"
        )
    return f'<div class="cards">{"".join(cards)}</div>'


def projects(data: Data) -> str:
    """DeepSeek's open-source projects: name, release date, summary and repository link."""
    cards = []
    for project in data["project"]:
        released = project.get("released")
        when = f' <time class="muted">{esc(released["date"])}</time>' if released else ""
        repo = (
            f'<p><a class="repo" href="{esc(project["url"])}">{esc(project.get("repo") or project["url"])}</a></p>'
            if project.get("url")
            else ""
        )
        cards.append(
            f'<article class="card" id="project-{esc(project["id"])}">'
            f'<h3 class="entry">{text(project["name"])}{when}</h3>'
            f"<p>{text(project.get('summary'))}{cites(project['sources'])}</p>{repo}</article>"
        )
    return f'<div class="cards">{"".join(cards)}</div>'


def terms(data: Data) -> str:
    """The glossary: each term's name (and its first other name), its definition, cited."""
    entries = []
    for term in data["term"]:
        names = (term["name"]["zh"], term["name"]["en"])
        other = next((a for a in term.get("aliases", []) if a not in names), "")
        aside = f' <span class="muted">{esc(other)}</span>' if other else ""
        entries.append(
            f'<dt id="term-{esc(term["id"])}">{text(term["name"])}{aside}</dt>'
            f"<dd>{text(term.get('definition'))}{cites(term['sources'])}</dd>"
        )
    return f'<dl class="terms">{"".join(entries)}</dl>'


def sources(data: Data) -> str:
    """Every source: its id (what citations name), title, kind, date and link."""
    items = []
    for source in data["source"]:
        details = " · ".join(esc(v) for v in (source.get("kind"), source.get("date")) if v)
        link = source.get("url")
        shown = f'<br><a class="url" href="{esc(link)}">{esc(link)}</a>' if link else ""
        items.append(
            f'<li id="src-{esc(source["id"])}"><code>{esc(source["id"])}</code> '
            f'{text(source.get("title"))} <span class="muted">{details}</span>{shown}</li>'
        )
    return f'<ul class="sources">{"".join(items)}</ul>'
