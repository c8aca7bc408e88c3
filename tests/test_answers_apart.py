"""Chinese typed without spaces is compared with the sources word by word: a pair of characters
that straddles two words (说创 of 说创新, 据训 of 数据训练) is set apart, since no source could ever
account for it (search/apart.py)."""

from __future__ import annotations

import pytest

from deepseek_kb.queries.common import index_for
from deepseek_kb.search.apart import apart
from deepseek_kb.search.leftover import content
from deepseek_kb.settings import resolve

from .conftest import asserted_answer


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("说创新是贵还是便宜", "说 创新是贵还是便宜"),  # 说创 is held by no source
        ("挑人最看重什么", "挑人 最 看重什么"),  # 挑人 is a word of the alike groups
        ("国内手握一万张以上", "国内 手握一万张以上"),
        ("喂了多少数据训练的", "喂了多少数据 训练的"),  # 数据 and 训练, not 据训
        # A word no source holds stays whole: it is what tells that nothing answers.
        ("哪年出生的", "哪年出生的"),
        ("在哪读的博士", "在哪读的博士"),
        # A numeral or a question character is bound to the word after it.
        ("第二代 cluster 投入了多少钱", "第二代 cluster 投入了多少钱"),
        ("论文登上了哪本期刊", "论文 登上了哪本期刊"),
    ],
)
def test_chinese_is_set_apart_only_where_no_source_joins_two_characters(
    typed: str, read: str
) -> None:
    assert apart(index_for(resolve()), typed) == read


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        ("梁文锋说电费和维护每年只占硬件造价的百分之几", "liang-power-and-upkeep-cheap", "1%"),
        ("梁文锋是在哪个省长大的", "liang-grew-up-in-guangdong", "Guangdong"),
        ("DeepSeek 员工用 GPU 集群需要 approval 吗", "liang-gpus-without-approval", "GPU"),
        ("罗福丽主导开发了啥模型", "luo-fuli", "VECO"),
    ],
)
def test_a_question_whose_words_run_together_is_answered_by_what_speaks_of_them(
    query: str, record: str, said: str
) -> None:
    found = asserted_answer(query)
    assert found is not None, query
    assert found["id"] == record and said in found["text"], found


@pytest.mark.parametrize("query", ["罗福莉在阿里主导做的啥模型", "罗福丽在阿里主导做的啥模型"])
def test_a_chinese_word_is_not_held_by_a_longer_english_word_its_stand_in_begins(
    query: str,
) -> None:
    """主导 stands for "lead", which "leaderboard" begins but does not say: AliceMind topping a
    leaderboard is not what she led."""
    found = asserted_answer(query)
    assert found is None or "leaderboard" not in found["text"], found


def test_a_degree_the_sources_do_not_name_is_not_answered_by_where_someone_studied() -> None:
    """The sources say where Liang Wenfeng studied, not that he took a doctorate there: what a
    person studied must account for every word asked."""
    assert asserted_answer("梁文锋在哪读的博士") is None
    found = asserted_answer("梁文锋在浙大学的是什么专业")
    assert found is not None and found["asked"] == "education", found


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        # 融过资: a verb of two characters with 过 between them is the verb, 融资.
        ("DeepSeek 融过资吗", "deepseek-open-source-never-raised-money", "funding"),
        # 手里 (in hand) is owning, 上万张 (cards) the sources' 1万枚 (chips).
        ("国内手里有上万张卡的公司有几家", "china-firms-over-10k-gpus", "5"),
        # 被媒体叫做 (called by the media): what it is called, whoever calls it.
        ("DeepSeek 被媒体叫做 AI 界的什么", "deepseek-pinduoduo-of-ai", "Pinduoduo"),
    ],
)
def test_words_said_otherwise_than_the_sources_say_them(query: str, record: str, said: str) -> None:
    found = asserted_answer(query)
    assert found is not None, query
    assert found["id"] == record and said in found["text"], found


@pytest.mark.parametrize(
    ("typed", "pieces"),
    [
        ("融过资吗", ["融资"]),
        ("训练了多少", ["训练"]),
        ("用了多少", []),
        ("被人叫做 ai 界的什么", ["被叫做", "ai"]),
    ],
)
def test_a_verb_split_by_guo_or_le_is_read_whole(typed: str, pieces: list[str]) -> None:
    assert content(typed) == pieces
