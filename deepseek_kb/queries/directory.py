"""`dskb people`, `dskb company`, `dskb sources`: who, what and where from."""

from __future__ import annotations

from deepseek_kb.index.store import Found, Index


def quote_counts(index: Index, tier: str | None = None) -> dict[str, int]:
    """Quotes per speaker."""
    counts: dict[str, int] = {}
    for quote in index.records("quote", tier):
        counts[quote["speaker"]] = counts.get(quote["speaker"], 0) + 1
    return counts


# --- company, sources, info ----------------------------------------------------------------------

# The sections of facts, each titled by its words in the catalogue (`company.<section>`).
_COMPANY_SECTIONS: list[tuple[str, tuple[str, ...]]] = [
    ("history", ("company", "strategy")),
    ("compute", ("compute",)),
    ("money", ("investment", "funding", "cost", "price")),
    ("team", ("team", "hiring")),
    ("culture", ("culture", "management")),
]


_COMPANY = ("high-flyer", "deepseek")


def _organizations(index: Index, tier: str | None) -> list[Found]:
    """High-Flyer, DeepSeek and the organisations under them."""
    return [
        Found("organization", o)
        for o in index.records("organization", tier)
        if o["id"] in _COMPANY or o.get("parent") in _COMPANY
    ]


def _linked(index: Index, kind: str, field: str, ids: set[str], tier: str | None) -> list[Found]:
    """The records of a kind whose `field` names any of these ids."""
    return [Found(kind, r) for r in index.records(kind, tier) if set(r.get(field, [])) & ids]


def company(index: Index, tier: str | None = None) -> list[tuple[str, list[Found]]]:
    """High-Flyer and DeepSeek in sections: organisations, history, compute, people, money,
    culture (as one tier tells them, when given); a section's title is `company.<section>` in
    the catalogue."""
    orgs = _organizations(index, tier)
    org_ids = {o["id"] for _, o in orgs}
    facts = index.records("fact", tier)
    sections: list[tuple[str, list[Found]]] = [
        ("organizations", orgs),
        ("events", _linked(index, "event", "about", org_ids, tier)),
    ]
    people = _linked(index, "person", "affiliations", org_ids, tier)
    for key, categories in _COMPANY_SECTIONS:
        rows = [Found("fact", f) for f in facts if f["category"] in categories]
        sections.append((key, people + rows if key == "team" else rows))
    return [s for s in sections if s[1]]


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
