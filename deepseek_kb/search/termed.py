"""A term asked for by what it is: "MoE 里每个 token 都一定会经过的那类 experts 叫什么" asks
the name of shared experts, "what is the trick of copying the busiest experts to even out
inference load called" the name of redundant experts.

The question asks a name (called, the name for, what do you call, 叫什么) and says what the
thing is instead of naming it. Each term among the best hits that the question does not name
(MoE, named as the place, is not what is asked for) is weighed by how much of the question's
words its definition says; the one that says most of them, clearly more than any other, is
the answer, by its name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from deepseek_kb.analysis.text import initials, normalize
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import called
from deepseek_kb.search.answered import Answer, NotStated, answer_from
from deepseek_kb.search.leftover import content, covered
from deepseek_kb.search.named import Hit, has

# The words that ask what a thing is called.
NAME_ASKED = re.compile(
    r"\b(?:called|known as|termed)\b|\bwhat(?:'s| is)? (?:the )?(?:name|term) (?:for|of)\b"
    r"|^(?:the )?name of\b"
    r"|\bwhat (?:do|did|does) (?:you|we|they|people|deepseek) call\b"
    r"|叫什么|叫做什么|叫作什么|称为什么|称作什么|什么名字|怎么称呼|叫法"
)
# A value that may be a term's initials: MLA, MHA.
INITIALS = re.compile(r"[A-Z][A-Z0-9]{1,5}")
# Words that say how many of something a definition speaks of.
_HOW_MANY = ("every", "each", "always", "only", "all")
# How many of the best hits are weighed.
HITS = 5
# The share of the question's words the definition must say, and by how many words more than
# the next term's.
SHARE = 0.6
MARGIN = 1


def termed_answer(index: Index, query: str, hits: Sequence[Hit]) -> Answer | None:
    """The one term whose definition says what the question describes, when it asks a name:
    of the best hits, and of the best terms alone (the name of the model the trick is from,
    V3, ranks V3's records above any term)."""
    from deepseek_kb.search.rank import search

    norm = normalize(query)
    if NAME_ASKED.search(norm) is None:
        return None
    words = content(NAME_ASKED.sub(" ", norm))
    if len(words) < 3:
        return None
    # How many a definition speaks of tells two terms apart (experts every token is routed to,
    # and those each token is sent only a few of): those words count here.
    words += [w for w in _HOW_MANY if has(norm, w)]
    alone = search(index, query, frozenset({"term"}), HITS)
    terms = list(
        {h.record["id"]: h.record for h in [*hits[:HITS], *alone] if h.type == "term"}.values()
    )
    weighed = sorted(
        ((_said(words, term), term) for term in terms if not _named(norm, term)),
        key=lambda pair: -pair[0],
    )
    if not weighed:
        return None
    best, term = weighed[0]
    runner_up = weighed[1][0] if len(weighed) > 1 else 0
    if best < SHARE * len(words) or best - runner_up < MARGIN:
        return None
    found = called("term", term)
    return answer_from(found, [found], term)


def _said(words: list[str], term: Row) -> int:
    """How many of the words the term's definition says (or a word that stands for one)."""
    definition = normalize(" ".join(dict(term.get("definition") or {}).values()))
    return sum(covered([word], [definition], strict=True) for word in words)


def _named(norm: str, term: Row) -> bool:
    """Whether the question names the term, by its name or an alias of one word (MoE, SFT); an
    alias that describes it ("RL only") may be how the question says what it asks for."""
    names = [*dict(term["name"]).values(), *(a for a in term.get("aliases", []) if " " not in a)]
    return any(has(norm, normalize(str(name))) for name in names)


def spelled_out(index: Index, found: Answer | NotStated | None) -> Answer | NotStated | None:
    """An answer whose value is a term's initials (V2's attention, MLA), with the term's name
    beside it: Multi-head Latent Attention is what a reader may not know MLA stands for."""
    if not isinstance(found, Answer) or not isinstance(found.value, str):
        return found
    if INITIALS.fullmatch(found.value) is None:
        return found
    for name in index.names("term"):
        term = index.get(name.id) if name.name == found.value else None
        if term is not None and found.value.casefold() in initials(str(term.row["name"]["en"])):
            return found._replace(stands_for=term.row["name"])
    return found
