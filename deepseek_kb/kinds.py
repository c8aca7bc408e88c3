"""The registry of record kinds and the closed sets of values; imports nothing of dskb.

Everything that needs to know which kinds of record exist (file discovery, the schema, the
loader's reference checks, the index, search ranking, exports, completion) reads it here, so a
new kind is one entry in `KINDS` plus its pydantic model in `schema/records.py` and its row
type in `rows.py`; a kind no export has a hand-made section for gets a generic one.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Link(NamedTuple):
    """A field that names other records by id, and the kinds it may name. `filed`: the record
    is filed under what it names (its topics), so naming one alone says it is about that."""

    field: str
    targets: tuple[str, ...]
    many: bool = True
    filed: bool = False


# What `about` may point at: the subjects of events, quotes and facts.
ABOUT = ("model", "project", "person", "organization", "event", "topic")


class Kind(NamedTuple):
    """One kind of record: how it is filed, named, linked, ranked and listed."""

    name: str
    stem: str
    rank: int
    word: tuple[str, str]  # one record of it, in Chinese and English: ("模型", "model")
    title: tuple[str, str]  # a section of them: ("模型", "Models")
    named: bool = False
    subject: bool = False
    links: tuple[Link, ...] = ()
    sort: str | None = None
    command: str | None = "search"  # the command that lists them; None: list them in hints


# In load and export order; `rank` orders equal-scoring search hits (models first).
KINDS: tuple[Kind, ...] = (
    Kind(
        "source",
        "sources",
        rank=9,
        word=("来源", "source"),
        title=("来源", "Sources"),
        command="sources",
    ),
    Kind(
        "topic",
        "topics",
        rank=5,
        word=("主题", "topic"),
        title=("主题", "Topics"),
        named=True,
        command=None,
    ),
    Kind(
        "organization",
        "organizations",
        rank=4,
        word=("机构", "organization"),
        title=("机构", "Organizations"),
        named=True,
        subject=True,
        links=(Link("parent", ("organization",), many=False),),
        command="company",
    ),
    Kind(
        "person",
        "people",
        rank=3,
        word=("人物", "person"),
        title=("人物", "People"),
        named=True,
        subject=True,
        links=(Link("affiliations", ("organization",)),),
        command="people",
    ),
    Kind(
        "model",
        "models",
        rank=0,
        word=("模型", "model"),
        title=("模型", "Models"),
        named=True,
        subject=True,
        links=(Link("variant_of", ("model",), many=False),),
        command="models",
    ),
    Kind(
        "project",
        "projects",
        rank=1,
        word=("项目", "project"),
        title=("开源项目", "Open-source projects"),
        named=True,
        subject=True,
        links=(Link("used_by", ("model",)),),
        command="projects",
    ),
    Kind(
        "term",
        "terms",
        rank=2,
        word=("术语", "term"),
        title=("术语", "Glossary"),
        named=True,
        links=(
            Link("introduced_by", ("model",)),
            Link("used_by", ("model",)),
            Link("related", ("term",)),
            Link("projects", ("project",)),
        ),
        command="explain",
    ),
    Kind(
        "event",
        "events",
        rank=6,
        word=("事件", "event"),
        title=("大事记", "Timeline"),
        links=(Link("about", ABOUT),),
        sort="date",
        command="timeline",
    ),
    Kind(
        "quote",
        "quotes",
        rank=7,
        word=("引语", "quote"),
        title=("引语", "Quotes"),
        links=(
            Link("speaker", ("person",), many=False),
            Link("topics", ("topic",), filed=True),
            Link("about", ABOUT),
        ),
        command="quote",
    ),
    Kind(
        "fact",
        "facts",
        rank=8,
        word=("事实", "fact"),
        title=("事实", "Facts"),
        links=(Link("topics", ("topic",), filed=True), Link("about", ABOUT)),
    ),
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
BY_STEM: dict[str, Kind] = {kind.stem: kind for kind in KINDS}
NAMES: tuple[str, ...] = tuple(BY_NAME)
NAMED: frozenset[str] = frozenset(k.name for k in KINDS if k.named)
SUBJECTS: tuple[str, ...] = tuple(k.name for k in sorted(KINDS, key=lambda k: k.rank) if k.subject)
LINK_FIELDS: frozenset[str] = frozenset(link.field for k in KINDS for link in k.links)


class Tier(StrEnum):
    """Where a record's facts come from: the article (and the links it cites) or DeepSeek's files."""

    article = "article"
    official = "official"


# What each kind of source is called in Chinese (the id is its English word).
SOURCE_WORDS: dict[str, str] = {
    "article": "文章",
    "web-page": "网页",
    "official-page": "官方网页",
    "interview": "访谈",
    "repository-file": "仓库文件",
    "paper": "论文",
    "git-commit": "Git 提交",
    "image": "图片",
    "compilation": "汇编",
}

# What the fields a search hit matches in are called in Chinese (their paths stay in English).
FIELD_WORDS: dict[str, str] = {
    "name": "名称",
    "aliases": "别名",
    "title": "标题",
    "text": "正文",
    "description": "描述",
    "definition": "定义",
    "summary": "简介",
    "role": "身份",
    "bio": "经历",
    "context": "背景",
    "topics": "话题",
    "note": "说明",
    "claims": "要点",
    "specs": "规格",
}

# Source kinds that are DeepSeek's own words wherever they live: a verified compilation of its
# files, and a saved copy of a page of its API documentation or of its deepseek-ai Hugging Face
# pages (Hugging Face's own listing data on such a page, sizes and "Updated" dates, is not).
OFFICIAL_SOURCE_KINDS = frozenset({"compilation", "official-page"})


def source_tier(kind: str, repo: str | None) -> Tier:
    """A source is official when it is a file of a DeepSeek repository, a verified compilation
    of them or a page DeepSeek publishes; the article and the web pages and interviews it cites
    are the article's."""
    return Tier.official if repo or kind in OFFICIAL_SOURCE_KINDS else Tier.article


class Status(StrEnum):
    """How a value is known (like Wikidata's ranks): every value has one, inferred by one rule
    (`told.infer_status`) unless the data says otherwise."""

    stated = "stated"  # verbatim in an official source it cites
    derived = "derived"  # computed from other values; its note names the inputs
    transcribed = "transcribed"  # read from an image
    commit_metadata = "commit-metadata"  # a git commit's author date or subject, not a statement
    third_party = "third-party"  # the article's claim (or a page's it cites), not an official one
    superseded = "superseded"  # deprecated: a better source corrects it (its reason says how)


# What each status says of a value, in Chinese and in English (the marks' legends).
STATUS_WORDS: dict[str, tuple[str, str]] = {
    Status.stated: ("官方来源原文所述", "stated verbatim in an official source"),
    Status.superseded: ("被更好的来源更正", "corrected by a better source"),
    Status.commit_metadata: (
        "git 提交的元数据，不是声明",
        "a git commit's metadata, not a statement",
    ),
    Status.third_party: (
        "文章（或其引用的网页）的说法",
        "the article's claim (or a page it cites)",
    ),
    Status.derived: ("由其他数值计算得出", "computed from other values"),
    Status.transcribed: ("从图片中读出", "read from an image"),
}

# The statuses a record may state itself, where the rule cannot see them from its citations.
EXPLICIT_STATUSES: tuple[Status, ...] = (Status.derived, Status.transcribed)


class EventType(StrEnum):
    """What an event is; `timeline --type` takes these."""

    founding = "founding"
    model_release = "model-release"
    announcement = "announcement"
    investment = "investment"
    publication = "publication"
    interview = "interview"
    pricing = "pricing"
    milestone = "milestone"
    software_release = "software-release"
    code_change = "code-change"  # a commit that is no release (a config file added)


# What each kind of event is called, in Chinese and in English (the timeline's badge;
# `timeline --type` takes these names too, and completes them).
EVENT_WORDS: dict[str, tuple[str, str]] = {
    "founding": ("成立", "founding"),
    "model-release": ("模型发布", "model release"),
    "announcement": ("公告", "announcement"),
    "investment": ("投资", "investment"),
    "publication": ("发表", "publication"),
    "interview": ("访谈", "interview"),
    "pricing": ("定价", "pricing"),
    "milestone": ("里程碑", "milestone"),
    "software-release": ("开源发布", "open source"),
    "code-change": ("代码改动", "code change"),
}
# What each kind of organisation is called, in Chinese and in English: what an organisation the
# KB holds no description of is (LMSYS, a community).
ORGANIZATION_WORDS: dict[str, tuple[str, str]] = {
    "company": ("公司", "company"),
    "fund": ("基金", "fund"),
    "lab": ("实验室", "lab"),
    "compute-cluster": ("算力集群", "compute cluster"),
    "university": ("大学", "university"),
    "community": ("社区", "community"),
}


class Unit(StrEnum):
    """The unit of a quantity: one per dimension, never a scaled one (128K is 128000 tokens)."""

    b_params = "B params"
    tokens = "tokens"
    tokens_per_s = "tokens/s"
    gpu_hours = "GPU hours"
    gpus = "GPUs"
    usd = "USD"
    cny = "CNY"
    usd_per_m_tokens = "USD per M tokens"
    cny_per_m_tokens = "CNY per M tokens"
    percent = "%"
    times = "x"
    days = "days"
    people = "people"
    experts = "experts"
    layers = "layers"
    nodes = "nodes"
    number = "count"


# unit -> (what it measures, factor to that dimension's base unit)
UNIT_SCALE: dict[Unit, tuple[str, float]] = {
    Unit.b_params: ("params", 1e9),
    Unit.tokens: ("tokens", 1),
    Unit.tokens_per_s: ("throughput", 1),
    Unit.gpu_hours: ("gpu-hours", 1),
    Unit.gpus: ("gpus", 1),
    Unit.usd: ("usd", 1),
    Unit.cny: ("cny", 1),
    Unit.usd_per_m_tokens: ("usd-per-mtok", 1),
    Unit.cny_per_m_tokens: ("cny-per-mtok", 1),
    Unit.percent: ("percent", 1),
    Unit.times: ("times", 1),
    Unit.days: ("days", 1),
    Unit.people: ("people", 1),
    Unit.experts: ("experts", 1),
    Unit.layers: ("layers", 1),
    Unit.nodes: ("nodes", 1),
    Unit.number: ("count", 1),
}


class SpecInfo(NamedTuple):
    """One model specification: its field name, its group and its label in both languages (and,
    for the few a table heads a narrow column with, a short one: ("激活", "active"))."""

    field: str
    group: str
    zh: str
    en: str
    short: tuple[str, str] | None = None


# A model's specifications, in the order tables show them.
SPECS: tuple[SpecInfo, ...] = (
    SpecInfo("total_params", "size", "总参数", "Total parameters", ("总参数", "total")),
    SpecInfo("active_params", "size", "激活参数", "Activated parameters", ("激活", "active")),
    SpecInfo("context_length", "size", "上下文长度", "Context length", ("上下文", "context")),
    SpecInfo("architecture", "architecture", "架构", "Architecture"),
    SpecInfo("attention", "architecture", "注意力", "Attention"),
    SpecInfo("ffn", "architecture", "前馈网络", "Feed-forward"),
    SpecInfo("layers", "architecture", "层数", "Layers"),
    SpecInfo("hidden_size", "architecture", "隐藏维度", "Hidden size"),
    SpecInfo("routed_experts", "architecture", "路由专家", "Routed experts"),
    SpecInfo("shared_experts", "architecture", "共享专家", "Shared experts"),
    SpecInfo(
        "activated_experts", "architecture", "每 token 激活专家", "Experts activated per token"
    ),
    SpecInfo("load_balancing", "architecture", "负载均衡", "Load balancing"),
    SpecInfo("mtp", "architecture", "多 token 预测", "Multi-token prediction"),
    SpecInfo("base_model", "architecture", "基座模型", "Base model"),
    SpecInfo(
        "training_tokens", "training", "训练 token", "Training tokens", ("训练 token", "tokens")
    ),
    SpecInfo("training_method", "training", "训练方法", "Training method"),
    SpecInfo("precision", "training", "训练精度", "Training precision"),
    SpecInfo("gpu_type", "training", "GPU 型号", "GPU type"),
    SpecInfo("gpu_hours", "training", "GPU 小时", "GPU hours"),
    SpecInfo("training_cost", "cost", "训练成本", "Training cost"),
    SpecInfo("api_price_input", "cost", "API 输入价格", "API input price"),
    SpecInfo("api_price_output", "cost", "API 输出价格", "API output price"),
    SpecInfo("license_code", "access", "代码许可", "Code licence"),
    SpecInfo("license_model", "access", "模型许可", "Model licence"),
    SpecInfo("paper", "access", "论文", "Paper"),
)
SPEC_BY_FIELD: dict[str, SpecInfo] = {spec.field: spec for spec in SPECS}
SPEC_GROUPS: dict[str, tuple[str, str]] = {
    "size": ("规模", "Size"),
    "architecture": ("架构", "Architecture"),
    "training": ("训练", "Training"),
    "cost": ("成本与价格", "Cost and price"),
    "access": ("获取", "Access"),
}
# Specs whose value is a quantity (a number and its unit, or several); every other spec is a
# text (a name reads the same in both languages). The JSON export and flat tables rely on it.
QUANTITY_SPECS = frozenset(
    {
        "total_params",
        "active_params",
        "context_length",
        "layers",
        "hidden_size",
        "routed_experts",
        "shared_experts",
        "activated_experts",
        "training_tokens",
        "gpu_hours",
        "training_cost",
        "api_price_input",
        "api_price_output",
    }
)
