"""Markdown for people: the one escaping rule (`md_text`, `md_link`) and one record as a section.

A text of the data is one line of literal text that renders the same in CommonMark (GFM tables)
and Python-Markdown (MkDocs): only what would change the rendering is escaped, so `api_key`,
`~2.8B` and `# LLM Params` stay as they read. Backslash escapes are used only for characters both
engines escape (\\ ` * _ [ ] # + - . ! > ( )); `<`, a `&` that would start an entity, runs of
`~` (strikethrough) and, in table cells, `|` are written as character references, which both
read alike. The start of a text is escaped where it would open a heading, quote or list item.
Code quoted from a source goes in a fenced block (`md_code`), never escaped.

A link is made only to an http(s) address, with the characters that could end it
percent-encoded; any other address is shown as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from deepseek_kb.citations import unique
from deepseek_kb.kinds import SPECS
from deepseek_kb.told import caveat
from deepseek_kb.values import Json, cite, format_value, pick

_ALNUM = r"[^\W_]"
_INLINE = re.compile(
    rf"(?P<slash>\\(?=[!-/:-@\[-`{{-~]))|(?P<mark>[`*\[\]])"
    rf"|(?P<under>(?<!{_ALNUM})_|_(?!{_ALNUM}))|(?P<lt><)|(?P<amp>&(?=#?\w+;))"
)
_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+](?=[-+\s]|$)|\d{1,9}(?=[.)](?:\s|$)))")
_URL_SAFE = ":/?#@$&'*+,;=%~.-_!"


def _inline(match: re.Match[str]) -> str:
    if match.group("lt"):
        return "&lt;"
    if match.group("amp"):
        return "&amp;"
    return "\\" + match.group()


def _start(match: re.Match[str]) -> str:
    mark = match.group(1)
    if mark[0].isdigit():
        return mark + "\\"  # 1\. : the dot escaped, the number kept
    return "\\" + mark


def md_text(value: object, cell: bool = False) -> str:
    """A text of the data as one line of Markdown that shows exactly that text; `cell`: inside
    a table cell, where `|` would end it."""
    text = _INLINE.sub(_inline, " ".join(str(value).split()))
    if text.count("~") > 1:  # ~~x~~ (or ~x~ on GitHub) would strike through
        text = text.replace("~", "&#126;")
    if cell:
        text = text.replace("|", "&#124;")
    return _START.sub(_start, text)


def md_code(code: str) -> list[str]:
    """Code as a fenced block (lines as they are), fenced longer than any run of ` it holds."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *code.splitlines(), fence]


def md_url(url: object) -> str | None:
    """An http(s) address safe between Markdown's ( ), or None for any other address."""
    text = str(url).strip()
    if not re.match(r"https?://[^\s]", text, re.IGNORECASE):
        return None
    return quote(text, safe=_URL_SAFE)


def md_link(label: object, url: object, cell: bool = False) -> str:
    """[label](url) for an http(s) address; the label alone, as text, for anything else."""
    href = md_url(url) if url else None
    return f"[{md_text(label, cell)}]({href})" if href else md_text(label, cell)


def md_links(refs: Any, lang: str) -> str:
    """Citations as short references linked to their line, page or commit."""
    return ", ".join(md_link(cite(ref, lang), ref.get("url")) for ref in unique(refs))


# The fields a section leads with as its paragraph, and those it leaves out of its list.
_LEAD = ("summary", "definition", "text", "description", "role")
_SKIP = frozenset(
    {"id", "name", "sources", "specs", "claims", "superseded", "provenance", "status"}
)


def _shown(value: Any, lang: str) -> str:
    """A field's value as one line of text in one language."""
    if isinstance(value, list):
        return ", ".join(_shown(v, lang) for v in value)
    if not isinstance(value, Mapping):
        return str(value)
    if "zh" in value and "en" in value:
        return pick(value, lang)
    if "unit" in value and "value" in value:
        return format_value(value, lang)
    if "label" in value and "value" in value:  # a figure
        return f"{_shown(value['label'], lang)}: {_shown(value['value'], lang)}"
    for key in ("date", "value", "repo", "text"):
        if key in value:
            return _shown(value[key], lang)
    return ""


def record_section(record: Json, lang: str) -> str:
    """One record as a Markdown section: its name as a heading, what it is, then a list of its
    fields (a model's specs each with its status mark), every value in the language asked."""
    one = "en" if lang == "both" else lang
    title = record.get("name") or record.get("title")
    lines = [f"## {md_text(pick(title, lang) if title else record['id'])}", ""]
    lead = next((record[f] for f in _LEAD if isinstance(record.get(f), Mapping)), None)
    if lead:
        lines += [md_text(pick(lead, lang)), ""]
    items = [
        f"- **{name}**: {md_text(_shown(value, one))}"
        for name, value in record.items()
        if name not in _SKIP and value not in (None, [], {}, "") and value is not lead
    ]
    specs = record.get("specs") or {}
    for spec in SPECS:
        if spec.field in specs:
            held = specs[spec.field]
            label = {"zh": spec.zh, "en": spec.en}.get(lang, f"{spec.zh} / {spec.en}")
            value = md_text(format_value(held["value"], one)) + caveat(held).mark
            items.append(f"- **{md_text(label)}**: {value} ({md_links(held['sources'], lang)})")
    if record.get("sources"):
        items.append(f"- **sources**: {md_links(record['sources'], lang)}")
    return "\n".join([*lines, *items]) + "\n"
