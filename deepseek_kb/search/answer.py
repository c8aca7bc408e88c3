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
from typing import TYPE_CHECKING, Any, NamedTuple

from deepseek_kb.index.store import Index
from deepseek_kb.kinds import SPECS
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import (
    Candidate,
    candidates,
    event_candidate,
    speaker_candidate,
)
from deepseek_kb.search.question import (
    Asking,
    Question,
    best_asked,
    covered,
    cue_bonus,
    has,
    is_question,
    label_score,
    leftover,
    phrase_score,
    read,
    unasked,
    vocabulary,
)
from deepseek_kb.values import cites, format_value, name_of, pick

if TYPE_CHECKING:
    from deepseek_kb.search.rank import Hit

__all__ = ["Answer", "NotStated", "answer", "is_question"]

# A field is asked for clearly when its words weigh this much (ctx, cost, 价格 …).
CLEAR = 3
# What a question about no particular thing asks of the company.
COMPANY = "deepseek"
COMPANY_KEYS = frozenset({"headcount", "founder", "founded", "location", "gpu_count"})
# The fields each kind of thing can be asked for, so that a clear question about a field the
# thing lacks is answered "not stated".
_MODEL_KEYS = ("released", "identity", "figure")
APPLICABLE: dict[str, tuple[str, ...]] = {
    "project": ("released", "license_model", "identity", "date"),
    "organization": (
        "founded",
        "location",
        "identity",
        "headcount",
        "gpu_count",
        "investment",
        "founder",
        "date",
    ),
    "person": ("identity", "education", "said", "date"),
    "term": ("identity",),
    "topic": ("date",),
}
# Fields asked in words too general to settle which value is meant (what is it, a figure, a
# date): the candidates' own labels decide among them.
_OPEN = frozenset({"identity", "figure", "date"})
# Values shown together: an input price is read with its output price.
COMPANIONS = {"api_price_input": "api_price_output", "api_price_output": "api_price_input"}


class Answer(NamedTuple):
    """A value found for a question: the record holding it (with its kind), which field, what
    was asked, the value, its sources, the thing asked about when another record holds the
    value, its caveat and label, the other values stated for the same thing, and the values
    read with it (an output price beside an input price)."""

    kind: str
    record: Row
    field: str
    asking: Asking
    value: Any
    sources: list[Row]
    subject: Row | None = None
    note: Row | None = None
    label: Row | None = None
    also: tuple[Candidate, ...] = ()
    companions: tuple[tuple[Asking, Candidate], ...] = ()

    def text(self, lang: str) -> str:
        """The value as read in one language ($5.576M, 128K, 2023-05, 梁文锋), with the values
        read beside it."""
        shown = "en" if lang == "both" else lang
        text = format_value(self.value, shown)
        for asking, other in self.companions:
            text += f"; {_label(asking, shown)} {format_value(other.value, shown)}"
        return text

    def line(self, lang: str) -> str:
        """`DeepSeek-V3 · training cost · $5.576M · v3-paper p.5`."""
        shown = "en" if lang == "both" else lang
        what = _label(self.asking, shown)
        if self.label:
            what = (
                pick(self.label, shown)
                if self.asking.key == "date"
                else f"{what} ({pick(self.label, shown)})"
            )
        whose = name_of(self.subject or self.record, shown)
        if self.asking.key == "speaker":
            said = pick(self.record["text"], shown)
            whose = f"“{said[:40]}…”" if len(said) > 40 else f"“{said}”"
        return " · ".join((whose, what, self.text(shown), cites(self.sources)))

    def caveats(self, lang: str) -> list[str]:
        """The value's caveat, then each other value stated for the same thing, with its own."""
        shown = "en" if lang == "both" else lang
        lines = [pick(self.note, shown)] if self.note else []
        for other in self.also:
            said = format_value(other.value, shown)
            where = f"{name_of(other.record, shown)}, {cites(other.sources)}"
            intro = "另有记载：" if shown == "zh" else "Also stated: "
            lines.append(f"{intro}{said} ({where})")
            if other.note:
                lines.append(pick(other.note, shown))
        return lines

    def as_json(self, terms: list[str]) -> Row:
        """The answer as the first search hit: how = answer, field = the path of the value."""
        answer: Row = {
            "value": self.value,
            "text": self.text("en"),
            "asked": self.asking.key,
            "cites": cites(self.sources),
        }
        if self.subject is not None:
            answer["about"] = self.subject["id"]
        if self.label:
            answer["label"] = self.label
        if self.note:
            answer["note"] = self.note
        if self.also:
            answer["also"] = [
                {
                    "id": o.record["id"],
                    "field": o.field,
                    "value": o.value,
                    "cites": cites(o.sources),
                }
                for o in self.also
            ]
        return {
            "id": self.record["id"],
            "type": self.kind,
            "score": 100.0,
            "match": {"field": self.field, "how": "answer", "terms": terms, "answer": answer},
            "record": self.record,
        }


class NotStated(NamedTuple):
    """A question whose thing and field are clear, and the sources read do not state it."""

    kind: str
    record: Row
    asking: Asking

    def line(self, lang: str) -> str:
        """`DeepSeek-R1 · training cost: not stated in the sources dskb has read`."""
        shown = "en" if lang == "both" else lang
        whose = name_of(self.record, shown)
        if shown == "zh":
            return f"{whose} · {self.asking.zh}：dskb 所读的来源中没有写明"
        return f"{whose} · {self.asking.en}: not stated in the sources dskb has read"

    def as_json(self, terms: list[str]) -> Row:
        """The thing asked about, first, with how = not-stated and the field asked for."""
        match = {"field": self.asking.key, "how": "not-stated", "terms": terms}
        return {
            "id": self.record["id"],
            "type": self.kind,
            "score": 0.0,
            "match": match,
            "record": self.record,
        }


def _label(asking: Asking, lang: str) -> str:
    return asking.zh if lang == "zh" else asking.en


def answer(index: Index, query: str, hits: Sequence[Hit] = ()) -> Answer | NotStated | None:
    """The value a question asks for when the thing and the field are both clear; not stated
    when the thing lacks the field clearly asked; else nothing."""
    question = read(index, query, hits)
    if question.subject is not None and not question.others:
        kind, record = question.subject
        found = _choose(index, question, kind, record, hits)
        for other_kind, other_id in question.also_named:
            if isinstance(found, Answer):
                break
            other = index.get(other_id)
            if other is not None:
                found = _choose(index, question, other_kind, other.row, hits) or found
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
    keys = APPLICABLE.get(kind) or (*_spec_keys(), *_MODEL_KEYS)
    asked, asked_score = best_asked(question.rest, question.cues, keys)
    anything, any_score = best_asked(question.rest, question.cues)
    if asked_score < CLEAR <= any_score and anything not in keys and anything not in _OPEN:
        return NotStated(kind, record, words[anything])  # a GPU model asked of a cluster
    if _tied(question, keys, asked, asked_score):
        return None
    if asked_score >= CLEAR and asked not in _OPEN:
        # The field is clear: only its values answer, and none is "not stated".
        if asked not in {c.key for c in found}:
            return NotStated(kind, record, words[asked])
        found = [c for c in found if c.key == asked]
    scored = _scored(question, kind, found)
    best = max((s for s, _ in scored), default=0)
    if best < CLEAR:
        return None
    top = [c for s, c in scored if s == best]
    if "date" in question.cues and words[top[0].key].expects != "date":
        return None  # "which year did he graduate" is not answered by where he studied
    chosen = _agreed(top)
    if chosen is None:
        return None
    same = [c for _, c in scored if c.key == chosen.key]
    return _answer(chosen, same, record)


def _quotes_by(index: Index, question: Question, person: Row) -> list[Candidate]:
    """What the person said about what the question names: their best-matching quote."""
    from deepseek_kb.search.rank import search

    said = vocabulary()["said"]
    rest = question.rest
    for phrase in sorted(said.words, key=len, reverse=True):
        if has(rest, phrase):
            rest = rest.replace(phrase, " ")
    rest = " ".join(w for w in rest.split() if w not in _FILLER)
    if not rest or rest == question.rest:
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
        if score == 0 and not (dated and kind in ("topic", "event")):
            continue
        score += cue_bonus(asking.expects, question.cues)
        if candidate.subject is None:
            score += 1  # the thing's own value before another record's about it
        scored.append((score, candidate))
    specific = [pair for pair in scored if pair[1].key != "identity" and pair[0] >= CLEAR]
    return specific or scored


def _tied(question: Question, keys: tuple[str, ...], asked: str, score: int) -> bool:
    """Two different fields asked for equally clearly (feed-forward architecture)."""
    if score < CLEAR or asked in _OPEN:
        return False
    others = tuple(k for k in keys if k != asked and k not in _OPEN)
    return bool(others) and best_asked(question.rest, question.cues, others)[1] == score


def _said_by(candidate: Candidate) -> list[str]:
    """Everything a candidate says, in both languages: its label and its value."""
    texts = [format_value(candidate.value, "zh"), format_value(candidate.value, "en")]
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
    counts = Counter(_same(c.value) for c in top)
    most = max(counts.values())
    group = [c for c in top if counts[_same(c.value)] == most]
    return min(group, key=_precedence)


def _precedence(candidate: Candidate) -> tuple[bool, bool]:
    """A record mainly about the thing before one that mentions it; its first figure first."""
    about = candidate.record.get("about") or [None]
    mainly = candidate.subject is None or about[0] == candidate.subject["id"]
    return (not mainly, not candidate.field.endswith("[0]"))


def _same(value: Any) -> str:
    if isinstance(value, dict) and "unit" in value:
        return f"{value['value']} {value['unit']}"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _answer(chosen: Candidate, same: list[Candidate], record: Row) -> Answer:
    """The answer, with the other values stated for the same field and its companions."""
    words = vocabulary()
    seen = {_same(chosen.value)}
    also = []
    for other in same:
        if _same(other.value) not in seen:
            seen.add(_same(other.value))
            also.append(other)
    companions = []
    pair = COMPANIONS.get(chosen.key)
    specs = chosen.record.get("specs", {}) if chosen.kind == "model" else {}
    if pair and pair in specs:
        spec = specs[pair]
        companion = Candidate(
            pair, "model", chosen.record, f"specs.{pair}", spec["value"], spec["sources"]
        )
        companions.append((words[pair], companion))
    subject = chosen.subject if chosen.subject is not None else None
    if subject is None and chosen.record is not record:
        subject = record
    return Answer(
        chosen.kind,
        chosen.record,
        chosen.field,
        words[chosen.key],
        chosen.value,
        chosen.sources,
        subject,
        chosen.note,
        chosen.label,
        tuple(also[:3]),
        tuple(companions),
    )


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
    """Who said a quote, or when an event was, when the first hit is that quote or event."""
    if not hits:
        return None
    first = hits[0]
    asked, score = best_asked(question.norm, question.cues, ("speaker", "date", "released"))
    if first.type == "quote" and asked == "speaker" and score >= CLEAR:
        rivals = [h for h in hits[1:3] if h.type == "quote" and h.score >= first.score - 1]
        if any(h.record.get("speaker") != first.record.get("speaker") for h in rivals):
            return None  # the same words said by two people
        found = speaker_candidate(index, first.record)
        return _answer(found, [found], first.record) if found else None
    if first.type == "event" and "date" in question.cues:
        event = event_candidate(first.record)
        return _answer(event, [event], first.record)
    return None
