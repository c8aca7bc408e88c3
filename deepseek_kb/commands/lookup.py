"""`dskb quote` and `dskb search`: ranked lookups across the KB."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer

from deepseek_kb.commands.common import (
    FormatOpt,
    JsonOpt,
    LangOpt,
    LimitOpt,
    TierOpt,
    app,
    quoted,
    session,
    value_option,
)
from deepseek_kb.queries.lookup import find_quotes, search_all, search_hint
from deepseek_kb.render import lookup as views
from deepseek_kb.render.flat import hits_table
from deepseek_kb.render.output import Nothing, Output


@app.command(
    epilog="Examples: dskb quote 创新 · dskb quote moat --lang both · dskb quote --speaker Karpathy · dskb quote --topic hiring"
)
def quote(
    ctx: typer.Context,
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
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """Quotes ranked by how well they match; the Chinese original always shown."""
    run = session(ctx, lang, json, fmt=fmt)
    found = find_quotes(run.index, query, speaker, topic, limit)
    notes: tuple[str, ...] = ()
    if found.total > len(found.items):
        notes = (f"showing {len(found.items)} of {found.total} quotes; --limit N shows more",)
    message = f"no quote matches {quoted(query)}" if query else "no quote matches"
    view = partial(views.quotes, found.items, found.names, query is None)
    data = found.as_json()
    flat = partial(hits_table, data)
    run.emit(Output(data, view, Nothing(message, found.hint), notes, flat=flat))


@app.command(
    epilog="Examples: dskb search V3 · dskb search 护城河 · dskb search '671B' --type model · dskb search chuangxin"
)
def search(
    ctx: typer.Context,
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
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """Search every record type at once, best match first."""
    run = session(ctx, lang, json, fmt=fmt)
    hits, total = search_all(run.index, query, record_type, limit, tier)
    notes = (
        (f"showing {len(hits)} of {total} hits; --limit N shows more",) if total > len(hits) else ()
    )
    nothing = Nothing(f"nothing matches {quoted(query)}", search_hint(query))
    data = [h.as_json() for h in hits]
    view = partial(views.hits, hits)
    run.emit(Output(data, view, nothing, notes, flat=partial(hits_table, data)))
