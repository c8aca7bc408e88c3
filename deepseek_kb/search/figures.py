"""A claim about a figure or a date, checked the way `dskb search` answers a question: the
thing it names (`question.read`), the field its words ask for (`asking/`), and every value
that thing holds (`answerables.candidates`), set against the figure or date the claim states.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date as Day
from typing import Any, NamedTuple

from deepseek_kb.index.store import Index
from deepseek_kb.kinds import SPECS
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate, candidates
from deepseek_kb.search.claims import Amount, Date, Stated, rounds_to
from deepseek_kb.search.question import Question, best_asked, label_score, phrase_score, read
from deepseek_kb.search.question import vocabulary as asking_words
from deepseek_kb.values import base_value, date_bounds, dimension

# A field is asked for clearly when its words weigh this much (the same bar as answers).
CLEAR = 3
# A figure this near the stored one, relatively, is the stored one loosely rounded.
NEAR = 0.02
# A date this many days from the stored one is the same event, dated a little off.
NEAR_DAYS = 45
# Units that say what a figure counts, so that a claim naming one needs no other words.
_TELLING = frozenset({"people", "gpus", "usd", "cny", "gpu-hours", "params", "tokens"})
_SPEC_KEYS = frozenset(spec.field for spec in SPECS)


class Checked(NamedTuple):
    """A figure or date set against the KB: the verdict (exact, close, contradicted or
    not-found), why, the stored value it names, what the claim stated, and the value the thing
    named holds when the claimed figure belongs to another record."""

    verdict: str
    why: str
    stored: Candidate | None
    claimed: str
    subject: Row | None = None
    held: Candidate | None = None


def check(index: Index, text: str, stated: Stated) -> Checked | None:
    """The verdict on the claim's figures and dates, or None when it states none or names
    nothing the KB holds a value of."""
    if not stated.amounts and not stated.dates:
        return None
    question = read(index, text)
    if question.subject is None or question.subject[0] == "topic":
        return None
    kind, record = question.subject
    found = candidates(index, kind, record, ())
    claims: list[Amount | Date] = [*stated.amounts, *stated.dates]
    exact = _matching(question, found, claims, _equal)  # an exact match settles it
    if exact is not None:
        return Checked("exact", "verbatim", exact[0], exact[1].text, record)
    # Another value is named only for a field the words ask for, never by the unit alone;
    # by the unit alone, a figure can only be the stored one rounded ($5.5 million for V3).
    eligible = {id(c): c for claim in claims for c in _eligible(question, found, claim, False)}
    if eligible:
        return _differs(index, question, record, claims, list(eligible.values()))
    amounts: list[Amount | Date] = list(stated.amounts)
    close = _matching(question, found, amounts, _near)
    if close is not None:
        return Checked("close", "rounded", close[0], close[1].text, record)
    return _elsewhere(index, question, record, claims)


def _matching(
    question: Question,
    found: list[Candidate],
    claims: list[Amount | Date],
    same: Callable[[Any, Any], bool],
) -> tuple[Candidate, Amount | Date] | None:
    """The first value of the fields asked that a claim's figure or date matches."""
    for claim in claims:
        for candidate in _eligible(question, found, claim):
            if same(claim, candidate.value):
                return candidate, claim
    return None


def _asked(question: Question, candidate: Candidate) -> int:
    """How clearly the claim's words ask for this value: its field's words and its label's."""
    words = asking_words()[candidate.key].words
    return phrase_score(question.rest, words) + label_score(question.rest, candidate.label)


def _eligible(
    question: Question, found: list[Candidate], claim: Amount | Date, by_unit: bool = True
) -> list[Candidate]:
    """The values a figure or date can be set against: of its kind (a sum of dollars against
    dollars), and of the fields the claim's words ask for, or, when they ask for none and
    `by_unit`, any value in a unit the claim named outright that says what it counts (60 人,
    10亿元; not a bare percentage)."""
    same = [c for c in found if _comparable(claim, c.value)]
    asked = [c for c in same if _asked(question, c) > 0]
    if asked or not by_unit or isinstance(claim, Date) or claim.dimension not in _TELLING:
        return asked
    return same


def _comparable(claim: Amount | Date, value: Any) -> bool:
    if isinstance(claim, Date):
        return isinstance(value, str) and value[:4].isdigit()
    quantities = value if isinstance(value, list) else [value]
    return any(
        isinstance(q, dict)
        and "unit" in q
        and (claim.dimension is None or dimension(q) == claim.dimension)
        for q in quantities
    )


def _quantities(value: Any) -> list[float]:
    items = value if isinstance(value, list) else [value]
    return [base_value(q) for q in items if isinstance(q, dict) and "unit" in q]


def _equal(claim: Amount | Date, value: Any) -> bool:
    if isinstance(claim, Date):
        return isinstance(value, str) and _same_day(claim.value, value)
    return any(
        abs(stored - wanted) <= 1e-9 * max(abs(stored), 1)
        for stored in _quantities(value)
        for wanted in (claim.value, *claim.alternatives)
    )


def _same_day(claimed: str, stored: str) -> bool:
    """2025-01-20 is 2025-01-20; 2025-01 is any day of it, and a stored 2025 any date in it."""
    shorter = min(len(claimed), len(stored))
    return claimed[:shorter] == stored[:shorter]


def _near(claim: Amount | Date, value: Any) -> bool:
    """Rounded ($6M for $5.576M), a little off (NEAR), or a date within NEAR_DAYS."""
    if isinstance(claim, Date):
        return isinstance(value, str) and _days_apart(claim.value, value) <= NEAR_DAYS
    for stored in _quantities(value):
        if rounds_to(claim, stored) or abs(stored - claim.value) <= NEAR * abs(stored):
            return True
    return False


def _days_apart(claimed: str, stored: str) -> int:
    low_a, high_a = (Day.fromisoformat(d) for d in _bounds(claimed))
    low_b, high_b = (Day.fromisoformat(d) for d in _bounds(stored))
    if high_a < low_b:
        return (low_b - high_a).days
    if high_b < low_a:
        return (low_a - high_b).days
    return 0


def _bounds(value: str) -> tuple[str, str]:
    low, high = date_bounds(value)
    if high.endswith("-31"):  # the last day of a month that has fewer
        for day in ("31", "30", "29", "28"):
            try:
                Day.fromisoformat(high[:-2] + day)
                return low, high[:-2] + day
            except ValueError:
                continue
    return low, high


def _main(claims: Sequence[Amount | Date]) -> Amount | Date:
    """The figure a claim is about: a date, or the amount whose unit it names, else the most
    precise."""
    dated = [c for c in claims if isinstance(c, Date)]
    amounts = [c for c in claims if isinstance(c, Amount)]
    if dated and not any(a.dimension for a in amounts):
        return max(dated, key=lambda d: len(d.value))
    return max(amounts, key=lambda a: (a.dimension is not None, a.digits))


def _differs(
    index: Index,
    question: Question,
    record: Row,
    claims: list[Amount | Date],
    found: list[Candidate],
) -> Checked:
    """The claim names the field and the thing holds it, with another value: close when rounded
    or a little off, contradicted when the errata supersede the claimed value or it is
    another value (another record's, when one holds it)."""
    claim = _main(claims)
    usable = [c for c in found if _comparable(claim, c.value)] or found
    stored = max(usable, key=lambda c: (_asked(question, c), c.subject is None, _first(c)))
    if any(_equal(claim, old) for old in _superseded(stored)):
        return Checked("contradicted", "errata", stored, claim.text, record)
    if _near(claim, stored.value):
        return Checked(
            "close", "date" if isinstance(claim, Date) else "rounded", stored, claim.text, record
        )
    for other in _holders(index, stored.key, record):
        if _equal(claim, other.value):
            return Checked("contradicted", "another-record", stored, claim.text, record, other)
    return Checked("contradicted", "different", stored, claim.text, record)


def _first(candidate: Candidate) -> bool:
    """A record's first figure, and a record mainly about the thing, before the others."""
    about = candidate.record.get("about") or [None]
    mainly = candidate.subject is None or about[0] == candidate.subject["id"]
    return (mainly and not candidate.field.endswith("]")) or candidate.field.endswith("[0]")


def _superseded(candidate: Candidate) -> list[Any]:
    """The values the errata replaced with this one (the article's 2.1B for V2's 21B)."""
    node: Any = candidate.record
    for part in (
        candidate.field.split(".")[:-1]
        if candidate.field.endswith(".date")
        else (candidate.field.split("."))
    ):
        node = node.get(part) if isinstance(node, dict) else None
    if not isinstance(node, dict):
        return []
    return [old["value"] for old in node.get("superseded", []) if isinstance(old, dict)]


def _elsewhere(
    index: Index, question: Question, record: Row, claims: list[Amount | Date]
) -> Checked:
    """The thing holds no such value: contradicted when another record holds the claimed one
    for the same field (V2's "$5.5M" is V3's training cost), else not in the KB."""
    key, score = best_asked(question.rest, question.cues)
    claim = _main(claims)
    if score >= CLEAR:
        for other in _holders(index, key, record):
            if _comparable(claim, other.value) and (
                _equal(claim, other.value) or _near(claim, other.value)
            ):
                return Checked("contradicted", "another-record", other, claim.text, record)
    return Checked("not-found", "not-stated", None, claim.text, record)


def _holders(index: Index, key: str, record: Row) -> Iterator[Candidate]:
    """The same field on every other model: its spec, or its release date."""
    if key not in _SPEC_KEYS and key != "released":
        return
    for model in index.records("model"):
        if model["id"] == record["id"]:
            continue
        if key == "released" and model.get("released"):
            held = model["released"]
            yield Candidate(key, "model", model, "released.date", held["date"], held["sources"])
        spec = (model.get("specs") or {}).get(key)
        if spec:
            yield Candidate(
                key,
                "model",
                model,
                f"specs.{key}",
                spec["value"],
                spec["sources"],
                spec.get("note"),
            )
