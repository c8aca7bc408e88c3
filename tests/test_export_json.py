"""The JSON export: one shape per field, described by a published JSON Schema it obeys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import run

DOCS = Path(__file__).parent.parent / "docs"


@pytest.fixture(scope="module")
def exported() -> dict[str, list[dict[str, Any]]]:
    """The JSON export of the bundled KB."""
    result = run("export", "--format", "json")
    assert result.code == 0, result.stderr
    data: dict[str, list[dict[str, Any]]] = json.loads(result.stdout)
    return data


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return "string" if isinstance(value, str) else "null"


def _shapes(value: Any, path: str, found: dict[str, set[str]]) -> None:
    """The JSON type seen at each path (list items as [])."""
    found.setdefault(path, set()).add(_kind(value))
    if isinstance(value, dict):
        for key, item in value.items():
            _shapes(item, f"{path}.{key}", found)
    elif isinstance(value, list):
        for item in value:
            _shapes(item, f"{path}[]", found)


def test_every_field_has_one_shape(exported: dict[str, list[dict[str, Any]]]) -> None:
    """Across all records of a kind, each field is always one JSON type: a spec's value is
    always a list of quantities or always a text, never one or the other."""
    found: dict[str, set[str]] = {}
    for kind, records in exported.items():
        for record in records:
            _shapes(record, kind, found)
    mixed = {path: kinds for path, kinds in found.items() if len(kinds) > 1}
    assert mixed == {}


@pytest.mark.slow
def test_the_export_validates_against_its_published_schema(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    """`dskb schema export` (also docs/export.schema.json) accepts every record, and rejects a
    spec in the data files' other shape."""
    import jsonschema

    printed = run("schema", "export")
    assert printed.code == 0, printed.stderr
    schema = json.loads(printed.stdout)
    assert json.loads((DOCS / "export.schema.json").read_text(encoding="utf-8")) == schema
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(exported))
    defs = schema["$defs"]
    record = {
        kind: jsonschema.Draft202012Validator(
            {"$defs": defs, **schema["properties"][kind]["items"]}
        )
        for kind in exported
    }
    for kind, records in exported.items():
        for one in records:
            errors = [e.message for e in record[kind].iter_errors(one)]
            assert errors == [], (kind, one["id"], errors[:3])
    v3 = next(m for m in exported["model"] if m["id"] == "deepseek-v3")
    assert v3["specs"]["total_params"]["value"] == [{"value": 671, "unit": "B params"}]
    broken = {**v3, "specs": {"total_params": {**v3["specs"]["total_params"], "value": 671}}}
    assert list(record["model"].iter_errors(broken))


def test_text_specs_are_texts_in_the_json_export(exported: dict[str, list[dict[str, Any]]]) -> None:
    """A licence or an attention named the same in both languages is still {zh, en}."""
    r1 = next(m for m in exported["model"] if m["id"] == "deepseek-v3")
    assert r1["specs"]["attention"]["value"] == {"zh": "MLA", "en": "MLA"}
    licences = [p["license"]["value"] for p in exported["project"] if p.get("license")]
    assert licences and all(set(v) == {"zh", "en"} for v in licences)
