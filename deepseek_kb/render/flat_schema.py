"""The one flat schema of each kind: which fields become which columns, for every record alike.

A CSV or SQLite table of a kind has the same columns whatever its records hold, so a script
can rely on `license_model_zh` and `license_model_en` existing for every model. Each field has a
shape that fixes its columns (`render.flat.columns`); `tests/test_flat.py` checks that these
lists name every field of the pydantic models (`schema/records.py`) with a fitting shape.
Kept apart from pydantic so that a CSV listing never imports it.
"""

from __future__ import annotations

from enum import Enum

from deepseek_kb.kinds import QUANTITY_SPECS, SPECS


class Shape(Enum):
    """How one field becomes columns."""

    plain = "plain"  # one cell: an id, a name, a closed-set word, a URL
    text = "text"  # {zh, en}: name_zh and name_en (one column in one language)
    texts = "texts"  # a list of {zh, en} (a biography), joined
    items = "items"  # a list of plain values (aliases, ids), joined with "; "
    flag = "flag"  # true/false as 1/0
    date = "date"  # a partial date: ISO day (its first day) and its precision
    dated = "dated"  # a cited date (released): date, precision, basis, status, note
    cited = "cited"  # a cited value (a project's licence): the value, status, note
    specs = "specs"  # a model's specifications: the columns of every spec in kinds.SPECS
    speaker = "speaker"  # a person's id, and the name beside it
    sources = "sources"  # citations as short references


# Fields kept out of flat tables: nested detail a flat row cannot hold readably (in JSON).
NESTED = frozenset({"claims", "superseded", "huggingface", "figures"})

_NAMED = (("name", Shape.text), ("aliases", Shape.items))
_STATUS = (("provenance", Shape.items), ("status", Shape.plain))

# Each kind's fields in column order; the record's status and citations come last.
FIELDS: dict[str, tuple[tuple[str, Shape], ...]] = {
    "source": (
        ("id", Shape.plain),
        ("kind", Shape.plain),
        ("title", Shape.text),
        ("date", Shape.date),
        ("publisher", Shape.plain),
        ("url", Shape.plain),
        ("repo", Shape.plain),
        ("path", Shape.plain),
        ("commit", Shape.plain),
        ("permalink", Shape.plain),
        ("accessed", Shape.date),
        ("note", Shape.text),
        ("provenance", Shape.items),
    ),
    "topic": (("id", Shape.plain), *_NAMED, *_STATUS),
    "organization": (
        ("id", Shape.plain),
        *_NAMED,
        ("kind", Shape.plain),
        ("parent", Shape.plain),
        ("founded", Shape.date),
        ("location", Shape.text),
        ("description", Shape.text),
        *_STATUS,
    ),
    "person": (
        ("id", Shape.plain),
        *_NAMED,
        ("role", Shape.text),
        ("affiliations", Shape.items),
        ("bio", Shape.texts),
        *_STATUS,
    ),
    "model": (
        ("id", Shape.plain),
        *_NAMED,
        ("family", Shape.plain),
        ("kind", Shape.plain),
        ("variant_of", Shape.plain),
        ("main", Shape.flag),
        ("released", Shape.dated),
        ("summary", Shape.text),
        ("specs", Shape.specs),
        ("note", Shape.text),
        *_STATUS,
    ),
    "project": (
        ("id", Shape.plain),
        *_NAMED,
        ("repo", Shape.plain),
        ("url", Shape.plain),
        ("category", Shape.plain),
        ("summary", Shape.text),
        ("purpose", Shape.text),
        ("released", Shape.dated),
        ("license", Shape.cited),
        ("used_by", Shape.items),
        ("note", Shape.text),
        *_STATUS,
    ),
    "term": (
        ("id", Shape.plain),
        *_NAMED,
        ("definition", Shape.text),
        ("introduced_by", Shape.items),
        ("used_by", Shape.items),
        ("related", Shape.items),
        ("projects", Shape.items),
        ("note", Shape.text),
        *_STATUS,
    ),
    "event": (
        ("id", Shape.plain),
        ("date", Shape.date),
        ("basis", Shape.plain),
        ("type", Shape.plain),
        ("title", Shape.text),
        ("description", Shape.text),
        ("about", Shape.items),
        ("note", Shape.text),
        *_STATUS,
    ),
    "quote": (
        ("id", Shape.plain),
        ("speaker", Shape.speaker),
        ("text", Shape.text),
        ("context", Shape.text),
        ("date", Shape.date),
        ("topics", Shape.items),
        ("about", Shape.items),
        ("note", Shape.text),
        *_STATUS,
    ),
    "fact": (
        ("id", Shape.plain),
        ("category", Shape.plain),
        ("code", Shape.flag),
        ("subjects", Shape.items),
        ("date", Shape.date),
        ("text", Shape.text),
        ("topics", Shape.items),
        ("about", Shape.items),
        ("note", Shape.text),
        *_STATUS,
    ),
}

# Specs that may list several sizes of one model line (DeepSeek-Coder's 1B … 33B).
SIZED_SPECS = frozenset({"total_params", "active_params"})
# Specs whose several values are named by their case: R1's input price on a cache hit or miss.
CASES: dict[str, tuple[str, ...]] = {"api_price_input": ("cache-hit", "cache-miss")}
TEXT_SPECS = tuple(s.field for s in SPECS if s.field not in QUANTITY_SPECS)


def kind_of(keys: set[str]) -> str | None:
    """The kind whose fields hold all of `keys` (the fewest fields, if several); None if none."""
    fitting = [kind for kind, fields in FIELDS.items() if keys <= {f for f, _ in fields} | _ALWAYS]
    return min(fitting, key=lambda k: len(FIELDS[k]), default=None)


# Fields every record may have besides its kind's (its citations, and the nested detail).
_ALWAYS = frozenset({"sources"}) | NESTED
