"""What a record can answer: every value it holds (or that a record about it holds), each with
the field it answers, its citations and its caveat.

A model answers with its specs, release date, summary and its claims' figures; an organisation
with its founding, place, description, its own figures and those of the facts about it; a person
with their role, education and quotes; a project with its release, licence and description; a
term with its definition; and any thing with the dates of the events about it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from deepseek_kb.analysis.text import initials
from deepseek_kb.asking import UNIT_ASKED
from deepseek_kb.index.store import Found, Index
from deepseek_kb.kinds import ORGANIZATION_WORDS, Unit
from deepseek_kb.rows import Row
from deepseek_kb.search.named import Hit
from deepseek_kb.search.workplace import names_listed, workplace
from deepseek_kb.values import pick

# The company the KB is about: what a question naming nothing else asks of.
COMPANY = "deepseek"


class Candidate(NamedTuple):
    """One value that may answer: what it answers (a spec field or an ASKED key), the record
    holding it and its kind, the value's path, the value, its sources and caveat, a label that
    says which of several it is (a figure's, an event's title), and the thing asked about when
    another record holds the value."""

    key: str
    kind: str
    record: Row
    field: str
    value: Any
    sources: list[Row]
    note: Row | None = None
    label: Row | None = None
    subject: Row | None = None


def candidates(index: Index, kind: str, record: Row, hits: Sequence[Hit]) -> list[Candidate]:
    """Every value that may answer a question about this record."""
    own = {
        "model": _model,
        "project": _project,
        "organization": _organization,
        "person": _person,
        "term": _term,
        "topic": _topic,
    }.get(kind)
    found = list(own(index, record, hits)) if own else []
    if kind != "topic":
        found.append(called(kind, record))
    about = _about(index, record)
    events = [f.row for f in about if f.kind == "event"]
    found.extend(_events_about(events, record, founded=bool(record.get("founded"))))
    # The figures of facts about it: all of an organisation's; of another thing, those that
    # answer no field of their own (V3's price as a share of Claude 3.5 Sonnet's), never a
    # table's price for a field the thing holds itself (deepseek-chat's price is no R1 price).
    told = _fact_figures(about, record)
    found.extend(told if kind == "organization" else [c for c in told if c.key == "figure"])
    return found


def facts_about(index: Index, record: Row) -> list[Candidate]:
    """The figures of the facts about the record (an organisation's GPUs and money; for another
    kind of thing, what answers a field it cannot hold: the people who worked on V3)."""
    return _fact_figures(_about(index, record), record)


def _about(index: Index, record: Row) -> list[Found]:
    """The records that say they are about this one."""
    return [f for f in index.mentions(record["id"]) if record["id"] in f.row.get("about", [])]


def _fact_figures(about: list[Found], record: Row) -> list[Candidate]:
    return [c for f in about if f.kind == "fact" for c in figures_of("fact", f.row, record)]


def called(kind: str, record: Row) -> Candidate:
    """What the thing is called, in both languages each beside the other (深度求索 is asked in
    English too), or beside the name an alias spells out ("Fire-Flyer File System (3FS)", or
    an alias whose initials the name is: EPLB, expert-parallel load balancer)."""
    zh, en = record["name"]["zh"], record["name"]["en"]
    aliases = record.get("aliases", [])
    full = [a.removesuffix(f" ({en})") for a in aliases if a.endswith(f" ({en})")]
    full = full or [a for a in aliases if " " in a and en.casefold() in initials(a)]
    zh_too, en_too = (full[0], full[0]) if full else (en, zh)
    both = {"zh": f"{zh}（{zh_too}）", "en": f"{en} ({en_too})"} if zh != en or full else None
    return Candidate("called", kind, record, "name", both or record["name"], record["sources"])


def _model(index: Index, model: Row, hits: Sequence[Hit]) -> Iterator[Candidate]:
    for field, spec in model.get("specs", {}).items():
        note = spec.get("note")
        yield Candidate(
            field, "model", model, f"specs.{field}", spec["value"], spec["sources"], note
        )
    yield from _dated(model, "model", "released")
    if model.get("summary"):
        yield Candidate("identity", "model", model, "summary", model["summary"], model["sources"])
    for number, claim in enumerate(model.get("claims", [])):
        # The claim itself answers what its words name (a benchmark, a comparison).
        text = claim["text"]
        yield Candidate(
            "figure",
            "model",
            model,
            f"claims[{number}]",
            text,
            claim["sources"],
            claim.get("note"),
            text,
        )
        for place, figure in enumerate(claim.get("figures", [])):
            yield Candidate(
                "figure",
                "model",
                model,
                f"claims[{number}].figures[{place}]",
                figure["value"],
                claim["sources"],
                claim.get("note"),
                figure["label"],
            )


def _dated(record: Row, kind: str, key: str) -> Iterator[Candidate]:
    released = record.get("released")
    if released:
        yield Candidate(
            key,
            kind,
            record,
            "released.date",
            released["date"],
            released["sources"],
            released.get("note"),
        )


def _project(index: Index, project: Row, hits: Sequence[Hit]) -> Iterator[Candidate]:
    yield from _dated(project, "project", "released")
    licence = project.get("license")
    if licence:
        yield Candidate(
            "license_model", "project", project, "license", licence["value"], licence["sources"]
        )
    if project.get("used_by"):
        used = project["used_by"]
        yield Candidate(
            "used_by", "project", project, "used_by", ", ".join(used), project["sources"]
        )
    for field in ("summary", "description"):
        if project.get(field):
            yield Candidate(
                "identity", "project", project, field, project[field], project["sources"]
            )
            break


def _organization(index: Index, org: Row, hits: Sequence[Hit]) -> Iterator[Candidate]:
    if org.get("founded"):
        yield Candidate("founded", "organization", org, "founded", org["founded"], org["sources"])
    if org.get("location"):
        yield Candidate(
            "location", "organization", org, "location", org["location"], org["sources"]
        )
    # What it is: its description, else the kind of organisation it is (LMSYS, a community).
    if org.get("description"):
        description = org["description"]
        yield Candidate("identity", "organization", org, "description", description, org["sources"])
    elif (kind := kind_of(org)) is not None:
        yield kind
    yield from figures_of("organization", org, org)
    yield from founders_of(index, org)
    parent = index.get(str(org["parent"])) if org.get("parent") else None
    if parent is not None:
        name = parent.row["name"]
        yield Candidate("parent", "organization", org, "parent", name, org["sources"])


def kind_of(org: Row) -> Candidate | None:
    """The kind of organisation it is, in both languages, as what it is ("is Fire-Flyer 2 a
    company or a compute cluster"); none for "other"."""
    words = ORGANIZATION_WORDS.get(str(org.get("kind")))
    if words is None:
        return None
    what = {"zh": words[0], "en": words[1]}
    return Candidate("identity", "organization", org, "kind", what, org["sources"])


def figures_of(kind: str, record: Row, subject: Row) -> Iterator[Candidate]:
    """A record's labelled figures, each answering what its unit measures."""
    about = None if record is subject else subject
    for number, figure in enumerate(record.get("figures", [])):
        key = UNIT_ASKED.get(Unit(figure["value"]["unit"]), "figure")
        if key == "api_price_input" and "output" in str(figure["label"]["en"]).lower():
            key = "api_price_output"
        yield Candidate(
            key,
            kind,
            record,
            f"figures[{number}]",
            figure["value"],
            record["sources"],
            record.get("note"),
            figure["label"],
            about,
        )


def told_of(index: Index, fact: Row) -> Row | None:
    """What a fact, which has no name of its own, is told of: the first thing it is about, else
    its first topic (Cost)."""
    about = index.get(str(next(iter(fact.get("about") or fact.get("topics") or []), "")))
    return about.row if about is not None else None


def founders_of(index: Index, org: Row) -> Iterator[Candidate]:
    """The people whose role says they founded the organisation."""
    for found in index.mentions(org["id"]):
        person = found.row
        if found.kind != "person":
            continue
        role = pick(person["role"], "both").casefold()
        if org["id"] in person.get("affiliations", []) and ("founder" in role or "创始人" in role):
            yield Candidate(
                "founder",
                "person",
                person,
                "name",
                person["name"],
                person["sources"],
                None,
                None,
                org,
            )


def _person(index: Index, person: Row, hits: Sequence[Hit]) -> Iterator[Candidate]:
    role = person["role"]
    yield Candidate(
        "identity", "person", person, "role", role, person["sources"], role_caveat(person)
    )
    for number, item in enumerate(person.get("bio", [])):
        text = pick(item, "both").casefold()
        if any(w in text for w in ("university", "大学", "学院", "degree", "学位")):
            yield Candidate(
                "education", "person", person, f"bio[{number}]", item, person["sources"]
            )
            break
    found = workplace(index, person)
    if found is not None:
        field, value = found
        caveat = role_caveat(person) if field == "role" else None
        yield Candidate("employer", "person", person, field, value, person["sources"], caveat)


def role_caveat(person: Row) -> Row | None:
    """A biography line that quotes the role to question it ("OpenAI scientist" is the
    article's unconfirmed wording): the role's caveat."""
    quoted = f"“{person['role']['zh']}”", f'"{person["role"]["en"]}"'
    for item in person.get("bio", []):
        if quoted[0] in str(item["zh"]) or quoted[1] in str(item["en"]):
            return {"zh": item["zh"], "en": item["en"]}
    return None


def _topic(index: Index, topic: Row, hits: Sequence[Hit]) -> Iterator[Candidate]:
    yield Candidate("topic", "topic", topic, "name", topic["name"], topic.get("sources", []))
    yield from (event_candidate(event) for event in _titled(index, topic))


def _titled(index: Index, topic: Row) -> list[Row]:
    """The events whose title names the topic ("China's large-model price war breaks out"):
    what happened to it, and when."""
    names = {str(topic["name"]["zh"]), str(topic["name"]["en"])}
    found: dict[str, Row] = {}
    for name in names:
        for (text,) in index.query(
            "SELECT json FROM records WHERE type = 'event' AND json LIKE ?", (f"%{name}%",)
        ):
            event = json.loads(text)
            title = event.get("title", {})
            if any(
                n.casefold() in f"{title.get('zh', '')} {title.get('en', '')}".casefold()
                for n in names
            ):
                found[event["id"]] = event
    return list(found.values())


def _term(index: Index, term: Row, hits: Sequence[Hit]) -> Iterator[Candidate]:
    yield Candidate(
        "identity",
        "term",
        term,
        "definition",
        term["definition"],
        term["sources"],
        term.get("note"),
    )
    for key, field in (("introduced", "introduced_by"), ("used_by", "used_by")):
        models = [index.get(str(i)) for i in term.get(field, [])]
        named = [m.row for m in models if m is not None]
        if named:  # the models that brought it in, that use it: by name
            yield Candidate(key, "term", term, field, names_listed(named), term["sources"])


def _events_about(events: list[Row], record: Row, founded: bool) -> Iterator[Candidate]:
    """The dates of the events about the record, each labelled by its title; a founding event
    answers "when was it founded" only beside the record's own founding date, as another date
    stated for it (an AI company High-Flyer set up is not High-Flyer's founding)."""
    for event in events:
        if record["id"] in event.get("about", []):
            key = "founded" if founded and event.get("type") == "founding" else "date"
            yield Candidate(
                key,
                "event",
                event,
                "date",
                event["date"],
                event["sources"],
                event.get("note"),
                event["title"],
                record,
            )


def event_candidate(event: Row) -> Candidate:
    """An event found by its words (no thing named): its date, labelled by its title."""
    return Candidate(
        "date",
        "event",
        event,
        "date",
        event["date"],
        event["sources"],
        event.get("note"),
        event["title"],
    )


def speaker_candidate(index: Index, quote: Row) -> Candidate | None:
    """Who said a quote found by its words."""
    found = index.get(str(quote.get("speaker", "")))
    if found is None:
        return None
    return Candidate(
        "speaker", "quote", quote, "speaker", found.row["name"], quote["sources"], None, None, quote
    )
