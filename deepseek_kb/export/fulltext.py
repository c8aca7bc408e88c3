"""Full-text search in the SQLite export that finds short Chinese words as well as long ones.

SQLite's tokenizers cannot split Chinese into words: `unicode61` reads a run of Han characters
as one token, and `trigram` needs three characters, so 创新 or 开源 (and V3, R1) found nothing.
The `words` table therefore indexes every run of Han characters as all its pieces of one to
four characters (创新能力 → 创 新 能 力 创新 新能 能力 创新能 新能力 创新能力) and the rest
of the text as `unicode61` reads it (DeepSeek-V3 → deepseek, v3). A query of Chinese words of up
to four characters each, or of Latin words, matches as typed, which is what datasette's
`?_search=` sends. The `search` table (trigram) stays for substrings of three or more
characters, whole phrases included.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from typing import Any

# Han ideographs (with the extensions people meet), and the iteration mark 々 and 〇.
_HAN = re.compile(r"[\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
LONGEST = 4  # the longest Chinese word found as typed: 深度求索, 幻方量化

RECIPE = (
    "Search `records` with ?_search= (it uses the `words` table): Chinese words of up to "
    f"{LONGEST} characters (创新, 开源, 护城河, 深度求索) and Latin words (V3, R1, MoE) match as "
    "typed; words separated by spaces must all occur. For a longer Chinese phrase, split it into "
    "words with spaces, or query the `search` table (trigram: any substring of three or more "
    "characters, e.g. ?_search=护城河是什么 on /kb/search)."
)


def pieces(run: str) -> Iterator[str]:
    """Every piece of one to `LONGEST` characters of a run of Han characters."""
    for size in range(1, min(LONGEST, len(run)) + 1):
        for start in range(len(run) - size + 1):
            yield run[start : start + size]


def words(text: str) -> str:
    """A text as the `words` table indexes it: Han runs as their pieces, the rest as it is."""
    return _HAN.sub(lambda found: " " + " ".join(pieces(found.group())) + " ", text)


def texts(value: Any, lang: str) -> Iterator[str]:
    """Every text of a record in one language (plain strings count as English)."""
    if isinstance(value, dict):
        if {"zh", "en"} <= set(value) and not isinstance(value.get("zh"), dict | list):
            yield str(value[lang])
        for key, item in value.items():
            if key not in ("sources", "url", "zh", "en"):
                yield from texts(item, lang)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item, lang)
    elif isinstance(value, str) and lang == "en":
        yield value


def create(conn: sqlite3.Connection, records: list[tuple[str, dict[str, Any]]]) -> None:
    """The `search` (trigram) and `words` tables, a row per record, rowids as in `records`."""
    rows = [
        (n, record["id"], kind, "\n".join(texts(record, "zh")), "\n".join(texts(record, "en")))
        for n, (kind, record) in enumerate(records, start=1)
    ]
    conn.execute(
        "CREATE VIRTUAL TABLE search USING fts5("
        "id UNINDEXED, kind UNINDEXED, text_zh, text_en, tokenize='trigram')"
    )
    conn.executemany(
        "INSERT INTO search (rowid, id, kind, text_zh, text_en) VALUES (?, ?, ?, ?, ?)", rows
    )
    # Contentless: it holds only the index; a hit's rowid is its row in `records`.
    conn.execute(
        "CREATE VIRTUAL TABLE words USING fts5(text_zh, text_en, tokenize='unicode61', content='')"
    )
    conn.executemany(
        "INSERT INTO words (rowid, text_zh, text_en) VALUES (?, ?, ?)",
        [(n, words(zh), words(en)) for n, _, _, zh, en in rows],
    )
