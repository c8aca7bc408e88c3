"""The figures and dates a claim states, read the way people write them: $5.6M, 5.6 million
dollars, 557.6万美元, 10亿元, 671B parameters, 128K, 60人, November 20, 2024, 2024 年 6 月.

Each amount is turned into the base unit of what it measures (dollars, tokens, parameters …) when
its words say what that is, so it can be set against a stored quantity of any scale.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Magnitude words and suffixes -> factor (case-insensitive for the Latin ones).
_MAGNITUDES = {
    "k": 1e3,
    "thousand": 1e3,
    "千": 1e3,
    "万": 1e4,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "百万": 1e6,
    "亿": 1e8,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "十亿": 1e9,
    "t": 1e12,
    "trillion": 1e12,
    "万亿": 1e12,
}
_NUMBER = re.compile(
    r"(?<![A-Za-z\d.,/])(?P<cur>[$¥￥])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
    r"(?P<mag>万亿|十亿|百万|thousand|million|billion|trillion|mn|bn|[kKmMbBtT千万亿](?![a-zA-Z]))?"
)
# What an amount measures, by the words right after it (or before it, for a currency sign).
_UNIT_WORDS: tuple[tuple[str, str], ...] = (
    (r"^\s*(?:美元|美金|usd\b|us dollars?\b|dollars?\b)", "usd"),
    (r"^\s*(?:元|人民币|yuan\b|rmb\b|cny\b)", "cny"),
    (r"^\s*(?:\S+\s)?(?:h800\s|h100\s|a100\s)?(?:gpu[ -]?hours?\b|gpu ?小时|卡时)", "gpu-hours"),
    (r"^\s*(?:tokens?\b|token|个 ?token)", "tokens"),
    (r"^\s*(?:total |activated |active )?(?:parameters?\b|params?\b|参数)", "params"),
    (r"^\s*(?:名|位)?(?:employees?\b|people\b|staff\b|researchers?\b|人|员工)", "people"),
    (r"^\s*(?:gpus?\b|graphics cards\b|cards\b|张|块|卡)", "gpus"),
    (r"^\s*(?:layers?\b|层)", "layers"),
    (r"^\s*(?:experts?\b|个专家)", "experts"),
    (r"^\s*(?:%|percent\b|％)", "percent"),
    (r"^\s*(?:days?\b|天)", "days"),
)
_PER_MILLION = re.compile(r"^\s*(?:per (?:1 ?)?(?:million|m)\b|/\s?m\b|/百万|每百万)", re.I)
_MONTHS = {
    m: n
    for n, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for m in names.split()
}
_MONTH_WORD = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = (
    re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?"),
    re.compile(r"(?P<y>(?:19|20)\d{2})\s?年\s?(?P<m>\d{1,2})\s?月(?:\s?(?P<d>\d{1,2})\s?[日号])?"),
    # 26 December 2024 before December 2024, which it holds
    re.compile(
        rf"\b(?P<d>\d{{1,2}})\s+(?P<mw>{_MONTH_WORD})\.?,?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I
    ),
    re.compile(
        rf"\b(?P<mw>{_MONTH_WORD})\.?\s+(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<y>(?:19|20)\d{{2}})\b",
        re.I,
    ),
    re.compile(r"(?<![\d.$¥])(?P<y>(?:19|20)\d{2})(?:\s?年)?(?![\d.,]|\s?(?:万|亿|[kKmMbBtT]\b))"),
)


class Amount(NamedTuple):
    """A figure as the claim states it: its value in the base unit of `dimension` (None when
    the words do not say what it measures), the text it was read from, and the alternatives a
    K may stand for (128K tokens is 131,072)."""

    value: float
    dimension: str | None
    text: str
    digits: int
    alternatives: tuple[float, ...] = ()


class Date(NamedTuple):
    """A date as the claim states it, at its own precision: 2024, 2024-06, 2024-11-20."""

    value: str
    text: str


class Stated(NamedTuple):
    """What a claim states: its figures, its dates, and its words with both taken out."""

    amounts: tuple[Amount, ...]
    dates: tuple[Date, ...]
    words: str


def read_claim(text: str) -> Stated:
    """The dates first (so 2024 is not an amount), then the amounts, then the words left."""
    dates, rest = dates_in(text)
    amounts: list[Amount] = []
    spans: list[tuple[int, int]] = []
    for match in _NUMBER.finditer(rest):
        amount = _amount(match, rest)
        if amount is not None and not _in_name(match, rest, amount):
            amounts.append(amount)
            spans.append(match.span())
    for start, end in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    return Stated(tuple(amounts), tuple(dates), " ".join(rest.split()))


def dates_in(text: str) -> tuple[list[Date], str]:
    """The dates the text states, each at its own precision, and the text without them."""
    found: list[Date] = []
    for pattern in _DATES:
        for match in list(pattern.finditer(text)):
            parts = match.groupdict()
            month = _MONTHS[parts["mw"].lower()] if parts.get("mw") else parts.get("m")
            pieces = [parts["y"]]
            if month:
                if not 1 <= int(month) <= 12:
                    continue
                pieces.append(str(month).zfill(2))
                if parts.get("d"):
                    pieces.append(str(parts["d"]).zfill(2))
            found.append(Date("-".join(pieces), match.group(0)))
        text = pattern.sub(" ", text)
    return found, text


def _amount(match: re.Match[str], text: str) -> Amount | None:
    raw = match.group("num").replace(",", "")
    magnitude = (match.group("mag") or "").lower()
    after = text[match.end() :].lower()
    if not match.group("cur") and not magnitude and after[:1] in ("/",) and "/1" in after[:3]:
        return None  # a ratio such as 1/11
    factor = _MAGNITUDES.get(magnitude, 1.0)
    value = float(raw) * factor
    dimension = _dimension(match.group("cur"), after)
    digits = len(raw.replace(".", "").lstrip("0") if "." in raw else raw.strip("0")) or 1
    kibi = magnitude == "k" and dimension in (None, "tokens")
    alternatives = (float(raw) * 1024,) if kibi else ()
    return Amount(value, dimension, match.group(0).strip(), digits, alternatives)


def _in_name(match: re.Match[str], text: str, amount: Amount) -> bool:
    """A bare small number after a Latin word is part of a name: Fire-Flyer 2, Llama 3."""
    before = text[: match.start()].rstrip()
    bare = amount.dimension is None and not match.group("mag") and amount.value < 10
    return bare and bool(before) and before[-1].isascii() and before[-1].isalpha()


def _dimension(currency: str | None, after: str) -> str | None:
    per_million = _PER_MILLION.match(re.sub(r"^\s*(?:input|output)?\s*", "", after)) or (
        _PER_MILLION.match(after)
    )
    if currency:
        money = "usd" if currency == "$" else "cny"
        return f"{money}-per-mtok" if per_million else money
    for pattern, dimension in _UNIT_WORDS:
        if re.match(pattern, after, re.I):
            if dimension in ("usd", "cny") and per_million:
                return f"{dimension}-per-mtok"
            return dimension
    return None


def rounds_to(claimed: Amount, stored: float) -> bool:
    """Whether the claimed figure is the stored one rounded to the digits the claim gives
    ($6M for $5.576M, 15T for 14.8T, $5.6 million for $5.576M)."""
    return stored != 0 and _significant(stored, claimed.digits) == _significant(
        claimed.value, claimed.digits
    )


def _significant(value: float, digits: int) -> float:
    return float(f"{value:.{digits}g}")


def month_words(date: object) -> list[str]:
    """The year and month of a date ("2025-04-18") in the words a question gives them ("April
    2025", 2025年4月, "dec 2024", "2025-04"), and its day when it has one ("2025-04-18"); none
    for no date or a year alone."""
    if not isinstance(date, str) or not _YEAR_MONTH.match(date):
        return []
    year, month = date[:4], int(date[5:7])
    return [year, str(month), date[5:7], *date[8:10].split(), *_month_names(month)]


def _month_names(month: int) -> list[str]:
    return [word for word, n in _MONTHS.items() if n == month]


_YEAR_MONTH = re.compile(r"\d{4}-\d{2}")
