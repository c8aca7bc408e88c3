"""Every command through the real CLI: human output, JSON shapes, --lang, exit codes, not-found."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from deepseek_kb.cli import app

from .conftest import run

HAN = re.compile(r"[\u4e00-\u9fff]")
MAIN_ORDER = [
    "deepseek-v2",
    "deepseek-v3",
    "deepseek-r1",
    "deepseek-v3.2-exp",
]


def ok_json(*args: str) -> object:
    result = run(*args, "--json")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    return json.loads(result.stdout)


# --- models -------------------------------------------------------------------------------------


def test_models_lists_every_model_with_size_and_date() -> None:
    """One row per model, with total parameters and release date."""
    result = run("models")
    assert result.code == 0
    for text in ("DeepSeek-V3", "671B", "2024-12-26", "DeepSeek-R1-Distill-Llama-70B"):
        assert text in result.stdout
    models = ok_json("models")
    assert isinstance(models, list) and len(models) >= 24


def test_compare_defaults_to_the_main_models_in_release_order() -> None:
    """--compare --json is the array of the main models (the flagships), oldest first."""
    models = ok_json("models", "--compare")
    assert isinstance(models, list)
    assert [m["id"] for m in models] == MAIN_ORDER


def test_compare_table_shows_groups_units_dashes_and_superseded_marks() -> None:
    """Rows are grouped, unknowns are dashes, and the V2 erratum is marked and explained."""
    result = run("models", "--compare", "LLM 67B", "V2", "V3", "R1")
    out = result.stdout
    assert result.code == 0
    for group in ("Size", "Architecture", "Training", "Cost and price", "Access"):
        assert group in out
    assert "671B" in out and "236B" in out and "—" in out
    assert "None" not in out
    assert "21B†" in out
    assert "stated as 2.1B" in out
    context_row = next(line for line in out.splitlines() if "Context length" in line)
    assert "128K" in context_row and "4K" in context_row and "4096" not in context_row


def test_compare_named_models_in_the_order_given() -> None:
    """Models named on the command line are compared in that order, any spelling."""
    models = ok_json("models", "--compare", "v3", "DeepSeek-V2")
    assert isinstance(models, list)
    assert [m["id"] for m in models] == ["deepseek-v3", "deepseek-v2"]


@pytest.mark.parametrize(
    ("typed", "model_id"),
    [
        ("V3", "deepseek-v3"),
        ("v3", "deepseek-v3"),
        ("DeepSeek-V3", "deepseek-v3"),
        ("deepseek v3", "deepseek-v3"),
        ("deepseek-v3", "deepseek-v3"),
        ("DeepSek-V3", "deepseek-v3"),
        ("Coder V2", "deepseek-coder-v2"),
        ("R1", "deepseek-r1"),
        ("DeepSeek LLM", "deepseek-llm-67b"),
    ],
)
def test_models_show_accepts_what_people_type(typed: str, model_id: str) -> None:
    """Names, ids, spacing, case and near misses resolve to the model."""
    model = ok_json("models", "show", typed)
    assert isinstance(model, dict) and model["id"] == model_id


def test_models_show_prints_specs_sources_claims_errata_and_mentions() -> None:
    """The detail view cites its specs and lists the errata and related records."""
    result = run("models", "show", "V2")
    out = result.stdout
    assert result.code == 0
    assert "v2-readme" in out and "21B" in out
    assert "Errata" in out and "2.1B" in out and "2024-05-07" in out
    assert "Mentioned in" in out


def test_unknown_model_exits_1_and_suggests_the_nearest() -> None:
    """A miss that cannot be resolved names the nearest models on stderr."""
    result = run("models", "show", "DeepSeek V9")
    assert result.code == 1
    assert result.stdout == ""
    assert "no model called 'DeepSeek V9'" in result.stderr
    assert "did you mean" in result.stderr and "DeepSeek-V" in result.stderr
    assert "Traceback" not in result.stderr


# --- timeline -----------------------------------------------------------------------------------


def test_timeline_is_in_date_order_grouped_by_year() -> None:
    """Events come oldest first; JSON carries each date at its own precision."""
    events = ok_json("timeline")
    assert isinstance(events, list)
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)
    assert "2023-05" in dates and "2023-04-11" in dates
    out = run("timeline").stdout
    assert out.index("2019") < out.index("2023") < out.index("2024")


def test_timeline_filters_by_range_type_and_subject() -> None:
    """--since/--until overlap dates; --type and --about narrow."""
    events = ok_json("timeline", "--since", "2024-05", "--until", "2024-06")
    assert isinstance(events, list) and events
    dates = [e["date"] for e in events]
    assert all(d.startswith("2024") for d in dates)
    assert all("2024-05" <= d[:7] <= "2024-06" for d in dates if len(d) > 4)
    assert "2024-05-06" in dates and "2024-12-26" not in dates
    releases = ok_json("timeline", "--type", "model-release")
    assert isinstance(releases, list)
    assert {e["type"] for e in releases} == {"model-release"}
    about = ok_json("timeline", "--about", "V3")
    assert isinstance(about, list)
    assert all("deepseek-v3" in e["about"] for e in about) and about


def test_timeline_lang_en_is_entirely_english() -> None:
    """With --lang en no Chinese character is printed."""
    result = run("timeline", "--lang", "en")
    assert result.code == 0
    assert not HAN.search(result.stdout), HAN.findall(result.stdout)[:10]


@pytest.mark.parametrize(
    "bad", [["--since", "last year"], ["--until", "2024-13-99x"], ["--type", "party"]]
)
def test_timeline_bad_options_are_usage_errors(bad: list[str]) -> None:
    """A --since that is not a date, or an unknown --type, exits 2 with a hint."""
    result = run("timeline", *bad)
    assert result.code == 2
    assert "error:" in result.stderr and "hint:" in result.stderr


# --- quote and search ---------------------------------------------------------------------------


def test_quote_finds_every_quote_about_innovation() -> None:
    """`dskb quote 创新` returns every quote whose Chinese holds 创新, each once."""
    hits = ok_json("quote", "创新")
    assert isinstance(hits, list)
    ids = [h["id"] for h in hits]
    everything = ok_json("quote")
    assert isinstance(everything, list)
    expected = {q["id"] for q in everything if "创新" in q["record"]["text"]["zh"]}
    assert expected and expected <= set(ids)
    assert len(ids) == len(set(ids))
    assert all(set(h) == {"id", "type", "score", "match", "record"} for h in hits)
    assert {"field", "how", "terms"} <= set(hits[0]["match"])
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_quote_shows_the_words_in_the_language_asked() -> None:
    """zh: the Chinese; en: the English (--original adds the Chinese); both: Chinese first."""
    zh = run("quote", "护城河", "--lang", "zh").stdout
    en = run("quote", "护城河", "--lang", "en").stdout
    both = run("quote", "护城河", "--lang", "both").stdout
    original = run("quote", "护城河", "--lang", "en", "--original").stdout
    assert "护城河" in zh and "short-lived" not in zh
    assert "护城河" not in en and "short-lived" in en
    assert both.index("护城河") < both.index("short-lived")
    assert original.index("护城河") < original.index("short-lived")


def test_quote_filters_by_speaker_and_topic() -> None:
    """--speaker takes any name form; --topic takes the id or either name."""
    karpathy = ok_json("quote", "--speaker", "Karpathy")
    assert isinstance(karpathy, list) and karpathy
    assert {h["record"]["speaker"] for h in karpathy} == {"andrej-karpathy"}
    hiring = ok_json("quote", "--topic", "招人")
    assert isinstance(hiring, list) and hiring
    assert all("hiring" in h["record"]["topics"] for h in hiring)


def test_quote_without_query_groups_by_topic() -> None:
    """No query: every quote, under topic headings."""
    result = run("quote", "--lang", "en")
    assert result.code == 0
    assert "Innovation" in result.stdout and "Hiring" in result.stdout


def test_search_puts_the_model_first_for_its_name() -> None:
    """`search V3` ranks the model above everything that mentions it."""
    hits = ok_json("search", "V3")
    assert isinstance(hits, list)
    assert hits[0]["id"] == "deepseek-v3" and hits[0]["type"] == "model"
    assert set(hits[0]["record"]) >= {"id", "name", "specs", "sources"}


def test_search_type_narrows() -> None:
    """--type keeps one record type."""
    hits = ok_json("search", "创新", "--type", "fact")
    assert isinstance(hits, list) and hits
    assert {h["type"] for h in hits} == {"fact"}


def test_nothing_found_prints_empty_json_and_a_next_step() -> None:
    """A nonsense query: [] on stdout with --json, a hint on stderr, exit 1."""
    result = run("search", "zzqx blorptang", "--json")
    assert result.code == 1
    assert result.stdout == "[]\n"
    assert "nothing matches" in result.stderr and "hint:" in result.stderr


def test_empty_query_is_a_usage_error() -> None:
    """Whitespace is not a query."""
    result = run("search", "   ")
    assert result.code == 2


# --- people, company, sources, export -------------------------------------------------------------


def test_people_lists_everyone_and_shows_one() -> None:
    """The list names the founder; one person shows bio and their quotes."""
    listing = run("people")
    assert listing.code == 0 and "Liang Wenfeng" in listing.stdout
    one = run("people", "梁文锋", "--lang", "en")
    assert one.code == 0 and "Zhejiang University" in one.stdout
    person = ok_json("people", "karpathy")
    assert isinstance(person, dict) and person["id"] == "andrej-karpathy"


def test_company_covers_founding_compute_people_money_culture() -> None:
    """High-Flyer and DeepSeek in sections, with the clusters and the founder."""
    result = run("company")
    out = result.stdout
    assert result.code == 0
    for text in ("High-Flyer", "Fire-Flyer 2", "Liang Wenfeng", "Compute", "Culture"):
        assert text in out


def test_sources_lists_article_links_and_official_files() -> None:
    """Sources include the article, a link it cites and an official file."""
    sources = ok_json("sources")
    assert isinstance(sources, list)
    ids = {s["id"] for s in sources}
    assert {"article", "wechat-bitter-lesson", "v3-readme"} <= ids


def test_export_json_is_every_record_by_type() -> None:
    """export --format json is {type: [records]} with every record."""
    result = run("export", "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {
        "source",
        "topic",
        "organization",
        "person",
        "model",
        "project",
        "term",
        "event",
        "quote",
        "fact",
    }
    counts = ok_json("info")
    assert isinstance(counts, dict)
    assert {t: len(v) for t, v in data.items()} == counts["records"]


@pytest.mark.slow
def test_export_sqlite_and_csv_are_readable(tmp_path: Path) -> None:
    """SQLite has one table per type; CSV one file per type; both hold every record."""
    db = tmp_path / "kb.db"
    assert run("export", "--format", "sqlite", "-o", str(db)).code == 0
    conn = sqlite3.connect(db)
    (quotes,) = conn.execute("SELECT count(*) FROM quotes").fetchone()
    (speaker, name) = conn.execute(
        "SELECT speaker_id, speaker_en FROM quotes WHERE id = 'liang-no-kpi'"
    ).fetchone()
    assert quotes > 50 and speaker == "liang-wenfeng" and name == "Liang Wenfeng"
    folder = tmp_path / "csv"
    assert run("export", "--format", "csv", "-o", str(folder)).code == 0
    assert (folder / "models.csv").read_text(encoding="utf-8").startswith("id,")
    markdown = run("export", "--format", "markdown").stdout
    assert "## Quotes" in markdown and "### DeepSeek-V3" in markdown
    assert '{"zh"' not in markdown and '[{"source"' not in markdown


def test_export_csv_needs_an_output_folder() -> None:
    """Formats with several tables say where they must go."""
    result = run("export", "--format", "csv")
    assert result.code == 2 and "needs --output" in result.stderr


# --- help and docs --------------------------------------------------------------------------------


def _commands() -> list[list[str]]:
    import typer.main

    group = typer.main.get_command(app)
    found: list[list[str]] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if hasattr(command, "commands"):
            found.extend([name, sub] for sub in command.commands)
        found.append([name])
    return found


@pytest.mark.slow
def test_every_command_has_help_with_an_example_and_is_in_the_readme() -> None:
    """Help works for every command, shows an example, and the README documents it."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for words in _commands():
        result = run(*words, "--help")
        assert result.code == 0, words
        if len(words) == 1 and words[0] not in ("models", "projects"):
            assert "Examples" in result.stdout, words
        assert f"dskb {' '.join(words)}" in readme, words


def test_help_documents_exit_codes() -> None:
    """The top-level help lists the exit codes."""
    out = run("--help").stdout
    assert "Exit codes" in out and "130" in out


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DSKB_LANG": "zh"}, "宣布做大模型"),
        ({"LANG": "zh_CN.UTF-8"}, "宣布做大模型"),
        ({"LANG": "en_US.UTF-8"}, "Large-model effort announced"),
        ({"DSKB_LANG": "en", "LANG": "zh_CN.UTF-8"}, "Large-model effort announced"),
    ],
)
def test_default_language_follows_dskb_lang_then_the_locale(
    env: dict[str, str], expected: str
) -> None:
    """Without --lang: DSKB_LANG, else a zh* locale means Chinese, else English."""
    assert expected in run("timeline", env=env).stdout
