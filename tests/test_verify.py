"""`dskb verify`: the labelled claims (tests/eval/verify-claims.yaml) get the verdicts they were
labelled with, through the real CLI, with the stored value named; exit codes and JSON hold."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import imported, run, with_index

CLAIMS = Path(__file__).parent / "eval" / "verify-claims.yaml"
ITEMS: list[dict[str, Any]] = yaml.safe_load(CLAIMS.read_text(encoding="utf-8"))


def _verdicts() -> dict[str, dict[str, Any]]:
    """Every labelled claim's verdict, as `dskb verify --json` prints it."""
    out = {}
    for item in ITEMS:
        result = run("verify", item["text"], "--json")
        data = json.loads(result.stdout)
        assert result.code == data["exit_code"], (item["id"], result.stderr)
        out[item["id"]] = data
    return out


@pytest.fixture(scope="module")
def verdicts() -> dict[str, dict[str, Any]]:
    return _verdicts()


def _expected(item: dict[str, Any]) -> list[str]:
    return item["expect"] if isinstance(item["expect"], list) else [item["expect"]]


def _names_stored(item: dict[str, Any], data: dict[str, Any]) -> bool:
    """The verdict names the record the label names, and the stored value it gives."""
    stored = data.get("stored") or {}
    holders = {stored.get("id"), stored.get("about"), data.get("about")}
    if item["record"] not in holders:
        return False
    if "stored" not in item:
        return True
    shown = stored.get("speaker") if data["why"] == "misattributed" else stored.get("text")
    return str(item["stored"]) in str(shown)


def test_the_labelled_set_is_as_the_issue_asks() -> None:
    """At least 20 verbatim, 20 altered and 20 fabricated claims, each altered one naming the
    stored value its verdict must give."""
    groups = {
        g: [i for i in ITEMS if i["group"] == g] for g in ("verbatim", "altered", "fabricated")
    }
    assert all(len(items) >= 20 for items in groups.values())
    assert all("record" in i for i in groups["verbatim"] + groups["altered"])


@pytest.mark.slow
def test_every_verbatim_quote_and_value_is_exact(verdicts: dict[str, dict[str, Any]]) -> None:
    """Verbatim quotes (Chinese, or the KB's English) and values as stated: exact, 20/20."""
    verbatim = [i for i in ITEMS if i["group"] == "verbatim"]
    wrong = [
        (i["id"], verdicts[i["id"]]["verdict"])
        for i in verbatim
        if verdicts[i["id"]]["verdict"] != "exact" or not _names_stored(i, verdicts[i["id"]])
    ]
    assert not wrong


@pytest.mark.slow
def test_fabricated_claims_are_not_in_the_kb_and_never_exact(
    verdicts: dict[str, dict[str, Any]],
) -> None:
    """Invented quotes and figures: not in the KB for at least 19 of 20, never exact."""
    invented = [i for i in ITEMS if i["group"] in ("fabricated", "absent")]
    found = [verdicts[i["id"]]["verdict"] for i in invented]
    assert "exact" not in found
    assert sum(v == "not-found" for v in found[:20]) >= 19, found


@pytest.mark.slow
def test_altered_claims_are_close_or_contradicted_naming_the_stored_value(
    verdicts: dict[str, dict[str, Any]],
) -> None:
    """Paraphrased, rounded, misattributed, wrong-model: at least 18 of 20 right, each naming
    the stored value."""
    altered = [i for i in ITEMS if i["group"] == "altered"]
    right = [
        i["id"]
        for i in altered
        if verdicts[i["id"]]["verdict"] in _expected(i) and _names_stored(i, verdicts[i["id"]])
    ]
    assert len(right) >= 18, sorted({i["id"] for i in altered} - set(right))


def test_a_rounded_figure_is_close_and_shown_with_its_citation() -> None:
    """'V3 training cost was $6M': close (rounded), the stored $5.576M, its page, exit 0."""
    result = run("verify", "DeepSeek-V3 training cost was $6M")
    assert result.code == 0
    assert "Close" in result.stdout and "$5.576M" in result.stdout and "$6M" in result.stdout
    assert "DeepSeek_V3.pdf#page=5" in result.stdout


def test_a_figure_that_is_another_models_is_contradicted_with_exit_5() -> None:
    """'V2 cost $5.5M to train': contradicted, V3's $5.576M named, exit 5."""
    result = run("verify", "--claim", "DeepSeek-V2 cost $5.5M to train", "--json")
    data = json.loads(result.stdout)
    assert result.code == 5
    assert (data["verdict"], data["why"], data["about"]) == (
        "contradicted",
        "another-record",
        "deepseek-v2",
    )
    assert (data["stored"]["id"], data["stored"]["text"]) == ("deepseek-v3", "$5.576M")
    assert data["stored"]["tiers"] == ["article", "official"] and data["stored"]["sources"] == 2


def test_a_misattributed_quote_names_its_speaker() -> None:
    """A quote of Liang Wenfeng's given to Jack Clark: contradicted, with Liang named."""
    result = run("verify", 'Jack Clark said: "We will not go closed-source."')
    assert result.code == 5
    assert "Liang Wenfeng" in result.stdout and "Jack Clark" in result.stdout


def test_a_changed_quote_shows_what_differs_in_chinese() -> None:
    """A quote with a word left out: close, the missing words shown, in Chinese."""
    result = run("--lang", "zh", "verify", "任何AI公司都没有碾压对手的技术优势")
    assert result.code == 0
    assert "相近" in result.stdout and "− 短期内" in result.stdout


def test_nothing_near_is_not_in_the_kb_never_false() -> None:
    """An invented claim: 'not in the KB', exit 1, and no word 'false' in the verdict."""
    result = run("verify", "DeepSeek opened a research lab in Paris in 2024", "--json")
    data = json.loads(result.stdout)
    assert result.code == 1 and data["verdict"] == "not-found"
    words = run("verify", "DeepSeek opened a research lab in Paris in 2024").stdout
    assert "Not in the KB" in words and "does not make the claim false" in words


@pytest.mark.parametrize(
    "args", [("verify",), ("verify", "   "), ("verify", "a claim", "--claim", "another")]
)
def test_no_claim_or_two_claims_are_usage_errors(args: tuple[str, ...]) -> None:
    """A missing, empty or doubled claim: a message and exit 2, no traceback."""
    result = run(*args)
    assert result.code == 2 and "Traceback" not in result.stderr and result.stderr


@pytest.mark.slow
def test_verify_imports_nothing_heavy(tmp_path: Path, built_index: Path) -> None:
    """With a warm cache, verify imports neither YAML, pydantic, pypinyin nor RapidFuzz."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    heavy = ("yaml", "pydantic", "pypinyin", "rapidfuzz", "rich")
    with_index(built_index, tmp_path / "cache")
    imported(["info"], heavy, env)  # checks the copied index, as after a build
    assert imported(["verify", "V3 cost $6M to train", "--json"], heavy, env) == []
