"""Questions about a topic (the price war, compute): what happened to it is an event whose
title names it."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer


@pytest.mark.parametrize(
    "query",
    ["价格战什么时候开始的", "when did china's price war break out", "大模型价格战啥时候开打"],
)
def test_when_a_topic_began_is_the_date_of_the_event_its_title_names(query: str) -> None:
    """The price war is a topic, no event is filed under it; the event titled "China's
    large-model price war breaks out" is its date, for "began", "broke out" and 开打 alike."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "price-war-2024-05", found
    assert found["text"] == "2024-05"


@pytest.mark.parametrize("query", ["oss week day 2", "what came out on day 1 of opensource week"])
def test_open_source_week_is_found_by_the_short_names_people_type(query: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"].startswith("open-source-week-day-"), found
