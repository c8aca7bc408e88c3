"""Citation records written for reference managers: BibTeX, RIS and CSL-JSON, one entry per
source under its stable key.

Text is escaped by libraries, not by hand: bibtexparser's writer with pylatexenc's encoder for
BibTeX (every LaTeX special character, Chinese kept as it is), rispy for RIS. One rule is ours:
a brace becomes `\\textbraceleft{}`/`\\textbraceright{}`, because BibTeX counts `\\{` as a brace
and a lone one would end the field. URLs are percent-encoded where RFC 3986 says they must be,
so no address can close a field. A value that still holds a control character is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from deepseek_kb.errors import UsageError

if TYPE_CHECKING:
    from deepseek_kb.citations import Reference

# (CSL type, RIS type, genre) per source kind.
TYPES: dict[str, tuple[str, str, str]] = {
    "article": ("post-weblog", "BLOG", "Blog post"),
    "web-page": ("webpage", "ELEC", "Web page"),
    "official-page": ("webpage", "ELEC", "Web page (saved copy)"),
    "interview": ("interview", "ELEC", "Interview"),
    "paper": ("report", "RPRT", "Technical report"),
    "repository-file": ("webpage", "ELEC", "Repository file"),
    "git-commit": ("webpage", "ELEC", "Git commit"),
    "image": ("graphic", "FIGURE", "Image"),
    "compilation": ("dataset", "DATA", "Compilation"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_KEY = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")


def plain(text: str) -> str:
    """One line of text: runs of white space made one space; control characters refused."""
    if _CONTROL.search(text):
        raise UsageError.of("bibliography.control_character", value=text[:60])
    return " ".join(text.split())


def _types(ref: Reference) -> tuple[str, str, str]:
    return TYPES.get(ref.kind, ("document", "GEN", ref.kind))


def where_published(ref: Reference) -> str | None:
    """Where the source lives, in words: the repository and commit, or the publisher."""
    if ref.container:
        at = f", commit {ref.version}" if ref.version else ""
        return f"GitHub repository {ref.container}{at}"
    return ref.publisher


def notes(ref: Reference) -> list[str]:
    """What a reader needs beside the fields: the English of a Chinese title, how it was read."""
    out = []
    if ref.translated_title:
        out.append(f"English title: {ref.translated_title}")
    if ref.arxiv:
        out.append(f"arXiv:{ref.arxiv}")
    if ref.via == "article":
        out.append("linked from the article")
    if ref.kind == "article" and not ref.url:
        out.append("no web address is known (permalink /deepseek)")
    return out


# --- BibTeX ---------------------------------------------------------------------------------


@cache
def _encoder() -> Any:
    from pylatexenc.latexencode import (
        RULE_DICT,
        UnicodeToLatexConversionRule,
        UnicodeToLatexEncoder,
    )

    braces = {ord("{"): r"\textbraceleft{}", ord("}"): r"\textbraceright{}"}
    return UnicodeToLatexEncoder(
        conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, braces), "defaults"],
        unknown_char_policy="keep",  # Chinese stays Chinese; the document picks its fonts
        unknown_char_warning=False,
        replacement_latex_protection="braces-all",
    )


def latex(text: str) -> str:
    """Text as LaTeX that BibTeX reads back whole: every special character escaped."""
    encoded: str = _encoder().unicode_to_latex(plain(text))
    if not _balanced(encoded):  # cannot happen with the brace rule; refuse rather than inject
        raise UsageError.of("bibliography.unbalanced", value=text[:60])
    return encoded


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def bibtex_fields(ref: Reference) -> dict[str, str]:
    """The BibTeX fields of one source, each value already safe to put between braces."""
    fields: dict[str, str] = {}
    if ref.authors:
        fields["author"] = " and ".join("{" + latex(name) + "}" for name in ref.authors)
    fields["title"] = "{" + latex(ref.title) + "}"  # kept as written: README.md, DeepSeek-V3
    if ref.year:
        fields["year"] = ref.year
        fields["date"] = ref.date or ref.year
    published = where_published(ref)
    if published:
        fields["howpublished"] = latex(published)
    if ref.url:
        fields["url"] = ref.url
    if ref.accessed:
        fields["urldate"] = ref.accessed
    if ref.arxiv:
        fields.update(eprint=ref.arxiv, archiveprefix="arXiv")
    if ref.version:
        fields["version"] = ref.version
    if ref.language:
        fields["language"] = {"zh": "chinese", "en": "english"}[ref.language]
    extra = notes(ref)
    if extra:
        fields["note"] = latex("; ".join(extra))
    for value in fields.values():
        if not _balanced(value) or _CONTROL.search(value):
            raise UsageError.of("bibliography.unsafe", value=value[:60])
    return fields


def bibtex(refs: Iterable[Reference], comments: Sequence[str] = ()) -> str:
    """A BibTeX file: comment lines (which BibTeX skips), then one @misc entry per source."""
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.model import Entry, Field

    library = Library()
    for ref in refs:
        if not _KEY.match(ref.key):
            raise UsageError.of("bibliography.bad_key", key=ref.key)
        fields = [Field(name, value) for name, value in bibtex_fields(ref).items()]
        library.add(Entry("misc", ref.key, fields))
    body: str = write_string(library)  # its middleware encloses each value in braces
    # BibTeX reads any "@" outside an entry as the start of one: comments never hold one.
    head = "".join(f"% {plain(line).replace('@', '(at)')}\n" for line in comments)
    return head + ("\n" if head else "") + body.strip() + "\n"


# --- RIS and CSL-JSON -------------------------------------------------------------------------


def ris(refs: Iterable[Reference], notes_by_key: dict[str, list[str]] | None = None) -> str:
    """An RIS file (Zotero, EndNote): one reference per source; record notes as N1."""
    import rispy

    entries = []
    for ref in refs:
        entry: dict[str, Any] = {"type_of_reference": _types(ref)[1], "id": ref.key}
        entry["title"] = plain(ref.title)
        if ref.translated_title:
            entry["translated_title"] = plain(ref.translated_title)
        if ref.authors:
            entry["authors"] = [plain(name) for name in ref.authors]
        if ref.date:
            entry["year"] = ref.year
            entry["date"] = ref.date.replace("-", "/")
        if ref.url:
            entry["urls"] = [ref.url]
        if ref.accessed:
            entry["access_date"] = ref.accessed.replace("-", "/")
        optional = {
            "publisher": ref.publisher,
            "secondary_title": ref.container,
            "edition": ref.version,
            "type_of_work": _types(ref)[2],
            "language": ref.language,
        }
        entry.update({k: plain(v) for k, v in optional.items() if v})
        extra = [*notes(ref), *(notes_by_key or {}).get(ref.key, [])]
        if extra:
            entry["notes"] = [plain(note) for note in extra]
        entries.append(entry)
    text: str = rispy.dumps(entries)
    return text


def csl_item(ref: Reference, note: str | None = None) -> dict[str, Any]:
    """A CSL-JSON item: id, type, title, author, issued, accessed, URL, container-title, genre."""
    kind, _, genre = _types(ref)
    item: dict[str, Any] = {"id": ref.key, "type": kind, "title": ref.title, "genre": genre}
    if ref.translated_title:
        item["translated-title"] = ref.translated_title
    if ref.authors:
        item["author"] = [{"literal": name} for name in ref.authors]
    if ref.date:
        item["issued"] = _date_parts(ref.date)
    if ref.accessed:
        item["accessed"] = _date_parts(ref.accessed)
    if ref.url:
        item["URL"] = ref.url
    if ref.container:
        item["container-title"] = ref.container
    if ref.publisher:
        item["publisher"] = ref.publisher
    if ref.arxiv:
        item["number"] = f"arXiv:{ref.arxiv}"
    if ref.language:
        item["language"] = ref.language
    joined = "; ".join([*notes(ref), *([note] if note else [])])
    if joined:
        item["note"] = plain(joined)
    return item


def _date_parts(date: str) -> dict[str, Any]:
    return {"date-parts": [[int(part) for part in date.split("-")]]}
