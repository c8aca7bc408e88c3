"""A model named by its place in its family: "the smallest R1 distill", "VL2 家族里最小的那个",
"the biggest Prover-V2". The family is the model named and its variants (`variant_of`), those
whose names hold a word of the question ("distill") when some do; the one meant is the one with
the fewest or the most parameters, and the question asks of it. A version named by the word its
name adds ("VL2 的 Small 版本") is that variant."""

from __future__ import annotations

import re

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import Unit
from deepseek_kb.rows import Row
from deepseek_kb.search.alike import alike
from deepseek_kb.search.leftover import content
from deepseek_kb.search.question import CLEAR, Question, best_asked

# "smallest", "最小的": the word, and whether it means the fewest parameters.
_SUPERLATIVE = re.compile(
    r"\b(smallest|tiniest|littlest|largest|biggest)\b|(最小|最大)"
    r"|\bthe (smaller|larger|bigger) (?:one )?of (?:the two|both|its two)\b"
)
_FEWEST = frozenset({"smallest", "tiniest", "littlest", "最小", "smaller"})
# The word the superlative qualifies: a field ("largest context", "最大的上下文") names no member,
# "最小的那个", "the smallest distill" do.
_AFTER = re.compile(r"\s*的?\s*((?![那这])[\u4e00-\u9fff]{1,4}|[a-z0-9.\-]+(?:\s+[a-z0-9.\-]+)?)")


def variant_meant(index: Index, question: Question) -> Question:
    """The question about the family member its superlative names, when the superlative names
    a member rather than qualifies a field ("the largest context V3 takes" asks V3's context)."""
    kind, record = question.subject or (None, None)
    said = _SUPERLATIVE.search(question.rest)
    if kind != "model" or record is None:
        return question
    if said is None:
        return _by_its_size(index, question, record) or _by_its_word(index, question, record)
    if _of_a_field(said, question.rest):
        return question
    rest = question.rest[: said.start()] + " " + question.rest[said.end() :]
    family, naming = _family(index, record, rest)
    sized = [(size, m) for m in family if (size := _size(m)) is not None]
    if len(sized) < 2:
        return question
    fewest = (said.group(1) or said.group(2) or said.group(3)) in _FEWEST
    chosen = (min if fewest else max)(sized, key=lambda pair: pair[0])[1]
    for word in naming:  # "distill", "蒸馏": a word of its name, asked of no field
        rest = rest.replace(word, " ")
    return question._replace(rest=" ".join(rest.split()), subject=("model", chosen))


def _of_a_field(said: re.Match[str], rest: str) -> bool:
    """Whether the superlative qualifies a field ("the largest context"), not a member; "the
    smaller of the two" is a member, whatever follows."""
    after = _AFTER.match(rest[said.end() :])
    if said.group(3) is not None or after is None:
        return False
    return best_asked(after.group(1), frozenset())[1] >= CLEAR


def _by_its_size(index: Index, question: Question, record: Row) -> Question | None:
    """ "the small DeepSeek VL", "the big Prover-V2": a size said of the name, the smaller or
    the larger of its family; of a model without kin (the small V2-Lite), the model itself."""
    said = _SIZED.search(question.rest)
    if said is None:
        return None
    rest = " ".join((question.rest[: said.start()] + question.rest[said.end() :]).split())
    sized = [(size, m) for m in _family(index, record, rest)[0] if (size := _size(m)) is not None]
    if len(sized) < 2:
        return question._replace(rest=rest)
    fewest = said.group(1) in _FEW
    chosen = (min if fewest else max)(sized, key=lambda pair: pair[0])[1]
    return question._replace(rest=rest, subject=("model", chosen))


# A size said just before the name (what is left where it was: a comma, the end, a "?").
_SIZED = re.compile(r"\b(small|smaller|little|tiny|big|bigger|large|larger)\b(?=\s*(?:[,?]|$))")
_FEW = frozenset({"small", "smaller", "little", "tiny"})


def _by_its_word(index: Index, question: Question, record: Row) -> Question:
    """ "VL2 家族里中间那个 Small 版本", "the Lite version of V2": the one variant whose name adds
    the word the question says a version by (Small of DeepSeek-VL2-Small) is the one asked about;
    the same word in another name is not ("SWE-Bench Lite")."""
    own = set(normalize(str(record["name"]["en"])).replace("-", " ").split())
    words = {m.group(1) for m in _VERSION_WORD.finditer(question.rest)}
    chosen = []
    for member in index.records("model"):
        if member.get("variant_of") != record["id"]:
            continue
        added = set(normalize(str(member["name"]["en"])).replace("-", " ").split()) - own
        said = [w for w in added if w in words and not any(c.isdigit() for c in w)]
        if said:
            chosen.append((member, said))
    if len(chosen) != 1:
        return question
    member, said = chosen[0]
    rest = " ".join(w for w in question.rest.split() if w not in said)
    return question._replace(rest=rest, subject=("model", member))


# A word that says which version: "small 版本", "lite version", "the pro variant".
_VERSION_WORD = re.compile(r"\b([a-z]+)\s*(?:版本|版|(?:version|variant|model)\b)")


def _family(index: Index, record: Row, rest: str) -> tuple[list[Row], list[str]]:
    """The model and its variants; of those, the ones whose names hold a word of the question
    ("distill", 蒸馏), when some do, and those words."""
    members = [record, *(m for m in index.records("model") if m.get("variant_of") == record["id"])]
    names = {m["id"]: normalize(str(m["name"]["en"])) for m in members}
    words = [w for w in content(rest) if any(_in_name(w, n) for n in names.values())]
    named = [m for m in members if any(_in_name(w, names[m["id"]]) for w in words)]
    return (named, words) if named else (members, [])


def _in_name(word: str, name: str) -> bool:
    return any(alike_word in name for alike_word in alike(word))


def _size(model: Row) -> float | None:
    """Its total parameters, in billions, where they are stated as one figure."""
    spec = (model.get("specs") or {}).get("total_params") or {}
    value = spec.get("value") if isinstance(spec, dict) else None
    if isinstance(value, dict) and value.get("unit") == Unit.b_params:
        return float(value["value"])
    return None
