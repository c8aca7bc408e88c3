"""The knowledge base written back as a data folder: YAML files dskb loads with --data-dir.

Only what the data files hold is written (the deep links added to citations are derived, and
left out), in the registry's order, so export → load → export gives the same bytes. The folder
is written whole beside the target and swapped in (`export.destination.write_files`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from deepseek_kb.citations import bare
from deepseek_kb.kinds import BY_NAME
from deepseek_kb.render.destination import write_files

Data = dict[str, list[dict[str, Any]]]


def write_data_folder(data: Data, into: Path) -> list[Path]:
    """One `<stem>.yaml` per kind, each naming its JSON Schema on its first line, and those
    schemas in `schema/`, so an editor checks the exported files as it checks `data/`."""
    import json

    import yaml

    from deepseek_kb.schema.jsonschema import file_schema

    files = {}
    for kind, records in data.items():
        stem = BY_NAME[kind].stem
        body = yaml.safe_dump(
            [bare(r) for r in records],
            allow_unicode=True,
            sort_keys=False,
            width=100,
            default_flow_style=False,
        )
        header = f"# yaml-language-server: $schema=schema/{stem}.schema.json\n"
        files[f"{stem}.yaml"] = (header + (body if records else "[]\n")).encode("utf-8")
        schema = json.dumps(file_schema(stem), ensure_ascii=False, indent=2) + "\n"
        files[f"schema/{stem}.schema.json"] = schema.encode("utf-8")
    return write_files(into, {name: partial(bytes, text) for name, text in files.items()})
