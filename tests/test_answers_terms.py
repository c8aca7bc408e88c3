"""What a term's record holds besides its definition: the model that introduced it and the
models that use it, asked in Chinese or English."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("query", "term", "model"),
    [
        ("MLA was first introduced in which model", "mla", "DeepSeek-V2"),
        ("GRPO 最早是哪个模型提出的", "grpo", "DeepSeekMath 7B"),
        ("DSA 是哪个模型首次引入的", "dsa", "DeepSeek-V3.2-Exp"),
    ],
)
def test_the_model_that_introduced_a_term(query: str, term: str, model: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == term, found
    assert found["asked"] == "introduced" and found["text"] == model, found


def test_the_models_that_use_a_term_are_named_not_their_ids() -> None:
    found = asserted_answer("哪些模型用了 MLA")
    assert found is not None and found["id"] == "mla" and found["asked"] == "used_by", found
    assert "DeepSeek-V3" in found["text"] and "deepseek-v3" not in found["text"], found


@pytest.mark.parametrize("query", ["which model uses pure RL", "纯强化学习是哪个模型用的"])
def test_the_one_model_that_uses_a_term_asked_in_the_singular(query: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == "pure-rl", found
    assert found["asked"] == "used_by" and found["text"] == "DeepSeek-R1-Zero", found


def test_a_term_asked_what_it_is_is_still_defined() -> None:
    found = asserted_answer("MLA 是什么")
    assert found is not None and found["asked"] == "identity", found


def test_what_a_design_gets_rid_of_is_what_it_eliminates() -> None:
    """ "Get rid of" is "eliminate": the passage saying MLA eliminates the KV cache's
    bottleneck answers."""
    found = asserted_answer("which bottleneck did DeepSeek design MLA to get rid of")
    assert found is not None and "key-value (KV) cache" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        # 解决 (solve) a bottleneck is to eliminate it
        "MLA 到底是为了解决推理时哪块的瓶颈？",
        "What bottleneck is multi-head latent attention designed to get rid of?",
    ],
)
def test_what_a_term_is_for_is_told_in_its_own_definition(query: str) -> None:
    """The KV cache's definition speaks of MLA too; MLA's own, which says how (low-rank
    key-value union compression), answers what MLA is for."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "mla", found
    assert "low-rank" in found["text"] and "KV" in found["text"], found


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("Why would DeepSeek run redundant experts?", "redundant-experts"),
        ("为什么要用 MLA", "mla"),
        # 具体指 / 指的是 (what it refers to), its name between 指 and 什么 or not
        ("DeepSeek 说的“冗余专家”具体指冗余什么", "redundant-experts"),
        ("DeepSeek 说的 MoE 指的是什么", "moe"),
    ],
)
def test_why_a_term_is_used_is_what_it_is_for(query: str, term: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == term and found["asked"] == "identity", found


@pytest.mark.parametrize("query", ["R1-Zero 有哪些毛病？", "what problems did R1-Zero have"])
def test_a_things_problems_are_the_challenges_its_sources_name(query: str) -> None:
    """毛病 (flaws), problems ~ the challenges R1-Zero met: endless repetition, poor readability."""
    found = asserted_answer(query)
    assert found is not None and "repetition" in found["text"], found


def test_how_one_kind_differs_from_another_is_no_count() -> None:
    """共享专家和普通专家有什么不一样 asks what sets shared experts apart, not how many
    DeepSeekMoE 16B has (2)."""
    found = asserted_answer("DeepSeekMoE 里的共享专家和普通专家有什么不一样？")
    assert found is None or found["text"] != "2 experts", found


@pytest.mark.parametrize(
    ("query", "term", "said"),
    [
        ("What problem are 'redundant experts' supposed to fix?", "redundant-experts", "load"),
        ("what is deepseek sparse attention even for", "dsa", "long-context"),
        ("设备受限路由到底限制了什么？", "device-limited-routing", "3"),
        ("What makes a routed expert different from the always-on kind?", "routed-experts", "few"),
        ("MoE 层里的共享专家和路由专家，区别到底在哪？", "shared-experts", "every token"),
    ],
)
def test_what_a_term_is_for_or_how_it_differs_is_its_definition(
    query: str, term: str, said: str
) -> None:
    """What problem it fixes, what it is even for, what it limits, what sets it apart: each
    asks what the term is, which its definition says."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == term and found["asked"] == "identity", found
    assert said in found["text"], found


def test_a_word_that_asks_what_a_term_is_for_takes_no_other_word_out() -> None:
    """ "supposed" is a function word, so "supported" (its first letters) still asks: the
    question about upstream vLLM support is answered by the sentence that says it."""
    found = asserted_answer("since when is deepseek-ocr officially supported in upstream vllm")
    assert found is not None and "2025-10-23" in found["text"], found


@pytest.mark.parametrize(
    ("query", "term"),
    [
        # 办法 ~ 策略 (method ~ strategy), 保持均衡 is balancing.
        (
            "V3 不加额外的损失函数，是靠什么办法让各个专家的负载保持均衡的？",
            "aux-loss-free-balancing",
        ),
        # 平衡 ~ 均衡 (balance), loss ~ 损失.
        (
            "V3 平衡各个专家的负载时没有额外加一个 loss 项，那它靠的是什么策略？",
            "aux-loss-free-balancing",
        ),
        # 什么东西 is what.
        (
            "V3 不加辅助损失也能让专家负载均衡，具体是给每个专家加了个什么东西？",
            "aux-loss-free-balancing",
        ),
        ("EPLB 是用什么策略来平衡专家负载的？", "expert-parallel-load-balancer"),
    ],
)
def test_how_the_load_is_balanced_asked_in_other_words_is_the_terms_definition(
    query: str, term: str
) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == term, found


def test_copying_the_busiest_experts_is_duplicating_the_high_load_ones() -> None:
    """copy ~ duplicate, busiest ~ high-load, evens out ~ balances: the term is named by what it
    does."""
    found = asserted_answer(
        "whats the trick called where u copy the busiest experts so inference load evens out"
    )
    assert found is not None and found["id"] == "redundant-experts", found


@pytest.mark.parametrize(
    "query",
    [
        "dsa 每个 query token 会挑多少个 kv token",
        "V3.2-Exp 的 indexer 每个 query 挑多少个 kv token",
    ],
)
def test_kv_is_key_value(query: str) -> None:
    """kv ~ key-value: the note saying DSA selects 2048 key-value tokens per query answers."""
    found = asserted_answer(query)
    assert found is not None and "2048" in found["text"], found


def test_extra_is_additional() -> None:
    """ "how many extra tokens does each position predict": each token predicts one additional
    token, as MTP's definition and the V3 paper say."""
    found = asserted_answer("whats mtp in v3 - how many extra tokens does each position predict")
    assert found is not None and found["id"] == "mtp", found


@pytest.mark.parametrize(
    ("query", "term"),
    [
        (
            "What is the trick of copying the busiest experts to even out inference load called?",
            "redundant-experts",
        ),
        (
            "What's V2's routing rule called, the one that caps how many devices a token's "
            "experts can sit on?",
            "device-limited-routing",
        ),
        # "RL only" is one of its aliases: a description, not the term named.
        (
            "What do you call training a model's reasoning with RL only, skipping supervised "
            "fine-tuning as a first step?",
            "pure-rl",
        ),
        # The model it is from (V3) ranks V3's records above any term: the terms are read too.
        (
            "what's the bidirectional pipeline-parallel trick from the V3 report called",
            "dualpipe-algorithm",
        ),
        # "the name of" asks a name as "called" does.
        (
            "what's the name of the attention trick that squeezes keys and values into a "
            "low-rank latent",
            "mla",
        ),
        (
            "name of the bidirectional pipeline-parallel algorithm from the V3 tech report",
            "dualpipe-algorithm",
        ),
        # "every" token tells the shared experts from the routed ones, each token's few.
        (
            "what's the name for the experts that every single token gets routed to",
            "shared-experts",
        ),
    ],
)
def test_a_term_asked_for_by_what_it_is_is_named(query: str, term: str) -> None:
    """search/termed.py: the term whose definition says what the question describes."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == term and found["asked"] == "called", found


def test_a_name_asked_of_what_no_definition_says_is_not_answered() -> None:
    """The words match no term's definition well: no name is asserted."""
    assert (
        asserted_answer("What do you call the office cat that DeepSeek keeps in Hangzhou?") is None
    )


@pytest.mark.parametrize(
    ("query", "model", "shown"),
    [
        (
            "What's the name of the attention design V2 brought in",
            "deepseek-v2",
            "MLA (Multi-head Latent Attention)",
        ),
        ("DeepSeek LLM 7B 用的什么注意力", "deepseek-llm-7b", "MHA (Multi-Head attention)"),
    ],
)
def test_a_value_that_is_a_terms_initials_is_spelt_out(query: str, model: str, shown: str) -> None:
    """A spec value that is a term's initials says what they stand for: a reader asking V2's
    attention may not know what MLA is."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == model and found["text"] == shown, found
    assert found["stands_for"]["zh"], found


def test_a_value_that_only_looks_like_initials_is_left_as_it_is() -> None:
    """FP8 is in FP8 mixed-precision training's name but not its initials: V3's precision is
    FP8, not FP8 (FP8 mixed-precision training)."""
    found = asserted_answer("what precision was V3 trained in")
    assert found is not None and found["text"].startswith("FP8"), found
    assert "stands_for" not in found and "(" not in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        "DeepEncoder V2 在 DeepSeek-OCR 2 里主要能做什么？",
        "what does DeepEncoder V2 do in DeepSeek-OCR 2",
    ],
)
def test_a_term_asked_what_it_does_in_a_model_is_defined(query: str) -> None:
    """The model's architecture only names DeepEncoder V2; what it does is its definition."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepencoder-v2", found
    assert found["asked"] == "identity" and "reorder" in found["text"], found


def test_a_field_of_the_model_asked_is_still_the_models() -> None:
    found = asserted_answer("what architecture does DeepSeek-OCR 2 use")
    assert found is not None and found["id"] == "deepseek-ocr-2", found
