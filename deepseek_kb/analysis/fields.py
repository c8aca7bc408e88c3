"""What the index stores for each record so search can score it: its texts and their weights.

The builder writes these fields once per record; the scorer reads them back for every
candidate. Both go through `StoredField`, so they agree on what a field holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from deepseek_kb.analysis.text import normalize, split_tokens
from deepseek_kb.kinds import BY_NAME, NAMED, SPEC_BY_FIELD
from deepseek_kb.values import format_quantity, number

if TYPE_CHECKING:
    from deepseek_kb.rows import Row

# Field weights: names outrank main texts, which outrank side texts and the names of linked records.
NAME, MAIN, SIDE, RELATED, FOCUSED = 1.0, 0.95, 0.85, 0.7, 0.75


class StoredField(NamedTuple):
    """One searchable text of a record, with what scoring needs precomputed."""

    field: str
    text: str
    weight: float
    normalized: str | None  # None when the same as `text`
    words: list[str]  # the distinct Latin words and numbers, sorted


class Prepared(NamedTuple):
    """A record's stored fields and its full-text tokens, words and Han pieces."""

    fields: list[StoredField]
    name_tokens: list[str]
    body_tokens: list[str]
    words: set[str]
    pieces: set[str]


# A text's normalised form, its Latin words and numbers, and its Han pieces.
Analysed = tuple[str, list[str], list[str]]
_NOTHING_KNOWN: Mapping[str, Analysed] = {}


def analyse(text: str) -> Analysed:
    """What `prepare` cuts a text into."""
    norm = normalize(text)
    words, pieces = split_tokens(norm)
    return norm, words, pieces


def prepare(
    fields: list[tuple[str, str, float]], known: Mapping[str, Analysed] = _NOTHING_KNOWN
) -> Prepared:
    """Each field with what scoring needs precomputed, and the record's full-text tokens.

    `known` holds texts already analysed (the builder's names of linked records, which recur
    in every record that links to them); their lists are read, never changed."""
    stored: list[StoredField] = []
    name_tokens: list[str] = []
    body_tokens: list[str] = []
    all_words: set[str] = set()
    all_pieces: set[str] = set()
    for label, text, weight in fields:
        found = known.get(text)
        norm, words, pieces = found if found is not None else analyse(text)
        target = name_tokens if weight == NAME else body_tokens
        target.extend(words)
        target.extend(pieces)
        all_words.update(words)
        all_pieces.update(pieces)
        stored.append(
            StoredField(label, text, weight, None if norm == text else norm, sorted(set(words)))
        )
    return Prepared(stored, name_tokens, body_tokens, all_words, all_pieces)


# (key, weight) of the plain texts, in the order they are stored (earlier wins a tie).
_TEXTS = (
    ("title", MAIN),
    ("text", MAIN),
    ("summary", MAIN),
    ("role", MAIN),
    ("context", MAIN),
    ("description", MAIN),
    ("definition", MAIN),
    ("purpose", MAIN),
    ("location", SIDE),
    ("note", SIDE),
)
_SIDE_NAMES = ("publisher", "url", "repo", "path", "date", "family")


class _Collector:
    """Gathers a record's searchable texts in order: (field, text, weight)."""

    def __init__(self) -> None:
        self.out: list[tuple[str, str, float]] = []

    def text(self, label: str, value: Any, weight: float) -> None:
        if isinstance(value, dict) and "zh" in value:
            self.out.append((f"{label}.zh", str(value["zh"]), weight))
            if value["en"] != value["zh"]:
                self.out.append((f"{label}.en", str(value["en"]), weight))
        elif isinstance(value, str) and value:
            self.out.append((label, value, weight))

    def superseded(self, label: str, items: list[Row]) -> None:
        for i, item in enumerate(items):
            self.text(f"{label}.superseded[{i}].value", format_both(item["value"]), SIDE)
            self.text(f"{label}.superseded[{i}].reason", item["reason"], SIDE)

    def names(self, kind: str, record: Row) -> None:
        self.text("name", record.get("name"), NAME)
        for i, alias in enumerate(record.get("aliases", [])):
            self.text(f"aliases[{i}]", alias, NAME)
        if kind in NAMED:
            self.text("id", record["id"].replace("-", " "), NAME)

    def texts(self, record: Row) -> None:
        for key, weight in _TEXTS:
            if value := record.get(key):  # most records hold two or three of these
                self.text(key, value, weight)
        for i, item in enumerate(record.get("bio", [])):
            self.text(f"bio[{i}]", item, MAIN)
        for key in _SIDE_NAMES:
            if value := record.get(key):
                self.text(key, value, SIDE)
        for i, figure in enumerate(record.get("figures", [])):
            self.text(f"figures[{i}]", _figure_text(figure), SIDE)
        self.superseded("", record.get("superseded", []))
        if record.get("released"):
            self.text("released", record["released"]["date"], SIDE)
            self.superseded("released", record["released"].get("superseded", []))

    def specs(self, record: Row) -> None:
        for name, spec in (record.get("specs") or {}).items():
            info = SPEC_BY_FIELD.get(name)
            zh_label, en_label = (info.zh, info.en) if info else (name, name)
            value = format_both(spec["value"])
            if isinstance(value, dict):
                value = {"zh": f"{zh_label} {value['zh']}", "en": f"{en_label} {value['en']}"}
            else:
                value = {"zh": f"{zh_label} {value}", "en": f"{en_label} {value}"}
            self.text(f"specs.{name}", value, SIDE)
            self.superseded(f"specs.{name}", spec.get("superseded", []))
        for i, claim in enumerate(record.get("claims", [])):
            self.text(f"claims[{i}]", claim["text"], SIDE)
            for j, figure in enumerate(claim.get("figures", [])):
                self.text(f"claims[{i}].figures[{j}]", _figure_text(figure), SIDE)
            self.superseded(f"claims[{i}]", claim.get("superseded", []))
        for i, repo in enumerate(record.get("huggingface", [])):
            self.text(f"huggingface[{i}]", repo["repo"], SIDE)

    def links(self, kind: str, record: Row, labels: dict[str, list[str]]) -> None:
        """The names of the records this one links to (speaker, topics, about …)."""
        for link in BY_NAME[kind].links:
            value = record.get(link.field)
            targets = (value or []) if link.many else [value or ""]
            # A record filed under one topic alone is more squarely about it than one filed
            # under five (我们不会闭源 before other quotes touching on open source).
            weight = FOCUSED if link.filed and len(targets) == 1 else RELATED
            for target in targets:
                for label in labels.get(target, []):
                    self.text(link.field, label, weight)


def search_fields(
    record_type: str, record: Row, labels: dict[str, list[str]]
) -> list[tuple[str, str, float]]:
    """The texts a record can be found by: (field, text, weight), names first."""
    fields = _Collector()
    fields.names(record_type, record)
    fields.texts(record)
    fields.specs(record)
    fields.links(record_type, record, labels)
    return fields.out


def format_both(value: Any) -> Row | str:
    """A spec value as bilingual text, quantities in their short, written and base forms."""
    if isinstance(value, list):
        parts = [format_both(v) for v in value]
        return {
            "zh": "、".join(p["zh"] if isinstance(p, dict) else p for p in parts),
            "en": ", ".join(p["en"] if isinstance(p, dict) else p for p in parts),
        }
    if isinstance(value, dict) and "unit" in value:
        zh = format_quantity(value, lang="zh")
        en = format_quantity(value, lang="en")
        written = f"{value['text']}, " if value.get("text") else ""
        return {"zh": zh, "en": f"{en} ({written}{number(value['value'])} {value['unit']})"}
    return value  # type: ignore[no-any-return]


def _figure_text(figure: Row) -> Row:
    value = format_both(figure["value"])
    assert isinstance(value, dict)
    return {
        "zh": f"{figure['label']['zh']} {value['zh']}",
        "en": f"{figure['label']['en']} {value['en']}",
    }
