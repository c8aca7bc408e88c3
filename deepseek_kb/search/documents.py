"""A thing's values ranked as small documents, for a question about a model, a project or an
organisation whose words ask for no field clearly ("janus pro 7b 文生图 geneval 打了多少分",
"deepseek api free credit for new users").

Each value of the thing is a document: its label in both languages, the words the registry
keeps for its field (`asking/`), its value and the lines of the sources it is cited from. The
question's words (its name taken out) are weighed by how rare they are among those documents:
a word every value's document holds says nothing of which is meant, one that a single document
holds says much. The best document answers only when it holds most of what the question's words
weigh, and clearly more than any other value does; else nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.search.answerables import Candidate, candidates
from deepseek_kb.search.answered import Answer, answer_from, same_value
from deepseek_kb.search.fits import kind_fits
from deepseek_kb.search.leftover import content
from deepseek_kb.search.named import Hit
from deepseek_kb.search.question import CLEAR, Question, best_asked, vocabulary
from deepseek_kb.search.said import said_by
from deepseek_kb.search.weighed import held, ranked_by

# The things whose values are ranked so: what they hold are figures and specifications.
KINDS = ("model", "project", "organization")
# What is asked in words of its own (what it is, what it is called, when, who uses it), never
# by a document that happens to hold the question's words.
WORDED = frozenset({"identity", "called", "released", "date", "founded", "said", "used_by"})
# The share of what the question's words weigh the best document must hold.
ENOUGH = 0.6
# The best document's weight over the next value's, at least (as `weighed.MARGIN`).
MARGIN = 1.5


def documented_answer(index: Index, question: Question, hits: Sequence[Hit]) -> Answer | None:
    """The last answer before none, for a thing asked of in words no field clearly owns: the
    one spec or figure whose document speaks of the question's words, when it is the kind of
    value asked for."""
    if question.subject is None or question.subject[0] not in KINDS or question.others:
        return None
    kind, record = question.subject
    # A field asked clearly, of this kind of thing or another (a head count of a model), is
    # answered by its own words or not at all.
    if best_asked(question.rest, question.cues)[1] >= CLEAR:
        return None
    found = [c for c in candidates(index, kind, record, hits) if c.key not in WORDED]
    chosen = documented(question, found)
    if chosen is None or not kind_fits(question, vocabulary()[chosen.key].expects):
        return None
    if _only_names(index, question, chosen):
        return None  # "OpenAI SDK 的 base_url": OpenAI's researchers hold only its name
    return answer_from(chosen, [chosen], record)


def documented(question: Question, found: Sequence[Candidate]) -> Candidate | None:
    """The one value whose document speaks of the question's words clearly more than any
    other value's, or none."""
    words = _words(question)
    if not words or not found:
        return None
    ranked, rarity = ranked_by(found, [_document(c) for c in found], words, held)
    total = sum(rarity.values())
    if total <= 0:
        return None
    # A figure before the claim that states it, when they weigh the same.
    weighed = sorted(ranked, key=lambda r: (-r[0], ".figures[" not in r[2].field))
    best, _, chosen = weighed[0]
    # The next value: another value, not the same one stated again (a figure and its claim).
    runner = next((w for w, _, c in weighed[1:] if not _same(c, chosen)), 0.0)
    if best < ENOUGH * total or best < MARGIN * runner:
        return None
    return chosen


def _words(question: Question) -> list[str]:
    """The question's words, each once, its name taken out."""
    return sorted(set(content(question.rest)))


def _only_names(index: Index, question: Question, chosen: Candidate) -> bool:
    """Whether the words of the question the chosen value's document holds are all names of
    other things, when it holds fewer than half of them."""
    words = _words(question)
    document = _document(chosen)
    kept = [w for w in words if held(w, document)]
    named = {normalize(n.name) for w in kept for n in index.names_in(None, w)}
    return 2 * len(kept) < len(words) and all(w in named for w in kept)


def _same(one: Candidate, other: Candidate) -> bool:
    """Whether two candidates state one value: the same field, or a figure and its claim."""
    if one.field.split(".")[0] == other.field.split(".")[0] and one.field.startswith("claims"):
        return True
    return one.key == other.key and same_value(one.value) == same_value(other.value)


def _document(candidate: Candidate) -> str:
    """All a value's document says: its label and value, its field's words and label, and the
    lines it is cited from."""
    asking = vocabulary().get(candidate.key)
    texts = said_by(candidate)
    if asking is not None and candidate.key != "figure":
        texts += [asking.zh, asking.en, " ".join(asking.words)]
    if ".figures[" not in candidate.field:  # a figure's claim speaks for all its figures
        texts += [str(s.get("quote", "")) for s in candidate.sources]
    return normalize(" ".join(texts))
