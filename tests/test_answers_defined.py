"""A term named beside the model it is used in, asked what it is: its definition, not the
model's field of the same name (search/defined.py)."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("what are shared experts in DeepSeek-V3", "shared-experts"),
        ("routed experts 在 DeepSeekMoE 里是啥", "routed-experts"),
        ("wtf is MTP in V3", "mtp"),
        # Words the term's own definition holds (inference) ask no more than what it is, nor
        # does "stands for"; "trick" is not respelt as "track".
        ("what's the 'redundant experts' trick in v3 inference", "redundant-experts"),
        ("dsa in v3.2-exp stands for what", "dsa"),
    ],
)
def test_a_term_asked_what_it_is_beside_a_model_is_defined(query: str, term: str) -> None:
    """ "What are shared experts in V3" asks what they are, not how many V3 has (1 expert)."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == term
    assert found["asked"] == "identity", found


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ("how many shared experts does DeepSeek-V3 have", "shared_experts"),
        ("DeepSeek-V3 激活参数", "active_params"),
    ],
)
def test_the_model_s_field_is_still_answered_when_no_definition_is_asked(
    query: str, asked: str
) -> None:
    """How many, or a field's words alone (the term "activated parameters" is also V3's field):
    the model's value. (A guard: answered so with or without definitions beside a model.)"""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == "deepseek-v3"
    assert found["asked"] == asked, found


@pytest.mark.parametrize(
    "query", ["V3 不用辅助损失是怎么做负载均衡的", "how does V3 do load balancing"]
)
def test_how_a_model_does_something_is_the_definition_of_the_method_it_uses(query: str) -> None:
    """V3's load balancing is the auxiliary-loss-free strategy; how it works is what that
    strategy is (a bias term added to each expert's affinity score)."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == "aux-loss-free-balancing"
    assert "bias term" in found["text"] or "偏置项" in found["text"]


def test_a_method_asked_without_how_is_the_models_own_value() -> None:
    """ "V3 的负载均衡策略" asks which strategy, not how it works: V3's own field answers."""
    found = asserted_answer("DeepSeek-V3 的负载均衡策略")
    assert found is not None
    assert found["id"] == "deepseek-v3"
    assert found["field"] == "specs.load_balancing"


def test_a_definition_carries_the_terms_caveat() -> None:
    """The term's note (what the official paper says of MLA's KV cache, against the article's
    claim) comes with its definition."""
    found = asserted_answer("what is MLA")
    assert found is not None
    assert "2.25 groups" in found["note"]["en"]


def test_a_term_asked_of_inside_another_is_defined() -> None:
    """ "shared experts 在 moe 里是啥意思": MoE is where the term is asked of, its definition
    speaks of it (an MoE layer), and the term is defined."""
    found = asserted_answer("shared experts 在 moe 里是啥意思")
    assert found is not None
    assert found["id"] == "shared-experts"


@pytest.mark.parametrize("query", ["smallpond 底层 built on 什么", "smallpond is built on what"])
def test_what_a_project_is_built_on_is_told_by_what_it_is(query: str) -> None:
    """A project has no base model, but what it is says what it is built on (DuckDB and 3FS):
    that answers, not "not stated" nor nothing."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == "smallpond" and "DuckDB" in found["text"], found


def test_a_count_asked_of_a_term_is_not_told_by_what_it_is() -> None:
    """What MoE is holds "every token" and "experts", but a question asking what the experts
    every token goes through are called asks no definition of MoE. (A guard.)"""
    found = asserted_answer("MoE 里每个 token 都一定会经过的那类 experts 叫什么？")
    assert found is None or found["id"] != "moe", found


def test_another_field_asked_more_clearly_than_what_a_term_is_is_that_field() -> None:
    """ "whats" asks what something is, "based on" the base model: the distilled model's base,
    not what distillation is."""
    found = asserted_answer("whats r1 distill 14b based on")
    assert found is not None and found["asked"] == "base_model", found
    assert found["text"] == "Qwen2.5-14B", found


@pytest.mark.parametrize(
    "query", ["MLA 是靠什么办法把 KV cache 压下来的？", "how does MLA reduce the KV cache"]
)
def test_how_a_term_acts_on_another_it_names_is_its_definition(query: str) -> None:
    """MLA, named first, does it to the KV cache, which its record relates to it: its definition
    (low-rank key-value compression) tells how, not the KV cache's."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "mla", found
    assert "low-rank" in found["text"], found


def test_two_terms_compared_are_no_question_of_how_one_works() -> None:
    found = asserted_answer("how does MLA compare with MHA")
    assert found is None or found["id"] != "mla", found


@pytest.mark.parametrize(
    ("query", "term", "said"),
    [
        ("V3 的负载均衡策略具体给每个专家加了什么", "aux-loss-free-balancing", "bias"),
        ("V3 不加额外的损失，怎么让专家负载均衡", "aux-loss-free-balancing", "bias"),
        ("V3 的 multi-token prediction 里每个 token 除了下一个之外还多预测几个", "mtp", "1"),
    ],
)
def test_more_asked_of_the_method_a_model_uses_is_told_by_its_definition(
    query: str, term: str, said: str
) -> None:
    """V3's field names the method (auxiliary-loss-free load balancing); what the question asks
    beyond its name (what is added to each expert) is in the method's definition, which holds
    more of the question's words."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == term, found
    assert said in found["text"]


@pytest.mark.parametrize("query", ["V3 用什么做负载均衡", "what does V3 use for load balancing"])
def test_the_method_a_model_uses_asked_by_name_is_its_field(query: str) -> None:
    """Asked only which method: V3's own field, which names it."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == "deepseek-v3", found
    assert found["asked"] == "load_balancing"


@pytest.mark.parametrize(
    "query", ["how does MLA make inference cheaper", "how does MLA speed up inference"]
)
def test_how_one_term_does_what_is_asked_is_its_definition(query: str) -> None:
    """The definition of MLA says how: low-rank key-value compression, for efficient inference."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == "mla", found
    assert "low-rank" in found["text"]


def test_how_a_term_does_what_its_definition_does_not_speak_of_is_no_definition() -> None:
    """MLA's definition says nothing of how its name is said: no answer asserted."""
    assert asserted_answer("how is MLA pronounced") is None
