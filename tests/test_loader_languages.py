"""The data's problems in the reader's language: each told in Chinese under --lang zh, in both
under --lang both, at the same file, line, record and field as in English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from deepseek_kb.loader.explain import _TYPE_WORDS
from deepseek_kb.messages import MESSAGES

from .conftest import run
from .test_loader import QUOTES, TOPICS, mini

# One broken folder per case: the files replaced, then what Chinese and English say of it.
CASES = {
    "bom": (
        {"topics": "\ufeff" + TOPICS},
        "topics.yaml:1：文件以字节顺序标记（BOM）开头；请另存为不带 BOM 的 UTF-8",
        "topics.yaml:1: file starts with a byte-order mark; save it as UTF-8 without BOM",
    ),
    "empty": (
        {"topics": "# nothing yet\n"},
        "topics.yaml：文件是空的；没有记录的文件应写一个空列表：[]",
        "topics.yaml: file is empty; a file with no records holds an empty list: []",
    ),
    "syntax": (
        {"quotes": QUOTES.replace("topics: [innovation]", "topics: [innovation")},
        "：YAML 语法错误：",
        ": YAML syntax error: ",
    ),
    "type": (
        {"quotes": QUOTES.replace("zh: 创新就是昂贵且低效的。", "zh: 42")},
        "quotes.yaml:4，记录 'q-one'，字段 text.zh：应为文字，实为数字 42",
        "quotes.yaml:4, record 'q-one', field text.zh: expected a text, got the number 42",
    ),
    "unknown key": (
        {"quotes": QUOTES.replace("  topics:", "  topic:")},
        "quotes.yaml:6，记录 'q-one'，字段 topic：未知的键 'topic'；是不是 'topics'？",
        "quotes.yaml:6, record 'q-one', field topic: unknown key 'topic'; did you mean 'topics'?",
    ),
    "dangling reference": (
        {"quotes": QUOTES.replace("speaker: liang-wenfeng", "speaker: liang-wenfen")},
        "quotes.yaml:2，记录 'q-one'，字段 speaker：'liang-wenfen' 不是任何人物的 id；"
        "是不是 'liang-wenfeng'？",
        "quotes.yaml:2, record 'q-one', field speaker: 'liang-wenfen' is not the id of any "
        "person; did you mean 'liang-wenfeng'?",
    ),
}


def _problems(folder: Path, lang: str) -> list[str]:
    """The problem lines `dskb --lang LANG validate` prints (exit 3), the folder's path cut."""
    result = run("--lang", lang, "validate", "--data-dir", str(folder))
    assert result.code == 3, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(folder))]
    assert lines, result.stderr
    return [line.removeprefix(f"{folder}/") for line in lines]


def _where(line: str, lang: str) -> str:
    """A problem's location (file:line, record, field), in English labels."""
    if lang == "zh":
        where = line.split("：", 1)[0]
        return where.replace("，记录 ", ", record ").replace("，字段 ", ", field ")
    return line.split(": ", 1)[0]


@pytest.mark.parametrize("case", list(CASES))
def test_a_data_problem_is_told_in_chinese_at_the_same_place(tmp_path: Path, case: str) -> None:
    """Under --lang zh each problem is Chinese, located as in English; English is unchanged."""
    files, zh_said, en_said = CASES[case]
    folder = mini(tmp_path, **files)
    zh, en = _problems(folder, "zh"), _problems(folder, "en")
    assert [_where(line, "zh") for line in zh] == [_where(line, "en") for line in en]
    assert any(zh_said in line for line in zh), zh
    assert any(en_said in line for line in en), en
    assert not any(_has_chinese(line) for line in en), en


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="the words are libyaml's")
def test_the_yaml_parser_s_words_are_told_in_chinese(tmp_path: Path) -> None:
    """libyaml's "did not find expected ',' or ']'" and its context read in Chinese under zh."""
    folder = mini(tmp_path, quotes=QUOTES.replace("topics: [innovation]", "topics: [innovation"))
    (zh,) = _problems(folder, "zh")
    assert zh.endswith("：YAML 语法错误：找不到应有的 ',' 或 ']'（解析 [...] 列表时）；请检查缩进")
    (en,) = _problems(folder, "en")
    assert en.endswith(
        ": YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence); "
        "check the indentation"
    )


def test_both_languages_give_the_chinese_then_the_english(tmp_path: Path) -> None:
    """Under --lang both a problem reads "中文 / English" after its English location."""
    folder = mini(tmp_path, quotes=QUOTES.replace("  topics:", "  topic:"))
    assert (
        "quotes.yaml:6, record 'q-one', field topic: 未知的键 'topic'；是不是 'topics'？ / "
        "unknown key 'topic'; did you mean 'topics'?"
    ) in _problems(folder, "both")


def test_the_schema_s_own_checks_are_told_in_chinese(tmp_path: Path) -> None:
    """A date that is not on the calendar (the schema's own check) is worded in both."""
    folder = mini(tmp_path, quotes=QUOTES + "  date: 2024-02-30\n")
    (zh,) = _problems(folder, "zh")
    (en,) = _problems(folder, "en")
    assert zh == "quotes.yaml:8，记录 'q-one'，字段 date：2024-02-30 不是真实存在的日期"
    assert en == "quotes.yaml:8, record 'q-one', field date: 2024-02-30 is not a real date"


def test_a_pydantic_error_without_words_of_ours_keeps_pydantic_s_with_a_chinese_lead_in(
    tmp_path: Path,
) -> None:
    """An id over 80 characters (pydantic's string_too_long): its English, led in Chinese."""
    long_id = "q-" + "x" * 90
    folder = mini(tmp_path, quotes=QUOTES.replace("id: q-one", f"id: {long_id}"))
    (zh,) = _problems(folder, "zh")
    (en,) = _problems(folder, "en")
    english = "String should have at most 80 characters"
    assert en.endswith(f"field id: {english}")
    assert zh.endswith(f"字段 id：数据不符合要求（pydantic 原文）：{english}")


def test_validate_json_keeps_the_english_message_and_adds_the_chinese(tmp_path: Path) -> None:
    """`validate --json`: `message` is the English as before, `message_zh` the Chinese."""
    folder = mini(tmp_path, quotes=QUOTES.replace("zh: 创新就是昂贵且低效的。", "zh: 42"))
    for lang in ("en", "zh"):
        result = run("--lang", lang, "validate", "--data-dir", str(folder), "--json")
        assert result.code == 3
        (problem,) = json.loads(result.stdout)["problems"]
        assert problem["message"] == "expected a text, got the number 42"
        assert problem["message_zh"] == "应为文字，实为数字 42"
        assert (problem["line"], problem["record"], problem["field"]) == (4, "q-one", "text.zh")


def test_a_command_stopped_by_bad_data_tells_its_problems_in_chinese(tmp_path: Path) -> None:
    """Not only validate: a lookup over a broken overlay (DSKB_PATH) lists them in Chinese."""
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "topics.yaml").write_text("- id: broken-topic\n  name: 42\n", encoding="utf-8")
    result = run("--lang", "zh", "quote", "创新", env={"DSKB_PATH": str(overlay)})
    assert result.code == 3
    assert "topics.yaml:2，记录 'broken-topic'，字段 name：应为映射（key: value），实为数字 42" in (
        result.stderr
    )
    assert "错误：数据有 " in result.stderr


def test_every_pydantic_type_kind_has_its_words() -> None:
    """The words for a value of the wrong type are in the catalogue, in both languages."""
    for key in _TYPE_WORDS.values():
        assert key in MESSAGES
