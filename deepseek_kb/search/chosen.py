"""The best of a thing's own values for a question, or that it does not state the field asked.

Every value the thing holds, or that a record about it holds, is a candidate
(`answerables.py`); the field the question asks for most clearly among the fields this kind of
thing can hold decides which candidates may answer; each is scored by how clearly the words ask
for its field and repeat its label; the best answers, with the others stated for the same field.
A field clearly asked that the thing lacks is "not stated"; a field that belongs to another kind
of thing, two fields asked as clearly, or a value of the wrong kind (a date for "how many") is
no answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from deepseek_kb.analysis.text import normalize
from deepseek_kb.asking import CASE_WORDS, PARTS
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import SPECS
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate, candidates, facts_about
from deepseek_kb.search.answered import COMPANIONS, Answer, NotStated, answer_from
from deepseek_kb.search.claims import month_words
from deepseek_kb.search.counted import in_unit_asked
from deepseek_kb.search.fits import counted, kind_fits, of_kind_asked
from deepseek_kb.search.happened import happened
from deepseek_kb.search.leftover import covered, leftover
from deepseek_kb.search.named import Hit, has
from deepseek_kb.search.question import (
    CLEAR,
    Asking,
    Question,
    best_asked,
    cue_bonus,
    label_score,
    unasked,
    vocabulary,
    yes_no,
)
from deepseek_kb.search.said import quoted_from, record_text, said_by
from deepseek_kb.search.stand_in import (
    figure_named,
    figure_told,
    told_in_another,
    told_otherwise,
    value_told,
)
from deepseek_kb.search.theirs import quote_asked, quote_on, quotes_by
from deepseek_kb.search.tied import agreed, most_labelled

# The fields each kind of thing can be asked for, so that a clear question about a field the
# thing lacks is answered "not stated".
MODEL_KEYS = ("released", "identity", "figure", "called", "born")
APPLICABLE: dict[str, tuple[str, ...]] = {
    "project": ("released", "license_model", "identity", "date", "used_by", "called", "born"),
    "organization": (
        *("founded", "born", "listed", "location", "identity", "headcount", "gpu_count"),
        *("investment", "founder", "parent", "date", "api_price_input", "api_price_output"),
        "called",
    ),
    "person": ("identity", "employer", "education", "born", "said", "date", "called"),
    "term": ("identity", "introduced", "used_by", "called"),
    "topic": ("date", "topic"),
}
# Fields asked in words too general to settle which value is meant (what is it, a figure, a
# date): the candidates' own labels decide among them.
OPEN = frozenset({"identity", "figure", "date"})
# A field asked for that the thing lacks, answered by the one it states instead (a model or a
# company is born when it comes out or is founded).
FALLBACK: dict[str, tuple[str, ...]] = {"license_model": ("license_code",)}
FALLBACK |= {"license_code": ("license_model",), "born": ("released", "founded")}


def choose(
    index: Index, question: Question, kind: str, record: Row, hits: Sequence[Hit]
) -> Answer | NotStated | None:
    """The best of the thing's candidates, or not stated, or nothing."""
    found = candidates(index, kind, record, hits)
    if kind == "person":
        found.extend(quotes_by(index, question, record))
        said = _said_otherwise(index, question, record, found)
        if said is not None:
            return said
    keys = keys_for(kind)
    asked, asked_score = best_asked(question.rest, question.cues, keys)
    named = figure_named(question, found, vocabulary()[asked]) if asked_score >= CLEAR else []
    if named:  # "V3 词表大小": a vocabulary's size, not the model's (nor two fields tied)
        return answer_from(named[0], named, record)
    tied = _tied(question, keys, asked, asked_score, _given(question, found))
    if _asked_elsewhere(question, kind, asked, asked_score) or tied:
        told = [*found, *_fields_told(index, kind, record)]
        return _elsewhere_not_stated(index, question, kind, record, keys, told)
    question, asked, found = _fallen_back(question, asked, found)
    if asked_score >= CLEAR and asked not in OPEN and _of_kind(question, asked):
        # The field is clear: only its values answer, and none is "not stated".
        if asked not in {c.key for c in found}:
            return _lacking(question, kind, record, vocabulary()[asked], found)
        found = _of_field(question, asked, found)
    return _best(question, kind, record, found)


def _of_kind(question: Question, asked: str) -> bool:
    """Whether the field holds the kind of value asked; else it says what the answer is about
    ("论文是哪天改的" asks when, not which paper) and the candidates' labels decide."""
    wanted = question.cues & {"date", "quantity"}
    return not wanted or vocabulary()[asked].expects in wanted


def _lacking(
    question: Question, kind: str, record: Row, asking: Asking, found: list[Candidate]
) -> Answer | NotStated | None:
    """A field clearly asked that the thing lacks: not stated only when nothing else is asked
    ("when did High-Flyer set up its AI company" is not about its own founding) and their bio
    does not speak of it ("a founder born in the 1980s")."""
    if leftover(question.rest):
        told = figure_told(question, record, asking, found)
        return told or told_in_another(question, record, asking, found)
    bio = normalize(record_text(record)) if kind == "person" else ""
    if any(has(bio, word) for word in asking.words):
        return None
    return NotStated(kind, record, asking, _why_not(record, asking))


def _said_otherwise(
    index: Index, question: Question, person: Row, found: list[Candidate]
) -> Answer | None:
    """What a person said, asked otherwise than in words of saying: a person and some words
    (`quote_on`), or asked what (`quote_asked`); none when their quotes are candidates already."""
    if found[-1:] and found[-1].key == "said":
        return None
    keys = APPLICABLE["person"]
    return quote_on(index, question, person, keys) or quote_asked(index, question, person, keys)


def _why_not(record: Row, asking: Asking) -> Candidate | None:
    """The sentence of the thing's note that speaks of the field it lacks ("The repository has
    no LICENSE file on its main branch, so no licence is given"), to say why it is not stated."""
    note = record.get("note")
    if not isinstance(note, dict):
        return None
    zh = [t for t in str(note["zh"]).split("。") if t.strip()]
    en = [t for t in str(note["en"]).split(". ") if t.strip()]
    if len(zh) != len(en):
        return None  # the sentences do not pair up: no one sentence to quote in both languages
    for said_zh, said_en in zip(zh, en, strict=True):
        said = normalize(f"{said_zh} {said_en}")
        if any(has(said, phrase) for phrase in asking.words):
            text = {"zh": said_zh.strip() + "。", "en": said_en.strip().rstrip(".") + "."}
            return Candidate(asking.key, "note", record, "note", text, record.get("sources", []))
    return None


def _fields_told(index: Index, kind: str, record: Row) -> list[Candidate]:
    """For a field of another kind of thing, the figures of facts about this one that answer
    a field (an organisation's are among its candidates already, as are the others' figures
    of no field)."""
    more = [] if kind == "organization" else facts_about(index, record)
    return [c for c in more if c.key != "figure"]


def _asked_elsewhere(question: Question, kind: str, asked: str, asked_score: int) -> bool:
    """Whether the question clearly asks for a field this kind of thing cannot hold; of an
    organisation, more clearly than what kind it is ("萤火一号用的是什么型号的 GPU" asks a GPU
    model, not what Fire-Flyer 1 is). What a person, a project or a term is often says what
    they do, which answers more ("where does Raschka work")."""
    anything, any_score = best_asked(question.rest, question.cues)
    weaker = asked_score < CLEAR or (
        kind == "organization" and asked in OPEN and asked_score < any_score
    )
    return weaker and any_score >= CLEAR and anything not in keys_for(kind) and anything not in OPEN


def _elsewhere_not_stated(
    index: Index,
    question: Question,
    kind: str,
    record: Row,
    keys: tuple[str, ...],
    found: list[Candidate],
) -> Answer | NotStated | None:
    """A field of another kind of thing asked, and nothing else: what tells it otherwise
    (`stand_in.told_otherwise`), else not stated (a GPU model asked of a cluster); two fields
    asked as clearly, or more words: no answer."""
    anything, any_score = best_asked(question.rest, question.cues)
    if any_score < CLEAR or anything in keys or anything in OPEN or leftover(question.rest):
        return None
    asking = vocabulary()[anything]
    if not kind_fits(question, asking.expects):
        return None  # "how many GPUs" does not ask which GPU
    told, answer = told_otherwise(question, record, asking, found)
    if told:
        return answer  # a figure or its own words tell it: never "not stated"
    if yes_no(question) or value_told(index, record, anything):
        return None  # "does DeepSeek make money" asks no model's cost; "FP8 GEMM" is told
    return NotStated(kind, record, asking)


def _fallen_back(
    question: Question, asked: str, found: list[Candidate]
) -> tuple[Question, str, list[Candidate]]:
    """ "OCR license": the code licence is the one stated, asked in the same words."""
    held = {c.key for c in found}
    stated = next((key for key in FALLBACK.get(asked, ()) if key in held), None)
    if asked in held or stated is None:
        return question, asked, found
    words = vocabulary()
    question = question._replace(rest=f"{question.rest} {words[stated].words[0]}")
    return question, stated, [c for c in found if c.key == stated]


def _of_field(question: Question, asked: str, found: list[Candidate]) -> list[Candidate]:
    """The field's values, and the claims that repeat what else the question names (the R1
    paper's Nature volume is in a claim, not in the paper's id); for a date, the events about
    the thing (when DeepEP V2 came out is the date of "DeepEP V2 released")."""
    extra = bool(leftover(question.rest))
    asking = vocabulary()[asked]
    dated = asking.expects == "date"
    return [
        c
        for c in found
        if c.key == asked or (extra and (_claims_it(c, asking) or (dated and c.kind == "event")))
    ]


def _best(question: Question, kind: str, record: Row, found: list[Candidate]) -> Answer | None:
    """The best-scored candidate, when it is clearly asked and of the kind of value asked."""
    scored = in_unit_asked(question, _scored(question, kind, found))
    best = max((s for s, _ in scored), default=0)
    if best < CLEAR:
        return None
    top = most_labelled(question, [c for s, c in scored if s == best])
    if not of_kind_asked(question, top):
        return None
    kept = happened(question, top)
    chosen = agreed(kept)
    if chosen is None:
        return None
    # The other values stated for it, not those of events set aside (AlexNet's, for an interview)
    same = [c for _, c in scored if c.key == chosen.key and (c in kept or c not in top)]
    return answer_from(_case_first(question, chosen), same, record)


def keys_for(kind: str) -> tuple[str, ...]:
    """The fields a kind of thing can be asked for (a model: every spec and a few more)."""
    return APPLICABLE.get(kind) or (*spec_keys(), *MODEL_KEYS)


def spec_keys() -> tuple[str, ...]:
    return tuple(spec.field for spec in SPECS)


def _scored(question: Question, kind: str, found: list[Candidate]) -> list[tuple[int, Candidate]]:
    """Each candidate with its score; the generic "what is it" only when nothing more specific
    is asked."""
    left = unasked(question.rest)
    pieces = leftover(question.rest)
    names = [name for _, _, name in question.also_named]
    scored = []
    for candidate in found:
        # What it is, asked beside a word it does not say (梁文锋的父亲是做什么的), is not it.
        if covered(
            pieces,
            # A value dated in the month the question gives: "in December 2024" says which.
            [
                *said_by(candidate),
                *quoted_from(candidate),
                *month_words(candidate.record.get("date")),
            ],
            names,
            strict=kind == "person" and candidate.key in ("identity", "education"),
        ):
            score = _score(question, kind, candidate, left)
            if score is not None:
                scored.append((score, candidate))
    return _specific(question, scored) or scored


def _specific(
    question: Question, scored: list[tuple[int, Candidate]]
) -> list[tuple[int, Candidate]]:
    """The candidates clearly asked for, besides what the thing is: of a field the question
    names, whose value says all it does, not a sentence that only shares a word with it ("V3
    开源权重里有几个 MTP 模块" is no question of its GPU hours); of how much, a figure."""
    specific = [pair for pair in scored if pair[1].key != "identity" and pair[0] >= CLEAR]
    if any(vocabulary()[c.key].score(question.rest) >= CLEAR for _, c in specific):
        specific = [pair for pair in specific if not _sentence(pair[1])]
    if "quantity" in question.cues:  # how much: a figure, not the sentence that states it
        specific = [pair for pair in specific if counted(pair[1])] or specific
    return specific


def _sentence(candidate: Candidate) -> bool:
    """Whether the candidate is a claim's whole sentence, labelled by itself."""
    return candidate.key == "figure" and candidate.label == candidate.value


def _score(question: Question, kind: str, candidate: Candidate, left: str) -> int | None:
    """How clearly the words ask for the candidate's field and repeat its label; None when
    they do not ask for it at all."""
    asking = vocabulary()[candidate.key]
    said = asking.score(question.rest)
    labelled = label_score(left, candidate.label)
    if candidate.key == "figure":
        labelled //= 2  # a claim's figure never outranks the spec it restates
    score = said + labelled + (1 if said else 0)
    dated = asking.expects == "date" and "date" in question.cues
    own_date = dated and candidate.subject is None and candidate.key in ("released", "founded")
    if score == 0 and not (dated and kind in ("topic", "event")) and not own_date:
        return None
    if own_date and score == 0:
        score = CLEAR - 1  # "fire flyer 2 year": its one date, when nothing else is asked
    score += cue_bonus(asking.expects, question.cues)
    return score + 1 if candidate.subject is None else score  # its own value first


def _claims_it(candidate: Candidate, asking: Asking) -> bool:
    """A claim that speaks of the field asked for (the R1 paper's claim names the paper)."""
    if not candidate.field.startswith("claims"):
        return False
    said = normalize(" ".join(said_by(candidate)))
    return any(has(said, phrase) for phrase in asking.words)


def _tied(
    question: Question, keys: tuple[str, ...], asked: str, score: int, given: frozenset[str]
) -> bool:
    """Two different fields asked for about as clearly (hidden size and layers); a part is not
    tied with its whole (feed-forward architecture), nor with a field whose value the question
    states."""
    if score < CLEAR or asked in OPEN:
        return False
    whole = [w for w, parts in PARTS.items() if asked in parts]
    whole.append(COMPANIONS.get(asked, ""))  # an input price is read with its output price
    words = vocabulary()
    others = tuple(
        k
        for k in keys
        if k != asked
        and k not in OPEN
        and k not in given
        and k not in whole
        and kind_fits(question, words[k].expects)  # how many tokens: no model it came from
    )
    rival = best_asked(question.rest, question.cues, others, parts=False)[1]
    return bool(others) and rival > score - 3


def _given(question: Question, found: list[Candidate]) -> frozenset[str]:
    """The fields whose value the question states ("V3 的 H800 GPU hours": H800 is V3's GPU):
    it qualifies what is asked, it does not ask for that field."""
    return frozenset(
        c.key
        for c in found
        if isinstance(c.value, str) and len(c.value) >= 3 and has(question.rest, normalize(c.value))
    )


def _case_first(question: Question, candidate: Candidate) -> Candidate:
    """Prices for several cases with the case the question names first (R1 缓存没命中 price:
    $0.55 before the cache hit's $0.14)."""
    value = candidate.value
    if not isinstance(value, list):
        return candidate
    for case, words in CASE_WORDS.items():  # a miss first: "not cached" also says "cached"
        if any(has(question.rest, w) for w in words):
            ordered = sorted(
                value, key=lambda v: not (isinstance(v, dict) and v.get("case") == case)
            )
            return candidate._replace(value=ordered)
    return candidate
