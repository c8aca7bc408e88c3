"""The words a question uses to ask for a value, in Chinese and English, beside the field they
ask for: every model specification (`specs.py`) and the other things asked of a record (a date,
who, what it is: `records.py`). The answering code ranks these; a new field brings its own words
here."""

from __future__ import annotations

from deepseek_kb.asking.cues import CUES
from deepseek_kb.asking.records import (
    ASKED,
    KIND_LABELS,
    UNIT_ASKED,
    UNIT_WORDS,
    Asked,
)
from deepseek_kb.asking.specs import CASE_WORDS, PARTS, SPEC_WORDS, SpecWords

__all__ = [
    "ASKED",
    "CASE_WORDS",
    "CUES",
    "KIND_LABELS",
    "PARTS",
    "SPEC_WORDS",
    "UNIT_ASKED",
    "UNIT_WORDS",
    "Asked",
    "SpecWords",
]
