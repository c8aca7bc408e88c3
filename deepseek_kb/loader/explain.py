"""Pydantic's validation errors as sentences a data editor understands, each at its line."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from deepseek_kb.errors import BadValue, Problem
from deepseek_kb.loader.files import node_location
from deepseek_kb.messages import Text, texts
from deepseek_kb.schema import DATE_PATTERN, SLUG_PATTERN

# Pydantic's error kinds for a value of the wrong type, and what the value should have been.
_TYPE_WORDS = {
    "string_type": "problem.want.text",
    "float_type": "problem.want.number",
    "float_parsing": "problem.want.number",
    "int_type": "problem.want.whole_number",
    "int_parsing": "problem.want.whole_number",
    "bool_type": "problem.want.bool",
    "bool_parsing": "problem.want.bool",
    "list_type": "problem.want.list",
    "dict_type": "problem.want.mapping",
    "model_type": "problem.want.mapping",
    "model_attributes_type": "problem.want.mapping",
}


def _yaml_kind(value: Any) -> Text:
    if value is None:
        return texts("problem.got.nothing")
    if isinstance(value, bool):
        return texts("problem.got.bool", value=str(value).lower())
    if isinstance(value, int | float):
        return texts("problem.got.number", value=value)
    if isinstance(value, str):
        return texts("problem.got.text", value=value[:40])
    if isinstance(value, list):
        return texts("problem.got.list")
    if isinstance(value, dict):
        return texts("problem.got.mapping")
    return texts("problem.got.other", value=type(value).__name__)


def _unknown_key(item: ErrorDetails, model: type[BaseModel]) -> Text:
    key = str(item["loc"][-1]) if item["loc"] else ""
    if len(item["loc"]) == 1:
        close = difflib.get_close_matches(key, list(model.model_fields), n=1)
        if close:
            return texts("problem.unknown_key_close", key=key, close=close[0])
    return texts("problem.unknown_key", key=key)


def _pattern(item: ErrorDetails, model: type[BaseModel]) -> Text:
    value, pattern = item.get("input"), (item.get("ctx") or {}).get("pattern")
    if pattern == SLUG_PATTERN:
        return texts("problem.bad_id", value=value)
    if pattern == DATE_PATTERN:
        return texts("problem.bad_date", value=value)
    return texts("problem.bad_form", value=value)


def _not_one_of(item: ErrorDetails, model: type[BaseModel]) -> Text:
    expected = (item.get("ctx") or {}).get("expected", "")
    return texts("problem.not_one_of", value=item.get("input"), expected=expected)


def _too_short(item: ErrorDetails, model: type[BaseModel]) -> Text:
    if item["loc"] and item["loc"][-1] == "sources":
        return texts("problem.no_sources")
    return texts("problem.too_short")


def _value_error(item: ErrorDetails, model: type[BaseModel]) -> Text:
    """The schema's own check (`BadValue`) in its words; another library's in pydantic's."""
    error = (item.get("ctx") or {}).get("error")
    if isinstance(error, BadValue):
        return error.text
    return texts("problem.pydantic", msg=str(item["msg"]).removeprefix("Value error, "))


_MESSAGES: dict[str, Callable[[ErrorDetails, type[BaseModel]], Text]] = {
    "extra_forbidden": _unknown_key,
    "missing": lambda item, model: texts("problem.missing"),
    "string_pattern_mismatch": _pattern,
    "literal_error": _not_one_of,
    "enum": _not_one_of,
    "too_short": _too_short,
    "string_too_short": lambda item, model: texts("problem.empty_text"),
    "value_error": _value_error,
}


def message(item: ErrorDetails, model: type[BaseModel]) -> Text:
    """One validation error in words, in both languages: ours where we have them for its kind,
    else pydantic's English with a Chinese lead-in."""
    kind = item["type"]
    if kind in _TYPE_WORDS:
        got = _yaml_kind(item.get("input"))
        return texts("problem.expected", want=texts(_TYPE_WORDS[kind]), got=got)
    explain = _MESSAGES.get(kind)
    return explain(item, model) if explain else texts("problem.pydantic", msg=item["msg"])


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
                Problem(name, node.start_mark.line + 1, texts("problem.more", more=more), record_id)
            )
            break
        line, path = node_location(node, item["loc"])
        if (line, path) not in seen:
            seen.add((line, path))
            problems.append(Problem(name, line, message(item, model), record_id, path or None))
    return problems


# The problems told per record; the rest are counted.
MAX_PER_RECORD = 20
