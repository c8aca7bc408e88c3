"""What a question says it does not ask: "the real margin, not the theoretical one", "而不是理论值",
"不要那个理论值", or a word whose opposite the answer's label says ("actual daily revenue" is
not the theoretical one), unless it asks whether that is so. Such an answer is no answer. What
it sets aside ("besides routed experts", "除了下一个 token") is no word it asks."""

from __future__ import annotations

import re

from deepseek_kb.analysis.text import normalize
from deepseek_kb.search.answered import Answer, NotStated
from deepseek_kb.search.leftover import STOP, content, covered
from deepseek_kb.search.named import has
from deepseek_kb.search.question import Question, yes_no

_NOT = re.compile(
    r"\b(?:not(?: the| a| an)?|rather than|instead of)\s+([a-z0-9.]+)"
    r"|(?:而不是|并非|不要那个|不要那些)\s*(\S{2})"
)
# "besides routed experts, …", "除了 routed experts 还有…": what the question sets aside up to
# the words that ask on (还, 之外, 以外, a comma, a question word).
_BESIDES = re.compile(
    r"\b(?:besides|apart from|aside from|other than|except for|except)\s+([^,?，？]+?)"
    r"(?=\s*(?:[,，?？]|$|\b(?:what|which|how|who|when|where|is|are|does|do)\b))"
    r"|除了(.+?)(?=之外|以外|外|还|也|[,，])"
)


def besides_out(rest: str) -> str:
    """The question without what it sets aside: "DeepSeekMoE 除了 routed experts 还有哪种专家"
    asks for the other experts, not the routed ones."""
    return " ".join(_BESIDES.sub(" ", rest).split())


# Words that say the opposite of each other, in both languages: what happened and what would have.
_OPPOSED = (("actual", "real", "实际", "真实"), ("theoretical", "theoretically", "理论"))


def said_not(question: Question, found: Answer | NotStated | None) -> bool:
    """Whether the answer is what the question says it does not ask for: its label or value
    holds a word the question negates, or the opposite of a word the question says."""
    if not isinstance(found, Answer):
        return False
    if _negated(question, found) or _set_aside(question, found):
        return True
    # "Is 545% the real margin?": the one labelled theoretical settles it.
    return not yes_no(question) and _opposite(question, found)


def _negated(question: Question, found: Answer) -> bool:
    """Whether the answer's label or value holds a word the question negates."""
    negated = [a or b for a, b in _NOT.findall(question.norm)]
    said = [found.text("zh"), found.text("en"), *map(str, (found.label or {}).values())]
    # The answer says it is not that too ("what it lacks is not capital"): it agrees.
    agreed = {a or b for text in said for a, b in _NOT.findall(normalize(text))}
    negated = [word for word in negated if word not in agreed]
    return any(word and word not in STOP and covered([word], said, strict=True) for word in negated)


def _set_aside(question: Question, found: Answer) -> bool:
    """Whether what the answer is (its field, its label, its value) is what the question sets
    aside: "besides routed experts, what other experts" is not answered by the routed experts,
    nor "V3 除了 FP8 还用了什么精度" by FP8."""
    labels = [found.asking.zh, found.asking.en, *map(str, (found.label or {}).values())]
    value = content(normalize(found.text("en")))
    for besides in _BESIDES.finditer(question.norm):
        aside = besides.group(1) or besides.group(2)
        words = content(aside)
        if words and covered(words, labels, strict=True):
            return True
        if value and covered(value, [aside], strict=True):
            return True  # "V3 除了 FP8 还用了什么精度": FP8 is set aside
    return False


def _opposite(question: Question, found: Answer) -> bool:
    """Whether the question says one side of an opposition (actual, theoretical) and the
    answer's label says the other."""
    label = " ".join(str(text).casefold() for text in (found.label or {}).values())
    asked = [any(has(question.norm, word) for word in side) for side in _OPPOSED]
    labelled = [any(has(label, word) for word in side) for side in _OPPOSED]
    return asked[0] != asked[1] and labelled[asked[0]]  # one side asked, the other labelled
