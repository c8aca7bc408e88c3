"""Building blocks every view uses: labels in the reader's language, styled and wrapped text.

Rich is imported inside the functions, so importing a view costs nothing until it draws.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from deepseek_kb.kinds import BY_NAME, SOURCE_WORDS, STATUS_WORDS
from deepseek_kb.messages import texts
from deepseek_kb.told import STATUS_MARKS, caveat
from deepseek_kb.values import pick

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from deepseek_kb.index.store import Found

DASH = "—"
MARK = "†"  # a value a better source corrected; a footnote says what it was
COMMIT = "‡"  # a date that is a git commit's author date
NOTE = "*"  # a value with a caveat; a footnote gives it


def status_mark(holder: Any) -> str:
    """The mark of a value that is not stated verbatim by an official source ('' if it is)."""
    return caveat(holder).mark if isinstance(holder, dict) else ""


def value_marks(holder: Any) -> str:
    """Every mark a value carries: its status, † when a source's value was corrected, * for a
    caveat a footnote gives."""
    if not isinstance(holder, dict):
        return ""
    marks = status_mark(holder)
    if holder.get("superseded") and MARK not in marks:
        marks += MARK
    return marks + (NOTE if holder.get("note") else "")


def legend(text: str, lang: str) -> list[str]:
    """One line per status mark that occurs in the text: what the mark means."""
    shown = "en" if lang == "both" else lang
    lines = []
    for status, mark in STATUS_MARKS.items():
        if mark in text and status != "superseded":
            zh, en = STATUS_WORDS[status]
            lines.append(f"{mark} {zh if shown == 'zh' else en}")
    return lines


def label(lang: str, zh: str, en: str) -> str:
    """A label in the reader's language; 'both' gives the Chinese then the English."""
    return zh if lang == "zh" else en if lang == "en" else f"{zh} {en}"


def word(lang: str, key: str, /, **fields: object) -> str:
    """The catalogue's words `key` (messages.words) as a label in the reader's language."""
    said = texts(key, **fields)
    return label(lang, said.zh, said.en)


def kind_word(kind: str, lang: str) -> str:
    """A record's or a source's kind in the reader's language (under both: 引语 quote), as the
    registry names it; the id as it is in English."""
    entry = BY_NAME.get(kind)
    zh = entry.word[0] if entry else SOURCE_WORDS.get(kind)
    return label(lang, zh, kind) if zh else kind


def colon(lang: str) -> str:
    """The colon after a label: full width in Chinese."""
    return "：" if lang == "zh" else ": "


def paragraphs(text: Any, lang: str) -> list[str]:
    """A bilingual text as the reader asked: one language, or Chinese then English (once, when
    they are the same)."""
    if lang != "both":
        return [pick(text, lang)]
    return list(dict.fromkeys([str(text["zh"]), str(text["en"])]))


def styled(value: str, style: str = "", highlight: Sequence[str] = ()) -> Text:
    from rich.text import Text

    text = Text(value, style=style)
    for word in highlight:
        if word:
            text.highlight_words([word], "bold yellow", case_sensitive=False)
    return text


def hang(out: Text, prefix: Text, body: Text, indent: int, width: int) -> None:
    """Append `prefix` and `body` to `out`, the body wrapped to `width` with a hanging indent.

    Far cheaper than a table for one-line-per-item listings (a timeline, a list of names).
    Lines break at spaces and between Chinese characters (never before closing punctuation);
    a word longer than the line (a URL) is left whole for the terminal to fold.
    """
    from rich.cells import cell_len

    first = max(20, width - cell_len(prefix.plain))
    rest = max(20, width - indent)
    if "\n" not in body.plain and cell_len(body.plain) <= first:
        out.append_text(prefix)
        out.append_text(body)
        out.append("\n")
        return
    number = 0
    for paragraph in body.split("\n"):
        offsets = wrap_offsets(paragraph.plain, rest, first if number == 0 else rest)
        for line in paragraph.divide(offsets):
            line.rstrip()
            out.append_text(prefix if number == 0 else styled(" " * indent))
            out.append_text(line)
            out.append("\n")
            number += 1


# One break opportunity each: a citation's source with its line or page (v3-readme L345), a
# run of spaces, a Chinese character (with the punctuation that must stay on its line, and a
# section's § before it: §如何创新), or a run of anything else (a word, a number with its unit).
def grid(out: Text, cells: Sequence[Text], widths: Sequence[int], gap: int = 3) -> None:
    """One row of cells side by side after a one-space margin, each wrapped to its column's
    width (at spaces and between Chinese characters) and padded, `gap` spaces apart."""
    from rich.cells import cell_len

    columns: list[list[Text]] = []
    for cell, width in zip(cells, widths, strict=True):
        lines: list[Text] = []
        for paragraph in cell.split("\n"):
            for line in paragraph.divide(wrap_offsets(paragraph.plain, width)):
                line.rstrip()
                lines.append(line)
        columns.append(lines)
    for number in range(max(len(lines) for lines in columns)):
        row = styled(" ")
        for index, (lines, width) in enumerate(zip(columns, widths, strict=True)):
            line = lines[number] if number < len(lines) else styled("")
            row.append_text(line)
            if index < len(widths) - 1:
                row.append(" " * (width - cell_len(line.plain) + gap))
        row.rstrip()
        out.append_text(row)
        out.append("\n")


@cache
def _segments() -> re.Pattern[str]:
    # Compiled on first use (a few milliseconds: its Chinese and kana ranges are large).
    return re.compile(
        r"[^\s\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff]+ (?:L|p\.)\d+\S*"  # v3-readme L345
        r"|[^\S\u00a0]+|[\[（「『“‘《〈§]*[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff][，。、；：！？）」』”’》〉…]*"
        r"|(?:[^\s\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff]|\u00a0)+"  # a no-break space joins
    )


@cache
def _latin_segments() -> re.Pattern[str]:
    # `_segments` for text with no character from U+3040 up (no Chinese, no kana): the same
    # pieces, and a fraction of a millisecond to compile.
    return re.compile(r"\S+ (?:L|p\.)\d+\S*|[^\S\u00a0]+|[\S\u00a0]+")


def _pieces(text: str) -> Iterator[re.Match[str]]:
    """The pieces of text a line may break between, in order, covering the whole text."""
    latin = not text or max(text) < "\u3040"
    return (_latin_segments() if latin else _segments()).finditer(text)


def widest_piece(text: str) -> int:
    """The cells of the widest piece of text a line may not break (a word, a date, 671B; a
    Chinese character with its punctuation)."""
    from rich.cells import cell_len

    pieces = (m.group() for m in _pieces(text))
    return max((cell_len(p) for p in pieces if not p.isspace()), default=1)


def wrap_offsets(plain: str, width: int, first: int | None = None) -> list[int]:
    """Where to break a line of text so that no line is wider than `width` cells (the first
    line no wider than `first`, when a label takes part of it)."""
    from rich.cells import cell_len

    offsets: list[int] = []
    used = width - first if first is not None else 0
    start = 0
    for match in _pieces(plain):
        piece = match.group()
        size = cell_len(piece)
        if piece.isspace():
            used += size
            continue
        if used + size > width and match.start() > start:
            offsets.append(match.start())
            start, used = match.start(), 0
        used += size
    return offsets


def prewrapped() -> Text:
    """A Text for pre-wrapped lines, so Rich does not wrap them a second time."""
    from rich.text import Text

    return Text(no_wrap=True, overflow="ignore")


def fit(text: str, width: int) -> str:
    """Cut or pad text to `width` terminal cells (CJK characters count two)."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def cell_len_of(text: str) -> int:
    """Terminal cells a text takes (CJK characters count two)."""
    from rich.cells import cell_len

    return cell_len(text)


def footnotes(notes: list[str]) -> Text:
    return styled("\n".join(notes), "dim") if notes else styled("")


def aligned(out: Text, rows: Sequence[tuple[str, Text]], width: int, widest: int = 30) -> None:
    """Rows of a label and a text, the texts wrapped in one column after the longest label
    (at most `widest` cells); on a narrow screen each label stands on a line of its own."""
    from rich.cells import cell_len

    column = min(widest, max((cell_len(name) for name, _ in rows), default=0)) + 4
    for name, text in rows:
        if width - column < 30 or cell_len(name) > column - 4:
            hang(out, styled(""), styled(f"  {name}", "bold"), 4, width)
            hang(out, styled("    "), text, 4, width)
            continue
        prefix = styled(f"  {name}", "bold")
        prefix.append(" " * (column - 2 - cell_len(name)))
        hang(out, prefix, text, column, width)


def mentions_table(mentions: list[Found], lang: str, width: int) -> RenderableType:
    """The records that point at a model or a person: type and date, then title or text."""
    out = prewrapped()
    out.append(word(lang, "layout.mentioned_in") + "\n", "bold")
    rows = []
    for rtype, record in mentions:
        body = record.get("title") or record.get("text") or record.get("name")
        rows.append((f"{rtype} {record.get('date', '')}".strip(), styled(pick(body, lang))))
    aligned(out, rows, width)
    return out


def dated(date: str, basis: str | None, lang: str) -> str:
    """A date as the sources give it: a commit's author date says so (2025-02-25 (commit date));
    `basis` is the date's basis or its status (commit-metadata)."""
    if basis not in ("commit-date", "commit-metadata"):
        return date
    return f"{date} {word(lang, 'layout.commit_date')}".replace(" （", "（")
