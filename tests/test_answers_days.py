"""A day of a series asked by its number, in digits, Chinese numerals or English ordinals: the
event of that day answers when it was and what came out, and nothing else asked of it."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import asserted_answer, stdout_at


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("开源周第二天开源了什么", "DeepEP"),
        ("Open-Source Week day 1 release", "FlashMLA"),
        ("what came out on the fifth day of open-source week", "3FS"),
        ("what was on the last day of open source week", "Inference System"),
        ("开源周第三天是哪天", "2025-02-26"),
        ("when was day 4 of open source week", "2025-02-27"),
        ("开源周第三天放出来的是啥", "DeepGEMM"),  # what it was: what came out
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


@pytest.mark.parametrize("query", ["开源周哪天开始", "when did open source week start"])
def test_a_series_starts_on_its_first_day_not_on_its_announcement(query: str) -> None:
    """Open-Source Week was announced on 2025-02-21 and began on 2025-02-24 ("Starting this
    week, Feb 24, 2025"): when it started is its first day."""
    found = asserted_answer(query)
    assert found is not None
    assert "2025-02-24" in found["text"]


def test_when_a_series_was_announced_is_its_announcement() -> None:
    found = asserted_answer("when was open source week announced")
    assert found is not None
    assert "2025-02-21" in found["text"]


@pytest.mark.parametrize(
    "query",
    ["DeepSeek 线上服务是哪天整体换成 V3 的", "when was the deepseek service switched to v3"],
)
def test_an_announcement_whose_title_says_what_is_asked_dates_it(query: str) -> None:
    """ "Service fully upgraded to DeepSeek V3" is filed as an announcement; when the service
    was switched is its date (2024-12-26), not Day 6 of Open-Source Week, on V3's serving."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "v3-service-upgrade", found
    assert "2024-12-26" in found["text"], found


@pytest.mark.parametrize(
    ("query", "day"),
    [
        ("开源周头一天放出来的是哪个仓库？", "FlashMLA"),
        ("open source week day5发了啥", "3FS"),
        ("what was the 'one more thing' at the end of open source week", "Inference System"),
        ("开源周最后附赠的那个彩蛋是什么", "Inference System"),
    ],
)
def test_a_day_said_in_words_or_typed_against_the_chinese_is_that_day(query: str, day: str) -> None:
    """头一天 is the first day, "at the end of" and 最后 the last; "day5发了啥" is day 5, the
    digit typed against the Chinese."""
    found = asserted_answer(query)
    assert found is not None and day in found["text"], found


@pytest.mark.parametrize(
    ("query", "day"),
    [
        (
            "which repo came out on day 1 of the February 2025 Open-Source Week",
            "open-source-week-day-1",
        ),
        ("2025 年 2 月开源周的第二天放出了哪个仓库", "open-source-week-day-2"),
    ],
)
def test_the_month_a_series_ran_in_says_which_series_no_more(query: str, day: str) -> None:
    """A date the day falls in names the series; it is no word its title must hold."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == day, found


@pytest.mark.parametrize(
    ("query", "record", "day"),
    [
        (
            "Prover-V2 论文里的 PutnamBench 数字是哪天改成 47 的",
            "deepseek-prover-v2-putnam-update",
            "2025-07-18",
        ),
        ("Fire-Flyer II 的投入是哪一年加到10亿的", "fire-flyer-2-2021", "2021"),
    ],
)
def test_a_field_named_when_a_date_is_asked_says_what_the_date_is_of(
    query: str, record: str, day: str
) -> None:
    """论文 (paper) asked when: not which paper, but the day of what happened to it."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and found["text"] == day, found


@pytest.mark.parametrize(
    "query",
    [
        "deepseek-chat 啥时候 switch 到 v3.2-exp 的",
        "when did deepseek-chat and deepseek-reasoner switch over to V3.2-Exp",
    ],
)
def test_switching_over_to_a_model_is_the_upgrade_to_it(query: str) -> None:
    """Switch ~ 切到 ~ upgrade: the day the API was upgraded to V3.2-Exp."""
    found = asserted_answer(query)
    assert found is not None and found["text"] == "2025-09-29", found


@pytest.mark.parametrize("query", ["api 什么时候切到 v3.1", "v3.1 啥时候上的 api"])
def test_an_event_titled_by_a_longer_name_is_not_the_things_date(query: str) -> None:
    """V3.1-Terminus's API upgrade names V3.1 only inside its own name: V3.1's date is its own."""
    found = asserted_answer(query)
    assert found is not None and found["text"] == "2025-08-21", found


@pytest.mark.parametrize(
    "query",
    [
        "when was the article published",
        "what date was that article posted",
        "when was the articel published",
        "这篇文章是哪天发布的",
    ],
)
def test_the_articles_own_date_is_its_publication_date(query: str) -> None:
    """The article asked about is the source the KB is built from, dated 2024-12-26: not R1's
    release, which a search for "published" finds first."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "article", found
    assert found["text"] == "2024-12-26", found


@pytest.mark.parametrize(
    ("query", "record"),
    [
        ("when was R1 released according to the article", "deepseek-r1"),
        ("when was the article's V3 released", "deepseek-v3"),
        ("文章里V3是什么时候发布的", "deepseek-v3"),
    ],
)
def test_a_date_told_by_the_article_is_still_the_things_date(query: str, record: str) -> None:
    """ "according to the article", "the article's V3" and 文章里 say where a date is read, not
    that the article is asked about."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found


def test_of_tied_dates_the_events_titled_by_what_is_asked_answer() -> None:
    """Liang's events tie on the date asked; 采访 (interview) is said by the titles of his
    interviews, not by AlexNet's impact, which a note of his interview material dates."""
    found = asserted_answer("梁文锋的采访是哪天")
    assert found is not None and found["id"].startswith("interview-"), found
    shown = stdout_at(120, "search", "梁文锋的采访是哪天", "--lang", "en")
    answered = re.split(r"\n\s*1\. ", shown)[0]  # the answer, before the hits
    assert "Also stated: 2024-07-17" in answered and "AlexNet" not in answered, shown


@pytest.mark.parametrize(
    "query",
    [
        "When were the Prover-V2 paper's Putnam results corrected?",
        "When was the DeepSeek-Prover-V2 paper corrected with a new PutnamBench number?",
    ],
)
def test_corrected_is_updated(query: str) -> None:
    """A correction is an update: the paper updated with PutnamBench 47 answers when."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-prover-v2-putnam-update", found
    assert found["text"] == "2025-07-18", found
