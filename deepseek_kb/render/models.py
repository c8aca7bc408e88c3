"""`dskb models`: the list of models, and one model in full (the comparison is compare.py)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from deepseek_kb.kinds import SPEC_BY_FIELD, SPECS
from deepseek_kb.render.layout import (
    COMMIT,
    DASH,
    MARK,
    NOTE,
    aligned,
    dated,
    footnotes,
    hang,
    label,
    legend,
    mentions_table,
    prewrapped,
    status_mark,
    styled,
    value_marks,
    word,
)
from deepseek_kb.render.terminal import escape
from deepseek_kb.values import cites, format_value, name_of, pick

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from deepseek_kb.index.store import Found
    from deepseek_kb.rows import ClaimRow, DatedRow, ModelRow, RefRow, SpecRow


def date_cell(released: DatedRow | None) -> str:
    """A release date for a table cell with its marks: ‡ a commit date, ° the article's, † corrected."""
    if not released:
        return DASH
    return str(released["date"]) + value_marks({k: v for k, v in released.items() if k != "note"})


def spec_cell(
    spec: SpecRow | None, lang: str, scale: tuple[float, str] | None = None, noted: bool = True
) -> str:
    """A spec's value in the reader's language with its marks (status, † corrected, and * for a
    caveat given in a footnote unless `noted` is off: the caveat is printed beside it)."""
    if not spec:
        return DASH
    text = format_value(spec["value"], lang if lang != "both" else "en", scale)
    if lang == "both" and isinstance(spec["value"], dict) and "zh" in spec["value"]:
        text = pick(spec["value"], "both")
    marks = value_marks(spec)
    return text + (marks if noted else marks.replace(NOTE, ""))


def _sizes(model: ModelRow, lang: str) -> str:
    """Parameters and context in a few words: 671B total · 37B active · 128K context."""
    specs = model.get("specs", {})
    parts = []
    for field in ("total_params", "active_params", "context_length"):
        zh, en = SPEC_BY_FIELD[field].short or ("", "")
        if field in specs:
            value = spec_cell(specs[field], "en" if lang == "both" else lang)
            parts.append(f"{label(lang, zh, en)} {value}" if lang != "en" else f"{value} {en}")
    return " · ".join(parts)


def models_table(
    models: list[ModelRow], lang: str, width: int, introduces: dict[str, list[str]] | None = None
) -> list[RenderableType]:
    """One block per model: name and release date, sizes, and what it introduced."""
    out = prewrapped()
    out.append(word(lang, "models.deepseek_models") + "\n", "bold")
    for model in models:
        head = styled(name_of(model, "en" if lang == "both" else lang), "bold")
        released = model.get("released")
        if released:
            when = dated(released["date"], released.get("status"), lang)
            head.append("  " + when, "cyan")
            marks = status_mark(released).replace(COMMIT, "") + (
                MARK if released.get("superseded") else ""
            )
            if marks:
                head.append(marks)
        out.append("\n")
        hang(out, styled(""), head, 0, width)
        details = _sizes(model, lang)
        new = (introduces or {}).get(model["id"])
        if new:
            details += (" · " if details else "") + word(lang, "models.introduced") + ", ".join(new)
        if details:
            hang(out, styled("  "), styled(details, "dim"), 2, width)
    fields = ("released", "total_params", "active_params", "context_length")
    return [out, footnotes(superseded_notes(models, fields, lang))]


def _held(
    model: ModelRow, field: str, shown: str, lang: str
) -> tuple[DatedRow | SpecRow | None, str, str]:
    """A model's value of one field (its release date or a spec): what holds it, what it is
    called and the value as it reads now."""
    if field == "released":
        released = model.get("released")
        return (
            released,
            word(shown, "models.release_date"),
            released["date"] if released else "",
        )
    spec = model.get("specs", {}).get(field)
    info = SPEC_BY_FIELD[field]
    what = info.zh if lang == "zh" else info.en.lower()
    return spec, what, format_value(spec["value"], lang) if spec else ""


def _corrections(
    holder: DatedRow | SpecRow, about: str, current: str, shown: str, lang: str
) -> Iterator[str]:
    """A footnote per earlier value of one value: now, was, where, why."""
    for old in holder.get("superseded", []):
        yield (
            f"{MARK} {about}: {current} "
            f"({word(shown, 'models.stated_as')} {format_value(old['value'], lang)}, "
            f"{cites(old['sources'], lang)}) — {pick(old['reason'], lang)}"
        )


def superseded_notes(
    models: list[ModelRow], fields: Iterable[str], shown: str, caveats: bool = True
) -> list[str]:
    """A footnote for every value a better source corrected (now, was, where, why) and, with
    `caveats`, for every value's own caveat (*); then what each status mark means."""
    lang = "en" if shown == "both" else shown
    fields = tuple(fields)
    notes: list[str] = []
    cautions: list[str] = []
    for model in models:
        for field in fields:
            holder, what, current = _held(model, field, shown, lang)
            if holder:
                about = f"{name_of(model, lang)} {what}"
                notes.extend(_corrections(holder, about, current, shown, lang))
                note = holder.get("note") if caveats and field != "released" else None
                if note:
                    cautions.append(f"{NOTE} {about}: {pick(note, lang)}")
    notes.extend(cautions)
    return notes + _mark_legend(models, fields, shown)


def _mark_legend(models: list[ModelRow], fields: tuple[str, ...], shown: str) -> list[str]:
    """What each status mark shown means; a commit's date said in full."""
    holders = [
        m.get("released") if f == "released" else m.get("specs", {}).get(f)
        for m in models
        for f in fields
    ]
    marks = [status_mark(h) for h in holders]
    lines = [line for line in legend("".join(marks), shown) if not line.startswith(COMMIT)]
    if "released" in fields and any(status_mark(m.get("released")) == COMMIT for m in models):
        lines.append(f"{COMMIT} " + word(shown, "models.a_git_commit_s_author"))
    return lines


def _head(model: ModelRow, lang: str) -> list[str]:
    """The panel at the top of a model: name, summary, aliases, release, lineage, note."""
    head = [
        f"[bold]{escape(name_of(model, lang))}[/]  [dim]{model['id']}[/]",
        escape(pick(model.get("summary"), lang)),
    ]
    if model.get("aliases"):
        head.append(
            f"[dim]{word(lang, 'models.aliases')}:[/] {escape(', '.join(model['aliases']))}"
        )
    released = model.get("released")
    if released:
        when = dated(released["date"], released.get("status"), lang)
        marks = status_mark(released).replace(COMMIT, "")
        head.append(
            f"[dim]{word(lang, 'models.released')}:[/] {escape(when + marks)}  "
            f"[dim]{escape(cites(released['sources'], lang))}[/]"
        )
        if released.get("note"):
            head.append(f"[dim italic]{escape(pick(released['note'], lang))}[/]")
    if model.get("variant_of"):
        head.append(f"[dim]{word(lang, 'models.variant_of')}:[/] {model['variant_of']}")
    provenance: list[str] = list(model.get("provenance") or [])  # type: ignore[call-overload]
    if provenance:
        words = {
            "article": word(lang, "models.the_article"),
            "official": word(lang, "models.official_files"),
        }
        joiner = {"zh": "、", "en": " and "}.get(lang, " · ")
        shown = joiner.join(words[p] for p in provenance if p in words)
        head.append(f"[dim]{word(lang, 'models.from')}:[/] {escape(shown)}")
    if model.get("note"):
        head.append(escape(pick(model["note"], lang)))
    return head


def model_detail(
    model: ModelRow, mentions: list[Found], lang: str, width: int
) -> list[RenderableType]:
    """Everything about one model: specs with sources, claims, errata, events and quotes.
    Every value is whole (a repository id, a long licence): wrapped, never cut."""
    from rich.panel import Panel

    parts: list[RenderableType] = [Panel("\n".join(_head(model, lang)), expand=False)]
    out = prewrapped()
    out.append(word(lang, "models.specifications") + "\n", "bold")
    rows = []
    for field, _, zh, en, _ in SPECS:
        spec = model.get("specs", {}).get(field)
        if spec:
            cell = _sourced(spec_cell(spec, lang, noted=False), spec["sources"], lang)
            if spec.get("note"):  # the caveat travels with its value
                cell.append("\n" + pick(spec["note"], lang), "italic")
            rows.append((label(lang, zh, en), cell))
    for repo in model.get("huggingface", []):
        rows.append(("Hugging Face", _sourced(repo["repo"], repo["sources"], lang)))
    aligned(out, rows, width)
    if model.get("claims"):
        out.append("\n" + word(lang, "models.claims") + "\n", "bold")
        for claim in model["claims"]:
            marks = status_mark(claim) + (MARK if claim.get("superseded") else "")
            text = pick(claim["text"], lang) + (f" {marks}" if marks else "")
            hang(out, styled("  • "), _sourced(text, claim["sources"], lang), 4, width)
            if claim.get("note"):
                hang(out, styled("    "), styled(pick(claim["note"], lang), "italic"), 4, width)
    errata = list(_errata(model, lang))
    if errata:
        heading = word(lang, "models.errata_values_a_better_source")
        out.append("\n" + heading + "\n", "bold")
        for line in errata:
            hang(out, styled("  "), styled(line), 4, width)
    meanings = legend(out.plain + "".join(_head(model, lang)), lang)
    if meanings:
        out.append("\n" + "\n".join(meanings) + "\n", "dim")
    parts.append(out)
    if mentions:
        parts.append(mentions_table(mentions, lang, width))
    return parts


def _sourced(value: str, sources: Sequence[RefRow], lang: str) -> Text:
    """A value followed by its sources, dimmed: `671B  v3-readme L47, article §… L330`."""
    text = styled(value)
    text.append("  " + cites(sources, lang), "dim")
    return text


def _errata(model: ModelRow, lang: str) -> Iterator[str]:
    items: list[tuple[str, DatedRow | SpecRow | ClaimRow]] = []
    if model.get("released"):
        items.append((word(lang, "models.release_date_2"), model["released"]))
    for field, _, zh, en, _ in SPECS:
        spec = model.get("specs", {}).get(field)
        if spec:
            items.append((label(lang, zh, en), spec))
    for claim in model.get("claims", []):
        items.append((word(lang, "models.claim"), claim))
    for what, holder in items:
        for old in holder.get("superseded", []):
            yield (
                f"{MARK} {what}: {word(lang, 'models.stated_as')} «{format_value(old['value'], lang)}» "
                f"({cites(old['sources'], lang)}) — {pick(old['reason'], lang)}"
            )
