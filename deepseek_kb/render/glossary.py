"""`dskb explain`: the glossary, and one term with its definition, models and sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepseek_kb.render.layout import hang, paragraphs, prewrapped, styled, word
from deepseek_kb.rows import Row
from deepseek_kb.values import cites, name_of, pick

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


def _title(term: Row, lang: str) -> Text:
    """`Multi-head Latent Attention (MLA)`: the name and the shortest alias that abbreviates it."""
    head = styled(pick(term["name"], lang), "bold")
    short = _abbreviations(term)
    if short:
        head.append(f" ({short[0]})", "bold")
    return head


def _abbreviations(term: Row) -> list[str]:
    """The term's abbreviations (MLA, MoE, FP8), shortest first, its names left out."""
    names = {str(term["name"]["zh"]), str(term["name"]["en"])}
    short = [a for a in term.get("aliases", []) if _abbreviation(a) and a not in names]
    return sorted(short, key=len)


def _abbreviation(alias: str) -> bool:
    """MLA, MoE, FP8, GRPO: a short Latin name with at least two capitals."""
    return alias.isascii() and len(alias) <= 6 and sum(c.isupper() for c in alias) >= 2


def _listed(names: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(names)


def glossary(terms: list[Row], lang: str, width: int) -> list[RenderableType]:
    """Every term: its name, then its definition wrapped under it."""
    out = prewrapped()
    out.append(word(lang, "glossary.glossary") + "\n", "bold")
    for term in terms:
        out.append("\n")
        head = _title(term, lang)
        head.append(f"  {term['id']}", "dim")
        hang(out, styled(""), head, 0, width)
        for paragraph in paragraphs(term["definition"], lang):
            hang(out, styled("  "), styled(paragraph), 2, width)
    return [out]


def term_detail(term: Row, names: dict[str, Row], lang: str, width: int) -> list[RenderableType]:
    """One term in full: definition, the models that introduced and use it, related terms, the
    project that holds its code, the note (what the article says differently), and the sources
    of all of it."""
    out = prewrapped()
    head = _title(term, lang)
    head.append(f"  {term['id']}", "dim")
    hang(out, styled(""), head, 0, width)
    shown = "en" if lang == "both" else lang
    said = {str(term["name"]["en"]), str(term["name"]["zh"]), *_abbreviations(term)[:1]}
    others = [a for a in term.get("aliases", []) if a not in said]
    if others:
        also = word(lang, "glossary.also")
        hang(out, styled(also, "dim"), styled(_listed(others, lang)), 2, width)
    for paragraph in paragraphs(term["definition"], lang):
        out.append("\n")
        hang(out, styled(""), styled(paragraph), 0, width)
    out.append("\n")
    for key in ("introduced_by", "used_by", "related", "projects"):
        linked = [_linked(names[i], shown) if i in names else i for i in term.get(key, [])]
        if linked:
            head_text = word(lang, f"glossary.{key}")
            hang(out, styled(head_text, "dim"), styled(_listed(linked, lang)), 2, width)
    if term.get("note"):
        out.append("\n")
        for paragraph in paragraphs(term["note"], lang):
            hang(out, styled(""), styled(paragraph, "dim"), 0, width)
    out.append("\n")
    sources = word(lang, "glossary.sources")
    hang(out, styled(sources, "dim"), styled(cites(term["sources"], lang), "dim"), 2, width)
    return [out]


def _linked(record: Row, lang: str) -> str:
    """A linked record by name; a project with its repository, where the code is."""
    name = name_of(record, lang)
    return f"{name} ({record['repo']})" if record.get("repo") else name
