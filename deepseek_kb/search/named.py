"""Which thing a question names: a model, project, term, person, organisation or topic, by its
names and aliases (whole words; a hyphen typed as a space; a name typed apart around the
question's other words; a size one model alone has), a person by a name word no one else has,
or a close spelling among the hits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Protocol

from deepseek_kb.analysis.text import longest_first, normalize
from deepseek_kb.index.store import Found, Index, Name
from deepseek_kb.kinds import Unit
from deepseek_kb.rows import Row
from deepseek_kb.search.alike import alike


class Hit(Protocol):
    """What the reader needs of a search hit (search.rank.Hit): its kind, field, score, record."""

    @property
    def type(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def record(self) -> Row: ...


# Things a question may name, most specific first: a model before the company in "DeepSeek V3".
SUBJECT_KINDS = ("model", "project", "term", "person", "organization", "topic")
# A close spelling of a name (Karpaty, deepsek v3) is taken when its hit scores this much.
FUZZY_NAME = 85.0
# … and this much when the question holds a word the sources never use, the typo.
TYPO_NAME = 72.0


def named_in(index: Index, norm: str) -> list[tuple[str, str, str]]:
    """Every name or alias found in the query as whole words, most specific kind first and
    longest first: (normalised name, record id, kind)."""
    found: list[tuple[str, str, str]] = []
    for kind in SUBJECT_KINDS:
        found.extend(_named_of_kind(index, norm, kind))
        if kind == "person":
            found.extend(_misspelt_names(norm, index.names_in(kind, norm)))
        if kind == "model" and not found:
            found.extend((size, i, kind) for size, i in _sizes(index).items() if has(norm, size))
    rank = {kind: n for n, kind in enumerate(SUBJECT_KINDS)}
    # The longest name decides among the kinds it contains: "deepseek v3" over "deepseek".
    found.sort(key=lambda f: (-len(f[0]), rank[f[2]]))
    kept: list[tuple[str, str, str]] = []
    for item in found:
        if not any(item[0] in longer[0] and item[1] != longer[1] for longer in kept):
            kept.append(item)
    kept.sort(key=lambda f: (rank[f[2]], -len(f[0])))
    return kept


# What a thing is set against: "compared with DeepSeek 67B", "than V2", "与 67B 相比", "比 V2".
_AGAINST = r"(?:compared (?:with|to)|than|vs\.?|versus|相比|比起|对比|比)"
_AGAINST_BEFORE = re.compile(_AGAINST + r"\s*$")
_AGAINST_AFTER = re.compile(r"^\s*(?:相比|相较|对比|比)")
_AGAINST_AROUND = re.compile(r"(?:与|和|跟|同)\s*$")


def compared_last(norm: str, named: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The names found, a thing the question sets another of its kind against put after it:
    "how much did V2 shrink the KV cache compared with DeepSeek 67B" asks of V2."""
    if len(named) < 2:
        return named
    first = named[0]
    if not _against(norm, first[0]):
        return named
    others = [n for n in named[1:] if n[2] == first[2] and n[1] != first[1]]
    # Of its names, one typed whole ("v2", not "deepseek v2" typed apart around "67b").
    asked = sorted(
        (n for n in others if not _against(norm, n[0])),
        key=lambda n: (n[0] not in norm, -len(n[0])),
    )
    if not asked:
        return named
    return [asked[0]] + [n for n in named if n != asked[0]]


def against_ids(norm: str, named: Sequence[tuple[str, str, str]]) -> frozenset[str]:
    """The ids of the things the question names only as what its subject is set against."""
    return frozenset(i for name, i, _ in named if _against(norm, name))


def without_against(rest: str, named: Sequence[tuple[str, str, str]]) -> str:
    """The question without what its subject is set against ("compared with DeepSeek 67B",
    "与 67B 相比"): the comparison is how the sources state the figure, not a word to explain. A
    topic is no thing set against: "比训练成本省了多少" asks the training cost saved."""
    for name, _, kind in named:
        if kind != "topic" and _against(rest, name):
            name_re = re.escape(name)
            rest = re.sub(rf"{_AGAINST}\s*(?:the )?{name_re}", " ", rest)
            rest = re.sub(rf"(?:与|和|跟|同)\s*{name_re}\s*(?:相比|相较|比)", " ", rest)
    return " ".join(rest.split())


def _against(norm: str, name: str) -> bool:
    """Whether the question names this thing only as what another is set against."""
    at = norm.find(name)
    if at == -1:
        return False
    before, after = norm[max(at - 16, 0) : at], norm[at + len(name) : at + len(name) + 6]
    return bool(
        _AGAINST_BEFORE.search(before)
        or (_AGAINST_AFTER.search(after) and _AGAINST_AROUND.search(before))
    )


def _named_of_kind(index: Index, norm: str, kind: str) -> Iterable[tuple[str, str, str]]:
    """The names of one kind of thing in the query, whole or typed apart."""
    # A name is in the query, whole or apart, only if its first word is: SQLite reads only
    # those (`analysis.text.name_head`, kept beside each name; at 100,000 records most are not).
    entries = [(normalize(e.name), e.id) for e in index.names_in(kind, norm)]
    if kind == "person":
        # A person by one word of their English name ("Liang", "Karpathy") when no one else
        # has it: the build keeps those words.
        entries += index.family_words()
    whole: set[str] = set()
    apart: list[tuple[str, str, str]] = []
    for name, record_id in entries:
        spaced = name.replace("-", " ")
        # Found whole or apart, a name's first word is in the query: the thousands of family
        # words of a large KB are passed over by one substring test each.
        first = spaced.replace("·", " ").split(maxsplit=1)
        if first and first[0] not in norm:
            continue
        # "fire flyer 2" names Fire-Flyer 2: a hyphen in a name may be typed as a space or left
        # out (fireflyer 2), a space as a hyphen (coder-v2), and the dot of a name in Chinese
        # (西蒙·威利森) left out.
        forms = [name, spaced, name.replace("-", ""), name.replace(" ", "-"), name.replace("·", "")]
        if kind == "person" and name.isascii():
            forms.append(f"{name}s")  # a possessive typed without its apostrophe: wenfengs dad
        for form in dict.fromkeys(forms):
            if len(form) >= 2 and has(norm, form, also_joins=".-"):
                whole.add(record_id)
                yield form, record_id, kind
            elif _apart(norm, form):
                apart.append((form, record_id, kind))
    # A model's checkpoint name typed apart names a model none of whose names is typed whole:
    # "the base model of DeepSeek Coder V2" is no "DeepSeek-Coder-V2-Base" typed apart.
    yield from (found for found in apart if kind != "model" or found[1] not in whole)


def close_name(hits: Sequence[Hit], typo: bool = False) -> tuple[str, Row] | None:
    """A thing named with a typo: the first hit, when it is a thing and matched on its name
    closely enough; less closely when the question holds a word the sources never use, the
    typo ("tilekernal license": its other words weigh the name's match down)."""
    for hit in hits[:1]:
        named = hit.field.startswith(("name", "aliases"))
        close = hit.score >= (TYPO_NAME if typo else FUZZY_NAME)
        if hit.type in SUBJECT_KINDS and named and close:
            return hit.type, hit.record
    return None


def without(norm: str, name: str) -> str:
    if name in norm:
        return " ".join(norm.replace(name, " ").split())
    words = set(name.split())  # a name typed apart: "janus pro hidden size 1b"
    return " ".join(w for w in norm.split() if w not in words)


# Characters that count: a name one of them sets apart (萤火二号, 萤火三号) is no typo.
_NUMERALS = frozenset("零一二两三四五六七八九十百千万亿")


def _misspelt_names(norm: str, entries: list[Name]) -> Iterator[tuple[str, str, str]]:
    """The people named by a Chinese name typed with one character wrong (and no one's name)."""
    names = {entry.name for entry in entries}
    for entry in entries:
        typed = _misspelt(norm, entry.name)
        if typed and typed not in names:
            yield typed, entry.id, entry.kind


def _misspelt(norm: str, name: str) -> str:
    """A Chinese name of three characters or more typed with one of them after the first
    wrong, as a sound-alike often is (梁文峰 for 梁文锋, 罗福丽 for 罗福莉): what was typed."""
    if len(name) < 3 or not all(_is_han(c) for c in name):
        return ""
    start = norm.find(name[0])
    while start != -1:
        typed = norm[start : start + len(name)]
        if len(typed) == len(name) and _one_wrong(typed, name):
            return typed
        start = norm.find(name[0], start + 1)
    return ""


def _one_wrong(typed: str, name: str) -> bool:
    """Whether one Chinese character alone differs, and neither is a numeral."""
    wrong = [(a, b) for a, b in zip(typed, name, strict=True) if a != b]
    return len(wrong) == 1 and _is_han(wrong[0][0]) and not _NUMERALS.intersection(wrong[0])


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _apart(norm: str, form: str) -> bool:
    """A name of several words typed apart, every word whole (janus pro … 1b), one of them a
    size or version that no shorter name holds."""
    words = form.split()
    if len(words) < 2 or not any(w[:1].isdigit() or w[1:2].isdigit() for w in words):
        return False
    return all(has(norm, w, also_joins=".-") for w in words)


@cache
def _sizes_cached(names: tuple[tuple[str, str], ...]) -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for name, record_id in names:
        if name.isascii() and not any(c.isdigit() for c in name):
            continue  # no digit, no size: most names of a large KB are passed over unread
        for word in normalize(name).replace("-", " ").split():
            if _SIZE.fullmatch(word):
                owners.setdefault(word, set()).add(record_id)
    return {size: next(iter(ids)) for size, ids in owners.items() if len(ids) == 1}


def _sizes(index: Index) -> dict[str, str]:
    """A model size that one model alone has in its names names it: 67b is DeepSeek LLM 67B."""
    return _sizes_cached(tuple((e.name, e.id) for e in index.names("model")))


_SIZE = re.compile(r"\d+(?:\.\d+)?b")
SIZE_IN = re.compile(r"(?<![a-z0-9.])\d+(?:\.\d+)?b(?![a-z0-9])")


def without_names(rest: str, record: Row) -> str:
    """What is left of the words once every word of the thing's names (and the words that stand
    for them: 蒸馏 for distill, 千问 for Qwen) and its size is taken out."""
    words = name_words(record)
    forms = longest_first({a for w in words for a in alike(w) if len(a) >= 2})
    rest = SIZE_IN.sub(" ", rest)
    for form in forms:
        rest = rest.replace(form, " ") if not form.isascii() else _without_word(rest, form)
    return " ".join(rest.split())


def _without_word(rest: str, word: str) -> str:
    return " ".join(w for w in rest.split() if w != word)


def sized_variant(index: Index, norm: str, record: Row) -> Found | None:
    """The one variant of a model that a size the question names belongs to, when the model's
    own names lack it: "r1 蒸馏的 32b 千问版" is DeepSeek-R1-Distill-Qwen-32B, not R1; "the 16B
    V2" is DeepSeek-V2-Lite, whose total parameters are 16B."""
    own = name_words(record)
    sizes = {m.group() for m in SIZE_IN.finditer(norm)} - own
    if not sizes:
        return None
    variants = [
        f
        for f in index.mentions(record["id"])
        if f.kind == "model" and f.row.get("variant_of") == record["id"]
    ]
    sized = [f for f in variants if sizes & (name_words(f.row) | _size_of(f.row))]
    return sized[0] if len(sized) == 1 else None


# What a size says of the one variant that has it: "the small 16B sibling of V2".
_SIZED = frozenset(("smaller", "small", "little", "tiny", "sibling", "小号"))


def size_said(rest: str) -> str:
    """The words without the size of the variant asked and what a size says of it."""
    return " ".join(w for w in SIZE_IN.sub(" ", rest).split() if w not in _SIZED)


def own_size_out(rest: str, record: Row) -> str:
    """The words without a size the thing's own name holds, said apart from the rest of its name
    ("deepseek llm 那个 67b"): the thing named, not a word asked."""
    name = " ".join(map(str, dict(record.get("name") or {}).values()))
    own = set(normalize(name).replace("-", " ").split())  # not an alias: "V3 671B" is a size
    return " ".join(w for w in rest.split() if not (SIZE_IN.fullmatch(w) and w in own))


def _size_of(model: Row) -> set[str]:
    """The size its total parameters state (16b of DeepSeek-V2-Lite), as a name would."""
    total = model.get("specs", {}).get("total_params", {}).get("value")
    if not isinstance(total, dict) or total.get("unit") != Unit.b_params:
        return set()
    return {f"{total['value']:g}b"}


def name_words(record: Row) -> set[str]:
    """The words of the thing's names, a hyphen read as a space."""
    return {w for n in names_of(record) for w in normalize(str(n)).replace("-", " ").split()}


def without_close(norm: str, record: Row) -> str:
    """The query without the words that spelled the thing's name closely."""
    names = [normalize(str(n)) for n in names_of(record)]
    tokens = set(" ".join(names).split())
    kept = [w for w in norm.split() if w not in tokens and not _near_any(w, tokens)]
    rest = " ".join(kept)
    # Part of a Chinese name typed alone (梁文, 威利森) is the name, not a word asked about it.
    for name in longest_first(n for n in names if not n.isascii()):
        rest = rest.replace(name, " ")
    parts = [w for w in rest.split() if w.isascii() or len(w) < 2 or not any(w in n for n in names)]
    return " ".join(parts)


def names_out(rest: str, records: Iterable[Row]) -> str:
    """The words once every name and alias of the records is taken out of them, the longest
    first (DeepSeek-V3 before V3); a one-letter name is no name to take out."""
    names = longest_first({normalize(n) for r in records for n in names_of(r)})
    for name in names:
        rest = rest.replace(name, " ") if len(name) >= 2 else rest
    return " ".join(rest.split())


def names_of(record: Row) -> Iterable[str]:
    name = record.get("name")
    if isinstance(name, dict):
        yield from (str(name["zh"]), str(name["en"]))
    yield from record.get("aliases", [])


def _near_any(word: str, tokens: set[str]) -> bool:
    """A word one letter off a name's word (karpaty ~ karpathy)."""
    if len(word) < 4:
        return False
    return any(abs(len(word) - len(t)) <= 2 and word[:3] == t[:3] for t in tokens)


def has(norm: str, word: str, also_joins: str = "") -> bool:
    """Whether `word` is in the query; a Latin word only as a whole word (`cost` is not in
    `costume`). Plain string search: a regular expression per word would cost more to compile
    than the whole lookup."""
    if not word:
        return False
    if not (word[0].isascii() and word[0].isalnum()):
        return word in norm
    start = norm.find(word)
    while start != -1:
        end = start + len(word)
        before = norm[start - 1] if start else " "
        after = norm[end : end + 2]
        if not _joins(before, also_joins) and not (
            after and (_joins(after[0], "") or (after[0] in also_joins and _joins(after[1:2], "")))
        ):
            return True
        start = norm.find(word, start + 1)
    return False


def _joins(char: str, extra: str) -> bool:
    """Whether a character continues a Latin word (a letter, a digit, or one of `extra`)."""
    return bool(char) and ((char.isascii() and char.isalnum()) or char in extra)


# A name that ends in its number (Fire-Flyer 2): its base and the number.
_NUMBERED = re.compile(r"(.*[^\d -])[ -]?(\d+)")


def numbered_unknown(index: Index, norm: str) -> bool:
    """Whether the question names a number of a numbered family that no member has: "Fire-Flyer
    3" beside Fire-Flyer 1 and 2 is a thing the KB holds no record of, not either of them."""
    spaced = norm.replace("-", " ")
    known: dict[str, set[str]] = {}
    for kind in SUBJECT_KINDS:
        for entry in index.names_in(kind, norm):
            numbered = _NUMBERED.fullmatch(normalize(entry.name).replace("-", " "))
            # A version (DeepEP V2) is read by `versions.later_version`: V1 is the thing.
            if numbered is not None and not numbered.group(1).endswith("v"):
                known.setdefault(numbered.group(1), set()).add(numbered.group(2))
    for base, numbers in known.items():
        typed = re.findall(rf"(?<![\w.]){re.escape(base)} ?(\d+)(?![\w.])", spaced)
        if any(number not in numbers for number in typed):
            return True
    return False
