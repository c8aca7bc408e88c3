"""How each value is known and who tells it: a status on every value, and the knowledge base as
one tier of sources tells it, claim by claim.

A *holder* is any part of a record with its own `sources`: the record itself (its title, date,
text), a spec, a release date, a claim, a superseded value, a Hugging Face repository, or a text
(a `description`, a `note` …) that names its own citations. A text without `sources` rests on
its holder's citations.

**The status rule** (`infer_status`), for every holder whose data does not state one:
1. a superseded value is `superseded` (deprecated; its reason says why);
2. a date with `basis: commit-date` is `commit-metadata`;
3. cited to an official source that is neither a git commit nor an image: `stated`;
4. cited to an image: `transcribed`;
5. cited to the article or a page it cites: `third-party` (the article's claim);
6. cited to git commits alone: `commit-metadata`.
The data states a status only where the rule cannot see it (`kinds.EXPLICIT_STATUSES`):
`derived` (its note names the inputs) and `transcribed`.

**One tier** (`tell`, `--from article|official`): a holder is told by a tier when one of its
own citations is of that tier, and then it keeps only those citations (its status follows from
them). As the article tells it, a value the article stated and a better source corrected is the
article's value again, with the correction as its note; the knowledge base's own notes are left
out. As the official files tell it, a value only the article states is left out, and so is a text
resting on the article alone. A record whose own title, date or text no source of the tier tells
is shown only for what that tier does tell (a model's specs), or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from deepseek_kb.kinds import EXPLICIT_STATUSES, NAMED, Status, Tier, source_tier

# Every source's tier and kind, by id: what the status rule and the tiers read of a citation.
SourceInfo = Mapping[str, tuple[str, str]]
Json = Mapping[str, Any]

# The marks views draw beside a value that is not stated; † and ‡ are the older two.
STATUS_MARKS: dict[str, str] = {
    Status.superseded: "†",
    Status.commit_metadata: "‡",
    Status.third_party: "°",
    Status.derived: "ƒ",
    Status.transcribed: "¶",
}
_NOT_CLAIMS = frozenset({"id", "name", "aliases", "provenance"})


def source_info(sources: Iterable[Json]) -> dict[str, tuple[str, str]]:
    """Every source's tier and kind, from the source records."""
    return {s["id"]: (source_tier(s["kind"], s.get("repo")).value, s["kind"]) for s in sources}


# The rule's words as plain strings: it runs for every holder of every record read.
_ARTICLE, _OFFICIAL = Tier.article.value, Tier.official.value
_STATED, _TRANSCRIBED = Status.stated.value, Status.transcribed.value
_THIRD_PARTY, _COMMIT = Status.third_party.value, Status.commit_metadata.value
_UNCITED = (_ARTICLE, "web-page")  # a citation of a source the KB does not list


def _about(ref: Any, info: SourceInfo) -> tuple[str, str]:
    if not isinstance(ref, Mapping):
        return _UNCITED
    return info.get(ref["source"], _UNCITED)


def infer_status(holder: Json, info: SourceInfo) -> str:
    """A holder's status: the one its data states, else the rule of this module's docstring
    ('' for a holder without citations, which `dskb validate` reports)."""
    if holder.get("status") in EXPLICIT_STATUSES:  # what the data states; the rest is the rule's
        return str(holder["status"])
    if holder.get("basis") == "commit-date":
        return _COMMIT
    found = [_about(ref, info) for ref in holder.get("sources", [])]
    if any(t == _OFFICIAL and k not in ("git-commit", "image") for t, k in found):
        return _STATED
    if any(k == "image" for _, k in found):
        return _TRANSCRIBED
    if any(t == _ARTICLE for t, _ in found):
        return _THIRD_PARTY
    if found:
        return _COMMIT
    return ""  # no citation: no status (`dskb validate` says so)


class Caveat(NamedTuple):
    """What a reader must know beside a value: how it is known, its mark and its own note."""

    status: str
    mark: str
    note: Json | None


def caveat(holder: Json) -> Caveat:
    """The status, mark and note of a value as a query returned it (statuses are filled in)."""
    status = str(holder.get("status") or Status.stated.value)
    return Caveat(status, STATUS_MARKS.get(status, ""), holder.get("note"))


def count_statuses(value: Any, counts: dict[str, int]) -> None:
    """Add up the statuses of every holder in a JSON form that went through `with_status`;
    a holder without one counts under ''."""
    if isinstance(value, list):
        for item in value:
            count_statuses(item, counts)
    elif isinstance(value, dict):
        if "sources" in value:
            status = str(value.get("status") or "")
            counts[status] = counts.get(status, 0) + 1
        for item in value.values():
            count_statuses(item, counts)


_NESTED = (dict, list)


def with_status(value: Any, info: SourceInfo, superseded: bool = False) -> Any:
    """The JSON form with a status on every holder (see the module's docstring)."""
    if isinstance(value, list):
        return [with_status(v, info, superseded) if isinstance(v, _NESTED) else v for v in value]
    if not isinstance(value, dict):
        return value
    # A plain value (most of a record) is itself: no call for it.
    out = {
        k: with_status(v, info, k == "superseded") if isinstance(v, _NESTED) else v
        for k, v in value.items()
        if k != "status"
    }
    if "sources" in value:  # last, wherever the data wrote it: one key order for every reader
        out["status"] = Status.superseded.value if superseded else infer_status(value, info)
    elif "status" in value:  # a figure the data says is derived
        out["status"] = value["status"]
    return out


def status_hook(info: SourceInfo) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A `json.loads` object hook that gives every holder its status as the JSON is read:
    `with_status` of the decoded record, the same keys in the same order, without walking and
    copying it a second time (a holder is read before the one holding it)."""

    def hook(value: dict[str, Any]) -> dict[str, Any]:
        if "sources" in value:
            status = infer_status(value, info)
            value.pop("status", None)
            value["status"] = status
        elif "status" in value:
            value["status"] = value.pop("status")
        if isinstance(old := value.get("superseded"), _NESTED):
            _mark_superseded(old)
        return value

    return hook


def _mark_superseded(value: Any) -> None:
    """The holders a `superseded` field lists (in lists of lists too) are superseded."""
    if isinstance(value, list):
        for item in value:
            if isinstance(item, _NESTED):
                _mark_superseded(item)
    elif "sources" in value:
        value["status"] = Status.superseded.value


def tell(kind: str, row: dict[str, Any], tier: str | None, info: SourceInfo) -> Any:
    """A record as one tier tells it, with its statuses; None when the tier tells none of it."""
    if kind == "source":
        return row
    if tier is None:
        return with_status(row, info)
    mine = _mine(row["sources"], tier, info)
    older = _older(row, tier, info)
    out = _told_fields(row, tier, info, bool(mine or older))
    if older and (tier == Tier.article or not mine):
        return _restated(out, row, older, tier, info)
    if not mine:
        told = kind in NAMED and any(_has_holder(v) for k, v in out.items() if k not in _NOT_CLAIMS)
        return {**out, "sources": [], "provenance": [tier]} if told else None
    return _finish(out, row, mine, tier, info)


def _told_fields(row: dict[str, Any], tier: str, info: SourceInfo, cited: bool) -> dict[str, Any]:
    """The record's fields as the tier tells them; a field resting on the record's own
    citations only when the tier cites the record (`cited`)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key in _NOT_CLAIMS:
            out[key] = value
        elif key not in ("sources", "superseded", "status") and (
            cited or not _rests_on_record(key, value)
        ):
            told = _walk(key, value, tier, info)
            if told is not None:
                out[key] = told
    return out


def _rests_on_record(key: str, value: Any) -> bool:
    """A field whose only citations are its record's: a text, a date, figures, a list of texts."""
    if key in ("date", "founded", "basis", "figures"):
        return True
    if isinstance(value, dict):
        return "zh" in value and "sources" not in value
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, dict) and "sources" not in v for v in value)
    )


def _has_holder(value: Any) -> bool:
    if isinstance(value, list):
        return any(_has_holder(v) for v in value)
    if isinstance(value, dict):
        return "sources" in value or any(_has_holder(v) for v in value.values())
    return False


def _mine(refs: list[Any], tier: str, info: SourceInfo) -> list[Any]:
    return [r for r in refs if _about(r, info)[0] == tier]


def _older(holder: Json, tier: str, info: SourceInfo) -> Json | None:
    """The first superseded value a source of this tier stated, if any."""
    for old in holder.get("superseded", []):
        if _mine(old["sources"], tier, info):
            return old  # type: ignore[no-any-return]
    return None


def _replaced_field(item: Json) -> str:
    """Which field a superseded value stood in for: a spec's value, a date, a claim's text."""
    if "value" in item:
        return "value"
    if "text" in item and "title" not in item:
        return "text"
    return "date"


def _walk(key: str, value: Any, tier: str, info: SourceInfo) -> Any:
    """A field as the tier tells it: holders told or left out, the KB's notes out for the article."""
    if key == "note" and isinstance(value, dict) and "sources" not in value:
        return None if tier == Tier.article else value
    if isinstance(value, list):
        return [t for t in (_walk("", v, tier, info) for v in value) if t is not None]
    if not isinstance(value, dict):
        return value
    if "sources" in value:
        return _holder(value, tier, info)
    return {k: t for k, v in value.items() if (t := _walk(k, v, tier, info)) is not None}


def _holder(holder: dict[str, Any], tier: str, info: SourceInfo) -> Any:
    mine = _mine(holder["sources"], tier, info)
    older = _older(holder, tier, info)
    if older and (tier == Tier.article or not mine):
        return _restated({}, holder, older, tier, info)
    if not mine:
        return None
    out = {
        k: t
        for k, v in holder.items()
        if k not in ("sources", "superseded", "status")
        and (t := _walk(k, v, tier, info)) is not None
    }
    return _finish(out, holder, mine, tier, info)


def _finish(
    out: dict[str, Any], holder: Json, mine: list[Any], tier: str, info: SourceInfo
) -> dict[str, Any]:
    """A holder the tier tells: its own citations of that tier, the tier's older values, a status."""
    kept = [
        {**old, "sources": _mine(old["sources"], tier, info), "status": Status.superseded.value}
        for old in holder.get("superseded", [])
        if _mine(old["sources"], tier, info)
    ]
    out = {**out, "sources": mine, **({"superseded": kept} if kept else {})}
    if "provenance" in holder:
        out["provenance"] = [tier]
    out["status"] = infer_status({**holder, "sources": mine}, info)
    return out


def _restated(
    out: dict[str, Any], holder: Json, older: Json, tier: str, info: SourceInfo
) -> dict[str, Any]:
    """The value this tier stated before a better source corrected it, and the correction as its
    note: the figures, basis and notes of the corrected value are not the tier's."""
    field = _replaced_field(holder)
    mine = _mine(older["sources"], tier, info)
    kept = {k: v for k, v in out.items() if k not in ("figures", "basis", "note", field)}
    restated = {**kept, field: older["value"], "sources": mine, "note": older["reason"]}
    if "provenance" in holder:
        restated["provenance"] = [tier]
    restated["status"] = infer_status({"sources": mine}, info)
    return restated
