"""`dskb quote` and `dskb search`: ranked lookups across the KB."""

from __future__ import annotations

from typing import Annotated

import typer

from deepseek_kb import queries, render
from deepseek_kb.commands.common import (
    JsonOpt,
    LangOpt,
    LimitOpt,
    app,
    not_found,
    open_kb,
    quoted,
    set_lang,
    value_option,
)


@app.command(
    epilog="Examples: dskb quote 创新 · dskb quote moat --lang both · dskb quote --speaker Karpathy · dskb quote --topic hiring"
)
def quote(
    query: Annotated[
        str | None,
        typer.Argument(
            help="Words to look for (中文 or English); none lists every quote by topic.",
            show_default=False,
        ),
    ] = None,
    speaker: Annotated[
        str | None,
        value_option("--speaker", "Only this person's words (name, alias or id).", "person"),
    ] = None,
    topic: Annotated[
        str | None,
        value_option("--topic", "Only quotes on this topic (创新, innovation, hiring…).", "topic"),
    ] = None,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=1, max=100000, help="At most N quotes."),
    ] = 100,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Quotes ranked by how well they match; the Chinese original always shown."""
    set_lang(lang)
    index = open_kb()
    found = queries.find_quotes(index, query, speaker, topic, limit)
    if not found.items:
        not_found(
            json, f"no quote matches {quoted(query)}" if query else "no quote matches", found.hint
        )
    if found.total > len(found.items):
        render.note(f"showing {len(found.items)} of {found.total} quotes; --limit N shows more")
    if json:
        render.write_json(found.as_json())
    else:
        render.quotes(found.items, found.names, group=query is None)


@app.command(
    epilog="Examples: dskb search V3 · dskb search 护城河 · dskb search '671B' --type model · dskb search chuangxin"
)
def search(
    query: Annotated[
        str, typer.Argument(help="Words, names, numbers or pinyin, in Chinese or English.")
    ],
    record_type: Annotated[
        str | None,
        value_option(
            "--type", "Only this record type (model, person, quote, fact, event, …).", "type"
        ),
    ] = None,
    limit: LimitOpt = 10,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Search every record type at once, best match first."""
    set_lang(lang)
    index = open_kb()
    hits = queries.search_all(index, query, record_type, limit)
    if not hits:
        not_found(json, f"nothing matches {quoted(query)}", queries.search_hint(query))
    if json:
        render.write_json([h.as_json() for h in hits])
    else:
        render.hits(hits)
