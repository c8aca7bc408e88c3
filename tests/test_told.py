"""Every value carries its own tier, status and caveat: `--from` filters claims, not records."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from deepseek_kb.index.store import Index
from deepseek_kb.kinds import NAMES, Status
from deepseek_kb.queries.common import index_for
from deepseek_kb.settings import resolve
from deepseek_kb.told import infer_status, status_hook, with_status

from .conftest import DATA, run

TIERS = ("article", "official")


@pytest.fixture(scope="module")
def index() -> Index:
    """The index of the bundled data."""
    return index_for(resolve())


def _records(index: Index, kind: str, tier: str | None) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in index.records(kind, tier)}


def _holders(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every part of a record with its own citations, and where it is."""
    if isinstance(value, dict):
        if "sources" in value:
            yield path, value
        for key, item in value.items():
            if key != "sources":
                yield from _holders(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _holders(item, f"{path}[{i}]")


def _tier_of(index: Index, ref: dict[str, Any]) -> str:
    return index.source_info()[ref["source"]][0]


# --- the walk: every record of every kind under both tiers ------------------------------------


@pytest.mark.parametrize("tier", TIERS)
def test_every_value_a_tier_shows_rests_on_that_tier_alone(index: Index, tier: str) -> None:
    """Under --from T every holder (record, spec, date, claim, text, note) cites T only, has a
    status, and no date is marked as a commit's under the article."""
    for kind in NAMES:
        if kind == "source":
            continue
        for record in index.records(kind, tier):
            for path, holder in _holders(record):
                where = (record["id"], path)
                if not path and not holder["sources"]:
                    continue  # a record the tier tells only for what it holds (below)
                assert {_tier_of(index, r) for r in holder["sources"]} <= {tier}, where
                assert holder.get("status"), where
                if tier == "article":
                    assert "basis" not in holder, where
                    assert holder["status"] != Status.commit_metadata, where
                else:
                    assert holder["status"] != Status.third_party, where
            if not record["sources"]:  # told only for what it holds: no text of its own
                assert not any(
                    isinstance(v, dict) and "zh" in v for k, v in record.items() if k != "name"
                ), record["id"]


@pytest.mark.slow
@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize(
    "view",
    [
        ["models"],
        ["models", "--compare", "--all"],
        ["timeline", "--details"],
        ["search", "DeepSeek", "--limit", "200"],
    ],
)
def test_views_under_one_tier_show_no_mark_of_the_other(tier: str, view: list[str]) -> None:
    """No ‡ (a commit's date) and no official source under the article; no ° (the article's
    claim) and no article citation under the official files."""
    result = run(*view, "--from", tier, "--lang", "en")
    assert result.code == 0, result.stderr
    if tier == "article":
        assert "‡" not in result.stdout
        assert "v3-readme" not in result.stdout and "commit date" not in result.stdout
    else:
        assert "°" not in result.stdout
        assert "article §" not in result.stdout


# --- the 14 leaks of issue 20 ------------------------------------------------------------------


OFFICIAL_ABSENT = [
    ("event", "deepseek-llm-release"),  # "2024" rests on the article; its commit is 2023-11-29
    ("event", "coder-v1-release"),
    ("event", "coder-v2-release"),
    ("quote", "commentators-sputnik-moment"),
    ("quote", "commentators-game-changing-cost"),
    ("quote", "karpathy-v3-eleventh-of-compute"),
    ("fact", "access-deep-thinking-r1-vs-o1"),
    ("fact", "access-full-upgrade-to-v3"),
]


@pytest.mark.parametrize(("kind", "record_id"), OFFICIAL_ABSENT)
def test_what_only_the_article_says_is_not_told_by_the_official_files(
    index: Index, kind: str, record_id: str
) -> None:
    """Records whose own text is the article's are gone under --from official, kept under it."""
    assert record_id in _records(index, kind, None)
    assert record_id not in _records(index, kind, "official")
    assert record_id in _records(index, kind, "article")


@pytest.mark.parametrize("record_id", ["v2-release", "v3-release"])
def test_an_event_the_article_described_shows_only_its_official_parts(
    index: Index, record_id: str
) -> None:
    """Under official: the title and date, not the article's description ("world's strongest …
    200-billion-parameter"); V3's day is then a commit's date (‡)."""
    full = _records(index, "event", None)[record_id]
    told = _records(index, "event", "official")[record_id]
    assert "description" in full and "description" not in told
    if record_id == "v3-release":
        assert told["status"] == Status.commit_metadata
    result = run("timeline", "--from", "official", "--details", "--lang", "en")
    assert "200-billion-parameter" not in result.stdout and "2024-12-26‡" in result.stdout


def test_v3_claims_under_official_leave_out_the_llama_gpu_hours(index: Index) -> None:
    """deepseek-v3.claims[2] (Llama 3 405B's 30.8M GPU hours) is the article's alone."""
    told = _records(index, "model", "official")["deepseek-v3"]
    texts = [c["text"]["en"] for c in told.get("claims", [])]
    assert texts and not any("Llama 3 405B" in t for t in texts)
    assert any(
        "Llama 3 405B" in c["text"]["en"]
        for c in _records(index, "model", "article")["deepseek-v3"]["claims"]
    )


def test_v2_release_is_the_articles_day_in_timeline_and_model_list(index: Index) -> None:
    """The article says 2024-5-7: both views say so under --from article, with the correction as
    a note and no †."""
    event = _records(index, "event", "article")["v2-release"]
    model = _records(index, "model", "article")["deepseek-v2"]
    assert event["date"] == model["released"]["date"] == "2024-05-07"
    assert "superseded" not in event and "2024.05.06" in event["note"]["en"]
    timeline = run("timeline", "--from", "article", "--until", "2024-05", "--lang", "en")
    assert "2024-05-07" in timeline.stdout and "2024-05-06" not in timeline.stdout


def test_r1_under_the_article_is_its_date_not_a_commits(index: Index) -> None:
    """2024-11-20 is the article's own date: no ‡, no "commit date"."""
    released = _records(index, "model", "article")["deepseek-r1"]["released"]
    assert released["date"] == "2024-11-20"
    assert released["status"] == Status.third_party and "basis" not in released
    shown = run("models", "--from", "article", "--lang", "en").stdout
    assert "2024-11-20°" in shown and "2024-11-20‡" not in shown


def test_v3_gpu_hours_under_the_article_are_its_own_words(index: Index) -> None:
    """不到280万 (under 2.8M), not the official 2.788M."""
    spec = _records(index, "model", "article")["deepseek-v3"]["specs"]["gpu_hours"]
    assert spec["value"]["value"] == 2800000 and spec["value"]["qualifier"] == "under"


def test_v2_kv_cache_claim_under_the_article_has_no_official_figures(index: Index) -> None:
    """The article says 5%-13%; the 14 % / 4 % ablation figures are the report's."""
    claims = _records(index, "model", "article")["deepseek-v2"]["claims"]
    mla = [c for c in claims if "5%-13%" in c["text"]["zh"]]
    assert mla and not mla[0].get("figures")


def test_v3_release_day_rests_on_a_cited_article_line(index: Index) -> None:
    """Under the article, v3-release keeps its day only because a cited line (L242) gives it."""
    told = _records(index, "event", "article")["v3-release"]
    assert told["date"] == "2024-12-26"
    assert any(r.get("line") == 242 for r in told["sources"])


# --- caveats travel with the value ------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "words"),
    [
        ("V3", "$2 per H800 GPU hour"),
        ("V3.2-Exp", "Continued training on top of V3.1-Terminus"),
        ("deepseek-v4", "citation"),
    ],
)
def test_models_show_prints_each_values_caveat(model: str, words: str) -> None:
    """The note of a spec is printed beside its value."""
    result = run("models", "show", model, "--lang", "en")
    assert result.code == 0, result.stderr
    assert words in " ".join(result.stdout.split())


def test_compare_gives_caveats_as_footnotes() -> None:
    """A value with a caveat is marked * and its caveat is a footnote under the table."""
    result = run("models", "--compare", "V3", "--lang", "en")
    flat = " ".join(result.stdout.split())
    assert "$5.576M*" in flat and "* DeepSeek-V3 training cost: Assumes a rental price" in flat


def test_flat_exports_have_a_status_and_note_column(tmp_path: Path) -> None:
    """CSV: training_cost_status and training_cost_note_en beside the value."""
    result = run("export", "-f", "csv", "-o", str(tmp_path / "csv"))
    assert result.code == 0, result.stderr
    head = (tmp_path / "csv" / "models.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "training_cost_status" in head and "training_cost_note_en" in head


# --- the status rule --------------------------------------------------------------------------


INFO = {
    "article": ("article", "article"),
    "readme": ("official", "repository-file"),
    "commit": ("official", "git-commit"),
    "png": ("official", "image"),
}


@pytest.mark.parametrize(
    ("holder", "status"),
    [
        ({"sources": [{"source": "readme"}, {"source": "article"}]}, "stated"),
        ({"sources": [{"source": "article"}, {"source": "commit"}]}, "third-party"),
        ({"sources": [{"source": "commit"}]}, "commit-metadata"),
        ({"basis": "commit-date", "sources": [{"source": "readme"}]}, "commit-metadata"),
        ({"sources": [{"source": "png"}]}, "transcribed"),
        ({"status": "derived", "sources": [{"source": "readme"}]}, "derived"),
        ({"status": "stated", "sources": [{"source": "article"}]}, "third-party"),
    ],
)
def test_the_status_rule(holder: dict[str, Any], status: str) -> None:
    """One rule, in order: stated, transcribed, third-party, commit metadata; data may state
    only derived or transcribed."""
    assert infer_status(holder, INFO) == status


def test_superseded_values_are_ranked_superseded() -> None:
    """A superseded value is deprecated whatever its sources."""
    row = {"sources": [{"source": "readme"}], "superseded": [{"sources": [{"source": "article"}]}]}
    assert with_status(row, INFO)["superseded"][0]["status"] == "superseded"


def test_validate_reports_every_value_with_a_status() -> None:
    """dskb validate: 100 % of values have a status."""
    result = run("validate", "--json")
    assert result.code == 0, result.stderr
    statuses = json.loads(result.stdout)["statuses"]
    assert statuses["with_status_percent"] == 100.0 and statuses["values"] > 500
    assert sum(statuses["by_status"].values()) == statuses["values"]


def test_a_derived_value_must_name_its_inputs(data_copy: Path) -> None:
    """status: derived without a note is a data error."""
    path = data_copy / "models.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "      value: {value: 943700000000, unit: tokens, text: 943.7B}\n      sources:",
        "      value: {value: 943700000000, unit: tokens, text: 943.7B}\n      status: derived\n      sources:",
        1,
    )
    text = re.sub(
        r"(status: derived\n      sources:\n(?:        - .*\n)+)      note:\n(?:        .*\n){2}",
        r"\1",
        text,
        count=1,
    )
    path.write_text(text, encoding="utf-8")
    result = run("validate", "--data-dir", str(data_copy))
    assert result.code != 0 and "names its inputs" in result.stderr


def test_a_date_is_corrected_by_a_date(data_copy: Path) -> None:
    """A superseded value of another kind (545 % under a date) is a data error."""
    path = data_copy / "events.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "  about: [deepseek-v3, deepseek-r1, deepseek, open-infra-index]\n"
    text = text.replace(
        anchor,
        anchor + "  superseded:\n    - value: {value: 545, unit: '%'}\n"
        "      sources: [infra-day6]\n      reason: {zh: 理论值, en: theoretical}\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    result = run("validate", "--data-dir", str(data_copy))
    assert result.code != 0 and "a date is corrected by a date" in result.stderr


# --- data defects ----------------------------------------------------------------------------


def _plain_scalars_followed_by_comments(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for node in _scalars(yaml.compose(path.read_text(encoding="utf-8"))):
        if node.style is None:  # plain: a ' #' inside would end it silently
            rest = lines[node.end_mark.line][node.end_mark.column :]
            if rest.lstrip().startswith("#"):
                found.append(f"{path.name}:{node.end_mark.line + 1}: {node.value!r} then {rest!r}")
    return found


def _scalars(node: Any) -> Iterator[Any]:
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(key)
            yield from _scalars(value)


@pytest.mark.slow
def test_every_loaded_text_is_its_whole_scalar() -> None:
    """No text is cut by a ' #' that YAML reads as a comment (V3.1's note ended at 'PR')."""
    cut = [
        c for path in sorted(DATA.glob("*.yaml")) for c in _plain_scalars_followed_by_comments(path)
    ]
    assert not cut, "\n".join(cut)


def test_the_v31_note_is_whole(index: Index) -> None:
    """deepseek-v3.1.claims[0].note names PR #964 in both languages."""
    note = _records(index, "model", None)["deepseek-v3.1"]["claims"][0]["note"]
    assert "#964" in note["zh"] and "#964" in note["en"]


def test_context_lengths_follow_one_k_rule(index: Index) -> None:
    """A context length written NK is N × 1024 tokens (docs/DATA.md), so V3.2-Exp's 15000 ×
    480 × 128K is its 943.7B."""
    for model in index.records("model"):
        spec = model.get("specs", {}).get("context_length")
        written = spec and re.fullmatch(r"(\d+)\s*K(?: tokens)?", spec["value"].get("text", ""))
        if written:
            assert spec["value"]["value"] == int(written.group(1)) * 1024, model["id"]
    assert round(15000 * 480 * 131072 / 1e9, 1) == 943.7


def test_fixed_records(index: Index) -> None:
    """3FS has no unsourced alias, the V3.1 config is a code change, the ChinaTalk interview is
    not titled as Simon Willison's, and Raschka's own page is cited beside the article's words."""
    assert "萤火文件系统" not in _records(index, "project", None)["3fs"]["aliases"]
    events = _records(index, "event", None)
    assert events["deepseek-v3.1-config-2025-08-27"]["type"] == "code-change"
    assert "Simon Willison" not in events["interview-2024-11-27"]["title"]["en"]
    raschka = _records(index, "person", None)["sebastian-raschka"]
    assert (
        raschka["role"]["status"]
        if "status" in raschka["role"]
        else raschka["status"] == "third-party"
    )
    assert any("Lightning AI" in b["en"] for b in raschka["bio"])
    assert "openai" not in raschka.get("affiliations", [])


def test_every_record_read_has_the_statuses_with_status_gives_in_its_key_order(
    index: Index,
) -> None:
    """The index gives the statuses as it reads a record's JSON (`told.status_hook`): the very
    JSON `with_status` makes of it, keys in the same order, superseded values included."""
    info = index.source_info()
    rows = index.conn.execute("SELECT id, type, json FROM records").fetchall()
    assert any('"superseded"' in text for _, _, text in rows)
    read = index.get_many([rid for rid, _, _ in rows])
    for rid, kind, text in rows:
        raw = json.loads(text)
        expected = raw if kind == "source" else with_status(raw, info)
        assert json.dumps(read[rid].row) == json.dumps(expected), rid


_KEYS = st.sampled_from(["superseded", "basis", "value", "x"])
_REFS = st.lists(
    st.fixed_dictionaries({"source": st.sampled_from(["src-a", "src-b", "src-c", "gone"])}),
    max_size=2,
)
_STATUS = st.sampled_from(["derived", "transcribed", "stated", "commit-date"])


def _holder(pairs: dict[str, Any], refs: Any, status: Any, order: list[int]) -> dict[str, Any]:
    """A JSON object with its sources and status (each maybe) among its keys, in any order."""
    items = list(pairs.items())
    for key, extra in (("sources", refs), ("status", status)):
        if extra is not None:
            items.insert(order.pop() % (len(items) + 1), (key, extra))
    return dict(items)


_JSON = st.recursive(
    st.one_of(st.none(), _STATUS, st.integers()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.builds(
            _holder,
            st.dictionaries(_KEYS, inner, max_size=3),
            st.one_of(st.none(), _REFS),
            st.one_of(st.none(), _STATUS),
            st.lists(st.integers(0, 5), min_size=2, max_size=2),
        ),
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(value=_JSON)
def test_the_status_hook_is_with_status_on_any_json(value: Any) -> None:
    """Holders anywhere, a status written before or after the sources, superseded values in
    lists of lists: reading the JSON with the hook gives what `with_status` gives."""
    info = {"src-a": ("official", "paper"), "src-b": ("article", "web-page")}
    info["src-c"] = ("official", "git-commit")
    text = json.dumps(value)
    read = json.JSONDecoder(object_hook=status_hook(info)).decode(text)
    assert json.dumps(read) == json.dumps(with_status(json.loads(text), info))
