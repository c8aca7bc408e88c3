"""JSON Schema of the data files, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from deepseek_kb.errors import UsageError, WriteError
from deepseek_kb.kinds import BY_STEM

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def file_schema(stem: str) -> dict[str, Any]:
    """The schema of one data file: a list of records of its type."""
    from pydantic import TypeAdapter

    from deepseek_kb.schema import RECORD_TYPES

    model = RECORD_TYPES[BY_STEM[stem].name]
    schema = TypeAdapter(list[model]).json_schema()  # type: ignore[valid-type]
    return {
        "$schema": SCHEMA_DIALECT,
        "title": f"dskb {stem}.yaml",
        "description": f"A list of {BY_STEM[stem].name} records. See docs/DATA.md.",
        **schema,
    }


def schemas(which: str | None, output_dir: Path | None) -> dict[str, Any] | list[Path]:
    """One file's schema, all of them by file name, or the files written to `output_dir`;
    `export` is the schema of the JSON export (`schema.exported`)."""
    if which is not None and which.removesuffix(".json") == "export":
        from deepseek_kb.schema.exported import export_schema

        if output_dir is None:
            return export_schema()
        return [_write(output_dir, "export", export_schema())]
    stems = list(BY_STEM)
    if which is not None:
        wanted = which.removesuffix(".yaml")
        match = next((s for s in stems if wanted in (s, BY_STEM[s].name)), None)
        if match is None:
            raise UsageError.of(
                "nothing.data_file",
                "usage.one_of",
                name=which,
                choices=", ".join([*stems, "export"]),
            )
        stems = [match]
    if output_dir is None:
        if which is not None:
            return file_schema(stems[0])
        return {f"{s}.yaml": file_schema(s) for s in stems}
    return [_write(output_dir, stem, file_schema(stem)) for stem in stems]


def _write(output_dir: Path, stem: str, schema: dict[str, Any]) -> Path:
    """One schema as <stem>.schema.json in `output_dir` (made if missing)."""
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        path = output_dir / f"{stem}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        reason = error.strerror or str(error)
        raise WriteError.of("write.into_failed", path=output_dir, reason=reason) from None
    return path
