"""Questions a quote answers though they are not worded like it: what a person named said of
what the question speaks of, and who said the words a question paraphrases; never a quote that
speaks of the question no more than another, nor one about another thing."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer


def test_what_a_person_thinks_of_something_is_their_quote_that_speaks_of_it() -> None:
    """贾扬清 said one thing of the DeepSeek team: 评价 is asked of him, 团队 is in his words."""
    found = asserted_answer("贾扬清对深度求索团队有什么评价")
    assert found is not None
    assert found["id"] == "jia-expertise-overlooked"
    assert "多年的专业知识" in found["value"]["zh"]
    # A quote answers of a thing it speaks of: Karpathy's quotes are on V3, not R1.
    assert asserted_answer("what did Karpathy say about R1") is None


def test_a_persons_quote_is_found_by_the_rarest_words_it_shares_with_the_question() -> None:
    """Labour (人力) and asset are words few of Liang's quotes hold; the one holding both
    answers."""
    found = asserted_answer("liang wenfeng on whether labour is the biggest asset")
    assert found is not None
    assert found["id"] == "liang-people-biggest-asset"
    # A word is held whole or with a short ending: "network" is no net worth.
    assert asserted_answer("what is liang wenfeng's net worth") is None


@pytest.mark.parametrize(
    ("query", "speaker"),
    [
        ("whose words: young film directors should be madly ambitious", "François Truffaut"),
        ("who said the drones and electric vehicles thing about chinese models", "Jack Clark"),
    ],
)
def test_who_said_words_paraphrased_is_the_speaker_of_the_quote_holding_most_of_them(
    query: str, speaker: str
) -> None:
    found = asserted_answer(query)
    assert found is not None
    assert found["text"] == speaker
    # Two of five words of a question (A100, cards) are too few to say who said it; the fact
    # that names who did it answers.
    other = asserted_answer("who got A100 cards first in asia")
    assert other is None or other["id"] == "highflyer-a100-first-in-apac", other


def test_a_line_of_a_persons_life_answers_what_they_did() -> None:
    """罗福莉's bio lines are weighed with her words: 主导 and 开发 are in one line only, VECO's."""
    found = asserted_answer("罗福莉在阿里主导开发过什么模型")
    assert found is not None
    assert found["id"] == "luo-fuli"
    assert "VECO" in found["value"]["en"]


def test_led_is_a_form_of_lead() -> None:
    """ "lead" asked is "led" (主导) in the line: the VECO line holds it and DAMO, the line on
    joining DAMO only DAMO."""
    found = asserted_answer("which model did luo fuli lead at damo")
    assert found is not None
    assert "VECO" in found["value"]["en"]


def test_of_a_persons_quotes_that_search_ranks_alike_the_one_holding_the_words_answers() -> None:
    """Two of Liang's quotes speak of company culture and search ranks them alike; only one
    holds 成文 (written down), so it is what he said of a culture not written down."""
    found = asserted_answer("梁文锋为什么说不搞成文的企业文化")
    assert found is not None
    assert found["id"] == "liang-no-written-culture"


def test_who_someone_is_asked_and_nothing_they_said_is_not_answered_by_a_quote() -> None:
    """ "Which company did Alex Wang found" asks who he is (his role: founder of scale.ai),
    not what he said about Chinese tech, though his quote is the passage that holds most."""
    found = asserted_answer("within the deepseek story, which company did Alex Wang found?")
    assert found is None or found["id"] == "alex-wang", found


def test_labour_asked_in_either_chinese_word_is_the_quote_on_labour_costs() -> None:
    """人力 and 人工 both say labour: Liang's quote on 人工成本 is what he said of 人力成本,
    not the quote on innovation that search ranks alike."""
    found = asserted_answer("梁文锋对人力成本怎么看")
    assert found is not None
    assert found["id"] == "liang-people-biggest-asset"


@pytest.mark.parametrize(
    ("query", "speaker"),
    [
        ("“闭源形成的护城河是短暂的”这话出自哪位", "Liang Wenfeng"),
        ("“DeepSeek V3 让有限算力预算上的预训练变得容易”出自哪位大佬", "Andrej Karpathy"),
    ],
)
def test_which_person_said_it_asks_the_speaker(query: str, speaker: str) -> None:
    """哪位 (which person) asks who, 出自哪位 who said it; 大佬 is what "an AI luminary" says."""
    found = asserted_answer(query)
    assert found is not None and found["asked"] == "speaker", found
    assert found["text"] == speaker, found


def test_abt_and_btw_ask_nothing() -> None:
    """Chat shorthand: "btw", "abt" (about) are no words a quote must hold."""
    found = asserted_answer("what did liang wenfeng say abt where he grew up")
    assert found is not None and found["id"] == "liang-grew-up-in-guangdong", found


def test_a_word_asked_with_its_negation_is_the_word() -> None:
    """贵不贵 asks whether it is 贵: Liang's quote that innovation is expensive answers."""
    found = asserted_answer("梁文锋觉得创新贵不贵")
    assert found is not None and found["id"] == "liang-innovation-expensive-inefficient"


def test_a_quote_search_cannot_find_in_a_long_question_is_found_by_the_words_it_holds() -> None:
    """Search reads no sentence this long; of all Liang's quotes, one holds written and
    culture."""
    found = asserted_answer(
        "Why doesn't DeepSeek write its company culture down, according to Liang Wenfeng?"
    )
    assert found is not None and found["id"] == "liang-no-written-culture"


def test_the_question_a_quote_answered_counts_as_its_words() -> None:
    """ "When hiring for large models" is the interviewer's question, not Liang's words."""
    found = asserted_answer("what does liang wenfeng insist on when hiring for large models")
    assert found is not None and found["id"] == "liang-hiring-must-haves"


def test_two_answers_to_one_interview_question_are_one_answer_in_the_order_said() -> None:
    """Both of Liang's answers to "怎么让新人进入状态" hold 新人; the first said comes first."""
    found = asserted_answer("梁文锋说新人进公司咋带")
    assert found is not None and found["id"] == "liang-give-newcomers-important-work"


@pytest.mark.parametrize(
    ("query", "quotes"),
    [
        (
            "what does Liang Wenfeng look for in the people he hires",
            {"liang-hiring-passion-curiosity", "liang-choosing-people-passion-curiosity"},
        ),
        (
            "梁文锋招人主要看什么",
            {"liang-hiring-passion-curiosity", "liang-choosing-people-passion-curiosity"},
        ),
    ],
)
def test_a_person_asked_what_of_a_topic_is_their_quote_naming_it(
    query: str, quotes: set[str]
) -> None:
    """A person and a topic they spoke on (hiring), asked what, with no field of theirs asked:
    of their quotes on it, the one that names it (选人标准, the criteria for choosing people)."""
    found = asserted_answer(query)
    assert found is not None and found["id"] in quotes, found


def test_a_topic_asked_with_words_none_of_its_quotes_hold_is_no_quote() -> None:
    """Which graduates he hires asks more than what he said on hiring: no quote holds it."""
    found = asserted_answer("which university grads does liang hire")
    assert found is None or found["id"] == "liang-wenfeng", found


@pytest.mark.parametrize("query", ["梁文锋的爸爸是干什么的", "what did Liang Wenfeng's dad do"])
def test_a_person_asked_what_is_the_one_quote_of_theirs_holding_the_words(query: str) -> None:
    """No field of his and no topic asked: of all he said, the one quote that holds the other
    words (dad ~ 父亲) answers."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "liang-grew-up-in-guangdong", found


@pytest.mark.parametrize(
    "query",
    [
        "DeepSeek 的员工想用训练集群的显卡，需要层层报批吗？",
        "在 DeepSeek 调用训练集群的卡需要审批吗",
        "do ds researchers need approval to grab gpus from the training cluster?",
    ],
)
def test_what_he_said_is_asked_in_other_words_than_his(query: str) -> None:
    """报批 ~ 审批 ~ approval, grab ~ use; 需要 (need) is read whole, as "need" is a function word,
    not paired with the 卡 before it: his words on using the cluster without approval answer."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "liang-gpus-without-approval", found


@pytest.mark.parametrize(
    ("query", "quote"),
    [
        ('Who said "there are no unfathomable geniuses"?', "liang-no-unfathomable-geniuses"),
        (
            'Who said DeepSeek "has hired a group of unfathomable geniuses"?',
            "clark-unfathomable-geniuses",
        ),
        (
            "Who originally said 'be madly ambitious, and be madly sincere', the line quoted when"
            " DeepSeek was founded?",
            "truffaut-ambition-sincerity",
        ),
    ],
)
def test_who_said_words_quoted_is_asked_by_the_words_as_they_run(query: str, quote: str) -> None:
    """Of two quotes sharing the words, the one they run in unbroken; a clause after the quoted
    words ("quoted when DeepSeek was founded") asks no date of the quote."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == quote, found
    assert found["asked"] == "speaker", found


@pytest.mark.parametrize(
    "query",
    [
        "When does Liang Wenfeng expect AGI to arrive?",
        "梁文锋觉得 AGI 什么时候实现",
    ],
)
def test_when_someone_expects_a_thing_is_the_span_they_said(query: str) -> None:
    """ "Within our lifetime" (有生之年) says when, without a year; AGI arriving is AGI being
    achieved (实现)."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "liang-agi-not-generative-ai", found
    assert "lifetime" in found["text"] or "有生之年" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        "ds 内部考核看不看 KPI？有没有 performance review 那一套，梁文锋咋说",
        "ds内部有没有kpi考核啊",
    ],
)
def test_a_performance_review_is_the_evaluation_liang_speaks_of(query: str) -> None:
    """考核 ~ review ~ evaluation (search/alike.py), 内部 (inside it) only qualifies: the quote
    that there are no KPIs."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "liang-no-kpi", found


def test_an_llm_is_a_large_language_model() -> None:
    """llm ~ 大语言模型 (search/alike.py): the quote on everyone building their own."""
    found = asserted_answer("why does liang think every big co and startup will build its own llm")
    assert found is not None and found["id"] == "liang-openai-shows-the-way", found


@pytest.mark.parametrize(
    ("query", "quote", "said"),
    [
        # "in X's words" asks what they said.
        ("What is curiosity, in Liang Wenfeng's words", "liang-curiosity-about-ai-limits", "AI"),
        # 比作 (likened to) is what "like drones" says.
        ("Jack Clark 把中国大模型比作什么", "clark-chinese-models-force", "drones"),
    ],
)
def test_a_quote_asked_in_other_words_is_answered(query: str, quote: str, said: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == quote and said in found["text"], found


def test_a_quote_holding_the_word_asked_comes_before_one_filed_under_a_topic_named_by_it() -> None:
    """KPI names the management topic, under which several of Liang's quotes are filed; the
    one whose own words say 没有 KPI answers, not a shorter one that only shares the topic."""
    found = asserted_answer("DeepSeek 有 KPI 吗")
    assert found is not None
    assert found["id"] == "liang-no-kpi"
    assert "KPI" in found["value"]["zh"]


def test_who_is_asked_of_a_quotes_speaker_only_when_the_question_names_them() -> None:
    """Liang spoke of building Fire-Flyer 2; who paid for or built it is not asked of him. "liang: can
    only people who've done it do it?" names him, and his quote on it answers."""
    for query in ("萤火二号是谁出钱建的", "2021 年谁投入建设萤火二号"):
        found = asserted_answer(query)
        assert found is None or found["field"] != "speaker", found
    theirs = asserted_answer("liang: can only ppl who've done it before do it?")
    assert theirs is not None and theirs["id"] == "liang-not-only-those-who-did-it", theirs
