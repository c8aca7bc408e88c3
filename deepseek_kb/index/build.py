"""Build the search index from the YAML: records, search texts, vocabulary and pinyin.

Run only when the index is missing or stale; it imports the loader (YAML, pydantic) and the
pinyin tables, none of which a lookup needs.
"""

from __future__ import annotations

import contextlib
import gc
import json
import multiprocessing
import os
import signal
import sqlite3
import threading
import time
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from deepseek_kb import __version__
from deepseek_kb.analysis.fields import Analysed, analyse, prepare, search_fields
from deepseek_kb.analysis.text import has_han, name_head
from deepseek_kb.citations import PROVENANCE, bare, linked
from deepseek_kb.index.tables import INDEXES, SCHEMA
from deepseek_kb.kinds import BY_NAME, NAMED, source_tier
from deepseek_kb.paths import Layout
from deepseek_kb.progress import Report, Stage, quiet

if TYPE_CHECKING:
    from deepseek_kb.loader.records import Loaded

# The loader's `iter_records`, imported only when a build runs.
_Records = Callable[[Layout], Iterator["Loaded"]]


def build(layout: Layout, key: str, target: str, report: Report = quiet) -> sqlite3.Connection:
    """Load and validate the YAML, then write records, search texts and lookup tables."""
    from deepseek_kb.loader.records import iter_records

    conn = sqlite3.connect(target)
    try:
        with _few_collections():
            return _fill(conn, layout, key, report, iter_records)
    except BaseException:
        conn.close()
        raise


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """The cycle collector run seldom while a build runs, and never over what was there before.

    A build makes millions of short-lived dicts and lists (no cycles among them: reference
    counting frees them) and keeps some hundred thousand. At the default thresholds the
    collector walks everything kept again and again: a fifth of a 100,000-record build.
    """
    before = gc.get_threshold()
    gc.freeze()  # the modules and objects loaded so far are never garbage
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _fill(
    conn: sqlite3.Connection, layout: Layout, key: str, report: Report, records: _Records
) -> sqlite3.Connection:
    """The build's work on a fresh database."""
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    # The full-text index holds this much in memory before it writes a segment: fewer, larger
    # segments, merged less often (at 100,000 records 8 MiB costs ~13 MiB more at the peak
    # and a third less time inserting than the default 1 MiB).
    conn.execute("INSERT INTO fts (fts, rank) VALUES ('hashsize', ?)", (FTS_HASH_BYTES,))
    with conn:
        _write_records(conn, records(layout), report)
        _build_search_tables(conn, report)
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


def _write_records(conn: sqlite3.Connection, records: Iterator[Loaded], report: Report) -> None:
    """Every record's row, with the links and tiers of its sources."""
    sources: dict[str, dict[str, Any]] = {}
    late_source = False
    file, shown = None, ""
    pending: list[tuple[Any, ...]] = []  # rows written a few hundred at a time
    for ord_, loaded in enumerate(records):
        if ord_ % REPORT_EVERY == 0:
            report(Stage.reading, ord_, 0)
        record = loaded.record
        data = record.model_dump(mode="json", exclude_none=True)
        if loaded.file is not file:  # records come file by file: its name once
            file, shown = loaded.file, loaded.file.display
        if loaded.type == "source":
            late_source = late_source or ord_ > len(sources)
            sources[record.id] = data
        sort_field = BY_NAME[loaded.type].sort
        row = _Row(
            record.id,
            loaded.type,
            ord_,
            getattr(record, sort_field) if sort_field else "",
            loaded.file.layer,
            shown,
            loaded.line,
        )
        pending.append(_record_row(row, data, sources))
        if len(pending) >= REPORT_EVERY:
            conn.executemany(_INSERT, pending)
            pending.clear()
    conn.executemany(_INSERT, pending)
    if late_source:  # an overlay replaced a source after records citing it were written
        _relink(conn, sources)


# json.dumps(…, ensure_ascii=False, separators=(",", ":")) without a new encoder per call, and
# without the check for a list or dict inside itself (what is written is read from JSON or
# made from it: a seventh less time for the search fields).
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def checksum(text: str) -> int:
    """What a reader recomputes to know a stored text is the one written."""
    return zlib.crc32(text.encode("utf-8"))


class _Row(NamedTuple):
    """Where a record goes in the records table, besides its JSON."""

    id: str
    type: str
    ord: int
    sort: str
    layer: int
    file: str
    line: int


_INSERT = (
    "INSERT OR REPLACE INTO records (id, type, ord, sort, layer, file, line, tiers, json, crc)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _record_row(
    row: _Row, data: dict[str, Any], sources: dict[str, dict[str, Any]]
) -> tuple[Any, ...]:
    """A record with a URL on each citation and its provenance (the tiers of its sources)."""
    cited: set[str] = set()
    derived = linked(data, sources, cited)
    tiers = _tiers(row, data, cited, sources)
    derived[PROVENANCE] = tiers.split(",") if tiers else []
    text = _compact(derived)
    return (*row, tiers, text, checksum(text))


def _tiers(
    row: _Row, data: dict[str, Any], cited: set[str], sources: dict[str, dict[str, Any]]
) -> str:
    """Where a record's facts come from: the tiers of every source it cites, anywhere in it
    (`cited`, as `linked` found them)."""
    found = [data] if row.type == "source" else [sources.get(s) for s in cited]
    tiers = {source_tier(s["kind"], s.get("repo")).value for s in found if s}
    return ",".join(sorted(tiers))


def _relink(conn: sqlite3.Connection, sources: dict[str, dict[str, Any]]) -> None:
    """Links and tiers again for every record, from the final set of sources."""
    rows = conn.execute(
        "SELECT id, type, ord, sort, layer, file, line, json FROM records"
    ).fetchall()
    conn.executemany(
        _INSERT,
        [_record_row(_Row(*fields), bare(json.loads(text)), sources) for *fields, text in rows],
    )


# Above this many records the search texts are prepared by worker processes, one per core
# (at most four): on a 2-core machine that takes a 100,000-record first run from about 20 s
# to about 14 s. Below it, starting the workers would cost more than it saves.
PARALLEL_MIN_RECORDS = 20000
CHUNK = 2000
FTS_HASH_BYTES = 8 << 20
# Records read between two progress reports.
REPORT_EVERY = 500
_Prepared = tuple[
    list[tuple[int, str, str]],
    list[tuple[int, str, int]],
    list[tuple[str, str, str, str]],
    Counter[str],
    set[str],
]
_labels: dict[str, list[str]] = {}
# The names in `_labels` already analysed: every record linking to a thing repeats its names.
_known: dict[str, Analysed] = {}


def _build_search_tables(conn: sqlite3.Connection, report: Report) -> None:
    labels: dict[str, list[str]] = {}
    marks = ",".join("?" * len(NAMED))
    for rid, text in conn.execute(
        f"SELECT id, json FROM records WHERE type IN ({marks})", tuple(NAMED)
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
    done = 0
    report(Stage.indexing, done, count)
    for fts_rows, doc_rows, name_rows, words, pieces in _prepare_all(chunks, labels, workers):
        done += len(fts_rows)
        report(Stage.indexing, done, count)
        conn.executemany("INSERT INTO fts (rowid, names, body) VALUES (?, ?, ?)", fts_rows)
        conn.executemany("INSERT INTO docs (rowid, fields, crc) VALUES (?, ?, ?)", doc_rows)
        conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", name_rows)
        vocab.update(words)
        han_words.update(pieces)
    report(Stage.pinyin, 0, 0)
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
    with context.Pool(workers, initializer=_start_worker, initargs=(labels, os.getpid())) as pool:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_prepare, (chunk,)))
            if len(pending) > 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _set_labels(labels: dict[str, list[str]]) -> None:
    global _labels, _known
    _labels = labels
    _known = {text: analyse(text) for names in labels.values() for text in names}


# How often a worker looks whether the build that started it is still there.
WATCH_SECONDS = 0.2


def _start_worker(labels: dict[str, list[str]], parent: int) -> None:
    """A worker's start: its labels, and a watch that ends it as soon as its build is gone
    (killed outright, as `subprocess.run(timeout=…)` does), so no worker outlives it. The
    index lock is never inherited: `index.cache` closes it in every forked child.

    The pool ends its workers with SIGTERM, also after a build that went well: a forked worker
    must not keep the command's handler (which raises to unwind the command) or it can be
    caught holding a lock and never exit, and the build waits for it forever. Ctrl-C is the
    build's to handle."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _set_labels(labels)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="dskb-parent-watch", daemon=True).start()


def _prepare(rows: list[tuple[int, str, str]]) -> _Prepared:
    """Search rows for a chunk of records: full-text tokens, scored fields, names, vocabulary."""
    fts_rows: list[tuple[int, str, str]] = []
    doc_rows: list[tuple[int, str, int]] = []
    name_rows: list[tuple[str, str, str, str]] = []
    vocab: Counter[str] = Counter()
    pieces: set[str] = set()
    for rowid, rtype, text in rows:
        record = json.loads(text)
        prepared = prepare(search_fields(rtype, record, _labels), _known)
        fts_rows.append((rowid, " ".join(prepared.name_tokens), " ".join(prepared.body_tokens)))
        fields = _compact(prepared.fields)  # each StoredField a JSON array
        doc_rows.append((rowid, fields, checksum(fields)))
        vocab.update(prepared.words)  # a set: each word once per record
        pieces.update(prepared.pieces)
        if rtype in NAMED:
            names = [record["name"]["zh"], record["name"]["en"], *record.get("aliases", [])]
            name_rows.extend((record["id"], rtype, n, name_head(n)) for n in dict.fromkeys(names))
    for word in [w for w in vocab if not w[0].isalpha()]:  # numbers are not in the vocabulary
        del vocab[word]
    han_words = {p for p in pieces if len(p) == 2}
    return fts_rows, doc_rows, name_rows, vocab, han_words


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
