"""A question asked after its context: "DeepSeek-Coder-V2 was not trained from scratch. What did
its training continue from?". When the whole finds no answer, its last sentence, when no other
asks, is asked alone, of the things the sentences before it name ("DeepSeek-Coder-V2 what did
its training continue from"): what the context says is no word the answer must hold. Only a
field asked answers so, not a passage or a figure found by the words left: without the context,
they may be another thing's (smallpond's throughput is 3FS's); nor "not stated".

A sentence ends at a full stop, a question or exclamation mark, a semicolon or a colon (not a
point inside a number or a version: v3.2, 1.5B).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.search.answered import Answer, NotStated
from deepseek_kb.search.named import Hit, has
from deepseek_kb.search.question import cues_of, read

Found = Answer | NotStated | None

# Where a sentence ends: Chinese marks, or Latin ones before a space.
_SENTENCE_END = re.compile(r"([。！？；：]|[.!?;:](?=\s))")


def in_context(
    index: Index, query: str, hits: Sequence[Hit], answer: Callable[[str], Found]
) -> Found:
    """The answer to the last sentence, when it alone asks, of the things the sentences before
    it name; none when the question is one sentence, or another sentence asks too (what that
    one asks may be what the last does not say: "幻方说的“千亿规模”是人民币还是美元？具体多少钱")."""
    said = _sentences(query)
    last = len(said) - 1
    asking = [at for at, (text, mark) in enumerate(said) if mark in ("?", "？") or _asks(text)]
    if last < 1 or asking != [last]:
        return None
    asked = said[last][0]
    names = _named(index, " ".join(text for text, _ in said[:last]), hits)
    if not names:
        return None  # a context that names nothing the KB holds may name what is asked (智谱)
    found = answer(" ".join([*(n for n in names if not has(normalize(asked), n)), asked]))
    if not isinstance(found, Answer) or found.asking.key in _LOOSE:
        return None  # words found in a passage or a figure's label, the context left out; or
        # "not stated" of a thing the context may only have named in passing (DeepSeek, in "a
        # draft says DeepSeek's o1-class reasoning model came out on …")
    return found


def _sentences(query: str) -> list[tuple[str, str]]:
    """The question's sentences, each with the mark that ends it ("" for the last, unmarked)."""
    pieces = _SENTENCE_END.split(query)  # a sentence, the mark that ends it, the next …
    marks = [*pieces[1::2], ""]
    said = [(text.strip(), mark) for text, mark in zip(pieces[::2], marks, strict=True)]
    return [(text, mark) for text, mark in said if text]


def _asks(sentence: str) -> bool:
    return bool(cues_of(normalize(sentence)))


def _named(index: Index, context: str, hits: Sequence[Hit]) -> list[str]:
    """The names of the things the context names, normalised: its subject and the others."""
    read_as = read(index, context, hits)
    rows = [read_as.subject[1]] if read_as.subject else []
    rows += [other.row for i in read_as.others if (other := index.get(i)) is not None]
    return [normalize(str(row["name"]["en"])) for row in rows]


# What answers by the words it holds, not by a field asked: the context's words, left out,
# may be what would have said that it does not answer (smallpond's throughput is 3FS's).
_LOOSE = frozenset({"passage", "figure", "said"})
