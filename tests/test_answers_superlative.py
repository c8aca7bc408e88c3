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
