"""Two values of one record asked in one question, a clause each: the first clause asked is
answered first, the other read beside it, both cited."""

from __future__ import annotations

import pytest

from .conftest import asserted_answer, first_hit, run


@pytest.mark.parametrize(
    ("query", "first", "beside"),
    [
        ("ds公司总共才几个人啊，技术岗多少", "60", "50"),
        ("DeepSeek 公司一共多少人？其中搞技术的几个？", "60", "50"),
        ("deepseek公司一共多少人 技术的有多少", "60", "50"),
        ("DeepSeek-V3 总参数多少，激活参数多少", "671B", "37B"),
    ],
)
def test_the_first_clause_is_answered_first_and_the_second_beside_it(
    query: str, first: str, beside: str
) -> None:
    found = asserted_answer(query)
    assert found is not None, query
    assert found["text"].startswith(first) and beside in found["text"], found


def test_the_value_read_beside_is_cited_and_labelled_once() -> None:
    """V3's training cost, then its GPU hours, which the README states: both sources are cited,
    and "GPU hours" is not said twice."""
    shown = run("search", "V3 训练成本多少，用了多少 GPU 小时", "--lang", "en").stdout
    line = shown.splitlines()[0]
    assert line.startswith("Answer: DeepSeek-V3 · training cost · $5.576M; 2.788M GPU hours"), line
    assert "v3-paper" in line and "v3-readme" in line, line


@pytest.mark.parametrize(
    ("query", "asked", "not_said"),
    [
        # A first clause that asks nothing is the context of the question, not a question.
        ("V3 has 671B params, how many are active?", "active_params", "671"),
        # A number's comma ends no clause.
        ("In the count that gave OpenAI 1,200 researchers, how many had Meta?", "", ""),
    ],
)
def test_a_clause_that_asks_nothing_is_read_as_context(
    query: str, asked: str, not_said: str
) -> None:
    found = asserted_answer(query)
    if asked:
        assert found is not None and found["asked"] == asked, found
        assert not_said not in found["text"], found
    else:
        assert found is None or ";" not in found["text"], found


@pytest.mark.parametrize(
    "query",
    [
        "DeepSeek-Coder-V2 was not trained from scratch. What did its training continue from?",
        "DeepSeek-Coder-V2 不是从零训练的。它是接着哪个模型继续训练的？",
    ],
)
def test_a_question_asked_after_its_context_is_asked_of_what_the_context_names(
    query: str,
) -> None:
    """The first sentence names the model and says what the question does not ask ("not …
    from scratch"); the last asks, of that model, its base."""
    found = asserted_answer(query)
    assert found is not None and found["id"] == "deepseek-coder-v2", found
    assert found["asked"] == "base_model" and "DeepSeek-V2" in found["text"], found


def test_a_context_that_asks_too_is_not_passed_over() -> None:
    """ "千亿规模" asked in the first sentence is what the second's "how much money" is about:
    no other figure of High-Flyer's (Fire-Flyer 1's investment) answers it."""
    found = asserted_answer("幻方说的“千亿规模”是人民币还是美元？具体多少钱？")
    assert found is None or "fire-flyer" not in found["id"], found


def test_a_context_naming_nothing_the_kb_holds_leaves_the_question_unanswered() -> None:
    """ "智谱" names a company no source speaks of: its head count is not DeepSeek's."""
    assert asserted_answer("说说智谱。他们有多少员工？") is None


def test_a_context_naming_a_thing_in_passing_gets_no_not_stated_of_it() -> None:
    """The draft speaks of "DeepSeek's o1-class reasoning model": DeepSeek is named in passing,
    and the company's release date, not stated, is no answer to when the model came out."""
    first = first_hit(
        "A journalist's draft says DeepSeek's o1-class reasoning model came out on 20 November"
        " 2024. What date does the official release actually carry?"
    )
    assert first["match"].get("how") != "not-stated", first["match"]
