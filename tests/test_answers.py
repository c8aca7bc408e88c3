"""Answers, not only hits: the value a question asks for comes first, `dskb explain` defines the
terms, and search reads hyphens, joined words, spaced pinyin, tone marks and full-width text."""

from __future__ import annotations

import json

import pytest

from benchmarks.search_quality import QUESTIONS, SPLITS, answer_at_1, judge, load_queries
from deepseek_kb.errors import ExitCode
from deepseek_kb.index.store import Index
from deepseek_kb.queries.common import index_for
from deepseek_kb.settings import resolve

from .conftest import asserted_answer, first_hit, run


@pytest.fixture(scope="module")
def index() -> Index:
    """The bundled KB's index."""
    return index_for(resolve())


@pytest.mark.slow
def test_answer_at_1_on_the_labelled_questions_is_at_least_90_percent(index: Index) -> None:
    """At least 40 questions in zh, en and mixed; the first result is the answer >= 90 %."""
    questions = load_queries(QUESTIONS)
    assert len(questions) >= 40
    assert {q["kind"] for q in questions} == {"zh", "en", "mixed"}
    outcomes = answer_at_1(index, questions)
    wrong = [(a.query, a.first) for a in outcomes if not a.right]
    assert sum(a.right for a in outcomes) / len(outcomes) >= 0.9, wrong


def test_training_cost_is_answered_with_v3s_figure_and_its_citation() -> None:
    """The first hit is V3's training cost: how = answer, field = the spec's path, cited."""
    first = first_hit("training cost")
    assert first["id"] == "deepseek-v3" and first["type"] == "model"
    match = first["match"]
    assert match["how"] == "answer" and match["field"] == "specs.training_cost"
    assert "5.576" in match["answer"]["text"]
    assert first["record"]["specs"]["training_cost"]["value"] == match["answer"]["value"]
    assert "v3-paper p.5" in match["answer"]["cites"]


@pytest.mark.parametrize("query", ["team size", "how many employees", "员工", "深度求索有多少员工"])
def test_head_count_questions_are_answered_with_the_articles_60_people(query: str) -> None:
    """A head count: the article's fact that the company has 60 people, about DeepSeek."""
    first = first_hit(query)
    assert first["id"] == "team-size-60"
    assert first["match"]["how"] == "answer"
    assert first["match"]["answer"]["value"]["unit"] == "people"
    assert first["match"]["answer"]["about"] == "deepseek"
    assert "60" in first["match"]["answer"]["text"]


def test_the_answer_is_the_first_line_on_screen_and_reads_in_the_readers_language() -> None:
    """`Answer: DeepSeek-V3 · training cost · $5.576M · v3-paper p.5 …` above the hits."""
    en = run("search", "V3 training cost", "--lang", "en").stdout
    assert en.startswith("Answer: DeepSeek-V3 · training cost · $5.576M · v3-paper p.5")
    zh = run("search", "V3 训练成本", "--lang", "zh").stdout
    assert zh.startswith("答案：") and "训练成本" in zh.splitlines()[0]
    founder = run("search", "深度求索的创始人是谁", "--lang", "zh").stdout.splitlines()[0]
    assert "创始人" in founder and "梁文锋" in founder and "Liang" not in founder


def test_a_name_alone_or_a_filtered_kind_gets_hits_not_an_answer() -> None:
    """No question, or a --type the answer is not of: a ranked list only."""
    assert first_hit("DeepSeek-V3")["match"]["how"] != "answer"
    assert first_hit("training cost", "--type", "quote")["match"]["how"] != "answer"
    assert not run("search", "DeepSeek-V3", "--lang", "en").stdout.startswith("Answer")


def test_what_is_a_term_is_answered_by_its_definition() -> None:
    """`what is MLA`, `MLA 是什么`: the term's definition, cited, first."""
    for query in ("what is MLA", "MLA 是什么", "什么是 GRPO", "explain MTP"):
        first = first_hit(query)
        assert first["type"] == "term" and first["match"]["how"] == "answer", query
        assert first["match"]["field"] == "definition"
        assert first["match"]["answer"]["value"] == first["record"]["definition"]
    # A name that is both a repository and a term: the repository people download comes first.
    dualpipe = first_hit("what is DualPipe")
    assert (dualpipe["id"], dualpipe["match"]["how"]) == ("dualpipe", "answer")


def test_a_question_puts_statements_before_a_bare_topic_which_stays_findable() -> None:
    """`价格战` asks about the price war: a dated event or fact leads; the topic is in the top 3."""
    hits = json.loads(run("search", "价格战", "--json").stdout)
    assert hits[0]["type"] != "topic"
    assert "price-war" in [h["id"] for h in hits[:3]]
    assert first_hit("Price war", "--type", "topic")["id"] == "price-war"


TERMS = {
    "MLA": "mla",
    "MoE": "moe",
    "MTP": "mtp",
    "GRPO": "grpo",
    "FP8": "fp8-training",
    "DualPipe": "dualpipe-algorithm",
}


@pytest.mark.parametrize("typed", TERMS)
def test_explain_gives_a_cited_definition_in_the_readers_language(typed: str) -> None:
    """English under --lang en, Chinese under --lang zh, each with its sources."""
    record = json.loads(run("explain", typed, "--json").stdout)
    assert record["id"] == TERMS[typed]
    definition = record["definition"]
    en = run("explain", typed, "--lang", "en", env={"COLUMNS": "1000"})
    zh = run("explain", typed, "--lang", "zh", env={"COLUMNS": "1000"})
    assert en.code == zh.code == 0
    assert definition["en"] in en.stdout and definition["zh"] not in en.stdout
    assert definition["zh"] in zh.stdout and definition["en"] not in zh.stdout
    first_source = record["sources"][0]["source"]
    assert first_source in en.stdout and first_source in zh.stdout
    assert "sources:" in en.stdout and "来源：" in zh.stdout


def test_explain_names_the_models_that_introduced_and_use_a_term() -> None:
    """MLA: introduced by DeepSeek-V2, used by V3, related to the KV cache, by name."""
    out = run("explain", "MLA", "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert "introduced by: DeepSeek-V2" in out
    assert "DeepSeek-V3" in out.split("used by:")[1].splitlines()[0]
    assert "KV cache" in out.split("related:")[1].splitlines()[0]


def test_explain_names_the_project_that_holds_a_terms_code() -> None:
    """EPLB the term and EPLB the repository are one thing: the term names the project."""
    en = run("explain", "EPLB", "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert "code: EPLB (deepseek-ai/EPLB)" in en
    zh = run("explain", "DualPipe", "--lang", "zh", env={"COLUMNS": "200"}).stdout
    assert "开源代码：DualPipe (deepseek-ai/DualPipe)" in zh


def test_an_unknown_term_exits_1_with_the_nearest_terms() -> None:
    """A near miss is named; nothing near still says how to see them all."""
    near = run("explain", "GRP")
    assert near.code == ExitCode.NOT_FOUND
    assert int(ExitCode.NOT_FOUND) == 1
    assert "Group Relative Policy Optimization" in near.stderr
    far = run("explain", "zzzz")
    assert far.code == 1 and "`dskb explain` lists them all" in far.stderr
    assert run("explain", "zzzz", "--json").stdout.strip() == "{}"


def test_explain_alone_lists_the_whole_glossary(index: Index) -> None:
    """Every term, by name, with its definition."""
    out = run("explain", "--lang", "en", env={"COLUMNS": "1000"}).stdout
    terms = index.records("term")
    assert len(terms) >= 20
    assert all(str(t["name"]["en"]) in out for t in terms)
    assert len(json.loads(run("explain", "--json").stdout)) == len(terms)


def _ids(*args: str) -> list[str]:
    result = run(*args, "--json")
    assert result.code == 0, (args, result.stderr)
    return [h["id"] for h in json.loads(result.stdout)]


def test_hyphenated_compounds_are_found_written_as_one_word() -> None:
    """hardcore finds the hard-core quotes; opensource finds open source."""
    assert "liang-changed-in-one-generation" in _ids("quote", "hardcore")[:3]
    assert "liang-changed-in-one-generation" in _ids("quote", "hardcore innovation")[:3]
    assert _ids("quote", "hardcore")[:3] == _ids("quote", "hard-core")[:3]
    assert "open-source" in _ids("search", "opensource")[:3]


def test_pinyin_with_spaces_or_tone_marks_reads_like_the_chinese() -> None:
    """`hu cheng he` and `hù chéng hé` find what 护城河 finds first."""
    first = _ids("search", "护城河")[0]
    assert _ids("search", "hu cheng he")[0] == first
    assert _ids("search", "hù chéng hé")[0] == first
    assert "liang-wenfeng" in _ids("search", "liang wen feng")[:3]


def test_english_words_are_not_read_as_pinyin() -> None:
    """`team size`, `open source`: every word an English word the index knows stays English."""
    assert first_hit("open source")["id"] == "open-source"
    assert first_hit("long context", "--type", "model")["type"] == "model"


def test_full_width_letters_and_digits_read_as_ascii() -> None:
    """ＭＬＡ is MLA; Ｖ３ is V3."""
    assert _ids("search", "ＭＬＡ")[:3] == _ids("search", "MLA")[:3]
    shown = json.loads(run("models", "show", "ＤｅｅｐＳｅｅｋ-Ｖ３", "--json").stdout)
    assert shown["id"] == "deepseek-v3"


@pytest.mark.parametrize("query", ["梁文锋对闭源的态度", "梁文锋对闭源是什么态度"])
def test_chinese_typed_without_spaces_is_read_word_by_word_around_the_names_it_holds(
    query: str,
) -> None:
    """No text holds "梁文锋对闭源的态度" as a run: its names, 梁文锋 and 闭源, are looked up as
    words of their own, and his quote on closed source answers."""
    assert _ids("search", query)[0] == "liang-moat-closed-source"


def test_a_chinese_question_word_does_not_hide_the_subject() -> None:
    """萤火二号投入多少: the question word is not looked for; Fire-Flyer 2's investment is."""
    assert _ids("search", "萤火二号投入多少")[0] in (
        "fire-flyer-2",
        "fire-flyer-2-2021",
        "fire-flyer-2-investment-and-a100",
    )


def test_quote_about_open_source_shows_we_will_not_close_source_in_the_top_3() -> None:
    """我们不会闭源, filed under open source alone, is among the first three."""
    assert "liang-will-not-close-source" in _ids("quote", "开源")[:3]


def test_plural_kind_names_are_accepted() -> None:
    """--type models as --type model."""
    assert set(_types("search", "V3", "--type", "models")) == {"model"}


def _types(*args: str) -> list[str]:
    return [h["type"] for h in json.loads(run(*args, "--json").stdout)]


@pytest.mark.parametrize(
    "query", ["R1-0528 release date", "V4 training cost", "V3-0324 parameters", "R1-Zero 训练成本"]
)
def test_no_answer_borrowed_from_a_record_the_question_does_not_name(query: str) -> None:
    """R1 is not R1-0528 and V3 is not V4: a question about a thing whose value the KB does not
    hold gets hits, never another record's value."""
    first = first_hit(query)
    assert first["match"]["how"] != "answer", first["match"]


# The examples of issue 19: each answered right, or abstained where the KB lacks the value.
ANSWERED = [
    ("What GPUs was V3 trained on", "deepseek-v3", "specs.gpu_type", "H800"),
    ("R1 是什么许可证", "deepseek-r1", "specs.license_model", "MIT"),
    ("What licence is R1 under", "deepseek-r1", "specs.license_model", "MIT"),
    ("梁文锋是谁", "liang-wenfeng", "role", "Founder and CEO"),
    ("who is Luo Fuli", "luo-fuli", "role", "DAMO"),
    ("DeepSeek-OCR 是什么", "deepseek-ocr", "summary", "DeepSeek-OCR"),
    ("How much did Fire-Flyer 2 cost", "fire-flyer-2", "figures[0]", "¥1B"),
    ("how many GPUs does High-Flyer have", None, None, "10,000 GPUs"),
    ("幻方有多少张显卡", None, None, "10,000 GPUs"),
    ("when was DeepSeek founded", "deepseek", "founded", "2023-05"),
]
NOT_STATED = [
    ("How much does the V3 API cost", "deepseek-v3", "api_price_input"),
    ("DeepSeek V3 API 价格", "deepseek-v3", "api_price_input"),
    ("how much did R1 cost", "deepseek-r1", "training_cost"),
    ("where is DeepSeek based", "deepseek", "location"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("query", "record", "field", "text"), ANSWERED)
def test_the_issues_questions_get_the_value_asked_for(
    query: str, record: str | None, field: str | None, text: str
) -> None:
    """The value asked for comes first, from the record that holds it, in its own field."""
    first = first_hit(query)
    match = first["match"]
    assert match["how"] == "answer", (query, first["id"], match)
    assert text in match["answer"]["text"], match["answer"]
    if record is not None:
        assert first["id"] == record
        assert match["field"] == field


@pytest.mark.slow
@pytest.mark.parametrize(("query", "record", "field"), NOT_STATED)
def test_a_clear_question_the_sources_do_not_answer_is_not_stated(
    query: str, record: str, field: str
) -> None:
    """No value is asserted (never V3's training cost for its API price, nor R1's price for
    V3's): the thing asked about comes first, with how = not-stated and what was asked."""
    first = first_hit(query)
    assert first["id"] == record
    assert first["match"] == {"field": field, "how": "not-stated", "terms": first["match"]["terms"]}
    screen = run("search", query, "--lang", "en").stdout
    assert screen.startswith("Not stated: ") and "not stated in the sources" in screen


def test_an_answer_shows_its_caveat_and_the_other_dates_stated_in_both_languages() -> None:
    """V3's $5.576M carries its final-run / $2-per-GPU-hour caveat; DeepSeek's founding shows
    the other date the article gives and why; --lang both answers in both languages."""
    cost = run("search", "V3 training cost", "--lang", "en").stdout
    assert "$2 per H800 GPU hour" in cost.split("\n\n")[0]
    founded = run("search", "when was DeepSeek founded", "--lang", "both").stdout.split("\n\n")[0]
    assert founded.startswith("答案：深度求索 · 成立 · 2023-05")
    assert "Answer: DeepSeek · founded · 2023-05" in founded
    assert "另有记载：2023-04-11" in founded and "Also stated: 2023-04-11" in founded
    assert "two founding dates" in founded


def test_the_answer_json_carries_the_caveat_and_the_other_values() -> None:
    """Scripts get the note and the other stated values beside the value."""
    answer = first_hit("when was DeepSeek founded")["match"]["answer"]
    assert answer["value"] == "2023-05" and answer["asked"] == "founded"
    assert [a["value"] for a in answer["also"]] == ["2023-04-11"]
    assert "note" in first_hit("V3 training cost")["match"]["answer"]


@pytest.mark.slow
def test_a_wrong_answer_is_never_asserted_on_the_unseen_test_split(index: Index) -> None:
    """Written from the sources before the code: every unanswerable question abstains, at most
    1 % of questions get a wrong value (the issue's bound), and answer@1 on the answerable ones
    stays above its floor (86.3 % when the floor was raised to 80 %, 2026-12-06)."""
    judged = [
        judge(index, item) for item in load_queries(SPLITS["test"]) if not item.get("pending")
    ]
    assert len(judged) >= 240
    unanswerable = [j for j in judged if j.item.get("answerable", True) is False]
    assert len(unanswerable) >= 0.1 * len(judged)
    assert all(j.right for j in unanswerable), [j.item["q"] for j in unanswerable if not j.right]
    wrong = [(j.item["q"], j.shown) for j in judged if j.wrong_asserted]
    assert len(wrong) <= 0.01 * len(judged), wrong
    answerable = [j for j in judged if j.item.get("answerable", True) is not False]
    assert sum(j.right for j in answerable) / len(answerable) >= 0.8


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        ("how many calls a day did AliceMind get", "luo-fuli", "5 billion calls a day"),
        ("ProverBench 有多少道题", "deepseek-prover-v2-671b", "325 problems"),
        ("DeepSeek-V3-0324 temperature used in the web app", "deepseek-v3-0324", "0.3"),
        # One word asked of a thing named: a text of the thing's own that says it.
        ("DeepSpec 里有哪些 draft model", "deepspec", "draft models"),
    ],
)
def test_a_value_written_in_a_sentence_is_answered_with_that_sentence(
    query: str, record: str, said: str
) -> None:
    """No field holds it, one passage of the sources speaks of every word asked: that passage
    answers, cited, as the sources put it."""
    first = first_hit(query)
    answer = first["match"]["answer"]
    assert first["id"] == record and answer["asked"] == "passage"
    assert said in answer["text"] and answer["cites"]


@pytest.mark.parametrize(
    "query",
    [
        "what did Tim Dettmers say about DeepSeek V3",  # a line about him is not his words
        "DeepSeek-V3 HumanEval score",  # another model's score is not V3's
        "Claude 3.5 Sonnet API price",  # a sentence naming the price is not the price
        "DeepSeek 的 draft model",  # one word, of the company: every record is about it
    ],
)
def test_a_passage_that_only_mentions_what_was_asked_is_no_answer(query: str) -> None:
    first = first_hit(query)
    assert first["match"]["how"] != "answer", first["match"]


def test_where_dskb_looked_and_found_nothing_is_not_stated_with_what_it_says() -> None:
    """A record of the search that found nothing (the off-peak discount hours) makes the answer
    "not stated", and says where dskb looked."""
    first = first_hit("deepseek api off-peak discount hours")
    assert first["match"]["how"] == "not-stated"
    assert "off-peak" in first["match"]["why"]["text"]["en"]
    shown = run("search", "deepseek api off-peak discount hours", "--lang", "en").stdout
    assert shown.startswith("Not stated: DeepSeek · what was asked")
    assert "Looked for DeepSeek API prices" in shown.split("\n\n")[0]


@pytest.mark.parametrize(
    ("query", "record", "field"),
    [
        ("janus pro hidden size 1b", "janus-pro-1b", "specs.hidden_size"),  # not Janus-Pro-7B
        ("67B 用的 attention type", "deepseek-llm-67b", "specs.attention"),  # 67b: one model
    ],
)
def test_a_model_named_apart_or_by_a_size_only_it_has(query: str, record: str, field: str) -> None:
    first = first_hit(query)
    assert (first["id"], first["match"]["field"]) == (record, field)


def test_a_topic_named_beside_the_thing_is_never_not_stated() -> None:
    """ "open source" names a topic, which holds no fields: nothing about it is "not stated"."""
    first = first_hit("will DeepSeek ever go closed source, per its founder")
    assert first["match"]["how"] != "not-stated" or first["type"] != "topic", first["match"]


def test_the_answer_cites_the_articles_section_in_the_readers_language() -> None:
    """Under --lang en the answer's citation names the section in English, under zh in
    Chinese."""
    query = "how many employees does deepseek have"
    english = run("search", query, "--lang", "en").stdout.splitlines()[0]
    chinese = run("search", query, "--lang", "zh").stdout.splitlines()[0]
    assert "§Hiring criteria" in english and "招人标准" not in english
    assert "§招人标准" in chinese


@pytest.mark.parametrize(
    "query", ["DeepEP V2 发布时间", "when was deepep v2 released", "DeepEP V2 什么时候发布的"]
)
def test_a_version_named_is_that_versions_date_not_the_things(query: str) -> None:
    """ "DeepEP V2" is an alias of DeepEP, whose own release date is V1's: the date asked is
    that of the event "DeepEP V2 released"."""
    answer = first_hit(query)["match"]["answer"]
    assert answer["value"] == "2026-04-30", answer


@pytest.mark.parametrize("query", ["deepep v3 release date", "deepseek v9 release date"])
def test_a_version_the_kb_has_no_record_of_is_not_the_thing_itself(query: str) -> None:
    """ "DeepEP V3" is no record: neither DeepEP's dates nor DeepEP V2's answer it."""
    first = first_hit(query)
    assert first["match"]["how"] != "answer", first["match"]


@pytest.mark.parametrize(
    "query",
    [
        "When did DeepSeek's second Open-Source Week kick off?",
        "DeepSeek 第二届开源周是什么时候办的？",
    ],
)
def test_a_later_edition_of_what_happened_once_is_no_record(query: str) -> None:
    """There was one Open-Source Week: its first day's date, or its announcement's, is no date
    of a second one."""
    assert asserted_answer(query) is None


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("what came out on the second day of open-source week", "DeepEP"),
        ("What year did High-Flyer build its second compute cluster?", "2021"),
    ],
)
def test_an_ordinal_of_a_day_or_of_another_thing_is_still_answered(query: str, said: str) -> None:
    found = asserted_answer(query)
    assert found is not None and said in found["text"], found


@pytest.mark.parametrize("query", ["deepseek-coder v2 params", "deepseek coder v2 params"])
def test_a_name_typed_half_joined_is_the_thing_not_its_shorter_namesakes(query: str) -> None:
    """ "deepseek-coder v2" is DeepSeek-Coder-V2 (236B), not DeepSeek-Coder, nor also V2."""
    first = first_hit(query)
    assert (first["id"], first["match"]["answer"]["text"]) == ("deepseek-coder-v2", "236B")


def test_when_before_a_verb_in_ing_asks_no_date() -> None:
    """ "what does Liang Wenfeng look for when hiring": what he said, never a date."""
    first = first_hit("what does Liang Wenfeng look for when hiring")
    assert first["type"] == "quote" and first["record"]["speaker"] == "liang-wenfeng", first["id"]


def test_an_answer_names_its_label_once_and_what_each_other_value_is() -> None:
    """A figure labelled as its field reads once (not "API input price (API input price)"); each
    other value stated says which price it is (cache hit, cache miss)."""
    shown = run("search", "DeepSeek API 输入价格多少", "--lang", "en").stdout
    first = shown.splitlines()[0]
    assert "API input price" in first and "(API input price)" not in first
    assert "¥1 per M tokens" in first  # "per M tokens" stays plural after 1
    also = [line for line in shown.splitlines() if line.strip().startswith("Also stated")]
    assert also and all("cache hit" in a or "cache miss" in a for a in also), also
    notes = [
        line for line in shown.split("\n\n")[0].splitlines() if "no date and no footnotes" in line
    ]
    assert len(notes) == 1  # the note the prices share, once
    event = run("search", "gpt-3", "--lang", "en").stdout.splitlines()[0]
    assert event.count("OpenAI releases GPT-3") == 1, event  # whose it is, said once


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [
        ("feed forward architecture of deepseek v3", "specs.ffn", "DeepSeekMoE"),  # the part
        ("Janus-Pro-7B 的底座语言模型", "specs.base_model", "DeepSeek-LLM 7B"),  # a model's kind
        ("田渊栋 在哪工作", "affiliations", "Meta"),  # where someone works: their organisations
    ],
)
def test_a_field_asked_in_other_words_is_that_field(query: str, field: str, value: str) -> None:
    first = first_hit(query)
    assert first["match"]["field"] == field and value in first["match"]["answer"]["text"]


@pytest.mark.parametrize(
    ("query", "record", "said"),
    [
        ("will DeepSeek ever go closed source, per its founder", "liang-will-not-close-source", ""),
        ("what did the deepseek ceo say about innovation", "", "Innovation"),
        ("high-flyer founder education", "liang-wenfeng", "Zhejiang University"),
    ],
)
def test_a_founder_named_by_his_role_is_the_one_asked_about(
    query: str, record: str, said: str
) -> None:
    """ "its founder", "the ceo": the company's one founder, for what he said or studied; "who
    founded it" stays the company's founder field."""
    first = first_hit(query)
    answer = first["match"]["answer"]
    assert answer.get("about") == "liang-wenfeng" or first["id"] == "liang-wenfeng", answer
    assert record in first["id"] and said in answer["text"]
    founder = first_hit("who is the founder of deepseek")["match"]["answer"]
    assert (founder["about"], founder["asked"]) == ("deepseek", "founder")


def test_a_field_not_stated_says_why_when_the_things_note_does() -> None:
    """profile-data has no licence: "not stated", with the note's sentence on its LICENSE file;
    a project's licence is called a licence, not a model licence."""
    shown = run("search", "what licence is the profile-data repo under", "--lang", "en").stdout
    first, why = shown.splitlines()[:2]
    assert first == "Not stated: profile-data · licence: not stated in the sources dskb has read"
    assert why.strip().startswith("The repository has no LICENSE file on its main branch")
    zh = run("search", "profile-data 许可证", "--lang", "zh").stdout.splitlines()[1]
    assert "没有 LICENSE 文件" in zh
    assert run("search", "deepep license", "--lang", "en").stdout.startswith(
        "Answer: DeepEP · licence · MIT"
    )


def test_a_span_of_years_asks_no_date() -> None:
    """ "in the next 20 years" is a span, not a year asked: who said it is Liang Wenfeng."""
    first = first_hit(
        "who said start-ups will have a chance whenever they enter in the next 20 years"
    )
    answer = first["match"]["answer"]
    assert (first["id"], answer["asked"]) == ("liang-application-barrier-falling", "speaker")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("v3 paramters", "specs.total_params"),
        ("r1 lisence", "specs.license_model"),
        ("how many layres does v3 have", "specs.layers"),
        ("deepseek v2 contex length", "specs.context_length"),
    ],
)
def test_a_misspelt_field_word_is_read_as_the_field(query: str, field: str) -> None:
    first = first_hit(query)
    assert first["match"]["field"] == field, first["match"]


def test_a_word_of_the_sources_is_never_spelt_into_a_field_word(index: Index) -> None:
    """ "trillion", "nodes", "years" are words the sources use: left as typed, not put right
    into "million", "codes", "year"; a word a letter off but starting otherwise stays too."""
    from deepseek_kb.search.spelled import spelled

    typed = "gpu hours per trillion tokens nodes next 20 years new hires"
    assert spelled(index, typed) == typed
    # A word of the alike groups is a word meant, though the sources never use it.
    assert spelled(index, "how many languages can it handle") == "how many languages can it handle"
    assert spelled(index, "v3 paramters") == "v3 parameters"


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [
        ("v3每个token激活多少参数", "specs.active_params", "37B"),  # 每个token, no space
        ("V2每个token会路由到几个专家啊", "specs.activated_experts", "6"),  # experts: no params
        ("v3 有几个专家", "specs.routed_experts", "256"),
        ("How many parameters does DeepSeek-V2 actually switch on for each token?", None, "21B"),
        ("coder v2 lite 一次能吃多长的 prompt", "specs.context_length", "128K"),
        ("r1 distill llama 70b 是拿哪个模型蒸馏出来的", "specs.base_model", "Llama-3.3-70B"),
        ("DeepSeek-Prover-V2-7B 能处理多长的输入", "specs.context_length", "32K"),
        ("DeepSeek-V3.2-Exp 是在哪个版本上改的", "specs.base_model", "V3.1-Terminus"),
    ],
)
def test_a_field_is_read_from_its_words_in_any_order_and_spacing(
    query: str, field: str | None, value: str
) -> None:
    """Per-token words ask for activated parameters, or experts when experts are named; a
    Chinese run against a Latin word reads the same with or without a space."""
    match = first_hit(query)["match"]
    assert match["how"] == "answer" and value in match["answer"]["text"], match
    assert field is None or match["field"] == field


def test_a_role_the_sources_doubt_is_answered_with_the_doubt() -> None:
    """The article calls Sebastian Raschka an OpenAI scientist; his own profile does not: the
    answer says so."""
    shown = run("search", "who is sebastian raschka", "--lang", "en").stdout
    assert "OpenAI scientist" in shown.splitlines()[0]
    assert "Lightning AI" in shown.split("\n\n")[0]


def test_a_digit_in_a_name_is_no_number_asked_for() -> None:
    """ "how many samples": a passage naming R1 or Qwen2.5 but no count is no answer."""
    from deepseek_kb.search.passages import _NUMBER

    assert not _NUMBER.search("DeepSeek-R1-Distill models are based on Qwen2.5 and Llama3")
    assert _NUMBER.search("finetuned with 800k samples") and _NUMBER.search("约 1.5B")


@pytest.mark.parametrize(
    ("query", "about", "field", "value"),
    [
        ("萤火一号有多少块GPU", "fire-flyer-1", None, "1100"),  # how many, not which GPU
        ("DeepSeek parent company", "deepseek", "parent", "High-Flyer"),
        ("ds api 输入价格多少钱一百万token", "api-price-input", None, "¥1"),  # the company's API
        # the year of the price's record, 人民币 and 几块钱 its unit, 调用 (calling it) nothing
        ("2024 年底调用 DeepSeek API，输入一百万 token 要几块钱？", "api-price-input", None, "¥1"),
        ("2024年底 DeepSeek API 每百万 token 输入价格（人民币）", "api-price-input", None, "¥1"),
        ("deepseek api output 价格 per million tokens", "api-price-output", None, "¥2"),
        ("deepseek ocr2 啥时候出的", "deepseek-ocr-2", "released.date", "2026-01-27"),
        ("Tim Dettmers 是做什么的", "tim-dettmers", "role", "QLoRA"),
        ("田渊栋在哪家公司", "tian-yuandong", "affiliations", "Meta"),
        # "多大" (how big) asks the model's size, unless a size within it is named beside it.
        ("ds v3 hidden size 多大", "deepseek-v3", "specs.hidden_size", "7168"),
        ("V3 上下文多大", "deepseek-v3", "specs.context_length", "128K"),
        ("V3 多大", "deepseek-v3", "specs.total_params", "671B"),
        ("Which accelerator did DeepSeek-V2 run its training on?", "deepseek-v2", None, "H800"),
        ("DeepSeek-R1 是在哪个模型上训出来的", "deepseek-r1", "specs.base_model", "V3-Base"),
        (
            "How big was the pre-training corpus for DeepSeekMath 7B?",
            "deepseek-math-7b",
            None,
            "500B",
        ),
        ("Under what terms can I use R1's weights commercially?", "deepseek-r1", None, "MIT"),
        # the asker (我们, 我想) asks nothing; 条款 (terms) is the licence's
        ("能不能拿 R1 的输出去蒸馏我们自己的小模型？它的授权允许吗", "deepseek-r1", None, "MIT"),
        ("我想拿 R1 的输出去蒸馏自己的小模型，授权条款允许吗", "deepseek-r1", None, "MIT"),
        ("What's the longest input DeepSeek-V2-Lite accepts?", "deepseek-v2-lite", None, "32K"),
        ("DeepSeek-Coder-V2-Lite max context window", "deepseek-coder-v2-lite", None, "128K"),
        ("how many ppl work at deepseek", "team-size-60", None, "60"),
        ("how many tokens can DeepSeek LLM 7B look at in one go", "deepseek-llm-7b", None, "4K"),
        ("DeepSeek-V2 推理时真正参与计算的参数有多少", "deepseek-v2", None, "21B"),
        # The parameters a token fires are a part of all the parameters, not tied with them.
        ("how many params does v3 actually fire per token", "deepseek-v3", None, "37B"),
        ("V2 params", "deepseek-v2", "specs.total_params", "236B"),
        # A figure whose label says all that is asked, though two fields' words are in it.
        ("DeepSeek-V3 每个 token 最多会被发到几个节点", "deepseek-v3", None, "4"),
        ("DeepSeek-V2 GPU hours per trillion tokens", "deepseek-v2", None, "172.8K"),
        ("how many always-on experts does V2 have", "deepseek-v2", "specs.shared_experts", "2"),
    ],
)
def test_everyday_wordings_ask_their_fields(
    query: str, about: str, field: str | None, value: str
) -> None:
    first = first_hit(query)
    match = first["match"]
    assert match["how"] == "answer" and value in match["answer"]["text"], match
    assert about in (first["id"], match["answer"].get("about"))
    assert field is None or match["field"] == field


def test_a_price_says_whether_it_is_for_a_cache_hit_or_miss() -> None:
    shown = " ".join(run("search", "r1 output price", "--lang", "en").stdout.split())
    assert "$0.14 per M tokens (cache hit), $0.55 per M tokens (cache miss)" in shown
    zh = run("models", "show", "R1", "--lang", "zh").stdout
    assert "$0.14/百万 token（缓存命中）" in zh


def test_the_field_of_the_kind_of_value_asked_wins() -> None:
    """ "继续训练了多少 token": how many tokens (a quantity), not what it was trained from."""
    answer = first_hit("DeepSeek-V3.2-Exp 继续训练了多少 token")["match"]["answer"]
    assert (answer["asked"], answer["text"]) == ("training_tokens", "943.7B")


def test_a_price_in_yuan_reads_in_yuan_in_chinese() -> None:
    """The article's 1 元/百万tokens reads 1 元 in Chinese, as 10 亿元 does."""
    zh = run("search", "DeepSeek API 输入价格多少", "--lang", "zh").stdout
    assert "1 元/百万 token" in zh.splitlines()[0]


def test_a_benchmark_rating_is_a_figure_asked() -> None:
    """ "codeforces rating": the claim that gives V3.2-Exp's Codeforces score, as the sources
    put it (its whole sentence, not a figure labelled by itself)."""
    answer = first_hit("v3.2 exp codeforces rating")["match"]["answer"]
    assert answer["asked"] == "passage" and "2121" in json.dumps(answer, ensure_ascii=False)


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [
        ("DeepSeek-V3 训练用的是 FP8 还是 BF16", "specs.precision", "FP8"),
        ("is deepseek v3 a moe or a dense model", "specs.architecture", "MoE"),
        ("v3 用的是 mla 还是 mha", "specs.attention", "MLA"),
        ("67b用的GQA还是MHA", "specs.attention", "GQA"),  # no space between 用的 and GQA
        # an alternative that names none asks what it is, whichever
        ("V3 training precision — fp16 or something else?", "specs.precision", "FP8"),
        ("V3 用的 FP16 还是别的精度", "specs.precision", "FP8"),
        # an organisation's kind makes a choice of kinds
        ("is Fire-Flyer 2 a company or a compute cluster", "kind", "compute cluster"),
        ("萤火二号是公司还是集群", "kind", "compute cluster"),
    ],
)
def test_a_choice_is_answered_by_the_value_that_makes_it(
    query: str, field: str, value: str
) -> None:
    match = first_hit(query)["match"]
    assert match["field"] == field and value in match["answer"]["text"], match


def test_a_choice_is_never_answered_by_words_that_make_neither() -> None:
    """ "创新是贵还是便宜": a quote on innovation that says neither is no answer."""
    first = first_hit("梁文锋说创新是贵还是便宜")
    assert first["match"]["how"] != "answer" or "昂贵" in first["record"]["text"]["zh"]


def test_a_chinese_choice_question_still_finds_hits() -> None:
    """还是 cuts a run of Chinese like the other question words: "创新是贵还是便宜" is looked up
    by its words, not found nowhere as one long run."""
    assert run("search", "创新是贵还是便宜").code == 0


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("开源周第三天开源的是哪个库", "DeepGEMM"),  # 开源周 is Open-Source Week, not 开源 + 周
        ("open source week day 3", "DeepGEMM"),
        ("开源周第一天发布了什么", "FlashMLA"),  # 第一天 is day 1, as the records write it
        ("开源周是哪天预告的", "2025-02-21"),  # 是 and 的 cut from the words looked up
    ],
)
def test_open_source_week_and_its_days_are_asked_by_name(query: str, value: str) -> None:
    first = first_hit(query)
    said = json.dumps(first["match"].get("answer", {}), ensure_ascii=False)
    assert first["match"]["how"] == "answer" and value in said, first["match"]


def test_an_events_title_answering_what_came_out_is_said_once() -> None:
    line = run("search", "开源周第一天发布了什么", "--lang", "en").stdout.splitlines()[0]
    assert line.startswith("Answer: 2025-02-24 · event · Open-Source Week Day 1: FlashMLA")


def test_a_modal_verb_is_no_word_a_quote_must_hold() -> None:
    """ "might": the quote says "may"; who said it is still Liang Wenfeng."""
    answer = first_hit("who said the top 50 talents might not be in China")["match"]["answer"]
    assert answer["asked"] == "speaker" and "Liang" in answer["text"]


def test_when_a_passage_tells_of_its_things_founding_the_answer_is_that_date() -> None:
    """ "In May 2023 the large-model team was spun off as its own company": when that happened
    is DeepSeek's founding, 2023-05, not the sentence."""
    first = first_hit(
        "When was the large-model team split off from High-Flyer into its own company?"
    )
    answer = first["match"]["answer"]
    assert answer["value"] == "2023-05", first  # the company's founding, or the event of it
    assert first["id"] in ("deepseek", "deepseek-company-spun-off"), first


@pytest.mark.parametrize(
    ("query", "asked", "value"),
    [
        ("R1 output 价格 每百万 token", "api_price_output", "$2.19"),
        ("r1 api price", "api_price_input", "$0.14"),  # no side named: input, read with output
    ],
)
def test_a_price_asked_is_the_side_named_or_both(query: str, asked: str, value: str) -> None:
    answer = first_hit(query)["match"]["answer"]
    assert answer["asked"] == asked and answer["text"].startswith(value), answer
    assert "$2.19" in answer["text"]  # the output price, always beside


def test_a_misspelt_word_of_the_sources_is_put_right_to_the_one_word_it_is_near(
    index: Index,
) -> None:
    """ "hirng" is hiring (a stem of the sources with its ending); a word the sources use with
    another ending ("hires": hir + es) and a slip near two words stay as typed."""
    from deepseek_kb.search.spelled import spelled

    assert spelled(index, "hirng criterai") == "hiring criteria"
    assert spelled(index, "new hires") == "new hires"
    # English doubles a stem's last consonant before its ending: "running" is run + ing as
    # written, no slip for "runing".
    assert spelled(index, "one a100 running deepseek ocr") == "one a100 running deepseek ocr"
    first = first_hit("liang wenfeng hirng criteria")
    assert first["match"]["how"] == "answer" and "curiosity" in first["match"]["answer"]["text"]


@pytest.mark.parametrize(
    ("query", "value"),
    [("V3 词表大小", "129,280"), ("deepseek v2 vocab size", "102,400")],
)
def test_a_figure_whose_label_says_all_that_is_asked_outranks_the_field_its_words_ask(
    query: str, value: str
) -> None:
    """ "大小" and "size" ask a model's size; "词表大小" is its vocabulary's, a labelled figure."""
    answer = first_hit(query)["match"]["answer"]
    assert answer["text"] == value and "671B" not in answer["text"], answer


def test_a_figure_label_missing_a_word_asked_does_not_stand_in_for_the_field() -> None:
    """ "训练时用的是什么卡": the training days' label holds 训练 but not 卡; the GPU is asked."""
    answer = first_hit("Janus-Pro 训练时用的是什么卡")["match"]["answer"]
    assert answer["asked"] == "gpu_type" and "A100" in answer["text"], answer


@pytest.mark.parametrize(
    ("query", "value"),
    [("deepseek coder v1 上下文多长", "16K"), ("when did deepep v1 come out", "2025-02-25")],
)
def test_the_first_version_of_a_thing_whose_name_has_none_is_the_thing(
    query: str, value: str
) -> None:
    """ "DeepEP V1" is DeepEP (its V2 is another release, another date); "DeepEP V3" stays a
    version the KB holds nothing of."""
    answer = first_hit(query)["match"]["answer"]
    assert answer["text"].startswith(value), answer
    assert "answer" not in first_hit("deepep v3 release date")["match"].get("how", "")


def test_experts_a_single_token_is_routed_to_are_the_activated_experts() -> None:
    """ "routed to" with "a single token" asks how many experts each token goes to (8), not how
    many routed experts there are (256)."""
    answer = first_hit("how many of DeepSeek-V3's experts does a single token get routed to")
    assert answer["match"]["answer"]["asked"] == "activated_experts"
    assert answer["match"]["answer"]["text"].startswith("8"), answer


@pytest.mark.parametrize(
    "query",
    ["DeepSeek 研究员年薪大概多少", "what do deepseek engineers get paid"],
)
def test_a_salary_is_no_head_count(query: str) -> None:
    """ "研究员", "engineers" name a head count; a salary asked is another thing, not stated."""
    match = first_hit(query)["match"]
    assert match.get("how") != "answer" or "60" not in match["answer"]["text"], match


def test_how_much_a_model_takes_in_one_go_is_no_training_token_count() -> None:
    match = first_hit("how many tokens can DeepSeek LLM 7B look at in one go")["match"]
    assert match.get("how") != "answer" or match["answer"]["asked"] != "training_tokens", match


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("V3/R1 推理服务理论成本利润率", "545%"),
        ("daily cost of running the V3/R1 inference service", "$87,072"),
        ("how many chinese companies own more than 10k gpus", "no more than 5"),
    ],
)
def test_a_figure_named_by_its_label_in_a_fact_that_speaks_of_all_asked_answers(
    query: str, value: str
) -> None:
    """One of a fact's several labelled figures (peak nodes, daily cost, revenue, margin): the
    one whose label the question repeats."""
    answer = first_hit(query, "--lang", "en")["match"]["answer"]
    assert answer["text"].startswith(value), answer


def test_a_figure_whose_fact_does_not_say_what_is_asked_does_not_answer() -> None:
    """The 545 % is a theoretical margin; an actual one is not stated anywhere."""
    match = first_hit("what is DeepSeek's actual profit margin")["match"]
    assert match.get("how") != "answer" or "545" not in match["answer"]["text"], match


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("开源周第一天发了啥", "Day 1: FlashMLA"),
        ("开源周第三天开源了什么", "Day 3: DeepGEMM"),  # not Day 5's "3.66 TiB/min"
    ],
)
def test_what_came_out_on_a_day_is_that_days_event(query: str, title: str) -> None:
    """A day's number is a whole number of the event's own text: not a source's line 3, not
    the 3 of 3.66."""
    line = run("search", query, "--lang", "en").stdout.splitlines()[0]
    assert title in line, line


def test_a_version_in_an_events_title_tells_which_date_is_asked() -> None:
    """ "DeepEP V2 啥时候出的": V2's release (2026-04-30), not DeepEP's first (2025-02-25)."""
    answer = first_hit("DeepEP V2 啥时候出的")["match"]["answer"]
    assert answer["value"] == "2026-04-30", answer


def test_a_value_the_question_quotes_from_the_article_is_answered_with_the_official_one() -> None:
    """ "是 2.1B 吗": the article's misprint is superseded by the 21B the answer states."""
    answer = first_hit("DeepSeek-V2 每个 token 激活多少参数，是 2.1B 吗")["match"]["answer"]
    assert answer["text"].startswith("21B"), answer


def test_where_a_value_is_said_accounts_for_according_to() -> None:
    answer = first_hit("how many people did DeepSeek employ according to the article")
    assert answer["match"]["answer"]["text"].startswith("60"), answer


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("R1 缓存没命中 input 价格", "$0.55"),
        ("what does R1 charge for input tokens when the prompt is already cached", "$0.14"),
        ("V2 API output 价格 per 1M tokens", "$0.28"),
    ],
)
def test_the_price_case_named_comesfirst_hit(query: str, first: str) -> None:
    """A cache miss named puts the miss price first; "when the prompt is cached" asks no date;
    the same prices in another order are not stated again."""
    answer = first_hit(query, "--lang", "en")["match"]["answer"]
    assert answer["text"].startswith(first), answer
    shown = run("search", query, "--lang", "en").stdout
    assert "Also stated: $0.14 per M tokens (cache hit), $0.55" not in shown, shown


def test_a_figure_of_the_company_need_not_name_it_but_another_things_must() -> None:
    """DeepSeek's API price in a dated record answers; Fire-Flyer 1's GPUs are not Fire-Flyer
    2's, though both are High-Flyer's clusters."""
    answer = first_hit("DeepSeek API 2024年12月 输入价格", "--lang", "en")["match"]["answer"]
    assert answer["text"].startswith("¥1"), answer
    match = first_hit("High-Flyer Fire-Flyer 2 GPU vendor")["match"]
    assert match.get("how") != "answer" or "1100" not in match["answer"]["text"], match


@pytest.mark.parametrize(
    ("query", "said"),
    [("deepseek 中文名叫啥", "深度求索"), ("what is Liang Wenfeng's name in Chinese", "梁文锋")],
)
def test_a_things_name_in_the_other_language_is_answered_in_both(query: str, said: str) -> None:
    answer = first_hit(query, "--lang", "en")["match"]["answer"]
    assert answer["asked"] == "called" and said in answer["text"], answer


def test_a_full_name_is_no_name_field() -> None:
    """ "3FS 全称": the expansion, which the name (3FS) does not give."""
    match = first_hit("3FS 全称是什么")["match"]
    assert match.get("how") != "answer" or match["answer"]["text"] != "3FS", match


def test_what_kind_of_firm_asks_what_it_is() -> None:
    answer = first_hit("What kind of firm is High-Flyer")["match"]["answer"]
    assert answer["asked"] == "identity" and "quantitative" in answer["text"], answer


def test_a_word_of_a_source_words_root_is_no_slip(index: Index) -> None:
    """ "invented" beside the sources' "inventor" is not put right into the field word
    "invested"; "criterai" is still "criteria". Who a line of someone's life says did a thing
    is that person."""
    from deepseek_kb.search.spelled import spelled

    assert spelled(index, "who invented qlora") == "who invented qlora"
    assert spelled(index, "criterai") == "criteria"
    first = first_hit("who invented QLoRA", "--lang", "en")
    assert first["id"] == "tim-dettmers" and first["match"]["how"] == "answer", first
    assert "QLoRA" in first["match"]["answer"]["text"]


@pytest.mark.parametrize("query", ["liang wenfeng 学的啥方向", "梁文锋大学学的什么专业"])
def test_what_someone_studied_is_their_education(query: str) -> None:
    answer = first_hit(query)["match"]["answer"]
    assert answer["asked"] == "education" and "artificial intelligence" in answer["text"].lower()


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("EPLB 这个 repo 是解决什么问题的", "load balancer"),
        ("TileKernels 是用什么写的", "TileLang"),
        ("DeepEncoder V2 有什么特别的", "reordering"),
        ("无辅助损失的负载均衡具体是怎么做的", "bias"),  # how it is done: its definition
    ],
)
def test_what_a_thing_is_for_or_built_with_is_what_it_is(query: str, said: str) -> None:
    answer = first_hit(query, "--lang", "en")["match"]["answer"]
    assert answer["asked"] == "identity" and said in answer["text"], answer


@pytest.mark.parametrize(
    "query",
    [
        "深度求索公司是哪个月从幻方独立出来的",
        "when was deepseek spun out of high-flyer as its own company",
        "when did deepseek split off from high-flyer",  # "split" is no slip for "splitting"
        # Spin off, carve out, 独立公司: the team's founding as a company of its own.
        "大模型团队是什么时候 spin off 成独立公司的？",
    ],
)
def test_an_organisation_named_with_its_parent_is_the_one_asked_about(query: str) -> None:
    first = first_hit(query)
    answer = first["match"]["answer"]
    assert (first["id"], answer["value"]) in {
        ("deepseek", "2023-05"),
        ("deepseek-company-spun-off", "2023-05"),
    }, first


def test_what_passed_between_an_organisation_and_its_parent_is_none_of_its_own_figures() -> None:
    """High-Flyer's money into DeepSeek is not stated: DeepSeek's free API credit (¥10) is no
    answer to it."""
    assert asserted_answer("幻方给深度求索投了多少钱？") is None


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("How many programming languages can Coder V2 handle?", "338"),  # handle ~ supported
        ("how many bucks did the v3 training run cost", "$5.576M"),  # bucks ~ dollars
        ("when did the Chinese LLM price war break out", "2024-05"),  # Chinese ~ China
    ],
)
def test_a_word_is_accounted_for_by_a_word_that_stands_for_it(query: str, value: str) -> None:
    answer = first_hit(query, "--lang", "en")["match"]["answer"]
    assert answer["text"].startswith(value) or answer.get("value") == value, answer


def test_words_that_stand_for_each_other_are_groups_of_one_meaning() -> None:
    from deepseek_kb.search.alike import alike

    assert "support" in alike("handle") and "公司" in alike("firm")
    assert alike("deepseek") == ("deepseek",)  # a word of no group stands for itself


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ("DeepSeekMoE 16B 每个 token activate 多少参数", "active_params"),  # activated
        ("V3 weights 能商用吗，什么 license", "license_model"),  # weights licence
    ],
)
def test_another_form_of_a_field_word_asks_the_field(query: str, asked: str) -> None:
    answer = first_hit(query)["match"]["answer"]
    assert answer["asked"] == asked, answer


def test_a_figure_and_the_claim_it_is_a_figure_of_are_one_statement() -> None:
    """338 programming languages: the claim it comes from is not "also stated" beside it."""
    shown = run("search", "How many programming languages can Coder V2 handle?", "--lang", "en")
    assert shown.stdout.startswith("Answer: DeepSeek-Coder-V2 · figure"), shown.stdout
    assert "Also stated" not in shown.stdout.split("\n\n")[0], shown.stdout
