"""Questions a passage of the sources answers: a yes/no question whose words touch a field it
does not ask for, and a passage found by the topics its record is filed under."""

from __future__ import annotations

import json

import pytest

from .conftest import asserted_answer, first_hit, run, stdout_at


@pytest.mark.parametrize(
    "query",
    [
        "do DeepSeek staff need approval to use the training cluster's GPUs",
        "DeepSeek 研究员用集群的卡要审批吗",
    ],
)
def test_a_yes_no_question_is_answered_by_the_passage_that_settles_it(query: str) -> None:
    """Staff (员工, researchers) are words of the head count, but a yes/no question asks for no
    figure: the founder's words on the cluster answer it."""
    first = first_hit(query)
    assert first["match"]["how"] == "answer", first["match"]
    assert first["id"] == "liang-gpus-without-approval"
    assert "without approval" in first["record"]["text"]["en"]


def test_a_yes_no_question_does_not_stop_a_figure_being_answered() -> None:
    """ "does DeepSeek have 60 staff" still gets the head count, not a passage."""
    first = first_hit("does DeepSeek have 60 staff")
    assert first["match"]["how"] == "answer"
    assert first["match"]["answer"]["asked"] == "headcount", first["match"]


def test_a_passage_is_found_by_the_names_of_the_topics_it_is_filed_under() -> None:
    """ "venture capital" is the funding topic's alias: the fact filed under funding, which
    says DeepSeek never raised any, answers though it says neither word."""
    first = first_hit("did deepseek take venture capital money")
    assert first["match"]["how"] == "answer", first["match"]
    assert first["id"] == "deepseek-open-source-never-raised-money"


def test_a_records_note_does_not_make_it_the_answer() -> None:
    """The note of Prover-V2's release speaks of the paper as updated on 2025-07-18 (Putnam 47):
    the release's own date, 2025-04-30, is not when the result was changed."""
    first = first_hit("Prover-V2 论文哪天把 Putnam 结果改成 47")
    answer = first["match"].get("answer") or {}
    assert answer.get("text") != "2025-04-30", first["match"]


def test_an_event_is_found_by_the_names_of_the_things_it_is_about() -> None:
    """The interview's text names its interviewer only; it is filed under 梁文锋, so "Simon
    Willison 专访梁文锋是哪天" is still its date."""
    first = first_hit("Simon Willison 专访梁文锋是哪天")
    assert first["match"]["how"] == "answer", first["match"]
    assert first["match"]["answer"]["text"] == "2024-11-27"


@pytest.mark.parametrize(
    ("query", "record"),
    [
        ("does deepseek make a profit", "deepseek-profitable"),
        ("DeepSeek 拿过融资吗", "deepseek-open-source-never-raised-money"),
        # 赚不赚钱 asks 赚钱 yes or no, however its words are spaced
        ("deepseek到底赚不赚钱啊", "deepseek-profitable"),
        # money is a word of a model's training cost, which a yes/no question does not ask
        ("Does DeepSeek make money?", "deepseek-profitable"),
    ],
)
def test_one_word_asked_yes_or_no_of_the_company_is_answered(query: str, record: str) -> None:
    """One word asked of the company is too little to answer by, unless asked yes or no: the
    sentence that settles it answers."""
    first = first_hit(query)
    assert first["match"]["how"] == "answer", first["match"]
    assert first["id"] == record


def test_max_is_said_by_at_most() -> None:
    """ "max devices": the sources say "at most 3 devices"."""
    found = asserted_answer("device-limited routing max devices a token goes to")
    assert found is not None and "at most 3" in found["text"], found


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        ("high-flyer 被叫做量化什么四大天王", "highflyer-quant-four-kings", "Four Heavenly Kings"),
        ("DeepSeek API 调用 用的哪个 SDK", "api-example-openai-sdk", "OpenAI SDK"),
        ("Coder-V2 能理解几种 programming languages", "deepseek-coder-v2", "338"),
    ],
)
def test_a_passage_holding_two_in_three_of_the_words_and_outweighing_the_rest_answers(
    query: str, record: str, said: str
) -> None:
    """Worded unlike the passage, the question shares two in three of its words with one
    passage, the rarest among them (四大天王, SDK, programming languages): that one answers."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == record
    assert said in found["text"]


@pytest.mark.parametrize(
    "query",
    [
        "How many samples did DeepSeek fine-tune the Qwen-based R1 distills with?",
        "R1 distill 那些 Qwen 小模型用了多少 samples 微调",
    ],
)
def test_one_sentence_told_of_several_models_is_one_passage(query: str) -> None:
    """The four Qwen distills each state the 800k samples in the same words: one passage, not
    four alike that cancel out; and a sentence with no number does not answer "how many"."""
    found = asserted_answer(query)
    assert found is not None and "800k" in found["text"], found


def test_a_count_asked_in_a_unit_is_answered_only_by_a_passage_in_that_unit() -> None:
    """多少页 counts pages: of the passages about V3's technical report, the one counting its 53
    pages (页) fits; DualPipe's, which names the report and holds numbers, does not."""
    from deepseek_kb.queries.common import index_for
    from deepseek_kb.search.passages import fits, passages_of
    from deepseek_kb.search.question import read
    from deepseek_kb.settings import resolve

    index = index_for(resolve())
    question = read(index, "V3 的技术报告一共写了多少页")
    fitting = {
        p.record["id"]
        for p in passages_of(index, question, [])
        if fits(question, p, [str(p.text["zh"]), str(p.text["en"])], None)
    }
    assert "v3-release" in fitting and "dualpipe" not in fitting, fitting


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        ("幻方在量化圈被叫作什么", "highflyer-quant-four-kings", "Four Heavenly Kings"),
        ("幻方在量化圈被称作什么", "highflyer-quant-four-kings", "Four Heavenly Kings"),
    ],
)
def test_what_a_thing_is_called_is_said_in_the_words_of_the_sources(
    query: str, record: str, said: str
) -> None:
    """叫作 and 称作 ask what the sources say it was called (被称为, 冠以 … 之称, dubbed)."""
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == record
    assert said in found["text"]


@pytest.mark.parametrize(
    "query",
    [
        "which journal published the R1 paper",
        "R1 的论文登上了哪本期刊",
        "which journal did the R1 paper eventually appear in",  # eventually asks nothing
    ],
)
def test_which_journal_is_answered_by_the_passage_naming_it(query: str) -> None:
    """ "which journal published" names the kind of thing asked: published asks no release
    date here, and the passage that names the journal (Nature) answers."""
    found = asserted_answer(query)
    assert found is not None
    assert "Nature" in found["text"]


def test_a_title_in_book_marks_is_read_without_them() -> None:
    """《疯狂的幻方》: the marks around a title are no characters of it (no pair 《疯), so the
    interview's date answers."""
    found = asserted_answer("《疯狂的幻方》那篇访谈是哪天发的")
    assert found is not None
    assert "2023-05-24" in found["text"]


def test_a_statement_comes_before_someones_words_when_they_say_as_much() -> None:
    """融资 is the funding topic's name: the fact that DeepSeek has raised no money and three
    quotes filed under funding hold it alike; the fact answers, not the shortest quote."""
    found = asserted_answer("DeepSeek 融资了吗")
    assert found is not None
    assert found["id"] == "deepseek-open-source-never-raised-money"


@pytest.mark.parametrize(
    "query",
    [
        "till when could you call v3.2 speciale on the api",
        "until when could one call V3.2-Speciale",
    ],
)
def test_till_when_something_lasted_is_not_when_it_happened(query: str) -> None:
    """V3.2-Speciale came out on 2025-12-01 on an endpoint that lasted until 2025-12-15: the
    release date is no answer to till when; the sentence saying until when is."""
    found = asserted_answer(query)
    assert found is not None
    assert "2025-12-15" in json.dumps(found["value"])
    assert found["text"] != "2025-12-01"


def test_a_chinese_word_kept_whole_is_held_by_a_word_that_stands_for_it() -> None:
    """被叫做 (is called) is in the passage as 冠以……之称 and "dubbed": a Chinese word the
    question keeps whole, like a Latin one, may be held by a word that stands for it (a pair of
    characters still as it is: 缩小 is not 减少 there)."""
    found = asserted_answer("DeepSeek 被叫做 AI 界的什么")
    assert found is not None
    assert found["id"] == "deepseek-pinduoduo-of-ai"
    assert "拼多多" in found["value"]["zh"]


def test_a_word_of_one_character_between_function_words_is_still_asked() -> None:
    """钱 in "网页版要钱吗" (does the web version cost money) stands alone between 要 and 吗: a
    passage that speaks of the web app but not of money does not answer."""
    found = asserted_answer("DeepSeek 的网页版要钱吗")
    assert found is None or found["id"] != "deepseek-v3-0324", found


def test_a_fact_is_told_of_the_thing_it_is_about_not_by_its_id() -> None:
    """A fact has no name of its own: the answer line names what it is about (DeepSeek)."""
    first = stdout_at(120, "search", "DeepSeek 融过资吗", "--lang", "en").splitlines()[0]
    assert first.startswith("Answer: DeepSeek · as the sources put it"), first
    assert "never-raised-money" not in first


def test_a_choice_is_settled_by_a_form_of_its_word() -> None:
    """ "profitable or burning cash": the fact says DeepSeek "makes a profit"."""
    found = asserted_answer("is deepseek actually profitable or burning cash")
    assert found is not None and found["id"] == "deepseek-profitable", found


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        (
            "V3/R1 线上 serving 的 decode 阶段，expert parallelism 开到多大？",
            "expert-parallelism",
            "EP144",
        ),
        ("DeepSeek-OCR 压缩比在 10 倍以内时识别精度能有多少？", "deepseek-ocr", "97%"),
        (
            "how much faster per user is DSpark vs the MTP-1 baseline",
            "deepspec-dspark-release",
            "MTP-1",
        ),
        # GPU (a text field) asked how much: what the passage says of it answers
        ("can DeepSeekMoE 16B run on a single GPU, how much memory", "deepseek-moe-16b", "40GB"),
        # how often the cache is hit (命中率) is no price
        ("V3/R1 推理服务 KV 缓存命中率多少", "open-source-week-day-6", "56.3%"),
    ],
)
def test_a_faint_word_for_a_field_among_many_it_does_not_explain_asks_a_passage(
    query: str, record: str, said: str
) -> None:
    """多大 (how big) or 多少 is a model's size only when the words around it say so: among
    decode, expert parallelism and serving, the passage that speaks of them all answers."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and said in found["text"], found


@pytest.mark.parametrize(
    ("query", "term", "told"),
    [
        ("DSA 这个 sparse attention 每个 query token 会挑多少个 key-value token？", "dsa", "2048"),
        ("DeepSeek 线上推理用的 on-disk KV cache 命中率是多少？", "kv-cache", "56.3%"),
    ],
)
def test_a_terms_note_answers_what_its_definition_does_not_tell(
    query: str, term: str, told: str
) -> None:
    """DSA's definition says what it is for; its note says how many key-value tokens it picks
    for each query token. The KV cache's note gives the on-disk cache's hit rate."""
    first = first_hit(query)
    assert first["match"]["how"] == "answer", first["match"]
    assert first["id"] == term
    assert told in first["match"]["answer"]["text"], first["match"]


def test_a_terms_note_gives_way_to_its_definition() -> None:
    """The shared experts' note tells V2's and V3's counts; their difference from the routed
    experts is what the definition says."""
    first = first_hit("共享专家跟路由专家到底有什么不一样？")
    assert first["match"]["how"] == "answer", first["match"]
    assert "every token" in first["match"]["answer"]["text"], first["match"]


@pytest.mark.parametrize(
    ("query", "record", "told"),
    [
        # The training data's share of code: a percentage answers what share.
        ("DeepSeek Coder 的训练语料里代码占了多大比例？", "deepseek-coder", "87%"),
        ("第一代ds coder训练数据里代码占比多少", "deepseek-coder", "87%"),
        # The paper's arXiv id: "ISCA25" and "Insights" are more than "paper" says.
        (
            "ISCA25 paper Insights into DeepSeek-V3 arXiv id",
            "isca-2025-insights-paper",
            "2505.09343",
        ),
        (
            "DeepSeek-V3 的 MTP objective 里，每个 token 除了 next token 还会多预测几个？",
            "mtp",
            "one additional token",
        ),
    ],
)
def test_a_field_asked_of_something_more_is_answered_by_the_passage_saying_it_all(
    query: str, record: str, told: str
) -> None:
    """A field clearly asked (training data, paper, per token) beside two words or more that its
    value does not account for: the passage that says the field's words and all the others."""
    first = first_hit(query)
    assert first["match"]["how"] == "answer", first["match"]
    answer = first["match"]["answer"]
    assert first["id"] == record, first
    assert answer["asked"] == "passage" and told in answer["text"], answer


@pytest.mark.parametrize(
    ("query", "not_from"),
    [
        # DeepSpec's release speaks of the V4 preview; its date is DeepSpec's, not V4's.
        ("DeepSeek-V4 预览版是哪天发布的", "deepspec-dspark-release"),
        # The quote that tells of Jack Clark's hires is no company he co-founded.
        (
            "Jack Clark, who praised DeepSeek's hires — which AI company did he co-found?",
            "clark-unfathomable-geniuses",
        ),
    ],
)
def test_a_field_asked_of_something_more_is_not_a_date_nor_someones_words(
    query: str, not_from: str
) -> None:
    found = asserted_answer(query)
    assert found is None or found["id"] != not_from, found


def test_a_faint_field_word_asked_of_something_more_is_answered_by_the_passage() -> None:
    """ "price" is one short word for a field; beside "nickname" and "china" (no number, no
    other thing's version) the passage that says them all answers."""
    found = asserted_answer("deepseek's nickname in china after the v2 price drop?")
    assert found is not None and "Pinduoduo" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        "how many samples were the r1 distills finetuned on",
        "How many DeepSeek-R1-curated samples were the Qwen-based R1 distilled models fine-tuned on?",
    ],
)
def test_a_field_of_another_kind_than_asked_leaves_the_question_to_a_passage(query: str) -> None:
    """ "fine-tuned on" says base model, but no base model is a count: the passage that gives the
    number of samples answers."""
    answer = asserted_answer(query)
    assert answer is not None and "800k" in answer["text"], answer


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        ("deepgemm 开源周那天说核心代码大概几行", "open-source-week-day-3", "300 lines"),
        (
            "V3/R1 推理集群一天的 GPU 租金 cost 是多少美元？",
            "v3-r1-inference-theoretical-margin",
            "87,072",
        ),
    ],
)
def test_a_pair_of_characters_no_source_holds_is_no_word_a_passage_must_hold(
    query: str, record: str, said: str
) -> None:
    """说核心代码大概 and 推理集群 give pairs across two words (说核, 码大, 理集) that no text of the
    sources holds: beside three words or more that the sources do hold, they are not counted among the
    words a passage must hold most of (beside two, "token" and "experts", any passage on MoE
    would do)."""
    first = first_hit(query)
    assert first["match"]["how"] == "answer" and first["id"] == record, first["match"]
    assert said in first["match"]["answer"]["text"], first["match"]


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("2025年4月 DeepGEMM 在 H800 上最高达到多少 TFLOPS", "1550"),
        # the price figure of the fact dated 2024-12-27, as the passage would say it
        ("what was the API output price in yuan in the december 2024 listing", "¥2"),
    ],
)
def test_a_month_the_question_gives_is_held_by_a_passage_dated_in_it(query: str, said: str) -> None:
    """ "2025年4月" and "december 2024" are the dates of the records (2025-04-18, 2024-12-27),
    not words of their texts: a passage, or a figure, of that month speaks of them."""
    answer = asserted_answer(query)
    assert answer is not None and said in answer["text"], answer


@pytest.mark.parametrize(
    "query", ["how long did Janus-Pro-7B take to train", "janus pro 7b训了多少天啊"]
)
def test_how_long_a_training_took_is_answered_by_the_passage_giving_its_days(query: str) -> None:
    """ "how long … take to train" leaves no word once the name and the cue are out: the passage
    of the thing that gives the days answers."""
    answer = asserted_answer(query)
    assert answer is not None and answer["id"] == "janus-pro-7b", answer
    assert "14 days" in answer["text"], answer


def test_a_count_asked_is_not_told_by_a_sentence_with_no_number() -> None:
    """A claim of V3's on DualPipe repeats "long" and "training" but gives no number: it does
    not say how long V3 took to train; the passage that gives the days does."""
    answer = asserted_answer("how long did V3 take to train")
    assert answer is not None and "less than two months" in answer["text"], answer


def test_what_a_page_shows_rather_than_another_value_asks_nothing_of_its_own() -> None:
    """显示 (shows) and 而不是 (rather than) set the two sizes side by side: the passage giving
    both, and the 14B of MTP weights between them, answers."""
    found = asserted_answer("为什么 Hugging Face 上 DeepSeek-V3 显示 685B 而不是 671B")
    assert found is not None and found["id"] == "deepseek-v3", found
    assert "14B of the Multi-Token Prediction" in found["text"], found


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        # slashed ~ cut, team ~ group: words that stand for each other in any question
        ("after V2 which firms slashed prices", "price-war-2024-05", "ByteDance"),
        ("what did jack clark say about deepseek's team", "clark-unfathomable-geniuses", "group"),
    ],
)
def test_a_word_is_met_by_another_that_means_it(query: str, record: str, said: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record and said in found["text"], found


def test_a_code_records_note_says_in_words_what_its_code_does() -> None:
    """The API example's base_url is code; its note says where the example points the client."""
    found = asserted_answer("What base_url does the API example point the OpenAI client at?")
    assert found is not None and found["id"] == "api-example-base-url", found
    assert "https://api.deepseek.com" in found["text"], found


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        # 硬盘 (hard disk) is how the question says it; Day 6's passage says 磁盘 (disk)
        ("开源周第 6 天公布的数据里，硬盘 KV cache 命中率多少", "open-source-week-day-6", "56.3%"),
        # 拉长 (to stretch) is how the question says it; YaRN's definition says 扩展 (extend)
        ("V2 用什么办法把上下文窗口从 4K 拉长到 128K", "yarn", "YaRN"),
    ],
)
def test_a_pair_of_characters_is_held_by_a_word_that_stands_for_it(
    query: str, record: str, said: str
) -> None:
    found = asserted_answer(query)
    assert found is not None
    assert found["id"] == record, found
    assert said in found["text"]


def test_hours_written_short_are_the_hours_the_sources_write() -> None:
    """ "24h" is "24 hours", as Day 6's overview writes it."""
    found = asserted_answer(
        "in the 24h of inference stats DeepSeek published, what share of input tokens hit the "
        "on-disk KV cache"
    )
    assert found is not None
    assert "56.3%" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        # "tech firms" are firms, and firms are companies (a stem in -y is held before -ies).
        "Which big Chinese tech firms cut their prices after DeepSeek V2?",
        # "too" asks nothing of its own.
        "After V2 kicked off a price war, which big Chinese tech firms cut their prices too?",
    ],
)
def test_the_big_firms_that_cut_prices_are_named_by_the_passage_telling_it(query: str) -> None:
    found = asserted_answer(query)
    assert found is not None, query
    assert "ByteDance" in found["text"] and "Alibaba" in found["text"], found


def test_copying_a_company_is_imitating_it() -> None:
    """copy ~ imitate ~ 模仿: the answer asked why others fail to imitate DeepSeek, not the one
    that only says hiring cannot be copied."""
    found = asserted_answer(
        "Why can't other firms copy DeepSeek just by hiring the same kind of talent, per Liang?"
    )
    assert found is not None and found["id"] == "liang-talent-alone-not-enough", found


@pytest.mark.parametrize(
    "query",
    [
        # "written for" asks what it is for; "which GPU generation" names the kind of answer.
        "Which GPU generation is FlashMLA's decoding kernel written for?",
        "What hardware is FlashMLA's decoding kernel written for?",
        # 专门 (specially) qualifies what is asked; no passage need say it.
        "FlashMLA 是专门给哪一代 GPU 做的？",
    ],
)
def test_what_a_kernel_is_written_for_is_the_passage_naming_its_gpus(query: str) -> None:
    found = asserted_answer(query)
    assert found is not None, query
    assert "Hopper" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        "用 OpenAI SDK 调 DeepSeek 时 base_url 应该填什么？",
        "DeepSeek 官方示例里，OpenAI SDK 的 base_url 要填什么？",
    ],
)
def test_words_that_only_qualify_the_question_are_no_words_a_passage_must_hold(
    query: str,
) -> None:
    """应该 (should), 官方 (official): the example's base URL answers all the same."""
    found = asserted_answer(query)
    assert found is not None and "api.deepseek.com" in found["text"], found


def test_what_happened_on_the_day_asked_comes_before_what_mentions_that_day() -> None:
    """Open-Source Week's announcement and its sixth day both name 2025-02-28 in their texts;
    Day 5, dated that day, is what came out on it."""
    found = asserted_answer("What did DeepSeek open-source on 2025-02-28?")
    assert found is not None and found["id"] == "open-source-week-day-5", found
    assert "3FS" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        # "who" is answered by a fact naming who did it, not only by someone's words or life
        "who got A100 cards first in the Asia-Pacific region",
        # "get its hands on" is to get
        "Which firm was the first in Asia-Pacific to get its hands on Nvidia A100s?",
    ],
)
def test_who_did_something_first_is_the_fact_that_says_it(query: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == "highflyer-a100-first-in-apac", found


def test_a_claim_answered_carries_its_own_caveat() -> None:
    """The article's "first to surpass GPT4-Turbo" comes with what the official files say."""
    result = run(
        "search",
        "Is it true Coder-V2 was the world's first open-source code model to beat GPT4-Turbo?",
        "--lang",
        "en",
        env={"COLUMNS": "200"},
    )
    assert result.code == 0, result.stderr
    assert "surpass GPT4-Turbo" in result.stdout
    assert "comparable to GPT4-Turbo" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("query", "said"),
    [
        # shrink ~ reduce ~ 省掉 ~ 减少
        ("和 DeepSeek 67B 比起来，V2 的 KV 缓存省掉了百分之多少？", "93.3%"),
        # 什么地方 is what
        ("V3.2-Exp 跟 V3.1-Terminus 比，架构上唯一动了的地方是什么？", "Sparse Attention"),
        # "is it true that" asks what follows
        (
            "Is it true that DeepSeek-R1's weights can be used commercially? Under which licence "
            "are they released?",
            "MIT",
        ),
    ],
)
def test_paraphrased_words_that_stand_for_the_sources_are_held(query: str, said: str) -> None:
    found = asserted_answer(query)
    assert found is not None and said in found["text"], found


def test_when_joining_a_clause_asks_no_date() -> None:
    """ "how accurate is it when text is compressed": a condition, not a date asked."""
    found = asserted_answer("how accurate is DeepSeek-OCR when text is compressed less than 10x")
    assert found is not None and found["id"] == "deepseek-ocr" and "97%" in found["text"], found


def test_to_churn_out_is_to_generate() -> None:
    """churn ~ generate (search/alike.py): the line on pages a day on one A100 answers."""
    found = asserted_answer("how many pages per day can deepseek-ocr churn out on one A100")
    assert found is not None and found["id"] == "deepseek-ocr" and "200k" in found["text"], found


def test_of_two_events_that_tell_the_words_the_one_titled_by_them_is_dated() -> None:
    """DeepSpec's release and the release of DSpark's checkpoints both speak of DSpark's draft
    models; the weights (checkpoints, 权重) are in the second's title, and so is its date."""
    found = asserted_answer("DSpark 草稿模型的权重是哪天放出来的")
    assert found is not None and found["id"] == "deepspec-checkpoints-2026-06-28", found
    assert found["text"] == "2026-06-28", found


@pytest.mark.parametrize(
    ("query", "event", "figure"),
    [
        ("FlashMLA 刚发布时在 H800 上算力受限能跑多少 TFLOPS", "open-source-week-day-1", "580"),
        ("deepgemm fp8 tflops at launch on hopper", "open-source-week-day-3", "1350"),
    ],
)
def test_what_held_at_launch_is_the_earliest_passage_saying_as_much(
    query: str, event: str, figure: str
) -> None:
    """FlashMLA's launch (580 TFLOPS) and its April update (660) say as much of the question;
    "at launch" (刚发布时) asks the earlier, and asks no release date of its own."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == event, found
    assert figure in found["value"]["en"], found
    later = asserted_answer("FlashMLA 在 H800 上算力受限能跑多少 TFLOPS")
    assert later is not None and later["id"] != "open-source-week-day-1", later
    # 发布时间 is a release date asked, not 发布时 (at release).
    dated = asserted_answer("DeepSeek-V3 发布时间")
    assert dated is not None and dated["value"] == "2024-12-26", dated


@pytest.mark.parametrize(
    "query",
    [
        "has DeepSeek ever raised outside funding",
        # Investment taken from outside is funding: a name of the topic the fact is filed under.
        "has DeepSeek taken any outside investment",
        "DeepSeek 拿过外部投资吗",
    ],
)
def test_outside_funding_is_funding(query: str) -> None:
    """ "outside" (external) says whose money, which the fact that DeepSeek never raised any
    covers: it is no word the passage must hold."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-open-source-never-raised-money", found


@pytest.mark.parametrize(
    "query",
    [
        "how big is the team behind DeepSeek",
        "DeepSeek 团队有多大",
        "what's the size of the team at deepseek",
    ],
)
def test_how_big_the_team_is_asks_the_head_count_of_the_company_not_its_parent(query: str) -> None:
    """The team behind DeepSeek is its own (the fund behind it is its parent, High-Flyer)."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "team-size-60" and found["asked"] == "headcount", (
        found
    )


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        # 哪几个 asks which ones, not how many; 现在 (now) is taken out whole, not paired with
        # its neighbour (里现).
        ("DeepSpec 里现在有哪几个 draft models？", "deepspec", "draft model"),
        # 真正 (really) qualifies what is asked: no pair of it must be held.
        (
            "在梁文锋看来，中国创新真正缺的是什么？",
            "liang-china-lacks-confidence-not-capital",
            "confidence",
        ),
    ],
)
def test_words_that_qualify_what_is_asked_are_no_words_a_passage_must_hold(
    query: str, record: str, said: str
) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"] == record, found
    assert said in found["value"]["en"] + found["text"], found
