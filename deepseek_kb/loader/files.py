"""Reading one data file safely: size and encoding checks, the fast JSON path, YAML nodes.

Tags, anchors and aliases are refused before parsing; timestamps stay the strings the editor
wrote; a key given twice is an error. `node_location` maps a validation error back to its line.
"""

from __future__ import annotations

import json
import os
import re
import stat
import weakref
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from deepseek_kb.errors import DskbError, Problem
from deepseek_kb.messages import Text, texts
from deepseek_kb.messages.problems import YAML_WORDS
from deepseek_kb.schema import Record

MAX_FILE_BYTES = 16 * 1024 * 1024
_MAYBE_TAG = re.compile(r"(?:^|[\s\[\]{},:?-])[!&*]", re.MULTILINE)
_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SafeLoader(_Loader):  # type: ignore[misc]
    """The safe loader, minus timestamp guessing: dates stay the strings the editor wrote."""


SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


def fast_json_records(
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
    # JSONDecodeError and duplicate keys are ValueErrors; deep nesting exhausts the recursion
    # limit. The YAML path then reads the file again and reports the problem with its line.
    except (ValueError, ValidationError, RecursionError):
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


def read_bytes(path: Path, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most `limit` + 1 bytes of a regular file; anything else cannot be read (exit 4).

    The file is opened without blocking and checked before a byte is read, so a FIFO or a
    device under a data file's name (a symlink to /dev/zero) is refused, not waited on or read
    until memory runs out; the size check does not trust the size `stat` reports.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        reason = error.strerror or str(error)
        raise DskbError.of("data.unreadable", name=name, reason=reason) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DskbError.of("data.not_a_file", name=name, kind=_file_kind(mode))
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as error:
        reason = error.strerror or str(error)
        raise DskbError.of("data.unreadable", name=name, reason=reason) from None
    finally:
        os.close(fd)


def _file_kind(mode: int) -> Text:
    for test, kind in (
        (stat.S_ISDIR, "folder"),
        (stat.S_ISFIFO, "named_pipe"),
        (stat.S_ISCHR, "character_device"),
        (stat.S_ISBLK, "block_device"),
        (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return texts(f"file_kind.{kind}")
    return texts("file_kind.other")


def read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    """A data file's text, or None with the problem noted (size, encoding, emptiness)."""
    raw = read_bytes(path, name)
    if len(raw) > MAX_FILE_BYTES:
        size = max(len(raw), path.stat().st_size)
        problems.append(
            Problem(
                name,
                None,
                texts("problem.too_big", size=size / 2**20, limit=MAX_FILE_BYTES // 2**20),
            )
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(name, 1, texts("problem.bom")))
        return None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        problems.append(Problem(name, line, texts("problem.binary")))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        problems.append(Problem(name, line, texts("problem.not_utf8", byte=byte)))
        return None
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        problems.append(Problem(name, None, texts("problem.empty")))
        return None
    return text


def _token_problems(text: str, name: str, problems: list[Problem]) -> None:
    """A problem for every YAML tag, anchor or alias in the file, each as it is met (a syntax
    error further on stops the scan)."""
    for token in yaml.scan(text, Loader=SafeLoader):
        if isinstance(token, yaml.TagToken):
            tag = "".join(part or "" for part in token.value)
            message = texts("problem.yaml_tag", tag=tag)
        elif isinstance(token, yaml.AnchorToken | yaml.AliasToken):
            message = texts("problem.yaml_anchor")
        else:
            continue
        problems.append(Problem(name, token.start_mark.line + 1, message))


def _syntax_problem(error: yaml.YAMLError, name: str) -> Problem:
    """A YAML error as a problem, at its line when it has one."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(name, None, texts("problem.yaml_error", what=error))
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    what = _yaml_words(error.problem) if error.problem else texts("problem.yaml_invalid")
    context = (
        texts("problem.yaml_context", context=_yaml_words(error.context)) if error.context else ""
    )
    return Problem(name, line, texts("problem.yaml_syntax", what=what, context=context))


def _yaml_words(words: str) -> Text:
    """The parser's words about a syntax error, in Chinese too where the catalogue has them."""
    return Text(words, YAML_WORDS.get(words, words))


def compose(text: str, name: str, problems: list[Problem]) -> yaml.SequenceNode | None:
    """Parse to a node tree after refusing tags, anchors and aliases anywhere in the file."""
    try:
        # Tokenising a whole file costs as much as parsing it, so it is done only when a
        # '!', '&' or '*' stands where YAML would read a tag, an anchor or an alias.
        if _MAYBE_TAG.search(text) is not None:
            _token_problems(text, name, problems)
        if any(p.file == name for p in problems):
            return None
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        problems.append(_syntax_problem(error, name))
        return None
    if isinstance(root, yaml.MappingNode):
        problems.append(
            Problem(
                name,
                root.start_mark.line + 1,
                texts("problem.mapping_file"),
            )
        )
        return None
    if not isinstance(root, yaml.SequenceNode):
        problems.append(Problem(name, 1, texts("problem.single_value")))
        return None
    return root


_MERGE = "tag:yaml.org,2002:merge"


def duplicate_keys(node: yaml.Node, name: str, path: str = "") -> list[Problem]:
    """PyYAML silently keeps the last of two equal keys, and a merge key (<<) sets keys a second
    time; a data file must not say a thing twice."""
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        first_line: dict[str, int] = {}
        for key, value in node.value:
            label = str(key.value)
            field_path = f"{path}.{label}" if path else label
            if key.tag == _MERGE:
                problems.append(
                    Problem(
                        name,
                        key.start_mark.line + 1,
                        texts("problem.merge_key"),
                        field=path or None,
                    )
                )
            elif label in first_line:
                problems.append(
                    Problem(
                        name,
                        key.start_mark.line + 1,
                        texts("problem.key_twice", key=label, first=first_line[label]),
                        field=field_path,
                    )
                )
            else:
                first_line[label] = key.start_mark.line + 1
            problems.extend(duplicate_keys(value, name, field_path))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems.extend(duplicate_keys(item, name, f"{path}[{index}]"))
    return problems


def scalar_id(node: yaml.MappingNode) -> str | None:
    for key, value in node.value:
        if key.value == "id" and isinstance(value, yaml.ScalarNode):
            return str(value.value)
    return None


def node_location(node: yaml.Node, loc: tuple[int | str, ...]) -> tuple[int, str]:
    """Follow a validation error's location through the YAML tree: its line and dotted path.

    A mapping's keys are looked up in a table built once per mapping, so a record with many
    bad keys costs time in proportion to them, not to their square."""
    line = node.start_mark.line + 1
    path: list[str] = []
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            found = _keys(node).get(part)
            if found is not None:
                node, line = found
                path.append(part)
            elif not path or part not in ("quantity", "text", "name"):
                path.append(part)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            path.append(f"[{part}]")
    return line, ".".join(path).replace(".[", "[")


_KEY_TABLES: weakref.WeakKeyDictionary[yaml.Node, dict[str, tuple[yaml.Node, int]]] = (
    weakref.WeakKeyDictionary()
)


def _keys(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, int]]:
    """A mapping's first value and key line for each key, built once per mapping."""
    table = _KEY_TABLES.get(node)
    if table is None:
        table = {}
        for key, value in node.value:
            table.setdefault(str(key.value), (value, key.start_mark.line + 1))
        _KEY_TABLES[node] = table
    return table
