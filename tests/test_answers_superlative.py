"""A model named by its place in its family ("the smallest R1 distill", "VL2 家族里最大的那个")
is the member with the fewest or the most parameters; a superlative that qualifies a field
("the largest context") names no member (search/superlative.py)."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("query", "record", "text"),
    [
        (
            "the smallest r1 distill was fine-tuned from which model",
            "deepseek-r1-distill-qwen-1.5b",
            "Qwen2.5-Math-1.5B",
        ),
        (
            "R1 最大的蒸馏模型是从哪个模型起步的",
            "deepseek-r1-distill-llama-70b",
            "Llama-3.3-70B-Instruct",
        ),
        ("VL2 家族里最小的那个总参数多少", "deepseek-vl2-tiny", "3.37B"),
    ],
)
def test_a_superlative_names_the_member_of_the_family(query: str, record: str, text: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found
    assert text in found["text"], found


def test_a_superlative_of_a_field_asks_the_model_named() -> None:
    found = asserted_answer("what's the largest context v3 takes")
    assert found is not None and found["id"] == "deepseek-v3" and found["asked"] == "context_length"


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        ("VL2 家族里中间那个 Small 版本，总参数一共多少？", "deepseek-vl2-small", "16.1B"),
        ("VL2 的 tiny 版本激活参数多少", "deepseek-vl2-tiny", "1B"),
    ],
)
def test_a_version_named_by_the_word_its_name_adds_is_that_variant(
    query: str, record: str, said: str
) -> None:
    """The Small version of VL2 is DeepSeek-VL2-Small, not VL2's own 27.5B."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and found["text"] == said, found


def test_the_word_of_another_name_names_no_variant() -> None:
    """SWE-Bench Lite is a benchmark: the question stays DeepSeek-Coder-V2's, not its Lite's."""
    found = asserted_answer(
        "DeepSeek-Coder-V2 是第一个在 SWE-Bench Lite 上跨过哪条分数线的 open-source model？"
    )
    assert found is not None and found["id"] == "deepseek-coder-v2", found


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        ("the small deepseek vl, how big is it?", "deepseek-vl-1.3b", "1.3B"),
        # A model without kin: the size only describes it.
        (
            "For the small DeepSeek-V2-Lite, how many of its parameters actually light up per "
            "token?",
            "deepseek-v2-lite",
            "2.4B",
        ),
    ],
)
def test_a_size_said_of_the_name_is_the_smaller_or_larger_of_its_family(
    query: str, record: str, said: str
) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and found["text"] == said, found


@pytest.mark.parametrize(
    ("query", "record"),
    [
        ("第二代 ocr 模型 啥时候 release 的", "deepseek-ocr-2"),
        ("when was the second gen of deepseek vl released", "deepseek-vl2"),
        ("second generation deepseek coder context length", "deepseek-coder-v2"),
        ("幻方第二代算力集群，大概搭了多少张显卡？", "fire-flyer-2"),
    ],
)
def test_a_generation_named_is_the_family_model_numbered_so(query: str, record: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found


def test_a_generation_no_model_has_is_not_answered() -> None:
    """There is no second-generation R1: nothing asserted, not R1's own date."""
    assert asserted_answer("deepseek 第二代 r1 什么时候出") is None


def test_the_smaller_of_the_two_is_a_member_whatever_follows() -> None:
    """ "the smaller of the two DeepSeek-VL sizes": sizes is the field, the smaller the member."""
    found = asserted_answer("what's the smaller of the two DeepSeek-VL sizes")
    assert found is not None and found["id"] == "deepseek-vl-1.3b" and found["text"] == "1.3B"
