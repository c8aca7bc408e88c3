"""What each command asks of the KB: name resolution, filters, grouping. No printing here."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deepseek_kb import __version__
from deepseek_kb.errors import NotFoundError, Problem, UsageError
from deepseek_kb.formatting import EVENT_TYPES, Record, date_bounds, name_of
from deepseek_kb.index import RECORD_TYPES, Index, open_index
from deepseek_kb.locate import TYPE_STEMS, discover

if TYPE_CHECKING:
    from deepseek_kb.search import Hit

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def default_lang() -> str:
    """DSKB_LANG if set, else Chinese for a zh* locale, else English."""
    chosen = os.environ.get("DSKB_LANG", "").strip().lower()
    if chosen in ("zh", "en", "both"):
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def open_kb() -> Index:
    """The index of the data in use (built on first use)."""
    return open_index()


# --- models ---------------------------------------------------------------------------------------


def _release_key(model: Record) -> tuple[str, int]:
    released = model.get("released")
    return (date_bounds(released["date"])[0] if released else "9999", 0)


def resolve_id(index: Index, name: str, record_type: str, what: str) -> str:
    """The id a typed name means, or NotFoundError with the nearest names."""
    if not name.strip():
        raise UsageError(f"an empty {what} name")
    from deepseek_kb.search import resolve

    found, near = resolve(index, name, record_type)
    if found:
        return found
    labels = tuple(_display_names(index, near))
    raise NotFoundError(
        f"no {what} called {name!r}",
        hint=f"`dskb {_list_command(record_type)}` lists them all",
        suggestions=labels,
    )


def _list_command(record_type: str) -> str:
    return {"model": "models", "person": "people", "topic": "quote --topic …"}.get(
        record_type, "search"
    )


def _display_names(index: Index, ids: list[str]) -> list[str]:
    records = index.get_many(ids)
    return [name_of(records[i][1], "en") if i in records else i for i in ids]


def pick_models(index: Index, names: list[str], main_only: bool) -> list[Record]:
    """The named models in the order given, or all (or the main ones) in release order."""
    if names:
        ids = [resolve_id(index, n, "model", "model") for n in names]
        records = index.get_many(ids)
        return [records[i][1] for i in dict.fromkeys(ids)]
    models = index.records("model")
    if main_only:
        models = [m for m in models if m.get("main")]
    return sorted(models, key=_release_key)


def one_model(index: Index, name: str) -> Record:
    """One model by any of its names."""
    found = index.get(resolve_id(index, name, "model", "model"))
    assert found is not None
    return found[1]


def one_person(index: Index, name: str) -> Record:
    """One person by any of their names."""
    found = index.get(resolve_id(index, name, "person", "person"))
    assert found is not None
    return found[1]


# --- timeline ------------------------------------------------------------------------------------


def _check_date(option: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise UsageError(
            f"{option} {value!r} is not a date", hint="write YYYY, YYYY-MM or YYYY-MM-DD"
        )
    return value


def resolve_entity(index: Index, name: str) -> str:
    """A model, person or organisation id from any of their names."""
    from deepseek_kb.search import resolve

    for record_type in ("model", "person", "organization"):
        found, _ = resolve(index, name, record_type)
        if found:
            return found
    near: list[str] = []
    for record_type in ("model", "person", "organization"):
        near.extend(resolve(index, name, record_type)[1][:2])
    raise NotFoundError(
        f"nothing called {name!r} among models, people and organisations",
        hint="`dskb models`, `dskb people` and `dskb company` list the names",
        suggestions=tuple(_display_names(index, near)),
    )


def timeline(
    index: Index, since: str | None, until: str | None, event_type: str | None, about: str | None
) -> list[Record]:
    """Events in date order, filtered by date range (overlap), type and subject."""
    since = _check_date("--since", since)
    until = _check_date("--until", until)
    if event_type is not None and event_type not in EVENT_TYPES:
        raise UsageError(
            f"--type {event_type!r} is not an event type", hint="one of: " + ", ".join(EVENT_TYPES)
        )
    about_id = resolve_entity(index, about) if about else None
    low = date_bounds(since)[0] if since else "0000"
    high = date_bounds(until)[1] if until else "9999"
    events = []
    for event in index.records("event"):
        start, end = date_bounds(event["date"])
        if end < low or start > high:
            continue
        if event_type and event["type"] != event_type:
            continue
        if about_id and about_id not in event.get("about", []):
            continue
        events.append(event)
    return events


# --- quotes and search ---------------------------------------------------------------------------


@dataclass
class QuoteResult:
    """Quotes to show, the words to highlight in each, and the names they refer to."""

    items: list[tuple[Record, tuple[str, ...]]]
    names: dict[str, Record]
    hits: list[Hit] = field(default_factory=list)
    hint: str = ""
    total: int = 0

    def as_json(self) -> list[Record]:
        """An array of hits, best first; without a query the score is null."""
        if self.hits:
            return [h.as_json() for h in self.hits]
        return [{"id": r["id"], "type": "quote", "score": None, "record": r} for r, _ in self.items]


def find_quotes(
    index: Index, query: str | None, speaker: str | None, topic: str | None, limit: int
) -> QuoteResult:
    """Quotes matching a query (ranked) or all of them (grouped by topic), filtered."""
    speaker_id = resolve_id(index, speaker, "person", "person") if speaker else None
    topic_id = resolve_id(index, topic, "topic", "topic") if topic else None

    def keep(record: Record) -> bool:
        return (not speaker_id or record["speaker"] == speaker_id) and (
            not topic_id or topic_id in record["topics"]
        )

    hint = "try a shorter query, or drop --speaker/--topic"
    if query is not None and query.strip():
        from deepseek_kb.search import search

        hits = [h for h in search(index, query, frozenset({"quote"}), None) if keep(h.record)]
        total = len(hits)
        hits = hits[:limit]
        items = [(h.record, h.matched) for h in hits]
        if not hits:
            hint = search_hint(query) + "; `dskb quote` alone lists every quote by topic"
    elif query is not None:
        raise UsageError("the query is empty", hint="give some words, or none to list all quotes")
    else:
        hits = []
        order = {t["id"]: i for i, t in enumerate(index.records("topic"))}
        quotes = [q for q in index.records("quote") if keep(q)]
        quotes.sort(key=lambda q: order.get(q["topics"][0], len(order)))
        total = len(quotes)
        items = [(q, ()) for q in quotes[:limit]]
    names = names_for(index, [r for r, _ in items])
    return QuoteResult(items, names, hits, hint, total)


def names_for(index: Index, *groups: list[Record]) -> dict[str, Record]:
    """The people, topics and organisations these records point at, by id."""
    wanted: list[str] = []
    for records in groups:
        for record in records:
            wanted.extend(record.get("topics", []))
            wanted.extend(record.get("affiliations", []))
            if record.get("speaker"):
                wanted.append(record["speaker"])
    found = index.get_many(list(dict.fromkeys(wanted)))
    return {rid: record for rid, (_, record) in found.items()}


def search_all(index: Index, query: str, record_type: str | None, limit: int) -> list[Hit]:
    """Every record type at once, ranked; --type narrows."""
    if not query.strip():
        raise UsageError("the query is empty", hint="give some words, a name or a number")
    types = None
    if record_type is not None:
        if record_type not in RECORD_TYPES:
            raise UsageError(
                f"--type {record_type!r} is not a record type",
                hint="one of: " + ", ".join(RECORD_TYPES),
            )
        types = frozenset({record_type})
    from deepseek_kb.search import search

    return search(index, query, types, limit)


def search_hint(query: str) -> str:
    """What to try when a query found nothing."""
    words = query.split()
    if len(words) > 2:
        return "try fewer words, or the key name or number alone"
    return "try a shorter query, another spelling, or the other language (中文 / English)"


def quote_counts(index: Index) -> dict[str, int]:
    """Quotes per speaker."""
    counts: dict[str, int] = {}
    for quote in index.records("quote"):
        counts[quote["speaker"]] = counts.get(quote["speaker"], 0) + 1
    return counts


# --- company, sources, info ----------------------------------------------------------------------

_COMPANY_SECTIONS: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("history", "成立与沿革", "Founding and history", ("company", "strategy")),
    ("compute", "算力", "Compute", ("compute",)),
    (
        "money",
        "资金、成本与价格",
        "Money: investment, costs and prices",
        ("investment", "funding", "cost", "price"),
    ),
    ("team", "团队与招人", "Team and hiring", ("team", "hiring")),
    ("culture", "文化与管理", "Culture and management", ("culture", "management")),
]


def company(index: Index) -> list[tuple[str, tuple[str, str], list[tuple[str, Record]]]]:
    """High-Flyer and DeepSeek in sections: organisations, history, compute, people, money, culture."""
    orgs = [
        ("organization", o)
        for o in index.records("organization")
        if o["id"] in ("high-flyer", "deepseek") or o.get("parent") in ("high-flyer", "deepseek")
    ]
    org_ids = {o["id"] for _, o in orgs}
    facts = index.records("fact")
    events = [e for e in index.records("event") if set(e.get("about", [])) & org_ids]
    sections: list[tuple[str, tuple[str, str], list[tuple[str, Record]]]] = [
        ("organizations", ("幻方与深度求索", "High-Flyer and DeepSeek"), orgs),
        ("events", ("大事记", "Milestones"), [("event", e) for e in events]),
    ]
    people = [
        ("person", p) for p in index.records("person") if set(p.get("affiliations", [])) & org_ids
    ]
    for key, zh, en, categories in _COMPANY_SECTIONS:
        rows = [("fact", f) for f in facts if f["category"] in categories]
        if key == "team":
            rows = people + rows
        sections.append((key, (zh, en), rows))
    return [s for s in sections if s[2]]


def data_files(index: Index) -> list[tuple[str, str, int]]:
    """(layer, file, records) for every file the index was built from."""
    rows = index.query(
        "SELECT layer, file, count(*) FROM records GROUP BY layer, file ORDER BY layer, min(ord)"
    )
    folders = index.layout.folders
    label = {
        i: ("bundled" if i == 0 and index.layout.bundled else str(f)) for i, f in enumerate(folders)
    }
    return [(label.get(layer, str(layer)), file, count) for layer, file, count in rows]


def info(index: Index) -> dict[str, Any]:
    """What `dskb info` reports."""
    return {
        "version": __version__,
        "data": [str(f) for f in index.layout.folders],
        "overlays": "DSKB_PATH" if os.environ.get("DSKB_PATH") else "none",
        "cache": str(index.path) if index.path else "(in memory: the cache folder is not writable)",
        "records": index.counts(),
    }


@dataclass
class Report:
    """The outcome of `dskb validate`."""

    counts: dict[str, int]
    problems: list[Problem]
    folders: list[str]
    files: list[tuple[int, str, int]] = field(default_factory=list)
    replaced: list[tuple[str, str, str]] = field(default_factory=list)

    def as_json(self) -> Record:
        """ok, counts, folders, files, overlay replacements and every problem as data."""
        return {
            "ok": not self.problems,
            "records": self.counts,
            "folders": self.folders,
            "files": [{"layer": layer, "file": f, "records": n} for layer, f, n in self.files],
            "replaced": [{"id": i, "was": was, "by": by} for i, was, by in self.replaced],
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "record": p.record,
                    "field": p.field,
                    "message": p.message,
                }
                for p in self.problems
            ],
        }


def validate(data_dir: Path | None) -> Report:
    """Load and check everything in the data folders, collecting every problem."""
    from deepseek_kb.errors import DataError
    from deepseek_kb.loader import load_kb

    layout = discover((data_dir,)) if data_dir is not None else discover()
    folders = [str(f) for f in layout.folders]
    try:
        kb = load_kb(layout)
    except DataError as failure:
        return Report({}, failure.problems, folders)
    per_file: dict[tuple[int, str], int] = {(f.layer, f.display): 0 for f in layout.files}
    for loaded in kb.origins.values():
        per_file[(loaded.file.layer, loaded.file.display)] += 1
    replaced = [
        (new.record.id, f"{old.file.display}:{old.line}", f"{new.file.display}:{new.line}")
        for old, new in kb.replaced
    ]
    files = [(layer, name, n) for (layer, name), n in per_file.items()]
    return Report({t: len(r) for t, r in kb.records.items()}, [], folders, files, replaced)


# --- completion ----------------------------------------------------------------------------------


def completions(kind: str, incomplete: str) -> list[str]:
    """Values for shell completion, read from the index (never fails: an error completes nothing)."""
    try:
        return _completions(kind, incomplete)
    except Exception:  # completion must never print a traceback into the user's shell
        return []


def _completions(kind: str, incomplete: str) -> list[str]:
    prefix = incomplete.casefold()
    if kind == "event-type":
        options: list[str] = list(EVENT_TYPES)
    elif kind == "type":
        options = list(RECORD_TYPES)
    elif kind == "file":
        options = list(TYPE_STEMS)
    else:
        index = open_kb()
        types = ("model", "person", "organization") if kind == "entity" else (kind,)
        options = []
        for record_type in types:
            for rid, _, name in index.names(record_type):
                # A shell splits a completed word at spaces, so only one-word names are offered.
                options.extend(n for n in (name, rid) if not any(c.isspace() for c in n))
    seen = dict.fromkeys(o for o in options if o.casefold().startswith(prefix))
    return list(seen)
