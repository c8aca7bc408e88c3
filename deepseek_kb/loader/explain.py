"""Pydantic's validation errors as sentences a data editor understands, each at its line."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from deepseek_kb.errors import Problem
from deepseek_kb.loader.files import node_location
from deepseek_kb.schema import DATE_PATTERN, SLUG_PATTERN

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


def _unknown_key(item: ErrorDetails, model: type[BaseModel]) -> str:
    key = str(item["loc"][-1]) if item["loc"] else ""
    message = f"unknown key '{key}'"
    if len(item["loc"]) == 1:
        close = difflib.get_close_matches(key, list(model.model_fields), n=1)
        message += f"; did you mean '{close[0]}'?" if close else ""
    return message


def _pattern(item: ErrorDetails, model: type[BaseModel]) -> str:
    value, pattern = item.get("input"), (item.get("ctx") or {}).get("pattern")
    if pattern == SLUG_PATTERN:
        return f"'{value}' is not a valid id: use lower-case letters, digits, '-' and '.'"
    if pattern == DATE_PATTERN:
        return f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
    return f"'{value}' does not have the expected form"


def _not_one_of(item: ErrorDetails, model: type[BaseModel]) -> str:
    return f"'{item.get('input')}' is not one of: {(item.get('ctx') or {}).get('expected', '')}"


def _too_short(item: ErrorDetails, model: type[BaseModel]) -> str:
    if item["loc"] and item["loc"][-1] == "sources":
        return "every record cites at least one source"
    return "must list at least one item"


_MESSAGES: dict[str, Callable[[ErrorDetails, type[BaseModel]], str]] = {
    "extra_forbidden": _unknown_key,
    "missing": lambda item, model: "required key is missing",
    "string_pattern_mismatch": _pattern,
    "literal_error": _not_one_of,
    "enum": _not_one_of,
    "too_short": _too_short,
    "string_too_short": lambda item, model: "must not be empty (both zh and en are required)",
    "value_error": lambda item, model: str(item["msg"]).removeprefix("Value error, "),
}


def message(item: ErrorDetails, model: type[BaseModel]) -> str:
    """One validation error in words."""
    kind = item["type"]
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, got {_yaml_kind(item.get('input'))}"
    explain = _MESSAGES.get(kind)
    return explain(item, model) if explain else str(item["msg"])


def explain(
    error: ValidationError,
    node: yaml.MappingNode,
    name: str,
    record_id: str | None,
    model: type[BaseModel],
) -> list[Problem]:
    """The errors of one record, located in its YAML node; one per line and field, at most
    MAX_PER_RECORD of them and then how many more (a record of 40,000 unknown keys is one
    mistake, told in a screenful)."""
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set()
    items = error.errors()
    for done, item in enumerate(items):
        if len(problems) == MAX_PER_RECORD:
            more = len(items) - done
            problems.append(
                Problem(name, node.start_mark.line + 1, f"… and {more:,} more problems", record_id)
            )
            break
        line, path = node_location(node, item["loc"])
        if (line, path) not in seen:
            seen.add((line, path))
            problems.append(Problem(name, line, message(item, model), record_id, path or None))
    return problems


# The problems told per record; the rest are counted.
MAX_PER_RECORD = 20
