"""Where each record comes from (`--from article|official`, queries/provenance.py, told.py):
2025-2026 from DeepSeek's own files, kept apart from what the article tells."""

from __future__ import annotations

import json
from typing import Any

import pytest

from deepseek_kb.errors import ExitCode
from deepseek_kb.kinds import OFFICIAL_SOURCE_KINDS

from .conftest import run


def _json(*args: str) -> list[dict[str, object]]:
    result = run(*args, "--json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def test_the_timeline_since_2025_has_at_least_20_cited_events_up_to_2026() -> None:
    """Twenty or more dated events from 2025 into 2026, every one with its sources."""
    events = _json("timeline", "--since", "2025")
    assert len(events) >= 20
    assert max(str(e["date"]) for e in events) >= "2026"
    assert all(e["sources"] for e in events)


def test_commit_dates_say_so_in_the_timeline() -> None:
    """A date that is a git commit's author date is marked ‡ (and explained) or '(commit date)'."""
    out = run("timeline", "--since", "2025-02", "--until", "2025-02", env={"COLUMNS": "160"}).stdout
    assert "2025-02-25‡" in out and "‡ a git commit's author date" in out
    zh = run("timeline", "--since", "2025-02", "--until", "2025-02", "--lang", "zh").stdout
    assert "git 提交的作者日期" in zh
    models = run("models")
    assert "2025-01-20 (commit date)" in models.stdout


def test_projects_lists_the_open_source_repositories() -> None:
    """`dskb projects`: FlashMLA, DeepEP, DeepGEMM, DualPipe, EPLB, 3FS, smallpond, ..."""
    ids = {p["id"] for p in _json("projects")}
    assert {"flashmla", "deepep", "deepgemm", "dualpipe", "eplb", "3fs", "smallpond"} <= ids
    out = run("projects").stdout
    assert "FlashMLA" in out and "2025-02-24" in out and "MIT" in out


@pytest.mark.parametrize(
    "name", ["FlashMLA", "flash mla", "3FS", "Fire-Flyer File System", "DeepEP"]
)
def test_one_project_in_full(name: str) -> None:
    """`dskb projects show NAME` by any of its names: repository, release, licence, sources."""
    result = run("projects", "show", name, "--json")
    assert result.code == 0, result.stderr
    project = json.loads(result.stdout)
    assert project["url"].startswith("https://github.com/deepseek-ai/") and project["sources"]


def test_the_new_models_are_listed_with_specs_and_licences() -> None:
    """Janus-Pro, Prover-V2, V3.2-Exp, OCR, OCR 2 and Math-V2 are models with licences."""
    models = {m["id"]: m for m in _json("models")}
    for model_id in (
        "janus-pro-7b",
        "deepseek-prover-v2-671b",
        "deepseek-v3.2-exp",
        "deepseek-ocr",
        "deepseek-ocr-2",
        "deepseek-math-v2",
    ):
        specs = models[model_id]["specs"]
        assert isinstance(specs, dict) and ({"license_code", "license_model"} & set(specs)), (
            model_id
        )
    math = models["deepseek-math-v2"]["specs"]
    assert isinstance(math, dict) and "Apache" in json.dumps(math["license_model"]["value"])


def test_as_the_article_told_it_nothing_is_after_2024() -> None:
    """--from article: only the article's events, with its own dates (R1: 2024-11-20)."""
    events = _json("timeline", "--from", "article")
    assert events and max(str(e["date"]) for e in events) <= "2024-12-31"
    r1 = next(e for e in events if e["id"] == "r1-release")
    assert r1["date"] == "2024-11-20"


def test_what_only_the_official_files_say_is_not_the_articles() -> None:
    """search FlashMLA --from article finds nothing; the official view finds it."""
    assert run("search", "FlashMLA", "--from", "article").code == ExitCode.NOT_FOUND
    assert run("search", "FlashMLA", "--from", "official").code == 0


def test_the_official_view_shows_no_article_only_claim() -> None:
    """--from official: no record, claim or erratum whose only sources are the article's."""
    sources = {s["id"]: s for s in _json("sources")}

    def article_only(refs: list[dict[str, object]]) -> bool:
        return all(
            not sources[str(r["source"])].get("repo")
            and sources[str(r["source"])]["kind"] not in OFFICIAL_SOURCE_KINDS
            for r in refs
        )

    for model in _json("models", "--from", "official"):
        assert "official" in model["provenance"]  # type: ignore[operator]
        for claim in model.get("claims", []):  # type: ignore[attr-defined]
            assert not article_only(claim["sources"]), (model["id"], claim["text"])
    export = json.loads(run("export", "--from", "official").stdout)
    for records in export.values():
        for record in records:
            assert "official" in record["provenance"], record["id"]


def test_the_articles_errata_come_back_as_the_article_told_them() -> None:
    """V2 as the article told it has 2.1B activated parameters; the official view has 21B."""
    (article,) = _json("models", "V2", "--from", "article")
    (official,) = _json("models", "V2", "--from", "official")
    assert article["specs"]["active_params"]["value"]["value"] == 2.1  # type: ignore[index]
    assert official["specs"]["active_params"]["value"]["value"] == 21  # type: ignore[index]


def test_every_record_says_where_it_comes_from() -> None:
    """Each record's JSON names its provenance: article, official or both."""
    export = json.loads(run("export").stdout)
    for records in export.values():
        for record in records:
            assert set(record["provenance"]) <= {"article", "official"} and record["provenance"]
    v3 = json.loads(run("models", "show", "V3", "--json").stdout)
    assert v3["provenance"] == ["article", "official"]


@pytest.mark.parametrize("name", ["LPLB", "V4.1", "685B"])
def test_what_the_official_files_do_not_hold_is_said_not_invented(name: str) -> None:
    """`models show LPLB`: the official files read hold no record of it (exit 1)."""
    result = run("models", "show", name)
    assert result.code == ExitCode.NOT_FOUND
    assert "hold no record" in result.stderr


# --- DeepSeek's own web pages: its API Change Log and its deepseek-ai Hugging Face pages ---------

API_UPGRADES = {
    "deepseek-v3.1": "2025-08-21",
    "deepseek-v3.1-terminus": "2025-09-22",
    "deepseek-v3.2": "2025-12-01",
    "deepseek-v3.2-speciale": "2025-12-01",
}


@pytest.mark.parametrize(
    ("name", "model_id"),
    [
        ("V3.2", "deepseek-v3.2"),
        ("V3.2-Speciale", "deepseek-v3.2-speciale"),
        ("V3.1", "deepseek-v3.1"),
        ("V3.1-Terminus", "deepseek-v3.1-terminus"),
    ],
)
def test_the_api_change_log_dates_the_models(name: str, model_id: str) -> None:
    """`models show V3.2`: released as the Change Log dates it, cited to the saved page."""
    result = run("models", "show", name, "--json")
    assert result.code == 0, result.stderr
    model = json.loads(result.stdout)
    assert model["id"] == model_id
    released = model["released"]
    assert released["date"] == API_UPGRADES[model_id] and "basis" not in released
    assert {r["source"] for r in released["sources"]} == {"apidocs-changelog"}
    assert all(r["url"] == "https://api-docs.deepseek.com/updates" for r in released["sources"])
    assert model["provenance"] == ["official"]
    shown = run("models", "show", name).stdout
    assert f"released: {API_UPGRADES[model_id]}" in shown and "apidocs-changelog L" in shown


def test_v3_1_keeps_its_config_commit_beside_the_change_log_date() -> None:
    """V3.1 is released 2025-08-21 (Change Log); the 2025-08-27 config commit stays, as a commit."""
    v31 = json.loads(run("models", "show", "V3.1", "--json").stdout)
    assert v31["released"]["date"] == "2025-08-21"
    assert "2025-08-27" in v31["released"]["note"]["en"]
    events = {e["id"]: e for e in _json("timeline", "--since", "2025-08", "--until", "2025-08")}
    assert events["deepseek-v3.1-config-2025-08-27"]["basis"] == "commit-date"
    assert events["deepseek-v3.1-api-upgrade"]["date"] == "2025-08-21"


def test_v3_0324_shows_its_benchmark_gains_from_its_model_card() -> None:
    """`models show V3-0324`: MMLU-Pro 75.9 → 81.2 and the rest, cited to the saved card."""
    out = run("models", "show", "V3-0324", env={"COLUMNS": "400"}).stdout
    for gain in ("75.9 → 81.2", "59.1 → 68.4", "39.6 → 59.4", "39.2 → 49.2"):
        assert gain in out
    assert "hf-v3-0324-card L13–17" in out  # lines 13 to 17 of the saved card, as one range
    model = json.loads(run("models", "show", "V3-0324", "--json").stdout)
    assert "released" not in model  # the card states no date; its example prompt's date is not one


def test_the_timeline_since_2025_08_lists_the_four_api_upgrades() -> None:
    """`timeline --since 2025-08`: V3.1, V3.1-Terminus, V3.2-Exp and V3.2 on the API, on their dates."""
    events = _json("timeline", "--since", "2025-08")
    upgrades = {
        e["id"]: e["date"]
        for e in events
        if "apidocs-changelog" in json.dumps(e["sources"])  # cites the API Change Log
    }
    assert upgrades == {
        "deepseek-v3.1-api-upgrade": "2025-08-21",
        "deepseek-v3.1-terminus-api-upgrade": "2025-09-22",
        "deepseek-v3.2-exp-api-upgrade": "2025-09-29",
        "deepseek-v3.2-api-upgrade": "2025-12-01",
        "deepseek-v3.2-speciale-release": "2025-12-01",
    }
    official = {e["id"] for e in _json("timeline", "--since", "2025-08", "--from", "official")}
    assert set(upgrades) <= official


def test_when_was_v3_2_released_answers_the_change_log_date() -> None:
    """`search "when was V3.2 released"` answers 2025-12-01 for DeepSeek-V3.2, not V3.2-Exp."""
    hits = json.loads(run("search", "when was V3.2 released", "--json").stdout)
    first = hits[0]
    assert first["id"] == "deepseek-v3.2" and first["match"]["how"] == "answer", first
    assert "2025-12-01" in json.dumps(first, ensure_ascii=False)


def test_r1_0528_is_a_record_of_its_hugging_face_ids_and_nothing_more() -> None:
    """R1-0528 and R1-0528-Qwen3-8B: their deepseek-ai ids, no date, no parameter count."""
    for name, repo in (
        ("R1-0528", "deepseek-ai/DeepSeek-R1-0528"),
        ("R1-0528-Qwen3-8B", "deepseek-ai/DeepSeek-R1-0528-Qwen3-8B"),
    ):
        model = json.loads(run("models", "show", name, "--json").stdout)
        assert [h["repo"] for h in model["huggingface"]] == [repo]
        assert "released" not in model and not model.get("specs")


def test_the_ocr_decoder_erratum_keeps_both_papers() -> None:
    """DeepSeek-OCR's decoder is A570M (its own abstract); OCR 2's "about 500M" is kept, superseded."""
    ocr = json.loads(run("models", "show", "DeepSeek-OCR", "--json").stdout)
    claim = next(c for c in ocr["claims"] if "A570M" in c["text"]["en"])
    assert {r["source"] for r in claim["sources"]} >= {"hf-papers-ocr", "ocr2-paper"}
    (old,) = claim["superseded"]
    assert "about 500M" in old["value"]["en"] and old["reason"]["en"]


def test_a_saved_page_is_cited_as_a_saved_copy_and_linked_to_the_page() -> None:
    """`dskb cite deepseek-v3.2`: "saved copy, line 4" and the page's own URL, no line anchor."""
    out = run("cite", "deepseek-v3.2").stdout
    assert "Change Log, saved copy, line 4" in out
    assert "https://api-docs.deepseek.com/updates\n" in out and "updates#L" not in out
    zh = run("cite", "deepseek-v3.2", "--lang", "zh").stdout
    assert "保存副本第 4 行" in zh


def _sources(value: Any) -> set[str]:
    """Every source id cited anywhere inside a JSON value."""
    if isinstance(value, dict):
        found = {value["source"]} if isinstance(value.get("source"), str) else set()
        return found.union(*(_sources(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_sources(v) for v in value))
    return set()


@pytest.mark.parametrize(
    "args",
    [
        ["models", "show", "V3"],
        ["explain", "MLA"],
        ["company"],
    ],
)
def test_from_official_leaves_out_the_article(args: list[str]) -> None:
    """Every record command takes --from: official shows no citation of the article."""
    everything = json.loads(run(*args, "--json").stdout)
    official = json.loads(run(*args, "--from", "official", "--json").stdout)
    assert "article" in _sources(everything)
    assert official and "article" not in _sources(official)


@pytest.mark.parametrize(
    "args", [["quote"], ["people"], ["people", "梁文锋"], ["explain"], ["models", "show", "R1"]]
)
def test_from_article_keeps_only_the_article_and_its_pages(args: list[str]) -> None:
    """--from article on quote, people and explain: every citation is the article's tier."""
    sources = json.loads(run("sources", "--json").stdout)
    official = {s["id"] for s in sources if s.get("provenance") == ["official"]}
    assert official
    told = json.loads(run(*args, "--from", "article", "--json").stdout)
    assert told and not (_sources(told) & official)


@pytest.mark.parametrize("tier", ["article", "official"])
def test_sources_from_a_tier_lists_only_that_tiers_sources(tier: str) -> None:
    """`dskb sources --from official`: DeepSeek's own files, not the article and its links."""
    every = json.loads(run("sources", "--json").stdout)
    told = json.loads(run("sources", "--from", tier, "--json").stdout)
    assert told and len(told) < len(every)
    assert all(s["provenance"] == [tier] for s in told)


def test_from_a_tier_that_says_nothing_of_a_record_exits_1() -> None:
    """A model the article never names, asked --from article: exit 1 and what to do."""
    result = run("models", "show", "V3.2", "--from", "article")
    assert result.code == 1
    assert "says nothing about deepseek-v3.2" in result.stderr and "--from" in result.stderr
    assert run("models", "show", "V3.2", "--from", "article", "--json").stdout.strip() == "{}"
