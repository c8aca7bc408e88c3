"""A model's specifications asked in other words than their labels: what works for one token,
what the question says "actually" or "really" of."""

from __future__ import annotations

import json

import pytest

from .conftest import asserted_answer, run


@pytest.mark.parametrize(
    "query",
    [
        "V2 处理一个 token 时真正在干活的参数有多少",
        "how many params are really at work for one token in V2",
        "of the 236B weights in V2, how many are actually used for any single token?",
        # 词元 is token, as the Chinese papers write it; weights that light up are at work.
        "DeepSeek V2 推理时，每个词元真正被调动起来的参数有多少？",
        "how many of V2's parameters actually light up per token?",
        "V2 每次推理实际用到那部分参数有多少？",
    ],
)
def test_the_parameters_at_work_for_one_token_are_the_activated_ones(query: str) -> None:
    """Weights are parameters: how many are used for a single token asks no experts."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-v2", found
    assert found["asked"] == "active_params" and found["text"] == "21B", found


def test_actually_and_process_ask_nothing_of_their_own() -> None:
    """真正 (actually) and 处理 (process) are what the English stop words are: the context
    length is still what is asked."""
    found = asserted_answer("V3 真正处理的上下文有多长")
    assert found is not None and found["asked"] == "context_length", found
    assert found["text"] == "128K"


def test_tokens_beside_a_price_are_no_training_data() -> None:
    """R1's price is per million tokens: "每一百万个输出 token" asks the output price."""
    found = asserted_answer("调用 R1 接口，每一百万个输出 token 付多少美元")
    assert found is not None and found["asked"] == "api_price_output", found


def test_the_model_of_a_clusters_gpus_is_not_their_count() -> None:
    """型号 (model) of the cards asks which GPU, not how many: 1,100 is no answer."""
    found = asserted_answer("萤火一号用的啥型号的显卡")
    assert found is None or found["asked"] != "gpu_count", found


@pytest.mark.parametrize(
    ("query", "model", "base"),
    [
        ("R1 32B 的基座模型", "deepseek-r1-distill-qwen-32b", "Qwen2.5-32B"),
        ("r1 蒸馏 千问 7b 拿啥微调的", "deepseek-r1-distill-qwen-7b", "Qwen2.5-Math-7B"),
        ("deepseek r1 70b base model", "deepseek-r1-distill-llama-70b", "Llama-3.3-70B-Instruct"),
        # 蒸馏出来 (distilled out of) asks what it was distilled from, in Chinese or English
        (
            "R1 Distill Llama 70B 是从哪个 model 蒸馏出来",
            "deepseek-r1-distill-llama-70b",
            "Llama-3.3-70B-Instruct",
        ),
    ],
)
def test_a_size_names_the_one_variant_of_that_size(query: str, model: str, base: str) -> None:
    """R1 is 671B: a 32B named beside it is its one 32B distilled variant, whose base model is
    the answer (not R1's sentence listing every distilled size)."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == model, found
    assert found["asked"] == "base_model" and found["text"] == base, found


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("How long an input can the small 16B sibling of DeepSeek-V2 take in one go?", "32K"),
        ("V2 的 16B 版本激活参数多少", "2.4B"),
    ],
)
def test_a_size_a_variants_parameters_state_names_it(query: str, text: str) -> None:
    """V2-Lite's names hold no size, its total parameters do (16B): "the 16B V2" is V2-Lite, and
    "small" and "sibling" are what the size says of it."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-v2-lite", found
    assert found["text"] == text, found


def test_a_size_no_variant_has_is_not_a_variant() -> None:
    """V3 is 671B itself: its own size names no other model."""
    from deepseek_kb.queries.common import index_for
    from deepseek_kb.search.question import read
    from deepseek_kb.settings import resolve

    question = read(index_for(resolve()), "V3 671B 激活参数多少")
    assert question.subject is not None and question.subject[1]["id"] == "deepseek-v3"


def test_money_asked_of_the_api_is_its_price_not_the_training_cost() -> None:
    found = asserted_answer("deepseek r1 的 api 输出要多少钱")
    assert found is not None and found["asked"] == "api_price_output", found


def test_going_live_is_being_released() -> None:
    found = asserted_answer("when did DeepSeek-V3.2-Exp go live")
    assert found is not None and found["asked"] == "released", found


def test_a_name_typed_with_hyphens_for_its_spaces_is_found() -> None:
    """ "Coder-V2" is the alias "Coder V2" typed with a hyphen; 接着训 asks what it was
    trained on from."""
    found = asserted_answer("Coder-V2 是在哪个 checkpoint 上接着训练的")
    assert found is not None and found["id"] == "deepseek-coder-v2", found
    assert found["asked"] == "base_model", found


@pytest.mark.parametrize(
    ("query", "asked", "count"),
    [
        (
            "how many routed experts does DeepSeek-V2 have in each MoE layer",
            "routed_experts",
            "160",
        ),
        # 每层 (per layer) is how experts are counted, not a figure of its own (the 8 devices).
        ("DeepSeek-V2 每层有几个 routed experts？", "routed_experts", "160"),
        ("V3 每层几个共享专家", "shared_experts", "1"),
    ],
)
def test_experts_per_moe_layer_are_the_experts_of_the_layer(
    query: str, asked: str, count: str
) -> None:
    found = asserted_answer(query)
    assert found is not None and found["asked"] == asked, found
    assert found["text"].startswith(count), found


@pytest.mark.parametrize(
    "query",
    [
        "by how much did V2 reduce its KV cache compared with DeepSeek 67B",
        "与 DeepSeek 67B 相比，V2 的 KV cache 缩小了多少",
    ],
)
def test_the_thing_compared_with_is_not_the_thing_asked(query: str) -> None:
    """ "compared with DeepSeek 67B" names what V2 is set against: V2's figure, whose source
    states the comparison, answers (shrink ~ reduction), or the KV cache's definition, which
    states the same comparison."""
    found = asserted_answer(query)
    assert found is not None and found["id"] in ("deepseek-v2", "kv-cache"), found
    assert "93.3" in found["text"], found


def test_the_thing_set_against_with_dui_bi_is_not_the_one_asked() -> None:
    """跟 DeepSeek 对比 (set against DeepSeek): OpenAI's researchers are asked, not DeepSeek's."""
    found = asserted_answer("跟 DeepSeek 对比时，文章说 OpenAI 有多少 researchers？")
    assert found is not None and found["id"] == "openai-1200-researchers", found
    assert found["text"].startswith("1200"), found


def test_a_figure_of_the_thing_alone_does_not_answer_a_comparison() -> None:
    """V3's own parameter count is no answer to how many more it has than V2."""
    assert asserted_answer("how many more parameters does V3 have than V2") is None


@pytest.mark.parametrize(
    ("query", "figure"),
    [
        ("anthropic has how many researchers vs deepseek", "500"),
        ("OpenAI 有多少 researchers？跟 DeepSeek 比的那个数", "1200"),
    ],
)
def test_a_figure_told_of_both_things_answers_a_comparison(query: str, figure: str) -> None:
    """The article gives Anthropic's researchers beside DeepSeek's; the record is about both, so
    the comparison is the one its figure was told in."""
    found = asserted_answer(query)
    assert found is not None and found["text"].startswith(figure), found


@pytest.mark.parametrize(
    "query", ["V2 的训练集群用的英伟达哪种卡", "which Nvidia cluster was V2 trained on"]
)
def test_the_cluster_and_nvidia_ask_for_the_gpu_type(query: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-v2", found
    assert found["asked"] == "gpu_type" and found["text"] == "H800", found


@pytest.mark.parametrize(
    "query",
    [
        "DeepSeek-Coder-V2 是以哪个模型为起点继续预训练的",
        "R1-Zero 是从哪个模型起步训练出来的",
        "R1 是在哪个模型的基础上训出来的",
    ],
)
def test_the_model_a_training_started_from_is_its_base_model(query: str) -> None:
    """继续预训练 (continued pre-training) also asks for tokens; 起点 and 起步训练 say the model
    it began from."""
    found = asserted_answer(query)
    assert found is not None and found["asked"] == "base_model", found


def test_words_that_qualify_the_question_are_taken_out_whole() -> None:
    """一共 (in all) and 正式 (formal) ask nothing: 一共训练 leaves no pair 共训 to explain, and
    the unit asked in (以 trillion 为单位) is how to read the value."""
    found = asserted_answer("DeepSeek-V3 一共训练了多少 token，以 trillion 为单位")
    assert found is not None and found["asked"] == "training_tokens", found
    assert found["text"] == "14.8T", found


def test_renting_the_gpus_is_what_the_training_cost() -> None:
    found = asserted_answer("V3 正式训练按租卡的价格算花了多少钱")
    assert found is not None and found["asked"] == "training_cost", found
    assert found["text"] == "$5.576M", found


def test_a_yes_no_question_is_not_answered_by_a_count() -> None:
    """员工 (staff) is a word of the head count, but "do staff need approval" asks no number."""
    found = asserted_answer("DeepSeek 的员工用集群的卡需要审批吗")
    assert found is None or found["asked"] != "headcount", found


@pytest.mark.parametrize(
    ("query", "asked", "text"),
    [
        ("DeepSeek-V3 每生成一个 token 要动用多少参数", "active_params", "37B"),
        ("DeepSeek-V3 前前后后一共见过多少 token", "training_tokens", "14.8T"),
        ("DeepSeek-V3 的输入最长能到多少", "context_length", "128K"),
        ("how many shared experts sit in every V3 MoE layer", "shared_experts", "1 expert"),
    ],
)
def test_paraphrased_specs(query: str, asked: str, text: str) -> None:
    """每生成一个 token (for each token generated) asks the activated parameters, 见过 (seen)
    the training tokens, 最长 (longest) the context; 前前后后 (all told) and "sit" ask nothing."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-v3", found
    assert found["asked"] == asked and found["text"] == text, found


@pytest.mark.parametrize(
    ("query", "record", "asked", "text"),
    [
        # What fires, what is in play for a token: its activated parameters; "processes" and
        # "family" say nothing, as 处理 and 家族 do not.
        (
            "How many of V3's weights actually fire for each token it processes?",
            "deepseek-v3",
            "active_params",
            "37B",
        ),
        (
            "How many of DeepSeekMoE 16B's parameters are actually in play for any one token?",
            "deepseek-moe-16b",
            "active_params",
            "~2.8B",
        ),
        (
            "What's the total parameter count of the biggest model in the VL2 family?",
            "deepseek-vl2",
            "total_params",
            "27.5B",
        ),
        # "going by its technical report" is where the asker read it, not a paper asked for.
        (
            "What did the final training run of DeepSeek-V3 cost in US dollars, going by its "
            "technical report?",
            "deepseek-v3",
            "training_cost",
            "$5.576M",
        ),
        # licence ~ license, distil ~ distillation: the licence that allows distilling answers,
        # not what distillation is.
        ("Under what licence can I distil R1's weights?", "deepseek-r1", "license_model", "MIT"),
        # How long a text or document it reads at once is its context.
        ("DeepSeek-V3 一次最多能读进去多长的文本？", "deepseek-v3", "context_length", "128K"),
        ("v2 一口气能读多长的文档呀", "deepseek-v2", "context_length", "128K"),
        ("deepseek v2 一次能塞多长的 document 进去？", "deepseek-v2", "context_length", "128K"),
        # "gets" and a tag question's "right" ask nothing; "from scratch" asks what it started from.
        (
            "For each token DeepSeek-V3 processes, how much of the network actually gets switched on?",
            "deepseek-v3",
            "active_params",
            "37B",
        ),
        (
            "DeepSeek-Coder-V2 wasn't trained from scratch, right? What did they start it from?",
            "deepseek-coder-v2",
            "base_model",
            "An intermediate checkpoint",
        ),
        # 开源是哪一天: when it was open-sourced is its release, not a later day that names it;
        # what the question says it is not asking (the 2024 web version) is set aside.
        (
            "DeepSeek-R1 正式开源是哪一天？（不是 2024 年网页上那个深度思考版）",
            "deepseek-r1",
            "released",
            "2025-01-20",
        ),
        # 前后 (all told) qualifies the question; 投进去 is invested.
        ("萤火二号前后一共投进去多少钱？", "fire-flyer-2", "investment", "¥1B"),
        # "name" asks nothing of its own: the decoder's name is the decoder.
        ("DeepSeek-OCR decoder name", "deepseek-ocr", "passage", "DeepSeek-OCR's decoder is"),
        # The chief executive is the founder the company's record names.
        (
            "Who founded DeepSeek and runs it as chief executive?",
            "liang-wenfeng",
            "founder",
            "Liang",
        ),
        # Experts a MoE layer has to choose from are its routed experts.
        (
            "DeepSeek-V2 每个 MoE layer 里有多少个 routed experts 可供挑选？",
            "deepseek-v2",
            "routed_experts",
            "160 experts",
        ),
        # A cluster coming online is when it was built.
        ("fire-flyer 2 came online what year?", "fire-flyer-2", "founded", "2021"),
        ("萤火二号哪年投入使用的", "fire-flyer-2", "founded", "2021"),
        # 这种小模型 (this kind of small model) is DeepSeek-VL 1.3B named again, no more words.
        (
            "DeepSeek-VL 1.3B 这种小模型，公司能不能拿去做商业产品？",
            "deepseek-vl-1.3b",
            "license_model",
            "DeepSeek Model License",
        ),
        # Tokens served from the cache are the cache-hit price; those written back the output.
        (
            "On the R1 API, what do a million input tokens cost when they're served from the cache?",
            "deepseek-r1",
            "api_price_input",
            "$0.14",
        ),
        (
            "What does the R1 API charge per million tokens it writes back to you?",
            "deepseek-r1",
            "api_price_output",
            "$2.19",
        ),
        (
            "按 2024 年底的说法，API 每输出一百万个 token 收几块钱？",
            "api-price-output",
            "api_price_output",
            "¥2",
        ),
        # "deepseek llm 那个 67b": 67B is a word of DeepSeek LLM 67B's name, not a word asked.
        ("deepseek llm 那个 67b 预训练喂了多少数据呀", "deepseek-llm-67b", "training_tokens", "2T"),
        # 预训练阶段 (the pre-training stage) is the pre-training figure, not the whole run's.
        ("DeepSeek-V3 预训练阶段用了多少 GPU 小时", "deepseek-v3", "figure", "2.664M GPU hours"),
        # search/counted.py: 几个节点 counts nodes; the 8 experts a token goes to are no answer.
        ("V3 里一个 token 最多会被路由到几个节点", "deepseek-v3", "figure", "at most 4 nodes"),
        # Experts every token goes through (都要经过) are the shared ones; 整体 (overall) only
        # qualifies what is asked, as "overall" does in English.
        (
            "DeepSeekMoE 16B 每一层里有几个不管什么 token 都要经过的专家？",
            "deepseek-moe-16b",
            "shared_experts",
            "2 experts",
        ),
        (
            "DeepSeek LLM 7B 的整体 architecture 是照着哪个开源模型搭的？",
            "deepseek-llm-7b",
            "architecture",
            "Same architecture as LLaMA",
        ),
    ],
)
def test_specs_asked_in_other_words(query: str, record: str, asked: str, text: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found
    assert found["asked"] == asked and found["text"].startswith(text), found


def test_a_chinese_word_of_a_group_is_read_whole_from_its_pairs() -> None:
    """测试集 (test set) is read as one word, said as "test": its pairs 测试 试集 are
    accounted for by the MiniF2F-test figure."""
    found = asserted_answer("Prover-V2-671B 在 MiniF2F 测试集上的通过率是多少")
    assert found is not None and "88.9" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        "DeepSeek-OCR 2 的编码器基于哪个模型",
        "what model is the DeepSeek-OCR 2 encoder based on",
        # the noun after "which" (哪个小模型, which small LLM) says what the answer names
        "DeepSeek-OCR 2 的编码器是拿哪个小模型改出来的？",
        "Which small LLM does the DeepSeek-OCR 2 encoder build on?",
    ],
)
def test_a_text_field_that_tells_what_a_missing_one_would_answers(query: str) -> None:
    """OCR 2 states no base model, but its architecture says its encoder is built on
    Qwen2-0.5B; 编码器 is read whole (编 alone is a function character) and said as encoder."""
    found = asserted_answer(query)
    assert found is not None and found["asked"] == "architecture", found
    assert "Qwen2-0.5B" in found["text"], found


def test_a_missing_field_asked_of_a_part_no_value_names_is_no_answer() -> None:
    """No text spec of V3 speaks of a tokenizer: its base model is not stated, and nothing else
    stands in for it."""
    assert asserted_answer("DeepSeek-V3 的分词器基于哪个模型") is None


@pytest.mark.parametrize(
    ("query", "field", "said"),
    [
        ("DeepSeek-V3 pre-training tokens 数量", "specs.training_tokens", "14.8T"),
        ("which language model sits underneath Janus-Pro-7B", "specs.base_model", "DeepSeek-LLM"),
    ],
)
def test_a_word_of_the_line_a_spec_is_quoted_from_is_accounted_for(
    query: str, field: str, said: str
) -> None:
    """ "pre" and "language model" are not the field's words but the quoted line's ("We
    pre-train DeepSeek-V3 on 14.8 trillion … tokens"): the spec answers."""
    found = asserted_answer(query)
    assert found is not None
    assert found["field"] == field
    assert said in found["text"]


def test_where_a_fund_operates_out_of_is_its_location() -> None:
    """ "the High-Flyer fund": fund is what High-Flyer is, not a word to explain; "operate out
    of" asks where it is."""
    found = asserted_answer("What city does the High-Flyer fund operate out of?")
    assert found is not None
    assert found["asked"] == "location" and found["text"] == "Hangzhou", found


@pytest.mark.parametrize(
    "query",
    [
        "How long an input can DeepSeek-Coder-V2 take in one go?",
        "How long an input can DeepSeek-Coder-V2 take?",
    ],
)
def test_how_long_an_input_asks_no_price(query: str) -> None:
    """ "input" is a word of the input price, but a price is not how long: the context length
    answers, or nothing, never the price."""
    found = asserted_answer(query)
    assert found is None or found["asked"] == "context_length", found
    if "one go" in query:
        assert found is not None and found["text"] == "128K", found


@pytest.mark.parametrize(
    "query", ["DeepSeekMath 强化学习用的是什么算法", "what RL algorithm did DeepSeekMath use"]
)
def test_the_algorithm_a_model_was_trained_with_is_its_training_method(query: str) -> None:
    """The RL algorithm asked is the training method (GRPO), not what the model is."""
    found = asserted_answer(query)
    assert found is not None
    assert found["asked"] == "training_method" and "GRPO" in found["text"], found


@pytest.mark.parametrize(
    ("query", "record", "asked", "text"),
    [
        ("v3 pretrain的时候用的啥数值精度啊", "deepseek-v3", "precision", "FP8"),
        ("v2 lite 喂了多少数据训练的", "deepseek-v2-lite", "training_tokens", "5.7T"),
        ("DeepSeek LLM 7B 一次最多能吃进多长的序列？", "deepseek-llm-7b", "context_length", "4K"),
        ("deepseek coder window size in tokens", "deepseek-coder", "context_length", "16K"),
        ("v2-lite 一次能塞多少 token", "deepseek-v2-lite", "context_length", "32K"),
        ("DeepSeek-OCR 2 的开源许可证是哪个", "deepseek-ocr-2", "license_code", "Apache"),
        (
            "Of all the weights in DeepSeek-V3, how many actually do work on any given token?",
            "deepseek-v3",
            "active_params",
            "37B",
        ),
        ("Which company did DeepSeek grow out of?", "deepseek", "parent", "High-Flyer"),
        ("vl2-small total param count?", "deepseek-vl2-small", "total_params", "16.1B"),
        ("damo academy belongs to which company", "damo-academy", "parent", "Alibaba"),
        ("V3 从预训练到后训练，全程一共耗了多少 H800 卡时？", "deepseek-v3", "gpu_hours", "2.788M"),
        (
            "DeepSeekMoE 16B 每个 token 大约只动用多少参数？",
            "deepseek-moe-16b",
            "active_params",
            "2.8B",
        ),
    ],
)
def test_the_words_a_field_is_asked_in_outweigh_the_context_around_them(
    query: str, record: str, asked: str, text: str
) -> None:
    """数值精度 (numeric precision) asked while pretraining is the precision, not the training
    tokens; 多少数据 (how much data) asks the training tokens."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found
    assert found["asked"] == asked and text in found["text"], found


def test_released_under_asks_the_licence_not_the_release() -> None:
    """V3.1's sources give no licence: "released under" is not when it was released."""
    result = run("search", "Which license is DeepSeek-V3.1 released under?")
    assert result.code == 0, result.stderr
    assert "not stated" in result.stdout.casefold() and "licen" in result.stdout.casefold()


@pytest.mark.parametrize(
    "query", ["V3 预训练 GPU hours", "V3 pretraining GPU hours", "v3 pre-training gpu hours"]
)
def test_the_pre_training_stage_asked_is_its_figure_not_the_whole_training(query: str) -> None:
    """预训练 asks the training data elsewhere, so no word seemed left beside "GPU hours": the
    pre-training stage's 2.664M, labelled so, is what is asked, not the whole run's 2.788M."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-v3", found
    assert "2.664M" in found["text"] and "2.788M" not in found["text"], found


@pytest.mark.parametrize("query", ["V3 GPU hours", "V3 训练 GPU hours"])
def test_gpu_hours_asked_without_a_stage_are_the_whole_trainings(query: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["asked"] == "gpu_hours", found
    assert "2.788M" in found["text"], found


def test_a_field_whose_value_the_question_states_is_not_asked_beside_another() -> None:
    """H800 is V3's GPU: named beside "GPU hours" it says which hours, it does not ask the GPU
    (the two fields had tied, and nothing was answered)."""
    found = asserted_answer("V3 H800 GPU hours")
    assert found is not None and found["asked"] == "gpu_hours", found
    assert "2.788M" in found["text"], found


@pytest.mark.parametrize(
    ("query", "asked", "value"),
    [
        ("how many tokens has deepseek v3 eaten", "training_tokens", "14.8T"),
        ("V3 paper arxiv id", "paper", "2412.19437"),
        ("what did R1 Distill Qwen 7B start from", "base_model", "Qwen2.5-Math-7B"),
        ("V3.2-Exp 权重开源协议", "license_model", "MIT"),
        ("what is OCR 2's code licensed under", "license_code", "Apache License 2.0"),
        ("how many transformer blocks are stacked in DeepSeekMoE 16B", "layers", "28"),
        ("DeepSeek-V3 用的低比特格式是哪种", "precision", "FP8"),
        ("which licence governs DeepSeekMath-V2", "license_model", "Apache"),
        ("达摩院是哪家大厂的", "parent", "Alibaba"),
        ("DAMO Academy belongs to whom", "parent", "Alibaba"),
        ("萤火一号砸了多少钱", "investment", "¥200M"),
        ("which open model is R1 Distill Llama 8B finetuned from", "base_model", "Llama-3.1-8B"),
        ("DeepSeekMoE 16B 实际的体量是多少", "total_params", "16.4B"),
        ("how much GPU time did V3 take to train", "gpu_hours", "2.788M"),
        ("how much H800 time did DeepSeek-V3's training take?", "gpu_hours", "2.788M"),
    ],
)
def test_a_field_asked_in_the_words_people_use(query: str, asked: str, value: str) -> None:
    """Eaten tokens are its training data, an arXiv id its paper, what it started from its
    base, 权重开源 its model's licence, its code's licence not its weights'; blocks stacked
    are layers, a low-bit format the precision, what governs it the licence; 是哪家的 and
    "belongs to" ask the parent company, 砸钱 (to sink money) the investment; 体量 is its size;
    GPU time is its GPU hours, not its cost, though "take to train" may ask a cost."""
    found = asserted_answer(query)
    assert found is not None and found["asked"] == asked, found
    assert value in found["text"], found


def test_experts_that_light_up_are_the_ones_activated() -> None:
    found = asserted_answer("how many experts light up for each token in V3")
    assert found is not None and found["id"] == "deepseek-v3", found
    assert found["text"] == "8 experts", found


@pytest.mark.parametrize("query", ["how wide is the hidden state of V3", "V3 隐藏层有多宽"])
def test_the_width_of_the_hidden_state_is_the_hidden_size(query: str) -> None:
    """Not a passage that holds "state" ("state-of-the-art")."""
    found = asserted_answer(query)
    assert found is not None and found["asked"] == "hidden_size", found
    assert found["text"] == "7168", found


def test_experts_a_token_is_sent_to_are_the_activated_ones_not_all_routed() -> None:
    """送去几个 (sent to how many): the 8 a token goes to, not the 256 routed experts there are."""
    found = asserted_answer("V3 每个 token 送到几个 routed expert")
    assert found is not None and found["asked"] == "activated_experts", found
    assert found["text"] == "8 experts", found


def test_a_floating_point_format_is_no_training_data() -> None:
    """预训练 beside 浮点格式 asks the number format of pre-training, not its 14.8T tokens."""
    found = asserted_answer("V3 预训练用的是几位的浮点格式")
    assert found is None or "14.8T" not in found["text"], found


def test_the_gpus_a_cluster_carried_are_its_gpus() -> None:
    found = asserted_answer("how many GPUs does Fire-Flyer 2 carry")
    assert found is not None and found["asked"] == "gpu_count", found
    assert "10,000" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        "can a startup ship R1's weights in a commercial product",
        "R1 的权重能放进收费产品里吗",
    ],
)
def test_weights_in_a_paid_product_ask_the_model_licence(query: str) -> None:
    """A commercial product and 收费产品 ask what the licence allows; the weights are the model
    its licence is of."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-r1", found
    assert found["asked"] == "license_model" and "MIT" in found["text"], found


def test_weights_put_into_ones_own_product_ask_what_the_licence_allows() -> None:
    """装进 (to put into) a product of one's own (自己的, no more asked) asks what the licence
    allows (允许)."""
    found = asserted_answer("想把 V3 的权重装进自己的收费产品，模型协议允许吗")
    assert found is not None and found["id"] == "deepseek-v3", found
    assert found["asked"] == "license_model", found


def test_stretching_a_context_is_extending_it() -> None:
    """stretch ~ extend, and "let" asks nothing: the sentence stating how V2's context was
    extended answers."""
    found = asserted_answer("which trick let DeepSeek-V2 stretch its context window to 128K")
    assert found is not None and found["id"] == "deepseek-v2", found
    assert "YaRN" in found["text"], found


@pytest.mark.parametrize(
    ("query", "record", "text"),
    [
        ("what is the base model of DeepSeek Coder V2", "deepseek-coder-v2", "DeepSeek-V2"),
        ("What's the base model of DeepSeekMath 7B", "deepseek-math-7b", "Coder-v1.5"),
    ],
)
def test_a_name_typed_whole_is_not_a_longer_one_typed_apart(
    query: str, record: str, text: str
) -> None:
    """ "DeepSeek Coder V2" is typed whole: "base" is the field asked, not a word of the name
    DeepSeek-Coder-V2-Base typed apart."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found
    assert found["asked"] == "base_model" and text in found["text"], found


@pytest.mark.parametrize(
    "query", ["how many MTP modules do the open V3 weights include", "V3 开源权重里有几个 MTP 模块"]
)
def test_how_many_is_answered_by_a_text_that_states_the_count(query: str) -> None:
    """V3's multi-token prediction is a text spec; it states the one count asked: 1 MTP
    module. A claim that shares only a word with the question ("open-source", of its GPU hours)
    does not outrank the field it names."""
    found = asserted_answer(query)
    assert found is not None and found["asked"] == "mtp", found
    assert "1 MTP module" in found["text"], found


def test_a_number_in_a_name_is_no_count() -> None:
    """The V3 paper's arXiv number is no count of its pages."""
    assert asserted_answer("V3 的技术报告一共写了多少页？") is None


@pytest.mark.parametrize("query", ["V3 训练花了几天", "how long did Janus-Pro-7B take to train"])
def test_how_long_a_training_took_is_no_question_of_its_cost(query: str) -> None:
    """What it took in days is not what it cost: neither the $5.576M nor "training cost: not
    stated" answers it."""
    assert "training cost" not in run("search", query).stdout.casefold()


@pytest.mark.parametrize(
    "query",
    [
        "janus pro 1b 里面那个语言模型其实有多大",
        "Janus-Pro-1B 背后的语言模型是哪个",
        "which is the underlying llm of Janus-Pro-1B",
    ],
)
def test_the_language_model_inside_a_model_is_its_base_model(query: str) -> None:
    """The size of the LLM inside Janus-Pro-1B is that of the model it is built on (1.5B), not
    Janus-Pro-1B's own total, which no file read gives."""
    found = asserted_answer(query)
    assert found is not None and found["asked"] == "base_model", found
    assert "1.5B" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        "一张 A100-40G 跑 DeepSeek-OCR，一天能产出多少页 training data？",
        "deepseek ocr 一张a100一天能产出多少页训练数据",
    ],
)
def test_pages_of_data_made_are_no_training_tokens(query: str) -> None:
    """How many pages of training data OCR makes a day is no count of the tokens it was trained
    on: not "training tokens: not stated", but the passage that gives the 200k+ pages."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-ocr", found
    assert "200k+ pages per day" in found["text"], found


def test_it_in_a_fields_words_stands_for_the_thing_named() -> None:
    """ "how was it trained" asks the training method; so does "how was R1-Zero trained", the name
    standing where "it" would."""
    found = asserted_answer("how was r1 zero trained")
    assert found is not None and found["asked"] == "training_method", found
    assert "without supervised fine-tuning" in found["text"], found


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("How fast did FlashMLA get after its April 2025 update?", "660 TFlops"),
        ("what fraction of DeepSeek Coder's training data was source code", "87%"),
    ],
)
def test_how_fast_and_what_fraction_ask_a_quantity(query: str, value: str) -> None:
    """A speed or a share is a quantity asked, as "how many" is: the passage or the spec that
    states it answers."""
    found = asserted_answer(query)
    assert found is not None and value in json.dumps(found, ensure_ascii=False), found


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        (
            "what upstream licence does the 8B Llama distill of R1 inherit",
            "deepseek-r1-distill-llama-8b",
            "Llama3.1 license",
        ),
        (
            "the 32b qwen distill of r1 - what license was the upstream qwen originally under?",
            "deepseek-r1-distill-qwen-32b",
            "Apache 2.0",
        ),
    ],
)
def test_the_licence_a_distill_inherits_is_its_base_models(
    query: str, record: str, said: str
) -> None:
    """Upstream ~ originally, inherit ~ derived (search/alike.py): the licence line says both."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and said in found["text"], found


def test_a_count_in_a_unit_no_value_has_is_not_answered_in_another() -> None:
    """哪几层 names layers; the 256 routed experts of an MoE layer do not answer it."""
    assert asserted_answer("v3 哪几层不是 MoE layer 啊") is None
