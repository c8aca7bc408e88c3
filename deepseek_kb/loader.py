"""Read the YAML data safely, validate every record and check the KB as a whole.

Problems name the file, the line, the record and the field, and all of them are reported at
once. Records stream out one by one, so a large KB never holds its YAML trees in memory.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from deepseek_kb.errors import DataError, Problem
from deepseek_kb.locate import TYPE_STEMS, DataFile, Layout, discover
from deepseek_kb.schema import (
    DATE_PATTERN,
    RECORD_TYPES,
    SLUG_PATTERN,
    Event,
    Fact,
    Model,
    Organization,
    Person,
    Quote,
    Record,
    SourceRef,
)

MAX_FILE_BYTES = 16 * 1024 * 1024
_MAYBE_TAG = re.compile(r"(?:^|[\s\[\]{},:?-])[!&*]", re.MULTILINE)
_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _KBLoader(_Loader):  # type: ignore[misc]
    """The safe loader, minus timestamp guessing: dates stay the strings the editor wrote."""


_KBLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}

# Reference fields: (record type, field) -> the record types the id may name.
_ENTITY_TYPES = ("model", "person", "organization", "event", "topic")
_REFERENCES: dict[tuple[type[Record], str], tuple[str, ...]] = {
    (Quote, "speaker"): ("person",),
    (Quote, "topics"): ("topic",),
    (Quote, "about"): _ENTITY_TYPES,
    (Fact, "topics"): ("topic",),
    (Fact, "about"): _ENTITY_TYPES,
    (Event, "about"): _ENTITY_TYPES,
    (Model, "variant_of"): ("model",),
    (Organization, "parent"): ("organization",),
    (Person, "affiliations"): ("organization",),
}


@dataclass(frozen=True)
class Loaded:
    """A validated record and where it was read."""

    type: str
    record: Record
    file: DataFile
    line: int


@dataclass(frozen=True)
class _Ref:
    target: str
    allowed: tuple[str, ...]
    file: str
    line: int
    record: str
    field: str


@dataclass
class _Check:
    """What the KB-wide check needs, kept small: ids and the distinct ids referred to.

    Where a bad reference sits (file, line, field) is worked out only when one is found, by
    reading the affected files again, so a clean 100,000-record load keeps no YAML trees and
    no per-reference bookkeeping.
    """

    ids: dict[str, tuple[str, int, str, int]] = field(default_factory=dict)
    targets: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


def iter_records(layout: Layout | None = None) -> Iterator[Loaded]:
    """Yield every valid record in load order; raise DataError at the end if anything is wrong.

    A record in a later layer (a DSKB_PATH overlay) with an id already seen replaces it.
    """
    layout = layout or discover()
    check = _Check()
    for stray in layout.strays:
        expected = ", ".join(f"{stem}.yaml" for stem in TYPE_STEMS)
        check.problems.append(
            Problem(str(stray), None, f"not a known data file; expected one of: {expected}")
        )
    for data_file in layout.files:
        yield from _load_file(data_file, check)
    bad = {(t, kinds) for t, kinds in check.targets if not _resolves(check, t, kinds)}
    if bad:
        _locate_bad_references(layout, check, bad)
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
    """Load, validate and cross-check everything; for validate, export and the tests."""
    by_id: dict[str, Loaded] = {}
    replaced: list[tuple[Loaded, Loaded]] = []
    for loaded in iter_records(layout):
        if loaded.record.id in by_id:  # an overlay (DSKB_PATH) record replacing a lower one
            replaced.append((by_id[loaded.record.id], loaded))
        by_id[loaded.record.id] = loaded
    records: dict[str, list[Record]] = {name: [] for name in RECORD_TYPES}
    for loaded in by_id.values():
        records[loaded.type].append(loaded.record)
    return KB(records, by_id, replaced)


def _load_file(data_file: DataFile, check: _Check) -> Iterator[Loaded]:
    name = data_file.display
    text = _read_text(data_file.path, name, check.problems)
    if text is None:
        return
    fast = _fast_json_records(text, RECORD_TYPES[data_file.type])
    if fast is not None:
        for record, data, line in fast:
            if _register(record, data_file, line, check):
                check.targets.update(_targets(data, RECORD_TYPES[data_file.type]))
                yield Loaded(data_file.type, record, data_file, line)
        return
    root = _compose(text, name, check.problems)
    if root is None:
        return
    model = RECORD_TYPES[data_file.type]
    constructor = _KBLoader("")
    seen_in_file: dict[str, int] = {}
    for index, node in enumerate(root.value):
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            check.problems.append(
                Problem(name, line, f"item {index + 1} is not a record (a 'key: value' mapping)")
            )
            continue
        duplicate = _duplicate_keys(node, name)
        record_id = _scalar_id(node)
        if duplicate:
            check.problems.extend(
                Problem(p.file, p.line, p.message, record_id, p.field) for p in duplicate
            )
            continue
        try:
            data = constructor.construct_object(node, deep=True)
            record = model.model_validate(data)
        except ValidationError as error:
            check.problems.extend(_explain(error, node, name, record_id, model))
            continue
        except yaml.MarkedYAMLError as error:  # e.g. a list or a mapping used as a key
            mark = error.problem_mark or error.context_mark
            where = mark.line + 1 if mark else line
            what = error.problem or "cannot be read"
            check.problems.append(Problem(name, where, f"YAML error: {what}", record_id))
            continue
        if record.id in seen_in_file:
            check.problems.append(
                Problem(
                    name,
                    line,
                    f"duplicate id, first used at line {seen_in_file[record.id]} of this file",
                    record.id,
                    "id",
                )
            )
            continue
        seen_in_file[record.id] = line
        if not _register(record, data_file, line, check):
            continue
        check.targets.update(_targets(data, model))
        yield Loaded(data_file.type, record, data_file, line)


def _fast_json_records(
    text: str, model: type[Record]
) -> list[tuple[Record, dict[str, Any], int]] | None:
    """A file written as a JSON array (valid YAML too, and what generators and exports write)
    is read by the standard library's JSON parser, many times faster than YAML.

    Only a file that is clean throughout takes this path: valid JSON, no key given twice, every
    record valid, no id repeated. Anything else returns None, and the YAML path reads the file
    again to report each problem with its line.
    """
    start = len(text) - len(text.lstrip())
    while text.startswith("#", start):  # leading comment lines, e.g. a schema modeline
        end = text.find("\n", start)
        if end < 0:
            return None
        start = end + 1 + len(text[end + 1 :]) - len(text[end + 1 :].lstrip())
    if not text.startswith("[", start):
        return None
    decoder = json.JSONDecoder(object_pairs_hook=_no_duplicate_keys)
    out: list[tuple[Record, dict[str, Any], int]] = []
    seen: set[str] = set()
    position, line = start + 1, text.count("\n", 0, start) + 1
    try:
        while True:
            stop = _skip_json_space(text, position)
            if text.startswith("]", stop):
                break
            line += text.count("\n", position, stop)
            data, position = decoder.raw_decode(text, stop)
            if not isinstance(data, dict):
                return None
            record = model.model_validate(data)
            if record.id in seen:
                return None
            seen.add(record.id)
            out.append((record, data, line))
            after = _skip_json_space(text, position)
            line += text.count("\n", position, after)
            position = after
            if text.startswith(",", position):
                position += 1
            elif not text.startswith("]", position):
                return None
        if text[_skip_json_space(text, stop + 1) :].strip():
            return None
    except (ValueError, ValidationError):  # JSONDecodeError and duplicate keys are ValueErrors
        return None
    return out


def _skip_json_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise ValueError("a key is given twice")
    return data


def _read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    name,
                    None,
                    f"file is {size / 2**20:.1f} MiB, over the {MAX_FILE_BYTES // 2**20} MiB limit "
                    f"of one data file; split it into several files in a folder named after it",
                )
            )
            return None
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(name, None, f"cannot read the file: {error.strerror}"))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(name, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM")
        )
        return None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        problems.append(Problem(name, line, "binary content (a NUL byte), not YAML text"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        problems.append(
            Problem(name, line, f"byte 0x{byte:02x} is not UTF-8; save the file as UTF-8")
        )
        return None
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        problems.append(
            Problem(name, None, "file is empty; a file with no records holds an empty list: []")
        )
        return None
    return text


def _compose(text: str, name: str, problems: list[Problem]) -> yaml.SequenceNode | None:
    """Parse to a node tree after refusing tags, anchors and aliases anywhere in the file."""
    try:
        # Tokenising a whole file costs as much as parsing it, so it is done only when a
        # '!', '&' or '*' stands where YAML would read a tag, an anchor or an alias.
        suspicious = _MAYBE_TAG.search(text) is not None
        for token in yaml.scan(text, Loader=_KBLoader) if suspicious else ():
            if isinstance(token, yaml.TagToken):
                tag = "".join(part or "" for part in token.value)
                problems.append(
                    Problem(
                        name,
                        token.start_mark.line + 1,
                        f"YAML tag {tag} is not allowed; data files hold plain values only",
                    )
                )
            elif isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                problems.append(
                    Problem(
                        name,
                        token.start_mark.line + 1,
                        "YAML anchors and aliases (&name, *name) are not allowed; "
                        "write the value out",
                    )
                )
        if any(p.file == name for p in problems):
            return None
        root = yaml.compose(text, Loader=_KBLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = error.problem or "invalid YAML"
        context = f" ({error.context})" if error.context else ""
        problems.append(
            Problem(name, line, f"YAML syntax error: {what}{context}; check the indentation")
        )
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(name, None, f"YAML error: {error}"))
        return None
    if isinstance(root, yaml.MappingNode):
        problems.append(
            Problem(
                name,
                root.start_mark.line + 1,
                "file holds a mapping, not a list of records; start each record with '- '",
            )
        )
        return None
    if not isinstance(root, yaml.SequenceNode):
        problems.append(Problem(name, 1, "file holds a single value, not a list of records"))
        return None
    return root


def _duplicate_keys(node: yaml.Node, name: str, path: str = "") -> list[Problem]:
    """PyYAML silently keeps the last of two equal keys; a data file must not say a thing twice."""
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        first_line: dict[str, int] = {}
        for key, value in node.value:
            label = str(key.value)
            field_path = f"{path}.{label}" if path else label
            if label in first_line:
                problems.append(
                    Problem(
                        name,
                        key.start_mark.line + 1,
                        f"key '{label}' is given twice (first at line {first_line[label]}); "
                        "keep one",
                        field=field_path,
                    )
                )
            else:
                first_line[label] = key.start_mark.line + 1
            problems.extend(_duplicate_keys(value, name, field_path))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems.extend(_duplicate_keys(item, name, f"{path}[{index}]"))
    return problems


def _scalar_id(node: yaml.MappingNode) -> str | None:
    for key, value in node.value:
        if key.value == "id" and isinstance(value, yaml.ScalarNode):
            return str(value.value)
    return None


def _locate(node: yaml.Node, loc: tuple[int | str, ...]) -> tuple[int, str]:
    """Follow a validation error's location through the YAML tree: its line and dotted path."""
    line = node.start_mark.line + 1
    path: list[str] = []
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for key, value in node.value:
                if key.value == part:
                    node, line = value, key.start_mark.line + 1
                    path.append(part)
                    break
            else:
                if not path or part not in ("quantity", "text", "name"):
                    path.append(part)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            path.append(f"[{part}]")
    return line, ".".join(path).replace(".[", "[")


_TYPE_WORDS = {
    "string_type": "a text",
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
}


def _yaml_kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _explain(
    error: ValidationError,
    node: yaml.MappingNode,
    name: str,
    record_id: str | None,
    model: type[BaseModel],
) -> list[Problem]:
    """Turn pydantic's errors into sentences a data editor understands."""
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set()
    for item in error.errors():
        line, path = _locate(node, item["loc"])
        if (line, path) in seen:
            continue
        seen.add((line, path))
        kind, value, ctx = item["type"], item.get("input"), item.get("ctx") or {}
        key = str(item["loc"][-1]) if item["loc"] else ""
        if kind == "extra_forbidden":
            message = f"unknown key '{key}'"
            if len(item["loc"]) == 1:
                close = difflib.get_close_matches(key, list(model.model_fields), n=1)
                message += f"; did you mean '{close[0]}'?" if close else ""
        elif kind == "missing":
            message = "required key is missing"
        elif kind in _TYPE_WORDS:
            message = f"expected {_TYPE_WORDS[kind]}, got {_yaml_kind(value)}"
        elif kind == "string_pattern_mismatch" and ctx.get("pattern") == SLUG_PATTERN:
            message = f"'{value}' is not a valid id: use lower-case letters, digits, '-' and '.'"
        elif kind == "string_pattern_mismatch" and ctx.get("pattern") == DATE_PATTERN:
            message = f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
        elif kind == "string_pattern_mismatch":
            message = f"'{value}' does not have the expected form"
        elif kind == "literal_error":
            message = f"'{value}' is not one of: {ctx.get('expected', '')}"
        elif kind == "too_short" and key == "sources":
            message = "every record cites at least one source"
        elif kind == "too_short":
            message = "must list at least one item"
        elif kind == "string_too_short":
            message = "must not be empty (both zh and en are required)"
        elif kind == "value_error":
            message = str(item["msg"]).removeprefix("Value error, ")
        else:
            message = str(item["msg"])
        problems.append(Problem(name, line, message, record_id, path or None))
    return problems


def _register(record: Record, data_file: DataFile, line: int, check: _Check) -> bool:
    """Note an id; a repeat is an error in the same layer and a replacement in a later one."""
    name = data_file.display
    previous = check.ids.get(record.id)
    record_type = data_file.type
    if previous is not None:
        prev_type, prev_layer, prev_file, prev_line = previous
        if prev_layer == data_file.layer:
            check.problems.append(
                Problem(
                    name,
                    line,
                    f"duplicate id, already used at {prev_file}:{prev_line}",
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
                    f"overlay record is a {record_type} but replaces a {prev_type} "
                    f"({prev_file}:{prev_line})",
                    record.id,
                    "id",
                )
            )
            return False
    check.ids[record.id] = (record_type, data_file.layer, name, line)
    return True


def _references(record: Record, node: yaml.MappingNode, name: str) -> Iterator[_Ref]:
    """Every id this record mentions: its citations anywhere inside it, and its link fields."""
    for loc, ref in _walk_sources(record, ()):
        line, path = _locate(node, (*loc, "source"))
        yield _Ref(ref.source, ("source",), name, line, record.id, path)
    for (model, field_name), allowed in _REFERENCES.items():
        if not isinstance(record, model):
            continue
        value = getattr(record, field_name)
        targets = value if isinstance(value, list) else [value] if value else []
        for index, target in enumerate(targets):
            where: tuple[int | str, ...] = (
                (field_name, index) if isinstance(value, list) else (field_name,)
            )
            line, path = _locate(node, where)
            yield _Ref(target, allowed, name, line, record.id, path)


def _walk_sources(
    value: Any, loc: tuple[int | str, ...]
) -> Iterator[tuple[tuple[int | str, ...], SourceRef]]:
    if isinstance(value, SourceRef):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk_sources(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_sources(item, (*loc, index))


def _any_of(kinds: tuple[str, ...], article: str = "any") -> str:
    """('model', 'person', 'topic') -> 'any model, person or topic'."""
    words = ", ".join(kinds[:-1]) + f" or {kinds[-1]}" if len(kinds) > 1 else kinds[0]
    return f"{article} {words}"


def _targets(data: dict[str, Any], model: type[Record]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The ids a (validated) record's raw data refers to: citations anywhere, link fields."""
    for ref in _raw_sources(data):
        yield ref, ("source",)
    for (owner, field_name), allowed in _REFERENCES.items():
        if owner is model:
            value = data.get(field_name)
            for target in value if isinstance(value, list) else [value] if value else []:
                yield str(target), allowed


def _raw_sources(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                for ref in item:
                    yield str(ref["source"] if isinstance(ref, dict) else ref)
            elif isinstance(item, dict | list):
                yield from _raw_sources(item)
    elif isinstance(value, list):
        for item in value:
            yield from _raw_sources(item)


def _resolves(check: _Check, target: str, allowed: tuple[str, ...]) -> bool:
    found = check.ids.get(target)
    return found is not None and found[0] in allowed


def _locate_bad_references(
    layout: Layout, check: _Check, bad: set[tuple[str, tuple[str, ...]]]
) -> None:
    """Read the files again, this time keeping lines, to name every bad reference's place."""
    targets = {t for t, _ in bad}
    for data_file in layout.files:
        name = data_file.display
        text = _read_text(data_file.path, name, [])
        root = _compose(text, name, []) if text else None
        if root is None:
            continue
        model = RECORD_TYPES[data_file.type]
        constructor = _KBLoader("")
        for node in root.value:
            if not isinstance(node, yaml.MappingNode) or _duplicate_keys(node, name):
                continue
            try:
                record = model.model_validate(constructor.construct_object(node, deep=True))
            except (ValidationError, yaml.YAMLError):
                continue
            for ref in _references(record, node, name):
                if ref.target in targets and (ref.target, ref.allowed) in bad:
                    check.problems.append(_reference_problem(check, ref))


def _reference_problem(check: _Check, ref: _Ref) -> Problem:
    found = check.ids.get(ref.target)
    if found is None:
        close = difflib.get_close_matches(
            ref.target, [i for i, v in check.ids.items() if v[0] in ref.allowed], n=3
        )
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        message = f"'{ref.target}' is not the id of {_any_of(ref.allowed)}{hint}"
    else:
        message = (
            f"'{ref.target}' is a {found[0]}, but this field takes {_any_of(ref.allowed, 'a')}"
        )
    return Problem(ref.file, ref.line, message, ref.record, ref.field)
