"""The tools' arguments and results as pydantic models: their JSON schemas are what the MCP
server publishes (input and output schemas), and every result is checked against its model."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from deepseek_kb.kinds import EventType, Tier

Lang = Literal["zh", "en", "both"]
CiteFormatName = Literal["text", "markdown", "bibtex", "csl-json", "json"]

_LANG = Field(None, description="zh, en or both; default: the server's DSKB_LANG or locale.")
_TIER = Field(
    None,
    alias="from",
    description="Only what the article says (article) or DeepSeek's own files (official).",
)


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SearchIn(_Input):
    query: str = Field(description="Words, names, numbers or pinyin, in Chinese or English.")
    limit: int = Field(10, ge=1, le=50, description="At most this many records.")
    lang: Lang | None = _LANG
    tier: Tier | None = _TIER


class IdIn(_Input):
    id: str = Field(description="A record or source id (search gives them), or a clear name.")
    lang: Lang | None = _LANG


class AnswerIn(_Input):
    question: str = Field(
        description="A question: 'DeepSeek-V3 training cost', '谁创办了深度求索'."
    )
    lang: Lang | None = _LANG


class CiteIn(_Input):
    id_or_query: str = Field(description="A record id, or words that name one record.")
    format: CiteFormatName = Field("markdown", description="How to write the citation.")
    field: str | None = Field(None, description="Only one spec or field, e.g. training_cost.")
    lang: Lang | None = _LANG


class TimelineIn(_Input):
    since: str | None = Field(None, description="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.")
    until: str | None = Field(None, description="Up to this date (inclusive).")
    type: EventType | None = Field(None, description="Only events of this type.")
    about: str | None = Field(None, description="Only events about this model, person or org.")
    limit: int = Field(100, ge=1, le=500, description="At most this many events.")
    lang: Lang | None = _LANG
    tier: Tier | None = _TIER


class CompareIn(_Input):
    models: list[str] = Field(
        default_factory=list,
        max_length=12,
        description="Models by any name (V2, DeepSeek-V3, R1); none: the main models.",
    )
    lang: Lang | None = _LANG
    tier: Tier | None = _TIER


# --- results ---------------------------------------------------------------------------------


class _Output(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Citation(BaseModel):
    """Where a value comes from: the source, the place in it, the quote and the deep link."""

    model_config = ConfigDict(extra="allow")

    record: str
    field: str
    source: str
    url: str | None = Field(description="The deep link (line, page, commit); None if unknown.")
    quote: str | None = None
    line: int | None = None
    page: int | None = None
    section: str | None = None
    title: dict[str, str] | str | None = None


class AnswerValue(_Output):
    value: str = Field(description="The value as read ($5.576M, 128K, 2023-05).")
    raw: Any = Field(description="The value as stored (number and unit, or text).")
    line: str = Field(description="Whose value, what, the value, and its sources, in one line.")
    record: str
    type: str
    field: str = Field(description="Where in the record the value is held.")
    about: str | None = Field(description="The thing asked about, when another record holds it.")
    caveat: str | None = Field(description="The note that goes with the value, if any.")
    citations: list[Citation]
    uri: str


class Hit(_Output):
    id: str
    title: str
    text: str
    url: str | None
    type: str
    score: float
    cites: str


class SearchOut(_Output):
    query: str
    answer: AnswerValue | None
    results: list[Hit]
    total: int
    truncated: bool


class FetchOut(_Output):
    id: str
    title: str
    text: str
    url: str | None
    metadata: dict[str, Any]


class Brief(_Output):
    id: str
    type: str
    title: str


class AnswerOut(_Output):
    question: str
    answered: bool
    answer: AnswerValue | None
    hits: list[Brief] = Field(description="The nearest records when no value was found.")


class CiteOut(_Output):
    id: str
    type: str
    format: str
    words: str
    citations: list[Citation]
    truncated: bool


class RecordOut(_Output):
    id: str
    type: str
    title: str
    text: str
    url: str | None
    uri: str
    citations: list[Citation]
    record: dict[str, Any]
    omitted: list[str] = Field(description="Fields left out to keep the result small.")
    truncated: bool


class CitedBy(_Output):
    id: str
    type: str


class SourceOut(_Output):
    id: str
    title: str
    kind: str
    url: str | None
    uri: str
    source: dict[str, Any]
    cited_by: list[CitedBy]
    truncated: bool


class Event(_Output):
    id: str
    date: str
    type: str
    title: str
    text: str
    about: list[str]
    cites: str
    url: str | None


class TimelineOut(_Output):
    events: list[Event]
    total: int
    truncated: bool


class SpecCell(_Output):
    value: str
    cites: str
    url: str | None


class ModelSpecs(_Output):
    id: str
    name: str
    released: str | None
    specs: dict[str, SpecCell]


class CompareOut(_Output):
    models: list[ModelSpecs]
    truncated: bool
