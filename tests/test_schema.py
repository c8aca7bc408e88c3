"""JSON Schema for editors and CI: generated from the models, named by every file, up to date."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from deepseek_kb.kinds import BY_STEM as TYPE_STEMS
from deepseek_kb.loader.files import SafeLoader
from deepseek_kb.schema.jsonschema import schemas

from .conftest import DATA, run

SCHEMA_DIR = DATA / "schema"


def test_schema_files_are_up_to_date(tmp_path: Path) -> None:
    """data/schema matches what `dskb schema --output-dir` writes now; regenerate if not."""
    written = schemas(None, tmp_path)
    assert isinstance(written, list) and len(written) == len(TYPE_STEMS)
    for path in written:
        shipped = SCHEMA_DIR / path.name
        assert shipped.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{shipped} is stale: run `dskb schema --output-dir data/schema`"
        )


@pytest.mark.parametrize("stem", list(TYPE_STEMS))
def test_data_files_validate_against_their_json_schema(stem: str) -> None:
    """A standard validator (jsonschema, draft 2020-12) accepts every bundled file."""
    schema = json.loads((SCHEMA_DIR / f"{stem}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    text = (DATA / f"{stem}.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=schema/{stem}.schema.json"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.load(text, SafeLoader)))
    assert not errors, [e.message for e in errors[:3]]


def test_the_schema_is_strict() -> None:
    """Unknown keys, missing sources and bad dates fail the schema as they fail the loader."""
    schema = json.loads((SCHEMA_DIR / "events.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    good = {
        "id": "e",
        "date": 2024,
        "type": "founding",
        "title": {"zh": "甲", "en": "A"},
        "sources": ["article"],
    }
    assert validator.is_valid([good])
    assert not validator.is_valid([{**good, "colour": "red"}])
    assert not validator.is_valid([{**good, "sources": []}])
    assert not validator.is_valid([{**good, "date": "May 2024"}])


def test_schema_command_prints_one_file_or_all() -> None:
    """`dskb schema quotes` is one schema; no argument gives all, keyed by file name."""
    one = json.loads(run("schema", "quotes").stdout)
    assert one["title"] == "dskb quotes.yaml" and one["type"] == "array"
    every = json.loads(run("schema").stdout)
    assert set(every) == {f"{stem}.yaml" for stem in TYPE_STEMS}
    assert run("schema", "recipes").code == 2
