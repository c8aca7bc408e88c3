"""Words typed in a hurry are read as the words they stand for: 啥 is 什么, "wat" is what, and
"lol" asks nothing (search/question.py, informal)."""

from __future__ import annotations

import pytest

from deepseek_kb.search.informal import informal

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("用的啥卡", "用的什么卡"),
        ("wat is mtp", "what is mtp"),
        ("how many gpu hours lol", "how many gpu hours "),
        ("watson lollipop", "watson lollipop"),  # whole words only
        ("r1论文arxiv号多少", "r1论文arxiv号是什么"),
        ("mega moe in deepgemm = ?", "mega moe in deepgemm what is"),
        ("eli5 dualpipe", "explain dualpipe"),
        ("explain mla like i'm 5", "explain mla"),
        ("kv缓存是个啥", "kv缓存是什么"),
    ],
)
def test_informal_words_are_read_as_meant(typed: str, meant: str) -> None:
    assert informal(typed).split() == meant.split()


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        ("how many gpu hours did v3 take in total lol", "deepseek-v3", "2.788M"),
        ("wat is mtp in deepseek v3", "mtp", "Multi-Token Prediction"),
        ("r1论文arxiv号多少", "deepseek-r1", "2501.12948"),
        ("paper id of deepseek r1 pls", "deepseek-r1", "2501.12948"),  # a paper's id is the paper
        ("mega moe in deepgemm = ?", "mega-moe", "fused MoE"),
        ("explain multi-token prediction like im five", "mtp", "Multi-Token Prediction"),
        ("dualpipe是个啥", "dualpipe", "pipeline parallelism"),
    ],
)
def test_an_informal_question_is_answered(query: str, record: str, said: str) -> None:
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == record
    assert said in found["text"]


@pytest.mark.parametrize(
    ("query", "record"),
    [("DeepEP 是干啥用的", "deepep"), ("什么叫冗余专家", "redundant-experts")],
)
def test_what_a_thing_is_for_asks_what_it_is(query: str, record: str) -> None:
    """干什么用的 (what is it for) and 什么叫 (what is called) ask what the thing is."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == record and found["asked"] == "identity", found


def test_the_experts_each_token_is_sent_to_are_the_activated_ones() -> None:
    found = asserted_answer("how many experts does v3 send each token to")
    assert found is not None
    assert found["asked"] == "activated_experts" and found["text"].startswith("8"), found


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        # "if" asks nothing; "full parameter count" is the total
        (
            "What's the full parameter count of DeepSeek V3 if you count every expert?",
            "deepseek-v3",
            "671B",
        ),
        # 一般 (usually) qualifies the question, 合适 (suitable) is what is recommended
        ("deepseek r1 温度一般设多少合适啊 tempreature", "deepseek-r1", "0.6"),
        # 解决什么 asks what it is for, whatever language the problem is named in
        ("eplb 是解决什么 problem 的", "eplb", "load balancer"),
        # cover, come in, himself, kick off: verbs and words that ask nothing of their own
        ("Which licence covers DeepSeekMath-V2?", "deepseek-math-v2", "Apache License 2.0"),
        ("what sizes does deepseek coder v1 come in?", "deepseek-coder", "33B"),
        # "the original DeepSeek Coder" is DeepSeek Coder, named as it is
        ("What context window does the original DeepSeek Coder support?", "deepseek-coder", "16K"),
        ("Where does Sebastian Raschka himself say he works?", "sebastian-raschka", "OpenAI"),
        ("When did China's LLM price war kick off?", "price-war-2024-05", "2024-05"),
        # a final run is the official training the source speaks of
        ("v3 final training run cost how much $$", "deepseek-v3", "$5.576M"),
        # 搭起来 (put together) is built; written in is built with
        ("smallpond 是基于什么搭起来的", "smallpond", "DuckDB"),
        ("what language are TileKernels written in", "tilekernels", "TileLang"),
        # the noun after 哪些 or a 什么 that ends the question names the kind of answer
        ("smallpond 是基于哪些组件构建的？", "smallpond", "DuckDB"),
        ("karpathy跟openai啥关系", "andrej-karpathy", "Founding member of OpenAI"),
        # besides, ones, overall, now: words that ask nothing of their own
        ("besides the shared ones, how many experts does each V3 token go to", "deepseek-v3", "8"),
        ("how big is DeepSeek-V2.5 overall", "deepseek-v2.5", "236B"),
        # 全称 asks what it is called, spelled out where an alias spells it out
        ("3FS 全称", "3fs", "Fire-Flyer File System"),
        # 哪国人 asks who someone is; the role says where they are from
        ("西蒙·威利森是哪国人", "simon-willison", "British"),
        # 尺寸 are a model's sizes
        ("deepseek coder 有哪些尺寸", "deepseek-coder", "33B"),
        # 单卡 is a single card
        ("deepseek ocr 单卡A100 一天能出多少页", "deepseek-ocr", "200k+"),
        # what a parenthesis says is not asked about is not the thing asked about
        ("when did v3.2 (not the exp one) come out", "deepseek-v3.2", "2025-12-01"),
        ("V3（不是 V3.1）有多少参数", "deepseek-v3", "671B"),
        # "the final V3.2": every model is the final one of itself
        ("when did deepseek put out the final v3.2", "deepseek-v3.2", "2025-12-01"),
        # a clause set off by commas says more of the thing named and asks nothing
        ("DeepSeek-V2, which came out in May 2024, has how many layers?", "deepseek-v2", "60"),
        (
            "Jack Clark, who praised DeepSeek's hires, co-founded which company?",
            "jack-clark",
            "Anthropic",
        ),
    ],
)
def test_a_chatty_question_is_answered(query: str, record: str, said: str) -> None:
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == record and said in found["text"], found


def test_the_thing_named_again_by_what_it_is_asks_nothing_more() -> None:
    """ "幻方这家基金" is High-Flyer again, called a fund: 基金 is no word its city must say."""
    found = asserted_answer("幻方这家基金位于哪个城市")
    assert found is not None
    assert found["id"] == "high-flyer" and found["text"] == "Hangzhou"


@pytest.mark.parametrize(
    ("query", "record"),
    [
        ("fireflyer 1 有多少张显卡", "fire-flyer-1"),
        ("mathv2 putnam 2024 score", "deepseek-math-v2"),
    ],
)
def test_a_name_typed_without_its_hyphen_names_the_thing(query: str, record: str) -> None:
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == record


@pytest.mark.parametrize(
    ("query", "asked", "value"),
    [
        ("for a slide I'm making: where is High-Flyer headquartered", "location", "Hangzhou"),
        ("写稿要用：幻方总部在哪个城市", "location", "Hangzhou"),
        (
            "I'm writing a profile. which university did Liang Wenfeng attend",
            "education",
            "Zhejiang",
        ),
        # After the question, and where the asker read of it.
        ("where is High-Flyer headquartered? it's for a slide", "location", "Hangzhou"),
        (
            "what did v3 cost to train in dollars, per its technical report",
            "training_cost",
            "5.576",
        ),
        ("据论文，V3 的训练成本是多少美元", "training_cost", "5.576"),
    ],
)
def test_a_clause_saying_why_it_is_asked_asks_nothing(query: str, asked: str, value: str) -> None:
    """ "For a slide I'm making:", "写稿要用：": context before the question, no word of it an
    answer must account for."""
    found = asserted_answer(query)
    assert found is not None and found["asked"] == asked, found
    assert value in found["text"], found


def test_a_topic_before_a_colon_is_still_asked_about() -> None:
    """ "device limited routing:" names what is asked, it says no purpose: the activated
    experts are not the devices a token may be sent to."""
    found = asserted_answer("device limited routing: max devices per token in v2")
    assert found is None or found["asked"] != "activated_experts", found


@pytest.mark.parametrize(
    "query",
    ["how many ppl worked on v3, incl the founder?", "how many ppl worked on v3 incl. liang"],
)
def test_incl_is_including(query: str) -> None:
    """ "incl" (with its dot or without) is "including", which the 139 people's sentence says."""
    found = asserted_answer(query)
    assert found is not None and found["text"].startswith("139"), found


@pytest.mark.parametrize(
    "query",
    ["hf上v3显示685B，跟论文的671B差出来的那部分是啥", "hf上v3写着685b 多出来的14b是啥"],
)
def test_hf_is_hugging_face(query: str) -> None:
    """ "hf", typed against Chinese too (hf上), is Hugging Face: the README's sentence on the
    685B there (671B of the main model, 14B of the MTP module) answers."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-v3", found
    assert "14B" in found["text"], found


@pytest.mark.parametrize("query", ["v3 hf 仓库叫什么", "v3 hugging face 仓库叫什么"])
def test_what_something_is_called_is_no_figure(query: str) -> None:
    """The Hugging Face repository's name is asked: the 685B on Hugging Face is no answer."""
    found = asserted_answer(query)
    assert found is None or "685" not in found["text"], found


def test_the_original_of_a_name_that_is_not_the_things_own_stays_asked() -> None:
    """No record is the original Janus: Janus-Pro's date is not its date."""
    found = asserted_answer("when was the original Janus model released")
    assert found is None, found


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("v3 total param count?? is it like 600-something B", "671B"),
        ("V3 training precision — fp16 or something else?", "FP8"),
    ],
)
def test_a_value_the_question_guesses_asks_nothing_more(query: str, said: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["text"] == said, found


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        ("r1 的底座是哪个模型啊，直接拿 v3 训的吗", "deepseek-r1", "DeepSeek-V3-Base"),
        ("what is r1 built on, is it v3?", "deepseek-r1", "DeepSeek-V3-Base"),
    ],
)
def test_a_guess_that_ends_a_question_is_no_thing_asked_about(
    query: str, record: str, said: str
) -> None:
    """V3 named in the guess is not the model asked about: R1's base model is the answer."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and said in found["text"], found


def test_what_the_question_says_it_does_not_ask_between_commas_is_set_aside() -> None:
    """ ", not the Exp one,": V3.2's own date, the experimental one's words set aside."""
    found = asserted_answer(
        "When did the final DeepSeek-V3.2, not the Exp one, go live on the API?"
    )
    assert found is not None and found["text"] == "2025-12-01", found


def test_a_size_spelt_out_names_the_variant_and_a_contrast_is_set_aside() -> None:
    """ "the 7-billion-parameter DeepSeek LLM" is DeepSeek LLM 7B; "as opposed to its bigger
    sibling" asks nothing of the 67B."""
    found = asserted_answer(
        "Which attention scheme did the 7-billion-parameter DeepSeek LLM use, as opposed to its "
        "bigger sibling?"
    )
    assert found is not None and found["id"] == "deepseek-llm-7b" and found["value"] == "MHA", found


@pytest.mark.parametrize(
    ("query", "record"),
    [
        ("tilekernal license", "tilekernels"),
        ("flashmal license", "flashmla"),
        ("smalpond license", "smallpond"),
    ],
)
def test_a_name_typed_with_a_slip_beside_a_field_is_the_thing_asked(
    query: str, record: str
) -> None:
    """The slip is a word no source uses, so the first hit's near match of a name is the
    thing asked about, though the field's word weighs its score down."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found
    assert found["text"] == "MIT", found


def test_a_word_of_the_sources_near_a_name_is_no_slip() -> None:
    """ "deepseek-chat" is a word of the sources: no model whose alias it is near is asked
    about, and the price table's cache-miss price answers."""
    found = asserted_answer("deepseek-chat 缓存未命中的输入价")
    assert found is not None and found["id"] == "api-pricing-table-chat-reasoner", found


@pytest.mark.parametrize(
    ("query", "record", "day"),
    [
        ("when did v3 land", "deepseek-v3", "2024-12-26"),
        ("when did R1 roll out", "deepseek-r1", "2025-01-20"),
        ("VL2 那一系列（tiny、small、标准版）是哪天一起放出来的？", "vl2-release", "2024-12-13"),
    ],
)
def test_a_release_asked_in_everyday_words_is_dated(query: str, record: str, day: str) -> None:
    """ "Land", "roll out" and 放出来 ask when a thing came out, as "released" does."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found
    assert day in str(found["value"]), found
