"""The registry of kinds is the one list: schema, files, index and formatting all follow it."""

from __future__ import annotations

from typing import get_args

from deepseek_kb import kinds, schema


def test_every_kind_has_a_model_a_file_stem_and_a_rank() -> None:
    """Each registered kind validates with its own pydantic model and sorts uniquely."""
    assert list(schema.RECORD_TYPES) == list(kinds.NAMES)
    assert len({k.stem for k in kinds.KINDS}) == len(kinds.KINDS)
    assert sorted(k.rank for k in kinds.KINDS) == list(range(len(kinds.KINDS)))


def test_links_name_fields_of_their_model_and_registered_kinds() -> None:
    """A link field exists on its kind's model and points only at registered kinds."""
    for kind in kinds.KINDS:
        fields = schema.RECORD_TYPES[kind.name].model_fields
        for link in kind.links:
            assert link.field in fields, (kind.name, link.field)
            assert set(link.targets) <= set(kinds.NAMES), (kind.name, link.field)


def test_closed_sets_are_complete() -> None:
    """Every unit has a scale and every spec of the registry is a field of ModelSpecs."""
    assert set(kinds.UNIT_SCALE) == set(kinds.Unit)
    assert list(schema.ModelSpecs.model_fields) == [s.field for s in kinds.SPECS]
    assert set(kinds.SPEC_BY_FIELD) == {s.field for s in kinds.SPECS}
    # Every kind of organisation but "other" is named in both languages (what LMSYS is).
    organizations = set(get_args(schema.records.OrganizationKind)) - {"other"}
    assert set(kinds.ORGANIZATION_WORDS) == organizations


def test_typed_rows_match_the_pydantic_models() -> None:
    """Each kind's JSON row type names exactly its model's fields; optional ones may be absent."""
    from deepseek_kb.rows import ROWS

    assert list(ROWS) == list(kinds.NAMES)
    for name, model in schema.RECORD_TYPES.items():
        row = ROWS[name]
        assert set(row.__annotations__) == set(model.model_fields), name
        absent = {f for f, info in model.model_fields.items() if info.default is None}
        assert set(row.__optional_keys__) == absent, name
