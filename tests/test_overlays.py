"""User overlays: DSKB_PATH folders add records and replace records of the data below them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run

PERSON = """\
- id: liang-wenfeng
  name: {zh: 梁文锋, en: Liang Wenfeng}
  role: {zh: 深度求索创始人, en: Founder of DeepSeek (my note)}
  sources: [article]
"""
QUOTE = """\
- id: my-note-on-innovation
  speaker: liang-wenfeng
  text: {zh: 创新需要耐心。, en: Innovation needs patience.}
  topics: [innovation]
  sources: [article]
"""


def overlay(tmp_path: Path, **files: str) -> dict[str, str]:
    folder = tmp_path / "mine"
    folder.mkdir()
    for stem, text in files.items():
        (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return {"DSKB_PATH": str(folder)}


@pytest.mark.slow
def test_overlay_replaces_and_adds_records(tmp_path: Path) -> None:
    """An existing id is replaced, a new id is added, everything else stays."""
    env = overlay(tmp_path, people=PERSON, quotes=QUOTE)
    person = json.loads(run("people", "梁文锋", "--json", env=env).stdout)
    assert person["role"]["en"] == "Founder of DeepSeek (my note)"
    hits = json.loads(run("quote", "耐心", "--json", env=env).stdout)
    assert hits[0]["id"] == "my-note-on-innovation"
    assert (
        json.loads(run("people", "karpathy", "--json", env=env).stdout)["id"] == "andrej-karpathy"
    )


@pytest.mark.slow
def test_validate_and_sources_paths_show_what_came_from_where(tmp_path: Path) -> None:
    """validate lists the overlay's files and the replaced ids; sources --paths the layers."""
    env = overlay(tmp_path, people=PERSON, quotes=QUOTE)
    report = json.loads(run("validate", "--json", env=env).stdout)
    assert report["ok"] is True
    assert report["replaced"][0]["id"] == "liang-wenfeng"
    assert report["replaced"][0]["by"].endswith("mine/people.yaml:1")
    layers = {f["layer"] for f in report["files"]}
    assert layers == {0, 1}
    human = run("validate", env=env).stdout
    assert "Replaced by an overlay" in human and "liang-wenfeng" in human
    paths = json.loads(run("sources", "--paths", "--json", env=env).stdout)
    assert any(p["file"].endswith("mine/quotes.yaml") and p["records"] == 1 for p in paths)


@pytest.mark.slow
def test_overlay_cannot_change_a_record_type(tmp_path: Path) -> None:
    """Replacing a person with a quote is an error naming the overlay file."""
    env = overlay(tmp_path, quotes=QUOTE.replace("my-note-on-innovation", "jack-clark"))
    result = run("timeline", env=env)
    assert result.code == 3
    assert "mine/quotes.yaml:1" in result.stderr and "replaces a person" in result.stderr


@pytest.mark.slow
def test_overlays_apply_on_top_of_a_replaced_data_dir(tmp_path: Path, data_copy: Path) -> None:
    """DSKB_DATA_DIR replaces the bundled data; DSKB_PATH still overlays it."""
    env = {**overlay(tmp_path, quotes=QUOTE), "DSKB_DATA_DIR": str(data_copy)}
    info = json.loads(run("info", "--json", env=env).stdout)
    assert info["data"] == [str(data_copy), str(tmp_path / "mine")]
    assert info["records"]["quote"] == 62
