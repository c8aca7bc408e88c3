"""Build the search index from the YAML: records, search texts, vocabulary and pinyin.

Run only when the index is missing or stale; it imports the loader (YAML, pydantic) and the
pinyin tables, none of which a lookup needs.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
from collections import Counter, deque
from collections.abc import Iterator
from typing import Any

from deepseek_kb import __version__
from deepseek_kb.formatting import SPEC_FIELDS, Record, format_quantity, number
from deepseek_kb.index import INDEXES, MAIN, NAME, RELATED, SCHEMA, SIDE
from deepseek_kb.locate import Layout
from deepseek_kb.tokens import has_han, normalize, split_tokens


def build(layout: Layout, key: str, target: str) -> sqlite3.Connection:
    """Load and validate the YAML, then write records, search texts and lookup tables."""
    from deepseek_kb.loader import iter_records

    conn = sqlite3.connect(target)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        with conn:
            for ord_, loaded in enumerate(iter_records(layout)):
                record = loaded.record
                sort = getattr(record, "date", "") if loaded.type == "event" else ""
                conn.execute(
                    "INSERT OR REPLACE INTO records (id, type, ord, sort, layer, file, line, json)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        record.id,
                        loaded.type,
                        ord_,
                        sort,
                        loaded.file.layer,
                        loaded.file.display,
                        loaded.line,
                        record.model_dump_json(exclude_none=True),
                    ),
                )
            _build_search_tables(conn)
            count = conn.execute("SELECT count(*) FROM records").fetchone()[0]
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("fingerprint", key),
                    ("count", str(count)),
                    ("version", __version__),
                    ("folders", json.dumps([str(f) for f in layout.folders])),
                ],
            )
        conn.executescript(INDEXES)
        return conn
    except BaseException:
        conn.close()
        raise


# Above this many records the search texts are prepared by worker processes, one per core
# (at most four): on a 2-core machine that takes a 100,000-record first run from about 20 s
# to about 14 s. Below it, starting the workers would cost more than it saves.
PARALLEL_MIN_RECORDS = 20000
CHUNK = 2000
_Prepared = tuple[
    list[tuple[int, str, str]],
    list[tuple[int, str]],
    list[tuple[str, str, str]],
    Counter[str],
    set[str],
]
_labels: dict[str, list[str]] = {}


def _build_search_tables(conn: sqlite3.Connection) -> None:
    labels: dict[str, list[str]] = {}
    for rid, text in conn.execute(
        "SELECT id, json FROM records WHERE type IN ('person', 'organization', 'model', 'topic')"
    ):
        record = json.loads(text)
        labels[rid] = [record["name"]["zh"], record["name"]["en"]]
    vocab: Counter[str] = Counter()
    han_words: set[str] = set()
    reader = conn.cursor()
    reader.execute("SELECT rowid, type, json FROM records")
    chunks = iter(lambda: reader.fetchmany(CHUNK), [])
    (count,) = conn.execute("SELECT count(*) FROM records").fetchone()
    workers = min(4, os.cpu_count() or 1) if count >= PARALLEL_MIN_RECORDS else 1
    for fts_rows, doc_rows, name_rows, words, pieces in _prepare_all(chunks, labels, workers):
        conn.executemany("INSERT INTO fts (rowid, names, body) VALUES (?, ?, ?)", fts_rows)
        conn.executemany("INSERT INTO docs (rowid, fields) VALUES (?, ?)", doc_rows)
        conn.executemany("INSERT INTO names VALUES (?, ?, ?)", name_rows)
        vocab.update(words)
        han_words.update(pieces)
    conn.executemany("INSERT INTO vocab VALUES (?, ?)", sorted(vocab.items()))
    conn.executemany("INSERT INTO pinyin VALUES (?, ?, ?)", _pinyin_rows(han_words, conn))


def _prepare_all(
    chunks: Iterator[list[tuple[int, str, str]]], labels: dict[str, list[str]], workers: int
) -> Iterator[_Prepared]:
    """Prepared chunks in order: here, or in a pool that keeps only a few chunks in flight."""
    if workers <= 1:
        _set_labels(labels)
        yield from map(_prepare, chunks)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_set_labels, initargs=(labels,)) as pool:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_prepare, (chunk,)))
            if len(pending) > 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _set_labels(labels: dict[str, list[str]]) -> None:
    global _labels
    _labels = labels


def _prepare(rows: list[tuple[int, str, str]]) -> _Prepared:
    """Search rows for a chunk of records: full-text tokens, scored fields, names, vocabulary."""
    fts_rows: list[tuple[int, str, str]] = []
    doc_rows: list[tuple[int, str]] = []
    name_rows: list[tuple[str, str, str]] = []
    vocab: Counter[str] = Counter()
    han_words: set[str] = set()
    for rowid, rtype, text in rows:
        record = json.loads(text)
        stored, name_tokens, body_tokens, words, pieces = _scored(
            search_fields(rtype, record, _labels)
        )
        fts_rows.append((rowid, " ".join(name_tokens), " ".join(body_tokens)))
        doc_rows.append((rowid, json.dumps(stored, ensure_ascii=False, separators=(",", ":"))))
        vocab.update({w for w in words if w[0].isalpha()})
        han_words.update(p for p in pieces if len(p) == 2)
        if rtype in ("person", "organization", "model", "topic"):
            names = [record["name"]["zh"], record["name"]["en"], *record.get("aliases", [])]
            name_rows.extend((record["id"], rtype, n) for n in dict.fromkeys(names))
    return fts_rows, doc_rows, name_rows, vocab, han_words


def _scored(
    fields: list[tuple[str, str, float]],
) -> tuple[list[list[Any]], list[str], list[str], set[str], set[str]]:
    """Each field with what scoring needs precomputed, and the record's full-text tokens.

    A stored field is [field, text, weight, normalised text (null when the same), sorted
    words]. Also returned: the tokens of the name fields and of all others, and the record's
    distinct words and Han pieces (for the vocabulary and the pinyin table).
    """
    stored: list[list[Any]] = []
    name_tokens: list[str] = []
    body_tokens: list[str] = []
    all_words: set[str] = set()
    all_pieces: set[str] = set()
    for label, text, weight in fields:
        norm = normalize(text)
        words, pieces = split_tokens(norm)
        target = name_tokens if weight == NAME else body_tokens
        target.extend(words)
        target.extend(pieces)
        all_words.update(words)
        all_pieces.update(pieces)
        stored.append([label, text, weight, None if norm == text else norm, sorted(set(words))])
    return stored, name_tokens, body_tokens, all_words, all_pieces


def _pinyin_rows(han_words: set[str], conn: sqlite3.Connection) -> Iterator[tuple[str, str, str]]:
    """Toneless pinyin for every two-character piece, and full and initial forms for names."""
    from pypinyin import lazy_pinyin

    cache: dict[str, str] = {}

    def syllable(char: str) -> str:
        if char not in cache:
            cache[char] = lazy_pinyin(char)[0]
        return cache[char]

    chars: set[str] = set()
    for word in sorted(han_words):
        chars.update(word)
        yield "".join(syllable(c) for c in word), word, "piece"
    for char in sorted(chars):
        yield syllable(char), char, "char"
    for (name,) in conn.execute("SELECT DISTINCT name FROM names"):
        if not has_han(name) or len(name) > 12:
            continue
        syllables = [s for s in lazy_pinyin(name) if s.isascii() and s.isalpha()]
        if syllables:
            yield "".join(syllables).lower(), name, "name"
            yield "".join(s[0] for s in syllables).lower(), name, "initials"


def search_fields(
    record_type: str, record: Record, labels: dict[str, list[str]]
) -> list[tuple[str, str, float]]:
    """The texts a record can be found by: (field, text, weight), names first."""
    out: list[tuple[str, str, float]] = []

    def text(label: str, value: Any, weight: float) -> None:
        if isinstance(value, dict) and "zh" in value:
            out.append((f"{label}.zh", str(value["zh"]), weight))
            if value["en"] != value["zh"]:
                out.append((f"{label}.en", str(value["en"]), weight))
        elif isinstance(value, str) and value:
            out.append((label, value, weight))

    def superseded(label: str, items: list[Record]) -> None:
        for i, item in enumerate(items):
            text(f"{label}.superseded[{i}].value", format_both(item["value"]), SIDE)
            text(f"{label}.superseded[{i}].reason", item["reason"], SIDE)

    text("name", record.get("name"), NAME)
    for i, alias in enumerate(record.get("aliases", [])):
        text(f"aliases[{i}]", alias, NAME)
    if record_type in ("person", "organization", "model", "topic"):
        text("id", record["id"].replace("-", " "), NAME)
    for key in ("title", "text"):
        text(key, record.get(key), MAIN)
    for key in ("summary", "role", "context", "description", "location", "note"):
        text(key, record.get(key), SIDE if key in ("note", "location") else MAIN)
    for i, item in enumerate(record.get("bio", [])):
        text(f"bio[{i}]", item, MAIN)
    for key in ("publisher", "url", "repo", "path", "date", "family"):
        text(key, record.get(key), SIDE)
    for i, figure in enumerate(record.get("figures", [])):
        text(f"figures[{i}]", _figure_text(figure), SIDE)
    superseded("", record.get("superseded", []))
    if record.get("released"):
        text("released", record["released"]["date"], SIDE)
        superseded("released", record["released"].get("superseded", []))
    for name, spec in (record.get("specs") or {}).items():
        _, zh_label, en_label = SPEC_FIELDS.get(name, ("", name, name))
        value = format_both(spec["value"])
        if isinstance(value, dict):
            value = {"zh": f"{zh_label} {value['zh']}", "en": f"{en_label} {value['en']}"}
        else:
            value = {"zh": f"{zh_label} {value}", "en": f"{en_label} {value}"}
        text(f"specs.{name}", value, SIDE)
        superseded(f"specs.{name}", spec.get("superseded", []))
    for i, claim in enumerate(record.get("claims", [])):
        text(f"claims[{i}]", claim["text"], SIDE)
        for j, figure in enumerate(claim.get("figures", [])):
            text(f"claims[{i}].figures[{j}]", _figure_text(figure), SIDE)
        superseded(f"claims[{i}]", claim.get("superseded", []))
    for i, repo in enumerate(record.get("huggingface", [])):
        text(f"huggingface[{i}]", repo["repo"], SIDE)
    for key in ("speaker", "variant_of", "parent"):
        for label in labels.get(record.get(key) or "", []):
            text(key, label, RELATED)
    for key in ("topics", "about", "affiliations"):
        for target in record.get(key, []):
            for label in labels.get(target, []):
                text(key, label, RELATED)
    return out


def format_both(value: Any) -> Record | str:
    """A spec value as bilingual text, quantities in both their written and their short form."""
    if isinstance(value, dict) and "unit" in value:
        zh = format_quantity(value, lang="zh")
        en = format_quantity(value, lang="en")
        return {"zh": zh, "en": f"{en} ({number(value['value'])} {value['unit']})"}
    return value  # type: ignore[no-any-return]


def _figure_text(figure: Record) -> Record:
    value = format_both(figure["value"])
    assert isinstance(value, dict)
    return {
        "zh": f"{figure['label']['zh']} {value['zh']}",
        "en": f"{figure['label']['en']} {value['en']}",
    }
