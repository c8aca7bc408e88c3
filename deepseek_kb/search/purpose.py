"""Why a question is asked, said before it ("fact-checking a newsletter:", "做行业研报要用：",
"I'm profiling DeepSeek for an investor memo.") or after it ("… ? need it for a cost sheet"),
and where its asker read of it ("according to its technical report", "据论文"): context,
not words its answer must account for. Only a first clause that starts or ends the way a
purpose does, and is followed by the question, or a last one after the question mark, is set
aside."""

from __future__ import annotations

import re

_PURPOSE = re.compile(
    r"^\s*(?:(?:for|fact[- ]?checking|checking|double[- ]checking|quick check|sanity check|"
    r"writing|i'm|im|i am)\b[^:：.。?？]{0,80}"
    r"|(?:我在|我正在|在|正在|帮我|给|为了|写|做)[^:：.。?？]{0,30}"
    r"|[^:：.。?？]{0,30}要用)"
    r"\s*[:：.。]\s*(?=\S)"
)
# "我在写 V3 的稿子，…": what the asker is writing, before a comma.
_WRITING = re.compile(r"^\s*(?:我在|我正在)写[^:：.。?？，,]{0,20}[，,]\s*(?=\S)")
# After the question: "need it for a cost sheet pls", "it's for a slide".
_AFTER = re.compile(r"(?<=[?？])\s*(?:need (?:it|this) for|it'?s for|for (?:my|a|an) )[^?？]*$")
# Where the asker read of it: an official source, whichever the answer cites. (The article is
# named by the answers it gives: "article" is among the words a value from it says.)
_READ_IN = re.compile(
    r",?\s*\b(?:according to|as per|per|going by|as stated in|as reported in)\s+(?:the|its|their)\s+"
    r"(?:deepseek\s+)?(?:technical report|tech report|paper|readme|model card)\b"
    r"|(?:按|据|根据)(?:论文|技术报告)(?:的说法|的数据|里|中|所说)?"
    # "what figure does the technical report give", "官方仓库对应的日子": the source asked of
    r"|\b(?:does|do|did)\s+(?:the|its|their)\s+(?:official\s+)?(?:technical report|tech report|"
    r"paper|readme|model card|source|sources|repo|repository)\s+(?:give|gives|say|state|list|show)\b"
    r"|官方(?:仓库|文件|论文|资料)(?:里|上|中)?(?:对应的|给的|写的|给出的)?"
)


# A clause set off by commas or dashes that says more of what the question names ("Jack Clark,
# who praised DeepSeek's hires — which AI company did he co-found"): it asks nothing.
_ASIDE = re.compile(r",\s*(?:who|whose|which)\b[^,—–;:?？]*[,—–;:]")


def purpose_out(rest: str) -> str:
    """The question without the clauses that say why it is asked and where its asker read of
    it, and those that say more of what it names."""
    rest = _AFTER.sub(" ", _WRITING.sub(" ", _PURPOSE.sub(" ", rest, count=1)))
    return _ASIDE.sub(" ", _READ_IN.sub(" ", rest))
