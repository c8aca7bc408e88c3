"""A question that offers a choice, "FP8 还是 BF16", "is V3 MoE or dense": its two
alternatives, each asked alone, and whether a value or an answer says one of them. The answer
to a choice says which; one that says neither is no answer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.search.answerables import Candidate, candidates, kind_of
from deepseek_kb.search.answered import Answer
from deepseek_kb.search.leftover import STOP
from deepseek_kb.search.named import Hit, has
from deepseek_kb.search.question import Question
from deepseek_kb.search.said import said_by
from deepseek_kb.search.weighed import held

# The words that offer a choice, and the Chinese characters beside them that are its alternatives.
_OR = re.compile(r"(还是|或者|或是|(?<![a-z])or(?![a-z]))")


# The alternatives that name none ("or something else", "还是别的"): the question asks what it is.
_OPEN = frozenset({"else", "other", "others", "lower", "higher", "别的", "其他", "其它"})

# A Latin word beside the "or", though Chinese is typed against it ("67b用的gqa还是mha").
_LATIN_LAST = re.compile(r"[a-z0-9][a-z0-9.+-]*$")
_LATIN_FIRST = re.compile(r"^[a-z0-9][a-z0-9.+-]*")


@cache
def _han_beside(last: bool) -> re.Pattern[str]:
    # Compiled only for a question that offers a choice: a class of 20,000 Han code points
    # takes most of a millisecond to compile.
    return re.compile(r"[\u4e00-\u9fff]{1,2}$" if last else r"^[\u4e00-\u9fff]{1,2}")


def either(question: Question) -> list[tuple[str, Question]]:
    """Each of two alternatives, with the question asked of it alone ("fp8 还是 bf16": fp8,
    then bf16); the question itself when it offers no choice."""
    found = _OR.search(question.rest)
    first = _choice(question.rest[: found.start()], last=True) if found else None
    second = _choice(question.rest[found.end() :], last=False) if found else None
    if found is None or first is None or second is None:
        return [("", question)]
    before, after = question.rest[: found.start()], question.rest[found.end() :]
    if second.strip("?？") in _OPEN:  # "fp16 or something else": what it is, whichever
        rest = before[::-1].replace(first[::-1], " ", 1)[::-1] + after.replace(second, " ", 1)
        return [("", question._replace(rest=" ".join(rest.split())))]
    keep_first = before + after.replace(second, " ", 1)
    keep_second = before[::-1].replace(first[::-1], " ", 1)[::-1] + after
    return [
        (word, question._replace(rest=" ".join(rest.split())))
        for word, rest in ((first, keep_first), (second, keep_second))
    ]


def _choice(text: str, last: bool) -> str | None:
    """The alternative beside the "or": the Chinese characters or the word that says something
    ("a moe or a dense model": moe, dense)."""
    text = text.strip()
    han = _han_beside(last).search(text)
    if han:
        return han.group()
    latin = (_LATIN_LAST if last else _LATIN_FIRST).search(text)  # "用的gqa": gqa
    if latin and latin.group() not in STOP:
        return latin.group()
    words = [w for w in text.split() if w not in STOP]
    return (words[-1] if last else words[0]) if words else None


def stating(
    index: Index, question: Question, hits: Sequence[Hit], words: list[str]
) -> list[Candidate]:
    """The thing's own specifications whose value says one of the words; an organisation's
    kind too ("a company or a compute cluster")."""
    if question.subject is None:
        return []
    kind, record = question.subject
    specs = [c for c in candidates(index, kind, record, hits) if c.field.startswith("specs.")]
    what = kind_of(record) if kind == "organization" else None
    specs += [what] if what else []
    said = [(c, normalize(" ".join(said_by(c)))) for c in specs]
    return [c for c, text in said if any(has(text, word) for word in words)]


def says(found: Answer, word: str) -> bool:
    """Whether the answer says the word (its value, its label, in either language), or a form
    of it ("profitable": "makes a profit")."""
    said = normalize(" ".join((found.text("zh"), found.text("en"), found.line("en"))))
    return has(said, word) or (word.isascii() and held(word, said))
