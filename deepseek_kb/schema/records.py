"""The kinds of record, as strict pydantic models; `RECORD_TYPES` follows the registry."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from deepseek_kb.kinds import NAMES, EventType
from deepseek_kb.schema.values import (
    Basis,
    Claim,
    DataStatus,
    Dated,
    Figure,
    Frozen,
    HuggingFaceRepo,
    ModelSpecs,
    NonEmpty,
    PartialDate,
    Slug,
    Sources,
    Spec,
    Superseded,
    Text,
    Url,
    derived_names_inputs,
    superseded_dates,
    superseded_texts,
)


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
    "official-page",
    "interview",
    "repository-file",
    "paper",
    "git-commit",
    "image",
    "compilation",
]


class Source(Record):
    """Where facts come from. Its own `sources` say where it was found (the article cites it...).

    An `official-page` is a saved copy of a page DeepSeek publishes (its API documentation, its
    deepseek-ai Hugging Face pages): `url` is the page, `note` says what the saved copy holds
    and whether it carries a date of its own, and a citation's `line` is a line of that copy.
    """

    kind: SourceKind
    title: Text
    url: Url | None = None
    date: PartialDate | None = None
    publisher: NonEmpty | None = None
    repo: NonEmpty | None = None
    path: NonEmpty | None = None
    commit: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{7,40}$")] | None = None
    permalink: NonEmpty | None = Field(
        default=None, description="A path the source gives itself where no host is known."
    )
    note: Text | None = None
    accessed: PartialDate | None = Field(
        default=None,
        description="When the KB read this source itself (sources read through it inherit it).",
    )


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
    basis: Basis | None = Field(
        default=None,
        description="commit-date: the date is a git commit's author date, not a statement.",
    )
    type: EventType
    title: Text
    description: Text | None = None
    about: list[Slug] = []
    status: DataStatus | None = None
    note: Text | None = None
    superseded: list[Superseded] = []

    @model_validator(mode="after")
    def _dates_corrected_by_dates(self) -> Event:
        superseded_dates(self.superseded)
        derived_names_inputs(self.status, self.note)
        return self


ModelKind = Literal[
    "language", "code", "math", "vision-language", "multimodal", "reasoning", "moe-research"
]


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
    status: DataStatus | None = None
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
    "coverage",
]


class Fact(Record):
    """A sourced claim that is none of the other types: team size, hiring, costs, commentary."""

    category: FactCategory
    code: bool = Field(
        default=False, description="The text is source code quoted as it is (shown as code)."
    )
    subjects: list[NonEmpty] = Field(
        default=[], description="Coverage facts: the names a reader may type for what is missing."
    )
    text: Text
    topics: list[Slug] = []
    about: list[Slug] = []
    date: PartialDate | None = None
    figures: list[Figure] = []
    status: DataStatus | None = None
    note: Text | None = None
    superseded: list[Superseded] = []

    @model_validator(mode="after")
    def _texts_corrected_by_texts(self) -> Fact:
        superseded_texts(self.superseded)
        derived_names_inputs(self.status, self.note)
        return self


ProjectCategory = Literal[
    "kernel",
    "communication",
    "parallelism",
    "storage",
    "data-processing",
    "inference",
    "profiling",
    "other",
]


class Project(Named):
    """A piece of open-source software DeepSeek publishes (FlashMLA, DeepEP, 3FS …)."""

    repo: Annotated[str, StringConstraints(pattern=r"^[\w.-]+/[\w.-]+$")]
    url: Url
    category: ProjectCategory
    summary: Text
    purpose: Text | None = None
    released: Dated | None = None
    license: Spec | None = None
    used_by: list[Slug] = []
    note: Text | None = None


class Term(Named):
    """A technical term with a cited definition (MLA, MoE, GRPO …)."""

    definition: Text
    introduced_by: list[Slug] = []
    used_by: list[Slug] = []
    related: list[Slug] = []
    projects: list[Slug] = []  # DeepSeek's open-source code for it (EPLB the term, EPLB the repo)
    note: Text | None = None


# Record kind -> model class, in the registry's order (kinds.KINDS).
_MODELS: dict[str, type[Record]] = {
    "source": Source,
    "topic": Topic,
    "organization": Organization,
    "person": Person,
    "model": Model,
    "project": Project,
    "term": Term,
    "event": Event,
    "quote": Quote,
    "fact": Fact,
}
RECORD_TYPES: dict[str, type[Record]] = {name: _MODELS[name] for name in NAMES}
