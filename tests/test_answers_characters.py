"""Chinese questions whose pairs of characters miss the words of the sources, answered by the
passage holding their characters (search/characters.py)."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        # 不 cuts 赚不赚钱 into pairs no passage holds; 赚, 钱, 利, 润 are in one fact.
        ("ds 赚不赚钱，利润有吗", "deepseek-profitable", "有利润"),
        # 冠以 … 之称: the characters of the nickname's sentence, not a pair of the question's.
        ("DeepSeek 被冠以什么之称", "deepseek-pinduoduo-of-ai", "拼多多"),
    ],
)
def test_a_passage_is_found_by_the_characters_of_a_chinese_question(
    query: str, record: str, said: str
) -> None:
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == record
    assert said in str(found["value"]["zh"])


@pytest.mark.parametrize("query", ["Kimi 赚不赚钱，利润有吗", "萤火三号被冠以什么之称"])
def test_a_name_or_number_the_passage_lacks_rules_it_out(query: str) -> None:
    """Kimi is no DeepSeek, Fire-Flyer 3 no cluster the KB holds: a Latin word or a number of
    the question the passage lacks means it speaks of something else. (A guard.)"""
    assert asserted_answer(query) is None
