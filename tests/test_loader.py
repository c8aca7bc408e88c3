"""The loader never lets bad data through: one test per failure mode, each naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepseek_kb.errors import DataError
from deepseek_kb.loader.records import load_kb
from deepseek_kb.paths import discover

from .conftest import run

SOURCES = """\
- id: article
  kind: article
  title: {zh: 文章, en: The article}
  sources: [article]
"""
TOPICS = """\
- id: innovation
  name: {zh: 创新, en: Innovation}
  sources: [article]
"""
PEOPLE = """\
- id: liang-wenfeng
  name: {zh: 梁文锋, en: Liang Wenfeng}
  role: {zh: 创始人, en: Founder}
  sources: [article]
"""
QUOTES = """\
- id: q-one
  speaker: liang-wenfeng
  text:
    zh: 创新就是昂贵且低效的。
    en: Innovation is expensive and inefficient.
  topics: [innovation]
  sources: [{source: article, line: 226}]
"""


def mini(tmp_path: Path, **files: str) -> Path:
    """A small valid data folder; keyword arguments replace or add files (quotes='...')."""
    folder = tmp_path / "kb"
    folder.mkdir(parents=True)
    contents = {"sources": SOURCES, "topics": TOPICS, "people": PEOPLE, "quotes": QUOTES}
    contents.update(files)
    for stem, text in contents.items():
        (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return folder


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_kb(discover((folder,)))
    return [str(p) for p in caught.value.problems]


def validate(folder: Path) -> tuple[int, str]:
    result = run("validate", "--data-dir", str(folder))
    return result.code, result.stderr


def test_a_small_valid_folder_loads(tmp_path: Path) -> None:
    """The baseline for the failure tests below: this folder is clean."""
    kb = load_kb(discover((mini(tmp_path),)))
    assert [q.id for q in kb.records["quote"]] == ["q-one"]
    code, _ = validate(mini(tmp_path / "again"))
    assert code == 0


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    """An unclosed bracket is reported at its line, as a syntax error."""
    folder = mini(tmp_path, quotes=QUOTES.replace("topics: [innovation]", "topics: [innovation"))
    code, err = validate(folder)
    assert code == 3
    assert "quotes.yaml:" in err and "YAML syntax error" in err
    line = int(err.split("quotes.yaml:")[1].split(",")[0].split(":")[0])
    assert 6 <= line <= 8


def test_wrong_indentation_is_a_syntax_error_with_a_line(tmp_path: Path) -> None:
    """A key indented out of place is caught by the parser, not silently misread."""
    folder = mini(tmp_path, quotes=QUOTES.replace("  topics:", "   topics:"))
    (problem,) = problems_of(folder)
    assert "quotes.yaml:" in problem and "YAML syntax error" in problem


def test_unknown_key_names_record_field_and_suggests(tmp_path: Path) -> None:
    """A misspelt key is refused with the nearest real key."""
    folder = mini(tmp_path, quotes=QUOTES.replace("  topics:", "  topic:"))
    problems = problems_of(folder)
    assert any(
        "quotes.yaml:6, record 'q-one', field topic: unknown key 'topic'; did you mean 'topics'?"
        in p
        for p in problems
    ), problems


def test_wrong_type_says_what_was_expected(tmp_path: Path) -> None:
    """A number where text belongs names the field and both kinds."""
    folder = mini(tmp_path, quotes=QUOTES.replace("zh: 创新就是昂贵且低效的。", "zh: 42"))
    (problem,) = problems_of(folder)
    assert problem == (
        f"{folder}/quotes.yaml:4, record 'q-one', field text.zh: expected a text, got the number 42"
    )


@pytest.mark.parametrize(
    ("date", "message"),
    [("2024-02-30", "2024-02-30 is not a real date"), ("May 2024", "is not a date")],
)
def test_bad_dates_are_refused(tmp_path: Path, date: str, message: str) -> None:
    """Impossible and malformed dates both fail, on the date's own line."""
    folder = mini(tmp_path, quotes=QUOTES + f"  date: {date}\n")
    (problem,) = problems_of(folder)
    assert "quotes.yaml:8, record 'q-one', field date" in problem and message in problem


def test_duplicate_id_in_one_file_and_across_files(tmp_path: Path) -> None:
    """An id used twice is an error naming both places."""
    twice = QUOTES + QUOTES.replace("line: 226", "line: 227")
    problems = problems_of(mini(tmp_path, quotes=twice))
    assert any("quotes.yaml:8, record 'q-one', field id: duplicate id" in p for p in problems)
    across = QUOTES.replace("id: q-one", "id: innovation")
    problems = problems_of(mini(tmp_path / "b", quotes=across))
    assert any("duplicate id, already used at" in p and "topics.yaml:1" in p for p in problems)


def test_dangling_reference_and_missing_source(tmp_path: Path) -> None:
    """References to records or sources that do not exist are named with suggestions."""
    folder = mini(
        tmp_path,
        quotes=QUOTES.replace("speaker: liang-wenfeng", "speaker: liang-wenfen").replace(
            "source: article", "source: artcle"
        ),
    )
    problems = problems_of(folder)
    assert any(
        "quotes.yaml:2, record 'q-one', field speaker: 'liang-wenfen' is not the id of any person;"
        " did you mean 'liang-wenfeng'?" in p
        for p in problems
    ), problems
    assert any(
        "field sources[0].source: 'artcle' is not the id of any source" in p for p in problems
    )


def test_reference_to_the_wrong_kind_of_record(tmp_path: Path) -> None:
    """A topic where a person belongs is refused."""
    folder = mini(tmp_path, quotes=QUOTES.replace("speaker: liang-wenfeng", "speaker: innovation"))
    (problem,) = problems_of(folder)
    assert "'innovation' is a topic, but this field takes a person" in problem


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['echo pwned > /tmp/dskb-pwned']",
        "!!str 梁",
        "!custom thing",
    ],
)
def test_yaml_tags_of_any_kind_are_refused_and_never_run(tmp_path: Path, tagged: str) -> None:
    """No tag constructs anything; the file and line are named."""
    marker = Path("/tmp/dskb-pwned")
    marker.unlink(missing_ok=True)
    folder = mini(tmp_path, quotes=QUOTES.replace("speaker: liang-wenfeng", f"speaker: {tagged}"))
    code, err = validate(folder)
    assert code == 3
    assert "quotes.yaml:2" in err and "YAML tag" in err
    assert not marker.exists()


def test_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    """Aliases could expand into a memory bomb; data files write values out."""
    text = QUOTES.replace("topics: [innovation]", "topics: &t [innovation]") + "  about: *t\n"
    problems = problems_of(mini(tmp_path, quotes=text))
    assert any("quotes.yaml:6" in p and "anchors and aliases" in p for p in problems)


def test_empty_file_is_an_error_that_says_what_to_write(tmp_path: Path) -> None:
    """An empty file is not silently zero records."""
    (problem,) = problems_of(mini(tmp_path, quotes="# nothing yet\n"))
    assert problem.endswith(
        "quotes.yaml: file is empty; a file with no records holds an empty list: []"
    )


def test_file_holding_a_mapping_instead_of_a_list(tmp_path: Path) -> None:
    """A mapping at the top is explained in terms of the list it should be."""
    (problem,) = problems_of(mini(tmp_path, quotes="id: q-one\nspeaker: x\n"))
    assert "quotes.yaml:1: file holds a mapping, not a list of records" in problem


def test_non_utf8_bytes_name_their_line(tmp_path: Path) -> None:
    """Latin-1 bytes are reported on the line they sit on."""
    folder = mini(tmp_path)
    path = folder / "quotes.yaml"
    path.write_bytes(
        QUOTES.encode("utf-8").replace("创新就是".encode(), "caf\xe9".encode("latin-1"))
    )
    (problem,) = problems_of(folder)
    assert problem == f"{path}:4: byte 0xe9 is not UTF-8; save the file as UTF-8"


def test_byte_order_mark_is_refused(tmp_path: Path) -> None:
    """A BOM is named, with the fix."""
    folder = mini(tmp_path)
    path = folder / "quotes.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + QUOTES.encode())
    (problem,) = problems_of(folder)
    assert problem == f"{path}:1: file starts with a byte-order mark; save it as UTF-8 without BOM"


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    """NUL bytes mean binary content, not YAML."""
    folder = mini(tmp_path)
    (folder / "quotes.yaml").write_bytes(b"- id: x\n\x00\x01\x02\xff")
    (problem,) = problems_of(folder)
    assert "quotes.yaml:2: binary content" in problem


def test_duplicate_key_in_a_record_is_caught(tmp_path: Path) -> None:
    """PyYAML would keep the last of two equal keys; the loader refuses both."""
    folder = mini(tmp_path, quotes=QUOTES + "  speaker: liang-wenfeng\n")
    (problem,) = problems_of(folder)
    assert problem.endswith(
        "quotes.yaml:8, record 'q-one', field speaker: key 'speaker' is given twice "
        "(first at line 2); keep one"
    )


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    """Three broken files give three problems, not the first one only."""
    folder = mini(
        tmp_path,
        quotes=QUOTES.replace("topics:", "topix:"),
        people=PEOPLE.replace("role:", "rol:"),
        topics=TOPICS.replace("id: innovation", "id: Innovation!"),
    )
    problems = problems_of(folder)
    files = {p.split(":")[0].rsplit("/", 1)[-1] for p in problems}
    assert {"quotes.yaml", "people.yaml", "topics.yaml"} <= files


def test_unknown_yaml_file_in_the_folder_is_named(tmp_path: Path) -> None:
    """A stray file (a typo in a file name) is not silently ignored."""
    folder = mini(tmp_path)
    (folder / "quote.yaml").write_text(QUOTES, encoding="utf-8")
    (problem,) = problems_of(folder)
    assert "quote.yaml: not a known data file; expected one of: sources.yaml" in problem


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    """A data folder that does not exist gets a message and exit code 4."""
    result = run("validate", "--data-dir", str(tmp_path / "nope"))
    assert result.code == 4
    assert f"data folder {tmp_path / 'nope'} does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_json_lists_problems_as_data(tmp_path: Path) -> None:
    """`validate --json` gives scripts the same problems as structured data."""
    import json

    folder = mini(tmp_path, quotes=QUOTES.replace("topics:", "topix:"))
    result = run("validate", "--data-dir", str(folder), "--json")
    assert result.code == 3
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert {"file", "line", "record", "field", "message"} <= set(report["problems"][0])


def test_a_mapping_used_as_a_key_is_a_located_error(tmp_path: Path) -> None:
    """`{a: b}: c` cannot be a key; found by property testing, reported with its line."""
    block = "  sources:\n    - {source: article, line: 226}:\n"
    folder = mini(
        tmp_path, quotes=QUOTES.replace("  sources: [{source: article, line: 226}]\n", block)
    )
    (problem,) = problems_of(folder)
    assert "quotes.yaml:" in problem and "YAML error: found unhashable key" in problem
