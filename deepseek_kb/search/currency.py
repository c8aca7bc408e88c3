"""A sum asked in one currency is answered in it, or not at all: "Llama 3 405B 训练一次烧了多少美元"
is not answered by its GPU hours, nor "V3 训练成本折合人民币" by its cost in US dollars."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from deepseek_kb.kinds import Unit
from deepseek_kb.search.answered import Answer, NotStated


class _Currency(NamedTuple):
    """The words a question names a currency by, how a sentence writes a sum in it, and the
    units a value in it is kept in."""

    asked: re.Pattern[str]
    written: re.Pattern[str]
    units: frozenset[str]


_CURRENCIES = (
    _Currency(
        re.compile(r"美元|美金|\$|\b(?:us ?)?dollars?\b|\busd\b"),
        re.compile(r"美元|美金|\$\s?\d|\bdollars?\b|\busd\b"),
        frozenset({Unit.usd, Unit.usd_per_m_tokens}),
    ),
    _Currency(
        re.compile(r"人民币|块钱|多少元|几元|\byuan\b|\brmb\b|\bcny\b"),
        re.compile(r"人民币|\d\s?(?:万|亿)?元|¥\s?\d|\byuan\b|\brmb\b|\bcny\b"),
        frozenset({Unit.cny, Unit.cny_per_m_tokens}),
    ),
)


def in_other_units(norm: str, found: Answer | NotStated | None) -> bool:
    """Whether the question names a currency and the answer's value is kept in other units, or
    is a sentence that names no sum in it (Llama 3 405B's GPU hours are no cost in dollars)."""
    if not isinstance(found, Answer):
        return False
    named = [currency for currency in _CURRENCIES if currency.asked.search(norm)]
    if len(named) != 1:
        return False
    units = set(_units(found.value))
    if units:
        return not units & named[0].units
    if isinstance(found.value, dict) and {"zh", "en"} <= found.value.keys():
        said = f"{found.value['zh']} {found.value['en']}".lower()
        return named[0].written.search(said) is None
    return False  # a name, a date: no sum, and not one in other units


def _units(value: Any) -> list[str]:
    """The units a value (a quantity, or a list of them for several cases) is kept in."""
    if isinstance(value, list):
        return [unit for item in value for unit in _units(item)]
    if isinstance(value, dict) and isinstance(value.get("unit"), str):
        return [value["unit"]]
    return []
