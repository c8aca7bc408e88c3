"""The KB-wide check: every id referred to exists and is of a kind the field takes.

Clean loads keep only ids and the distinct targets referred to; where a bad reference sits
(file, line, field) is worked out only when one is found, by reading the files again.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from deepseek_kb.errors import Problem
from deepseek_kb.kinds import BY_NAME
from deepseek_kb.loader.files import SafeLoader, compose, duplicate_keys, node_location, read_text
from deepseek_kb.messages import Text, texts
from deepseek_kb.paths import Layout
from deepseek_kb.schema import RECORD_TYPES, Record, SourceRef


@dataclass(frozen=True)
class Ref:
    """One id a record refers to, and where."""

    target: str
    allowed: tuple[str, ...]
    file: str
    line: int
    record: str
    field: str


@dataclass
class Check:
    """What the KB-wide check needs, kept small: ids and the distinct ids referred to."""

    ids: dict[str, tuple[str, int, str, int]] = field(default_factory=dict)
    targets: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    # Records that failed to load (by id) and kinds with a file that failed whole: references
    # to them are not reported again, so one broken record is one problem, not hundreds.
    failed_ids: set[str] = field(default_factory=set)
    failed_kinds: set[str] = field(default_factory=set)

    def unresolved(self) -> set[tuple[str, tuple[str, ...]]]:
        """The (id, kinds allowed) pairs that name no record of an allowed kind."""
        return {
            (t, kinds)
            for t, kinds in self.targets
            if not self.resolves(t, kinds)
            and t not in self.failed_ids
            and not set(kinds) <= self.failed_kinds
        }

    def resolves(self, target: str, allowed: tuple[str, ...]) -> bool:
        """Whether `target` is the id of a record of one of the `allowed` kinds."""
        found = self.ids.get(target)
        return found is not None and found[0] in allowed


def _references(kind: str, record: Record, node: yaml.MappingNode, name: str) -> Iterator[Ref]:
    """Every id this record mentions: its citations anywhere inside it, and its link fields."""
    for loc, ref in _walk_sources(record, ()):
        line, path = node_location(node, (*loc, "source"))
        yield Ref(ref.source, ("source",), name, line, record.id, path)
    for link in BY_NAME[kind].links:
        value = getattr(record, link.field)
        targets = value if isinstance(value, list) else [value] if value else []
        for index, target in enumerate(targets):
            where: tuple[int | str, ...] = (link.field, index) if link.many else (link.field,)
            line, path = node_location(node, where)
            yield Ref(target, link.targets, name, line, record.id, path)


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


def _one_of(kinds: tuple[str, ...]) -> Text:
    """('model', 'person', 'topic') -> 'model, person or topic', '模型、人物或主题'."""
    words = [Text(BY_NAME[kind].word[1], BY_NAME[kind].word[0]) for kind in kinds]
    if len(words) == 1:
        return words[0]
    return texts("problem.list_or", first=_joined(words[:-1]), last=words[-1])


def _joined(words: list[Text]) -> Text:
    """Words in a list, each language with its own separator: 'a, b', 'a、b'."""
    sep = texts("problem.list_sep")
    return Text(sep.en.join(w.en for w in words), sep.zh.join(w.zh for w in words))


def targets(kind: str, data: dict[str, Any]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The ids a (validated) record's raw data refers to: citations anywhere, link fields."""
    for ref in _raw_sources(data):
        yield ref, ("source",)
    for link in BY_NAME[kind].links:
        value = data.get(link.field)
        for target in value if isinstance(value, list) else [value] if value else []:
            yield str(target), link.targets


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


def locate_bad_references(
    layout: Layout, check: Check, bad: set[tuple[str, tuple[str, ...]]]
) -> None:
    """Read the files again, this time keeping lines, to name every bad reference's place."""
    targets = {t for t, _ in bad}
    for data_file in layout.files:
        name = data_file.display
        text = read_text(data_file.path, name, [])
        root = compose(text, name, []) if text else None
        if root is None:
            continue
        model = RECORD_TYPES[data_file.type]
        constructor = SafeLoader("")
        for node in root.value:
            if not isinstance(node, yaml.MappingNode) or duplicate_keys(node, name):
                continue
            try:
                record = model.model_validate(constructor.construct_object(node, deep=True))
            except (ValidationError, yaml.YAMLError):
                continue
            for ref in _references(data_file.type, record, node, name):
                if ref.target in targets and (ref.target, ref.allowed) in bad:
                    check.problems.append(_reference_problem(check, ref))


def _reference_problem(check: Check, ref: Ref) -> Problem:
    found = check.ids.get(ref.target)
    if found is None:
        close = difflib.get_close_matches(
            ref.target, [i for i, v in check.ids.items() if v[0] in ref.allowed], n=3
        )
        hint = _joined([Text(repr(c), repr(c)) for c in close]) if close else None
        message = texts(
            "problem.not_an_id",
            target=ref.target,
            kinds=_one_of(ref.allowed),
            close=texts("problem.did_you_mean", names=hint) if hint else "",
        )
    else:
        message = texts(
            "problem.wrong_kind",
            target=ref.target,
            kind=_one_of((found[0],)),
            kinds=_one_of(ref.allowed),
        )
    return Problem(ref.file, ref.line, message, ref.record, ref.field)
