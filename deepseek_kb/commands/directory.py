"""`dskb people`, `dskb company`, `dskb sources`: who, what and where from."""

from functools import partial
from typing import Annotated

import typer

from deepseek_kb.commands.common import (
    FormatOpt,
    JsonOpt,
    LangOpt,
    TierOpt,
    app,
    complete_from,
    session,
    told_nothing,
)
from deepseek_kb.errors import UsageError
from deepseek_kb.queries.citing import bibliography, shown_source, source_detail
from deepseek_kb.queries.citing import cite as cite_query
from deepseek_kb.queries.common import names_for, one
from deepseek_kb.queries.directory import company as company_sections
from deepseek_kb.queries.directory import data_files, quote_counts
from deepseek_kb.queries.provenance import told_found
from deepseek_kb.render import citing
from deepseek_kb.render import directory as views
from deepseek_kb.render.flat import sections_table
from deepseek_kb.render.output import CiteFormat, Output


@app.command(epilog="Examples: dskb people · dskb people 梁文锋 · dskb people karpathy --json")
def people(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help="One person (name, alias or id); none lists everyone.",
            autocompletion=complete_from("person"),
            show_default=False,
        ),
    ] = None,
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """The people the article names: the founder, researchers, commentators."""
    run = session(ctx, lang, json, one=name is not None, fmt=fmt)
    index = run.index
    if name is None:
        listing = index.records("person", tier)
        counts = quote_counts(index, tier)
        nothing = told_nothing(tier, "noun.people")
        run.emit(Output(listing, partial(views.people_table, listing, counts), nothing))
        return
    person = one(index, name, "person", tier)
    said = [q for q in index.records("quote", tier) if q["speaker"] == person["id"]]
    names = names_for(index, [person], said)
    mentions = told_found(index, index.mentions(person["id"]), tier)
    view = partial(views.person_detail, person, names, said, mentions)
    run.emit(Output(person, view))


@app.command(epilog="Examples: dskb company · dskb company --lang zh · dskb company --json")
def company(
    ctx: typer.Context,
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """High-Flyer and DeepSeek: founding, compute, people, money and culture."""
    run = session(ctx, lang, json, fmt=fmt)
    sections = company_sections(run.index, tier)
    data = {key: [r for _, r in rows] for key, rows in sections}
    view = partial(views.company, sections)
    nothing = told_nothing(tier, "noun.the_company")
    run.emit(Output(data, view, nothing, flat=partial(sections_table, data)))


@app.command(
    epilog="Examples: dskb sources · dskb sources v3-readme · dskb sources article · dskb sources --from article · dskb sources --paths"
)
def sources(
    ctx: typer.Context,
    source_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="One source in full: its address, repository, commit and what cites it.",
            show_default=False,
        ),
    ] = None,
    paths: Annotated[
        bool, typer.Option("--paths", help="Show the data folders and files in use instead.")
    ] = False,
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """Where the facts come from: the article, its links, DeepSeek's official files."""
    run = session(ctx, lang, json, one=source_id is not None, fmt=fmt)
    if source_id is not None:
        detail = source_detail(run.index, source_id)
        run.emit(Output(detail.as_json(), partial(citing.source_detail, detail)))
        return
    if paths:
        rows = data_files(run.index)
        data = [{"layer": layer, "file": path, "records": n} for layer, path, n in rows]
        run.emit(Output(data, partial(views.paths_table, rows)))
        return
    listing = run.index.records("source", tier)
    shown = [shown_source(row) for row in listing]
    nothing = told_nothing(tier, "noun.sources")
    run.emit(Output(shown, partial(views.sources_table, listing), nothing))


@app.command(
    epilog='Examples: dskb cite deepseek-v3 --field training_cost --format bibtex · dskb cite "V3 training cost" · dskb cite 护城河 · dskb cite --all --format ris'
)
def cite(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="[QUERY]",
            help="A record or source id, a question (V3 training cost) or words (护城河).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        CiteFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (the default), markdown, bibtex, ris, csl-json or json.",
            show_default=False,
        ),
    ] = None,
    field: Annotated[
        str | None,
        typer.Option(
            "--field", help="Only one spec or field, e.g. training_cost.", show_default=False
        ),
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Every source: a whole bibliography, one entry each.")
    ] = False,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """A citation ready to paste: what is cited, its caveat, each source with its deep link."""
    run = session(ctx, lang, json, fmt=fmt, default=CiteFormat.text)
    if every == (query is not None):
        raise UsageError.of("usage.cite_both" if every else "usage.cite_none")
    if query is None:
        run.emit(citing.cite_result(None, list(bibliography(run.index).values())))
        return
    cited = cite_query(run.index, query, field)
    run.emit(citing.cite_result(cited, list(cited.references.values())))
