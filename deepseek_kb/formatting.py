"""Plain-text forms of record values: quantities with units, dates, bilingual text.

Works on the JSON form of records (dicts), so the query path needs neither pydantic nor Rich.
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]

# unit -> (dimension, factor to the dimension's base unit). schema.Unit lists the same names.
UNITS: dict[str, tuple[str, float]] = {
    "params": ("params", 1),
    "M params": ("params", 1e6),
    "B params": ("params", 1e9),
    "tokens": ("tokens", 1),
    "K tokens": ("tokens", 1e3),
    "B tokens": ("tokens", 1e9),
    "T tokens": ("tokens", 1e12),
    "tokens/s": ("throughput", 1),
    "GPU hours": ("gpu-hours", 1),
    "K GPU hours": ("gpu-hours", 1e3),
    "M GPU hours": ("gpu-hours", 1e6),
    "GPUs": ("gpus", 1),
    "USD": ("usd", 1),
    "M USD": ("usd", 1e6),
    "CNY": ("cny", 1),
    "M CNY": ("cny", 1e6),
    "B CNY": ("cny", 1e9),
    "USD per M tokens": ("usd-per-mtok", 1),
    "CNY per M tokens": ("cny-per-mtok", 1),
    "%": ("percent", 1),
    "x": ("times", 1),
    "days": ("days", 1),
    "people": ("people", 1),
    "experts": ("experts", 1),
    "layers": ("layers", 1),
    "nodes": ("nodes", 1),
    "count": ("count", 1),
}

# The compare table's rows, in order: spec field -> (group, zh label, en label).
SPEC_FIELDS: dict[str, tuple[str, str, str]] = {
    "total_params": ("size", "总参数", "Total parameters"),
    "active_params": ("size", "激活参数", "Activated parameters"),
    "context_length": ("size", "上下文长度", "Context length"),
    "architecture": ("architecture", "架构", "Architecture"),
    "attention": ("architecture", "注意力", "Attention"),
    "ffn": ("architecture", "前馈网络", "Feed-forward"),
    "layers": ("architecture", "层数", "Layers"),
    "hidden_size": ("architecture", "隐藏维度", "Hidden size"),
    "routed_experts": ("architecture", "路由专家", "Routed experts"),
    "shared_experts": ("architecture", "共享专家", "Shared experts"),
    "activated_experts": ("architecture", "每 token 激活专家", "Experts activated per token"),
    "load_balancing": ("architecture", "负载均衡", "Load balancing"),
    "mtp": ("architecture", "多 token 预测", "Multi-token prediction"),
    "base_model": ("architecture", "基座模型", "Base model"),
    "training_tokens": ("training", "训练 token", "Training tokens"),
    "training_method": ("training", "训练方法", "Training method"),
    "precision": ("training", "训练精度", "Training precision"),
    "gpu_type": ("training", "GPU 型号", "GPU type"),
    "gpu_hours": ("training", "GPU 小时", "GPU hours"),
    "training_cost": ("cost", "训练成本", "Training cost"),
    "api_price_input": ("cost", "API 输入价格", "API input price"),
    "api_price_output": ("cost", "API 输出价格", "API output price"),
    "license_code": ("access", "代码许可", "Code licence"),
    "license_model": ("access", "模型许可", "Model licence"),
    "paper": ("access", "论文", "Paper"),
}
# The event types `timeline --type` accepts; schema.EventType lists the same names.
EVENT_TYPES = (
    "founding",
    "model-release",
    "announcement",
    "investment",
    "publication",
    "interview",
    "pricing",
    "milestone",
)
SPEC_GROUPS: dict[str, tuple[str, str]] = {
    "size": ("规模", "Size"),
    "architecture": ("架构", "Architecture"),
    "training": ("训练", "Training"),
    "cost": ("成本与价格", "Cost and price"),
    "access": ("获取", "Access"),
}

_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_SCALED = {"params", "tokens", "gpu-hours", "usd", "cny"}
_QUALIFIERS = {
    "about": ("约", "~"),
    "nearly": ("近", "nearly "),
    "under": ("不到", "under "),
    "over": ("超过", "over "),
    "at-most": ("至多", "at most "),
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


def base_value(quantity: Record) -> float:
    """The quantity in its dimension's base unit (parameters, tokens, USD…)."""
    return float(quantity["value"]) * UNITS[quantity["unit"]][1]


def dimension(quantity: Record) -> str:
    """What the quantity measures: params, tokens, usd…"""
    return UNITS[quantity["unit"]][0]


def scale_for(values: list[float]) -> tuple[float, str]:
    """The scale that suits the largest value: 671e9 -> (1e9, 'B')."""
    top = max((abs(v) for v in values), default=0.0)
    for factor, suffix in _SCALES:
        if top >= factor:
            return factor, suffix
    return 1.0, ""


def format_quantity(
    quantity: Record, scale: tuple[float, str] | None = None, lang: str = "en", bare: bool = False
) -> str:
    """671 'B params' -> '671B'; 2.788 'M GPU hours' -> '2.788M GPU hours'."""
    dim = dimension(quantity)
    value = base_value(quantity)
    if dim == "tokens" and value < 1e6 and value % 1024 == 0 and value % 1000:
        text = number(value / 1024) + "K"  # context windows: 4096 tokens is written 4K
    elif dim in _SCALED:
        factor, suffix = scale or scale_for([value])
        text = number(value / factor) + suffix
    else:
        text = number(value)
    if dim in ("usd", "usd-per-mtok"):
        text = "$" + text
    elif dim in ("cny", "cny-per-mtok"):
        text = "¥" + text
    if not bare or dim in ("percent", "times"):
        suffix = _SUFFIX.get(dim, "")
        text += suffix[:-1] if value == 1 and suffix.endswith("s") else suffix  # 1 expert
    qualifier = quantity.get("qualifier")
    if qualifier:
        zh, en = _QUALIFIERS[qualifier]
        text = (zh if lang == "zh" else en) + text
    return text


def pick(text: Record | None, lang: str) -> str:
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
    """A spec value of any kind: quantity, bilingual text or a name."""
    if isinstance(value, dict) and "unit" in value:
        return format_quantity(value, scale, lang, bare)
    if isinstance(value, dict):
        return pick(value, lang)
    return str(value)


def name_of(record: Record, lang: str) -> str:
    """A record's display name: its name, a source's title, else its id."""
    text = record.get("name") or record.get("title")
    return pick(text, "en" if lang == "both" else lang) if text else str(record["id"])


def cite(ref: Record) -> str:
    """A citation in a few characters: 'article §团队情况 L98', 'v3-paper p.5'."""
    parts = [str(ref["source"])]
    if ref.get("section"):
        parts.append(f"§{ref['section']}")
    if ref.get("line"):
        parts.append(f"L{ref['line']}")
    if ref.get("page"):
        parts.append(f"p.{ref['page']}")
    return " ".join(parts)


def cites(refs: list[Record]) -> str:
    """Several citations, comma-separated."""
    return ", ".join(cite(r) for r in refs)


def date_bounds(date: str) -> tuple[str, str]:
    """The first and last day a partial date covers: '2023-05' -> ('2023-05-01', '2023-05-31')."""
    parts = date.split("-")
    start = "-".join(parts + ["01", "01"][len(parts) - 1 :])
    end = "-".join(parts + ["12", "31"][len(parts) - 1 :])
    return start, end
