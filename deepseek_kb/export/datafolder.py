"""The knowledge base written back as a data folder: YAML files dskb loads with --data-dir.

Only what the data files hold is written (the deep links added to citations are derived, and
left out), in the registry's order, so export → load → export gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deepseek_kb.citations import bare
from deepseek_kb.export.destination import folder, write_bytes
from deepseek_kb.kinds import BY_NAME

Data = dict[str, list[dict[str, Any]]]


def write_data_folder(data: Data, into: Path) -> list[Path]:
    """One `<stem>.yaml` per kind, each naming its JSON Schema on its first line."""
    import yaml

    base = folder(into)
    written = []
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
        write_bytes(base / f"{stem}.yaml", (header + (body if records else "[]\n")).encode("utf-8"))
        written.append(base / f"{stem}.yaml")
    return written
