"""index/build.py: what the build writes for each record is the record's own JSON form."""

from __future__ import annotations

import json

import pytest

from deepseek_kb.citations import linked
from deepseek_kb.index.store import cited_sources
from deepseek_kb.loader.records import load_kb


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
