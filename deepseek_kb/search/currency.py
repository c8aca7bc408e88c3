"""A sum asked in one currency is answered in it, or not at all: "Llama 3 405B 训练一次烧了多少美元"
is not answered by its GPU hours, nor "V3 训练成本折合人民币" by its cost in US dollars."""

from __future__ import annotations

import re
from typing import Any

from deepseek_kb.kinds import Unit
from deepseek_kb.search.answered import Answer, NotStated

# The words that name a currency, and the units a value in it is kept in.
_CURRENCIES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (
        re.compile(r"美元|美金|\$|\b(?:us ?)?dollars?\b|\busd\b"),
        frozenset({Unit.usd, Unit.usd_per_m_tokens}),
    ),
    (
        re.compile(r"人民币|块钱|多少元|几元|\byuan\b|\brmb\b|\bcny\b"),
        frozenset({Unit.cny, Unit.cny_per_m_tokens}),
    ),
)


def in_other_units(norm: str, found: Answer | NotStated | None) -> bool:
    """Whether the question names a currency and the answer's value is kept in other units."""
    if not isinstance(found, Answer):
        return False
    units = set(_units(found.value))
    if not units:
        return False  # a value of no unit (a sentence, a name) may say the sum itself
    named = [kept for words, kept in _CURRENCIES if words.search(norm)]
    return len(named) == 1 and not units & named[0]


def _units(value: Any) -> list[str]:
    """The units a value (a quantity, or a list of them for several cases) is kept in."""
    if isinstance(value, list):
        return [unit for item in value for unit in _units(item)]
    if isinstance(value, dict) and isinstance(value.get("unit"), str):
        return [value["unit"]]
    return []
