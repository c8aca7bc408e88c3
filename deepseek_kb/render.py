"""The only module that knows Rich and owns the terminal: records and hits in, text out.

Human output goes through Rich on stdout; messages for people go to stderr; machine formats
(JSON) are written plainly, never through Rich. Rich is imported only when something is drawn
for a person, so `--json` runs never pay for it.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from deepseek_kb.formatting import (
    SPEC_FIELDS,
    SPEC_GROUPS,
    Record,
    base_value,
    cites,
    dimension,
    format_value,
    name_of,
    pick,
    scale_for,
)

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from deepseek_kb.errors import Problem
    from deepseek_kb.search import Hit


class OutputClosed(BaseException):
    """The reader of stdout went away (`dskb timeline | head -n 1`); stop quietly."""


@dataclass(frozen=True)
class Options:
    """How to draw: the language of text, colour and paging."""

    lang: str = "en"
    color: str = "auto"
    pager: bool | None = None


_options = Options()
DASH = "—"
MARK = "†"


def configure(options: Options) -> None:
    """Set the drawing options for this run (called once by the CLI)."""
    global _options
    _options = options


def _utf8(stream: Any) -> bool:
    encoding = (getattr(stream, "encoding", None) or "ascii").lower().replace("_", "-")
    try:
        "中—".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


@cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class QuietConsole(Console):
        """Rich exits with status 1 on a closed pipe; dskb stops quietly instead."""

        def on_broken_pipe(self) -> None:
            raise OutputClosed

    return QuietConsole


def _console(stderr: bool = False) -> Console:
    Console = _console_class()
    stream = sys.stderr if stderr else sys.stdout
    if not _utf8(stream) and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")
    color = _options.color
    if color == "never" or (color == "auto" and os.environ.get("NO_COLOR")):
        return Console(file=stream, no_color=True, color_system=None, highlight=False, emoji=False)
    if color == "always":  # even TERM=dumb gets colour when asked for it explicitly
        truecolor = os.environ.get("COLORTERM") in ("truecolor", "24bit")
        depth: Literal["truecolor", "256"] = "truecolor" if truecolor else "256"
        return Console(
            file=stream, force_terminal=True, color_system=depth, highlight=False, emoji=False
        )
    return Console(file=stream, highlight=False, emoji=False)


@contextmanager
def _guard() -> Iterator[None]:
    """Turn write failures into a quiet stop (reader gone) or a clear error (disk full)."""
    try:
        yield
    except BrokenPipeError:
        raise OutputClosed from None
    except OSError as error:
        from deepseek_kb.errors import DskbError

        raise DskbError(f"cannot write the output: {error.strerror or error}") from None


def show(renderables: Sequence[RenderableType], console: Console | None = None) -> None:
    """Print to stdout, through a pager when asked or when long output meets a terminal."""
    console = console or _console()
    with _guard():
        if _use_pager(console, renderables):
            with console.pager(styles=console.color_system is not None):
                for item in renderables:
                    console.print(item)
        else:
            for item in renderables:
                if console.color_system is None and _is_prewrapped(item):
                    # Nothing to style and nothing to wrap: the text is the output.
                    console.file.write(item.plain + "\n")  # type: ignore[union-attr]
                else:
                    console.print(item)


def _is_prewrapped(item: RenderableType) -> bool:
    return getattr(item, "no_wrap", False) is True and hasattr(item, "plain")


def _use_pager(console: Console, renderables: Sequence[RenderableType]) -> bool:
    if _options.pager is False or not console.is_terminal or not sys.stdin.isatty():
        return False
    if _options.pager:
        return True
    lines = sum(len(console.render_lines(r, pad=False)) for r in renderables)
    return lines > console.height


def write_json(data: Any) -> None:
    """Plain UTF-8 JSON on stdout; escaped to ASCII only if stdout cannot carry Chinese."""
    text = json.dumps(data, ensure_ascii=not _utf8(sys.stdout), indent=2)
    with _guard():
        sys.stdout.write(text + "\n")
        sys.stdout.flush()


def write_text(text: str) -> None:
    """Plain text on stdout, no markup (CSV, Markdown, completion scripts)."""
    with _guard():
        sys.stdout.write(text)
        sys.stdout.flush()


def error(message: str, hint: str | None = None) -> None:
    """An error for a person, on stderr, with what to try next."""
    console = _console(stderr=True)
    console.print(f"[bold red]error:[/] {_escape(message)}")
    if hint:
        console.print(f"[dim]hint:[/] {_escape(hint)}")


def note(message: str) -> None:
    """A side remark on stderr (a cache that could not be written, a slow first run)."""
    _console(stderr=True).print(f"[dim]note:[/] {_escape(message)}")


def problems(items: Iterable[Problem]) -> None:
    """Every problem of the data, one per line, on stderr."""
    console = _console(stderr=True)
    for problem in items:
        console.print(_escape(str(problem)), soft_wrap=True)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _text(value: str, style: str = "", highlight: Sequence[str] = ()) -> Text:
    from rich.text import Text

    text = Text(value, style=style)
    for word in highlight:
        if word:
            text.highlight_words([word], "bold yellow", case_sensitive=False)
    return text


def _lang() -> str:
    return _options.lang


def _label(zh: str, en: str) -> str:
    lang = _lang()
    return zh if lang == "zh" else en if lang == "en" else f"{zh} {en}"


# --- models -------------------------------------------------------------------------------------


def models_table(models: list[Record]) -> None:
    """One row per model: name, release date, size, context and what it introduced."""
    from rich.table import Table

    lang = _lang()
    table = Table(title=_label("DeepSeek 模型", "DeepSeek models"), title_justify="left")
    table.add_column(_label("模型", "Model"), no_wrap=True)
    table.add_column(_label("发布", "Released"), no_wrap=True)
    table.add_column(_label("总参数", "Total"), justify="right")
    table.add_column(_label("激活", "Active"), justify="right")
    table.add_column(_label("上下文", "Context"), justify="right")
    table.add_column(_label("主要贡献", "Introduced"), ratio=1)
    for model in models:
        specs = model.get("specs", {})
        released = model.get("released")
        table.add_row(
            _text(name_of(model, lang), "bold" if model.get("main") else ""),
            _date_cell(released),
            _spec_cell(specs.get("total_params")),
            _spec_cell(specs.get("active_params")),
            _spec_cell(specs.get("context_length")),
            pick(model.get("summary"), lang),
        )
    show([table, _footnote_text(_superseded_notes(models, ("released",)))])


def _date_cell(released: Record | None) -> str:
    if not released:
        return DASH
    return str(released["date"]) + (MARK if released.get("superseded") else "")


def _spec_cell(
    spec: Record | None, scale: tuple[float, str] | None = None, short: bool = False
) -> str:
    if not spec:
        return DASH
    # In the compare table the row label names the unit ("GPU hours", "Routed experts").
    text = format_value(spec["value"], _lang() if _lang() != "both" else "en", scale, bare=short)
    if short:
        text = _shorten(text)
    return text + (MARK if spec.get("superseded") else "")


_CUTS = (" (", "（", "; ", "；", ", ", "，", "：", ": ")


def _shorten(text: str, limit: int = 24) -> str:
    """A compare cell keeps the head of a long description: its acronym, or its first clause."""
    acronym = re.search(r"[(（]([A-Z][A-Za-z0-9+-]{1,7})[)）]", text)
    if acronym and len(text) > 12:
        return acronym.group(1)
    for cut in _CUTS:
        head = text.split(cut, 1)[0]
        if len(head) >= 3:
            text = head
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def compare_table(models: list[Record]) -> None:
    """Specs side by side: one column per model, one row per spec, grouped, units per row.

    A terminal too narrow for the columns gets the same specs stacked, model after model.
    """
    from rich import box
    from rich.table import Table

    lang = _lang()
    console = _console()
    if console.width < 22 + 9 * len(models):
        _compare_stacked(models, console)
        return
    names = [name_of(m, lang) for m in models]
    if all(n.startswith("DeepSeek") for n in names):
        names = [n.removeprefix("DeepSeek").lstrip(" -") or n for n in names]
    rows: list[tuple[str, list[str]] | None] = [
        (_label("发布日期", "Released"), [_date_cell(m.get("released")) for m in models])
    ]
    current_group = None
    for field, (group, zh, en) in SPEC_FIELDS.items():
        specs = [m.get("specs", {}).get(field) for m in models]
        if field in _DETAIL_ONLY or not any(specs):
            continue
        if group != current_group:
            current_group = group
            rows.extend([None, (_label(*SPEC_GROUPS[group]), [])])
        rows.append((_label(zh, en), _row_cells(specs)))
    widths = _column_widths(names, rows, console.width)
    table = Table(
        title=_label("DeepSeek 模型对比", "DeepSeek models compared"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    table.add_column(_label("规格", "Spec"), style="bold", no_wrap=True, width=widths[0])
    for name, width in zip(names, widths[1:], strict=True):
        table.add_column(name, overflow="fold", width=width)
    for row in rows:
        if row is None:
            table.add_section()
        elif not row[1]:
            table.add_row(_text(row[0], "bold cyan"), *[""] * len(models))
        else:
            table.add_row(row[0], *row[1])
    notes = _superseded_notes(models, ("released", *SPEC_FIELDS))
    show([table, _footnote_text(notes)], console)


def _compare_stacked(models: list[Record], console: Console) -> None:

    lang = _lang()
    width = console.width
    out = _lines()
    for model in models:
        out.append(name_of(model, lang) + "\n", style="bold")
        rows = [(_label("发布日期", "Released"), _date_cell(model.get("released")))]
        for field, (_, zh, en) in SPEC_FIELDS.items():
            spec = model.get("specs", {}).get(field)
            if spec and field not in _DETAIL_ONLY:
                rows.append((_label(zh, en), _spec_cell(spec, short=True)))
        for label, value in rows:
            _hang(out, _text("  "), _text(f"{label}: {value}"), 2, width)
        out.append("\n")
    notes = _superseded_notes(models, ("released", *SPEC_FIELDS))
    show([out, _footnote_text(notes)], console)


_DETAIL_ONLY = frozenset({"training_method"})


def _column_widths(
    names: list[str], rows: list[tuple[str, list[str]] | None], total: int
) -> list[int]:
    """Column widths worked out here, so Rich need not measure every cell: each column as wide
    as its widest cell, the widest narrowed first until the table fits the terminal."""
    from rich.cells import cell_len

    label = min(18, max(cell_len(r[0]) for r in rows if r))
    widths = [cell_len(name) for name in names]
    for row in rows:
        if row:
            for i, cell in enumerate(row[1]):
                widths[i] = max(widths[i], cell_len(cell))
    room = total - label - 3 * (len(names) + 1) - 1
    while sum(widths) > room and max(widths) > 6:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    return [label, *widths]


def _row_cells(specs: list[Record | None]) -> list[str]:
    """One scale per row, so a row reads 4K … 128K rather than 4,096 … 128K."""
    quantities = [s["value"] for s in specs if s and isinstance(s["value"], dict)]
    quantities = [q for q in quantities if "unit" in q]
    dims = {dimension(q) for q in quantities}
    scale = scale_for([base_value(q) for q in quantities]) if len(dims) == 1 else None
    return [_spec_cell(spec, scale, short=True) for spec in specs]


def _superseded_notes(models: list[Record], fields: Iterable[str]) -> list[str]:
    lang = "en" if _lang() == "both" else _lang()
    notes = []
    for model in models:
        for field in fields:
            spec = (
                model.get("released") if field == "released" else model.get("specs", {}).get(field)
            )
            if not spec:
                continue
            for old in spec.get("superseded", []):
                label = (
                    _label("发布日期", "release date")
                    if field == "released"
                    else (SPEC_FIELDS[field][1] if lang == "zh" else SPEC_FIELDS[field][2].lower())
                )
                current = spec["date"] if field == "released" else format_value(spec["value"], lang)
                notes.append(
                    f"{MARK} {name_of(model, lang)} {label}: {current} "
                    f"({_label('原文', 'the article said')} {format_value(old['value'], lang)}; "
                    f"{cites(old['sources'])}) — {pick(old['reason'], lang)}"
                )
    return notes


def _footnote_text(notes: list[str]) -> Text:
    return _text("\n".join(notes), "dim") if notes else _text("")


def model_detail(model: Record, mentions: list[tuple[str, Record]]) -> None:
    """Everything about one model: specs with sources, claims, errata, events and quotes."""
    from rich.panel import Panel
    from rich.table import Table

    lang = _lang()
    head = [
        f"[bold]{_escape(name_of(model, lang))}[/]  [dim]{model['id']}[/]",
        _escape(pick(model.get("summary"), lang)),
    ]
    if model.get("aliases"):
        head.append(f"[dim]{_label('别名', 'aliases')}:[/] {_escape(', '.join(model['aliases']))}")
    released = model.get("released")
    if released:
        head.append(
            f"[dim]{_label('发布', 'released')}:[/] {released['date']}  "
            f"[dim]{_escape(cites(released['sources']))}[/]"
        )
    if model.get("variant_of"):
        head.append(f"[dim]{_label('属于', 'variant of')}:[/] {model['variant_of']}")
    if model.get("note"):
        head.append(_escape(pick(model["note"], lang)))
    parts: list[RenderableType] = [Panel("\n".join(head), expand=False)]

    specs = Table(title=_label("规格", "Specifications"), title_justify="left", expand=False)
    specs.add_column(_label("规格", "Spec"), no_wrap=True)
    specs.add_column(_label("值", "Value"))
    specs.add_column(_label("来源", "Source"), style="dim")
    for field, (_, zh, en) in SPEC_FIELDS.items():
        spec = model.get("specs", {}).get(field)
        if spec:
            specs.add_row(_label(zh, en), _spec_cell(spec), cites(spec["sources"]))
    if model.get("huggingface"):
        for repo in model["huggingface"]:
            specs.add_row("Hugging Face", repo["repo"], cites(repo["sources"]))
    parts.append(specs)

    if model.get("claims"):
        claims = Table(title=_label("要点", "Claims"), title_justify="left", show_header=False)
        claims.add_column()
        claims.add_column(style="dim")
        for claim in model["claims"]:
            text = pick(claim["text"], lang)
            if claim.get("superseded"):
                text += f" {MARK}"
            if claim.get("note"):
                text += f"\n[{pick(claim['note'], lang)}]"
            claims.add_row(text, cites(claim["sources"]))
        parts.append(claims)

    errata = list(_errata(model, lang))
    if errata:
        parts.append(
            _text(
                _label("勘误（原文说法已被取代）", "Errata (the article's value, superseded)"),
                "bold",
            )
        )
        parts.extend(_text(line) for line in errata)

    if mentions:
        parts.append(_mentions_table(mentions))
    show(parts)


def _mentions_table(mentions: list[tuple[str, Record]]) -> RenderableType:
    """The records that point at a model or a person: type, date, title or text."""
    from rich.table import Table

    lang = _lang()
    table = Table(title=_label("相关记录", "Mentioned in"), title_justify="left", show_header=False)
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for rtype, record in mentions:
        body = record.get("title") or record.get("text") or record.get("name")
        table.add_row(f"{rtype} {record.get('date', '')}".strip(), pick(body, lang))
    return table


def _errata(model: Record, lang: str) -> Iterator[str]:
    items: list[tuple[str, Record]] = []
    if model.get("released"):
        items.append((_label("发布日期", "Release date"), model["released"]))
    for field, (_, zh, en) in SPEC_FIELDS.items():
        spec = model.get("specs", {}).get(field)
        if spec:
            items.append((_label(zh, en), spec))
    for claim in model.get("claims", []):
        items.append((pick(claim["text"], lang)[:60], claim))
    for label, holder in items:
        for old in holder.get("superseded", []):
            yield (
                f"{MARK} {label}: {_label('原文', 'article')} «{format_value(old['value'], lang)}» "
                f"({cites(old['sources'])}) — {pick(old['reason'], lang)}"
            )


# --- timeline, quotes, search -------------------------------------------------------------------


def timeline(events: list[Record], details: bool = False) -> None:
    """Events grouped by year, dates at their own precision; descriptions with `details`."""
    from rich.text import Text

    lang = _lang()
    console = _console()
    date_width = max((len(e["date"]) for e in events), default=4)
    type_width = max((len(e["type"]) for e in events), default=4)
    indent = 2 + date_width + 2 + type_width + 2
    width = console.width
    out = _lines()
    out.append(_label("DeepSeek 大事记", "DeepSeek timeline") + "\n", style="bold")
    year = None
    for event in events:
        if event["date"][:4] != year:
            year = event["date"][:4]
            out.append(f"\n{year}\n", style="bold magenta")
        prefix = Text("  ")
        prefix.append(event["date"].ljust(date_width), style="cyan")
        prefix.append("  " + event["type"].ljust(type_width) + "  ", style="dim")
        body = Text(pick(event["title"], lang), style="bold")
        if event.get("superseded"):
            body.append(f" {MARK}")
        if details and event.get("description"):
            body.append("\n" + pick(event["description"], lang), style="dim")
        _hang(out, prefix, body, indent, width)
    notes = []
    for event in events:
        for old in event.get("superseded", []):
            notes.append(
                f"{MARK} {pick(event['title'], lang)}: {event['date']} "
                f"({_label('原文', 'the article said')} {format_value(old['value'], lang)}) — "
                f"{pick(old['reason'], lang)}"
            )
    show([out, _footnote_text(notes)], console)


def _hang(out: Text, prefix: Text, body: Text, indent: int, width: int) -> None:
    """Append `prefix` and `body` to `out`, the body wrapped to `width` with a hanging indent.

    Far cheaper than a table for one-line-per-item listings (a timeline, a list of names).
    """
    from rich.cells import cell_len

    width = max(20, width - indent)
    if "\n" not in body.plain and cell_len(body.plain) <= width:
        out.append_text(prefix)
        out.append_text(body)
        out.append("\n")
        return
    lines = body.wrap(_wrapping_console(), width, overflow="fold")
    for number, line in enumerate(lines):
        out.append_text(prefix if number == 0 else _text(" " * indent))
        out.append_text(line)
        out.append("\n")


def quotes(
    items: Sequence[tuple[Record, Sequence[str]]], names: dict[str, Record], group: bool
) -> None:
    """Quotes with speaker, date, context and source; the Chinese original always first."""

    lang = _lang()
    console = _console()
    width = console.width
    out = _lines()
    indent = _text("  ")
    current: str | None = None
    for record, words in items:
        if group and record["topics"][0] != current:
            current = record["topics"][0]
            heading = name_of(names.get(current, {"id": current}), lang)
            out.append(heading + "\n\n", style="bold cyan")
        _hang(out, indent, _text(f"“{record['text']['zh']}”", "", words), 2, width)
        if lang != "zh":
            _hang(out, indent, _text(record["text"]["en"], "italic", words), 2, width)
        speaker = names.get(record["speaker"], {"id": record["speaker"]})
        meta = [f"— {pick(speaker.get('name'), lang) if speaker.get('name') else speaker['id']}"]
        if record.get("date"):
            meta.append(record["date"])
        meta.append(cites(record["sources"]))
        meta.append(record["id"])
        _hang(out, indent, _text(" · ".join(meta), "dim"), 2, width)
        if record.get("context"):
            context = pick(record["context"], lang)
            asked = context.rstrip().endswith(("?", "？"))
            prefix = _label("问：", "Q: ") if asked else _label("背景：", "Context: ")
            _hang(out, indent, _text(prefix + context, "dim"), 2, width)
        out.append("\n")
    show([out], console)


def hits(results: list[Hit]) -> None:
    """Search results: type, the best-matching text with the match highlighted, id and score."""

    lang = _lang()
    console = _console()
    width = console.width
    out = _lines()
    gutter = len(str(len(results))) + 2
    indent = _text(" " * gutter)
    for number, hit in enumerate(results, start=1):
        shown = _snippet(hit.text, hit.matched)
        named = hit.record.get("name") or hit.record.get("title")
        title = name_of(hit.record, lang) if named else ""
        head = _text(f"{number}.".rjust(gutter - 1) + " ", "dim")
        line = _text(title, "bold") if title and title != shown else _text("")
        line.append(("  " if line.plain else "") + f"{hit.id} ({hit.type})", style="dim")
        _hang(out, head, line, gutter, width)
        _hang(out, indent, _text(shown, "", hit.matched), gutter, width)
        why = f"{hit.field} · {hit.match} · {_label('得分', 'score')} {hit.score:.0f}"
        _hang(out, indent, _text(why, "dim italic"), gutter, width)
    show([out], console)


@cache
def _wrapping_console() -> Console:
    """A console only for measuring while wrapping (widths of CJK and other characters)."""
    from rich.console import Console

    return Console(file=io.StringIO(), width=10000, color_system=None)


def _lines() -> Text:
    """A Text for pre-wrapped lines, so Rich does not wrap them a second time."""
    from rich.text import Text

    return Text(no_wrap=True, overflow="ignore")


def _snippet(text: str, words: Sequence[str], width: int = 140) -> str:
    """The part of a long text around its first match."""
    if len(text) <= width:
        return text
    lowered = text.casefold()
    positions = [lowered.find(w.casefold()) for w in words if w]
    first = min((p for p in positions if p >= 0), default=0)
    start = max(0, min(first - width // 3, len(text) - width))
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


# --- people, company, sources, validate, info ---------------------------------------------------


def people_table(people: list[Record], quote_counts: dict[str, int]) -> None:
    """Everyone the KB names, with the article's description of them."""
    from rich.table import Table

    lang = _lang()
    table = Table(title=_label("人物", "People"), title_justify="left")
    table.add_column(_label("姓名", "Name"), no_wrap=True)
    table.add_column(_label("身份", "Role"), ratio=1)
    table.add_column(_label("引语", "Quotes"), justify="right")
    table.add_column("id", style="dim", no_wrap=True)
    for person in people:
        name = pick(person["name"], lang)
        table.add_row(
            name, pick(person["role"], lang), str(quote_counts.get(person["id"], 0)), person["id"]
        )
    show([table])


def person_detail(
    person: Record, names: dict[str, Record], said: list[Record], mentions: list[tuple[str, Record]]
) -> None:
    """One person: role, affiliations, biography, their quotes and where they appear."""
    from rich.panel import Panel

    lang = _lang()
    lines = [
        f"[bold]{_escape(pick(person['name'], 'both'))}[/]  [dim]{person['id']}[/]",
        _escape(pick(person["role"], lang)),
    ]
    if person.get("affiliations"):
        orgs = ", ".join(name_of(names.get(a, {"id": a}), lang) for a in person["affiliations"])
        lines.append(f"[dim]{_label('所属', 'affiliations')}:[/] {_escape(orgs)}")
    for item in person.get("bio", []):
        lines.append("• " + _escape(pick(item, lang)))
    lines.append(f"[dim]{_escape(cites(person['sources']))}[/]")
    parts: list[RenderableType] = [Panel("\n".join(lines), expand=False)]
    show(parts)
    if said:
        quotes([(q, ()) for q in said], names, group=False)
    others = [(t, r) for t, r in mentions if t != "quote" or r.get("speaker") != person["id"]]
    if others:
        show([_mentions_table(others)])


def company(sections: list[tuple[str, str, list[tuple[str, Record]]]]) -> None:
    """High-Flyer and DeepSeek: one titled block per section, each line cited."""
    from rich.table import Table

    lang = _lang()
    parts: list[RenderableType] = []
    for zh, en, rows in sections:
        table = Table(title=_label(zh, en), title_justify="left", show_header=False, expand=True)
        table.add_column(ratio=1)
        table.add_column(style="dim", no_wrap=True)
        for rtype, record in rows:
            table.add_row(_company_line(rtype, record, lang), record["id"])
        parts.append(table)
    show(parts)


def _company_line(rtype: str, record: Record, lang: str) -> str:
    if rtype == "organization":
        line = f"[bold]{_escape(pick(record['name'], 'both'))}[/]"
        if record.get("founded"):
            line += f" ({record['founded']})"
        if record.get("description"):
            line += " " + _escape(pick(record["description"], lang))
        for figure in record.get("figures", []):
            line += (
                f"\n  {_escape(pick(figure['label'], lang))}: {format_value(figure['value'], lang)}"
            )
        return line
    if rtype == "person":
        return f"[bold]{_escape(pick(record['name'], 'both'))}[/] {_escape(pick(record['role'], lang))}"
    if rtype == "event":
        return f"[cyan]{record['date']}[/] {_escape(pick(record['title'], lang))}"
    body = _escape(pick(record.get("text"), lang))
    if record.get("date"):
        body = f"[cyan]{record['date']}[/] " + body
    return body


def sources_table(sources: list[Record]) -> None:
    """Every source: the article, the links it cites, the official files."""
    from rich.table import Table

    lang = _lang()
    table = Table(title=_label("来源", "Sources"), title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column(_label("类型", "Kind"), style="dim", no_wrap=True)
    table.add_column(_label("标题", "Title"), ratio=1)
    table.add_column(_label("日期", "Date"), no_wrap=True)
    for source in sources:
        title = pick(source["title"], lang)
        if source.get("url"):
            title += f"\n[dim]{source['url']}[/]"
        table.add_row(source["id"], source["kind"], title, source.get("date", DASH))
    show([table])


def paths_table(rows: list[tuple[str, str, int]]) -> None:
    """Where each data file came from: folder layer, file, record count."""
    from rich.table import Table

    table = Table(title=_label("数据文件", "Data files"), title_justify="left")
    table.add_column(_label("层", "Layer"), justify="right")
    table.add_column(_label("文件", "File"))
    table.add_column(_label("记录", "Records"), justify="right")
    for layer, path, count in rows:
        table.add_row(layer, path, str(count))
    show([table])


def validation(
    counts: dict[str, int], files: list[tuple[int, str, int]], replaced: list[tuple[str, str, str]]
) -> None:
    """A clean validation: records per type, where each file's records came from, overrides."""
    from rich.table import Table

    total = sum(counts.values())
    table = Table(title=f"dskb validate: ok, {total} records", title_justify="left")
    table.add_column(_label("层", "Layer"), justify="right")
    table.add_column(_label("文件", "File"))
    table.add_column(_label("记录", "Records"), justify="right")
    for layer, path, count in files:
        table.add_row(str(layer), path, str(count))
    parts: list[RenderableType] = [table, _text(count_line(counts), "dim")]
    if replaced:
        lines = [f"{rid}: {was} → {by}" for rid, was, by in replaced]
        parts.append(
            _text(_label("覆盖的记录", "Replaced by an overlay") + ":\n" + "\n".join(lines))
        )
    show(parts)


def key_values(title: str, rows: list[tuple[str, str]]) -> None:
    """A two-column listing (dskb info, dskb validate)."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_header=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, value in rows:
        table.add_row(key, value)
    show([table])


def count_line(counts: dict[str, int]) -> str:
    """'48 sources, 22 topics, …' for one-line summaries."""
    return ", ".join(f"{n} {t}" for t, n in counts.items())


# --- pictures ---------------------------------------------------------------------------------------


def _ordinal(date: str) -> float:
    """A partial date as a fractional year, at the middle of what it covers: '2023-05' -> 2023.37."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year + 0.5
    if len(parts) == 2:
        return year + (parts[1] - 0.5) / 12
    return year + (parts[1] - 1) / 12 + (parts[2] - 0.5) / 365


def timeline_chart(events: list[Record]) -> None:
    """The history on a time axis: one row per event, a dot where it falls, years marked."""
    from rich.text import Text

    lang = _lang()
    console = _console()
    label_width = min(34, max(12, console.width // 3))
    axis = max(10, console.width - label_width - 2)
    start = min(int(_ordinal(e["date"])) for e in events)
    end = max(int(_ordinal(e["date"])) for e in events) + 1

    def column(value: float) -> int:
        return min(axis - 1, int((value - start) / (end - start) * axis))

    ruler = [" "] * axis
    ticks = [" "] * axis
    step = max(1, -(-(end - start) * 6 // axis))  # a year label and its gap take 6 cells
    for year in range(start, end + 1, step):
        at = column(year)
        ruler[at] = "┼"
        label = str(year)
        if at + len(label) <= axis and all(
            c == " " for c in ticks[max(0, at - 1) : at + len(label)]
        ):
            ticks[at : at + len(label)] = list(label)
    line = "".join("─" if c == " " else c for c in ruler)
    out = Text(
        _label("DeepSeek 大事记（时间轴）", "DeepSeek timeline (time axis)") + "\n\n", "bold"
    )
    pad = " " * (label_width + 2)
    out.append(pad + "".join(ticks) + "\n", "cyan")
    out.append(pad + line + "\n", "dim")
    for event in events:
        title = pick(event["title"], lang)
        label = _fit(title, label_width)
        row = [" "] * axis
        row[column(_ordinal(event["date"]))] = "●"
        out.append(label + "  ", "bold" if event["type"] == "model-release" else "")
        out.append(
            "".join(row).rstrip() + "\n", "magenta" if event["type"] == "model-release" else "cyan"
        )
    out.append(pad + line + "\n", "dim")
    out.append(pad + "".join(ticks) + "\n", "cyan")
    show([out], console)


def _fit(text: str, width: int) -> str:
    """Cut or pad text to `width` terminal cells (CJK characters count two)."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


_CHART_METRICS = (
    ("total_params", "active_params", "参数（总 / 激活）", "Parameters (total / activated)"),
    ("training_tokens", None, "训练 token", "Training tokens"),
    ("training_cost", None, "训练成本", "Training cost"),
)


def compare_chart(models: list[Record]) -> None:
    """Bars: total vs activated parameters, training tokens and cost, on a shared scale each."""
    from rich.text import Text

    lang = _lang()
    console = _console()
    names = [name_of(m, lang) for m in models]
    label_width = min(24, max(cell_len_of(n) for n in names) + 1)
    width = max(10, console.width - label_width - 16)
    out = Text(_label("DeepSeek 模型对比（图）", "DeepSeek models compared (chart)") + "\n", "bold")
    for main, second, zh, en in _CHART_METRICS:
        values = []
        for model in models:
            specs = model.get("specs", {})
            first = _quantity(specs.get(main))
            other = _quantity(specs.get(second)) if second else None
            values.append((first, other))
        known = [v for pair in values for v in pair if v is not None]
        if not known:
            continue
        quantities = [
            spec["value"]
            for m in models
            for key in (main, second)
            if key
            for spec in [m.get("specs", {}).get(key)]
            if spec and isinstance(spec["value"], dict) and "unit" in spec["value"]
        ]
        scale = scale_for([base_value(q) for q in quantities])
        top = max(known)
        out.append(f"\n{_label(zh, en)}\n", "bold cyan")
        for name, model, (first, other) in zip(names, models, values, strict=True):
            out.append(_fit(name, label_width) + " ")
            if first is None:
                out.append(DASH + "\n", "dim")
                continue
            bar = max(1, round(first / top * width))
            inner = max(1, round(other / top * width)) if other else 0
            out.append("█" * inner, "magenta")
            out.append("█" * (bar - inner), "cyan")
            spec = model["specs"][main]
            label = f" {format_value(spec['value'], lang, scale, bare=True)}"
            if other is not None:
                label += (
                    f" / {format_value(model['specs'][second]['value'], lang, scale, bare=True)}"
                )
            out.append(label + "\n", "dim")
    out.append(
        "\n" + _label("█ 激活参数  █ 总参数", "█ activated  █ total (parameters)") + "\n", "dim"
    )
    show([out], console)


def cell_len_of(text: str) -> int:
    """Terminal cells a text takes (CJK characters count two)."""
    from rich.cells import cell_len

    return cell_len(text)


def _quantity(spec: Record | None) -> float | None:
    if not spec or not isinstance(spec["value"], dict) or "unit" not in spec["value"]:
        return None
    return base_value(spec["value"])
