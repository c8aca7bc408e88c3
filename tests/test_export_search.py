"""The SQLite export searched the way datasette users search it, and the YAML export's schemas."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import run

WORDS = ["创新", "开源", "护城河", "V3", "R1", "深度求索"]


def _strings(value: Any) -> list[str]:
    """Every text of a record in both languages, its citations and links aside."""
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in ("sources", "url") for s in _strings(v)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []


def _holds(record: dict[str, Any], word: str) -> bool:
    """Chinese anywhere in a text; a Latin word as a whole word (V3 in DeepSeek-V3, not V30)."""
    if re.search(r"[a-zA-Z0-9]", word):
        pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", re.I)
        return any(pattern.search(s) for s in _strings(record))
    return any(word in s for s in _strings(record))


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite export and its metadata, shared by the tests below."""
    db = tmp_path_factory.mktemp("sqlite") / "kb.db"
    result = run("export", "--format", "sqlite", "-o", str(db))
    assert result.code == 0, result.stderr
    return db


def _datasette_search(db: Path, word: str) -> list[dict[str, Any]]:
    """`/kb/records.json?_search=word` through datasette's own app, with the exported metadata."""
    from datasette.app import Datasette  # type: ignore[import-untyped]

    metadata = json.loads(db.with_name("kb.metadata.json").read_text(encoding="utf-8"))

    async def ask() -> list[dict[str, Any]]:
        app = Datasette([str(db)], metadata=metadata)
        response = await app.client.get(
            "/kb/records.json", params={"_search": word, "_shape": "array", "_size": "max"}
        )
        assert response.status_code == 200, response.text
        rows: list[dict[str, Any]] = response.json()
        return rows

    return asyncio.run(ask())


@pytest.mark.slow
@pytest.mark.parametrize("word", WORDS)
def test_datasette_search_finds_every_record_holding_a_short_word(
    database: Path, word: str
) -> None:
    """创新, 开源, 护城河, V3, R1 through datasette's JSON API: exactly the records holding them."""
    data = json.loads(run("export").stdout)
    holding = {r["id"] for records in data.values() for r in records if _holds(r, word)}
    found = {row["id"] for row in _datasette_search(database, word)}
    assert holding and found == holding


@pytest.mark.slow
def test_the_metadata_says_how_to_search(database: Path) -> None:
    """datasette's metadata names the word index for records and says what matches as typed."""
    metadata = json.loads(database.with_name("kb.metadata.json").read_text(encoding="utf-8"))
    records = metadata["databases"]["kb"]["tables"]["records"]
    assert records["fts_table"] == "words" and "护城河" in records["description"]


@pytest.mark.slow
def test_yaml_export_carries_the_schemas_its_files_name(tmp_path: Path) -> None:
    """Every exported YAML file's modeline names a schema in the folder, and the file obeys it."""
    import jsonschema
    import yaml

    folder = tmp_path / "data"
    assert run("export", "--format", "yaml", "-o", str(folder)).code == 0
    files = sorted(folder.glob("*.yaml"))
    assert len(files) == 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        named = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
        assert named, path.name
        schema = json.loads((folder / named.group(1)).read_text(encoding="utf-8"))
        jsonschema.validate(yaml.safe_load(text), schema)
    assert run("validate", "--data-dir", str(folder)).code == 0
