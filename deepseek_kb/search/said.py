"""What a candidate says, as the texts a question's words are looked up in: its value and
label in both languages, the values it supersedes, where it is said, and the lines a spec's value
is quoted from; and all a record says, as one text."""

from __future__ import annotations

import json
from typing import Any

from deepseek_kb.analysis.text import normalize
from deepseek_kb.asking import UNIT_WORDS
from deepseek_kb.kinds import Unit
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate
from deepseek_kb.values import format_value


def record_text(record: Row) -> str:
    """All a record says, in both languages, as one text to look words up in; not where its
    sources are (a line 3 or page 4 of a source is no "day 3"), nor its note, a caveat that
    speaks of other things (the paper "as updated on 2025-07-18" in the note of its release)."""
    return json.dumps(_said({k: v for k, v in record.items() if k != "note"}), ensure_ascii=False)


# Where a source is, not what it says.
_PLACES = frozenset({"line", "page", "url", "section"})


def title_of(record: Row) -> str:
    """A record's title in both languages, normalised (an event's: what it was)."""
    return normalize(" ".join(map(str, dict(record.get("title") or {}).values())))


def _said(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _said(v) for k, v in value.items() if k not in _PLACES}
    if isinstance(value, list):
        return [_said(v) for v in value]
    return value


def said_by(candidate: Candidate) -> list[str]:
    """Everything a candidate says, in both languages: its label and its value, the values it
    supersedes ("是 2.1B 吗" asks the 21B the article misprinted), where it is said
    ("according to the article") and the date of the record that states it."""
    texts = [format_value(candidate.value, "zh"), format_value(candidate.value, "en")]
    texts += _superseded(candidate)
    texts.append(" ".join(str(s.get("source", "")) for s in candidate.sources))
    texts.append(str(candidate.record.get("date") or ""))  # "2024 年底的 API 价格": as of when
    if isinstance(candidate.value, dict) and "unit" in candidate.value:
        texts.append(UNIT_WORDS.get(Unit(candidate.value["unit"]), ""))
    if candidate.kind in ("event", "quote"):  # what it is about: a quote's question, its topics
        texts.append(record_text(candidate.record))
    if candidate.kind == "organization":  # "the High-Flyer fund": what kind of thing it is
        texts.append(str(candidate.record.get("kind", "")).replace("-", " "))
    if candidate.label:
        texts += [str(candidate.label["zh"]), str(candidate.label["en"])]
    return texts


def quoted_from(candidate: Candidate) -> list[str]:
    """The lines a spec's one value is quoted from ("We pre-train DeepSeek-V3 on 14.8 trillion
    … tokens"), and the role that tells where a person works: they speak of what it is a value
    of, as its label does. (A claim's line holds all its figures, so it says nothing of which is
    meant.)"""
    if candidate.key == "employer":  # where someone works is told in their role: Meta scientist
        return [str(candidate.record["role"][lang]) for lang in ("zh", "en")]
    if not candidate.field.startswith("specs."):
        return []
    return [str(s["quote"]) for s in candidate.sources if s.get("quote")]


def _superseded(candidate: Candidate) -> list[str]:
    """The values a spec's value replaces, in both languages."""
    key = candidate.field.removeprefix("specs.")
    spec = (
        candidate.record.get("specs", {}).get(key) if candidate.field.startswith("specs.") else None
    )
    older = spec.get("superseded", []) if isinstance(spec, dict) else []
    return [format_value(o["value"], lang) for o in older for lang in ("zh", "en")]
