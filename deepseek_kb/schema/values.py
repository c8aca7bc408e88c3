"""The values records are made of: bilingual text, citations, quantities, dates, specs."""

from __future__ import annotations

import datetime as dt
import re
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

from deepseek_kb.errors import BadValue
from deepseek_kb.kinds import Unit

SLUG_PATTERN = r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"  # ASCII digits only

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
# C0 and C1 control characters (tab and newline aside) and the bidirectional overrides: text
# with them could clear or recolour a reader's terminal, so the data may not hold them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _no_control(value: str) -> str:
    found = _CONTROL.search(value)
    if found:
        raise BadValue("value.control", code=ord(found.group()), position=found.start() + 1)
    return value


NonEmpty = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_no_control)
]


def _check_partial_date(value: str) -> str:
    """Reject dates that match the pattern but do not exist on a calendar."""
    parts = [int(p) for p in value.split("-")]
    year, month, day = [*parts, 1, 1][:3]
    try:
        dt.date(year, month, day)
    except ValueError:
        raise BadValue("value.not_a_real_date", value=value) from None
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
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s\x00-\x1f\x7f-\x9f]+$")]


class Frozen(BaseModel):
    """Base of every value: unknown keys are errors and values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(Frozen):
    """A citation: a source id, optionally narrowed to a section, line, page or quoted line."""

    source: Slug
    section: NonEmpty | None = None
    line: Annotated[int, Field(ge=1, le=10_000_000)] | None = None
    page: Annotated[int, Field(ge=1, le=100_000)] | None = None
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


class Text(Frozen):
    """Human text in both languages: the source's Chinese wording and a faithful English one."""

    zh: NonEmpty
    en: NonEmpty
    sources: list[SourceItem] | None = Field(
        default=None,
        min_length=1,
        description="This wording's own citations, where they are not all its record's (a note "
        "resting on an official file, a description in the article's words).",
    )


# What a value's data may say of how it is known; the rest is inferred (`told.infer_status`).
DataStatus = Annotated[
    Literal["derived", "transcribed"],
    Field(
        description="Only where the citations cannot show it: derived (computed; the note names "
        "the inputs) or transcribed (read from an image). Every other status is inferred."
    ),
]


def derived_names_inputs(status: str | None, note: Text | None) -> None:
    """A derived value says what it was computed from."""
    if status == "derived" and note is None:
        raise BadValue("value.derived_note")


Qualifier = Literal["about", "nearly", "under", "over", "at-most", "no-more-than", "at-least"]


# The largest magnitude a quantity may have: every value below it prints exactly (14.8T tokens
# is 1.48e13); infinities, NaN and numbers of hundreds of digits are refused, not shown.
MAX_QUANTITY = 1e15


class Quantity(Frozen):
    """A number in its dimension's one unit, e.g. 671 'B params' or 2788000 'GPU hours'."""

    value: Annotated[  # whole numbers stay whole: 671, not 671.0
        int | Annotated[float, Field(allow_inf_nan=False)],
        Field(gt=-MAX_QUANTITY, lt=MAX_QUANTITY),
    ]
    unit: Unit
    qualifier: Qualifier | None = None
    text: NonEmpty | None = Field(
        default=None, description="The value as the source wrote it, e.g. 128K or 14.8T."
    )
    case: Literal["cache-hit", "cache-miss"] | None = Field(
        default=None,
        description="Which of a spec's several values this is, as the source names it: an input "
        "price on a cache hit or a cache miss.",
    )

    @field_validator("value", mode="before")
    @classmethod
    def _no_bool(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise BadValue("value.bool_not_number")
        return value


class Figure(Frozen):
    """A labelled quantity inside a fact or an organisation."""

    label: Text
    value: Quantity
    status: DataStatus | None = None


def _spec_value_kind(value: Any) -> str | None:
    """Pick the union branch by shape, so errors speak of one branch, not all four."""
    if isinstance(value, BaseModel):
        return "quantity" if isinstance(value, Quantity) else "text"
    if isinstance(value, dict):
        return "quantity" if "value" in value or "unit" in value else "text"
    if isinstance(value, list):
        return "quantities"
    return "name" if isinstance(value, str) else None


SpecValue = Annotated[
    Annotated[Quantity, Tag("quantity")]
    | Annotated[Annotated[list[Quantity], Field(min_length=1)], Tag("quantities")]
    | Annotated[Text, Tag("text")]
    | Annotated[NonEmpty, Tag("name")],
    Discriminator(
        _spec_value_kind,
        custom_error_type="spec_value",
        custom_error_message=(
            "expected a quantity {value, unit}, a list of quantities, a text {zh, en} or a name"
        ),
    ),
    Field(
        description="A quantity, a list of quantities (sizes), a bilingual text, or a name that "
        "reads the same in both languages."
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
    status: DataStatus | None = None
    note: Text | None = None
    superseded: list[Superseded] = []

    @model_validator(mode="after")
    def _inputs_named(self) -> Spec:
        derived_names_inputs(self.status, self.note)
        return self


def superseded_dates(superseded: list[Superseded]) -> None:
    """A date's superseded values are dates: the footnote reads 'now (stated as then)'."""
    for old in superseded:
        if not (isinstance(old.value, str) and re.fullmatch(DATE_PATTERN, old.value)):
            raise BadValue("value.superseded_date", value=old.value)


def superseded_texts(superseded: list[Superseded]) -> None:
    """A text's superseded values are texts: the footnote reads 'now (stated as then)'."""
    for old in superseded:
        if not isinstance(old.value, Text):
            raise BadValue("value.superseded_text")


Basis = Literal["commit-date"]


class Dated(Frozen):
    """A date with its own citation, e.g. a model's release."""

    date: PartialDate
    basis: Basis | None = Field(
        default=None,
        description="commit-date: the date is a git commit's author date, not a statement.",
    )
    sources: Sources
    status: DataStatus | None = None
    note: Text | None = None
    superseded: list[Superseded] = []

    @model_validator(mode="after")
    def _dates_corrected_by_dates(self) -> Dated:
        superseded_dates(self.superseded)
        derived_names_inputs(self.status, self.note)
        return self


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
    status: DataStatus | None = None
    figures: list[Figure] = []
    note: Text | None = None
    superseded: list[Superseded] = []

    @model_validator(mode="after")
    def _texts_corrected_by_texts(self) -> Claim:
        superseded_texts(self.superseded)
        derived_names_inputs(self.status, self.note)
        return self


class HuggingFaceRepo(Frozen):
    """A Hugging Face repository id with its citation."""

    repo: Annotated[str, StringConstraints(pattern=r"^[\w.-]+/[\w.-]+$")]
    sources: Sources
