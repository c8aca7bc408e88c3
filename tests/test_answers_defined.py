"""A term named beside the model it is used in, asked what it is: its definition, not the
model's field of the same name (search/defined.py)."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("what are shared experts in DeepSeek-V3", "shared-experts"),
        ("routed experts 在 DeepSeekMoE 里是啥", "routed-experts"),
        ("wtf is MTP in V3", "mtp"),
    ],
)
def test_a_term_asked_what_it_is_beside_a_model_is_defined(query: str, term: str) -> None:
    """ "What are shared experts in V3" asks what they are, not how many V3 has (1 expert)."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == term
    assert found["asked"] == "identity", found


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ("how many shared experts does DeepSeek-V3 have", "shared_experts"),
        ("DeepSeek-V3 激活参数", "active_params"),
    ],
)
def test_the_model_s_field_is_still_answered_when_no_definition_is_asked(
    query: str, asked: str
) -> None:
    """How many, or a field's words alone (the term "activated parameters" is also V3's field):
    the model's value. (A guard: answered so with or without definitions beside a model.)"""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == "deepseek-v3"
    assert found["asked"] == asked, found
