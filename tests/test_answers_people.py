"""Questions about people: who someone is, asked in formal or informal words."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("Karpathy 什么背景", "andrej-karpathy"),
        ("罗福莉啥来头", "luo-fuli"),
        ("Jia Yangqing 是干啥的", "jia-yangqing"),
    ],
)
def test_who_someone_is_asked_in_informal_words(query: str, person: str) -> None:
    """背景 (background), 来头 (where they come from), 干啥的 (what they do) ask who they are."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == person, found
    assert found["asked"] == "identity"
