"""dskb in simonw's `llm`: fragments `dskb:record/ID` and `dskb:search/QUERY`, and a toolbox.

    llm -f dskb:record/deepseek-v3 'How was V3 trained?'
    llm -f 'dskb:search/V3 training cost' 'How much did V3 cost?'
    llm -T Dskb 'What did DeepSeek-V3 cost to train? Cite the source.'

Each returns the same cited Markdown as the MCP tools (`results`): every value with its
source, line or page and link, and the record and source ids to ask for more. The language
follows DSKB_LANG or the locale, and the data DSKB_DATA_DIR, as on the command line.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import llm

from deepseek_kb.settings import Settings, resolve

# `llm` loads every plugin on every run, so dskb's queries are imported only when used.


def _settings() -> Settings:
    data_dir = os.environ.get("DSKB_DATA_DIR")
    return resolve(data_dir=Path(data_dir) if data_dir else None)


def _text(tool: str, *args: Any, **options: Any) -> str:
    """The text of one of the assistant tools (`results.<tool>`), or the reason there is
    none, as the CLI would say it."""
    from deepseek_kb.assistants import results
    from deepseek_kb.errors import DskbError
    from deepseek_kb.queries.common import index_for

    settings = _settings()
    produce = getattr(results, tool)
    try:
        found: results.Result = produce(index_for(settings), *args, lang=settings.lang, **options)
    except DskbError as failure:
        message, hint = failure.said(settings.lang)
        raise ValueError(f"{message} ({hint})" if hint else message) from None
    return found.text


def load_fragment(argument: str) -> llm.Fragment:
    """`record/ID` (a record in full, with its sources) or `search/QUERY` (the hits and any
    answer), as cited Markdown."""
    kind, _, rest = argument.partition("/")
    if kind not in ("record", "search") or not rest.strip():
        raise ValueError("use dskb:record/ID or dskb:search/QUERY")
    if kind == "record":
        text = _text("fetch", rest)
        return llm.Fragment(text, f"dskb://record/{rest}")  # type: ignore[no-untyped-call]
    text = _text("search", rest, 10, tier=None)
    return llm.Fragment(text, f"dskb:search/{rest}")  # type: ignore[no-untyped-call]


class Dskb(llm.Toolbox):  # type: ignore[no-untyped-call]
    """DeepSeek's company and model history, offline and cited: search, answer, cite."""

    def search(self, query: str, limit: int = 10) -> str:
        """Search every dskb record (models, people, quotes, facts, events, terms, sources);
        a question dskb can answer gets its cited answer first."""
        return _text("search", query, max(1, min(limit, 50)), tier=None)

    def answer(self, question: str) -> str:
        """The value a question about DeepSeek asks for (a cost, a date, a parameter count, a
        founder), with its caveat and its sources: quote, line or page, link."""
        return _text("answer", question)

    def cite(self, id_or_query: str) -> str:
        """A Markdown citation for one record (an id from search, or words that name it)."""
        return _text("cite", id_or_query, "markdown", None)


@llm.hookimpl
def register_fragment_loaders(register: Callable[..., None]) -> None:
    """`dskb:` fragments."""
    register("dskb", load_fragment)


@llm.hookimpl
def register_tools(register: Callable[..., None]) -> None:
    """The `Dskb` toolbox."""
    register(Dskb)
