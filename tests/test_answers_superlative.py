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
