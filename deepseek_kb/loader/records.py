"""Read the YAML data safely, validate every record and check the KB as a whole.

Problems name the file, the line, the record and the field, and all of them are reported at
once. Records stream out one by one, so a large KB never holds its YAML trees in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import ValidationError

from deepseek_kb.errors import DataError, Problem
from deepseek_kb.kinds import BY_STEM, NAMES
from deepseek_kb.loader.explain import explain
from deepseek_kb.loader.files import (
    SafeLoader,
    compose,
    duplicate_keys,
    fast_json_records,
    read_text,
    scalar_id,
)
from deepseek_kb.loader.references import Check, locate_bad_references, targets
from deepseek_kb.messages import texts
from deepseek_kb.paths import DataFile, Layout, bundled_data_dir, discover
from deepseek_kb.schema import RECORD_TYPES, Record


@dataclass(frozen=True)
class Loaded:
    """A validated record and where it was read."""

    type: str
    record: Record
    file: DataFile
    line: int


def iter_records(layout: Layout) -> Iterator[Loaded]:
    """Yield every valid record in load order; raise DataError at the end if anything is wrong.

    A record in a later layer (a DSKB_PATH overlay) with an id already seen replaces it.
    """
    check = Check()
    for stray in layout.strays:
        expected = ", ".join(f"{stem}.yaml" for stem in BY_STEM)
        check.problems.append(Problem(str(stray), None, texts("problem.stray", expected=expected)))
    for data_file in layout.files:
        yield from _load_file(data_file, check)
    bad = check.unresolved()
    if bad:
        locate_bad_references(layout, check, bad)
    if check.problems:
        raise DataError(sorted(check.problems, key=lambda p: (p.file, p.line or 0)))


@dataclass(frozen=True)
class KB:
    """The whole knowledge base in memory: records by type, in file order."""

    records: dict[str, list[Record]]
    origins: dict[str, Loaded]
    replaced: list[tuple[Loaded, Loaded]] = field(default_factory=list)

    def all(self) -> Iterator[Record]:
        """Every record, type by type."""
        for records in self.records.values():
            yield from records


def load_kb(layout: Layout | None = None) -> KB:
    """Load, validate and cross-check everything (by default the bundled data alone)."""
    layout = layout or discover((bundled_data_dir(),), bundled=True)
    by_id: dict[str, Loaded] = {}
    replaced: list[tuple[Loaded, Loaded]] = []
    for loaded in iter_records(layout):
        if loaded.record.id in by_id:  # an overlay (DSKB_PATH) record replacing a lower one
            replaced.append((by_id[loaded.record.id], loaded))
        by_id[loaded.record.id] = loaded
    records: dict[str, list[Record]] = {name: [] for name in NAMES}
    for loaded in by_id.values():
        records[loaded.type].append(loaded.record)
    return KB(records, by_id, replaced)


def _validated(
    node: yaml.MappingNode, name: str, model: type[Record], constructor: SafeLoader, check: Check
) -> tuple[Record, Any] | None:
    """A record's node as its model and its data, or None with its problems told to `check`."""
    line = node.start_mark.line + 1
    duplicate = duplicate_keys(node, name)
    record_id = scalar_id(node)
    if record_id:
        check.failed_ids.add(record_id)  # until it loads
    if duplicate:
        check.problems.extend(
            Problem(p.file, p.line, p.text, record_id, p.field) for p in duplicate
        )
        return None
    try:
        data = constructor.construct_object(node, deep=True)
        return model.model_validate(data), data
    except ValidationError as error:
        check.problems.extend(explain(error, node, name, record_id, model))
    except yaml.MarkedYAMLError as error:  # e.g. a list or a mapping used as a key
        mark = error.problem_mark or error.context_mark
        where = mark.line + 1 if mark else line
        what = error.problem or "cannot be read"
        check.problems.append(
            Problem(name, where, texts("problem.yaml_error", what=what), record_id)
        )
    except (ValueError, OverflowError, RecursionError) as error:  # a 5,000-digit number
        check.problems.append(
            Problem(name, line, texts("problem.value_unreadable", error=error), record_id)
        )
    return None


def _load_file(data_file: DataFile, check: Check) -> Iterator[Loaded]:
    name = data_file.display
    text = read_text(data_file.path, name, check.problems)
    if text is None:
        check.failed_kinds.add(data_file.type)
        return
    fast = fast_json_records(text, RECORD_TYPES[data_file.type])
    if fast is not None:
        for record, data, line in fast:
            if _register(record, data_file, line, check, name):
                check.targets.update(targets(data_file.type, data))
                yield Loaded(data_file.type, record, data_file, line)
        return
    root = compose(text, name, check.problems)
    if root is None:
        check.failed_kinds.add(data_file.type)
        return
    model = RECORD_TYPES[data_file.type]
    constructor = SafeLoader("")
    seen_in_file: dict[str, int] = {}
    for index, node in enumerate(root.value):
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            check.problems.append(
                Problem(name, line, texts("problem.not_a_record", number=index + 1))
            )
            continue
        validated = _validated(node, name, model, constructor, check)
        if validated is None:
            continue
        record, data = validated
        if record.id in seen_in_file:
            check.problems.append(
                Problem(
                    name,
                    line,
                    texts("problem.duplicate_in_file", first=seen_in_file[record.id]),
                    record.id,
                    "id",
                )
            )
            continue
        seen_in_file[record.id] = line
        if not _register(record, data_file, line, check, name):
            continue
        check.failed_ids.discard(record.id)
        check.targets.update(targets(data_file.type, data))
        yield Loaded(data_file.type, record, data_file, line)


def _register(record: Record, data_file: DataFile, line: int, check: Check, name: str) -> bool:
    """Note an id; a repeat is an error in the same layer and a replacement in a later one
    (`name`: the file's `display`, found once per file)."""
    previous = check.ids.get(record.id)
    record_type = data_file.type
    if previous is not None:
        prev_type, prev_layer, prev_file, prev_line = previous
        if prev_layer == data_file.layer:
            check.problems.append(
                Problem(
                    name,
                    line,
                    texts("problem.duplicate_id", where=f"{prev_file}:{prev_line}"),
                    record.id,
                    "id",
                )
            )
            return False
        if prev_type != record_type:
            check.problems.append(
                Problem(
                    name,
                    line,
                    texts(
                        "problem.overlay_kind",
                        kind=record_type,
                        previous=prev_type,
                        where=f"{prev_file}:{prev_line}",
                    ),
                    record.id,
                    "id",
                )
            )
            return False
    check.ids[record.id] = (record_type, data_file.layer, name, line)
    return True
