"""A kind added to the registry (kinds.KINDS) reaches every export and command with no hand-made
code: a toy kind, `paper`, registered the way a new kind is, in a data folder of its own."""

from __future__ import annotations

import csv
import importlib
import json
import pkgutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NotRequired, TypedDict

import pytest

import deepseek_kb
from deepseek_kb import kinds, rows
from deepseek_kb.rows import RefRow, TextRow
from deepseek_kb.schema import records
from deepseek_kb.schema.values import Slug
from tests.conftest import run


class Paper(records.Named):
    """A paper: a toy kind for this test."""

    year: int
    authors: list[Slug] = []  # noqa: RUF012 (a pydantic field)


class PaperRow(TypedDict):
    """A paper's JSON form."""

    id: str
    name: TextRow
    aliases: NotRequired[list[str]]
    sources: list[RefRow]
    year: int
    authors: NotRequired[list[str]]


PAPER = kinds.Kind(
    "paper",
    "papers",
    rank=len(kinds.KINDS),
    word=("论文", "paper"),
    title=("论文", "Papers"),
    named=True,
    links=(kinds.Link("authors", ("person",)),),
    command=None,
)

# A paper by DeepSeek's founder, citing the article; its name is found nowhere else in the KB.
PAPERS_YAML = """\
- id: toy-quokka-paper
  name: {zh: 短尾矮袋鼠论文, en: The Quokka Paper}
  year: 2024
  authors: [liang-wenfeng]
  sources: [{source: article}]
"""


def _registry() -> dict[str, Any]:
    """The registry and what is derived from it, as they are with the toy kind added."""
    every = (*kinds.KINDS, PAPER)
    return {
        "KINDS": every,
        "BY_NAME": {kind.name: kind for kind in every},
        "BY_STEM": {kind.stem: kind for kind in every},
        "NAMES": tuple(kind.name for kind in every),
        "NAMED": frozenset(kind.name for kind in every if kind.named),
        "SUBJECTS": tuple(k.name for k in sorted(every, key=lambda k: k.rank) if k.subject),
        "LINK_FIELDS": frozenset(link.field for kind in every for link in kind.links),
        "RECORD_TYPES": {**records.RECORD_TYPES, "paper": Paper},
        "ROWS": {**rows.ROWS, "paper": PaperRow},
    }


@pytest.fixture
def papers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The toy kind registered in every module that holds the registry (as if `kinds.py`,
    `schema/records.py` and `rows.py` had an entry for it), and an overlay folder with one
    paper in `papers.yaml`, on top of the bundled data."""
    for found in pkgutil.walk_packages(deepseek_kb.__path__, "deepseek_kb."):
        if not found.name.endswith("__main__"):
            importlib.import_module(found.name)
    old = {
        "KINDS": kinds.KINDS,
        "BY_NAME": kinds.BY_NAME,
        "BY_STEM": kinds.BY_STEM,
        "NAMES": kinds.NAMES,
        "NAMED": kinds.NAMED,
        "SUBJECTS": kinds.SUBJECTS,
        "LINK_FIELDS": kinds.LINK_FIELDS,
        "RECORD_TYPES": records.RECORD_TYPES,
        "ROWS": rows.ROWS,
    }
    new = _registry()
    by_identity = {id(value): new[name] for name, value in old.items()}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "deepseek_kb":
            continue
        for attribute, value in list(vars(module).items()):
            if id(value) in by_identity and not attribute.startswith("__"):
                monkeypatch.setattr(module, attribute, by_identity[id(value)])
    folder = tmp_path / "overlay"
    folder.mkdir()
    (folder / "papers.yaml").write_text(PAPERS_YAML, encoding="utf-8")
    monkeypatch.setenv("DSKB_PATH", str(folder))
    yield folder


@pytest.mark.slow
def test_a_new_kind_appears_in_every_export(papers: Path, tmp_path: Path) -> None:
    """JSON, CSV, SQLite, YAML, Markdown and HTML all carry the toy kind's record; Markdown and
    HTML in a section of its own (generated from the registry and its row type)."""
    out = tmp_path / "out"
    out.mkdir()
    for fmt, target in [
        ("json", "kb.json"),
        ("markdown", "kb.md"),
        ("html", "kb.html"),
        ("csv", "csv"),
        ("sqlite", "kb.db"),
        ("yaml", "yaml"),
    ]:
        result = run("export", "-f", fmt, "-o", str(out / target), "--lang", "en")
        assert result.code == 0, (fmt, result.stderr)
    exported = json.loads((out / "kb.json").read_text(encoding="utf-8"))
    assert "toy-quokka-paper" in {r["id"] for r in _all(exported)}
    with (out / "csv" / "papers.csv").open(encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["id"] == "toy-quokka-paper" and row["year"] == "2024"
    with sqlite3.connect(out / "kb.db") as db:
        assert db.execute("SELECT id FROM papers").fetchall() == [("toy-quokka-paper",)]
    assert "toy-quokka-paper" in (out / "yaml" / "papers.yaml").read_text(encoding="utf-8")
    markdown = (out / "kb.md").read_text(encoding="utf-8")
    assert "- [Papers](#papers)" in markdown and "## Papers" in markdown
    section = markdown.split("## Papers", 1)[1].split("\n## ", 1)[0]
    assert "### The Quokka Paper" in section and "- year: 2024" in section
    assert "- authors: Liang Wenfeng" in section
    page = (out / "kb.html").read_text(encoding="utf-8")
    assert '<a href="#papers">' in page and '<section id="papers">' in page
    card = page.split('id="paper-toy-quokka-paper"', 1)[1].split("</article>", 1)[0]
    assert "The Quokka Paper" in card and "<dt>authors</dt>" in card and "梁文锋" in card


def _all(exported: Any) -> list[dict[str, Any]]:
    """Every record of a JSON export, whatever shape it groups them in."""
    if isinstance(exported, list):
        return [r for item in exported for r in _all(item)] if exported else []
    if isinstance(exported, dict):
        if "id" in exported:
            return [exported]
        return [r for value in exported.values() for r in _all(value)]
    return []


@pytest.mark.slow
def test_a_new_kind_is_searched_completed_validated_and_cited(papers: Path) -> None:
    """search finds the toy record, completion offers its kind, validate checks its links and
    cite cites it."""
    from deepseek_kb.queries.maintenance import completions

    hit = run("search", "quokka", "--json")
    assert hit.code == 0, hit.stderr
    assert json.loads(hit.stdout)[0]["id"] == "toy-quokka-paper"
    assert json.loads(hit.stdout)[0]["type"] == "paper"
    assert "paper" in completions("type", "pa")
    cited = run("cite", "toy-quokka-paper")
    assert cited.code == 0, cited.stderr
    assert "The Quokka Paper" in cited.stdout
    assert run("validate").code == 0
    (papers / "papers.yaml").write_text(
        PAPERS_YAML.replace("[liang-wenfeng]", "[nobody-at-all]"), encoding="utf-8"
    )
    bad = run("validate")
    assert bad.code != 0 and "nobody-at-all" in bad.stderr + bad.stdout


@pytest.mark.slow
def test_a_name_of_a_new_kind_not_found_says_the_kinds_word(papers: Path) -> None:
    """The message for a name that matches no record of the kind uses the registry's word."""
    from deepseek_kb.errors import NotFoundError
    from deepseek_kb.queries.common import index_for, resolve_id
    from deepseek_kb.settings import resolve

    with pytest.raises(NotFoundError) as failure:
        resolve_id(index_for(resolve()), "wombat", "paper", "paper")
    assert failure.value.zh == "没有叫 'wombat' 的论文"
