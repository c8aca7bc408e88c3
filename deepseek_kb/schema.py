"""The record types of the knowledge base, as strict pydantic models; no I/O."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from deepseek_kb.kinds import NAMES, EventType, Unit

SLUG_PATTERN = r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _check_partial_date(value: str) -> str:
    """Reject dates that match the pattern but do not exist on a calendar."""
    parts = [int(p) for p in value.split("-")]
    year, month, day = [*parts, 1, 1][:3]
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{value} is not a real date") from None
    return value


def _year_as_text(value: Any) -> Any:
    """A bare year (`date: 2023`) reads as an integer in YAML; it is still a date."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


PartialDate = Annotated[
    str,
    BeforeValidator(_year_as_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "ISO date at its own precision: YYYY, YYYY-MM or YYYY-MM-DD.",
        }
    ),
    StringConstraints(pattern=DATE_PATTERN),
    AfterValidator(_check_partial_date),
    Field(description="ISO date at its own precision: YYYY, YYYY-MM or YYYY-MM-DD."),
]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Frozen(BaseModel):
    """Base of every value: unknown keys are errors and values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Frozen):
    """Human text in both languages: the source's Chinese wording and a faithful English one."""

    zh: NonEmpty
    en: NonEmpty


class SourceRef(Frozen):
    """A citation: a source id, optionally narrowed to a section, line, page or quoted line."""

    source: Slug
    section: NonEmpty | None = None
    line: Annotated[int, Field(ge=1)] | None = None
    page: Annotated[int, Field(ge=1)] | None = None
    quote: NonEmpty | None = Field(
        default=None, description="The cited line, verbatim and in the source's own language."
    )

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, data: Any) -> Any:
        return {"source": data} if isinstance(data, str) else data


SourceItem = Annotated[
    SourceRef,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": SLUG_PATTERN, "description": "a source id"},
                SourceRef.model_json_schema(),
            ]
        }
    ),
]
Sources = Annotated[list[SourceItem], Field(min_length=1)]

Qualifier = Literal["about", "nearly", "under", "over", "at-most", "at-least"]


class Quantity(Frozen):
    """A number with its unit, e.g. 671 'B params' or 2.788 'M GPU hours'."""

    value: float
    unit: Unit
    qualifier: Qualifier | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _no_bool(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("expected a number, got true/false")
        return value


class Figure(Frozen):
    """A labelled quantity inside a fact or an organisation."""

    label: Text
    value: Quantity


def _spec_value_kind(value: Any) -> str | None:
    """Pick the union branch by shape, so errors speak of one branch, not all three."""
    if isinstance(value, BaseModel):
        return "quantity" if isinstance(value, Quantity) else "text"
    if isinstance(value, dict):
        return "quantity" if "value" in value or "unit" in value else "text"
    return "name" if isinstance(value, str) else None


SpecValue = Annotated[
    Annotated[Quantity, Tag("quantity")]
    | Annotated[Text, Tag("text")]
    | Annotated[NonEmpty, Tag("name")],
    Discriminator(
        _spec_value_kind,
        custom_error_type="spec_value",
        custom_error_message="expected a quantity {value, unit}, a text {zh, en} or a name",
    ),
    Field(
        description="A quantity, a bilingual text, or a name that reads the same in both languages."
    ),
]


class Superseded(Frozen):
    """A value a source stated that a better source corrects; kept, never dropped."""

    value: SpecValue
    sources: Sources
    reason: Text


class Spec(Frozen):
    """One model specification with its own citation."""

    value: SpecValue
    sources: Sources
    note: Text | None = None
    superseded: list[Superseded] = []


class Dated(Frozen):
    """A date with its own citation, e.g. a model's release."""

    date: PartialDate
    sources: Sources
    note: Text | None = None
    superseded: list[Superseded] = []


class ModelSpecs(Frozen):
    """A model's specifications; every one optional, every one cited (kinds.SPECS, in order)."""

    total_params: Spec | None = None
    active_params: Spec | None = None
    context_length: Spec | None = None
    architecture: Spec | None = None
    attention: Spec | None = None
    ffn: Spec | None = None
    layers: Spec | None = None
    hidden_size: Spec | None = None
    routed_experts: Spec | None = None
    shared_experts: Spec | None = None
    activated_experts: Spec | None = None
    load_balancing: Spec | None = None
    mtp: Spec | None = None
    base_model: Spec | None = None
    training_tokens: Spec | None = None
    training_method: Spec | None = None
    precision: Spec | None = None
    gpu_type: Spec | None = None
    gpu_hours: Spec | None = None
    training_cost: Spec | None = None
    api_price_input: Spec | None = None
    api_price_output: Spec | None = None
    license_code: Spec | None = None
    license_model: Spec | None = None
    paper: Spec | None = None


class Claim(Frozen):
    """A headline statement about a model: an efficiency figure, a benchmark, a comparison."""

    text: Text
    sources: Sources
    figures: list[Figure] = []
    note: Text | None = None
    superseded: list[Superseded] = []


class HuggingFaceRepo(Frozen):
    """A Hugging Face repository id with its citation."""

    repo: Annotated[str, StringConstraints(pattern=r"^[\w.-]+/[\w.-]+$")]
    sources: Sources


class Record(Frozen):
    """Fields every record has: a KB-wide unique slug and at least one source."""

    id: Slug
    sources: Sources


class Named(Record):
    """A record people look up by name: both forms of the name and the aliases they type."""

    name: Text
    aliases: list[NonEmpty] = []


SourceKind = Literal[
    "article",
    "web-page",
    "interview",
    "repository-file",
    "paper",
    "git-commit",
    "image",
    "compilation",
]


class Source(Record):
    """Where facts come from. Its own `sources` say where it was found (the article cites it...)."""

    kind: SourceKind
    title: Text
    url: Url | None = None
    date: PartialDate | None = None
    publisher: NonEmpty | None = None
    repo: NonEmpty | None = None
    path: NonEmpty | None = None
    commit: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{7,40}$")] | None = None
    note: Text | None = None


class Topic(Named):
    """A subject that quotes and facts are filed under, e.g. innovation (创新)."""


OrganizationKind = Literal[
    "company", "fund", "lab", "compute-cluster", "university", "community", "other"
]


class Organization(Named):
    """A company, fund, lab, university or compute cluster."""

    kind: OrganizationKind
    parent: Slug | None = None
    founded: PartialDate | None = None
    location: Text | None = None
    description: Text | None = None
    figures: list[Figure] = []


class Person(Named):
    """Someone the article names: the founder, a researcher, a commentator."""

    role: Text
    affiliations: list[Slug] = []
    bio: list[Text] = []


class Event(Record):
    """A dated moment of the company's or the models' history."""

    date: PartialDate
    type: EventType
    title: Text
    description: Text | None = None
    about: list[Slug] = []
    note: Text | None = None
    superseded: list[Superseded] = []


ModelKind = Literal["language", "code", "math", "vision-language", "reasoning", "moe-research"]


class Model(Named):
    """A DeepSeek model or variant, its specifications, claims and errata."""

    family: NonEmpty
    kind: ModelKind
    variant_of: Slug | None = None
    main: bool = Field(default=False, description="Shown by default in `dskb models --compare`.")
    released: Dated | None = None
    summary: Text
    specs: ModelSpecs = ModelSpecs()
    huggingface: list[HuggingFaceRepo] = []
    claims: list[Claim] = []
    note: Text | None = None


class Quote(Record):
    """Someone's own words, with the question or setting they answer."""

    speaker: Slug
    text: Text
    context: Text | None = None
    topics: Annotated[list[Slug], Field(min_length=1)]
    date: PartialDate | None = None
    about: list[Slug] = []
    note: Text | None = None


FactCategory = Literal[
    "company",
    "founder",
    "compute",
    "investment",
    "team",
    "hiring",
    "culture",
    "management",
    "cost",
    "price",
    "funding",
    "strategy",
    "technology",
    "access",
    "comparison",
    "commentary",
    "industry",
]


class Fact(Record):
    """A sourced claim that is none of the other types: team size, hiring, costs, commentary."""

    category: FactCategory
    text: Text
    topics: list[Slug] = []
    about: list[Slug] = []
    date: PartialDate | None = None
    figures: list[Figure] = []
    note: Text | None = None
    superseded: list[Superseded] = []


# Record kind -> model class, in the registry's order (kinds.KINDS).
_MODELS: dict[str, type[Record]] = {
    "source": Source,
    "topic": Topic,
    "organization": Organization,
    "person": Person,
    "model": Model,
    "event": Event,
    "quote": Quote,
    "fact": Fact,
}
RECORD_TYPES: dict[str, type[Record]] = {name: _MODELS[name] for name in NAMES}
