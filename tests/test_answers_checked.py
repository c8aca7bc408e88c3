"""A sentence checked before print ("my draft says …, is that right?", "稿子里我写了 …，这个数对吗")
asks for the true value of what it speaks of: the figure the sentence claims, right or wrong, is
no word the answer must repeat (search/checking.py)."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("query", "record", "asked", "text"),
    [
        # The article's 2.1B is a misprint: the answer is the official 21B.
        (
            "我稿子里写的是 V2 每个 token 激活 2.1B 参数，这个数对吗",
            "deepseek-v2",
            "active_params",
            "21B",
        ),
        (
            "my draft says V2 wakes up 2.1B parameters per token. is that right?",
            "deepseek-v2",
            "active_params",
            "21B",
        ),
        # A claim that is right is answered the same way.
        (
            "初稿说 V3 每个 token 动用的参数是 37B，这个数没写错吧",
            "deepseek-v3",
            "active_params",
            "37B",
        ),
    ],
)
def test_a_checked_sentence_is_answered_by_the_true_value(
    query: str, record: str, asked: str, text: str
) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and found["asked"] == asked, found
    assert text in found["text"], found


def test_a_date_a_draft_gets_wrong_is_answered_by_the_date_of_the_sources() -> None:
    found = asserted_answer("我这篇稿子说 DeepSeek-R1 是 2024 年 11 月 20 日发布的，这个日期靠谱吗")
    assert found is not None and found["id"] == "deepseek-r1", found
    assert "2025-01-20" in found["text"], found


@pytest.mark.parametrize(
    ("query", "record", "text"),
    [
        # A clause telling what someone stated, beside the clause that asks: the claim's figure
        # and who stated it ask nothing; what it speaks of (出的: came out) still does.
        (
            "一篇报道说 R1 是 2024 年 11 月 20 日出的，官方仓库对应的日子是哪天",
            "deepseek-r1",
            "2025-01-20",
        ),
        (
            "A blog post puts V3's training run at $6 million. What figure does the technical "
            "report give for the cost?",
            "deepseek-v3",
            "$5.576M",
        ),
        (
            "核一下：V3 一共用了多少 H800 GPU hours？网上的说法是“不到 300 万”",
            "deepseek-v3",
            "2.788M",
        ),
    ],
)
def test_a_claim_stated_beside_the_question_asks_nothing(
    query: str, record: str, text: str
) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found
    assert text in found["text"], found
