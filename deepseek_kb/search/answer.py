"""Questions answered without a language model, or left unanswered on purpose.

`V3 training cost`, `R1 是什么许可证`, `how many GPUs does High-Flyer have`, `who is Luo Fuli`:
the thing asked about is read from the question (`question.py`); every value it holds, or that a
record about it holds, is a candidate (`answerables.py`); each candidate is scored by how clearly
the question's remaining words ask for its field (and repeat its label), and the best is the
answer, with its caveat and whatever else the sources state for the same thing.

A confident wrong answer is worse than none: when the field asked for is clear but the thing does
not hold it, the answer is that it is not stated; when nothing is clearly asked, there is no answer
and the hits speak for themselves.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from deepseek_kb.analysis.text import normalize
from deepseek_kb.asking import UNIT_WORDS
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import SPECS, Unit
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import (
    Candidate,
    candidates,
    event_candidate,
    figures_of,
    record_text,
    speaker_candidate,
)
from deepseek_kb.search.answered import Answer, NotStated, answer_from, same_value
from deepseek_kb.search.leftover import covered, leftover
from deepseek_kb.search.named import Hit, has
from deepseek_kb.search.passages import passage_answer
from deepseek_kb.search.question import (
    CLEAR,
    Asking,
    Question,
    asks,
    best_asked,
    cue_bonus,
    is_question,
    label_score,
    phrase_score,
    read,
    unasked,
    vocabulary,
)
from deepseek_kb.values import format_value

__all__ = ["Answer", "NotStated", "answer", "is_question"]

# What a question about no particular thing asks of the company.
COMPANY = "deepseek"
COMPANY_KEYS = frozenset({"headcount", "founder", "founded", "location", "gpu_count"})
# The fields each kind of thing can be asked for, so that a clear question about a field the
# thing lacks is answered "not stated".
_MODEL_KEYS = ("released", "identity", "figure")
APPLICABLE: dict[str, tuple[str, ...]] = {
    "project": ("released", "license_model", "identity", "date", "used_by"),
    "organization": (
        "founded",
        "location",
        "identity",
        "headcount",
        "gpu_count",
        "investment",
        "founder",
        "date",
        "api_price_input",
        "api_price_output",
    ),
    "person": ("identity", "education", "said", "date"),
    "term": ("identity",),
    "topic": ("date", "topic"),
}
# Fields asked in words too general to settle which value is meant (what is it, a figure, a
# date): the candidates' own labels decide among them.
_OPEN = frozenset({"identity", "figure", "date"})
# A field asked for that the thing lacks, answered by the one it states instead.
FALLBACK = {"license_model": "license_code", "license_code": "license_model"}


def answer(index: Index, query: str, hits: Sequence[Hit] = ()) -> Answer | NotStated | None:
    """The value a question asks for when the thing and the field are both clear; not stated
    when the thing lacks the field clearly asked; else the one passage that speaks of all it
    asks; else nothing."""
    question = read(index, query, hits)
    found = _held(index, question, hits)
    if found is None and not _field_asked(question):
        return passage_answer(index, question, hits)
    return found


def _field_asked(question: Question) -> bool:
    """Whether the question clearly asks for a field of its own (a price, a hidden size): a
    passage that merely mentions it does not answer."""
    keys: tuple[str, ...] = ()  # a topic is no thing: any field asked counts
    if question.subject is not None and question.subject[0] != "topic":
        keys = APPLICABLE.get(question.subject[0]) or (*_spec_keys(), *_MODEL_KEYS)
    asked, score = best_asked(question.rest, question.cues, keys)
    return score >= CLEAR and asked not in _OPEN and asked != "said"


def _held(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | NotStated | None:
    """A value the thing (or a record about it) holds in a field of its own."""
    if question.subject is not None and not asks(question.norm) and not leftover(question.rest):
        # A name alone asks nothing, the hits are the answer; but a term named is defined.
        kind, record = question.subject
        if kind != "term":
            return None
        defined = candidates(index, kind, record, hits)[0]
        return answer_from(defined, [defined], record)
    if question.subject is not None and not question.others:
        kind, record = question.subject
        found = _choose(index, question, kind, record, hits)
        for other_kind, other_id, name in question.also_named:
            if isinstance(found, Answer):
                break
            other = index.get(other_id)
            if other is not None:
                rest = " ".join(question.norm.replace(name, " ").split())
                asked = question._replace(rest=rest, subject=(other_kind, other.row))
                other_found = _choose(index, asked, other_kind, other.row, hits)
                if not (other_kind == "topic" and isinstance(other_found, NotStated)):
                    found = other_found or found  # a topic holds nothing to be not stated
        if found is not None and not (kind == "topic" and isinstance(found, NotStated)):
            return found
    if question.subject is None or question.subject[0] == "topic":
        return _unnamed(index, question, hits)
    return _found_by_words(index, question, hits)


def _choose(
    index: Index, question: Question, kind: str, record: Row, hits: Sequence[Hit]
) -> Answer | NotStated | None:
    """The best of the thing's candidates, or not stated, or nothing."""
    words = vocabulary()
    found = candidates(index, kind, record, hits)
    if kind == "person":
        found.extend(_quotes_by(index, question, record))
        if not found[-1:] or found[-1].key != "said":
            said = _quote_on(index, question, record)
            if said is not None:
                return said
    keys = APPLICABLE.get(kind) or (*_spec_keys(), *_MODEL_KEYS)
    asked, asked_score = best_asked(question.rest, question.cues, keys)
    anything, any_score = best_asked(question.rest, question.cues)
    if asked_score < CLEAR <= any_score and anything not in keys and anything not in _OPEN:
        if not leftover(question.rest):
            return NotStated(kind, record, words[anything])  # a GPU model asked of a cluster
        return None
    if _tied(question, keys, asked, asked_score):
        return None
    held = {c.key for c in found}
    if asked not in held and FALLBACK.get(asked) in held:
        # "OCR license": the code licence is the one stated, asked in the same words.
        stated = FALLBACK[asked]
        found = [c for c in found if c.key == stated]
        question = question._replace(rest=f"{question.rest} {words[stated].words[0]}")
        held, asked = {stated}, stated
    if asked_score >= CLEAR and asked not in _OPEN:
        # The field is clear: only its values answer, and none is "not stated".
        if asked not in held:
            # Not stated only when nothing else is asked: "when did High-Flyer set up its AI
            # company" is not about High-Flyer's own founding.
            return None if leftover(question.rest) else NotStated(kind, record, words[asked])
        # Its values, and the claims that repeat what else the question names (the R1 paper's
        # Nature volume is in a claim, not in the paper's id).
        extra = bool(leftover(question.rest))
        found = [c for c in found if c.key == asked or (extra and _claims_it(c, words[asked]))]
    scored = _scored(question, kind, found)
    best = max((s for s, _ in scored), default=0)
    if best < CLEAR:
        return None
    top = [c for s, c in scored if s == best]
    if not _kind_fits(question, words[top[0].key].expects):
        return None  # "which year did he graduate" is not answered by where he studied
    chosen = _agreed(top)
    if chosen is None:
        return None
    same = [c for _, c in scored if c.key == chosen.key]
    return answer_from(chosen, same, record)


def _quote_on(index: Index, question: Question, person: Row) -> Answer | None:
    """ "Karpathy on DeepSeek V3", "梁文锋 闭源 护城河": a person and some words, nothing else
    asked, is what they said about it, when one of their quotes accounts for the words."""
    keys = APPLICABLE["person"]
    if question.cues or best_asked(question.rest, question.cues, keys)[1] >= CLEAR:
        return None  # a question (which city, when) is not answered by a quote
    pieces = leftover(question.rest)
    if not pieces:
        return None
    quotes = _quotes_by(index, question, person, said_asked=False)
    if quotes and covered(pieces, [record_text(quotes[0].record)]):
        return answer_from(quotes[0], quotes, person)
    return None


def _quotes_by(
    index: Index, question: Question, person: Row, said_asked: bool = True
) -> list[Candidate]:
    """What the person said about what the question names: their best-matching quote."""
    from deepseek_kb.search.rank import search

    said = vocabulary()["said"]
    if said_asked and not any(has(question.rest, phrase) for phrase in said.words):
        return []
    rest = question.rest
    for phrase in sorted(said.words, key=len, reverse=True):
        if has(rest, phrase):
            rest = rest.replace(phrase, " ")
    rest = " ".join(w for w in rest.split() if w not in _FILLER)
    if not rest:
        return []
    for hit in search(index, rest, frozenset({"quote"}), None):
        if hit.record.get("speaker") == person["id"]:
            quote = hit.record
            return [Candidate("said", "quote", quote, "text", quote["text"], quote["sources"])]
    return []


# Words around "what did X say about Y" that name nothing.
_FILLER = frozenset(
    [
        "what",
        "did",
        "does",
        "do",
        "about",
        "on",
        "of",
        "the",
        "a",
        "an",
        "regarding",
        "关于",
        "对",
        "的",
        "了",
        "什么",
    ]
)


def _spec_keys() -> tuple[str, ...]:
    return tuple(spec.field for spec in SPECS)


def _scored(question: Question, kind: str, found: list[Candidate]) -> list[tuple[int, Candidate]]:
    """Each candidate with its score; the generic "what is it" only when nothing more specific
    is asked."""
    words = vocabulary()
    scored = []
    left = unasked(question.rest)
    pieces = leftover(question.rest)
    for candidate in found:
        if not covered(pieces, _said_by(candidate)):
            continue
        asking = words[candidate.key]
        said = phrase_score(question.rest, asking.words)
        labelled = label_score(left, candidate.label)
        if candidate.key == "figure":
            labelled //= 2  # a claim's figure never outranks the spec it restates
        score = said + labelled + (1 if said else 0)
        dated = asking.expects == "date" and "date" in question.cues
        own_date = dated and candidate.subject is None and candidate.key in ("released", "founded")
        if score == 0 and not (dated and kind in ("topic", "event")) and not own_date:
            continue
        if own_date and score == 0:
            score = CLEAR - 1  # "fire flyer 2 year": its one date, when nothing else is asked
        score += cue_bonus(asking.expects, question.cues)
        if candidate.subject is None:
            score += 1  # the thing's own value before another record's about it
        scored.append((score, candidate))
    specific = [pair for pair in scored if pair[1].key != "identity" and pair[0] >= CLEAR]
    return specific or scored


def _kind_fits(question: Question, expects: str) -> bool:
    """Whether the kind of value asked for (when, how many, who) is the kind the field holds;
    "what …" is not asked of a date."""
    wanted = question.cues & {"date", "quantity", "name"}
    if wanted:
        return expects in wanted or (expects == "text" and "name" in wanted)
    return not ("what" in question.cues and expects == "date")


def _claims_it(candidate: Candidate, asking: Asking) -> bool:
    """A claim that speaks of the field asked for (the R1 paper's claim names the paper)."""
    if not candidate.field.startswith("claims"):
        return False
    said = normalize(" ".join(_said_by(candidate)))
    return any(has(said, phrase) for phrase in asking.words)


def _tied(question: Question, keys: tuple[str, ...], asked: str, score: int) -> bool:
    """Two different fields asked for about as clearly (feed-forward architecture)."""
    if score < CLEAR or asked in _OPEN:
        return False
    others = tuple(k for k in keys if k != asked and k not in _OPEN)
    return bool(others) and best_asked(question.rest, question.cues, others)[1] > score - 3


def _said_by(candidate: Candidate) -> list[str]:
    """Everything a candidate says, in both languages: its label and its value."""
    texts = [format_value(candidate.value, "zh"), format_value(candidate.value, "en")]
    if isinstance(candidate.value, dict) and "unit" in candidate.value:
        texts.append(UNIT_WORDS.get(Unit(candidate.value["unit"]), ""))
    if candidate.kind == "event":
        texts.append(record_text(candidate.record))
    if candidate.label:
        texts += [str(candidate.label["zh"]), str(candidate.label["en"])]
    return texts


def _agreed(top: list[Candidate]) -> Candidate | None:
    """Of equally good candidates, the value most of them state (the earliest date when they
    are dates), and of those the one stated first by a record mainly about the thing; none when
    different fields tie."""
    if len({c.key for c in top}) > 1:
        return None
    if isinstance(top[0].value, str) and top[0].key in ("date", "founded", "released"):
        return min(top, key=lambda c: str(c.value))
    counts = Counter(same_value(c.value) for c in top)
    most = max(counts.values())
    group = [c for c in top if counts[same_value(c.value)] == most]
    return min(group, key=_precedence)


def _precedence(candidate: Candidate) -> tuple[bool, bool]:
    """A record mainly about the thing before one that mentions it; its first figure first."""
    about = candidate.record.get("about") or [None]
    mainly = candidate.subject is None or about[0] == candidate.subject["id"]
    return (not mainly, not candidate.field.endswith("[0]"))


def _unnamed(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | NotStated | None:
    """A question that names no thing: the one model stating a spec (only V3 states a training
    cost), the company for its head count or founder, else what the words found."""
    question = question._replace(rest=question.norm)
    asked, score = best_asked(question.norm, question.cues)
    if score >= CLEAR and asked in _spec_keys():
        holders = index.query(
            "SELECT json FROM records WHERE type = 'model' AND json LIKE ?",
            (f'%"{asked}":{{"value"%',),
        )
        if len(holders) == 1:
            model = json.loads(holders[0][0])
            return _choose(index, question, "model", model, hits)
    company = index.get(COMPANY)
    if score >= CLEAR and asked in COMPANY_KEYS and company is not None:
        return _choose(index, question, company.kind, company.row, hits)
    return _found_by_words(index, question, hits)


def _found_by_words(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | None:
    """No thing named, or nothing it holds answers: the first hits (a quote, an event, a fact)
    whose whole text accounts for the question's words answer who said it, when it was, what it
    was, or its figure."""
    pieces = leftover(question.rest)
    asked, _ = best_asked(question.rest, question.cues)
    for hit in hits[:5]:
        if hit.type in ("quote", "event", "fact") and covered(pieces, [record_text(hit.record)]):
            found = _from_record(index, question, hits, hit, asked)
            if found is not None:
                return found
    return None


def _from_record(
    index: Index, question: Question, hits: Sequence[Hit], hit: Hit, asked: str
) -> Answer | None:
    record = hit.record
    if hit.type == "quote" and (asked == "speaker" or "name" in question.cues):
        rivals = [h for h in hits[:3] if h.type == "quote" and h.score >= hit.score - 1]
        if any(h.record.get("speaker") != record.get("speaker") for h in rivals):
            return None  # the same words said by two people
        found = speaker_candidate(index, record)
        return answer_from(found, [found], record) if found else None
    if hit.type == "event" and "date" in question.cues:
        event = event_candidate(record)
        return answer_from(event, [event], record)
    if hit.type == "event" and "what" in question.cues and asked == "released":
        title = Candidate("identity", "event", record, "title", record["title"], record["sources"])
        return answer_from(title, [title], record)
    if hit.type == "fact" and "quantity" in question.cues:
        figures = [c for c in figures_of("fact", record, record) if c.key in (asked, "figure")]
        named = [c for c in figures if covered(leftover(question.rest), _said_by(c))]
        if len(named) == 1:
            return answer_from(named[0], figures, record)
        if len(figures) == 1 or (figures and figures[0].key == asked):
            return answer_from(figures[0], figures, record)
    return None
