"""DeepSeek after the article: 2025-2026 from its own repositories, kept apart from the article."""

from __future__ import annotations

import json

import pytest

from deepseek_kb.errors import ExitCode

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
            and sources[str(r["source"])]["kind"] != "compilation"
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


@pytest.mark.parametrize("name", ["R1-0528", "DeepSeek-R1-0528", "V3.2-Speciale", "LPLB"])
def test_what_the_official_files_do_not_hold_is_said_not_invented(name: str) -> None:
    """`models show R1-0528`: the official files read hold no record of it (exit 1)."""
    result = run("models", "show", name)
    assert result.code == ExitCode.NOT_FOUND
    assert "hold no record" in result.stderr
