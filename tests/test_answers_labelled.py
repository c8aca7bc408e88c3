"""Questions answered by a labelled figure of a record the question words otherwise than the
record and its label do (search/labelled.py): the record that speaks of most of what is asked,
then the figure its label names; a number the record lacks rules it out."""

from __future__ import annotations

import json

import pytest

from .conftest import asserted_answer, run


@pytest.mark.parametrize(
    "query",
    [
        "deepseek-reasoner 的思维链最多能有多少 token",
        "how long a chain of thought can deepseek-reasoner produce, how many tokens",
        # The label says what CoT stands for, as a question paraphrasing it does.
        "According to the API price table, how long can deepseek-reasoner's chain of thought run?",
    ],
)
def test_a_figure_of_a_table_is_found_by_its_label(query: str) -> None:
    """The API's table holds eleven figures; the one whose label the question repeats (the
    reasoner's longest chain of thought) answers, not its context length or its prices."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == "api-pricing-table-chat-reasoner"
    assert found["label"]["en"] == "deepseek-reasoner maximum chain-of-thought (CoT) tokens"
    assert found["value"]["value"] == 32768


@pytest.mark.parametrize(
    ("query", "label", "value"),
    [
        (
            "what does deepseek-reasoner charge per million output tokens on the price table",
            "deepseek-reasoner output price",
            2.19,
        ),
        (
            "what does deepseek-chat charge per million input tokens on a cache hit",
            "deepseek-chat input price (cache hit)",
            0.07,
        ),
    ],
)
def test_a_price_asked_without_how_much_is_a_figure_found_by_its_label(
    query: str, label: str, value: float
) -> None:
    """ "What does it charge" asks a price, a figure, though no "how much" says so."""
    found = asserted_answer(query)
    assert found is not None
    assert found["label"]["en"] == label, found
    assert found["value"]["value"] == value


@pytest.mark.parametrize("query", ["what was Kimi's API price", "what's the price of doubao"])
def test_a_price_of_a_thing_no_record_prices_is_not_given(query: str) -> None:
    """No record prices Kimi's or Doubao's API: no figure of DeepSeek's table stands in."""
    assert asserted_answer(query) is None


def test_a_facts_figure_is_told_of_what_the_fact_is_about_not_by_its_id() -> None:
    """A fact has no name: its figure is told of the first thing it is about (DeepSeek)."""
    shown = run("search", "deepseek-reasoner 的思维链最多能有多少 token", "--lang", "en").stdout
    first = shown.splitlines()[0]
    assert "DeepSeek ·" in first and "32K" in first, first
    assert "api-pricing-table-chat-reasoner" not in first, first


@pytest.mark.parametrize("query", ["新用户送多少额度", "新用户注册送多少钱", "api 新用户送多少钱"])
def test_a_figure_is_found_by_the_characters_of_its_sentence(query: str) -> None:
    """送 and 新用户 are read as characters: 新用户赠送10元 answers though no pair of words of
    the question is a pair of the sentence's; 多少钱 asks the money given as much as a training
    cost, the field its words ask for first."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == "api-new-user-credit"
    assert found["value"]["value"] == 10


def test_a_bare_count_is_answered_by_the_sentence_stating_it() -> None:
    """7 says nothing of what it counts: the sentence that counts China's large-model
    start-ups answers, as the sources put it."""
    found = asserted_answer("一共多少个国内大模型初创公司")
    assert found is not None
    assert found["id"] == "deepseek-quietest-of-seven-startups"
    assert "7家大模型创业公司" in found["text"] or "seven large-model start-ups" in found["text"]


@pytest.mark.parametrize("query", ["萤火五号用了多少张卡", "how many GPUs went into Fire-Flyer 5"])
def test_a_number_the_record_lacks_rules_it_out(query: str) -> None:
    """Fire-Flyer 5 is no Fire-Flyer 2: the cluster the KB holds speaks of cards, but not of
    this one. (A guard: it asserts nothing with or without the labelled figures.)"""
    assert asserted_answer(query) is None


@pytest.mark.parametrize(
    "query",
    [
        "How many engineers and researchers worked on DeepSeek V3?",
        "V3 一共多少工程师和研究员参与",
    ],
)
def test_a_field_a_model_cannot_hold_is_answered_by_a_fact_about_it(query: str) -> None:
    """A model has no head count, but the fact in the article's V3 section counts the people
    who took part (139), and says in its note that the article does not name the project."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == "team-139-engineers-and-researchers"
    assert "139" in found["text"]
    assert "nor does it name" in found["note"]["en"]


def test_a_model_no_fact_counts_the_people_of_is_not_given_a_head_count() -> None:
    """No fact about V2 counts people: its head count is not stated, not borrowed."""
    assert asserted_answer("how many employees does DeepSeek-V2 have") is None


@pytest.mark.parametrize(
    "query",
    [
        "V3 训练 cluster 有多少张 H800",
        "how many GPUs was V3 trained on",
        # 预训练 asks for training tokens, but tokens are never counted in 张 (cards).
        "V3 预训练的时候用了多少张 H800",
    ],
)
def test_a_count_a_model_cannot_hold_is_answered_by_its_claims_figure_in_that_unit(
    query: str,
) -> None:
    """A model has no GPU count of its own, but a figure of its claims is counted in GPUs
    (2048 H800 GPUs in V3's cluster): it answers, rather than "not stated"."""
    found = asserted_answer(query)
    assert found is not None
    assert found["value"]["value"] == 2048


def test_a_model_no_figure_counts_the_gpus_of_is_not_given_one() -> None:
    """No figure of R1's counts GPUs: its GPU count is not stated, not borrowed from V3."""
    assert asserted_answer("how many GPUs did R1 use") is None


@pytest.mark.parametrize("query", ["v3 input price", "R1 缓存没命中的时候输入怎么收费"])
def test_a_tables_price_is_no_price_of_a_model_it_is_about(query: str) -> None:
    """The API table prices deepseek-chat and deepseek-reasoner; it is about V3 and R1, but its
    prices answer no question of a model's own price (R1's own table answers R1's)."""
    found = asserted_answer(query)
    assert found is None or found["id"] != "api-pricing-table-chat-reasoner", found


@pytest.mark.parametrize(
    ("query", "label", "value"),
    [
        ("DeepSeek-V2 较 67B 节省多少训练成本", "Training cost saved", 42.5),
        ("deepseek ocr 的 decoder 激活参数多大", "Decoder active parameters", 0.57),
    ],
)
def test_a_field_the_thing_lacks_asked_with_more_words_is_the_figure_whose_line_says_them(
    query: str, label: str, value: float
) -> None:
    """V2 has no training cost of its own; its claim's figure labelled "Training cost saved"
    speaks of the field, and the claim's line says the rest (compared with DeepSeek 67B)."""
    found = asserted_answer(query)
    assert found is not None
    assert found["value"]["value"] == value
    assert label in json.dumps(found)


def test_money_sunk_in_dollars_is_what_was_put_in_and_told_of_its_topic() -> None:
    """砸 (to sink money) is 投入 (what is put in), 美金 is 美元: the cost to get started; a
    fact about nothing named is told of its first topic, not by its id."""
    shown = run("search", "自训大模型光起步得砸多少美金", "--lang", "en").stdout.splitlines()[0]
    assert "$50M" in shown and shown.startswith("Answer: Cost ·"), shown


@pytest.mark.parametrize(
    "query", ["how much does one day of V3 and R1 inference cost", "V3 和 R1 推理服务一天的成本"]
)
def test_a_day_asked_is_a_daily_figure(query: str) -> None:
    """ "One day", 一天 name the label's "daily", 每日: the total daily cost, not the margin."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "v3-r1-inference-theoretical-margin", found
    assert found["label"]["en"] == "Total daily cost", found


def test_a_thing_asked_about_is_no_word_an_answer_must_say() -> None:
    found = asserted_answer("the pinduoduo nickname thing of deepseek")
    assert found is not None and found["id"] == "deepseek-pinduoduo-of-ai", found


def test_a_record_with_no_figure_that_speaks_of_the_question_best_leaves_no_figure() -> None:
    """幻方 was called one of the "four kings" of quant: how many kings asks no figure of
    its GPUs, though those records are about 幻方 and hold figures."""
    found = asserted_answer("幻方被叫做量化圈的几大天王之一")
    assert found is None or "GPU" not in found["text"], found


def test_a_figures_label_says_what_it_is_the_cost_of() -> None:
    """The article's "起步就要5000万美金" is the cost of getting started on one's own large
    model (the clause before it says so): its label names the large model, and money ~ dollars."""
    found = asserted_answer("想自己训一个大模型，光起步要准备多少美元")
    assert found is not None and found["id"] == "llm-training-entry-cost", found
    assert "$50M" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        "中国有几家大模型创业公司 article 里说",
        "according to the article, how many large-model startups does China have",
        "according to the interview, how many large-model startups does China have",
    ],
)
def test_the_article_a_question_cites_asks_nothing_of_its_own(query: str) -> None:
    """ "Per the article", "文章里说": where the figure is read, which its record cites."""
    found = asserted_answer(query)
    assert found is not None and found["text"] == "7", found


@pytest.mark.parametrize(
    "query", ["萤火二号用的什么GPU", "what GPUs does Fire-Flyer 2 use", "yinghuo erhao 用的啥卡"]
)
def test_a_clusters_gpus_are_told_by_the_label_of_its_count(query: str) -> None:
    """A cluster has no GPU-type field, but the figure of its cards is labelled "NVIDIA A100
    GPUs": that tells which GPU, and the type is not "not stated"."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "fire-flyer-2", found
    assert "A100" in found["label"]["en"], found


def test_a_field_of_another_kind_than_asked_does_not_rule_a_figure_out() -> None:
    """ "get started" asks a date of founding, but "how much" asks no date: the figure labelled
    as the cost to get started answers."""
    found = asserted_answer("how much $ to even get started on your own llm per the article")
    assert found is not None and found["id"] == "llm-training-entry-cost", found
    assert "50M" in found["text"], found


def test_a_figure_of_another_kind_is_no_rival_to_the_money_asked() -> None:
    """ "started" is also the start of "start-ups": a count of start-ups weighs nearly as much,
    but money is asked, and a count is no rival to the one figure of money."""
    found = asserted_answer("how much money do you need just to get started training a large model")
    assert found is not None and found["id"] == "llm-training-entry-cost", found
    assert "50M" in found["text"], found


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("day 6 披露的 cost profit margin 是多少", "545%"),
        ("peak node count for ds v3+r1 inference in that 24h window?", "278"),
    ],
)
def test_a_number_naming_what_a_figure_is_about_is_held_by_its_name(query: str, value: str) -> None:
    """The 6 of "day 6" is in the name of Open-Source Week Day 6, which the fact is about; the 24
    of "24h" is its "24 hours"; a count is asked by "count" as by "how many"."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "v3-r1-inference-theoretical-margin", found
    assert found["text"].startswith(value), found


@pytest.mark.parametrize(
    "query",
    [
        "How many cards did High-Flyer's first self-built training platform carry?",
        "The deep-learning platform High-Flyer built for itself in 2019 — how many graphics cards"
        " went into it?",
    ],
)
def test_cards_are_gpus(query: str) -> None:
    """card ~ GPU ~ 显卡: the cards of the platform High-Flyer built in 2019 are Fire-Flyer 1's
    1,100 GPUs, its label's words (told by Fire-Flyer 1 itself, once "first platform" names it)."""
    found = asserted_answer(query)
    assert found is not None, query
    assert found["id"] in ("fire-flyer-1", "fire-flyer-1-investment-and-gpus"), found
    assert found["text"].startswith("1100"), found


@pytest.mark.parametrize(
    "query",
    [
        "how many A100s do you need before you can train your own big model",
        "How many A100s is said to be the compute bar for training a large model of your own?",
    ],
)
def test_a_chip_counted_in_the_plural_is_the_chip(query: str) -> None:
    """A100s are A100 cards: the article's bar of 10,000 A100s for training a large model of
    one's own answers."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "llm-compute-threshold-10k-a100", found
    assert found["text"].startswith("10,000"), found


def test_a_month_the_question_gives_is_said_by_the_date_of_the_fact_holding_the_value() -> None:
    """ "in late December 2024": the price fact dated 2024-12-27 says which; "late" asks nothing."""
    found = asserted_answer(
        "What was DeepSeek's API input price per million tokens in late December 2024?"
    )
    assert found is not None and found["id"] == "api-price-input", found
    assert found["asked"] == "api_price_input", found


@pytest.mark.parametrize(
    ("query", "said"),
    [
        # the company's name in a word (deepseek-reasoner) buries the price table among its
        # models: the words that say something find it; "reasoner's" is the reasoner
        ("How long can deepseek-reasoner's chain of thought get at most?", "32K"),
        ("What is deepseek-chat's output price in the V3/R1-era price table?", "$1.10"),
    ],
)
def test_a_figure_of_an_api_model_named_in_one_word_with_the_company_is_found(
    query: str, said: str
) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == "api-pricing-table-chat-reasoner", found
    assert said in found["text"], found


def test_a_term_that_sets_the_scene_is_no_word_the_figure_must_say() -> None:
    """ "device limited routing: max devices per token in v2": the routing rule is where the
    figure is told (its cited line names it), not a word its label must hold."""
    found = asserted_answer("device limited routing: max devices per token in v2")
    assert found is not None and found["id"] == "deepseek-v2", found
    assert found["text"] == "at most 3", found


@pytest.mark.parametrize(
    ("query", "price"),
    [
        ("deepseek-chat 缓存未命中的输入价", "$0.27"),
        ("deepseek-chat 缓存命中的输入价", "$0.07"),
        ("deepseek-chat cache miss input price", "$0.27"),
        ("what's the cache-hit input rate for deepseek-chat", "$0.07"),
        ("deepseek-reasoner cache hit price", "$0.14"),
    ],
)
def test_the_words_asking_a_price_also_say_which_of_its_labelled_prices(
    query: str, price: str
) -> None:
    """ "缓存未命中" and "cache miss" ask for a price and say which: the cache-miss price is
    first, not the cache-hit one beside it (the label's bracket parts its words)."""
    found = asserted_answer(query)
    assert found is not None and found["value"]["text"] == price, found


def test_labels_tell_apart_one_records_values_not_one_record_from_another() -> None:
    """显卡 is in Fire-Flyer 2's label and asks for GPUs too: it does not make the cluster's
    cards High-Flyer's answer over the A100s the firm itself stockpiled."""
    found = asserted_answer("幻方有多少张显卡")
    assert found is not None and found["id"] == "highflyer-among-few-with-10k-a100", found
