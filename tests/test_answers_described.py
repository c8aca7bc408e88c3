"""A thing named by what it is to another: a model by the one it was built on, an organisation's
parent by what it is to it, a model by the day it came out (search/parentage.py, dated.py); a
share asked ("百分之多少") is a figure asked; Latin typed against Chinese is read as a word."""

from __future__ import annotations

import pytest

from deepseek_kb.search.claims import dates_in

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("query", "record", "text"),
    [
        # A model named beside the one it was trained from is the one asked about.
        (
            "how many tokens did V3.2-Exp train for on top of V3.1-Terminus",
            "deepseek-v3.2-exp",
            "943.7B",
        ),
        ("V3.2-Exp 在 V3.1-Terminus 的基础上继续训了多少 token", "deepseek-v3.2-exp", "943.7B"),
        # Two models side by side are two things: neither is built on the other here.
        ("what did a day of serving V3 and R1 cost DeepSeek", None, "87,072"),
        # An organisation's parent, named by what it is to it.
        ("In which city is the fund that incubated DeepSeek based?", "high-flyer", "Hangzhou"),
        ("孵化深度求索的那家量化基金在哪个城市", "high-flyer", "Hangzhou"),
        ("where is deepseek's parent company based", "high-flyer", "Hangzhou"),
        ("DeepSeek 背后那家量化基金，总部在哪个城市？", "high-flyer", "Hangzhou"),
        ("the quant fund behind deepseek is based in which city", "high-flyer", "Hangzhou"),
        # Asked for the parent itself, the company answers with its parent.
        ("DeepSeek 是谁孵化的", "deepseek", "High-Flyer"),
        ("深度求索背后的老板公司是哪家", "deepseek", "High-Flyer"),
        # A model named by the day it came out.
        (
            "how many layers does the model DeepSeek released on 6 May 2024 have",
            "deepseek-v2",
            "60",
        ),
        (
            "how many parameters in total does the MoE model open-sourced on 26 December 2024 have",
            "deepseek-v3",
            "671B",
        ),
        # Words that say what the model is (its summary) ask nothing more of it.
        (
            "What base model is DeepSeek's self-verifying math model, DeepSeekMath-V2, built on?",
            "deepseek-math-v2",
            "DeepSeek-V3.2-Exp-Base",
        ),
        # Every model is a network: the word asks nothing more of it.
        ("how many layers does the DeepSeek-V2 network have", "deepseek-v2", "60"),
        # A thing named by its place in a numbered line of its parent's.
        ("which year was High-Flyer's second cluster built", "fire-flyer-2", "2021"),
        ("how many GPUs did High-Flyer's first cluster have", "fire-flyer-1", "1100"),
        ("幻方第一代训练平台投了多少钱", "fire-flyer-1", "200M"),
        # A share asked is a figure asked: the figure, not the sentence holding three.
        ("V2 的 KV cache 比 67B 少了百分之多少", "deepseek-v2", "93.3%"),
        # By how much something changed is no cost: "how much did" asks the change.
        ("By how much did V2 shrink the KV cache compared with the 67B model?", None, "93.3%"),
        ("how much did V3-0324 improve on GPQA", "deepseek-v3-0324", "68.4"),
        # A topic after 比 is what is compared, not a thing set against: the cost saved.
        ("V2 跟 67B 比训练成本省了多少", "deepseek-v2", "42.5%"),
        # Latin typed against Chinese is a word of its own.
        ("liang wenfeng对kpi啥态度", "liang-no-kpi", "KPI"),
    ],
)
def test_a_thing_named_by_what_it_is_to_another(query: str, record: str | None, text: str) -> None:
    found = asserted_answer(query)
    assert found is not None, query
    assert record is None or found["id"] == record, found
    assert text in found["text"], found


def test_a_figure_answers_how_much_before_the_sentence_stating_it() -> None:
    found = asserted_answer("DeepSeek-V2 的 KV 缓存减少了百分之多少")
    assert found is not None and "42.5%" not in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        # A day no model came out on names no model.
        "how many layers does the model DeepSeek released on 7 May 2024 have",
        # A month alone names no day.
        "how many layers does the model DeepSeek released in May 2024 have",
    ],
)
def test_a_day_no_model_came_out_on_names_none(query: str) -> None:
    """A month names no model without words of what the model is."""
    found = asserted_answer(query)
    assert found is None or "60" not in found["text"], found


def test_a_day_written_before_its_month_is_read_whole() -> None:
    dates, rest = dates_in("open-sourced on 26 December 2024, not December 2024")
    assert [d.value for d in dates] == ["2024-12-26", "2024-12"]
    assert "26" not in rest


@pytest.mark.parametrize(
    "query",
    [
        "What base model is DeepSeek's self-verifying chemistry model, DeepSeekMath-V2, built on?",
        "what base model is deepseek's vision model, DeepSeekMath-V2, built on",
    ],
)
def test_words_a_model_is_not_described_by_still_ask_something(query: str) -> None:
    found = asserted_answer(query)
    assert found is None, found


def test_an_ordinal_numbering_something_else_names_no_member_of_the_line() -> None:
    """亚太第一个: the first in the region to get A100s, not Fire-Flyer 1."""
    found = asserted_answer("幻方是亚太第一个拿到A100的吗")
    assert found is None or found["id"] != "fire-flyer-1", found


@pytest.mark.parametrize(
    "query",
    ["which DeepSeek model learned to reason with RL alone", "what's RL-only training with no SFT"],
)
def test_words_a_terms_definition_says_ask_nothing_more_of_it(query: str) -> None:
    """RL alone is pure RL by name; "no SFT" is what its definition says it is (without
    supervised fine-tuning), not more asked of it: its definition, which names R1-Zero."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == "pure-rl", found
    assert "R1-Zero" in found["text"]


@pytest.mark.parametrize(
    ("query", "record", "text"),
    [
        # A month and what the model is: the one model of the month it describes.
        ("How did the January 2025 reasoning model do on AIME 2024 pass@1?", "deepseek-r1", "79.8"),
        ("2025年1月发布的那个推理模型 AIME 2024 多少分", "deepseek-r1", "79.8"),
        ("when was the January 2025 reasoning model released", "deepseek-r1", "2025-01-20"),
        # A term named says what it is; of a family, its main model.
        ("how many layers does the May 2024 MoE model have", "deepseek-v2", "60"),
        # A size the name of one variant holds picks it, and "small" is what the size says.
        (
            "How long a context does the small 7B theorem prover from April 2025 have?",
            "deepseek-prover-v2-7b",
            "32K",
        ),
    ],
)
def test_a_model_named_by_its_month_and_what_it_is(query: str, record: str, text: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found
    assert text in found["text"], found


@pytest.mark.parametrize(
    ("query", "record", "text"),
    [
        ("When did the company's first code model come out?", "deepseek-coder", "2023-11"),
        ("DeepSeek 最早的代码模型是哪个月推出的？", "deepseek-coder", "2023-11"),
        ("ds 第一个视觉模型有多大", "deepseek-vl-7b", "7B"),
    ],
)
def test_the_first_model_of_a_kind_is_the_one_of_that_kind_released_first(
    query: str, record: str, text: str
) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found
    assert text in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        # DeepSeekMath 7B has no release date in the KB: which math model came first is unknown,
        # and Math-V2's date (the first dated one) is no answer.
        "when did deepseek release its first math model",
        # DeepSeek-R1-0528 has none either.
        "DeepSeek 第一个推理模型是哪天发布的",
    ],
)
def test_the_first_of_a_kind_not_every_one_of_which_is_dated_is_not_answered(query: str) -> None:
    assert asserted_answer(query) is None


@pytest.mark.parametrize(
    ("query", "record", "parent"),
    [
        ("达摩院是哪家公司的", "damo-academy", "Alibaba"),
        ("萤火二号是哪家机构的 compute cluster", "fire-flyer-2", "High-Flyer"),
        ("萤火一号是谁家的", "fire-flyer-1", "High-Flyer"),
        # Who paid for or built a cluster is whose it is, not who spoke of building it.
        ("萤火二号是谁出钱建的", "fire-flyer-2", "High-Flyer"),
        ("萤火一号是哪家公司建的", "fire-flyer-1", "High-Flyer"),
        ("who paid for fire-flyer 2", "fire-flyer-2", "High-Flyer"),
    ],
)
def test_whose_it_is_asks_its_parent(query: str, record: str, parent: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and parent in found["text"], found
    assert found["asked"] == "parent", found


@pytest.mark.parametrize(
    ("query", "record", "full"),
    [
        # "stand for" asks the full name; "even" asks nothing more.
        ("what does 3fs even stand for", "3fs", "Fire-Flyer File System"),
        # An alias whose initials the name is, is what it stands for.
        ("What does EPLB stand for?", "eplb", "expert-parallel load balancer"),
        ("GRPO 是什么的缩写", "grpo", "Group Relative Policy Optimization"),
    ],
)
def test_what_a_name_stands_for_is_its_full_name(query: str, record: str, full: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and found["asked"] == "called", found
    assert full in found["text"], found


def test_a_trillion_typed_as_1t_is_the_figure_per_trillion() -> None:
    found = asserted_answer("V3 每 1T tokens 要多少 GPU hours")
    assert found is not None and found["id"] == "deepseek-v3" and "180K" in found["text"], found


@pytest.mark.parametrize(
    ("query", "record", "what"),
    [("LMSYS 是什么", "lmsys", "社区"), ("what is meta", "meta", "company")],
)
def test_an_organisation_no_description_tells_of_is_the_kind_of_organisation_it_is(
    query: str, record: str, what: str
) -> None:
    """LMSYS and Meta have no description in the KB: what they are is their kind."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and found["asked"] == "identity", found
    assert what in (found["value"]["zh"] + found["value"]["en"]), found
