"""Chinese typed as pinyin in a question is read as the Chinese it stands for, a name or a word
of the sources, when the reading is one; English words stay as they are typed."""

from __future__ import annotations

import json

import pytest

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.queries.common import index_for
from deepseek_kb.search.hanzi import read_pinyin
from deepseek_kb.settings import resolve

from .conftest import run


@pytest.fixture(scope="module")
def index() -> Index:
    return index_for(resolve())


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("huanfang 是做什么的", "幻方是做什么的"),  # Chinese against Chinese: no space
        ("yinghuo 一号到底是个啥", "萤火一号到底是个啥"),  # so a name read in part is one name
        ("yinghuo erhao gpu count", "萤火二号 gpu count"),  # a name typed in two words
        ("touzi duoshao", "投资多少"),  # words of the sources
        ("v3 long context window", "v3 long context window"),  # English words of the sources
        ("shi shenme", "shi 什么"),  # "shi" is too short to read (是, 事, 时 …)
        # Words of an English name the index keeps by their stem (yangqing as "yangq").
        ("jia yangqing 是干啥的", "jia yangqing 是干啥的"),
        ("training cost", "training cost"),
        ("huanfang是做什么的", "幻方是做什么的"),  # pinyin typed against the Chinese
        ("deepseek的参数", "deepseek的参数"),  # no pinyin read: the question as typed
    ],
)
def test_pinyin_is_read_as_the_one_chinese_it_stands_for(
    index: Index, typed: str, read: str
) -> None:
    assert read_pinyin(index, normalize(typed)) == read


@pytest.mark.parametrize(
    ("query", "record", "value"),
    [
        ("huanfang 是做什么的", "high-flyer", "quantitative"),
        ("huanfang是做什么的基金", "high-flyer", "quantitative"),
        ("yinghuo erhao gpu count", "fire-flyer-2", "10,000"),
        ("yinghuo 一号到底是个啥", "fire-flyer-1", "deep-learning training platform"),
    ],
)
def test_a_question_in_pinyin_is_answered(query: str, record: str, value: str) -> None:
    hits = json.loads(run("search", query, "--json", "--lang", "en").stdout)
    match = hits[0]["match"]
    assert hits[0]["id"] == record and match["how"] == "answer", match
    assert value in match["answer"]["text"]
