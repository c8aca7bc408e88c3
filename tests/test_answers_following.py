"""What came after (or before) a thing: the event that followed it on the timeline, the first
or the one as long after as the question says (search/following.py)."""

from __future__ import annotations

import pytest

from deepseek_kb.queries.common import index_for
from deepseek_kb.search.following import following_answer
from deepseek_kb.search.question import read
from deepseek_kb.settings import resolve

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        # what was released a week after: the release nearest that long after
        ("A week after R1, what did DeepSeek release?", "janus-pro-release", "Janus-Pro"),
        # the next model: the first model released after it
        ("what model came out after V2", "v2-lite-release", "V2-Lite"),
        ("V3.1-Terminus 之后下一个发布的模型是哪个", "deepseek-v3.2-exp-release", "V3.2-Exp"),
        # the words beside it say which event; asked when, its date
        ("DeepSeek-OCR 发布几天后 vLLM 正式支持了它，是哪天？", None, "2025-10-23"),
        # the other way back
        ("what model did deepseek release before V3", "vl2-release", "VL2"),
    ],
)
def test_what_came_after_a_thing_is_the_event_that_followed(
    query: str, record: str | None, said: str
) -> None:
    found = asserted_answer(query)
    assert found is not None, query
    assert record is None or found["id"] == record, found
    assert said in found["text"], found


def test_something_else_asked_of_what_followed_is_not_what_came_next() -> None:
    """A nickname given after V2 is no release that came after it."""
    found = asserted_answer("What nickname was DeepSeek given after the release of DeepSeek V2?")
    assert found is None or "Pinduoduo" in found["text"], found


def test_two_things_on_the_next_day_are_no_one_answer() -> None:
    """The day after V3 saw the access options and the API prices: which came next is unclear."""
    index = index_for(resolve())
    assert following_answer(index, read(index, "what came after V3")) is None


@pytest.mark.parametrize(
    "query",
    [
        "After the V3.2-Exp experiment, when was the final V3.2 released?",
        "After the V3.2-Exp experiment, when did the final V3.2 land in the API?",
    ],
)
def test_another_model_named_beside_what_came_before_is_what_is_asked(query: str) -> None:
    """V3.2 is named outside "after the V3.2-Exp experiment": the question asks of it, not of
    whatever came next after V3.2-Exp (DeepSeekMath-V2's release is no answer)."""
    found = asserted_answer(query)
    assert found is None or "deepseek-v3.2" in found["id"], found
