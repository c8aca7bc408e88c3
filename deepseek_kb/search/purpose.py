"""Why a question is asked, said before it ("fact-checking a newsletter:", "做行业研报要用：",
"I'm profiling DeepSeek for an investor memo."): a clause of context, not words its answer must
account for. Only a first clause that starts or ends the way a purpose does, and is followed by
the question, is set aside."""

from __future__ import annotations

import re

_PURPOSE = re.compile(
    r"^\s*(?:(?:for|fact[- ]?checking|checking|double[- ]checking|quick check|sanity check|"
    r"writing|i'm|im|i am)\b[^:：.。?？]{0,80}"
    r"|(?:我在|我正在|帮我|给|为了|写|做)[^:：.。?？]{0,30}"
    r"|[^:：.。?？]{0,30}要用)"
    r"\s*[:：.。]\s*(?=\S)"
)


def purpose_out(rest: str) -> str:
    """The question without the clause that says why it is asked."""
    return _PURPOSE.sub(" ", rest, count=1)
