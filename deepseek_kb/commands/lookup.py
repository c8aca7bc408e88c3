"""`dskb quote`, `dskb search` and `dskb verify`: lookups across the KB."""

from functools import partial
from typing import TYPE_CHECKING, Annotated

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
    shown_of,
    value_option,
)
from deepseek_kb.errors import NotFoundError, UsageError
from deepseek_kb.queries.common import by_id
from deepseek_kb.queries.lookup import find_quotes, search_all, search_hint
from deepseek_kb.render import lookup as views
from deepseek_kb.render.output import Output

if TYPE_CHECKING:
    from deepseek_kb.render.flat import FlatTable
    from deepseek_kb.rows import Row


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
    original: Annotated[
        bool,
        typer.Option("--original", help="Show the Chinese original under the English too."),
    ] = False,
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """Quotes ranked by how well they match, in your language (--original adds the Chinese)."""
    run = session(ctx, lang, json, fmt=fmt)
    found = find_quotes(run.index, query, speaker, topic, limit, tier)
    notes = shown_of(len(found.items), found.total, "noun.quotes", run.settings.lang)
    view = partial(views.quotes, found.items, found.names, query is None, original=original)
    data = found.as_json()
    flat = partial(_hits_table, data)
    if query:
        nothing = NotFoundError.of("nothing.quotes_for", found.hint, query=quoted(query))
    else:
        nothing = NotFoundError.of("nothing.quotes", found.hint)
    run.emit(Output(data, view, nothing, notes, flat=flat))


@app.command(
    epilog="Examples: dskb search 'V3 training cost' · dskb search 'what is MLA' · dskb search 护城河 · dskb search '671B' --type model · dskb search chuangxin"
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
    """Search every record type at once, best match first; a question (V3 training cost,
    谁创办了深度求索, what is MLA) gets its answer, cited, above the hits."""
    run = session(ctx, lang, json, fmt=fmt)
    result = search_all(run.index, query, record_type, limit, tier)
    hits, total = result.hits, result.total
    notes = shown_of(len(hits), total, "noun.hits", run.settings.lang)
    nothing = NotFoundError.of("nothing.search", search_hint(query), query=quoted(query))
    data = result.as_json()
    names = by_id(run.index, views.named(hits))  # the linked records the view names
    view = partial(views.hits, hits, names=names, answer=result.answer, unstated=result.unstated)
    run.emit(Output(data, view, nothing, notes, flat=partial(_hits_table, data)))


@app.command(
    epilog="Examples: dskb verify 'V3 cost $6M to train' · dskb verify '梁文锋：“我们不会闭源。”' · dskb verify --claim 'R1 had 2T parameters' --json"
)
def verify(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(
            metavar="[TEXT]",
            help="A quote or a claim as it circulates, in Chinese or English.",
            show_default=False,
        ),
    ] = None,
    claim: Annotated[
        str | None,
        typer.Option(
            "--claim", help="The claim, as an option (the same as TEXT).", show_default=False
        ),
    ] = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """Check a quote or a figure against the KB: exact, close, contradicted or not in the KB,
    with the stored words or value, its sources and a citation. Exit 0 exact or close, 1 not in
    the KB, 5 contradicted."""
    # Only verify needs the claim reader and its view: quote and search never import them.
    from deepseek_kb.queries.verifying import as_json, check_claim
    from deepseek_kb.render import verifying as verify_views

    run = session(ctx, lang, json, one=True, fmt=fmt)
    if (text is None) == (claim is None):
        raise UsageError.of("usage.claim_twice" if text else "usage.claim_missing")
    checked = check_claim(run.index, str(text if text is not None else claim))
    shown = run.settings.lang
    citation = verify_views.citation_text(checked, shown)
    data = as_json(checked, verify_views.citation_text(checked, "en"), shown)
    view = partial(verify_views.verdict_view, checked, citation)
    run.emit(Output(data, view, flat=partial(verify_views.verdict_row, data)))
    if checked.exit_code:
        raise typer.Exit(int(checked.exit_code))


def _hits_table(hits: "list[Row]", lang: str) -> "FlatTable":
    """The hits as one flat table (CSV, Markdown): its writer is imported only for them."""
    from deepseek_kb.render.flat import hits_table

    return hits_table(hits, lang)
