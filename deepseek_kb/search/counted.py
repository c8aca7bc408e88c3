"""What a count is counted in: "一个 token 最多会被路由到几个节点" counts nodes, so the 8
experts a token is routed to are no answer, and the figure in nodes (at most 4) is.

A question that names one countable unit (nodes, experts, layers, GPUs, people) asks for a value
in it: of the candidates, those in that unit answer; a value counted in another of these units
does not. A question naming two of them, or none, is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.named import has
from deepseek_kb.search.question import Question

# Each countable unit and the words that count in it.
_COUNTED: dict[str, tuple[str, ...]] = {
    "nodes": ("nodes", "node", "节点"),
    "experts": ("experts", "expert", "专家"),
    "layers": ("layers", "layer", "层数", "多少层", "几层"),
    "GPUs": ("gpus", "gpu", "显卡", "张卡", "块卡"),
    "people": ("people", "staff", "employees", "人数", "多少人", "几个人"),
}


def in_unit_asked(
    question: Question, scored: Sequence[tuple[int, Candidate]]
) -> list[tuple[int, Candidate]]:
    """The candidates in the one countable unit the question counts in, when some are; none of
    those counted in another such unit; all of them when it names no one unit."""
    said = [unit for unit, words in _COUNTED.items() if any(has(question.rest, w) for w in words)]
    if len(said) != 1:
        return list(scored)
    asked = said[0]
    counted = [(s, c) for s, c in scored if _unit(c) == asked]
    return counted or [(s, c) for s, c in scored if _unit(c) not in _COUNTED]


def _unit(candidate: Candidate) -> str | None:
    value = candidate.value
    return str(value.get("unit")) if isinstance(value, dict) and value.get("unit") else None
