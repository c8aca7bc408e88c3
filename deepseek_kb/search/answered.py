"""What an answer is: the value found (with its caveat, the other values stated for the same
thing and the values read beside it), or that the sources read do not state what was asked."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from deepseek_kb.asking import KIND_LABELS
from deepseek_kb.messages import say
from deepseek_kb.rows import Row
from deepseek_kb.search.answerables import Candidate
from deepseek_kb.search.question import Asking, vocabulary
from deepseek_kb.values import cites, format_value, name_of, pick


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
    stands_for: Row | None = None

    def text(self, lang: str) -> str:
        """The value as read in one language ($5.576M, 128K, 2023-05, 梁文锋), with the values
        read beside it."""
        shown = "en" if lang == "both" else lang
        text = format_value(self.value, shown)
        if self.stands_for:
            text += (
                f"（{self.stands_for['zh']}）" if shown == "zh" else f" ({self.stands_for['en']})"
            )
        for asking, other in self.companions:
            said, label = format_value(other.value, shown), _label(asking, shown)
            # Its label once: "GPU hours 2.788M", not "GPU hours 2.788M GPU hours".
            text += f"; {said}" if label.casefold() in said.casefold() else f"; {label} {said}"
        return text

    def line(self, lang: str) -> str:
        """`DeepSeek-V3 · training cost · $5.576M · v3-paper p.5`."""
        shown = "en" if lang == "both" else lang
        whose = name_of(self.subject or self.record, shown)
        what = _label(self.asking, shown, self.kind)
        label = pick(self.label, shown) if self.label else ""
        if label.casefold() in ("", whose.casefold()):
            pass  # said once: an event's title is whose date it is
        elif self.asking.key == "date" or label.casefold() == what.casefold():
            what = label
        else:
            what = f"{what} ({label})"
        if whose == self.text(shown) and self.record.get("date"):
            whose = str(self.record["date"])  # what came out: the event, by its date
        if self.asking.key == "speaker":
            said = pick(self.record["text"], shown)
            whose = f"“{said[:40]}…”" if len(said) > 40 else f"“{said}”"
        return " · ".join((whose, what, self.text(shown), cites(self.sources, shown)))

    def caveats(self, lang: str) -> list[str]:
        """The value's caveat, then each other value stated for the same thing, with its own."""
        shown = "en" if lang == "both" else lang
        lines = [pick(self.note, shown)] if self.note else []
        for other in self.also:
            said = format_value(other.value, shown)
            if other.label and pick(other.label, shown) != pick(self.label, shown):
                said += f" · {pick(other.label, shown)}"  # which price: cache hit, output …
            where = f"{name_of(other.record, shown)}, {cites(other.sources, shown)}"
            lines.append(f"{say('answer.also_stated', shown)}{said} ({where})")
            note = pick(other.note, shown) if other.note else ""
            if note and note not in lines:  # a note shared by several values, once
                lines.append(note)
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
        if self.stands_for:
            answer["stands_for"] = self.stands_for
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
    why: Candidate | None = None

    def line(self, lang: str) -> str:
        """`DeepSeek-R1 · training cost: not stated in the sources dskb has read`."""
        shown = "en" if lang == "both" else lang
        whose = name_of(self.record, shown)
        return say(
            "answer.not_stated", shown, whose=whose, what=_label(self.asking, shown, self.kind)
        )

    def caveats(self, lang: str) -> list[str]:
        """What the sources say of what was not found (a record of where dskb looked), cited."""
        if self.why is None:
            return []
        shown = "en" if lang == "both" else lang
        return [f"{format_value(self.why.value, shown)} ({cites(self.why.sources, shown)})"]

    def as_json(self, terms: list[str]) -> Row:
        """The thing asked about, first, with how = not-stated and the field asked for."""
        match: Row = {"field": self.asking.key, "how": "not-stated", "terms": terms}
        if self.why is not None:
            match["why"] = {"id": self.why.record["id"], "text": self.why.value}
        return {
            "id": self.record["id"],
            "type": self.kind,
            "score": 0.0,
            "match": match,
            "record": self.record,
        }


def _label(asking: Asking, lang: str, kind: str = "") -> str:
    zh, en = KIND_LABELS.get((asking.key, kind), (asking.zh, asking.en))
    return zh if lang == "zh" else en


# Values shown together: an input price is read with its output price.
COMPANIONS = {"api_price_input": "api_price_output", "api_price_output": "api_price_input"}


def same_value(value: Any) -> str:
    """A value as one comparable text: 10000 GPUs once, however many records state it, and a
    list of prices in whichever order its cases are told."""
    if isinstance(value, dict) and "unit" in value:
        return f"{value['value']} {value['unit']}"
    if isinstance(value, list):
        return json.dumps(sorted(same_value(v) for v in value), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _part_of(one: Candidate, other: Candidate) -> bool:
    """Whether one value is part of the other in the same record (claims[6].figures[0] of
    claims[6])."""
    return one.record is other.record and one.field.startswith(f"{other.field}.")


def answer_from(chosen: Candidate, same: list[Candidate], record: Row) -> Answer:
    """The answer, with the other values stated for the same field and its companions."""
    words = vocabulary()
    if chosen.key == "figure" and chosen.label is not None and chosen.label == chosen.value:
        # A claim's whole sentence is a passage "as the sources put it", not a figure labelled
        # by itself.
        chosen = chosen._replace(key="passage", label=None)
    seen = {same_value(chosen.value)}
    also = []
    for other in same:
        if _part_of(chosen, other) or _part_of(other, chosen):
            continue  # a figure and the claim it is a figure of say one thing
        if same_value(other.value) not in seen:
            seen.add(same_value(other.value))
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
