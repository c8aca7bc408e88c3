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

from collections.abc import Sequence

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import (
    COMPANY,
    candidates,
    founders_of,
    told_of,
)
from deepseek_kb.search.answered import Answer, NotStated, answer_from
from deepseek_kb.search.apart import apart
from deepseek_kb.search.article import article_answer
from deepseek_kb.search.asked_first import first_asked
from deepseek_kb.search.by_words import found_by_words
from deepseek_kb.search.characters import character_answer
from deepseek_kb.search.checking import claim_out
from deepseek_kb.search.choices import either, says, stating
from deepseek_kb.search.chosen import choose, keys_for, spec_keys
from deepseek_kb.search.context import in_context
from deepseek_kb.search.currency import in_other_units
from deepseek_kb.search.dated import dated_meant
from deepseek_kb.search.defined import definition_answer, how_it_works
from deepseek_kb.search.described import described_answer
from deepseek_kb.search.documents import documented_answer
from deepseek_kb.search.field_asked import field_asked, qualified_by
from deepseek_kb.search.figured import figure_answer
from deepseek_kb.search.first_of import first_meant
from deepseek_kb.search.following import following_answer
from deepseek_kb.search.labelled import labelled_answer
from deepseek_kb.search.leftover import content, leftover
from deepseek_kb.search.named import Hit, has, names_of, names_out
from deepseek_kb.search.negated import besides_out, said_not
from deepseek_kb.search.nicknamed import nickname_answer
from deepseek_kb.search.numbered import numbered_meant
from deepseek_kb.search.parentage import child_meant, parent_meant
from deepseek_kb.search.passages import passage_answer, read_hits
from deepseek_kb.search.precision import to_the_day
from deepseek_kb.search.purpose import purpose_out
from deepseek_kb.search.question import CLEAR, Question, asks, best_asked, is_question, read, yes_no
from deepseek_kb.search.quoted import said_answer
from deepseek_kb.search.said import said_by
from deepseek_kb.search.series import day_answer
from deepseek_kb.search.spelled import spelled
from deepseek_kb.search.stand_in import models_holding
from deepseek_kb.search.superlative import variant_meant
from deepseek_kb.search.termed import spelled_out, termed_answer
from deepseek_kb.search.unheard import unheard
from deepseek_kb.search.weighed import ranked_answer

__all__ = ["Answer", "NotStated", "answer", "is_question"]

# What a question about no particular thing asks of the company (answerables.COMPANY).
COMPANY_KEYS = frozenset(
    {"headcount", "founder", "founded", "location", "gpu_count", "parent"}
    | {"api_price_input", "api_price_output"}  # the DeepSeek API's price, no model named
)


def answer(index: Index, query: str, hits: Sequence[Hit] = ()) -> Answer | NotStated | None:
    """The value asked when the thing and the field are clear, or "not stated" when it lacks
    it; else the passage that speaks of all it asks, or the term it describes; else nothing."""
    found = first_asked(query, _answer(index, query, hits), lambda q: _answer(index, q, hits))
    found = found or termed_answer(index, query, hits)
    found = found or in_context(index, query, hits, lambda q: _answer(index, q, hits))
    if isinstance(found, Answer) and found.subject is None and found.kind == "fact":
        found = found._replace(subject=told_of(index, found.record))  # a fact has no name
    return spelled_out(index, found)


def _answer(index: Index, query: str, hits: Sequence[Hit]) -> Answer | NotStated | None:
    question = read(index, query, hits)
    if question.unknown:
        return None  # a version of a thing the KB holds no record of: nothing to assert
    question = claim_out(question._replace(rest=besides_out(purpose_out(question.rest))))
    question = question._replace(rest=apart(index, spelled(index, question.rest)))
    if (article := article_answer(index, question)) is not None:
        return article  # the article's own date, not an event's its words touch
    question = first_meant(index, dated_meant(index, question))
    if question.unknown:
        return None  # the first of a kind of model, when not every one of them is dated
    question = variant_meant(index, _founder_meant(index, question))
    question = parent_meant(index, child_meant(index, question))
    numbered = numbered_meant(index, question)
    if numbered is question or numbered.subject is None:
        return _chosen(index, question, hits)
    # The one its ordinal names (High-Flyer's second cluster): what it holds, else what its
    # parent holds about it; never what is told of another.
    thing = numbered.subject[1]["id"]
    for asked in (numbered, question):
        found = _chosen(index, asked, hits)
        if isinstance(found, Answer) and thing in (
            found.record["id"],
            *found.record.get("about", []),
        ):
            return found
    return None


def _chosen(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | NotStated | None:
    """The answer to what the question asks, or to the one of the choices it offers that says
    which ("MoE or dense")."""
    choices = either(question)
    if len(choices) == 1:
        question = choices[0][1]  # "fp16 or something else" asks what it is, whichever
        found = how_it_works(index, question, _answered(index, question, hits))
        said = said_not(question, found) or in_other_units(question.norm, found)
        return None if said else to_the_day(question.norm, found)
    stated = stating(index, question, hits, [word for word, _ in choices])
    if len({c.key for c in stated}) == 1:  # "MoE or dense": the one spec that says which
        return answer_from(stated[0], stated, question.subject[1] if question.subject else {})
    for word, asked in choices:  # the answer to a choice says which
        found = _answered(index, asked, hits)
        if isinstance(found, Answer) and says(found, word):
            return found
    return None


def _answered(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | NotStated | None:
    if _names_only(index, question):
        return None  # "V3 R1": things named and nothing asked of them, the hits are the answer
    day = day_answer(index, question) or following_answer(index, question)
    if day is not None:  # "开源周第二天开源了什么": the day of the series, not the series
        return day
    nickname = nickname_answer(index, question, hits)
    if nickname is not None:  # "被叫做什么": the name others give it, not its own
        return nickname
    found = definition_answer(index, question, hits) or _held(index, question, hits)
    if found is not None:
        return found
    return _in_words(index, question, hits)


def _in_words(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | NotStated | None:
    """Nothing the thing holds in a field answers: a figure, a passage, a labelled figure, the
    characters of a passage, what someone said, the values ranked as documents, in turn."""
    read = read_hits(index, question, hits)  # searched once for all
    found: Answer | NotStated | None = figure_answer(index, question, read)
    open_ended = not field_asked(question) or yes_no(question)
    if found is None and (open_ended or _value_given(index, question, hits)):
        found = passage_answer(index, question, read) or ranked_answer(index, question, read)
    elif found is None and (field_words := qualified_by(question)):
        # A field asked of something more ("训练语料里代码占比"): a passage saying all of it.
        found = passage_answer(index, question, read, field_words)
    found = found or labelled_answer(index, question)
    if found is None and open_ended:
        found = character_answer(index, question, read)
    if found is None:
        found = said_answer(index, question)
    return found if found is not None else documented_answer(index, question, hits)


def _names_only(index: Index, question: Question) -> bool:
    """Whether the question names things of one kind (V3 R1) and nothing more."""
    if question.cues or not question.others or best_asked(question.rest, frozenset())[1]:
        return False
    others = [index.get(i) for i in question.others]
    return not content(names_out(question.rest, [f.row for f in others if f is not None]))


def _value_given(index: Index, question: Question, hits: Sequence[Hit]) -> bool:
    """Whether the question already holds the value of the field it names ("why is V3 685B on
    Hugging Face if it has 671B params"): it asks about that value, not for it."""
    if question.subject is None:
        return False
    kind, record = question.subject
    asked, _ = best_asked(question.rest, question.cues, keys_for(kind))
    return any(
        has(question.norm, normalize(text))
        for found in candidates(index, kind, record, hits)
        if found.key == asked
        for text in said_by(found)[:2]
        if text
    )


# Words that name a company's founder by his role ("its founder", "the ds ceo").
FOUNDER_WORDS = ("founder", "ceo", "boss", "创始人", "老板", "掌门人", "创办人")


def _founder_meant(index: Index, question: Question) -> Question:
    """ "will DeepSeek go closed source, per its founder", "ds ceo on china being a free rider":
    the company's founder, named by his role, is the one asked about, when the question asks
    more than who he is."""
    words = [w for w in FOUNDER_WORDS if has(question.norm, w)]
    if (
        not words
        or "name" in question.cues
        or best_asked(question.rest, frozenset())[0] == "parent"
    ):
        return question  # 老板公司 is the company behind it
    org = _company_of(index, question)
    founders = list(founders_of(index, org)) if org is not None else []
    rest = question.norm
    for word in [*words, *names_of(org or {})]:
        rest = rest.replace(normalize(word), " ")
    asked, score = best_asked(rest, question.cues, keys_for("person"))
    if len(founders) != 1 or not (leftover(rest) or (score >= CLEAR and asked != "identity")):
        return question  # "DeepSeek founder" asks who he is: the company's founder field
    person = founders[0].record
    return question._replace(rest=" ".join(rest.split()), subject=("person", person), others=())


def _company_of(index: Index, question: Question) -> Row | None:
    """The organisation a question names, else the company; none when it names another kind of
    thing (a model has no founder)."""
    kind, record = question.subject or (None, None)
    if kind == "organization":
        return record
    found = index.get(COMPANY) if kind in (None, "topic") else None
    return found.row if found is not None else None


def _held(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | NotStated | None:
    """A value the thing (or a record about it) holds in a field of its own."""
    bare = not asks(question.rest) and not leftover(question.rest)
    if question.subject is not None and question.subject[0] != "topic" and bare:
        # A name alone asks nothing (V3 is no figure), the hits are the answer; but a term
        # named is defined. A topic's name ("training cost") says what is asked.
        kind, record = question.subject
        if kind != "term":
            return None
        defined = candidates(index, kind, record, hits)[0]
        return answer_from(defined, [defined], record)
    # Another topic named beside one (china, the price war) is a word its answer must say, not
    # another thing asked about.
    if question.subject is not None and (
        not question.others or question.subject[0] in ("topic", "term")
    ):
        found = _of_subject(index, question, hits, question.subject)
        if found is not None:
            return found
    if question.subject is None or question.subject[0] == "topic":
        return _unnamed(index, question, hits)
    return found_by_words(index, question, hits)


def _of_subject(
    index: Index, question: Question, hits: Sequence[Hit], subject: tuple[str, Row]
) -> Answer | NotStated | None:
    """What the thing asked about (or another thing named in the same words) holds, when it
    answers what the question asks."""
    kind, record = subject
    found = _also_named(index, question, hits, choose(index, question, kind, record, hits))
    found = _term_in_it(index, question, hits, found)
    if found is None and kind in ("model", "term"):
        found = described_answer(index, question, kind, record, hits)
    if found is None or (kind == "topic" and isinstance(found, NotStated)):
        return None
    # A yes/no question asks no figure (员工 in "员工用集群要审批吗" is no head count asked)
    # unless it gives one to check ("does DeepSeek have 60 staff").
    counted = isinstance(found, Answer) and found.asking.expects == "quantity"
    if counted and yes_no(question) and not any(ch.isdigit() for ch in question.rest):
        return None
    return found if _set_against(index, question, found) else None


def _term_in_it(
    index: Index, question: Question, hits: Sequence[Hit], found: Answer | NotStated | None
) -> Answer | NotStated | None:
    """A term named in a model and asked what it is or does ("DeepEncoder V2 在 DeepSeek-OCR 2
    里主要能做什么"), no field of the model clearly asked: the model's value that only names
    the term (its architecture) says less than what the term is, which answers."""
    if not isinstance(found, Answer) or "what" not in question.cues:
        return found
    if best_asked(question.rest, question.cues)[1] >= CLEAR:
        return found
    said = normalize(f"{found.text('zh')} {found.text('en')}")
    for kind, term_id, name in question.also_named:
        term = index.get(term_id) if kind == "term" and has(said, name) else None
        if term is not None:
            asked = _asked_of(question, question.rest, name, (kind, term.row))
            defined = choose(index, asked, kind, term.row, hits)
            if isinstance(defined, Answer) and defined.asking.key == "identity":
                return defined
    return found


def _asked_of(question: Question, words: str, name: str, other: tuple[str, Row]) -> Question:
    """The question asked of another thing it names: its words without that thing's name."""
    return question._replace(rest=" ".join(words.replace(name, " ").split()), subject=other)


def _set_against(index: Index, question: Question, found: Answer | NotStated) -> bool:
    """Whether a value answers a question that sets its thing against another ("V2 compared
    with DeepSeek 67B"): only a value whose sources state that comparison does, not the thing's
    own figure ("V3 比 V2 多多少参数" is no question of V3's size)."""
    if not question.against:
        return True
    if not isinstance(found, Answer):
        return False
    if set(question.against) <= set(found.record.get("about", ())):
        return True  # a record about both things is told of them together
    said = normalize(" ".join(str(s.get("quote", "")) for s in found.sources))
    others = [index.get(i) for i in question.against]
    return all(
        other is not None and any(has(said, normalize(n)) for n in names_of(other.row))
        for other in others
    )


def _also_named(
    index: Index, question: Question, hits: Sequence[Hit], found: Answer | NotStated | None
) -> Answer | NotStated | None:
    """No answer from the thing: the other things named in the same words (DualPipe the term
    and the project; Karpathy in "Karpathy on DeepSeek V3"), in turn."""
    for other_kind, other_id, name in question.also_named:
        if isinstance(found, Answer):
            break
        other = index.get(other_id)
        if other is not None:
            asked = _asked_of(question, question.norm, name, (other_kind, other.row))
            other_found = choose(index, asked, other_kind, other.row, hits)
            if not (other_kind == "topic" and isinstance(other_found, NotStated)):
                found = other_found or found  # a topic holds nothing to be not stated
    return found


def _unnamed(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | NotStated | None:
    """A question that names no thing: the one model stating a spec (only V3 states a training
    cost), the company for its head count or founder, else what the words found."""
    question = question._replace(rest=question.norm)
    asked, score = best_asked(question.norm, question.cues)
    if score >= CLEAR and asked in spec_keys() and not leftover(question.norm):
        # The one model stating a spec answers a question that asks for nothing more.
        holders = models_holding(index, asked)
        if len(holders) == 1:
            return choose(index, question, "model", holders[0], hits)
    if unheard(index, question.norm):
        return None  # "智谱有多少员工": another company, one the sources never speak of
    company = index.get(COMPANY)
    if score >= CLEAR and asked in COMPANY_KEYS and company is not None:
        return choose(index, question, company.kind, company.row, hits)
    return found_by_words(index, question, hits)
