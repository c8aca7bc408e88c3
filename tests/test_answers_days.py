"""A day of a series asked by its number, in digits, Chinese numerals or English ordinals: the
event of that day answers when it was and what came out, and nothing else asked of it."""

from __future__ import annotations

import json

import pytest

from .conftest import run


def _answer_text(query: str) -> str | None:
    result = run("search", query, "--json")
    hits = json.loads(result.stdout) if result.code == 0 else []
    if not hits or hits[0]["match"]["how"] != "answer":
        return None
    return json.dumps(hits[0]["match"]["answer"], ensure_ascii=False)


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
    said = _answer_text(query)
    assert said is not None and value in said, said


@pytest.mark.parametrize("query", ["open source week day 2 license", "open source week day 9"])
def test_a_day_asked_for_more_than_its_release_or_a_day_there_was_not_gets_no_title(
    query: str,
) -> None:
    said = _answer_text(query)
    assert said is None or "Open-Source Week Day" not in said, said
