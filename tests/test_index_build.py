"""index/build.py: what the build writes for each record is the record's own JSON form."""

from __future__ import annotations

import gc
import json
import shutil
import zlib
from pathlib import Path

import pytest

from deepseek_kb.analysis.text import name_head, normalize
from deepseek_kb.citations import linked
from deepseek_kb.errors import DataError
from deepseek_kb.index.build import build
from deepseek_kb.index.store import cited_sources
from deepseek_kb.index.tables import DIGESTED, digest
from deepseek_kb.kinds import NAMES
from deepseek_kb.loader.records import load_kb
from deepseek_kb.paths import bundled_data_dir, discover
from deepseek_kb.queries.common import index_for
from deepseek_kb.settings import resolve


@pytest.mark.slow
def test_a_records_json_is_what_pydantic_writes_for_it() -> None:
    """The build takes each record's JSON form straight from the model (no text round trip):
    the same values, keys in the same order, for every bundled record."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for record in load_kb().all():
        direct = record.model_dump(mode="json", exclude_none=True)
        assert encode(direct) == record.model_dump_json(exclude_none=True)


def test_citations_are_linked_and_found_at_any_depth() -> None:
    sources = {"s1": {"id": "s1", "kind": "web-page", "url": "https://example.org/a"}}
    record = {
        "id": "x",
        "aliases": ["a", "b"],
        "text": {"zh": "中", "en": "en", "sources": [{"source": "s1"}]},
        "claims": [{"text": "t", "figures": [1, {"sources": [{"source": "s2", "line": 3}]}]}],
        "sources": [{"source": "s1", "line": 9}, "loose"],
    }
    out = linked(record, sources)
    assert out["text"]["sources"] == [{"source": "s1", "url": "https://example.org/a"}]
    assert out["claims"][0]["figures"] == [1, {"sources": [{"source": "s2", "line": 3}]}]
    assert out["sources"] == [
        {"source": "s1", "line": 9, "url": "https://example.org/a#L9"},
        "loose",
    ]
    assert out["aliases"] == ["a", "b"] and out["id"] == "x"
    assert cited_sources(record) == {"s1", "s2"}
    cited: set[str] = set()  # the build finds them in the same walk that links them
    assert linked(record, sources, cited) == out and cited == cited_sources(record)


@pytest.mark.slow
def test_a_build_leaves_the_cycle_collector_as_it_found_it(tmp_path: Path) -> None:
    """The build runs the collector seldom (`_few_collections`); after it, good or failed,
    the thresholds are the process's own again and nothing stays frozen."""
    before = gc.get_threshold()
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    layout = discover((folder,))
    build(layout, "key", ":memory:").close()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    (folder / "quotes.yaml").write_text("- id: q\n  text: 1\n", encoding="utf-8")
    with pytest.raises(DataError):
        build(layout, "key", ":memory:")
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_every_tables_checksum_is_its_values_one_by_one() -> None:
    """`digest` checks a row at once; it is the CRC-32 of each value's text and a separator,
    value by value (an fts block as its bytes), for every table of a built index."""
    index = index_for(resolve())
    for table, sql in DIGESTED.items():
        crc = 0
        for row in index.conn.execute(sql):
            for value in row:
                data = value if isinstance(value, bytes) else f"{value}\x1f".encode()
                crc = zlib.crc32(data, crc)
        assert digest(index.conn, table) == crc, table


@pytest.mark.parametrize(
    "query", ["deepseek v3 发布了吗", "梁文锋", "who is liang", "", "fire flyer 2"]
)
def test_the_names_a_query_may_hold_are_those_whose_head_it_holds(query: str) -> None:
    """SQLite picks a kind's names by the head kept beside each (a name without letters or
    digits has the empty head, in every query), in the order every name of the kind comes;
    read once per query, each kind's are the same as asked of each kind alone."""
    index = index_for(resolve())
    norm = normalize(query)
    for kind in (*NAMES, None):
        every = index.names(kind)
        assert index.names_in(kind, norm) == [n for n in every if name_head(n.name) in norm]
    assert name_head("DeepSeek-V3") == "deepseek" and name_head("梁文锋") == "梁"
    assert name_head("·") == "" and name_head("Ｖ３") == "v3"
