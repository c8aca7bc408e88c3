"""Plain-text forms of record values: quantities with units, dates, bilingual text.

Works on the JSON form of records (dicts), so the query path needs neither pydantic nor Rich.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from deepseek_kb.kinds import UNIT_SCALE, Unit

# Any record, text, quantity or citation in its JSON form (a TypedDict of rows.py or a dict).
Json = Mapping[str, Any]

_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_SCALED = {"params", "tokens", "gpu-hours", "usd", "cny"}
# The same units in Chinese (dskb --lang zh): 60 层, 160 个专家, 2.788M GPU 小时.
_SUFFIX_ZH = {
    "gpu-hours": " GPU 小时",
    "gpus": " 块 GPU",
    "throughput": " token/秒",
    "usd-per-mtok": "/百万 token",
    "cny-per-mtok": "/百万 token",
    "percent": "%",
    "times": " 倍",
    "days": " 天",
    "people": " 人",
    "experts": " 个专家",
    "layers": " 层",
    "nodes": " 个节点",
}
_QUALIFIERS = {
    "about": ("约", "~"),
    "nearly": ("近", "nearly "),
    "under": ("不到", "under "),
    "over": ("超过", "over "),
    "at-most": ("至多", "at most "),
    "no-more-than": ("不超过", "no more than "),  # as the article says it: 不超过5家
    "at-least": ("至少", "at least "),
}
_SUFFIX = {
    "params": "",
    "tokens": "",
    "gpu-hours": " GPU hours",
    "gpus": " GPUs",
    "throughput": " tokens/s",
    "usd-per-mtok": " per M tokens",
    "cny-per-mtok": " per M tokens",
    "percent": "%",
    "times": "×",
    "days": " days",
    "people": " people",
    "experts": " experts",
    "layers": " layers",
    "nodes": " nodes",
    "count": "",
}


def number(value: float) -> str:
    """A number without float noise: 671, 14.8, 5.576, 10,000."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}" if abs(value) >= 10000 else str(int(value))
    return f"{value:.6g}"


def base_value(quantity: Json) -> float:
    """The quantity in its dimension's base unit (parameters, tokens, USD…)."""
    return float(quantity["value"]) * UNIT_SCALE[Unit(quantity["unit"])][1]


def dimension(quantity: Json) -> str:
    """What the quantity measures: params, tokens, usd…"""
    return UNIT_SCALE[Unit(quantity["unit"])][0]


def scale_for(values: list[float]) -> tuple[float, str]:
    """The scale that suits the largest value: 671e9 -> (1e9, 'B')."""
    top = max((abs(v) for v in values), default=0.0)
    for factor, suffix in _SCALES:
        if top >= factor:
            return factor, suffix
    return 1.0, ""


def _chinese_money(value: float, dim: str) -> str:
    """Money as Chinese writes it: 557.6 万美元, 10 亿元, 200 元."""
    currency = "美元" if dim == "usd" else "元"
    for factor, unit in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= factor:
            return f"{number(value / factor)} {unit}{currency}"
    return f"{number(value)} {currency}"


_CURRENCY = {"usd": "$", "usd-per-mtok": "$", "cny": "¥", "cny-per-mtok": "¥"}


def format_quantity(
    quantity: Json, scale: tuple[float, str] | None = None, lang: str = "en", bare: bool = False
) -> str:
    """671 'B params' -> '671B'; 2.788 'M GPU hours' -> '2.788M GPU hours'; a price for a
    cache hit says so: '$0.14 per M tokens (cache hit)'."""
    text = _quantity(quantity, scale, lang, bare)
    case = _CASES.get(str(quantity.get("case")))
    if case and not bare:
        text += f"（{case[0]}）" if lang == "zh" else f" ({case[1]})"
    return text


_CASES = {"cache-hit": ("缓存命中", "cache hit"), "cache-miss": ("缓存未命中", "cache miss")}


def _quantity(quantity: Json, scale: tuple[float, str] | None, lang: str, bare: bool) -> str:
    dim = dimension(quantity)
    value = base_value(quantity)
    if lang == "zh" and dim in ("usd", "cny") and scale is None and not bare:
        return _qualified(quantity, _chinese_money(value, dim), lang)  # 557.6 万美元
    if lang == "zh" and dim == "cny-per-mtok" and not bare:
        return _qualified(quantity, f"{number(value)} 元/百万 token", lang)  # as 10 亿元 reads
    text = _CURRENCY.get(dim, "") + _figure(value, dim, scale)
    if not bare or dim in ("percent", "times"):
        text += _unit(value, dim, lang)
    return _qualified(quantity, text, lang)


def _figure(value: float, dim: str, scale: tuple[float, str] | None) -> str:
    """The number itself: 671B, 4K (a context window of 4096 tokens), 14.8, $87,072."""
    if dim == "tokens" and value < 1e6 and value % 1024 == 0 and value % 1000:
        return number(value / 1024) + "K"
    if dim in ("usd", "cny") and scale is None and abs(value) < 1e6:
        return number(value)  # $87,072 a day, not $87.072K
    if dim in ("usd-per-mtok", "cny-per-mtok") and value % 1 and round(value, 2) == value:
        return f"{value:.2f}"  # a price in cents: $1.10, not $1.1
    if dim in _SCALED:
        factor, suffix = scale or scale_for([value])
        return number(value / factor) + suffix
    return number(value)


def _unit(value: float, dim: str, lang: str) -> str:
    """What follows the number: ' GPU hours', ' 层', ' expert' for one of them."""
    if lang == "zh":
        return _SUFFIX_ZH.get(dim, "")
    suffix = _SUFFIX.get(dim, "")
    one = value == 1 and suffix.endswith("s") and " per " not in suffix
    return suffix[:-1] if one else suffix  # 1 expert, ¥1 per M tokens


def _qualified(quantity: Json, text: str, lang: str) -> str:
    """The text after its qualifier, if the quantity has one: ~671B, 约 557.6 万美元."""
    qualifier = quantity.get("qualifier")
    if not qualifier:
        return text
    zh, en = _QUALIFIERS[qualifier]
    return (zh if lang == "zh" else en) + text


def pick(text: Json | None, lang: str) -> str:
    """One language of a bilingual text; 'both' gives the Chinese then the English."""
    if not text:
        return ""
    if lang == "zh":
        return str(text["zh"])
    if lang == "en":
        return str(text["en"])
    return f"{text['zh']} / {text['en']}" if text["zh"] != text["en"] else str(text["zh"])


def format_value(
    value: Any, lang: str = "en", scale: tuple[float, str] | None = None, bare: bool = False
) -> str:
    """A spec value of any kind: quantity, list of quantities, bilingual text or a name."""
    if isinstance(value, list):
        return ", ".join(format_value(v, lang, scale, bare) for v in value)
    if isinstance(value, dict) and "unit" in value:
        return format_quantity(value, scale, lang, bare)
    if isinstance(value, dict):
        return pick(value, lang)
    return str(value)


def name_of(record: Json, lang: str) -> str:
    """A record's display name: its name, a source's title, else its id."""
    text = record.get("name") or record.get("title")
    return pick(text, "en" if lang == "both" else lang) if text else str(record["id"])


# The article's headings (tests/fixtures/deepseek-article.md) in English, as citations name
# them under --lang en; a heading that is a name (DeepSeek V3) reads the same in both.
SECTIONS_EN = {
    "DeepSeek 介绍": "About DeepSeek",
    "CEO 梁文锋": "CEO Liang Wenfeng",
    "团队": "The team",
    "团队情况": "About the team",
    "招人标准": "Hiring criteria",
    "DeepSeek 成就": "DeepSeek's achievements",
    "扫地僧": "The unsung master",
    "如何创新": "How to innovate",
    "接入": "Access",
    "模型": "Models",
    "模型结构": "Model architecture",
    "结束": "The end",
}


def section(name: str, lang: str | None) -> str:
    """A section's heading in one language ('both': the heading, then its English in brackets);
    None keeps the heading as the data holds it."""
    english = SECTIONS_EN.get(name, name)
    if lang == "en":
        return english
    if lang == "both" and english != name:
        return f"{name} ({english})"
    return name


def cite(ref: Json, lang: str | None = None) -> str:
    """A citation in a few characters: 'article §团队情况 L98', 'v3-paper p.5'; under
    lang='en' the section reads in English ('article §About the team L98')."""
    parts = [str(ref["source"])]
    if ref.get("section"):
        parts.append(f"§{section(str(ref['section']), lang)}")
    if ref.get("line"):
        parts.append(f"L{ref['line']}")
    if ref.get("page"):
        parts.append(f"p.{ref['page']}")
    return " ".join(parts)


def cites(refs: Sequence[Json], lang: str | None = None) -> str:
    """Several citations, comma-separated, each place said once; the lines (or pages) of one
    place are listed once, in order, those that follow each other as a range
    ('article §团队情况 L98–101', 'deepep-readme L3,9,22–23', 'v3-paper p.5,22')."""
    marks: dict[tuple[str, str], list[int]] = {}  # (citation without line or page, L or p.)
    for ref in refs:
        page, line = ref.get("page"), ref.get("line")
        at, mark = (page, "p.") if page else (line, "L")
        if isinstance(at, int):
            marks.setdefault((cite({**ref, "line": None, "page": None}, lang), mark), []).append(at)
        else:
            marks.setdefault((cite(ref, lang), ""), [])
    return ", ".join(_marks(where, mark, sorted(set(at))) for (where, mark), at in marks.items())


def _marks(where: str, mark: str, found: list[int]) -> str:
    """A place and its lines or pages: 'readme L3,9–11', 'v3-paper p.5'."""
    spans: list[list[int]] = []
    for at in found:
        if spans and spans[-1][1] == at - 1:
            spans[-1][1] = at
        else:
            spans.append([at, at])
    said = [f"{a}" if a == b else f"{a}–{b}" for a, b in spans]
    return f"{where} {mark}{','.join(said)}" if said else where


def date_bounds(date: str) -> tuple[str, str]:
    """The first and last day a partial date covers: '2023-05' -> ('2023-05-01', '2023-05-31')."""
    parts = date.split("-")
    start = "-".join(parts + ["01", "01"][len(parts) - 1 :])
    end = "-".join(parts + ["12", "31"][len(parts) - 1 :])
    return start, end
