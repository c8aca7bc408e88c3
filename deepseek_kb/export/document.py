"""The knowledge base as one Markdown document a person reads, in one language or both.

A title and contents; the company; a section per model (its specs with units and sources, its
claims, its errata with both values); DeepSeek's open-source projects; the timeline; the quotes
by topic with their speakers; the people; the glossary; the sources with their links.

Every text of the data goes through `render.markdown.md_text` (one line, shown as itself; code
quoted from a source in a fenced block) and every link through `md_link` (http(s) only), so no
record can add markup, HTML or a link. The document passes markdownlint (line length aside) and
reads the same in CommonMark and in Python-Markdown (MkDocs): every list, table, quote and code
block stands between blank lines, and a quote's speaker follows it as a paragraph of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from deepseek_kb import kinds
from deepseek_kb.citations import unique
from deepseek_kb.export import generic
from deepseek_kb.kinds import SPECS, STATUS_WORDS
from deepseek_kb.messages import texts
from deepseek_kb.render.markdown import md_code, md_link, md_text
from deepseek_kb.told import STATUS_MARKS, caveat
from deepseek_kb.values import Json, cite, format_value, name_of

Data = dict[str, list[dict[str, Any]]]


class _Writer:
    """Text in the language asked for; 'both' gives the Chinese, then the English."""

    def __init__(self, lang: str, names: dict[str, str]) -> None:
        self.lang = lang
        self.names = names
        self.lines: list[str] = []

    def raw(self, text: Json | None) -> str:
        if not text:
            return ""
        if self.lang == "both":
            zh, en = str(text["zh"]), str(text["en"])
            return zh if zh == en else f"{zh} / {en}"
        return str(text[self.lang])

    def t(self, text: Json | None, cell: bool = False) -> str:
        """A bilingual text of the data, escaped."""
        return md_text(self.raw(text), cell)

    def label(self, zh: str, en: str) -> str:
        return {"zh": zh, "en": en}.get(self.lang, f"{zh} / {en}")

    def word(self, key: str, /, **fields: object) -> str:
        """The catalogue's words `key` (messages.words) as a label for this document."""
        said = texts(key, **fields)
        return self.label(said.zh, said.en)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def name(self, record_id: str) -> str:
        return md_text(self.names.get(record_id, record_id))


_md = md_text


def _links(refs: Sequence[Json], lang: str, cell: bool = False) -> str:
    """Citations as Markdown links where they have an address, each once."""
    return ", ".join(md_link(cite(ref, lang), ref.get("url"), cell) for ref in unique(refs))


def _anchor(text: str) -> str:
    return "".join(c for c in text.lower().replace(" ", "-") if c.isalnum() or c in "-_")


def _organization(w: _Writer, org: dict[str, Any]) -> None:
    w.add(f"### {w.t(org['name'])}", "")
    if org.get("founded"):
        w.add(f"- {w.word('document.founded')}: {_md(org['founded'])}")
    if org.get("description"):
        w.add(f"- {w.t(org['description'])}")
    for figure in org.get("figures", []):
        w.add(f"- {w.t(figure['label'])}: {_md(format_value(figure['value'], _one(w.lang)))}")
    w.add(f"- {w.word('document.sources')}: {_links(org['sources'], w.lang)}", "")


def _facts(w: _Writer, facts: list[dict[str, Any]]) -> None:
    """The facts as a list; those quoting code each in a fenced block under their own title."""
    prose = [f for f in facts if not f.get("code")]
    if prose:
        w.add(f"### {w.word('document.facts')}", "")
        for fact in prose:
            date = f"{_md(fact['date'])} · " if fact.get("date") else ""
            w.add(f"- {date}{w.t(fact['text'])} ({_links(fact['sources'], w.lang)})")
        w.add("")
    code = [f for f in facts if f.get("code")]
    if code:
        w.add(f"### {w.word('document.code_quoted')}", "")
    for fact in code:
        w.add(f"{_links(fact['sources'], w.lang)}:", "")
        texts = [fact["text"][lang] for lang in ("zh", "en") if lang in (w.lang, "both")]
        for text in dict.fromkeys(str(t) for t in texts):
            w.add(*md_code(text), "")


def _company(w: _Writer, data: Data) -> None:
    for org in data["organization"]:
        if org["id"] in ("high-flyer", "deepseek"):
            _organization(w, org)
    _facts(w, [f for f in data["fact"] if f["category"] not in ("commentary", "coverage")])


def _one(lang: str) -> str:
    return "en" if lang == "both" else lang


def _units(value: Any) -> str:
    """The units of a spec's quantities, each once."""
    quantities = value if isinstance(value, list) else [value]
    units = (q["unit"] for q in quantities if isinstance(q, dict) and "unit" in q)
    return ", ".join(dict.fromkeys(units))


def _spec_table(w: _Writer, specs: dict[str, Any]) -> None:
    """A model's specs as a table (value, unit, sources, note), then what its marks mean."""
    w.add(
        f"| {w.word('document.spec')} | {w.word('document.value')} | "
        f"{w.word('document.unit')} | {w.word('document.sources')} | {w.word('document.note')} |",
        "|---|---|---|---|---|",
    )
    for spec in (s for s in SPECS if s.field in specs):
        cell = specs[spec.field]
        shown = _md(format_value(cell["value"], _one(w.lang)), cell=True)
        mark = caveat(cell).mark.replace("†", "") + (" †" if cell.get("superseded") else "")
        label = w.label(spec.zh, spec.en)
        unit = _md(_units(cell["value"]), cell=True)
        note = w.t(cell["note"], cell=True) if cell.get("note") else ""
        links = _links(cell["sources"], w.lang, cell=True)
        w.add(f"| {label} | {shown}{mark} | {unit} | {links} | {note} |")
    w.add("", *_legend(w, [caveat(c).status for c in specs.values()]), "")


def _model(w: _Writer, model: dict[str, Any]) -> None:
    w.add(f"### {w.t(model['name'])}", "", w.t(model.get("summary")), "")
    released = model.get("released")
    if released:
        basis = w.word("document.commit_date") if released.get("basis") else ""
        w.add(
            f"- {w.word('document.released')}: {_md(released['date'])}{basis} "
            f"({_links(released['sources'], w.lang)})"
        )
    if model.get("variant_of"):
        w.add(f"- {w.word('document.variant_of')}: {w.name(model['variant_of'])}")
    w.add("")
    if model.get("specs"):
        _spec_table(w, model["specs"])
    claims = model.get("claims", [])
    if claims:
        w.add(f"**{w.word('document.claims')}**{w.label('：', ':')}", "")
        w.add(
            *(
                f"- {w.t(c['text'])}{caveat(c).mark} ({_links(c['sources'], w.lang)})"
                for c in claims
            ),
            "",
            *_legend(w, [caveat(c).status for c in claims]),
            "",
        )
    errata = list(_errata(w, model))
    if errata:
        title = w.word("document.errata_superseded_values")
        w.add(f"**{title}**{w.label('：', ':')}", "")
        w.add(*errata, "")


def _legend(w: _Writer, statuses: list[str]) -> list[str]:
    """A list item per status mark used: what it means."""
    return [
        f"- {STATUS_MARKS[s]} {w.label(*STATUS_WORDS[s])}"
        for s in STATUS_MARKS
        if s in statuses and s != "superseded"
    ]


def _errata(w: _Writer, model: dict[str, Any]) -> list[str]:
    holders: list[tuple[str, Any, dict[str, Any]]] = []
    released = model.get("released")
    if released:
        holders.append((w.word("document.release_date"), released["date"], released))
    for spec in SPECS:
        cell = model.get("specs", {}).get(spec.field)
        if cell:
            holders.append((w.label(spec.zh, spec.en), cell["value"], cell))
    for claim in model.get("claims", []):
        holders.append((_md(w.raw(claim["text"])[:60]), claim["text"], claim))
    out = []
    for what, current, holder in holders:
        for old in holder.get("superseded", []):
            now = current if isinstance(current, str) else format_value(current, _one(w.lang))
            was = format_value(old["value"], _one(w.lang))
            out.append(
                f"- {what}: {_md(now)} — {w.word('document.was')} «{_md(was)}» "
                f"({_links(old['sources'], w.lang)}): {w.t(old['reason'])}"
            )
    return out


def _projects(w: _Writer, data: Data) -> None:
    for project in data["project"]:
        released = project.get("released")
        when = f" · {_md(released['date'])}" if released else ""
        w.add(
            f"- **{w.t(project['name'])}**{when} — {w.t(project['summary'])} "
            f"{md_link(project['repo'], project['url'])}"
        )
    w.add("")


def _timeline(w: _Writer, data: Data) -> None:
    w.add(
        f"| {w.word('document.date')} | {w.word('document.event')} | "
        f"{w.word('document.sources')} |",
        "|---|---|---|",
    )
    for event in sorted(data["event"], key=lambda e: e["date"]):
        basis = w.word("document.commit_date") if event.get("basis") else ""
        w.add(
            f"| {_md(event['date'])}{basis} | {w.t(event['title'], cell=True)} "
            f"| {_links(event['sources'], w.lang, cell=True)} |"
        )
    w.add("")


def _quotes(w: _Writer, data: Data) -> None:
    topics = {t["id"]: t for t in data["topic"]}
    by_topic: dict[str, list[dict[str, Any]]] = {}
    for quote in data["quote"]:
        by_topic.setdefault(quote["topics"][0], []).append(quote)
    for topic_id, quotes in by_topic.items():
        w.add(f"### {w.t(topics[topic_id]['name']) if topic_id in topics else _md(topic_id)}", "")
        for quote in quotes:
            w.add(f"> {_md(quote['text']['zh'])}")
            if w.lang != "zh":
                w.add(">", f"> {_md(quote['text']['en'])}")
            w.add("", f"— {w.name(quote['speaker'])} ({_links(quote['sources'], w.lang)})", "")


def _people(w: _Writer, data: Data) -> None:
    for person in data["person"]:
        w.add(
            f"- **{w.t(person['name'])}** — {w.t(person['role'])} ({_links(person['sources'], w.lang)})"
        )
    w.add("")


def _terms(w: _Writer, data: Data) -> None:
    for term in data["term"]:
        aliases = _md(", ".join(term.get("aliases", [])[:3]))
        w.add(
            f"- **{w.t(term['name'])}** ({aliases}): {w.t(term['definition'])} "
            f"({_links(term['sources'], w.lang)})"
        )
    w.add("")


def _sources(w: _Writer, data: Data) -> None:
    w.add(f"| id | {w.word('document.title')} | {w.word('document.link')} |", "|---|---|---|")
    for source in data["source"]:
        link = source.get("url") or source.get("permalink") or ""
        title = w.t(source["title"], cell=True)
        w.add(f"| {_md(source['id'])} | {title} | {md_link(link, link, cell=True)} |")
    w.add("")


def _models(w: _Writer, data: Data) -> None:
    for model in data["model"]:
        _model(w, model)


def _generic(kind: str) -> Callable[[_Writer, Data], None]:
    """The section of a kind with none of its own: each record under its name, its fields as a
    list (export/generic.py), then its sources."""

    def write(w: _Writer, data: Data) -> None:
        records = data.get(kind, [])
        shown = generic.fields(kind, records)
        every = {r["id"]: r for rows in data.values() for r in rows}
        for record in records:
            name = generic.heading(record)
            w.add(f"### {w.t(name) if name else _md(record['id'])}", "")
            for field in (f for f in shown if f in record):
                value = generic.value_of(kind, field, record, every, w.lang)
                w.add(f"- {_md(field)}: {_md(value)}")
            if record.get("sources"):
                w.add(f"- {w.word('document.sources')}: {_links(record['sources'], w.lang)}")
            w.add("")

    return write


class _Section(NamedTuple):
    """A section of the document: its title in both languages (zh, en), what writes it and the
    kinds of record it shows (titled as the registry titles the first, but the company's)."""

    title: tuple[str, str]
    write: Callable[[_Writer, Data], None]
    kinds: tuple[str, ...]


def _of(write: Callable[[_Writer, Data], None], *shown: str) -> _Section:
    return _Section(kinds.BY_NAME[shown[0]].title, write, shown)


_COMPANY = texts("document.company")
_SECTIONS: tuple[_Section, ...] = (
    _Section((_COMPANY.zh, _COMPANY.en), _company, ("organization", "fact")),
    _of(_models, "model"),
    _of(_projects, "project"),
    _of(_timeline, "event"),
    _of(_quotes, "quote", "topic"),
    _of(_people, "person"),
    _of(_terms, "term"),
    _of(_sources, "source"),
)


def _sections() -> list[_Section]:
    """The hand-made sections, with a generic one for every other kind of the registry before
    the sources, which close the document."""
    shown = {kind for section in _SECTIONS for kind in section.kinds}
    rest = [
        _Section(kind.title, _generic(kind.name), (kind.name,))
        for kind in kinds.KINDS
        if kind.name not in shown
    ]
    return [*_SECTIONS[:-1], *rest, _SECTIONS[-1]]


def document(data: Data, lang: str) -> str:
    """The whole KB as Markdown: title, contents, then each section."""
    names = {r["id"]: name_of(r, _one(lang)) for kind in data.values() for r in kind}
    w = _Writer(lang, names)
    total = sum(len(records) for records in data.values())
    w.add(
        f"# {w.word('document.deepseek_knowledge_base')}",
        "",
        w.word("document.exported", total=total),
        "",
        f"## {w.word('document.contents')}",
        "",
    )
    sections = _sections()
    for section in sections:
        title = w.label(*section.title)
        w.add(f"- [{title}](#{_anchor(title)})")
    w.add("")
    for section in sections:
        w.add(f"## {w.label(*section.title)}", "")
        section.write(w, data)
    lines = [line for n, line in enumerate(w.lines) if line or (n and w.lines[n - 1])]
    return "\n".join(lines).strip() + "\n"
