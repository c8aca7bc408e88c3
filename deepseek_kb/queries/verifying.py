"""`dskb verify`: a quote or a figure checked against the KB, with everything a reporter needs
beside the verdict: who said it and when, how the value is known (the article, DeepSeek's own
files, or both), how many sources hold it, and its citation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from deepseek_kb.citations import unique
from deepseek_kb.errors import ExitCode
from deepseek_kb.index.store import Found, Index
from deepseek_kb.queries.citing import Citation, Cited, references
from deepseek_kb.queries.common import checked_query, names_for
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.question import vocabulary
from deepseek_kb.search.verify import Verdict, verify

# The exit status of each verdict: found (exact or close) is success.
EXIT = {
    "exact": ExitCode.OK,
    "close": ExitCode.OK,
    "contradicted": ExitCode.CONTRADICTED,
    "not-found": ExitCode.NOT_FOUND,
}


@dataclass(frozen=True)
class Held:
    """A stored value or quote as the verdict names it: its citation (what `dskb cite` gives),
    the tiers of its sources, how many distinct sources hold it, and the earliest date among
    them."""

    candidate: Candidate
    cited: Cited
    tiers: tuple[str, ...]
    sources: int
    date: str | None


@dataclass(frozen=True)
class Checked:
    """A claim's verdict with the stored value it names (and, when a figure belongs to another
    record, the value the thing named holds), the people the claim names and all names used."""

    verdict: Verdict
    stored: Held | None
    held: Held | None
    names: dict[str, Row] = field(default_factory=dict)

    @property
    def exit_code(self) -> ExitCode:
        """0 for exact or close, 1 for not in the KB, 5 for contradicted."""
        return EXIT[self.verdict.verdict]


def check_claim(index: Index, typed: str) -> Checked:
    """The verdict on a claim, with citations."""
    claim = checked_query(typed, "noun.claim", "give.claim")
    verdict = verify(index, claim)
    stored = _held(index, verdict.stored or verdict.nearest)
    held = _held(index, verdict.held)
    records: list[Row] = [verdict.subject] if verdict.subject else []
    if stored is not None:
        records.append(stored.candidate.record)
    speakers = index.get_many(list(verdict.speakers))
    names = names_for(index, records, [f.row for f in speakers.values()])
    names.update({k: f.row for k, f in speakers.items()})
    return Checked(verdict, stored, held, names)


def _held(index: Index, candidate: Candidate | None) -> Held | None:
    if candidate is None:
        return None
    refs = unique(candidate.sources)
    ids = list(dict.fromkeys(str(r["source"]) for r in refs))
    sources = index.get_many(ids)
    citations = [
        Citation(
            candidate.record,
            candidate.kind,
            candidate.field,
            dict(r),
            sources[r["source"]].row if r["source"] in sources else None,
        )
        for r in refs
    ]
    info = index.source_info()
    tiers = tuple(sorted({info[i][0] for i in ids if i in info}))
    dates = sorted(str(f.row["date"]) for f in sources.values() if f.row.get("date"))
    quote = candidate.kind == "quote"
    asking = vocabulary().get(candidate.key)
    cited = Cited(
        Found(candidate.kind, candidate.record),
        citations,
        references(index, ids),
        field=None if quote else candidate.field,
        value=None if quote else candidate.value,
        label=(asking.zh, asking.en) if asking and not quote else None,
        caveat=candidate.note,
        subject=candidate.subject,
        names=names_for(index, [candidate.record]),
    )
    return Held(candidate, cited, tiers, len(ids), dates[0] if dates else None)


def as_json(checked: Checked, citation: str | None, lang: str) -> Row:
    """The verdict as scripts read it."""
    verdict = checked.verdict
    out: dict[str, Any] = {
        "claim": verdict.claim,
        "verdict": verdict.verdict,
        "why": verdict.why,
        "checked": verdict.what,
    }
    if verdict.claimed:
        out["claimed"] = verdict.claimed
    if verdict.speakers:
        out["attributed_to"] = list(verdict.speakers)
    if verdict.subject is not None:
        out["about"] = verdict.subject["id"]
    if checked.stored is not None:
        key = "nearest" if verdict.stored is None else "stored"
        out[key] = _held_json(checked.stored)
        if citation and verdict.stored is not None:
            out["stored"]["citation"] = citation
    if checked.held is not None:
        out["figure_held_by"] = _held_json(checked.held)
    if verdict.changes:
        out["changes"] = [{"stored": c.stored, "claimed": c.claimed} for c in verdict.changes]
    if verdict.similarity:
        out["similarity"] = verdict.similarity
    out["exit_code"] = int(checked.exit_code)
    return out


def _held_json(held: Held) -> Row:
    from deepseek_kb.values import cites, format_value

    candidate = held.candidate
    out: dict[str, Any] = {
        "id": candidate.record["id"],
        "type": candidate.kind,
        "field": candidate.field,
    }
    if candidate.kind == "quote":
        out["speaker"] = candidate.record.get("speaker")
        out["text"] = candidate.record["text"]
    else:
        out["asked"] = candidate.key
        out["value"] = candidate.value
        out["text"] = format_value(candidate.value, "en")
        if candidate.label:
            out["label"] = candidate.label
        if candidate.subject is not None:
            out["about"] = candidate.subject["id"]
        if candidate.note:
            out["note"] = candidate.note
    out["tiers"] = list(held.tiers)
    out["sources"] = held.sources
    if held.date:
        out["date"] = held.date
    out["cites"] = cites(candidate.sources)
    out["citations"] = [c.as_json() for c in held.cited.citations]
    return out
