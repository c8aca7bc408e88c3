"""Where a person works or worked, as the sources tell it: the organisations their record ties
them to (universities aside: those are their education), else their role when it names an
organisation ("OpenAI scientist"), else nothing: "Inventor of QLoRA" names no company."""

from __future__ import annotations

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.named import has

# How the names of a list are joined in each language.
_LISTED = {"zh": "、", "en": ", "}


def workplace(index: Index, person: Row) -> tuple[str, Row] | None:
    """The field of the person's record that says where they work, and what it says."""
    employers = _employers(index, person)
    if employers:
        return "affiliations", names_listed(employers)
    role: Row = person["role"]
    return ("role", role) if _names_an_organization(index, role) else None


def names_listed(rows: list[Row]) -> Row:
    """The records' names, listed in each language: "Meta, Scale AI", "DeepSeek-V2、DeepSeek-V3"."""
    return {
        lang: _LISTED[lang].join(str(row["name"][lang]) for row in rows) for lang in ("zh", "en")
    }


def _employers(index: Index, person: Row) -> list[Row]:
    found = [index.get(str(org)) for org in person.get("affiliations", [])]
    return [f.row for f in found if f is not None and f.row.get("kind") != "university"]


def _names_an_organization(index: Index, text: Row) -> bool:
    """Whether the role names an organisation, not as part of a model's name ("An industry
    figure commenting on DeepSeek V3" names no employer)."""
    said = normalize(f"{text['zh']} {text['en']}")
    for model in index.names_in("model", said):
        if has(said, normalize(model.name)):
            said = said.replace(normalize(model.name), " ")
    return any(has(said, normalize(n.name)) for n in index.names_in("organization", said))
