"""What others call a thing: the passage that gives it a name in quotation marks, "dubbed" or
被称为 (search/nicknamed.py)."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer, first_hit


@pytest.mark.parametrize(
    ("query", "record", "name"),
    [
        ("what nickname did DeepSeek get for V2's prices", "deepseek-pinduoduo-of-ai", "Pinduoduo"),
        ("ds 被叫做什么来着", "deepseek-pinduoduo-of-ai", "Pinduoduo"),
        ("幻方在量化圈被称为什么", "highflyer-quant-four-kings", "Four Heavenly Kings"),
        ("high-flyer's nickname among quant funds", "highflyer-quant-four-kings", "Four Heavenly"),
    ],
)
def test_what_a_thing_is_called_by_others_is_the_passage_naming_it(
    query: str, record: str, name: str
) -> None:
    """The statement that names it (the fact that DeepSeek was dubbed "the Pinduoduo of AI"),
    before the price-war event that says so in passing."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == record, found
    assert name in found["text"]


def test_a_nickname_no_record_gives_is_not_stated() -> None:
    """No source calls V3 anything: not stated, not V3's description."""
    assert first_hit("what's DeepSeek-V3's nickname")["match"]["how"] == "not-stated"


def test_a_name_given_in_the_question_asks_who_bears_it_not_what_it_is() -> None:
    """ "known as the father of" gives a name and asks who: no nickname is asserted."""
    found = asserted_answer("who is known as the father of deepseek")
    assert found is None or found["id"] != "deepseek-pinduoduo-of-ai"
