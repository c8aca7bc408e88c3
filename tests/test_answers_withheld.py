"""Answers withheld where the question's words do not settle the value: a function word shared
with a label, a generic "how much" beside words no value accounts for, another organisation's
figure, a sentence with no date for "when", a number of a numbered family that no member has."""

from __future__ import annotations

import json

import pytest

from .conftest import asserted_answer, first_hit, run


def test_a_function_word_a_claim_shares_with_the_question_is_no_reason_to_answer() -> None:
    """ "did" is in "we did not experience any irrecoverable loss spikes": no reason to give
    that claim as what V3 cost to train."""
    found = asserted_answer("how much $$ did it take to train ds v3")
    assert found is None or not str(found["field"]).startswith("claims"), found


def test_a_spec_one_model_holds_does_not_answer_a_question_asking_more() -> None:
    """ "新用户送多少钱" asks how much new users get; "多少钱" alone is no training cost."""
    found = asserted_answer("api 新用户送多少钱")
    assert found is None or found["field"] != "specs.training_cost", found
    found = asserted_answer("训练成本是多少")
    assert found is not None and found["field"] == "specs.training_cost", found


def test_another_organisations_figure_is_not_the_one_asked_about() -> None:
    """The article gives OpenAI's and Anthropic's researchers, not Meta's."""
    found = asserted_answer("Meta 有多少研究人员")
    assert found is None or "anthropic" not in found["id"], found


def test_a_sentence_with_no_date_does_not_answer_when() -> None:
    """ "一年后" (a year later) is a span, not a date: no answer to when the price war began
    from a sentence that holds none."""
    found = asserted_answer("when did the china llm price war kick off")
    assert found is None or "20" in json.dumps(found["value"]), found


@pytest.mark.parametrize("query", ["How many GPUs does Fire-Flyer 3 have?", "fire flyer 5 投资"])
def test_a_number_no_member_of_a_numbered_family_has_is_noasserted_answer(query: str) -> None:
    """Fire-Flyer 1 and 2 are in the KB; Fire-Flyer 3 is not, and is neither of them."""
    assert asserted_answer(query) is None


@pytest.mark.parametrize("query", ["fire flyer 2 GPUs", "Fire-Flyer 1 investment"])
def test_a_member_of_a_numbered_family_is_still_answered(query: str) -> None:
    found = asserted_answer(query)
    assert found is not None and found["id"].startswith("fire-flyer"), found


@pytest.mark.parametrize(
    "query",
    [
        "梁文锋对闭源是什么态度",  # 闭源 (closed source) is what he is asked about, not his role
        "R1-Zero 的纯强化学习是怎么回事",  # pure RL, named: no claim's figure that leaves it out
    ],
)
def test_another_thing_the_question_names_must_be_in_theasserted_answer(query: str) -> None:
    found = asserted_answer(query)
    assert found is None or (found["field"] not in ("role",) and "figures" not in found["field"])


def test_open_sourced_on_a_day_asks_the_release_date() -> None:
    found = asserted_answer("DeepSeekMath-V2 哪天开源的")
    assert found is not None and found["field"] == "released.date", found


def test_a_field_of_another_kind_is_not_unstated_when_the_things_own_words_say_it() -> None:
    """A project has no base model, but "smallpond is built on DuckDB and 3FS": saying the
    sources do not state what it is built on would be false."""
    result = run("search", "smallpond 底层 built on 什么", "--json")
    hits = json.loads(result.stdout)
    assert hits[0]["match"]["how"] != "not-stated", hits[0]["match"]


def test_a_question_holding_the_fields_value_asks_about_it_not_for_it() -> None:
    """ "how did V2 go from 4K to 128K": the context length is given; the sentence that says how
    (YaRN) answers."""
    found = asserted_answer("V2 是怎么把上下文从 4K 拉到 128K 的")
    assert found is not None and "YaRN" in found["text"], found


def test_an_events_title_holding_the_words_does_not_make_when_asked() -> None:
    """ "DeepSeek API base_url" asks no date: the Speciale release on a temporary API endpoint
    names the API, but its date is no answer; the sentence holding the base_url is."""
    found = asserted_answer("deepseek api base_url 是什么")
    assert found is None or found["asked"] != "date", found
    found = asserted_answer("DeepSeek API base_url")
    assert found is not None and "https://api.deepseek.com" in found["text"], found


@pytest.mark.parametrize("query", ["DeepSeek V3 R1", "V3 V2", "V3 vs R1"])
def test_two_things_named_and_nothing_asked_is_no_question(query: str) -> None:
    """Like one name alone, two names of one kind ask nothing: a sentence naming both (the
    V3/R1 inference system) is no answer; the hits are."""
    assert asserted_answer(query) is None


def test_a_person_and_the_words_of_a_topic_still_ask_what_they_said() -> None:
    found = asserted_answer("梁文锋 闭源 护城河")
    assert found is not None and found["asked"] == "said", found


@pytest.mark.parametrize(
    "query",
    [
        "DeepSeek's profit margin on V3/R1 inference, not the theoretical one",
        "V3/R1 推理服务的利润率，而不是理论利润率",
        # the actual one asked, and the theoretical one it does not want named as well
        "我在写稿，DeepSeek 推理服务的实际利润率是多少？不要那个理论值",
    ],
)
def test_what_the_question_says_it_does_not_ask_is_no_answer(query: str) -> None:
    """The sources state only the theoretical margin (545 %): asked for the real one, "not the
    theoretical one", dskb asserts nothing."""
    found = asserted_answer(query)
    assert found is None or "545" not in found["text"], found


def test_an_answer_that_says_not_the_same_thing_agrees_with_the_question() -> None:
    """ "if not capital, what is it short of": his words say "not capital but confidence", which
    is no answer of capital."""
    found = asserted_answer(
        "According to Liang, if not capital, what is Chinese innovation short of?"
    )
    assert found is not None and found["id"] == "liang-china-lacks-confidence-not-capital", found


@pytest.mark.parametrize(
    "query", ["DeepSeek's actual daily revenue from V3 and R1", "DeepSeek V3 R1 推理一天的真实收入"]
)
def test_the_opposite_of_what_is_asked_is_no_answer(query: str) -> None:
    """Actual revenue asked, the theoretical revenue labelled so ($562,027) is not it: the
    sources say the actual revenue is "substantially lower", and give no figure."""
    found = asserted_answer(query)
    assert found is None or "562,027" not in found["text"], found


def test_whether_a_figure_is_the_real_one_is_settled_by_its_label() -> None:
    """ "Is 545% the real margin?": the figure labelled theoretical answers that it is not."""
    found = asserted_answer("is 545% the real profit margin of DeepSeek?")
    assert found is not None and "545%" in found["text"], found


@pytest.mark.parametrize("query", ["DeepSeek-V4 preview 哪天发布", "V4 preview release date"])
def test_a_models_date_is_not_that_of_an_event_that_only_mentions_it(query: str) -> None:
    """DeepSpec's release speaks of DeepSeek-V4's preview, but no source dates the preview:
    DeepSpec's first commit (2026-06-26) is not V4's release."""
    found = asserted_answer(query)
    assert found is None or found["text"] != "2026-06-26", found


@pytest.mark.parametrize("query", ["When did DeepSeek go public?", "DeepSeek 什么时候上市"])
def test_a_listing_the_company_never_had_is_not_stated_not_its_founding(query: str) -> None:
    """No source tells of a stock listing: "go public" is not answered by the founding date
    ("public" is no form of "publication")."""
    result = run("search", query)
    assert "not stated" in result.stdout.casefold()
    assert "2023-05" not in result.stdout.split("\n")[0]


def test_a_sum_asked_in_one_currency_is_not_answered_in_other_units() -> None:
    """The article gives Llama 3 405B's GPU hours, not what it cost in dollars; V3's cost in
    yuan is the article's conversion, not the report's dollars."""
    for query in (
        "Llama 3 405B 训练一次烧了多少美元？文章好像拿它跟 V3 比过",
        "what did training Llama 3 405B cost in dollars, per the article",  # a sentence, no sum
    ):
        found = asserted_answer(query)
        assert found is None or "GPU hours" not in json.dumps(found), found
    found = asserted_answer("V3 训练成本折合人民币是多少")
    assert found is not None and "40.7" in found["text"], found
    found = asserted_answer("V3 training cost in US dollars")
    assert found is not None and found["text"] == "$5.576M", found


def test_how_much_of_a_day_of_a_series_is_not_the_days_title() -> None:
    """What share hit the disk cache is told in the words of Day 6's overview, not by its title;
    what came out on Day 4 is the day's title."""
    found = asserted_answer("开源周 day 6 公布的推理服务数据里，硬盘 KV cache 的命中率是多少？")
    assert found is not None and found["asked"] == "passage" and "56.3%" in found["text"], found
    found = asserted_answer("开源周第四天一口气开源了哪几个")
    assert found is not None and "DualPipe" in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        # FP8, a training precision of the models, is in DeepGEMM's own words
        "which number formats does DeepGEMM cover",
        # H800, the GPU of the models, is in the Day 1 release about FlashMLA
        "what GPUs does FlashMLA run on",
    ],
)
def test_a_field_of_another_kind_is_not_unstated_when_a_value_of_it_is_named(query: str) -> None:
    result = run("search", query, "--json")
    hits = json.loads(result.stdout)
    assert hits[0]["match"]["how"] != "not-stated", hits[0]["match"]


def test_a_field_of_another_kind_no_words_of_the_thing_name_is_unstated() -> None:
    """No GPU is named in what the sources say of 3FS, nor of any record about it."""
    result = run("search", "what gpu does 3fs need", "--json")
    assert json.loads(result.stdout)[0]["match"]["how"] == "not-stated"


def test_a_day_asked_of_a_date_given_only_to_the_year_is_not_stated() -> None:
    """R1's Nature paper is dated 2025 only: "几月几号" is not stated, and the year is shown."""
    result = run("search", "R1 的论文登上 Nature 是几月几号？", "--json")
    assert result.code == 0, result.stderr
    match = json.loads(result.stdout)[0]["match"]
    assert match["how"] == "not-stated", match
    assert match["why"] == {"id": "r1-nature-paper-2025", "text": "2025"}
    shown = run("search", "R1 的论文登上 Nature 是几月几号？", "--lang", "en").stdout
    assert "the day: not stated" in shown and "2025 (v32exp-paper p.6)" in shown, shown


def test_a_month_asked_of_a_date_given_only_to_the_year_is_not_stated() -> None:
    """ "几月发表的" asks the month: 2025 does not give it, and is shown as what is known."""
    result = run("search", "R1 那篇 Nature 论文是几月发表的", "--json")
    match = json.loads(result.stdout)[0]["match"]
    assert match["how"] == "not-stated" and match["why"]["text"] == "2025", match
    shown = run("search", "R1 那篇 Nature 论文是几月发表的", "--lang", "en").stdout
    assert "the month: not stated" in shown, shown


def test_a_month_asked_of_a_date_given_to_the_month_is_answered() -> None:
    found = asserted_answer("DeepSeek 是几月成立的")
    assert found is not None and found["asked"] == "founded" and "2023-05" in found["text"], found


def test_a_day_asked_where_another_date_gives_it_is_answered() -> None:
    """DeepSeek's founding is 2023-05, and 2023-04-11 is stated beside it: both are shown."""
    found = asserted_answer("DeepSeek 是哪天成立的")
    assert found is not None and found["asked"] == "founded", found


@pytest.mark.parametrize("query", ["萤火一号什么时候退役的", "when was fire-flyer 1 retired"])
def test_when_something_ended_is_not_when_it_began(query: str) -> None:
    """The sources date no cluster's retirement: its founding year is no answer to it."""
    assert asserted_answer(query) is None


@pytest.mark.parametrize("query", ["deepseek 现在估值多少钱啊", "what is DeepSeek's valuation"])
def test_what_a_company_is_worth_is_no_money_put_into_it(query: str) -> None:
    """No source values DeepSeek: 估值 asks neither an investment (the ¥10 new-user credit)
    nor a training cost."""
    result = run("search", query, "--json")
    assert result.code in (0, 1), result.stderr
    first = json.loads(result.stdout)[0] if result.code == 0 else {}
    match = first.get("match", {})
    assert match.get("how") not in ("answer", "not-stated"), match


def test_a_numeral_of_a_name_the_kb_lacks_is_never_passed_over() -> None:
    """萤火三号 is no 萤火二号: of the pairs 萤火 and 火三, the one holding a numeral must be said,
    so the date Fire-Flyer 2 was built is not given for a third cluster no source speaks of."""
    assert asserted_answer("萤火三号什么时候建") is None
    found = asserted_answer("萤火二号什么时候建")
    assert found is not None and "2021" in str(found["value"]), found


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("智谱有多少员工", "深度求索有多少员工"),
        ("零一万物什么时候成立", "深度求索什么时候成立"),
        ("MiniMax 有多少张 GPU", "幻方有多少张 GPU"),
        ("月之暗面手上有多少张 GPU？", "幻方手上有多少张 GPU？"),
    ],
)
def test_a_company_the_sources_never_speak_of_gets_no_other_companys_figure(
    query: str, named: str
) -> None:
    """A question that opens with a name no source uses (智谱, 零一万物, MiniMax, 月之暗面) asks
    about that company: DeepSeek's head count or founding, or the A100s High-Flyer stockpiled,
    are not its figures. Asked of a company the KB holds, the same words are answered."""
    assert asserted_answer(query) is None
    assert asserted_answer(named) is not None


def test_a_gpu_model_asked_of_a_cluster_that_states_none_is_not_stated() -> None:
    """The sources give Fire-Flyer 1's investment and its 1,100 GPUs, never their model: what
    Fire-Flyer 1 is does not answer which GPU it runs, so the GPU type is not stated."""
    first = first_hit("萤火一号用的是什么型号的 GPU")
    assert first["match"]["how"] == "not-stated", first["match"]
    assert first["id"] == "fire-flyer-1"
    found = asserted_answer("萤火二号用的是什么型号的 GPU")
    assert found is not None and "A100" in json.dumps(found, ensure_ascii=False), found


@pytest.mark.parametrize(
    ("query", "aside"),
    [
        ("DeepSeekMoE 每层除了 routed experts 还有哪种专家？", "specs.routed_experts"),
        (
            "besides routed experts, what other experts does DeepSeekMoE have",
            "specs.routed_experts",
        ),
        ("V3 除了 FP8 还用了什么精度", "specs.precision"),
        ("what precision does V3 use besides fp8", "specs.precision"),
    ],
)
def test_what_a_question_sets_aside_is_not_its_answer(query: str, aside: str) -> None:
    """ "Besides X" (除了 X 还…) asks for something else: X's field or value is not given."""
    found = asserted_answer(query)
    assert found is None or found["field"] != aside, found
    without = asserted_answer("V3 用的什么精度")
    assert without is not None and without["field"] == "specs.precision", without


def test_an_opening_that_starts_as_the_sources_words_do_is_no_unknown_name() -> None:
    """中国一共 holds pairs no source does (国一, 一共), but starts with 中国: the question asks
    of the start-ups the article counts, and their figure answers it."""
    found = asserted_answer("中国一共几家大模型创业公司（文章说的）")
    assert found is not None and found["id"] == "deepseek-quietest-of-seven-startups", found
    assert found["asked"] != "passage", found
