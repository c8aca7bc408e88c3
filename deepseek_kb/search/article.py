"""The article the KB is built from, asked about as a thing of its own: "when was the article
published", "这篇文章是什么时候发的". Its date is the source's (2024-12-26), not that of an event
the words also touch (R1's release, which a search for "published" finds first)."""

from __future__ import annotations

import re

from deepseek_kb.index.store import Index
from deepseek_kb.search.answered import Answer
from deepseek_kb.search.question import Question, vocabulary

# The article as what a date is asked of: published, written or posted, in either language; not
# the article's account of something else ("the article's V3", 文章里 V3 是什么时候发布的).
_VERB = r"(?:published|written|posted|dated|released|put out|come out|came out|out)"
_ARTICLE_DATED = re.compile(
    rf"\b(?:the|this|that) article(?: was| is)? (?:first )?{_VERB}\b"
    r"|\b(?:was|is) (?:the|this|that) article\s*\??$"
    r"|(?:这篇)?文章(?:是)?(?:什么时候|哪天|哪一天|何时|几号)(?:发|写|发布|发表|出来)"
    r"|(?:什么时候|哪天|何时)(?:发|写|发布|发表)的?(?:这篇)?文章"
)


def article_answer(index: Index, question: Question) -> Answer | None:
    """The article's own date, when a date of the article itself is asked (in the question's
    words as spelt right: "articel")."""
    if "date" not in question.cues or not _ARTICLE_DATED.search(question.rest):
        return None
    found = index.get("article")
    if found is None:
        return None
    row = found.row
    return Answer("source", row, "date", vocabulary()["date"], row["date"], list(row["sources"]))
