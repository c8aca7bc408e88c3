"""A day of a series asked by its number, in digits, Chinese numerals or English ordinals: the
event of that day answers when it was and what came out, and nothing else asked of it."""

from __future__ import annotations

import json

import pytest

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("开源周第二天开源了什么", "DeepEP"),
        ("Open-Source Week day 1 release", "FlashMLA"),
        ("what came out on the fifth day of open-source week", "3FS"),
        ("what was on the last day of open source week", "Inference System"),
        ("开源周第三天是哪天", "2025-02-26"),
        ("when was day 4 of open source week", "2025-02-27"),
    ],
)
def test_a_day_of_open_source_week_is_its_event(query: str, value: str) -> None:
    found = asserted_answer(query)
    assert found is not None and value in found["text"], found


@pytest.mark.parametrize("query", ["open source week day 2 license", "open source week day 9"])
def test_a_day_asked_for_more_than_its_release_or_a_day_there_was_not_gets_no_title(
    query: str,
) -> None:
    found = asserted_answer(query)
    assert found is None or "Open-Source Week Day" not in json.dumps(found), found
