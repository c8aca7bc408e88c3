"""Which record a typed name means: exact, a unique part of a name, or a clear near miss.

`resolve` answers with the id, or with no id and the nearest ids, best first. Names are compared
"squashed" (no case, spaces, hyphens or dots: 'DeepSeek-V3' == 'deepseek v3').
"""

from __future__ import annotations

import re
from typing import NamedTuple

from deepseek_kb.analysis.text import has_han, normalize
from deepseek_kb.index.store import Index, Name

_WORDS = re.compile(r"[a-z0-9]+")
MAX_SUGGESTIONS = 5


class Resolved(NamedTuple):
    """The id a name means, or None and the ids it might have meant, best first; and how it
    was found: exact (a name, alias or id), part (a unique part of one) or near (a typo)."""

    id: str | None
    near: list[str]
    how: str = ""


def resolve(index: Index, name: str, record_type: str) -> Resolved:
    """Exact name or alias; else a unique part of one (Wenfeng, Karpathy); else a near miss
    within a typo or two (DeepSek-V3) that no other name comes as close to."""
    names = index.names(record_type)
    wanted = squash(name)
    if not wanted:
        return Resolved(None, [])
    exact = sorted({n.id for n in names if wanted in (squash(n.name), squash(n.id))})
    if exact:
        return Resolved(exact[0], [], "exact") if len(exact) == 1 else Resolved(None, exact)
    parts = _part_matches(names, name)
    if len(parts) == 1:
        return Resolved(parts[0], [], "part")
    distances = _distances(names, wanted)
    ranked = sorted(distances.items(), key=lambda kv: (kv[1], kv[0]))
    clear = len(ranked) == 1 or (len(ranked) > 1 and ranked[1][1] > ranked[0][1])
    if ranked and ranked[0][1] <= _allowance(wanted) and clear:
        return Resolved(ranked[0][0], [], "near")
    return Resolved(None, _suggestions(parts, names, wanted))


def squash(text: str) -> str:
    """A name without case, spaces, hyphens or dots: 'DeepSeek-V3' == 'deepseek v3'."""
    return "".join(ch for ch in normalize(text) if ch not in " -_·・.")


def _allowance(wanted: str) -> int:
    """How many typing slips a name of this length may have and still be recognised."""
    if has_han(wanted):  # one wrong character in a longer Chinese name: 梁文峰 for 梁文锋
        return 1 if len(wanted) >= 3 else 0
    return 0 if len(wanted) <= 3 else 1 if len(wanted) <= 6 else 2 if len(wanted) <= 12 else 3


def _part_matches(names: list[Name], typed: str) -> list[str]:
    """Records one of whose names holds every word typed as a whole word (or Han text)."""
    norm = normalize(typed)
    words = set(_WORDS.findall(norm))
    han = "".join(ch for ch in norm if has_han(ch))
    if not words and len(han) < 2:
        return []
    found: dict[str, None] = {}
    for entry in names:
        text = normalize(entry.name)
        if words and not words <= set(_WORDS.findall(text)):
            continue
        if han and han not in text:
            continue
        found[entry.id] = None
    return list(found)


def _distances(names: list[Name], wanted: str) -> dict[str, int]:
    """The smallest edit distance from what was typed to any name of each record."""
    from rapidfuzz.distance import Levenshtein

    best: dict[str, int] = {}
    for entry in names:
        distance = Levenshtein.distance(wanted, squash(entry.name))
        if distance < best.get(entry.id, 1 << 30):
            best[entry.id] = distance
    return best


def _suggestions(parts: list[str], names: list[Name], wanted: str) -> list[str]:
    """Several records that share the words typed first, then the nearest names by likeness."""
    from rapidfuzz import fuzz

    likeness: dict[str, float] = {}
    for entry in names:
        score = fuzz.ratio(wanted, squash(entry.name))
        likeness[entry.id] = max(likeness.get(entry.id, 0.0), score)
    near = [rid for rid, score in sorted(likeness.items(), key=lambda kv: -kv[1]) if score >= 50]
    return list(dict.fromkeys([*parts, *near]))[:MAX_SUGGESTIONS]
