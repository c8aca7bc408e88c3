"""Which record a typed name means: exact, normalised, or an unambiguous near miss."""

from __future__ import annotations

from deepseek_kb.index.store import Index
from deepseek_kb.search.text import normalize


def resolve(index: Index, name: str, record_type: str) -> tuple[str | None, list[str]]:
    """The id a typed name means: exact, normalised, or an unambiguous near miss.

    When there is none, the ids of the nearest names come back as suggestions.
    """
    names = index.names(record_type)
    wanted = _squash(name)
    exact = {rid for rid, _, n in names if _squash(n) == wanted or _squash(rid) == wanted}
    if len(exact) == 1:
        return exact.pop(), []
    from rapidfuzz import fuzz, process

    scored = process.extract(
        wanted, [_squash(n) for _, _, n in names], scorer=fuzz.ratio, limit=12, score_cutoff=60
    )
    ranked: dict[str, float] = {}
    for _, score, i in scored:
        rid = names[i][0]
        ranked[rid] = max(ranked.get(rid, 0.0), score)
    order = sorted(ranked.items(), key=lambda kv: -kv[1])
    if order and order[0][1] >= 85 and (len(order) == 1 or order[0][1] - order[1][1] >= 5):
        return order[0][0], []
    return None, [rid for rid, _ in order[:5]]


def _squash(text: str) -> str:
    """Names compared without case, spaces, hyphens or dots: 'DeepSeek-V3' == 'deepseek v3'."""
    return "".join(ch for ch in normalize(text) if ch not in " -_·・.")
