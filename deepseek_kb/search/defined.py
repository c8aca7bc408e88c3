"""A term named beside another thing, and nothing asked of it but what it is: its definition.
"what's MLA in DeepSeek-V2", "DualPipe 在 V3 里是什么", "wtf is MTP in v3".

The thing read first may be the model the term is used in; a field of that model the term's
name also words (V3's MTP, DeepSeekMoE 16B's shared experts) is not asked when the question
asks what it is in the registry's words for a thing's identity ("what is", "是啥"), and neither
how many nor when. Once the names are out, it must hold no word the sources use (an informal
"wtf" is none): anything more asks more than a definition.

How a thing does something ("V3 不加辅助损失怎么做负载均衡") is answered by the definition of the
method its value names (the auxiliary-loss-free strategy), when the KB defines it; how one term
acts on another ("how does MLA reduce the KV cache") by the definition of the one that acts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import candidates
from deepseek_kb.search.answered import Answer, NotStated, answer_from
from deepseek_kb.search.hanzi import unknown_words
from deepseek_kb.search.leftover import content, leftover
from deepseek_kb.search.named import Hit, has, names_of, names_out
from deepseek_kb.search.question import CLEAR, Question, best_asked
from deepseek_kb.search.said import record_text
from deepseek_kb.search.weighed import held


def definition_answer(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | None:
    """The definition of the one term named beside another thing, when nothing else is asked;
    or of the term named first, when the question asks how it acts on another term its record
    names (`_how_it_does`)."""
    how = _how_it_does(index, question, hits)
    if how is not None:
        return how
    if question.subject is None or question.subject[0] == "term" or question.others:
        return None
    if question.cues & {"quantity", "date", "name"}:
        return None
    terms = [i for kind, i, _ in question.also_named if kind == "term"]
    found = index.get(terms[0]) if len(terms) == 1 else None
    if found is None or not _what_is(question._replace(rest=names_out(question.rest, [found.row]))):
        return None
    if not _nothing_else(index, question.rest, found.row):
        return None
    defined = candidates(index, "term", found.row, hits)[0]
    return answer_from(defined, [defined], found.row)


def _nothing_else(index: Index, rest: str, term: Row) -> bool:
    """Whether the words left once the term's names and the words asking what it is are out
    hold no word the sources use but the term's own ("the redundant experts trick in V3
    inference": the definition speaks of inference): any other asks more than what it is."""
    said = leftover(names_out(rest, [term]))
    if not all(w.isascii() for w in said):
        return False
    own = normalize(record_text(term))
    unknown = unknown_words(index, set(said))
    return all(w in unknown or held(w, own) for w in said)


def _what_is(question: Question) -> bool:
    """Whether the question clearly asks what something is (the registry's words for a thing's
    identity: "what is", "是什么", "是啥"), and no other field as clearly ("whats r1 distill
    14b based on" asks its base model); a field's words alone ("激活参数") ask the field."""
    identity = best_asked(question.rest, question.cues, ("identity",))[1]
    asked, score = best_asked(question.rest, question.cues)
    return identity >= CLEAR and (asked == "identity" or score < identity)


# Words that ask how a thing is done ("怎么做负载均衡", "how does V3 balance its experts").
_HOW = re.compile(r"\bhow (?:does|do|did|is|are|was)\b|怎么做|怎样做|如何|靠什么|是怎么|怎么实现")


def how_it_works(
    index: Index, question: Question, found: Answer | NotStated | None
) -> Answer | NotStated | None:
    """ "V3 不加辅助损失怎么做负载均衡": the value names a method the KB defines (its load
    balancing is the auxiliary-loss-free strategy), so how it works is that method's definition;
    so is what more is asked of it ("具体给每个专家加了什么"), when the definition holds more of the
    question's words than the value, which only names it."""
    if not isinstance(found, Answer) or not isinstance(found.value, dict):
        return found
    how = _HOW.search(question.norm) is not None
    if not how and found.asking.key == "passage":
        return found  # a passage says what it says, not only a method's name
    said = [normalize(str(found.value.get(lang, ""))) for lang in ("zh", "en")]
    term = _method(index, said, whole=how)
    if term is None or not (how or _told_more(question, said, term)):
        return found
    defined = candidates(index, "term", term, ())[0]
    return answer_from(defined, [defined], term)


def _method(index: Index, said: list[str], whole: bool) -> Row | None:
    """The one term the value names: the whole value when `whole`, else any part of it."""
    terms = {
        n.id
        for n in index.names("term")
        if normalize(n.name) in said or (not whole and any(has(s, normalize(n.name)) for s in said))
    }
    found = index.get(terms.pop()) if len(terms) == 1 else None
    return found.row if found is not None else None


def _told_more(question: Question, said: list[str], term: Row) -> bool:
    """Whether the term's texts hold more of the question's words than the value naming it."""
    words = content(question.rest)
    own = normalize(record_text(term))
    return sum(held(w, own) for w in words) > sum(held(w, " ".join(said)) for w in words)


def _how_it_does(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | None:
    """ "how does MLA reduce the KV cache", "MLA 是靠什么办法把 KV cache 压下来的": of two terms named,
    the one named first acts on the other, which its record names or relates to it; its
    definition tells how. "how does MLA make inference cheaper": of one term named, its
    definition, when that speaks of half the words asked at least. Not when things are
    compared, or a count or date is asked."""
    if not _HOW.search(question.norm) or question.cues & {"quantity", "date", "name"}:
        return None
    if question.against or question.subject is None or question.subject[0] != "term":
        return None
    if _COMPARED.search(question.norm):
        return None  # "how does MLA compare with MHA" sets them side by side
    ids = [*question.others, *(i for _, i, _ in question.also_named)]
    term = question.subject[1]
    first = _acting_on(index, question, term, ids) if ids else _told_how(question, term)
    if first is None:
        return None
    defined = candidates(index, "term", first, hits)[0]
    return answer_from(defined, [defined], first)


def _acting_on(index: Index, question: Question, term: Row, ids: list[str]) -> Row | None:
    """Of two terms named (the one asked about and another), the one named first, when its
    record names the other or relates to it."""
    terms = [term, *(f.row for i in ids if (f := index.get(i)) and f.kind == "term")]
    if len(terms) != 2:
        return None
    first, other = sorted(terms, key=lambda row: _at(question.norm, row))
    said = normalize(record_text(first))
    named = any(has(said, normalize(n)) for n in names_of(other))
    return first if other["id"] in first.get("related", []) or named else None


def _told_how(question: Question, term: Row) -> Row | None:
    """The one term named, when its texts speak of half the other words asked at least."""
    words = leftover(question.rest)
    own = normalize(record_text(term))
    if not words or 2 * sum(held(w, own) for w in words) < len(words):
        return None
    return term


_COMPARED = re.compile(r"\bcompar|\bdiffer|\bvs\b|\bversus\b|区别|不同|相比|对比|比较")


def _at(norm: str, record: Row) -> int:
    """Where the question first names the thing (the end, when it does not)."""
    at = [norm.find(normalize(n)) for n in names_of(record)]
    return min((a for a in at if a >= 0), default=len(norm))
