"""index/build.py: what the build writes for each record is the record's own JSON form."""

from __future__ import annotations

import json

import pytest

from deepseek_kb.analysis.text import name_head, normalize
from deepseek_kb.citations import linked
from deepseek_kb.index.store import cited_sources
from deepseek_kb.loader.records import load_kb
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


@pytest.mark.parametrize(
    "query", ["deepseek v3 发布了吗", "梁文锋", "who is liang", "", "fire flyer 2"]
)
def test_the_names_a_query_may_hold_are_those_whose_head_it_holds(query: str) -> None:
    """SQLite picks a kind's names by the head kept beside each (a name without letters or
    digits has the empty head, in every query), in the order every name of the kind comes."""
    index = index_for(resolve())
    norm = normalize(query)
    for kind in ("model", "person", "organization", "topic"):
        every = index.names(kind)
        assert index.names_in(kind, norm) == [n for n in every if name_head(n.name) in norm]
    assert name_head("DeepSeek-V3") == "deepseek" and name_head("梁文锋") == "梁"
    assert name_head("·") == "" and name_head("Ｖ３") == "v3"
