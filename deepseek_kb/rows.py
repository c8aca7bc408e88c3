"""The JSON form of each kind of record, as the index stores it and queries hand it on.

The pydantic models in `schema.py` validate the YAML; past the loader a record travels as its
JSON form (keys with no value are left out), typed here so views and queries are checked by
mypy. A test holds these keys to the pydantic fields.
"""

from typing import Any, NotRequired, TypedDict

from deepseek_kb.kinds import KINDS

# Any record's JSON form, where the kind is not known statically.
Row = dict[str, Any]


class TextRow(TypedDict):
    """Text in both languages (with its own citations where they are not its record's)."""

    zh: str
    en: str
    sources: NotRequired[list["RefRow"]]


class RefRow(TypedDict):
    """A citation: a source id, optionally a section, line, page or the quoted line."""

    source: str
    section: NotRequired[str]
    line: NotRequired[int]
    page: NotRequired[int]
    quote: NotRequired[str]


class QuantityRow(TypedDict):
    """A number with its unit."""

    value: int | float
    unit: str
    qualifier: NotRequired[str]
    text: NotRequired[str]
    case: NotRequired[str]


class FigureRow(TypedDict):
    """A labelled quantity."""

    label: TextRow
    value: QuantityRow
    status: NotRequired[str]


# A spec value: a quantity, a list of quantities, a bilingual text or a name.
SpecValue = QuantityRow | list[QuantityRow] | TextRow | str


class SupersededRow(TypedDict):
    """A value a better source corrects, kept with its reason."""

    value: SpecValue
    sources: list[RefRow]
    reason: TextRow


class SpecRow(TypedDict):
    """One cited model specification."""

    value: SpecValue
    sources: list[RefRow]
    note: NotRequired[TextRow]
    superseded: list[SupersededRow]
    status: NotRequired[str]


class DatedRow(TypedDict):
    """A cited date."""

    date: str
    basis: NotRequired[str]
    sources: list[RefRow]
    note: NotRequired[TextRow]
    superseded: list[SupersededRow]
    status: NotRequired[str]


class ClaimRow(TypedDict):
    """A headline statement about a model."""

    text: TextRow
    sources: list[RefRow]
    figures: list[FigureRow]
    note: NotRequired[TextRow]
    superseded: list[SupersededRow]
    status: NotRequired[str]


class RepoRow(TypedDict):
    """A Hugging Face repository."""

    repo: str
    sources: list[RefRow]


class SourceRow(TypedDict):
    """Where facts come from."""

    id: str
    sources: list[RefRow]
    kind: str
    title: TextRow
    url: NotRequired[str]
    date: NotRequired[str]
    publisher: NotRequired[str]
    repo: NotRequired[str]
    path: NotRequired[str]
    commit: NotRequired[str]
    permalink: NotRequired[str]
    note: NotRequired[TextRow]
    accessed: NotRequired[str]


class TopicRow(TypedDict):
    """A subject quotes and facts are filed under."""

    id: str
    sources: list[RefRow]
    name: TextRow
    aliases: list[str]


class OrganizationRow(TypedDict):
    """A company, fund, lab, university or compute cluster."""

    id: str
    sources: list[RefRow]
    name: TextRow
    aliases: list[str]
    kind: str
    parent: NotRequired[str]
    founded: NotRequired[str]
    location: NotRequired[TextRow]
    description: NotRequired[TextRow]
    figures: list[FigureRow]


class PersonRow(TypedDict):
    """Someone the article names."""

    id: str
    sources: list[RefRow]
    name: TextRow
    aliases: list[str]
    role: TextRow
    affiliations: list[str]
    bio: list[TextRow]


class EventRow(TypedDict):
    """A dated moment of the history."""

    id: str
    sources: list[RefRow]
    date: str
    basis: NotRequired[str]
    type: str
    title: TextRow
    description: NotRequired[TextRow]
    about: list[str]
    note: NotRequired[TextRow]
    superseded: list[SupersededRow]
    status: NotRequired[str]


class ModelRow(TypedDict):
    """A model or variant with its specs (keyed by kinds.SPECS), claims and errata."""

    id: str
    sources: list[RefRow]
    name: TextRow
    aliases: list[str]
    family: str
    kind: str
    variant_of: NotRequired[str]
    main: bool
    released: NotRequired[DatedRow]
    summary: TextRow
    specs: dict[str, SpecRow]
    huggingface: list[RepoRow]
    claims: list[ClaimRow]
    note: NotRequired[TextRow]


class QuoteRow(TypedDict):
    """Someone's own words."""

    id: str
    sources: list[RefRow]
    speaker: str
    text: TextRow
    context: NotRequired[TextRow]
    topics: list[str]
    date: NotRequired[str]
    about: list[str]
    note: NotRequired[TextRow]
    status: NotRequired[str]


class FactRow(TypedDict):
    """Any other sourced claim."""

    id: str
    sources: list[RefRow]
    category: str
    code: bool
    subjects: list[str]
    text: TextRow
    topics: list[str]
    about: list[str]
    date: NotRequired[str]
    figures: list[FigureRow]
    note: NotRequired[TextRow]
    superseded: list[SupersededRow]
    status: NotRequired[str]


class ProjectRow(TypedDict):
    """A piece of DeepSeek's open-source software."""

    id: str
    sources: list[RefRow]
    name: TextRow
    aliases: list[str]
    repo: str
    url: str
    category: str
    summary: TextRow
    purpose: NotRequired[TextRow]
    released: NotRequired[DatedRow]
    license: NotRequired[SpecRow]
    used_by: list[str]
    note: NotRequired[TextRow]


class TermRow(TypedDict):
    """A glossary entry."""

    id: str
    sources: list[RefRow]
    name: TextRow
    aliases: list[str]
    definition: TextRow
    introduced_by: list[str]
    used_by: list[str]
    related: list[str]
    projects: list[str]
    note: NotRequired[TextRow]


# Kind name -> the TypedDict of its JSON form (checked against schema.RECORD_TYPES by a test).
_ROW_TYPES: dict[str, Any] = {
    "source": SourceRow,
    "topic": TopicRow,
    "organization": OrganizationRow,
    "person": PersonRow,
    "model": ModelRow,
    "project": ProjectRow,
    "term": TermRow,
    "event": EventRow,
    "quote": QuoteRow,
    "fact": FactRow,
}
# Record kind -> its row type, in the registry's order (kinds.KINDS).
ROWS: dict[str, Any] = {kind.name: _ROW_TYPES[kind.name] for kind in KINDS}
