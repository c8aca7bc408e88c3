"""One verdict on a quote or a figure that circulates: exact, close, contradicted, or not in the
KB (never "false": the KB only knows what it holds).

A quote is set against every stored quote (`sayings.py`); a figure or a date against what the
thing it names holds (`figures.py`). Words that run verbatim inside a stored quote decide first;
then a figure the claim's words ask for; then a quote that is near; else nothing the KB holds.
"""

from __future__ import annotations

from typing import NamedTuple

from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.claims import read_claim
from deepseek_kb.search.figures import Checked, check
from deepseek_kb.search.sayings import Change, Nearest, attribution, nearest

# A quote whose tokens are this much in the stored words is the same quote, whatever figures
# it states; one this near is a changed quote when no figure decides.
SAME_QUOTE = 0.9
NEAR_QUOTE = 0.65
VERDICTS = ("exact", "close", "contradicted", "not-found")


class Verdict(NamedTuple):
    """What the KB says of a claim: the verdict, why (verbatim, translation, wording, rounded,
    date, errata, misattributed, another-record, different, not-stated, unknown), whether a
    quote or a value decided it, the stored value or quote it names, what the claim stated, the
    people the claim names as speaking, the differences in the words, the share of the words
    found, and the value the thing named holds when the figure is another record's."""

    claim: str
    verdict: str
    why: str
    what: str
    stored: Candidate | None = None
    claimed: str = ""
    speakers: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()
    similarity: float = 0.0
    subject: Row | None = None
    held: Candidate | None = None
    nearest: Candidate | None = None


def verify(index: Index, claim: str) -> Verdict:
    """The verdict on one claim."""
    said = attribution(index, claim)
    near = nearest(index.records("quote"), said.words)
    if near is not None and (near.verbatim or near.similarity >= SAME_QUOTE):
        return _quoted(claim, said.speakers, near)
    checked = check(index, claim, read_claim(claim))
    if checked is not None and checked.verdict != "not-found":
        return _valued(claim, checked)
    if near is not None and near.similarity >= NEAR_QUOTE:
        return _quoted(claim, said.speakers, near)
    nearest_quote = _quote(near.quote) if near is not None and near.similarity > 0 else None
    if checked is not None:
        return Verdict(
            claim,
            "not-found",
            "not-stated",
            "value",
            claimed=checked.claimed,
            subject=checked.subject,
            nearest=nearest_quote,
        )
    return Verdict(claim, "not-found", "unknown", "none", nearest=nearest_quote)


def _quote(quote: Row) -> Candidate:
    return Candidate("said", "quote", quote, "text", quote["text"], quote["sources"])


def _quoted(claim: str, speakers: tuple[str, ...], near: Nearest) -> Verdict:
    """A quote's verdict: misattributed when the claim names someone else as saying it, else
    exact when verbatim (in the article's Chinese or the KB's English), else close."""
    quote = near.quote
    stored = _quote(quote)
    if speakers and quote["speaker"] not in speakers:
        return Verdict(
            claim,
            "contradicted",
            "misattributed",
            "quote",
            stored,
            "",
            speakers,
            near.changes,
            near.similarity,
        )
    if near.verbatim:
        why = "verbatim" if near.lang == "zh" else "translation"
        return Verdict(claim, "exact", why, "quote", stored, "", speakers, (), 1.0)
    return Verdict(
        claim, "close", "wording", "quote", stored, "", speakers, near.changes, near.similarity
    )


def _valued(claim: str, checked: Checked) -> Verdict:
    return Verdict(
        claim,
        checked.verdict,
        checked.why,
        "value",
        checked.stored,
        checked.claimed,
        subject=checked.subject,
        held=checked.held,
    )
